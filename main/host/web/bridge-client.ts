/**
 * `window.onshi` for a browser page in web mode: the same API the Electron preload exposes, carried
 * over the loopback bridge. The token comes from the address's fragment (kept for this tab only),
 * so it is never in a request line, a log or another site's reach.
 */
import type { AppErrorShape, CallOutcome, OnshiApi, WireFromHost } from '../../contract';

const TOKEN_KEY = 'onshi.bridge.token';

function bridgeToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const HOST_UNAVAILABLE: AppErrorShape = {
  code: 'HOST_UNAVAILABLE',
  message: 'アプリの処理部と接続できません。表示されたアドレスからページを開き直してください。',
};

function createBridgeApi(): OnshiApi {
  const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(bridgeToken())}`);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true));
    socket.addEventListener('close', () => resolve(false));
  });
  const pending = new Map<number, (outcome: CallOutcome<never>) => void>();
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as WireFromHost;
    if (message.kind === 'result') {
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.ok ? { ok: true, value: message.value as never } : { ok: false, error: message.error });
    } else {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload as never);
    }
  });
  socket.addEventListener('close', () => {
    for (const settle of pending.values()) settle({ ok: false, error: HOST_UNAVAILABLE });
    pending.clear();
  });

  const api: OnshiApi = {
    async invoke(channel, request) {
      if (!(await opened) || socket.readyState !== WebSocket.OPEN) return { ok: false, error: HOST_UNAVAILABLE };
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (outcome: CallOutcome<never>) => void);
        socket.send(JSON.stringify({ kind: 'call', id, channel, payload: request }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  return Object.freeze(api);
}

Object.defineProperty(window, 'onshi', { value: createBridgeApi(), writable: false, configurable: false });
