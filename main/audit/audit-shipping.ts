/**
 * The services host's part of shipping: one ship loop toward the configured collector, started
 * when one is configured, replaced when the setting changes, stopped on close; and the status the
 * audit screen shows, in plain Japanese. The confirmed position and the queued job live in the
 * database, so a restart goes on where the last run stopped.
 */
import type { StoreDatabase } from '../store/database';
import { JobQueue } from '../store/job-queue';
import type { AuditLog } from './audit-log';
import { targetOf, type CollectorConfig } from './collector-config';
import { AUDIT_SHIP_JOB, ShipLoop } from './ship-loop';
import { AuditShipper, confirmedThrough, unconfirmedRows } from './shipper';

export type ShippingState = 'not-configured' | 'up-to-date' | 'sending' | 'retrying';

export interface ShippingStatus {
  readonly state: ShippingState;
  readonly collector: { readonly host: string; readonly port: number } | null;
  /** The newest row the collector has confirmed (0: none yet). */
  readonly confirmedThrough: number;
  /** Rows recorded here that the collector has not confirmed. */
  readonly backlog: number;
  readonly failures: number;
  readonly lastError: { readonly cause: string; readonly message: string } | null;
  readonly nextAttemptAt: string | null;
  /** One sentence for the screen. */
  readonly message: string;
}

const CAUSES: ReadonlyArray<[RegExp, string]> = [
  [/^ECONNREFUSED$/, '集約サーバーが接続を受け付けていません。サーバーが停止しているか、ポート番号が違う可能性があります。'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, '集約サーバーのホスト名が見つかりません。ホスト名とネットワーク接続をご確認ください。'],
  [/^timeout$/, '集約サーバーが応答しません。サーバーとネットワークの状態をご確認ください。'],
  [/^(EHOSTUNREACH|ENETUNREACH|ENETDOWN)$/, 'ネットワークに接続できません。病院のネットワークにつながっているかご確認ください。'],
  [/CERT|SIGNATURE|SELF_SIGNED|UNABLE_TO|ALTNAME|not authorized|^ERR_SSL|^ERR_TLS/, '集約サーバーの証明書を確認できません。設定したCA証明書とホスト名をご確認ください。'],
  [/^(ECONNRESET|EPIPE)$|^closed/, '送信の途中で接続が切れました。'],
];

/** The technical cause (a socket error code, 'timeout', a TLS verification code) as a sentence. */
export function describeShippingCause(cause: string): string {
  return CAUSES.find(([pattern]) => pattern.test(cause))?.[1] ?? '集約サーバーに送信できませんでした。';
}

export interface AuditShippingDeps {
  readonly store: StoreDatabase;
  readonly log: AuditLog;
  readonly now: () => Date;
  /** How often due retries are looked for; the queue's backoff decides when one is due. */
  readonly tickMs?: number;
  readonly timeoutMs?: number;
}

export class AuditShipping {
  private loop: ShipLoop | null = null;
  private collector: CollectorConfig | null = null;
  private readonly queue: JobQueue;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: AuditShippingDeps) {
    this.queue = new JobQueue(deps.store, { now: () => deps.now().getTime() });
    this.unsubscribe = deps.log.onAppend(() => this.loop?.wake());
  }

  /** Stops the current loop (letting a batch in flight finish) and starts one toward `collector`. */
  async configure(collector: CollectorConfig | null): Promise<void> {
    await this.loop?.stop();
    this.loop = null;
    this.collector = collector;
    if (!collector) return;
    const timeout = this.deps.timeoutMs === undefined ? {} : { timeoutMs: this.deps.timeoutMs };
    const shipper = new AuditShipper({ db: this.deps.store.db, target: { ...targetOf(collector), ...timeout }, now: this.deps.now });
    // A new address deserves a try now, not after the backoff the old one earned.
    this.queue.hurry(AUDIT_SHIP_JOB);
    this.loop = new ShipLoop(shipper, this.queue, this.deps.tickMs);
    this.loop.start();
  }

  status(): ShippingStatus {
    const { db } = this.deps.store;
    const backlog = unconfirmedRows(db);
    const collector = this.collector ? { host: this.collector.host, port: this.collector.port } : null;
    const loopState = this.loop?.state();
    const failure = loopState?.lastError;
    const base = { collector, confirmedThrough: confirmedThrough(db), backlog, failures: loopState?.failures ?? 0 };
    if (!this.loop || !collector) {
      return { ...base, state: 'not-configured', lastError: null, nextAttemptAt: null, message: '監査ログの集約サーバーが設定されていないため、送信していません。記録はこの端末内にだけ保存されています。' };
    }
    if (failure) {
      const message = describeShippingCause(failure);
      return {
        ...base,
        state: 'retrying',
        lastError: { cause: failure, message },
        nextAttemptAt: loopState.nextAttemptAt ?? null,
        message: `${message}未送信の記録${backlog}件はこの端末内に保存されており、自動で再送します。`,
      };
    }
    if (backlog === 0) return { ...base, state: 'up-to-date', lastError: null, nextAttemptAt: null, message: 'すべての記録を集約サーバーへ送信済みです。' };
    return { ...base, state: 'sending', lastError: null, nextAttemptAt: null, message: `未送信の記録が${backlog}件あります。集約サーバーへ送信しています。` };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.loop?.stop();
    this.loop = null;
  }
}
