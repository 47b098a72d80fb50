/**
 * Ships audit rows to the hospital's collector in order, from the last confirmed row onwards. The
 * confirmed position moves only after the collector has read a whole batch, so a crash or a lost
 * connection at any point means that batch goes again (at-least-once; `audit reconcile` shows the
 * duplicates). Retrying with backoff is the job queue's part (ship-loop.ts).
 */
import type { Database } from 'better-sqlite3';
import { formatSyslogMessage, frameSyslogMessage, localHostName } from './syslog-message';
import { sendSyslogBatch, type CollectorTarget } from './syslog-tls';

export interface ShipperOptions {
  readonly db: Database;
  readonly target: CollectorTarget;
  readonly batchRows?: number;
  readonly host?: string;
  readonly now?: () => Date;
  /** Replaced in tests that do not need a real collector. */
  readonly send?: (target: CollectorTarget, frames: readonly Buffer[]) => Promise<void>;
}

export interface ShipResult {
  readonly sent: number;
  readonly confirmedThrough: number;
}

/** The newest row the collector has confirmed; 0 before the first batch. */
export function confirmedThrough(db: Database): number {
  return (db.prepare('SELECT confirmed_through FROM audit_shipping WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

/** Rows recorded after the confirmed one. */
export function unconfirmedRows(db: Database): number {
  return db.prepare('SELECT count(*) FROM audit_log WHERE seq > ?').pluck().get(confirmedThrough(db)) as number;
}

export class AuditShipper {
  private readonly options: ShipperOptions;
  private readonly host: string;

  constructor(options: ShipperOptions) {
    this.options = options;
    this.host = options.host ?? localHostName();
  }

  confirmedThrough(): number {
    return confirmedThrough(this.options.db);
  }

  pending(): number {
    return unconfirmedRows(this.options.db);
  }

  /** Sends the next batch; throws AUDIT_COLLECTOR_UNREACHABLE (and confirms nothing) when the collector did not take it. */
  async shipBatch(): Promise<ShipResult> {
    const { db } = this.options;
    const from = this.confirmedThrough();
    const rows = db
      .prepare('SELECT seq, mac, content FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(from, this.options.batchRows ?? 500) as Array<{ seq: number; mac: Buffer; content: string }>;
    if (rows.length === 0) return { sent: 0, confirmedThrough: from };
    const frames = rows.map((row) => frameSyslogMessage(formatSyslogMessage(row, this.host)));
    await (this.options.send ?? sendSyslogBatch)(this.options.target, frames);
    const through = rows[rows.length - 1]!.seq;
    const at = (this.options.now ?? (() => new Date()))().toISOString();
    db.prepare(
      'INSERT INTO audit_shipping (id, confirmed_through, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET confirmed_through = max(confirmed_through, excluded.confirmed_through), updated_at = excluded.updated_at',
    ).run(through, at);
    return { sent: rows.length, confirmedThrough: through };
  }

  /** Ships batches until nothing is left; the error of the first failed batch propagates. */
  async drain(): Promise<ShipResult> {
    let sent = 0;
    for (;;) {
      const result = await this.shipBatch();
      sent += result.sent;
      if (result.sent === 0) return { sent, confirmedThrough: result.confirmedThrough };
    }
  }
}
