/**
 * Power loss: a job the caller was told is queued must already be on disk. Under strace, every
 * "ack" the child prints must follow an fsync/fdatasync of the WAL that came after the WAL write
 * holding that job.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { bundleChild, childEnv } from '../audit/child-bundle';

let work: string;
let childJs: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'onshi-jobs-strace-'));
  childJs = bundleChild(path.join(__dirname, 'job-queue-child.ts'), work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('fsyncs the WAL before acknowledging each enqueued job', async () => {
  const dataDir = path.join(work, 'data');
  const setup = await openDatabase({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
  setup.db.exec('CREATE TABLE test_effects (job_key TEXT NOT NULL, pid INTEGER NOT NULL)');
  setup.close();
  const keys = Array.from({ length: 10 }, (_, i) => `job-${i}`);
  const traceFile = path.join(work, 'trace.txt');
  const run = spawnSync('strace', ['-f', '-y', '-e', 'trace=write,pwrite64,fsync,fdatasync', '-o', traceFile, process.execPath, childJs, dataDir, keys.join(','), 'drain'], {
    env: childEnv(),
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);

  // "unsynced" is true from a WAL write until the next sync of the WAL.
  let unsynced = false;
  let syncedWrites = 0;
  const acks: string[] = [];
  for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
    const call = /^\d+\s+(\w+)\((\d+)<([^>]*)>(.*)\) = (\d+)/.exec(line);
    if (!call) continue;
    const [, name, fd, file, rest] = call as unknown as [string, string, string, string, string];
    if (file.endsWith('onshi-cart.db-wal')) {
      if (name === 'write' || name === 'pwrite64') unsynced = true;
      else if (unsynced) {
        unsynced = false;
        syncedWrites++;
      }
    }
    const ack = /^, "ack ([^\\]+)\\n"/.exec(rest);
    if (name === 'write' && fd === '1' && ack) {
      expect(unsynced, `ack ${ack[1]} before the WAL was synced`).toBe(false);
      acks.push(ack[1] as string);
    }
  }
  expect(acks).toEqual(keys);
  expect(syncedWrites).toBeGreaterThanOrEqual(keys.length);
});
