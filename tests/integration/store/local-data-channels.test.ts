/** The 照会番号, settings and jobs channels through the real handler table: validation, errors, results. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { openDatabase } from '../../../main/store/database';
import { DeviceRecord } from '../../../main/store/device';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';

let dataDir: string;
let host: ServicesHost;
let nextId = 1;
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'onshi-channels-'));
  host = await createServicesHost({ dataDir, trainingMode: true, transport: 'web', now: () => new Date('2026-11-25T03:00:00Z') });
});
afterEach(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (channel: string, payload: unknown) => host.table.dispatch(nextId++, channel, payload, { connectionId: 'test' });
const RECORD = { referenceNumber: 'R-1', insurerNumber: '33120015', symbol: '記号', number: '1', branch: '01', birthDate: '19700101' };

async function activate(): Promise<void> {
  const store = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
  new DeviceRecord(store).activate({ institutionCode: '0110113719', userId: 'cart01', credential: Buffer.from('c') });
  store.close();
}

describe('local data channels', () => {
  it('says plainly that 照会番号 need an activated device', async () => {
    const result = await call('inquiry.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INQUIRY_NO_INSTITUTION' } });
  });

  it('registers, lists, exports and refuses a bad entry with its reason', async () => {
    await activate();
    expect(await call('inquiry.register', RECORD)).toMatchObject({ ok: true, value: { referenceNumber: 'R-1' } });
    expect(await call('inquiry.register', { ...RECORD, referenceNumber: 'R-2', birthDate: '19701301' })).toMatchObject({
      ok: false,
      error: { code: 'INQUIRY_INVALID', message: expect.stringContaining('生年月日') },
    });
    expect(await call('inquiry.list', { search: 'R-' })).toMatchObject({ ok: true, value: { entries: [{ referenceNumber: 'R-1' }] } });
    const exported = await call('inquiry.export', { encoding: 'utf8' });
    expect(exported.ok).toBe(true);
    const csv = Buffer.from((exported as { value: { csvBase64: string } }).value.csvBase64, 'base64').toString('utf8');
    expect(csv).toContain('R-1,33120015,記号,1,01,19700101');
    expect(await call('inquiry.import', { csvBase64: Buffer.from('bad').toString('base64') })).toMatchObject({ ok: true, value: { ok: false, problems: [{ row: 1 }] } });
    expect(await call('inquiry.delete', { id: 99 })).toMatchObject({ ok: false, error: { code: 'INQUIRY_NOT_FOUND' } });
  });

  it('reads and updates settings, refusing values the schema forbids', async () => {
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { checkRetentionDays: 30 } });
    expect(await call('settings.update', { electronicPrescription: true })).toMatchObject({ ok: true, value: { electronicPrescription: true } });
    expect(await call('settings.update', { idleLockSeconds: 1 })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { electronicPrescription: true, idleLockSeconds: 120 } });
  });

  it('shows the job queue', async () => {
    expect(await call('jobs.list', {})).toEqual({ kind: 'result', id: expect.any(Number), ok: true, value: { counts: { pending: 0, running: 0, done: 0, failed: 0 }, jobs: [] } });
    expect(await call('jobs.retry', { id: 1 })).toMatchObject({ ok: true, value: { retried: false } });
  });
});
