/**
 * The durable queue for work that waits for the network (照会番号 registration, consent
 * cancellation, batch steps, audit shipping). At-least-once: a job stays until a worker completes
 * it, and a worker that dies mid-job (kill -9, power loss) loses its lease, so another picks it up.
 * An idempotency key makes a second enqueue of the same work a no-op; the key also travels to the
 * handler so a remote side can de-duplicate. Payloads are sealed; done jobs keep no payload.
 */
import type { StoreDatabase } from './database';

export interface JobQueueOptions {
  now?: () => number;
  /** How long a claimed job belongs to its worker before another may take it over. */
  leaseMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
}

export interface NewJob {
  kind: string;
  payload: unknown;
  /** Same key, same work: enqueued once however often it is asked for. */
  idempotencyKey?: string;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  idempotencyKey: string | null;
  attempt: number;
}

export type JobState = 'pending' | 'running' | 'done' | 'failed';

/** What the UI shows: never the payload, only what, how far, and the last error code. */
export interface JobView {
  id: number;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  nextRunAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

const CONTEXT = 'jobs.sealed';
const DEFAULT_MAX_ATTEMPTS = 20;

interface JobRow { id: number; kind: string; sealed: Buffer; state: JobState; attempts: number; max_attempts: number; next_run_at: number; last_error: string | null; created_at: number; updated_at: number }

export class JobQueue {
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly random: () => number;

  constructor(private readonly store: StoreDatabase, options: JobQueueOptions = {}) {
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.backoff = options.backoff ?? { baseMs: 5_000, maxMs: 15 * 60_000 };
    this.random = options.random ?? Math.random;
  }

  /** Durable when it returns (synchronous=FULL commit). */
  enqueue(job: NewJob): { id: number; created: boolean } {
    const at = this.now();
    const keyHash = job.idempotencyKey === undefined ? null : this.store.crypto.lookupHash('job.key', job.idempotencyKey);
    const sealed = this.store.crypto.seal(JSON.stringify({ payload: job.payload, key: job.idempotencyKey ?? null }), CONTEXT);
    const result = this.store.db
      .prepare(
        `INSERT INTO jobs (kind, key_hash, sealed, state, attempts, max_attempts, next_run_at, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING`,
      )
      .run(job.kind, keyHash, sealed, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, at, at, at);
    if (result.changes === 1) return { id: Number(result.lastInsertRowid), created: true };
    const id = this.store.db.prepare('SELECT id FROM jobs WHERE key_hash = ?').pluck().get(keyHash) as number;
    return { id, created: false };
  }

  /** The next due job, leased to the caller; a job whose worker died is due again once its lease ran out. */
  claim(kinds?: readonly string[]): ClaimedJob | undefined {
    return this.store.db.transaction((): ClaimedJob | undefined => {
      const at = this.now();
      const kindFilter = kinds ? `AND kind IN (${kinds.map(() => '?').join(',')})` : '';
      const row = this.store.db
        .prepare(
          `SELECT * FROM jobs WHERE ((state = 'pending' AND next_run_at <= ?) OR (state = 'running' AND lease_until <= ?)) ${kindFilter}
           ORDER BY next_run_at, id LIMIT 1`,
        )
        .get(at, at, ...(kinds ?? [])) as JobRow | undefined;
      if (!row) return undefined;
      const attempt = row.attempts + 1;
      this.store.db.prepare("UPDATE jobs SET state = 'running', attempts = ?, lease_until = ?, updated_at = ? WHERE id = ?").run(attempt, at + this.leaseMs, at, row.id);
      const opened = JSON.parse(this.store.crypto.open(row.sealed, CONTEXT)) as { payload: unknown; key: string | null };
      return { id: row.id, kind: row.kind, payload: opened.payload, idempotencyKey: opened.key, attempt };
    }).immediate();
  }

  /**
   * Marks the job done, with an optional local effect in the same transaction. Returns false (and
   * runs no effect) when the lease was lost and another worker has the job now: a local effect then
   * happens exactly once.
   */
  complete(job: ClaimedJob, effect?: () => void): boolean {
    return this.store.db.transaction(() => {
      const changed = this.store.db
        .prepare("UPDATE jobs SET state = 'done', sealed = X'', lease_until = NULL, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'running' AND attempts = ?")
        .run(this.now(), job.id, job.attempt).changes;
      if (changed === 0) return false;
      effect?.();
      return true;
    }).immediate();
  }

  /** A retryable failure waits with exponential backoff and jitter; a permanent one, or the last try, stops. */
  fail(job: ClaimedJob, errorCode: string, permanent = false): JobState {
    const at = this.now();
    const row = this.store.db.prepare('SELECT max_attempts FROM jobs WHERE id = ? AND state = ? AND attempts = ?').get(job.id, 'running', job.attempt) as { max_attempts: number } | undefined;
    if (!row) return 'running';
    const state: JobState = permanent || job.attempt >= row.max_attempts ? 'failed' : 'pending';
    const delay = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (job.attempt - 1)) * (0.5 + this.random() / 2);
    this.store.db
      .prepare('UPDATE jobs SET state = ?, next_run_at = ?, lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND attempts = ?')
      .run(state, Math.round(at + delay), errorCode.slice(0, 64), at, job.id, job.attempt);
    return state;
  }

  /** Pending jobs of this kind are due now, their backoff forgotten (the cause was fixed, e.g. a corrected address). */
  hurry(kind: string): number {
    return this.store.db.prepare("UPDATE jobs SET next_run_at = ?, updated_at = ? WHERE kind = ? AND state = 'pending'").run(this.now(), this.now(), kind).changes;
  }

  /** An admin's "もう一度" on a failed job. */
  retry(id: number): boolean {
    return this.store.db.prepare("UPDATE jobs SET state = 'pending', attempts = 0, next_run_at = ?, updated_at = ? WHERE id = ? AND state = 'failed'").run(this.now(), this.now(), id).changes === 1;
  }

  list(states?: readonly JobState[]): JobView[] {
    const filter = states ? `WHERE state IN (${states.map(() => '?').join(',')})` : '';
    const rows = this.store.db.prepare(`SELECT * FROM jobs ${filter} ORDER BY id`).all(...(states ?? [])) as JobRow[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      nextRunAt: new Date(r.next_run_at).toISOString(),
      lastError: r.last_error,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  counts(): Record<JobState, number> {
    const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, failed: 0 };
    for (const r of this.store.db.prepare('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all() as { state: JobState; n: number }[]) counts[r.state] = r.n;
    return counts;
  }
}
