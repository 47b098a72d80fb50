/**
 * Checks a run of rows against their MACs. Each row is checked against the MAC stored in the row
 * before it, so any stretch can be checked on its own (and in parallel) and the first failure is
 * still the first bad row. Rows are read in chunks of one column; reading them one value at a time
 * costs more than the hashing.
 */
import type { Database } from 'better-sqlite3';
import { ChainMac, GENESIS_MAC, MAC_BYTES } from './chain-mac';

export type ChainProblem = 'mac-mismatch' | 'missing-row' | 'truncated' | 'anchor-mismatch';

export interface ChainBreak {
  /** The first row that is wrong or missing. */
  readonly seq: number;
  readonly problem: ChainProblem;
}

export interface SpanResult {
  readonly checked: number;
  readonly firstBad?: ChainBreak;
}

const CHUNK = 8192;

/** The stored MAC of the newest row below `seq`, or the genesis value when there is none. */
export function storedMacBefore(db: Database, seq: number): Uint8Array {
  const mac = db.prepare('SELECT mac FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(seq) as Buffer | undefined;
  return mac ?? GENESIS_MAC;
}

function firstMissing(db: Database, lo: number, hi: number): number {
  let expected = lo;
  for (const seq of db.prepare('SELECT seq FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq').pluck().iterate(lo, hi)) {
    if (seq !== expected) return expected;
    expected++;
  }
  return expected;
}

/** Verifies rows lo..hi (inclusive); every number in the span must be present. */
export function verifySpan(db: Database, key: Uint8Array, lo: number, hi: number): SpanResult {
  const chain = new ChainMac(key);
  const count = db.prepare('SELECT count(*) FROM audit_log WHERE seq BETWEEN ? AND ?').pluck();
  const read = db.prepare('SELECT CAST(mac || content AS BLOB) FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq').pluck();
  const computed = new Uint8Array(MAC_BYTES);
  let previous = storedMacBefore(db, lo);
  let checked = 0;
  for (let start = lo; start <= hi; start += CHUNK) {
    const end = Math.min(hi, start + CHUNK - 1);
    if ((count.get(start, end) as number) !== end - start + 1) {
      const missing = firstMissing(db, start, end);
      // Rows before the gap still deserve their check, so the reported row really is the first bad one.
      const before = missing > start ? verifySpan(db, key, start, missing - 1) : { checked: 0 };
      return before.firstBad ? { checked: checked + before.checked, firstBad: before.firstBad } : { checked: checked + before.checked, firstBad: { seq: missing, problem: 'missing-row' } };
    }
    let seq = start;
    // all() per chunk: half the cost of iterate() per row, and a chunk is small enough to hold.
    for (const row of read.all(start, end) as Buffer[]) {
      chain.macInto(previous, seq, row.subarray(MAC_BYTES), computed);
      for (let i = 0; i < MAC_BYTES; i++) {
        if (computed[i] !== row[i]) return { checked, firstBad: { seq, problem: 'mac-mismatch' } };
      }
      previous = row.subarray(0, MAC_BYTES);
      checked++;
      seq++;
    }
  }
  return { checked };
}
