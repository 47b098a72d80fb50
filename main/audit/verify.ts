/**
 * Verification of the whole chain or of its tail from the newest anchor. A break an administrator
 * has acknowledged (an `admin.acknowledge` row naming it) is reported but not held against the
 * chain, and checking resumes at the acknowledgement row, which was chained onto what was there.
 */
import type { Database } from 'better-sqlite3';
import type { Anchor } from './anchors';
import { verifySpan, type ChainBreak } from './verify-span';

export interface VerifyReport {
  readonly ok: boolean;
  readonly mode: 'full' | 'from-anchor';
  /** The first row checked and the last row present. */
  readonly from: number;
  readonly through: number;
  readonly checked: number;
  readonly firstBad?: ChainBreak;
  readonly acknowledged: readonly ChainBreak[];
  readonly anchor?: { readonly seq: number };
}

/** Checks one span; the caller may hand this off to worker threads. */
export type SpanVerifier = (lo: number, hi: number) => Promise<{ checked: number; firstBad?: ChainBreak }>;

export function inThreadVerifier(db: Database, key: Uint8Array): SpanVerifier {
  return async (lo, hi) => verifySpan(db, key, lo, hi);
}

function lastSeq(db: Database): number {
  return (db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
}

/** The acknowledgement of a break at `seq`, if an administrator recorded one after it. */
function acknowledgementOf(db: Database, seq: number): number | undefined {
  const rows = db
    .prepare("SELECT seq FROM audit_log WHERE seq > ? AND json_extract(content, '$.kind') = 'admin.acknowledge' AND json_extract(content, '$.breakAt') = ? ORDER BY seq LIMIT 1")
    .pluck()
    .all(seq, seq) as number[];
  return rows[0];
}

export async function verifyChain(db: Database, verify: SpanVerifier, options: { full: boolean; anchor: Anchor | undefined }): Promise<VerifyReport> {
  const { anchor } = options;
  const last = lastSeq(db);
  const mode = options.full || !anchor ? 'full' : 'from-anchor';
  const from = mode === 'full' ? 1 : anchor!.seq;
  const acknowledged: ChainBreak[] = [];
  let checked = 0;
  const report = (firstBad?: ChainBreak): VerifyReport => ({
    ok: firstBad === undefined,
    mode,
    from,
    through: last,
    checked,
    ...(firstBad ? { firstBad } : {}),
    acknowledged,
    ...(anchor ? { anchor: { seq: anchor.seq } } : {}),
  });

  let start = from;
  while (start <= last) {
    const span = await verify(start, last);
    checked += span.checked;
    if (!span.firstBad) break;
    const ackAt = acknowledgementOf(db, span.firstBad.seq);
    if (ackAt === undefined) return report(span.firstBad);
    acknowledged.push(span.firstBad);
    start = ackAt;
  }
  // The anchor is checked after the rows, so a row whose MAC fails is named before any later mismatch.
  if (anchor && last >= anchor.seq) {
    const stored = db.prepare('SELECT mac FROM audit_log WHERE seq = ?').pluck().get(anchor.seq) as Buffer | undefined;
    if (stored && !stored.equals(anchor.mac)) return report({ seq: anchor.seq, problem: 'anchor-mismatch' });
  }
  // Rows the anchor vouches for are gone from the end. (An acknowledgement always writes a newer anchor.)
  if (anchor && last < anchor.seq) return report({ seq: last + 1, problem: 'truncated' });
  return report();
}
