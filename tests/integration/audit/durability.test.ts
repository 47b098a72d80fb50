import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleChild, childEnv } from './child-bundle';

let work: string;
let childJs: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'onshi-audit-strace-'));
  childJs = bundleChild(path.join(__dirname, 'appender-child.ts'), work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Syscall {
  readonly name: string;
  readonly fd: number;
  readonly file: string;
  readonly text: string;
}

/** SQLite writes the WAL with pwrite64, so that is traced too. Lines like `123 fdatasync(7</tmp/x/audit.db-wal>) = 0` (strace -y names each descriptor's file). */
function parseTrace(trace: string): Syscall[] {
  const calls: Syscall[] = [];
  for (const line of trace.split('\n')) {
    const m = /^\d+\s+(write|pwrite64|fsync|fdatasync)\((\d+)<([^>]*)>(.*)\) = (-?\d+)/.exec(line);
    if (m && Number(m[5]) >= 0) calls.push({ name: m[1]!, fd: Number(m[2]), file: m[3]!, text: m[4]! });
  }
  return calls;
}

it('syncs the WAL to disk before the caller hears that a row was appended', () => {
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  const traceFile = path.join(work, 'trace.txt');
  const rows = 20;
  const run = spawnSync('strace', ['-f', '-y', '-e', 'trace=fsync,fdatasync,write,pwrite64', '-o', traceFile, process.execPath, childJs, dataDir, String(rows)], {
    env: childEnv(),
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const calls = parseTrace(readFileSync(traceFile, 'utf8'));

  let walWritten = false;
  let walSynced = false;
  const acknowledged: number[] = [];
  for (const call of calls) {
    if (call.file.endsWith('onshi-cart.db-wal')) {
      if (call.name === 'write' || call.name === 'pwrite64') {
        walWritten = true;
        walSynced = false;
      } else if (walWritten) {
        walSynced = true;
      }
    }
    const ack = /^, "(\d+)\\n"/.exec(call.text);
    if (call.name === 'write' && call.fd === 1 && ack) {
      // The acknowledgement may only follow a WAL write that has been fsync'd/fdatasync'd since.
      expect({ row: Number(ack[1]), walWritten, walSynced }).toEqual({ row: Number(ack[1]), walWritten: true, walSynced: true });
      acknowledged.push(Number(ack[1]));
      walWritten = false;
      walSynced = false;
    }
  }
  expect(acknowledged).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
});
