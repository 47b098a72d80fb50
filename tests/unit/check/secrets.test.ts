/** The PIN and the clerk's passcode: straight to the one call, zero-filled after, never seen again. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OneShotSecret } from '../../../main/check/one-shot-secret';
import { CheckViewSchema } from '../../../main/contract/channels/check';
import { AppError } from '../../../main/contract/errors';
import { REACH, startCheck, toIdentity, toPinEntry, type Harness } from './driver';

const PIN = '4826';

function everythingVisible(h: Harness): string {
  return JSON.stringify({ views: h.views, audit: h.fakes.audit.rows, jobs: h.fakes.jobs.jobs });
}

describe('the PIN', () => {
  it('reaches VERIFY as bytes, is zero-filled after, and appears in no view, audit row or snapshot', async () => {
    const h = await startCheck();
    await toPinEntry(h);
    const snapshots: string[] = [];
    h.send({ type: 'PIN_SUBMITTED', pin: PIN });
    snapshots.push(JSON.stringify(h.view()));
    await h.until('identity.pinEntry');
    expect(h.fakes.card.pinsSeen).toEqual([PIN]);
    expect([...(h.fakes.card.pinBuffers[0] ?? [])]).toEqual([0, 0, 0, 0]);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    expect([...(h.fakes.card.pinBuffers[1] ?? [])]).toEqual([0, 0, 0, 0]);
    h.send({ type: 'FINISH' });
    await h.service.ended();
    const seen = everythingVisible(h) + snapshots.join('');
    expect(seen).not.toContain(PIN);
    expect(seen).not.toContain('1234');
    for (const view of h.views) expect(CheckViewSchema.parse(view)).toEqual(view);
  });

  it('is never in the machine snapshot while VERIFY is in flight', async () => {
    const h = await startCheck();
    await REACH['identity.verifying'](h);
    const views = JSON.stringify(h.view());
    expect(views).not.toContain('1234');
    h.held.splice(0).forEach((d) => d.release());
    await h.until('result');
  });

  it('a VERIFY that fails in transport is never resent', async () => {
    const h = await startCheck();
    await toPinEntry(h);
    h.fakes.card.script.failNext('verifyAuthPin', new AppError('CARD_IO', 'カードとの通信に失敗しました。'));
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    const view = await h.until('interrupted');
    expect(view.interruption?.code).toBe('CARD_IO');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.fakes.card.script.calls.verifyAuthPin).toBe(1);
    expect([...(h.fakes.card.pinBuffers[0] ?? [])]).toEqual([0, 0, 0, 0]);
  });

  it('sent where no PIN is asked for, it is refused and nothing reaches the card', async () => {
    const h = await startCheck();
    await toIdentity(h);
    expect(() => h.send({ type: 'PIN_SUBMITTED', pin: '1234' })).toThrowError(expect.objectContaining({ code: 'CHECK_EVENT_NOT_ALLOWED' }));
    expect(h.fakes.card.script.calls.verifyAuthPin).toBeUndefined();
    expect(h.view().step).toBe('identity.choosing');
  });

  it('a second PIN while the first VERIFY runs is refused', async () => {
    const h = await startCheck();
    await REACH['identity.verifying'](h);
    expect(() => h.send({ type: 'PIN_SUBMITTED', pin: '1234' })).toThrowError(expect.objectContaining({ code: 'CHECK_EVENT_NOT_ALLOWED' }));
    h.held.splice(0).forEach((d) => d.release());
    await h.until('result');
    expect(h.fakes.card.script.calls.verifyAuthPin).toBe(1);
  });
});

describe('OneShotSecret', () => {
  it('gives its bytes once, zero-fills them after, and refuses a second use', async () => {
    const secret = OneShotSecret.fromDigits('1234');
    let held: Uint8Array | null = null;
    await secret.use(async (bytes) => {
      held = bytes;
      expect(Buffer.from(bytes).toString('ascii')).toBe('1234');
    });
    expect([...(held ?? [])]).toEqual([0, 0, 0, 0]);
    expect(secret.spent).toBe(true);
    await expect(secret.use(async () => undefined)).rejects.toMatchObject({ code: 'SECRET_SPENT' });
  });

  it('zero-fills even when the call fails', async () => {
    const secret = OneShotSecret.fromDigits('1234');
    let held: Uint8Array | null = null;
    await expect(
      secret.use(async (bytes) => {
        held = bytes;
        throw new Error('card gone');
      }),
    ).rejects.toThrow('card gone');
    expect([...(held ?? [])]).toEqual([0, 0, 0, 0]);
  });

  it('cannot be serialised, inspected or cloned into a log', () => {
    const secret = OneShotSecret.fromDigits('9876');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[secret]"}');
    expect(inspect(secret)).not.toContain('9876');
    expect(JSON.stringify(structuredClone(secret))).not.toContain('9876');
  });
});

describe('the clerk passcode for 目視', () => {
  it('is zero-filled after the check and appears nowhere', async () => {
    const h = await startCheck();
    await toIdentity(h);
    h.send({ type: 'CHOOSE_VISUAL' });
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await h.until('result');
    expect([...(h.fakes.clerk.passcodeBuffers[0] ?? [])]).toEqual([0, 0, 0, 0]);
    expect(everythingVisible(h)).not.toContain('9876');
  });
});

describe('the machine snapshot itself', () => {
  it('holds no PIN, even persisted while VERIFY is in flight', async () => {
    const { createActor, waitFor } = await import('xstate');
    const { createCheckMachine } = await import('../../../main/check/machine');
    const { createFakes } = await import('./fakes');
    const fakes = createFakes();
    fakes.card.present = true;
    const held = fakes.card.script.hold('verifyAuthPin');
    const machine = createCheckMachine({ ports: fakes.ports, record: () => undefined, now: () => new Date('2026-11-25T01:00:00Z') });
    const actor = createActor(machine, {
      input: { checkId: 'm-1', staffId: 'S001', trainingMode: true, settings: await fakes.settings.readCheckSettings() },
    }).start();
    actor.send({ type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: '2026-11-25' });
    actor.send({ type: 'AGREE_ALL' });
    actor.send({ type: 'CONSENT_CONFIRM' });
    await waitFor(actor, (s) => s.matches({ identity: 'choosing' }));
    actor.send({ type: 'CHOOSE_PIN' });
    await waitFor(actor, (s) => s.matches({ identity: 'pinEntry' }));
    actor.send({ type: 'PIN_SUBMITTED', pin: OneShotSecret.fromDigits('5914') });
    expect(actor.getSnapshot().matches({ identity: 'verifying' })).toBe(true);
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('5914');
    expect(JSON.stringify(actor.getPersistedSnapshot())).not.toContain('5914');
    expect(JSON.stringify(actor.getSnapshot().context)).not.toContain('5914');
    held.release();
    await waitFor(actor, (s) => s.matches({ identity: 'pinEntry' }));
    expect(fakes.card.pinsSeen).toEqual(['5914']);
    actor.stop();
  });
});
