/**
 * 照会番号 changes and exports reach the audit log through the services host: "who touched this
 * patient's entry" is answered by audit.find from the insurance identifiers, the rows hold only the
 * keyed hash, and a refused change is recorded as refused. While the chain is broken no change is
 * made that the log could not record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { channelCaller } from '../../helpers/host-calls';

let dir: string;
let host: ServicesHost;
let adminId: number;

const RECORD = { referenceNumber: 'K-000123', insurerNumber: '33120015', symbol: '東京１２', number: '3456', branch: '01', birthDate: '19520304' };
const PATIENT = { insurer: '33120015', symbol: '東京１２', number: '3456', branch: '01', birthdate: '19520304' };

const call = channelCaller(() => host);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-inquiry-audit-'));
  host = await createServicesHost({ dataDir: dir, trainingMode: true, transport: 'web' });
  await call('setup.activate', (await call('session.state', {})).trainingAccount!);
  adminId = (await call('setup.addStaff', { displayName: '佐藤', role: 'admin', passcode: '2468' })).staff[0]!.id;
  await call('session.unlock', { staffId: adminId, passcode: '2468' });
}, 30_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('records register, a refused duplicate, edit and delete against the patient, by the administrator', async () => {
  const entry = await call('inquiry.register', RECORD);
  await expect(call('inquiry.register', RECORD)).rejects.toMatchObject({ code: 'INQUIRY_DUPLICATE' });
  await call('inquiry.edit', { id: entry.id, record: { ...RECORD, referenceNumber: 'K-000124' } });
  await call('inquiry.delete', { id: entry.id });
  const { rows } = await call('audit.find', PATIENT);
  expect(rows.map((r) => [r.kind, r.actor])).toEqual(Array(4).fill(['reference.change', String(adminId)]));

  const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
  try {
    const contents = db.prepare("SELECT content FROM audit_log WHERE json_extract(content, '$.kind') = 'reference.change' ORDER BY seq").pluck().all() as string[];
    expect(contents.map((c) => [JSON.parse(c).action, JSON.parse(c).outcome, JSON.parse(c).code])).toEqual([
      ['register', 'ok', undefined],
      ['register', 'failed', 'INQUIRY_DUPLICATE'],
      ['update', 'ok', undefined],
      ['delete', 'ok', undefined],
    ]);
    for (const c of contents) for (const value of ['33120015', '東京', '3456', '19520304', 'K-00012']) expect(c).not.toContain(value);
  } finally {
    db.close();
  }
});

it('records an import with its counts and an export with its row count', async () => {
  const csv = `照会番号,保険者番号,記号,番号,枝番,生年月日\r\nA-1,33120015,記号,1,01,19700101\r\nA-2,138057,,99,02,20010101\r\n`;
  expect(await call('inquiry.import', { csvBase64: Buffer.from(csv, 'utf8').toString('base64'), encoding: 'utf8' })).toMatchObject({ ok: true, added: 2 });
  expect((await call('inquiry.export', { encoding: 'cp932' })).count).toBe(2);
  const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
  try {
    const rows = db.prepare("SELECT content FROM audit_log WHERE json_extract(content, '$.kind') = 'reference.import' OR json_extract(content, '$.what') = 'inquiry-numbers' ORDER BY seq").pluck().all() as string[];
    expect(rows.map((c) => JSON.parse(c))).toMatchObject([
      { kind: 'reference.import', actor: String(adminId), added: 2, updated: 0 },
      { kind: 'export', actor: String(adminId), what: 'inquiry-numbers', format: 'csv-cp932', rows: 2 },
    ]);
  } finally {
    db.close();
  }
});

it('refuses 照会番号 and settings changes while the audit chain is broken, and changes nothing', async () => {
  const settingsBefore = await call('settings.get', {});
  const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'));
  try {
    db.prepare("UPDATE audit_log SET content = replace(content, '\"ok\"', '\"failed\"') WHERE seq = 1").run();
  } finally {
    db.close();
  }
  expect((await call('audit.verify', { full: true })).firstBad).toEqual({ seq: 1, problem: 'mac-mismatch' });
  const before = (await call('inquiry.list', {})).entries;
  await expect(call('inquiry.register', { ...RECORD, referenceNumber: 'B-1' })).rejects.toMatchObject({ code: 'AUDIT_CHAIN_BROKEN' });
  await expect(call('inquiry.delete', { id: before[0]!.id })).rejects.toMatchObject({ code: 'AUDIT_CHAIN_BROKEN' });
  expect((await call('inquiry.list', {})).entries).toEqual(before);
  await expect(call('settings.update', { idleLockSeconds: 900 })).rejects.toMatchObject({ code: 'AUDIT_CHAIN_BROKEN' });
  await expect(call('settings.setAuditCollector', { collector: null })).rejects.toMatchObject({ code: 'AUDIT_CHAIN_BROKEN' });
  expect(await call('settings.get', {})).toEqual(settingsBefore);
});
