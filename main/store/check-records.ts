/**
 * The day's history of checks, for the clerk's 本日の確認 list. What identifies the patient is
 * sealed; records older than the retention setting (default 30 days) are deleted for good.
 */
import { tokyoDate, tokyoMidnight } from '../common/tokyo-time';
import type { StoreDatabase } from './database';

export interface CheckRecordInput {
  checkedAt: Date;
  staffId: number | null;
  /** A short outcome code ('consented', 'declined', 'cancelled', 'failed:<code>'). */
  outcome: string;
  /** Patient-identifying summary shown in the history (name, birth date, result); sealed. */
  summary: Record<string, string | number | boolean | null>;
}

export interface CheckRecord extends CheckRecordInput {
  id: number;
}

const CONTEXT = 'check_records.sealed';
const DAY_MS = 24 * 60 * 60 * 1000;

export class CheckRecords {
  constructor(private readonly store: StoreDatabase, private readonly now: () => Date = () => new Date()) {}

  add(input: CheckRecordInput): number {
    const id = this.store.db
      .prepare('INSERT INTO check_records (checked_at, staff_id, outcome, sealed) VALUES (?, ?, ?, ?)')
      .run(input.checkedAt.toISOString(), input.staffId, input.outcome.slice(0, 64), this.store.crypto.seal(JSON.stringify(input.summary), CONTEXT)).lastInsertRowid;
    return Number(id);
  }

  /** The records of one Tokyo calendar day (YYYY-MM-DD), today when omitted. */
  listDay(isoDate: string = tokyoDate(this.now())): CheckRecord[] {
    const from = tokyoMidnight(isoDate);
    const to = new Date(from.getTime() + DAY_MS);
    const rows = this.store.db
      .prepare('SELECT id, checked_at, staff_id, outcome, sealed FROM check_records WHERE checked_at >= ? AND checked_at < ? ORDER BY checked_at')
      .all(from.toISOString(), to.toISOString()) as { id: number; checked_at: string; staff_id: number | null; outcome: string; sealed: Buffer }[];
    return rows.map((r) => ({
      id: r.id,
      checkedAt: new Date(r.checked_at),
      staffId: r.staff_id,
      outcome: r.outcome,
      summary: JSON.parse(this.store.crypto.open(r.sealed, CONTEXT)) as CheckRecord['summary'],
    }));
  }

  /** Deletes records older than `days` days; the freed pages are zeroed and the WAL truncated. */
  applyRetention(days: number): number {
    const cutoff = new Date(this.now().getTime() - days * DAY_MS).toISOString();
    const deleted = this.store.db.prepare('DELETE FROM check_records WHERE checked_at < ?').run(cutoff).changes;
    if (deleted > 0) this.store.purgeFreedPages();
    return deleted;
  }

  remove(id: number): boolean {
    const deleted = this.store.db.prepare('DELETE FROM check_records WHERE id = ?').run(id).changes === 1;
    if (deleted) this.store.purgeFreedPages();
    return deleted;
  }
}
