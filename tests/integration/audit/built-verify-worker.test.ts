/**
 * The services host the app packs (out/main, from `npm run build`) verifies a long audit chain on
 * worker threads, as the Node build and the benchmark do: the worker entry sits beside host.js, and
 * the verifier it gives names the same first bad row as the check in one thread.
 */
import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChainMac, GENESIS_MAC } from '../../../main/audit/chain-mac';
import { AUDIT_SCHEMA_SQL } from '../../../main/audit/schema';
import { verifySpan } from '../../../main/audit/verify-span';
import { BUILT_VERIFY_WORKER, builtParallelVerifier } from '../../helpers/built-verifier';

const ROWS = 120_000;
const outMain = path.resolve(__dirname, '..', '..', '..', 'out', 'main');
let dir: string;
let file: string;
const key = randomBytes(32);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'onshi-built-verify-'));
  file = path.join(dir, 'audit.db');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec(AUDIT_SCHEMA_SQL);
  const chain = new ChainMac(key);
  const insert = db.prepare('INSERT INTO audit_log (seq, content, mac) VALUES (?, ?, ?)');
  let previous: Uint8Array = GENESIS_MAC;
  db.transaction(() => {
    for (let seq = 1; seq <= ROWS; seq++) {
      const content = `{"actor":"S${seq % 7}","kind":"session.login","outcome":"ok"}`;
      previous = chain.mac(previous, seq, Buffer.from(content, 'utf8'));
      insert.run(seq, content, previous);
    }
  })();
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('has the worker entry beside the services host, and it verifies across threads', async () => {
  expect(existsSync(path.join(outMain, 'host.js'))).toBe(true);
  expect(existsSync(BUILT_VERIFY_WORKER)).toBe(true);
  expect(path.dirname(BUILT_VERIFY_WORKER)).toBe(outMain);
  const verify = builtParallelVerifier(file, key, 3);
  expect(verify).toBeDefined();
  expect(await verify!(1, ROWS)).toEqual({ checked: ROWS });

  const db = new BetterSqlite3(file);
  try {
    db.prepare('UPDATE audit_log SET content = ? WHERE seq = ?').run('{"actor":"X","kind":"session.login","outcome":"ok"}', 97_531);
    expect(await verify!(1, ROWS)).toEqual({ checked: 97_530, firstBad: { seq: 97_531, problem: 'mac-mismatch' } });
    expect(verifySpan(db, key, 1, ROWS).firstBad).toEqual({ seq: 97_531, problem: 'mac-mismatch' });
  } finally {
    db.close();
  }
}, 60_000);
