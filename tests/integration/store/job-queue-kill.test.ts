/**
 * kill -9 at random moments, many times, with several workers on one database: every enqueued
 * (acknowledged) job is still there and done, and no job's effect happened twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database';
import { JobQueue } from '../../../main/store/job-queue';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { bundleChild, childEnv } from '../audit/child-bundle';

const KILLS = 200;
const LANES = 4;
const root = path.resolve(__dirname, '..', '..', '..');
let work: string;
let childJs: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'onshi-jobs-kill-'));
  // A bundled child starts in a fraction of tsx's time.
  childJs = bundleChild(path.join(__dirname, 'job-queue-child.ts'), work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run { acked: string[]; exitSignal: NodeJS.Signals | null; code: number | null; stderr: string }

/** When to kill: while it is still enqueueing (after its first acknowledgement), or while it works the queue. */
interface KillPlan { after: 'first-ack' | 'ready'; delayMs: number }

function runChild(dataDir: string, keys: string[], mode: 'work' | 'drain', kill?: KillPlan): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childJs, dataDir, keys.join(','), mode], { cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let out = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        const trigger = kill && (kill.after === 'ready' ? line === 'ready' : line.startsWith('ack ') && acked.length === 1);
        if (trigger) setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, exitSignal) => resolve({ acked, exitSignal, code, stderr }));
  });
}

describe('job queue under kill -9', () => {
  it(`loses no acknowledged job and does none twice across ${KILLS} kills`, async () => {
    const dataDir = path.join(work, 'data');
    const setup = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
    setup.db.exec('CREATE TABLE test_effects (job_key TEXT NOT NULL, pid INTEGER NOT NULL)');
    setup.close();

    const acked = new Set<string>();
    let kills = 0;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (kills < KILLS) {
        const n = next;
        next += 3;
        // Each run asks for three new jobs and repeats one earlier key, which must not add a job.
        const keys = [`job-${n}`, `flaky-${n + 1}`, `job-${n + 2}`, ...(n > 0 ? [`job-${n - 3}`] : [])];
        const plan: KillPlan = n % 9 === 0 ? { after: 'first-ack', delayMs: Math.floor(Math.random() * 3) } : { after: 'ready', delayMs: Math.floor(Math.random() * 60) };
        const run = await runChild(dataDir, keys, 'work', plan);
        expect(run.stderr).toBe('');
        if (run.exitSignal === 'SIGKILL') kills++;
        for (const k of run.acked) acked.add(k);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));

    const drain = await runChild(dataDir, [], 'drain');
    expect(drain.stderr).toBe('');
    expect(drain.code).toBe(0);

    const store = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
    const queue = new JobQueue(store);
    const jobs = queue.list();
    const effects = store.db.prepare('SELECT job_key, COUNT(*) AS n FROM test_effects GROUP BY job_key').all() as { job_key: string; n: number }[];
    store.close();

    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(acked.size).toBeGreaterThan(KILLS);
    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    const effectByKey = new Map(effects.map((e) => [e.job_key, e.n]));
    for (const key of acked) expect(effectByKey.get(key), key).toBe(1);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    // Repeated keys never became a second job: one job per distinct key that got as far as the database.
    expect(jobs.length).toBe(effects.length);
  }, 300_000);
});
