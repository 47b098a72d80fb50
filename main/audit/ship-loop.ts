/**
 * Keeps the collector up to date through the store's durable job queue: an `audit.ship` job drains
 * every unconfirmed row; a failed attempt goes back to the queue with its exponential backoff, so
 * an unreachable collector is retried ever more slowly, across restarts too. Appends only wake the
 * loop (coalesced): the rows and the confirmed position are what is durable, and at every tick a
 * job is enqueued again if rows are waiting and none is, so nothing depends on an in-memory flag.
 */
import { toAppError } from '../contract/errors';
import type { JobQueue } from '../store/job-queue';
import { runDueJobs } from '../store/job-worker';
import type { AuditShipper } from './shipper';

export const AUDIT_SHIP_JOB = 'audit.ship';
/** Shipping never gives up: the rows wait until the collector is back, however long that takes. */
const NEVER_GIVE_UP = 1_000_000_000;

export interface ShipLoopState {
  readonly confirmedThrough: number;
  readonly failures: number;
  readonly lastError?: string;
  readonly nextAttemptAt?: string;
}

export class ShipLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** The queue keeps only the error code; the cause (refused, timed out, untrusted certificate) is kept here for the status screen. */
  private lastCause: string | undefined;

  constructor(
    private readonly shipper: AuditShipper,
    private readonly queue: JobQueue,
    /** How often due retries are looked for; the queue's backoff decides when one is due. */
    private readonly tickMs = 1_000,
  ) {}

  start(): void {
    this.schedule();
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick().finally(() => {
      this.running = undefined;
    });
  }

  state(): ShipLoopState {
    const job = this.queue.list(['pending', 'running']).find((j) => j.kind === AUDIT_SHIP_JOB);
    return {
      confirmedThrough: this.shipper.confirmedThrough(),
      failures: job?.attempts ?? 0,
      ...(job?.lastError ? { lastError: this.lastCause ?? job.lastError, nextAttemptAt: job.nextRunAt } : {}),
    };
  }

  /** Resolves when the current tick is over (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private schedule(): void {
    this.timer = setInterval(() => this.wake(), this.tickMs);
    this.timer.unref();
  }

  private async ship(): Promise<void> {
    try {
      await this.shipper.drain();
      this.lastCause = undefined;
    } catch (err) {
      this.lastCause = toAppError(err).detail ?? toAppError(err).code;
      throw err;
    }
  }

  private async tick(): Promise<void> {
    do {
      this.again = false;
      const waiting = this.queue.list(['pending', 'running']).some((j) => j.kind === AUDIT_SHIP_JOB);
      if (!waiting && this.shipper.pending() > 0) this.queue.enqueue({ kind: AUDIT_SHIP_JOB, payload: {}, maxAttempts: NEVER_GIVE_UP });
      await runDueJobs(this.queue, { [AUDIT_SHIP_JOB]: () => this.ship() });
    } while (this.again && !this.stopped);
  }
}
