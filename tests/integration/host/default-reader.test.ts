/**
 * The default card reader is a setting of the cart: chosen on the card channel or in the settings,
 * it is saved as settings.readerName with an audit row under the administrator who chose it, the
 * running reader monitor follows at once, and a restarted host reads from it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { FakePcsc } from '../../unit/pcsc/fake-pcsc';
import { channelCaller } from '../../helpers/host-calls';

const CONTACT = 'Contact Reader 0';
const PASORI = 'Sony FeliCa Port/PaSoRi 4.0 0';
const ADMIN_PASSCODE = '2468';
const CLERK_PASSCODE = '1357';

let dir: string;
let host: ServicesHost;
let adminId: number;
let clerkId: number;

const call = channelCaller(() => host);

/** Both readers attached, the contact reader first: with no default the monitor would take it. */
async function startHost(): Promise<void> {
  const pcsc = new FakePcsc();
  pcsc.plug(CONTACT);
  pcsc.plug(PASORI);
  host = await createServicesHost({ dataDir: dir, trainingMode: true, transport: 'web', adapters: { pcsc } });
  const deadline = Date.now() + 5_000;
  while ((await call('card.readers', {})).readers.length < 2) {
    if (Date.now() > deadline) throw new Error('the reader monitor did not see both readers');
    await new Promise((done) => setTimeout(done, 20));
  }
}

async function defaultReader(): Promise<string | undefined> {
  return (await call('card.readers', {})).readers.find((r) => r.isDefault)?.name;
}

function readerNameChanges(): string[] {
  const db = new BetterSqlite3(path.join(dir, 'onshi-cart.db'), { readonly: true });
  try {
    return db
      .prepare("SELECT json_extract(content, '$.actor') FROM audit_log WHERE json_extract(content, '$.kind') = 'settings.change' AND json_extract(content, '$.key') = 'reader-name' ORDER BY seq")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-default-reader-'));
  await startHost();
  await call('setup.activate', (await call('session.state', {})).trainingAccount!);
  adminId = (await call('setup.addStaff', { displayName: '佐藤', role: 'admin', passcode: ADMIN_PASSCODE })).staff[0]!.id;
  await call('session.unlock', { staffId: adminId, passcode: ADMIN_PASSCODE });
  clerkId = (await call('setup.addStaff', { displayName: '田中', role: 'clerk', passcode: CLERK_PASSCODE })).staff.find((m) => m.role === 'clerk')!.id;
  await call('session.lock', {});
}, 30_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the default card reader', () => {
  it('starts with the first reader and no saved choice', async () => {
    expect(await defaultReader()).toBe(CONTACT);
    expect((await call('settings.get', {})).readerName).toBeNull();
  });

  it('is not changed while the cart is locked or by a clerk', async () => {
    await expect(call('card.setDefaultReader', { reader: PASORI })).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    await call('session.unlock', { staffId: clerkId, passcode: CLERK_PASSCODE });
    await expect(call('card.setDefaultReader', { reader: PASORI })).rejects.toMatchObject({ code: 'SESSION_ADMIN_ONLY' });
    await call('session.lock', {});
    expect(await defaultReader()).toBe(CONTACT);
    expect((await call('settings.get', {})).readerName).toBeNull();
    expect(readerNameChanges()).toEqual([]);
  });

  it('chosen by the administrator, is saved in the settings and recorded under their staff ID', async () => {
    await call('session.unlock', { staffId: adminId, passcode: ADMIN_PASSCODE });
    expect(await call('card.setDefaultReader', { reader: PASORI })).toEqual({ reader: PASORI });
    expect(await defaultReader()).toBe(PASORI);
    expect((await call('settings.get', {})).readerName).toBe(PASORI);
    expect(readerNameChanges()).toEqual([String(adminId)]);
  });

  it('refuses a reader that is not attached and keeps the saved one', async () => {
    await expect(call('card.setDefaultReader', { reader: 'Unplugged Reader 0' })).rejects.toMatchObject({ code: 'NO_READER', message: expect.any(String) });
    await expect(call('card.setDefaultReader', { reader: '' })).rejects.toMatchObject({ code: 'IPC_INVALID_REQUEST' });
    expect(await defaultReader()).toBe(PASORI);
    expect((await call('settings.get', {})).readerName).toBe(PASORI);
    expect(readerNameChanges()).toEqual([String(adminId)]);
  });

  it('changed in the settings, is used by the running reader monitor at once', async () => {
    await call('settings.update', { readerName: CONTACT });
    expect(await defaultReader()).toBe(CONTACT);
    await call('settings.update', { readerName: PASORI });
    expect(await defaultReader()).toBe(PASORI);
    expect(readerNameChanges()).toEqual([String(adminId), String(adminId), String(adminId)]);
  });

  it('is the default again after the host restarts on the same data folder', async () => {
    await host.close();
    await startHost();
    expect(await defaultReader()).toBe(PASORI);
  });

  it('set back to none in the settings, leaves the choice to the monitor again', async () => {
    await call('session.unlock', { staffId: adminId, passcode: ADMIN_PASSCODE });
    await call('settings.update', { readerName: null });
    expect(await defaultReader()).toBe(CONTACT);
  });
});
