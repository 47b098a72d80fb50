/**
 * The services host as the app and web mode compose it, in 研修モード on a fresh data folder:
 * set-up with the simulator's training account, the first administrator, unlock, a check that
 * starts at the care-setting step, the idle lock, and what a broken installation answers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { channelCaller } from '../../helpers/host-calls';

let dir: string;
let host: ServicesHost;

const call = channelCaller(() => host);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-composed-'));
  host = await createServicesHost({ dataDir: dir, trainingMode: true, transport: 'web' });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('composed services host (研修モード)', () => {
  it('starts unactivated, in training mode, offering the training account', async () => {
    const state = await call('session.state', {});
    expect(state.device.state).toBe('unactivated');
    expect(state.trainingMode).toBe(true);
    expect(state.trainingAccount).toMatchObject({ userId: 'cart01' });
    expect((await call('app.info', {})).trainingMode).toBe(true);
  });

  it('refuses a wrong activation code with what the admin must do, and stays unactivated', async () => {
    const account = (await call('session.state', {})).trainingAccount!;
    await expect(call('setup.activate', { ...account, activationCode: 'WRONG-CODE' })).rejects.toMatchObject({ code: expect.any(String) });
    expect((await call('session.state', {})).device.state).toBe('unactivated');
  });

  it('activates with the training account and registers the first administrator', async () => {
    const account = (await call('session.state', {})).trainingAccount!;
    const activated = await call('setup.activate', account);
    expect(activated.device).toMatchObject({ state: 'activated', institutionCode: account.institutionCode, userId: 'cart01' });
    // The simulated 資格確認端末 has 手術情報 switched off: the cart takes that over, or the gateway would refuse every consent.
    expect((await call('settings.get', {})).enabledConsentItems).toEqual(['diagnosis', 'medication', 'checkup']);
    // Adopted like any settings change: one audit row per changed value, by set-up.
    const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
    try {
      const changes = db.prepare("SELECT content FROM audit_log WHERE json_extract(content, '$.kind') = 'settings.change' ORDER BY seq").pluck().all() as string[];
      expect(changes.map((c) => JSON.parse(c) as unknown)).toMatchObject([{ kind: 'settings.change', actor: 'setup', key: 'enabled-consent-items' }]);
    } finally {
      db.close();
    }
    const withAdmin = await call('setup.addStaff', { displayName: '佐藤', role: 'admin', passcode: '2468' });
    expect(withAdmin.staff).toEqual([{ id: expect.any(Number), displayName: '佐藤', role: 'admin', locked: false }]);
  });

  it('after the first administrator, adding staff needs an administrator signed in', async () => {
    await expect(call('setup.addStaff', { displayName: '田中', role: 'clerk', passcode: '1357' })).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
  });

  it('unlocks, starts a check at the care-setting step, and locking ends the check', async () => {
    const admin = (await call('session.state', {})).staff[0]!;
    const unlocked = await call('session.unlock', { staffId: admin.id, passcode: '2468' });
    expect(unlocked.current).toMatchObject({ displayName: '佐藤', role: 'admin' });
    const view = await call('check.start', {});
    expect(view).toMatchObject({ step: 'careSetting', trainingMode: true, trainingBanner: '研修モード：実際の資格確認ではありません' });
    await call('session.lock', {});
    await expect.poll(async () => (await call('check.current', {})).view?.step).toBe('ended');
    expect((await call('check.current', {})).view?.result).toBeNull();
  });

  it('lets nobody acknowledge an audit break while the cart is locked', async () => {
    await expect(call('audit.acknowledge', { admin: '1', breakAt: 1 })).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
  });

  it('records the whole session in a verifiable audit log', async () => {
    const verified = await call('audit.verify', { full: true });
    expect(verified.ok).toBe(true);
    expect((await call('audit.status', {})).lastSeq).toBeGreaterThan(3);
  });
});

describe('a broken installation', () => {
  it('answers every call that needs the store with its error, and still tells what it is', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'onshi-broken-'));
    writeFileSync(path.join(broken, 'onshi-cart.db'), 'this is not a database');
    const brokenHost = await createServicesHost({ dataDir: broken, trainingMode: true, transport: 'web' });
    try {
      const reply = await brokenHost.table.dispatch(1, 'session.state', {}, { connectionId: 't' });
      expect(reply).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^STORE_/) } });
      expect((await brokenHost.table.dispatch(2, 'app.info', {}, { connectionId: 't' })).ok).toBe(true);
    } finally {
      await brokenHost.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
