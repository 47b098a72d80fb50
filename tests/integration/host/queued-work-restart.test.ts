/**
 * Work a check queued while OQS could not be reached survives a restart of the cart and goes out
 * once the host is up again, without anyone starting a check: a 照会番号 registered at the result
 * while the 資格確認端末's shared folder was out of reach is sent by the restarted host, and
 * recorded under the clerk who asked for it.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokyoDate } from '../../../main/common/tokyo-time';
import type { CheckView } from '../../../main/contract/channels/check';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { FakePcsc } from '../../unit/pcsc/fake-pcsc';
import { channelCaller } from '../../helpers/host-calls';

const ADMIN_PASSCODE = '2468';
const REFERENCE = 'P-000777';

let dir: string;
let host: ServicesHost;
let adminId: number;

const call = channelCaller(() => host);

/** 研修モード on a laptop without a reader: the virtual card in the host, the simulators in its data folder. */
const startHost = async () => {
  host = await createServicesHost({ dataDir: dir, trainingMode: true, transport: 'web', adapters: { pcsc: new FakePcsc() } });
};

async function stepOf(): Promise<CheckView['step'] | undefined> {
  return (await call('check.current', {})).view?.step;
}

function referenceAuditRows(): { actor: string; outcome: string; code: string | null }[] {
  const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT json_extract(content, '$.actor') AS actor, json_extract(content, '$.outcome') AS outcome, json_extract(content, '$.code') AS code FROM audit_log WHERE json_extract(content, '$.kind') = 'reference.change' ORDER BY seq",
      )
      .all() as { actor: string; outcome: string; code: string | null }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-queued-restart-'));
  await startHost();
  await call('setup.activate', (await call('session.state', {})).trainingAccount!);
  adminId = (await call('setup.addStaff', { displayName: '研修 花子', role: 'admin', passcode: ADMIN_PASSCODE })).staff[0]!.id;
  await call('session.unlock', { staffId: adminId, passcode: ADMIN_PASSCODE });
}, 30_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('queued check work after a restart', () => {
  it('a 照会番号 asked for while the terminal folder is out of reach waits in the queue', { timeout: 30_000 }, async () => {
    await call('check.start', {});
    await call('check.send', { type: 'CHOOSE_CARE_SETTING', setting: 'houseCall', reason: null, treatmentDate: tokyoDate(new Date()) });
    await call('check.send', { type: 'AGREE_ALL' });
    await call('check.send', { type: 'CONSENT_CONFIRM' });
    await expect.poll(stepOf).toBe('card.waiting');
    await call('training.setVirtualCard', { present: true });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('identity.choosing');
    await call('check.send', { type: 'CHOOSE_PIN' });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('identity.pinEntry');
    await call('check.send', { type: 'PIN_SUBMITTED', pin: '1234' });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('result');

    // The 資格確認端末's shared folder gone from under the cart, as when its share drops.
    const terminal = path.join(dir, 'training-terminal');
    renameSync(terminal, `${terminal}-unreachable`);
    await call('check.send', { type: 'REGISTER_REFERENCE', referenceNumber: REFERENCE });
    await expect.poll(stepOf, { timeout: 20_000 }).toBe('ended');
    expect((await call('check.current', {})).view?.queuedJobs).toEqual(['reference-number.register']);
    expect((await call('jobs.list', {})).jobs).toMatchObject([{ kind: 'reference-number.register', state: 'pending' }]);
    expect(referenceAuditRows()).toEqual([{ actor: String(adminId), outcome: 'ok', code: 'JOB_QUEUED' }]);
  });

  it('the restarted host sends it while nobody starts a check, recorded under the clerk who asked', { timeout: 30_000 }, async () => {
    await host.close();
    // The share is back; the training terminal comes up again with the host.
    rmSync(path.join(dir, 'training-terminal-unreachable'), { recursive: true, force: true });
    await startHost();
    expect(existsSync(path.join(dir, 'training-terminal'))).toBe(true);

    await expect.poll(async () => (await call('jobs.list', {})).jobs.map((j) => j.state), { timeout: 20_000 }).toEqual(['done']);
    expect(referenceAuditRows()).toEqual([
      { actor: String(adminId), outcome: 'ok', code: 'JOB_QUEUED' },
      { actor: String(adminId), outcome: 'ok', code: null },
    ]);
    // The cart is locked after the restart and no check was started to send it.
    expect((await call('session.state', {})).current).toBeNull();
    expect((await call('check.current', {})).view).toBeNull();
  });
});
