/**
 * The composed services host ships its audit log to a real rsyslog (TLS, RFC 5425) once the
 * collector is configured through the settings channel: bad settings are refused with what to fix
 * and change nothing, a wrong port shows as a plain Japanese reason with a retry time, the
 * corrected setting restarts shipping at once, and `onshi-cart audit reconcile` finds no gap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reconcileCollectorLog } from '../../../main/audit/reconcile';
import { main } from '../../../main/cli/index';
import type { RequestOf } from '../../../main/contract';
import { createServicesHost, type ServicesHost } from '../../../main/host/services-host';
import { freePort, makeTestPki, RsyslogCollector } from '../audit/rsyslog-collector';
import { channelCaller } from '../../helpers/host-calls';

let dir: string;
let dataDir: string;
let host: ServicesHost;
let collector: RsyslogCollector;
let caPem: string;
let caFile: string;

const call = channelCaller(() => host);

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}: ${JSON.stringify(await call('audit.shipping', {}))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A PEM block whose body is cut short: the frame looks right, the certificate inside does not parse. */
const truncatedPem = () => {
  const lines = caPem.trim().split('\n');
  return [lines[0], lines[1], lines[lines.length - 1]].join('\n');
};

const lastSeq = async () => (await call('audit.status', {})).lastSeq;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-host-ship-'));
  dataDir = path.join(dir, 'data');
  caPem = makeTestPki(dir, 'good').caPem;
  caFile = path.join(dir, 'good-ca.pem');
  collector = new RsyslogCollector(dir, 'good', await freePort());
  await collector.start();
  host = await createServicesHost({ dataDir, trainingMode: true, transport: 'web' });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await collector?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit shipping from the services host', () => {
  it('says plainly that nothing is shipped while no collector is configured', async () => {
    expect(await call('settings.auditCollector', {})).toEqual({ collector: null });
    const status = await call('audit.shipping', {});
    expect(status).toMatchObject({ state: 'not-configured', collector: null, confirmedThrough: 0, lastError: null });
    expect(status.message).toContain('集約サーバーが設定されていない');
    expect((await call('audit.status', {})).shipping).toBeNull();
  });

  it('refuses each kind of bad collector setting with what to fix, and changes nothing', async () => {
    writeFileSync(path.join(dir, 'not-a-cert.pem'), 'hello');
    const before = await lastSeq();
    const cases: Array<[RequestOf<'settings.setAuditCollector'>['collector'], string, RegExp]> = [
      [{ host: 'syslog server', port: 6514, caPem }, 'AUDIT_COLLECTOR_HOST', /ホスト名またはIPアドレス/],
      [{ host: '-bad.example', port: 6514, caPem }, 'AUDIT_COLLECTOR_HOST', /ホスト名/],
      [{ host: '192.168.1', port: 6514, caPem }, 'AUDIT_COLLECTOR_HOST', /ホスト名/],
      [{ host: '127.0.0.1', port: 0, caPem }, 'AUDIT_COLLECTOR_PORT', /1〜65535/],
      [{ host: '127.0.0.1', port: 65536, caPem }, 'AUDIT_COLLECTOR_PORT', /1〜65535/],
      [{ host: '127.0.0.1', port: 6514.5, caPem }, 'AUDIT_COLLECTOR_PORT', /整数/],
      [{ host: '127.0.0.1', port: 6514 }, 'AUDIT_COLLECTOR_CA_CHOICE', /どちらか一方/],
      [{ host: '127.0.0.1', port: 6514, caPem, caFile }, 'AUDIT_COLLECTOR_CA_CHOICE', /どちらか一方/],
      [{ host: '127.0.0.1', port: 6514, caPem: 'not a certificate' }, 'AUDIT_COLLECTOR_CA_INVALID', /PEM形式/],
      [{ host: '127.0.0.1', port: 6514, caPem: truncatedPem() }, 'AUDIT_COLLECTOR_CA_INVALID', /証明書/],
      [{ host: '127.0.0.1', port: 6514, caFile: 'good-ca.pem' }, 'AUDIT_COLLECTOR_CA_FILE', /フルパス/],
      [{ host: '127.0.0.1', port: 6514, caFile: path.join(dir, 'missing.pem') }, 'AUDIT_COLLECTOR_CA_FILE', /読み込めません/],
      [{ host: '127.0.0.1', port: 6514, caFile: path.join(dir, 'not-a-cert.pem') }, 'AUDIT_COLLECTOR_CA_INVALID', /PEM形式/],
    ];
    for (const [collectorInput, code, message] of cases) {
      const error = await call('settings.setAuditCollector', { collector: collectorInput }).catch((e: unknown) => e);
      expect(error, JSON.stringify(collectorInput).slice(0, 80)).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await call('settings.auditCollector', {})).toEqual({ collector: null });
    expect(await lastSeq()).toBe(before);
  });

  it('shows an unreachable collector as a plain reason with the next retry, and ships once the setting is corrected', async () => {
    const wrongPort = await freePort();
    const saved = await call('settings.setAuditCollector', { collector: { host: '127.0.0.1', port: wrongPort, caPem } });
    expect(saved.collector).toMatchObject({ host: '127.0.0.1', port: wrongPort, ca: { subject: expect.stringContaining('onshi-cart test CA') } });
    await until('a failed attempt', async () => (await call('audit.shipping', {})).state === 'retrying');
    const failing = await call('audit.shipping', {});
    expect(failing.lastError).toEqual({ cause: 'ECONNREFUSED', message: expect.stringContaining('接続を受け付けていません') });
    expect(failing.message).toContain('自動で再送します');
    expect(Date.parse(failing.nextAttemptAt!)).toBeGreaterThan(Date.now() - 1_000);
    expect(failing.confirmedThrough).toBe(0);
    expect(failing.backlog).toBe(await lastSeq());

    // Corrected (the CA given as a file this time): shipping restarts at once, not after the backoff.
    writeFileSync(caFile, caPem);
    await call('settings.setAuditCollector', { collector: { host: '127.0.0.1', port: collector.port, caFile } });
    for (let i = 0; i < 20; i++) await call('settings.update', { idleLockSeconds: 60 + i });
    const last = await lastSeq();
    await until('every row confirmed', async () => (await call('audit.shipping', {})).confirmedThrough === last);
    expect(await call('audit.shipping', {})).toMatchObject({ state: 'up-to-date', backlog: 0, lastError: null, collector: { port: collector.port } });
    expect((await call('audit.status', {})).shipping).toMatchObject({ confirmedThrough: last, failures: 0 });

    await collector.waitForLines(last);
    const received = collector.lines().join('\n');
    expect(received).toContain('"key":"audit-collector"');
    expect(received).toContain('"key":"idle-lock-seconds"');
    // `onshi-cart audit reconcile` as hospital IT runs it, next to the running host.
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const code = await main(['audit', 'reconcile', collector.received, '--data-dir', dataDir, '--json']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, localRows: last, gaps: [], notYetReceived: null, mismatched: [] });
  }, 60_000);

  it('goes on shipping after a restart of the host, from the saved setting', async () => {
    await host.close();
    host = await createServicesHost({ dataDir, trainingMode: true, transport: 'web' });
    expect((await call('settings.auditCollector', {})).collector).toMatchObject({ port: collector.port });
    await call('settings.update', { idleLockSeconds: 300 });
    const last = await lastSeq();
    await until('the new row confirmed', async () => (await call('audit.shipping', {})).confirmedThrough === last);
    await collector.waitForLines(last);
  }, 30_000);

  it('stops shipping when the collector is removed, and says so', async () => {
    expect(await call('settings.setAuditCollector', { collector: null })).toEqual({ collector: null });
    await call('settings.update', { idleLockSeconds: 120 });
    await new Promise((r) => setTimeout(r, 1_500));
    const status = await call('audit.shipping', {});
    // The removal itself still reached the old collector; only the change after it waits here.
    expect(status).toMatchObject({ state: 'not-configured', backlog: 1 });
    const db = new BetterSqlite3(path.join(dataDir, 'onshi-cart.db'), { readonly: true });
    try {
      const last = await lastSeq();
      expect((await reconcileCollectorLog(db, collector.received)).notYetReceived).toEqual({ from: last, to: last });
    } finally {
      db.close();
    }
  });
});
