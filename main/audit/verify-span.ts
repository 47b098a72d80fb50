/**
 * Checks a run of rows against their MACs. Each row is checked against the MAC stored in the row
 * before it, so any stretch can be checked on its own (and in parallel) and the first failure is
 * still the first bad row. A chunk of rows is read as two values, all its MACs end to end and all
 * its contents one per line (canonical JSON has no raw line break): handing rows to JavaScript one
 * at a time costs several times the hashing. A chunk that does not check out that way, for whatever
 * reason, is checked again row by row, and that reading alone names the bad row.
 */
import type { Database, Statement } from 'better-sqlite3';
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
const NEWLINE = 0x0a;

interface ChunkRead {
  readonly rows: number;
  readonly macs: Buffer | null;
  readonly contents: Buffer | null;
}

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

function plainBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

class SpanChecker {
  private readonly chain: ChainMac;
  private readonly computed = new Uint8Array(MAC_BYTES);
  private readonly readChunk: Statement;
  private readonly readRows: Statement;

  constructor(private readonly db: Database, key: Uint8Array) {
    this.chain = new ChainMac(key);
    // The rowid range is scanned in order; were it not, the chunk would fail and be read row by row.
    this.readChunk = db.prepare(
      "SELECT count(*) AS rows, CAST(group_concat(mac, '') AS BLOB) AS macs, CAST(group_concat(content, char(10)) AS BLOB) AS contents FROM (SELECT mac, content FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq)",
    );
    this.readRows = db.prepare('SELECT CAST(mac || content AS BLOB) FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq').pluck();
  }

  /** Verifies rows lo..hi (inclusive); every number in the span must be present. */
  span(lo: number, hi: number): SpanResult {
    let previous = storedMacBefore(this.db, lo);
    let checked = 0;
    for (let start = lo; start <= hi; start += CHUNK) {
      const end = Math.min(hi, start + CHUNK - 1);
      const chunk = this.readChunk.get(start, end) as ChunkRead;
      if (chunk.rows !== end - start + 1) {
        const missing = firstMissing(this.db, start, end);
        // Rows before the gap still deserve their check, so the reported row really is the first bad one.
        const before = missing > start ? this.span(start, missing - 1) : { checked: 0 };
        return { checked: checked + before.checked, firstBad: before.firstBad ?? { seq: missing, problem: 'missing-row' } };
      }
      if (this.chunkChecksOut(previous, start, chunk)) {
        previous = plainBytes(chunk.macs!).subarray(chunk.macs!.length - MAC_BYTES);
      } else {
        const result = this.rowByRow(previous, start, end);
        if (result.firstBad) return { checked: checked + result.checked, firstBad: result.firstBad };
        previous = result.lastMac;
      }
      checked += chunk.rows;
    }
    return { checked };
  }

  /** True when every row of the chunk has its MAC; false on any doubt (a MAC, a line, a length). */
  private chunkChecksOut(previous: Uint8Array, firstSeq: number, chunk: ChunkRead): boolean {
    const { rows } = chunk;
    if (!chunk.macs || !chunk.contents || chunk.macs.length !== rows * MAC_BYTES) return false;
    // Plain byte views: a Buffer's subarray makes another Buffer, which costs more than the row's hashing.
    const macs = plainBytes(chunk.macs);
    const contents = plainBytes(chunk.contents);
    let at = 0;
    for (let i = 0; i < rows; i++) {
      const last = i === rows - 1;
      const end = last ? contents.length : contents.indexOf(NEWLINE, at);
      if (end === -1 || (last && contents.indexOf(NEWLINE, at) !== -1)) return false;
      this.chain.macInto(previous, firstSeq + i, contents.subarray(at, end), this.computed);
      const stored = i * MAC_BYTES;
      for (let b = 0; b < MAC_BYTES; b++) if (this.computed[b] !== macs[stored + b]) return false;
      previous = macs.subarray(stored, stored + MAC_BYTES);
      at = end + 1;
    }
    return true;
  }

  private rowByRow(previous: Uint8Array, start: number, end: number): SpanResult & { lastMac: Uint8Array } {
    let seq = start;
    for (const row of this.readRows.all(start, end) as Buffer[]) {
      this.chain.macInto(previous, seq, row.subarray(MAC_BYTES), this.computed);
      for (let i = 0; i < MAC_BYTES; i++) {
        if (this.computed[i] !== row[i]) return { checked: seq - start, firstBad: { seq, problem: 'mac-mismatch' }, lastMac: previous };
      }
      previous = row.subarray(0, MAC_BYTES);
      seq++;
    }
    return { checked: seq - start, lastMac: previous };
  }
}

/** Verifies rows lo..hi (inclusive); every number in the span must be present. */
export function verifySpan(db: Database, key: Uint8Array, lo: number, hi: number): SpanResult {
  return new SpanChecker(db, key).span(lo, hi);
}
