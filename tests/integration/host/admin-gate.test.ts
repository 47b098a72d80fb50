/**
 * Settings, the audit collector and 照会番号 change only by an administrator's hand once one exists:
 * locked, or a clerk signed in, each such channel says who may do it and changes nothing; reading
 * stays open; the administrator's change is recorded under their staff ID. Before the first
 * administrator, set-up may (a new cart is configured before anyone can sign in).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { channelCaller } from '../../helpers/host-calls';

let dir: string;
let host: ServicesHost;
let adminId: number;
let clerkId: number;

const PATIENT = { insurer: '33120015', symbol: '記号', number: '1', branch: '01', birthdate: '19700101' };
const RECORD = { referenceNumber: 'R-1', insurerNumber: '33120015', symbol: '記号', number: '1', branch: '01', birthDate: '19700101' };

const call = channelCaller(() => host);

/** Every changing channel, each with a request that would succeed for an administrator. */
const changes = (): Array<[string, () => Promise<unknown>]> => [
  ['settings.update', () => call('settings.update', { idleLockSeconds: 600 })],
  ['settings.setAuditCollector', () => call('settings.setAuditCollector', { collector: null })],
  ['inquiry.register', () => call('inquiry.register', { ...RECORD, referenceNumber: 'R-9' })],
  ['inquiry.edit', () => call('inquiry.edit', { id: 1, record: { ...RECORD, symbol: '別' } })],
  ['inquiry.delete', () => call('inquiry.delete', { id: 1 })],
  ['inquiry.import', () => call('inquiry.import', { csvBase64: Buffer.from('照会番号,保険者番号,記号,番号,枝番,生年月日\r\n').toString('base64') })],
];

async function expectNothingChanged(): Promise<void> {
  expect((await call('settings.get', {})).idleLockSeconds).toBe(300);
  expect((await call('inquiry.list', {})).entries).toMatchObject([{ id: 1, referenceNumber: 'R-1', symbol: '記号' }]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-admin-gate-'));
  host = await createServicesHost({ dataDir: dir, trainingMode: true, transport: 'web' });
  await call('setup.activate', (await call('session.state', {})).trainingAccount!);
  // Set-up, before any administrator exists, may configure the cart.
  await call('settings.update', { idleLockSeconds: 300 });
  await call('inquiry.register', RECORD);
  adminId = (await call('setup.addStaff', { displayName: '佐藤', role: 'admin', passcode: '2468' })).staff[0]!.id;
  await call('session.unlock', { staffId: adminId, passcode: '2468' });
  clerkId = (await call('setup.addStaff', { displayName: '田中', role: 'clerk', passcode: '1357' })).staff.find((m) => m.role === 'clerk')!.id;
  await call('session.lock', {});
}, 30_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('administrator-only changes', () => {
  it('refuses every change while the cart is locked, saying to unlock, and changes nothing', async () => {
    await expect(call('audit.find', PATIENT)).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    for (const [name, change] of changes()) {
      await expect(change(), name).rejects.toMatchObject({ code: 'SESSION_LOCKED', message: expect.stringContaining('ロックを解除') });
    }
    await expectNothingChanged();
  });

  it('refuses every change from a clerk, saying only an administrator may, and changes nothing; reading stays open', async () => {
    await call('session.unlock', { staffId: clerkId, passcode: '1357' });
    await expect(call('audit.find', PATIENT)).rejects.toMatchObject({ code: 'SESSION_ADMIN_ONLY' });
    for (const [name, change] of changes()) {
      await expect(change(), name).rejects.toMatchObject({ code: 'SESSION_ADMIN_ONLY', message: expect.stringContaining('管理者のみ') });
    }
    await expectNothingChanged();
    expect((await call('settings.auditCollector', {})).collector).toBeNull();
    await call('session.lock', {});
  });

  it('lets the signed-in administrator change them, recorded under their staff ID', async () => {
    await call('session.unlock', { staffId: adminId, passcode: '2468' });
    for (const [name, change] of changes()) await expect(change(), name).resolves.toBeDefined();
    expect((await call('settings.get', {})).idleLockSeconds).toBe(600);
    expect((await call('inquiry.list', {})).entries.map((e) => e.referenceNumber)).toEqual(['R-9']);
    // R-1 was registered during set-up, then edited away to another 記号 (another patient); R-9 is this patient's again.
    const { rows } = await call('audit.find', PATIENT);
    expect(rows.map((r) => r.actor)).toEqual(['setup', String(adminId), String(adminId)]);
    const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
    try {
      const actors = db.prepare("SELECT json_extract(content, '$.actor') FROM audit_log WHERE json_extract(content, '$.kind') = 'settings.change' ORDER BY seq").pluck().all();
      // Set-up: the consent items adopted at activation, then the change made before any administrator existed.
      expect(actors).toEqual(['setup', 'setup', String(adminId), String(adminId)]);
      const lookups = db.prepare("SELECT json_extract(content, '$.actor') FROM audit_log WHERE json_extract(content, '$.what') = 'audit-find'").pluck().all();
      expect(lookups).toEqual([String(adminId)]);
    } finally {
      db.close();
    }
  });
});
