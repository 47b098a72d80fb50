/**
 * Audit log: durable appends per second next to plain SQLite single-row inserts with the same
 * pragmas (WAL, synchronous=FULL) on the same disk in the same run, and one full verification of a
 * million-row chain. Targets: appends ≥ 0.8× plain inserts; a million rows verified in under 3 s.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog } from '../../main/audit/audit-log';
import { canonicalJson } from '../../main/audit/canonical';
import { ChainMac, GENESIS_MAC } from '../../main/audit/chain-mac';
import { AUDIT_SCHEMA_SQL } from '../../main/audit/schema';
import { builtParallelVerifier } from '../helpers/built-verifier';
import type { Benchmark } from './benchmark';

const ROUNDS = 50;
const PER_ROUND = 100;
const VERIFY_ROWS = 1_000_000;
/** Untimed appends first: enough for V8 to have optimised every function on the path. */
const WARM_UP = 1000;

function openDb(file: string, durable: boolean): Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durable ? 'FULL' : 'OFF'}`);
  db.pragma('trusted_schema = OFF');
  return db;
}

const stepEvent = (i: number) => ({
  kind: 'check.step' as const,
  actor: 'S001',
  check: `c-${i}`,
  step: 'card-read' as const,
  outcome: 'ok' as const,
  patient: 'p1-0123456789abcdef0123456789abcdef',
});

/** Writes a chain straight into the table (not durable, not timed) for the verification figure. */
function buildChain(db: Database, key: Buffer, rows: number): void {
  const chain = new ChainMac(key);
  const insert = db.prepare('INSERT INTO audit_log (seq, content, mac) VALUES (?, ?, ?)');
  let previous: Uint8Array = GENESIS_MAC;
  const start = Date.parse('2026-11-25T00:00:00Z');
  db.transaction(() => {
    for (let seq = 1; seq <= rows; seq++) {
      const content = canonicalJson({ ...stepEvent(seq), at: new Date(start + seq * 37).toISOString() });
      const mac = chain.mac(previous, seq, Buffer.from(content, 'utf8'));
      insert.run(seq, content, mac);
      previous = mac;
    }
  })();
}

const benchmark: Benchmark = {
  name: 'audit log',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'onshi-audit-bench-'));
    try {
      const plain = openDb(path.join(dir, 'plain.db'), true);
      plain.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
      const plainInsert = plain.prepare('INSERT INTO t (v) VALUES (?)');
      const auditDb = openDb(path.join(dir, 'audit.db'), true);
      auditDb.exec(AUDIT_SCHEMA_SQL);
      const log = await AuditLog.open({ db: auditDb, dataDir: dir, keys: { chain: randomBytes(32), patient: randomBytes(32) } });
      const sample = canonicalJson({ ...stepEvent(0), at: new Date().toISOString() });

      // Untimed first, so neither side is measured while the JIT still compiles it (the app appends for hours).
      for (let i = 0; i < WARM_UP; i++) {
        plainInsert.run(sample);
        log.append(stepEvent(i));
      }
      // Interleaved rounds, so a disk that slows down during the run weighs on both sides alike.
      let plainMs = 0;
      let auditMs = 0;
      for (let round = 0; round < ROUNDS; round++) {
        let t = performance.now();
        for (let i = 0; i < PER_ROUND; i++) plainInsert.run(sample);
        plainMs += performance.now() - t;
        t = performance.now();
        for (let i = 0; i < PER_ROUND; i++) log.append(stepEvent(i));
        auditMs += performance.now() - t;
      }
      plain.close();
      const plainPerSecond = (ROUNDS * PER_ROUND) / (plainMs / 1000);
      const auditPerSecond = (ROUNDS * PER_ROUND) / (auditMs / 1000);

      const verifyDb = openDb(path.join(dir, 'verify.db'), false);
      verifyDb.exec(AUDIT_SCHEMA_SQL);
      const key = randomBytes(32);
      buildChain(verifyDb, key, VERIFY_ROWS);
      verifyDb.close();
      const reader = openDb(path.join(dir, 'verify.db'), true);
      // As built (`npm run bench` builds first), so threads start as in the app.
      const spanVerifier = builtParallelVerifier(reader.name, key);
      if (!spanVerifier) throw new Error('the built verifier runs in one thread here');
      const verifyLog = await AuditLog.open({ db: reader, dataDir: path.join(dir, 'no-anchor'), keys: { chain: key, patient: randomBytes(32) }, spanVerifier });
      const t = performance.now();
      const cpu = process.cpuUsage();
      const report = await verifyLog.verify({ full: true });
      const verifySeconds = (performance.now() - t) / 1000;
      // CPU of every thread of this process: on a busy machine wall time says more about the neighbours.
      const used = process.cpuUsage(cpu);
      reader.close();
      auditDb.close();
      if (!report.ok || report.checked !== VERIFY_ROWS) throw new Error(`verification failed: ${JSON.stringify(report.firstBad)}`);

      const ratio = auditPerSecond / plainPerSecond;
      return {
        plainInsertsPerSecond: Math.round(plainPerSecond),
        auditAppendsPerSecond: Math.round(auditPerSecond),
        ratio: Number(ratio.toFixed(3)),
        ratioTarget: '>= 0.8',
        ratioMet: ratio >= 0.8,
        verifyRows: VERIFY_ROWS,
        verifySeconds: Number(verifySeconds.toFixed(3)),
        verifyCpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)),
        verifyThreads: availableParallelism(),
        loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        verifyTarget: '< 3 s',
        verifyMet: verifySeconds < 3,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
