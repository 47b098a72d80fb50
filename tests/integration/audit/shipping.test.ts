import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer as createTlsServer, type Server } from 'node:tls';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenedAudit } from '../../../main/audit/open-audit';
import { reconcileCollectorLog } from '../../../main/audit/reconcile';
import { ShipLoop } from '../../../main/audit/ship-loop';
import { AuditShipper } from '../../../main/audit/shipper';
import { JobQueue } from '../../../main/store/job-queue';
import { openAuditDir } from './audit-dir';
import { freePort, makeTestPki, RsyslogCollector } from './rsyslog-collector';

let dir: string;
let audit: OpenedAudit;
let collector: RsyslogCollector;
let caPem: string;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'onshi-audit-syslog-'));
  caPem = makeTestPki(dir, 'good').caPem;
  makeTestPki(dir, 'other');
  port = await freePort();
  collector = new RsyslogCollector(dir, 'good', port);
  audit = await openAuditDir(path.join(dir, 'data'));
}, 60_000);
afterAll(async () => {
  await collector.stop();
  audit.close();
  rmSync(dir, { recursive: true, force: true });
});

function appendSome(n: number): void {
  for (let i = 0; i < n; i++) audit.log.append({ kind: 'session.login', actor: `S${i}`, outcome: 'ok' });
}

/** Waits until the condition holds (checked between the loop's ticks). */
async function settle(loop: ShipLoop, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`ship loop did not settle: ${JSON.stringify(loop.state())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await loop.idle();
}

it('ships through collector down, stalled and refusing TLS, then back: no gap at the collector', async () => {
  const shipper = new AuditShipper({ db: audit.store.db, target: { host: '127.0.0.1', port, ca: caPem, timeoutMs: 1_000 }, batchRows: 50 });
  const queue = new JobQueue(audit.store, { backoff: { baseMs: 100, maxMs: 400 } });
  // The queue keeps the attempts and the backoff, so a loop stopped and started again goes on where it was.
  const startLoop = () => {
    const started = new ShipLoop(shipper, queue, 50);
    started.start();
    return started;
  };

  // Down: nothing listens on the port.
  appendSome(30);
  let loop = startLoop();
  audit.log.onAppend(() => loop.wake());
  await settle(loop, () => loop.state().failures >= 2);
  expect(loop.state()).toMatchObject({ confirmedThrough: 0, lastError: 'ECONNREFUSED' });
  expect(loop.state().nextAttemptAt).toBeDefined();

  // Stalled: rsyslogd is there but frozen, so TCP connects and the TLS handshake never completes.
  // No attempt while it starts: one landing before the freeze would be delivered.
  await loop.stop();
  await collector.start();
  collector.freeze();
  loop = startLoop();
  appendSome(30);
  const failuresBefore = loop.state().failures;
  await settle(loop, () => loop.state().failures >= failuresBefore + 2, 20_000);
  expect(loop.state()).toMatchObject({ confirmedThrough: 0, lastError: 'timeout' });
  await collector.stop();

  // Refusing TLS: something answers on the port with a certificate our CA never signed.
  const impostor: Server = createTlsServer({ key: readFileSync(path.join(dir, 'other-key.pem')), cert: readFileSync(path.join(dir, 'other-cert.pem')) }, (s) => s.destroy());
  await new Promise<void>((r) => impostor.listen(port, '127.0.0.1', () => r()));
  appendSome(30);
  const failuresTls = loop.state().failures;
  await settle(loop, () => loop.state().failures >= failuresTls + 2);
  expect(loop.state().confirmedThrough).toBe(0);
  expect(loop.state().lastError).toMatch(/CERT|SIGNATURE|UNABLE|SELF_SIGNED/);
  await new Promise<void>((r) => impostor.close(() => r()));

  // Back: the collector takes everything, including rows appended while it was away.
  await collector.start();
  appendSome(40);
  const last = audit.log.status().lastSeq;
  await settle(loop, () => loop.state().confirmedThrough === last, 30_000);
  await collector.waitForLines(last);

  const report = await reconcileCollectorLog(audit.store.db, collector.received);
  expect(report).toMatchObject({ ok: true, localRows: last, gaps: [], notYetReceived: null, mismatched: [] });
  expect(report.distinctReceived).toBe(last);
  await loop.stop();
}, 90_000);
