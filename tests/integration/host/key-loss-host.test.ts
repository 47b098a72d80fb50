/**
 * A cart whose OS key is gone (here: the key file of web mode deleted): the host answers
 * STORE_KEY_LOST with a sentence that offers re-activation, the discard channel wipes what the
 * key sealed and composes the services again, and set-up runs as on a new cart against the
 * training simulator. The audit log records the discard and verifies in full afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { KEY_FILE_NAME } from '../../../main/store/secret-protector';
import { channelCaller } from '../../helpers/host-calls';

let dir: string;
let host: ServicesHost;

const call = channelCaller(() => host);

const startHost = async () => {
  host = await createServicesHost({ dataDir: dir, trainingMode: true, transport: 'web' });
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-key-loss-'));
  await startHost();
  const account = (await call('session.state', {})).trainingAccount!;
  await call('settings.update', { idleLockSeconds: 300 });
  await call('setup.activate', account);
  await call('setup.addStaff', { displayName: '佐藤', role: 'admin', passcode: '2468' });
  await host.close();
  rmSync(path.join(dir, KEY_FILE_NAME));
  await startHost();
}, 30_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('re-activation after the OS key is lost', () => {
  it('answers STORE_KEY_LOST with a sentence that offers re-activation', async () => {
    const error = await call('session.state', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_KEY_LOST', message: expect.stringContaining('再アクティベーション') });
    await expect(call('setup.activate', { institutionCode: '0110113719', userId: 'cart01', password: 'x', activationCode: 'y' })).rejects.toMatchObject({ code: 'STORE_KEY_LOST' });
    expect((await call('app.info', {})).name).toBe('onshi-cart');
  });

  it('refuses the discard without the explicit confirmation, and changes nothing', async () => {
    await expect(call('setup.discardAfterKeyLoss', {} as never)).rejects.toMatchObject({ code: 'IPC_INVALID_REQUEST' });
    await expect(call('session.state', {})).rejects.toMatchObject({ code: 'STORE_KEY_LOST' });
  });

  it('discards the sealed data, keeps the settings, and set-up runs again with the training account', async () => {
    const fresh = await call('setup.discardAfterKeyLoss', { confirm: true });
    expect(fresh.device.state).toBe('unactivated');
    expect(fresh.staff).toEqual([]);
    expect((await call('settings.get', {})).idleLockSeconds).toBe(300);

    const activated = await call('setup.activate', fresh.trainingAccount!);
    expect(activated.device).toMatchObject({ state: 'activated', userId: 'cart01' });
    const withAdmin = await call('setup.addStaff', { displayName: '鈴木', role: 'admin', passcode: '1357' });
    expect(withAdmin.staff).toMatchObject([{ displayName: '鈴木', role: 'admin' }]);
    const unlocked = await call('session.unlock', { staffId: withAdmin.staff[0]!.id, passcode: '1357' });
    expect(unlocked.current).toMatchObject({ displayName: '鈴木' });
  });

  it('offers the discard only while the key is lost', async () => {
    await expect(call('setup.discardAfterKeyLoss', { confirm: true })).rejects.toMatchObject({
      code: 'SETUP_KEY_NOT_LOST',
      message: expect.stringContaining('消去する必要はありません'),
    });
    expect((await call('session.state', {})).device.state).toBe('activated');
  });

  it('records the discard in the audit log, which verifies in full across the old key and the new', async () => {
    const report = await call('audit.verify', { full: true });
    expect(report).toMatchObject({ ok: true, acknowledged: [{ seq: 1, problem: 'mac-mismatch' }] });
    expect((await call('audit.status', {})).state).toBe('ok');
    const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
    try {
      const kinds = db.prepare("SELECT json_extract(content, '$.kind') AS kind, json_extract(content, '$.problem') AS problem, json_extract(content, '$.actor') AS actor FROM audit_log WHERE json_extract(content, '$.kind') IN ('admin.acknowledge', 'store.key-loss-discard') ORDER BY seq").all();
      expect(kinds).toEqual([
        { kind: 'admin.acknowledge', problem: 'key-lost', actor: 'setup' },
        { kind: 'store.key-loss-discard', problem: null, actor: 'setup' },
      ]);
    } finally {
      db.close();
    }
  });

  it('starts normally afterwards, with the chain intact from its anchor', async () => {
    await host.close();
    await startHost();
    expect((await call('session.state', {})).device.state).toBe('activated');
    expect(await call('audit.status', {})).toMatchObject({ state: 'ok' });
    await expect(call('setup.discardAfterKeyLoss', { confirm: true })).rejects.toMatchObject({ code: 'SETUP_KEY_NOT_LOST' });
  });
});
