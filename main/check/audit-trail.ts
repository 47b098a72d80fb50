/**
 * The audit rows of one check, appended in the order the machine records them (the machine's
 * actions are synchronous; the log is not). `durable()` resolves with their sequence numbers once
 * every row is on disk, or rejects with the first failure.
 */
import type { AuditEvent } from '../audit/events';
import type { AuditPort } from './ports';

export class AuditTrail {
  private tail: Promise<void> = Promise.resolve();
  private readonly seqs: number[] = [];
  private failure: unknown = null;

  constructor(private readonly audit: AuditPort) {}

  record(row: AuditEvent): void {
    this.tail = this.tail.then(async () => {
      if (this.failure !== null) return;
      try {
        this.seqs.push((await this.audit.append(row)).seq);
      } catch (err) {
        this.failure = err;
      }
    });
  }

  async durable(): Promise<number[]> {
    await this.tail;
    if (this.failure !== null) throw this.failure;
    return [...this.seqs];
  }
}
