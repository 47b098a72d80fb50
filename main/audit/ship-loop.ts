/**
 * Keeps the collector up to date in the background: drains after every append (coalesced), and
 * after a failure waits out the backoff before the next try. Nothing is lost while it waits: the
 * rows are in the database and the confirmed position has not moved.
 */
import { toAppError } from '../contract/errors';
import { backoffDelay, DEFAULT_BACKOFF, type AuditShipper, type Backoff } from './shipper';

export interface ShipLoopState {
  readonly failures: number;
  readonly lastError?: string;
  readonly nextAttemptAt?: string;
  readonly confirmedThrough: number;
}

export class ShipLoop {
  private failures = 0;
  private lastError: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextAttemptAt: Date | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly shipper: AuditShipper,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
    /** Even with no appends, look again this often (rows appended by another process). */
    private readonly pollMs = 60_000,
  ) {}

  start(): void {
    this.wake();
  }

  /** Asks for a drain soon; during a backoff wait the wait is kept, so a dead collector is not hammered. */
  wake(): void {
    if (this.stopped || this.nextAttemptAt) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run();
  }

  state(): ShipLoopState {
    return {
      failures: this.failures,
      confirmedThrough: this.shipper.confirmedThrough(),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.nextAttemptAt ? { nextAttemptAt: this.nextAttemptAt.toISOString() } : {}),
    };
  }

  /** Resolves when the current attempt is over (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  private async run(): Promise<void> {
    let delay = this.pollMs;
    try {
      do {
        this.again = false;
        await this.shipper.drain();
      } while (this.again && !this.stopped);
      this.failures = 0;
      this.lastError = undefined;
    } catch (err) {
      this.failures++;
      this.lastError = toAppError(err).detail ?? toAppError(err).code;
      delay = backoffDelay(this.failures, this.backoff);
      this.nextAttemptAt = new Date(Date.now() + delay);
    } finally {
      this.running = undefined;
    }
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.nextAttemptAt = undefined;
      this.wake();
    }, delay);
    this.timer.unref();
  }
}
