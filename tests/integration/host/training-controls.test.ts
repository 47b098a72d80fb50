/**
 * 研修モード on a laptop without any card reader: the virtual card lives in the services host and
 * the trainer puts it on the reader; the trainer cuts the simulated network mid-check and the
 * check says so, then goes on once it is back. Outside 研修モード the controls refuse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokyoDate } from '../../../main/common/tokyo-time';
import type { CheckView } from '../../../main/contract/channels/check';
import { trainingCardholder } from '../../../main/oqs/population';
import type { ServicesHost } from '../../../main/host/services-host';
import { trainingHandlers } from '../../../main/host/handlers/training';
import { EventHub } from '../../../main/host/event-hub';
import { channelCaller } from '../../helpers/host-calls';
import { signedInTrainingHost } from '../../helpers/training-host';

let dir: string;
let host: ServicesHost;

const call = channelCaller(() => host);

async function stepOf(): Promise<CheckView['step'] | undefined> {
  return (await call('check.current', {})).view?.step;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-training-'));
  host = await signedInTrainingHost(dir, { displayName: '研修 花子', passcode: '2468' });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('training controls without a card reader', () => {
  it('reads from the virtual card, which starts off the reader, with the network up', async () => {
    expect(await call('training.state', {})).toEqual({ networkUp: true, card: 'virtual', virtualCardPresent: false });
  });

  it('a check waits for the card until the trainer puts the virtual card on the reader', { timeout: 30_000 }, async () => {
    await call('check.start', {});
    await call('check.send', { type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: tokyoDate(new Date()) });
    await call('check.send', { type: 'AGREE_ALL' });
    await call('check.send', { type: 'CONSENT_CONFIRM' });
    await expect.poll(stepOf).toBe('card.waiting');
    expect(await call('training.setVirtualCard', { present: true })).toMatchObject({ virtualCardPresent: true });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('identity.choosing');
  });

  it('with the network cut, the PIN step stops with the offline fallbacks; back up, RETRY goes on to the result', { timeout: 30_000 }, async () => {
    expect(await call('training.setNetwork', { up: false })).toMatchObject({ networkUp: false });
    // The PIN needs a challenge from OQS first, so the cut shows as soon as the PIN is chosen.
    await call('check.send', { type: 'CHOOSE_PIN' });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('interrupted');
    const interrupted = (await call('check.current', {})).view!;
    expect(interrupted.interruption).toMatchObject({ kind: 'offline' });
    expect(interrupted.interruption?.fallbacks.length).toBeGreaterThan(0);
    expect(await call('training.setNetwork', { up: true })).toMatchObject({ networkUp: true });
    await call('check.send', { type: 'RETRY' });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('identity.choosing');
    await call('check.send', { type: 'CHOOSE_PIN' });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('identity.pinEntry');
    await call('check.send', { type: 'PIN_SUBMITTED', pin: '1234' });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('result');
    expect((await call('check.current', {})).view?.result?.qualification.Name).toBe(trainingCardholder().Name);
    await call('check.send', { type: 'FINISH' });
    await expect.poll(async () => (await call('history.today', {})).checks).toEqual([
      { id: expect.any(Number), checkedAt: expect.any(String), staffName: '研修 花子', outcome: 'completed', patientName: trainingCardholder().Name },
    ]);
  });

  it('taking the card off the reader is seen by the next check', async () => {
    expect(await call('training.setVirtualCard', { present: false })).toMatchObject({ virtualCardPresent: false });
  });
});

describe('training controls outside 研修モード', () => {
  it('refuse, saying they are for 研修モード only', () => {
    const handlers = trainingHandlers({ world: null, card: null, events: new EventHub() });
    expect(() => handlers['training.state']({}, { connectionId: 'test' })).toThrow('研修モードでのみ');
    expect(() => handlers['training.setVirtualCard']({ present: true }, { connectionId: 'test' })).toThrow('研修モードでのみ');
  });
});
