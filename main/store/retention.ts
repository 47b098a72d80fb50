/**
 * The retention setting applied: check records and finished jobs older than it are deleted for
 * good. Runs when the store opens and then every hour while the host runs.
 */
import { CheckRecords } from './check-records';
import type { StoreDatabase } from './database';
import { readSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export function applyRetention(store: StoreDatabase, now: Date): { checkRecords: number; jobs: number } {
  const days = readSettings(store).checkRetentionDays;
  const checkRecords = new CheckRecords(store, () => now).applyRetention(days);
  const jobs = store.db.prepare("DELETE FROM jobs WHERE state IN ('done', 'failed') AND updated_at < ?").run(now.getTime() - days * DAY_MS).changes;
  if (jobs > 0) store.purgeFreedPages();
  return { checkRecords, jobs };
}
