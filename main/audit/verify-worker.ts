/**
 * Full verification spread over worker threads. Every row is checked against the MAC stored in the
 * row before it, so the chain splits into independent stretches; the earliest failure of any
 * stretch is the first bad row of the whole. Where the worker script is not beside this module (a
 * bundle built without it), verification stays in the calling thread.
 */
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SpanVerifier } from './verify';
import { verifySpan, type SpanResult } from './verify-span';

interface SpanJob {
  readonly kind: 'onshi-audit-verify';
  readonly file: string;
  readonly key: Uint8Array;
  readonly lo: number;
  readonly hi: number;
}

// The Node build's entry (vite.node.config.mts), or this module's source under tsx and the tests.
const WORKER_SCRIPT_NAMES = ['audit-verify-worker.js', 'verify-worker.ts'];
/** Below this many rows the start-up of threads costs more than it saves. */
const MIN_ROWS_PER_THREAD = 50_000;

function workerScript(): string | undefined {
  return WORKER_SCRIPT_NAMES.map((name) => path.join(__dirname, name)).find((file) => existsSync(file));
}

function runInWorker(script: string, job: SpanJob): Promise<SpanResult> {
  return new Promise((resolve, reject) => {
    // From sources (tests, tsx) the thread registers tsx before loading the TypeScript module.
    const worker = script.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(createRequire(script).resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(script)});`, { eval: true, workerData: job })
      : new Worker(script, { workerData: job });
    worker.once('message', (result: SpanResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`verification worker exited with ${code}`));
    });
  });
}

/** A span verifier that reads the database file from several threads, or undefined when that is not possible here. */
export function parallelVerifier(file: string, key: Uint8Array, threads = availableParallelism()): SpanVerifier | undefined {
  const script = workerScript();
  if (!script || threads < 2) return undefined;
  return async (lo, hi) => {
    const parts = Math.max(1, Math.min(threads, Math.floor((hi - lo + 1) / MIN_ROWS_PER_THREAD)));
    const size = Math.ceil((hi - lo + 1) / parts);
    const jobs: SpanJob[] = [];
    for (let start = lo; start <= hi; start += size) jobs.push({ kind: 'onshi-audit-verify', file, key, lo: start, hi: Math.min(hi, start + size - 1) });
    const results = await Promise.all(jobs.map((job) => (parts === 1 ? runSpanJob(job) : runInWorker(script, job))));
    const firstBadIndex = results.findIndex((r) => r.firstBad !== undefined);
    const upTo = firstBadIndex === -1 ? results : results.slice(0, firstBadIndex + 1);
    const checked = upTo.reduce((sum, r) => sum + r.checked, 0);
    return firstBadIndex === -1 ? { checked } : { checked, firstBad: results[firstBadIndex]!.firstBad! };
  };
}

function runSpanJob(job: SpanJob): SpanResult {
  const db = new BetterSqlite3(job.file, { readonly: true, fileMustExist: true });
  try {
    return verifySpan(db, job.key, job.lo, job.hi);
  } finally {
    db.close();
  }
}

if (!isMainThread && (workerData as SpanJob | undefined)?.kind === 'onshi-audit-verify') {
  parentPort!.postMessage(runSpanJob(workerData as SpanJob));
}
