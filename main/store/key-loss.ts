/**
 * What re-activation deletes when the OS key is lost: every row sealed with the old data key or
 * keyed by it (staff passcodes are peppered with a key derived from it, so no clerk could sign in
 * again), and the key itself. A domain that adds sealed columns adds its statement here.
 *
 * The wipe also leaves a marker, in the same transaction: the audit chain's key came from the lost
 * data key too, so the next start must record that the older rows can no longer be checked here
 * (see AuditLog.acceptKeyLoss). The marker makes that step survive a crash in between.
 */
import type { Database } from 'better-sqlite3';

const MARKER = 'store.keyLossDiscardedAt';

export const KEY_LOSS_WIPE: readonly string[] = [
  'DELETE FROM inquiry_numbers',
  'DELETE FROM check_records',
  'DELETE FROM jobs',
  'DELETE FROM staff',
  "UPDATE device SET credential = NULL, state = 'unactivated', activated_at = NULL",
  'DELETE FROM store_key',
];

/** Runs inside the wipe's transaction. Settings ignore names they do not know, so the row is safe there. */
export function markKeyLossDiscard(db: Database, at: Date): void {
  db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(MARKER, JSON.stringify(at.toISOString()));
}

/** When data was discarded after a key loss and the audit log has not recorded it yet. */
export function pendingKeyLossDiscard(db: Database): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE name = ?').pluck().get(MARKER) as string | undefined;
  return value === undefined ? null : (JSON.parse(value) as string);
}

export function clearKeyLossDiscard(db: Database): void {
  db.prepare('DELETE FROM settings WHERE name = ?').run(MARKER);
}
