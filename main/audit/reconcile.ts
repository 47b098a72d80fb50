/**
 * `audit reconcile`: compares what a collector received (its log file) with the local chain.
 * Duplicates are expected now and then (delivery is at-least-once) and are only counted; a gap, a
 * MAC that differs from the local row, or a number the local chain does not have is a finding.
 */
import type { Database } from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { AuditErrors } from './errors';
import { parseReceivedLine } from './syslog-message';

export interface SeqRange {
  readonly from: number;
  readonly to: number;
}

export interface ReconcileReport {
  readonly ok: boolean;
  readonly localRows: number;
  readonly receivedMessages: number;
  readonly distinctReceived: number;
  /** Local rows the collector should have (numbered below its newest) but does not. */
  readonly gaps: readonly SeqRange[];
  /** Local rows newer than anything received: not shipped yet, or lost at the end. */
  readonly notYetReceived: SeqRange | null;
  readonly duplicates: { readonly messages: number; readonly rows: number };
  /** Received with a MAC that is not the local row's, or for a number the local chain lacks. */
  readonly mismatched: readonly number[];
}

function toRanges(sorted: readonly number[]): SeqRange[] {
  const ranges: SeqRange[] = [];
  for (const seq of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.to === seq - 1) ranges[ranges.length - 1] = { from: last.from, to: seq };
    else ranges.push({ from: seq, to: seq });
  }
  return ranges;
}

export async function readCollectorLog(file: string): Promise<Map<number, { mac: string; count: number }>> {
  const received = new Map<number, { mac: string; count: number }>();
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      const entry = parseReceivedLine(line);
      if (!entry) continue;
      const seen = received.get(entry.seq);
      // A second copy with a different MAC is kept as the mismatch it is.
      if (seen) received.set(entry.seq, { mac: seen.mac === entry.mac ? seen.mac : 'conflict', count: seen.count + 1 });
      else received.set(entry.seq, { mac: entry.mac, count: 1 });
    }
  } catch (err) {
    throw AuditErrors.unreadableCollectorLog((err as NodeJS.ErrnoException).code ?? 'read failed');
  }
  return received;
}

export async function reconcileCollectorLog(db: Database, file: string): Promise<ReconcileReport> {
  const received = await readCollectorLog(file);
  let newestReceived = 0;
  for (const seq of received.keys()) newestReceived = Math.max(newestReceived, seq);
  const missing: number[] = [];
  const mismatched: number[] = [];
  const pending: number[] = [];
  const local = new Set<number>();
  for (const row of db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq').iterate() as Iterable<{ seq: number; mac: Buffer }>) {
    local.add(row.seq);
    const got = received.get(row.seq);
    if (!got) (row.seq < newestReceived ? missing : pending).push(row.seq);
    else if (got.mac !== row.mac.toString('hex')) mismatched.push(row.seq);
  }
  for (const seq of received.keys()) if (!local.has(seq)) mismatched.push(seq);
  mismatched.sort((a, b) => a - b);
  let messages = 0;
  let rows = 0;
  for (const { count } of received.values()) {
    messages += count;
    if (count > 1) rows++;
  }
  const gaps = toRanges(missing);
  return {
    ok: gaps.length === 0 && mismatched.length === 0,
    localRows: local.size,
    receivedMessages: messages,
    distinctReceived: received.size,
    gaps,
    notYetReceived: pending.length > 0 ? { from: pending[0]!, to: pending[pending.length - 1]! } : null,
    duplicates: { messages: messages - received.size, rows },
    mismatched,
  };
}
