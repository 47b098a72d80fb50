/**
 * A scripted stand-in for the services host's side of `window.onshi`, served in place of the
 * bridge client, so the real built renderer can be driven through every check screen, each view
 * exactly as the test wants it. A clerk is signed in from the start; the test decides each next
 * view and may lock the cart; the page records every call the screens make, so a test can assert
 * what a click or a key press sent.
 */
import type { Page } from 'playwright-core';
import type { CheckView } from '../../main/contract/channels/check';

const SCRIPT = `(() => {
  const listeners = {};
  const clerk = { id: 1, displayName: '佐藤 花子', role: 'clerk' };
  const session = {
    device: { state: 'activated', institutionCode: '1310123458', userId: 'cart01' },
    staff: [{ id: 2, displayName: '管理 花子', role: 'admin', locked: false }, { ...clerk, locked: false }],
    current: clerk,
    lockCause: null,
    auditBreak: null,
    idleLockSeconds: 120,
    trainingMode: true,
    trainingAccount: null,
  };
  const state = { view: null, startView: null, calls: [], replies: {} };
  const ok = (value) => Promise.resolve({ ok: true, value });
  const emit = (event, payload) => {
    for (const listener of listeners[event] || []) listener(payload);
  };
  window.__host = {
    calls: state.calls,
    show(view) {
      state.view = view;
      emit('check.state', { view });
    },
    /** What the host does when the cart idles: the check ends, the session locks. */
    idleLock() {
      state.view = null;
      emit('check.state', { view: null });
      session.current = null;
      session.lockCause = 'idle';
      emit('session.changed', { ...session });
    },
    onStart(view) { state.startView = view; },
    reply(type, view) { state.replies[type] = view; },
  };
  window.onshi = {
    invoke(channel, request) {
      state.calls.push({ channel, request });
      switch (channel) {
        case 'app.info':
          return ok({ name: 'onshi-cart', version: '0.1.0', trainingMode: true, transport: 'web', now: new Date().toISOString() });
        case 'session.state':
          return ok(session);
        case 'session.activity':
          return ok({ ok: true });
        case 'check.current':
          return ok({ view: state.view });
        case 'check.start':
          state.view = state.startView;
          return ok(state.view);
        case 'check.send':
          if (state.replies[request.type]) window.__host.show(state.replies[request.type]);
          return ok(state.view);
        default:
          return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'このチャンネルはありません。' } });
      }
    },
    on(event, listener) {
      (listeners[event] = listeners[event] || []).push(listener);
      return () => { listeners[event] = listeners[event].filter((l) => l !== listener); };
    },
  };
})();`;

/** Serves the scripted host instead of the bridge client for this page. */
export async function useScriptedHost(page: Page): Promise<void> {
  await page.route('**/onshi-bridge.js', (route) => route.fulfill({ contentType: 'text/javascript', body: SCRIPT }));
}

export async function showView(page: Page, view: CheckView): Promise<void> {
  await page.evaluate((v) => (window as unknown as { __host: { show(v: unknown): void } }).__host.show(v), view);
}

export async function idleLock(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __host: { idleLock(): void } }).__host.idleLock());
}

export async function onStart(page: Page, view: CheckView): Promise<void> {
  await page.evaluate((v) => (window as unknown as { __host: { onStart(v: unknown): void } }).__host.onStart(v), view);
}

/** Every check.send request the screens made so far. */
export async function sentEvents(page: Page): Promise<Array<{ type: string } & Record<string, unknown>>> {
  return page.evaluate(() =>
    (window as unknown as { __host: { calls: Array<{ channel: string; request: { type: string } }> } }).__host.calls
      .filter((c) => c.channel === 'check.send')
      .map((c) => c.request),
  );
}

/** From now on, answers a check.send of this event type by moving to the given view. */
export async function replyTo(page: Page, type: string, view: CheckView): Promise<void> {
  await page.evaluate(([t, v]) => (window as unknown as { __host: { reply(t: unknown, v: unknown): void } }).__host.reply(t, v), [type, view] as const);
}
