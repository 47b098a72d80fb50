import { afterEach, describe, expect, it } from 'vitest';
import { CheckRecords } from '../../../main/store/check-records';
import { JobQueue } from '../../../main/store/job-queue';
import { applyRetention } from '../../../main/store/retention';
import { updateSettings } from '../../../main/store/settings';
import { tempStore, type TempStore } from './temp-store';

let tmp: TempStore;
afterEach(() => tmp.cleanup());

describe('retention setting', () => {
  it('deletes check records and finished jobs older than the setting, keeps the rest and pending work', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const now = new Date('2026-11-25T03:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    const records = new CheckRecords(store);
    records.add({ checkedAt: new Date(now.getTime() - 8 * day), staffId: null, outcome: 'consented', summary: {} });
    records.add({ checkedAt: new Date(now.getTime() - 6 * day), staffId: null, outcome: 'consented', summary: {} });
    let clock = now.getTime() - 8 * day;
    const queue = new JobQueue(store, { now: () => clock });
    queue.enqueue({ kind: 'old-done', payload: {} });
    queue.enqueue({ kind: 'old-pending', payload: {} });
    queue.complete(queue.claim(['old-done'])!);
    clock = now.getTime();

    expect(applyRetention(store, now)).toEqual({ checkRecords: 0, jobs: 0 });
    updateSettings(store, { checkRetentionDays: 7 });
    expect(applyRetention(store, now)).toEqual({ checkRecords: 1, jobs: 1 });
    expect(store.db.prepare('SELECT COUNT(*) FROM check_records').pluck().get()).toBe(1);
    expect(queue.list().map((j) => j.kind)).toEqual(['old-pending']);
  });
});
