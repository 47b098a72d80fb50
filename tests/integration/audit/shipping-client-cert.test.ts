/**
 * A collector that authenticates its senders (RFC 5425 §5, rsyslog's x509/certvalid): without a
 * client certificate, or with one another CA signed, nothing counts as delivered; with the cart's
 * certificate, saved through the collector setting (its key sealed at rest), every row arrives.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCollector, saveCollector, targetOf, validateCollector } from '../../../main/audit/collector-config';
import type { OpenedAudit } from '../../../main/audit/open-audit';
import { reconcileCollectorLog } from '../../../main/audit/reconcile';
import { AuditShipper } from '../../../main/audit/shipper';
import type { CollectorTarget } from '../../../main/audit/syslog-tls';
import { AppError } from '../../../main/contract/errors';
import { openAuditDir } from './audit-dir';
import { freePort, makeTestPki, RsyslogCollector } from './rsyslog-collector';

let dir: string;
let audit: OpenedAudit;
let collector: RsyslogCollector;
let caPem: string;
let port: number;
const pem = (name: string) => readFileSync(path.join(dir, name), 'utf8');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'onshi-audit-mtls-'));
  caPem = makeTestPki(dir, 'good').caPem;
  makeTestPki(dir, 'other');
  port = await freePort();
  collector = new RsyslogCollector(dir, 'good', port, 'x509/certvalid');
  await collector.start();
  audit = await openAuditDir(path.join(dir, 'data'));
  for (let i = 0; i < 25; i++) audit.log.append({ kind: 'session.login', actor: `S${i}`, outcome: 'ok' });
}, 60_000);
afterAll(async () => {
  await collector.stop();
  audit.close();
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(target: CollectorTarget): Promise<AppError> {
  const shipper = new AuditShipper({ db: audit.store.db, target: { ...target, timeoutMs: 3_000 } });
  try {
    await shipper.drain();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('the collector took the batch');
}

it('confirms nothing to a collector that wants a client certificate and gets none, or a stranger\'s', async () => {
  expect((await refusal({ host: '127.0.0.1', port, ca: caPem })).code).toBe('AUDIT_COLLECTOR_UNREACHABLE');
  const stranger = { cert: pem('other-client-cert.pem'), key: pem('other-client-key.pem') };
  expect((await refusal({ host: '127.0.0.1', port, ca: caPem, ...stranger })).code).toBe('AUDIT_COLLECTOR_UNREACHABLE');
  expect(new AuditShipper({ db: audit.store.db, target: { host: '127.0.0.1', port, ca: caPem } }).confirmedThrough()).toBe(0);
  expect(collector.lines()).toEqual([]);
}, 30_000);

it('delivers every row with the cart\'s certificate from the saved setting, whose key is sealed at rest', async () => {
  const keyPem = pem('good-client-key.pem');
  const config = validateCollector(
    { host: '127.0.0.1', port, caPem, clientCertFile: path.join(dir, 'good-client-cert.pem'), clientKeyFile: path.join(dir, 'good-client-key.pem') },
    new Date(),
  );
  saveCollector(audit.store, audit.log, config, 'S001');
  audit.store.db.pragma('wal_checkpoint(TRUNCATE)');
  // No line of the key's body is anywhere in the data folder's files.
  const keyBody = config.client!.keyPem.split('\n')[1]!;
  const dataDir = path.join(dir, 'data');
  for (const file of readdirSync(dataDir)) expect(readFileSync(path.join(dataDir, file)).includes(keyBody), file).toBe(false);
  expect(keyPem).toContain('PRIVATE KEY');

  const saved = readCollector(audit.store)!;
  expect(saved.client?.keyPem).toBe(config.client!.keyPem);
  const shipper = new AuditShipper({ db: audit.store.db, target: { ...targetOf(saved), timeoutMs: 5_000 } });
  const last = audit.log.status().lastSeq;
  expect(await shipper.drain()).toMatchObject({ confirmedThrough: last });
  await collector.waitForLines(last);
  const report = await reconcileCollectorLog(audit.store.db, collector.received);
  expect(report).toMatchObject({ ok: true, localRows: last, gaps: [], mismatched: [] });
}, 30_000);
