import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAuditDir } from './audit-dir';
import { bundleChild, childEnv } from './child-bundle';

const KILLS = 200;
const LANES = 4;
let work: string;
let childJs: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'onshi-audit-kill-'));
  childJs = bundleChild(path.join(__dirname, 'appender-child.ts'), work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts the appender, kills it with SIGKILL after `delayMs` from its first acknowledged row, returns the acknowledged numbers. */
function runAndKill(dataDir: string, delayMs: number, fromStart: boolean): Promise<{ acked: number[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
    let out = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromStart) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('latin1');
      arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${stderr}`));
      // Only complete lines count: a number cut off mid-line was never fully acknowledged.
      const lines = out.split('\n');
      lines.pop();
      resolve({ acked: lines.map(Number), stderr });
    });
  });
}

it(`keeps every acknowledged row through ${KILLS} SIGKILLs at random moments, and the chain verifies`, async () => {
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  // Created and migrated once up front, as by the app's first start; the kills then hit appends and reopenings.
  (await openAuditDir(dataDir)).close();
  const acknowledged: number[] = [];
  // Several appenders at once (as the app and the command line may be): start-up time overlaps,
  // and a kill can land while another process holds the write lock.
  const lane = async (kills: number) => {
    for (let i = 0; i < kills; i++) {
      // Most kills land mid-append; every fifth lands anywhere from process start (open, recovery, first write).
      const fromStart = i % 5 === 0;
      const { acked } = await runAndKill(dataDir, Math.floor(Math.random() * (fromStart ? 150 : 40)), fromStart);
      acknowledged.push(...acked);
    }
  };
  await Promise.all(Array.from({ length: LANES }, () => lane(KILLS / LANES)));
  expect(acknowledged.length).toBeGreaterThan(KILLS);

  const { log, store, close } = await openAuditDir(dataDir);
  try {
    const present = new Set(store.db.prepare('SELECT seq FROM audit_log').pluck().all() as number[]);
    expect(acknowledged.filter((seq) => !present.has(seq))).toEqual([]);
    const report = await log.verify({ full: true });
    expect(report).toMatchObject({ ok: true, checked: present.size, through: present.size });
    expect(log.status().state).toBe('ok');
  } finally {
    close();
  }
}, 240_000);
