import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import type { StoreDatabase } from '../../../main/store/database';
import { JobQueue } from '../../../main/store/job-queue';
import { PermanentJobError, runDueJobs } from '../../../main/store/job-worker';
import { tempStore, type TempStore } from './temp-store';

let tmp: TempStore;
let store: StoreDatabase;
let clock = 1_000_000;
const options = { now: () => clock, leaseMs: 1_000, backoff: { baseMs: 100, maxMs: 1_000 }, random: () => 1 };
beforeEach(async () => {
  tmp = tempStore();
  store = await tmp.open();
  clock = 1_000_000;
});
afterEach(() => tmp.cleanup());

describe('job queue', () => {
  it('enqueues the same idempotency key once, and keeps the payload sealed', () => {
    const queue = new JobQueue(store, options);
    const first = queue.enqueue({ kind: 'reference-number.register', payload: { referenceNumber: 'SECRET-REF' }, idempotencyKey: 'ref:1' });
    const again = queue.enqueue({ kind: 'reference-number.register', payload: { referenceNumber: 'SECRET-REF' }, idempotencyKey: 'ref:1' });
    expect(again).toEqual({ id: first.id, created: false });
    expect(queue.list()).toHaveLength(1);
    const raw = store.db.prepare('SELECT sealed, key_hash FROM jobs').get() as { sealed: Buffer; key_hash: Buffer };
    expect(raw.sealed.includes(Buffer.from('SECRET-REF'))).toBe(false);
    expect(raw.key_hash.includes(Buffer.from('ref:1'))).toBe(false);
    expect(queue.claim()).toMatchObject({ payload: { referenceNumber: 'SECRET-REF' }, idempotencyKey: 'ref:1', attempt: 1 });
  });

  it('hurry makes waiting jobs of one kind due now, leaving other kinds to their backoff', () => {
    const queue = new JobQueue(store, options);
    queue.enqueue({ kind: 'audit.ship', payload: {} });
    queue.enqueue({ kind: 'other', payload: {} });
    for (let i = 0; i < 2; i++) queue.fail(queue.claim()!, 'AUDIT_COLLECTOR_UNREACHABLE');
    expect(queue.claim()).toBeUndefined();
    expect(queue.hurry('audit.ship')).toBe(1);
    expect(queue.claim()).toMatchObject({ kind: 'audit.ship', attempt: 2 });
    expect(queue.claim()).toBeUndefined();
  });

  it('backs off exponentially after failures, up to the cap, and stops after the last try', () => {
    const queue = new JobQueue(store, options);
    queue.enqueue({ kind: 'k', payload: {}, maxAttempts: 4 });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const job = queue.claim();
      expect(job?.attempt).toBe(i + 1);
      const state = queue.fail(job!, 'NETWORK_DOWN');
      const next = Date.parse(queue.list()[0]!.nextRunAt) - clock;
      waits.push(next);
      expect(queue.claim()).toBeUndefined();
      clock += next;
      expect(state).toBe(i < 3 ? 'pending' : 'failed');
    }
    expect(waits.slice(0, 3)).toEqual([100, 200, 400]);
    expect(queue.list()[0]).toMatchObject({ state: 'failed', attempts: 4, lastError: 'NETWORK_DOWN' });
    expect(queue.retry(queue.list()[0]!.id)).toBe(true);
    expect(queue.claim()?.attempt).toBe(1);
  });

  it('gives a dead worker’s job to another after the lease, and the late worker cannot complete it', () => {
    const queue = new JobQueue(store, options);
    queue.enqueue({ kind: 'k', payload: {} });
    const stale = queue.claim()!;
    expect(queue.claim()).toBeUndefined();
    clock += 1_001;
    const fresh = queue.claim()!;
    let effects = 0;
    expect(queue.complete(stale, () => effects++)).toBe(false);
    expect(queue.complete(fresh, () => effects++)).toBe(true);
    expect(effects).toBe(1);
    expect(queue.list()[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect((store.db.prepare('SELECT sealed FROM jobs').pluck().get() as Buffer).length).toBe(0);
  });

  it('runs due jobs with their handlers: success, retryable failure, permanent failure', async () => {
    const queue = new JobQueue(store, options);
    queue.enqueue({ kind: 'ok', payload: 1 });
    queue.enqueue({ kind: 'flaky', payload: 2 });
    queue.enqueue({ kind: 'refused', payload: 3 });
    const ran = await runDueJobs(queue, {
      ok: async () => undefined,
      flaky: async () => {
        throw new AppError('NETWORK_DOWN', 'x');
      },
      refused: async () => {
        throw new PermanentJobError('OQS_REFUSED', 'x');
      },
    });
    expect(ran).toBe(3);
    expect(queue.list().map((j) => [j.kind, j.state, j.lastError])).toEqual([
      ['ok', 'done', null],
      ['flaky', 'pending', 'NETWORK_DOWN'],
      ['refused', 'failed', 'OQS_REFUSED'],
    ]);
  });
});
