/**
 * The audit log: append-only rows, each chained to the one before by an HMAC under a key the OS
 * protects. An append returns only after SQLite committed it with synchronous=FULL, so a row the
 * caller heard about survives a crash or a power cut. A broken chain stops all appends until an
 * administrator acknowledges the break, and that acknowledgement is itself the next row.
 */
import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { AnchorFile } from './anchors';
import { ChainMac, GENESIS_MAC } from './chain-mac';
import { AuditErrors } from './errors';
import type { AuditEvent } from './events';
import { patientRef, type InsuranceIdentifiers } from './patient-ref';
import { rowContent } from './row-content';
import { parallelVerifier } from './verify-worker';
import { inThreadVerifier, verifyChain, type SpanVerifier, type VerifyReport } from './verify';
import type { ChainBreak } from './verify-span';

export interface AuditKeys {
  /** Keys the row MACs. */
  readonly chain: Uint8Array;
  /** Keys the patient hashes (a different key, so one never helps guess the other). */
  readonly patient: Uint8Array;
}

export interface AuditLogOptions {
  readonly db: Database;
  readonly keys: AuditKeys;
  readonly dataDir: string;
  /** An anchor after this many rows… */
  readonly anchorEveryRows?: number;
  /** …or this long after the previous one, whichever comes first. */
  readonly anchorEveryMs?: number;
  readonly now?: () => Date;
  /** How full verification checks spans; worker threads over the database file by default. */
  readonly spanVerifier?: SpanVerifier;
}

export interface AppendedRow {
  readonly seq: number;
  readonly at: string;
}

export interface AuditStatus {
  readonly state: 'ok' | 'broken';
  readonly lastSeq: number;
  readonly break?: ChainBreak;
  /** The last anchor could not be written (an error code); rows are still durable. */
  readonly anchorProblem?: string;
}

export class AuditLog {
  private readonly db: Database;
  private readonly keys: AuditKeys;
  private readonly chain: ChainMac;
  private readonly anchors: AnchorFile;
  private readonly now: () => Date;
  private readonly anchorEveryRows: number;
  private readonly anchorEveryMs: number;
  private readonly verifier: SpanVerifier;
  private readonly lastRow: Statement;
  private readonly insert: Statement;
  private readonly appendTx: (content: string, minSeq: number) => AppendedRowInternal;
  /** The newest row as this process last wrote it; a writer that appended since holds the next number. */
  private tail: AppendedRowInternal | undefined;
  private broken: ChainBreak | undefined;
  private lastAnchor: { seq: number; atMs: number };
  private anchorProblem: string | undefined;
  /** An anchor is due at the next settled append (asked for while inside a transaction). */
  private anchorOwed = false;
  private readonly listeners = new Set<(seq: number) => void>();

  private constructor(options: AuditLogOptions) {
    this.db = options.db;
    this.keys = options.keys;
    this.chain = new ChainMac(options.keys.chain);
    this.anchors = new AnchorFile(options.dataDir);
    this.now = options.now ?? (() => new Date());
    this.anchorEveryRows = options.anchorEveryRows ?? 64;
    this.anchorEveryMs = options.anchorEveryMs ?? 60_000;
    this.verifier = options.spanVerifier ?? parallelVerifier(this.db.name, this.keys.chain) ?? inThreadVerifier(this.db, this.keys.chain);
    this.lastRow = this.db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = this.db.prepare('INSERT INTO audit_log (seq, content, mac) VALUES (?, ?, ?)');
    this.appendTx = this.db
      .transaction((content: string, minSeq: number) => {
        // Read inside the write transaction: another process (the command line) may have appended.
        const last = this.lastRow.get() as { seq: number; mac: Buffer } | undefined;
        const seq = Math.max(last?.seq ?? 0, minSeq - 1) + 1;
        const mac = this.chain.macOfText(last?.mac ?? GENESIS_MAC, seq, content);
        this.insert.run(seq, content, mac);
        return { seq, mac };
      })
      .immediate;
    this.lastAnchor = { seq: this.anchors.latest()?.seq ?? 0, atMs: this.now().getTime() };
  }

  /** Opens the log and verifies it from the newest anchor; a break found here blocks appends. */
  static async open(options: AuditLogOptions): Promise<AuditLog> {
    const log = new AuditLog(options);
    await log.verify({ full: false });
    return log;
  }

  status(): AuditStatus {
    const last = this.lastRow.get() as { seq: number } | undefined;
    return {
      state: this.broken ? 'broken' : 'ok',
      lastSeq: last?.seq ?? 0,
      ...(this.broken ? { break: this.broken } : {}),
      ...(this.anchorProblem ? { anchorProblem: this.anchorProblem } : {}),
    };
  }

  async verify(options: { full: boolean }): Promise<VerifyReport> {
    const report = await verifyChain(this.db, options.full ? this.verifier : inThreadVerifier(this.db, this.keys.chain), {
      full: options.full,
      anchor: this.anchors.latest(),
    });
    this.broken = report.firstBad;
    return report;
  }

  /** Records one event durably. Throws AUDIT_CHAIN_BROKEN while a break is unacknowledged. */
  append(event: AuditEvent): AppendedRow {
    if (this.broken) throw AuditErrors.chainBroken(this.broken.seq, this.broken.problem);
    return this.write(event, 0);
  }

  /**
   * An administrator accepts the break the last verification named. The acknowledgement is chained
   * onto whatever rows are there, takes a number above any the anchor vouched for (so numbers that
   * went missing are never reused), and a fresh anchor is written at once.
   */
  acknowledgeBreak(actor: string, breakAt: number): AppendedRow {
    const found = this.broken;
    if (!found) throw AuditErrors.notBroken();
    if (found.seq !== breakAt) throw AuditErrors.breakMismatch(found.seq, breakAt);
    return this.acknowledge(actor, found.seq, found.problem);
  }

  /**
   * After the OS key was lost (and the store's data discarded), rows chained under the old key can
   * no longer be checked here; the collector still holds them with their MACs. A full verification
   * names the first of them, and it is acknowledged as 'key-lost', so the chain goes on under the
   * new key and later verifications, full ones too, skip the old rows. Undefined when no old row fails.
   */
  async acceptKeyLoss(actor: string): Promise<AppendedRow | undefined> {
    const report = await this.verify({ full: true });
    if (!report.firstBad) return undefined;
    return this.acknowledge(actor, report.firstBad.seq, 'key-lost');
  }

  private acknowledge(actor: string, breakAt: number, problem: string): AppendedRow {
    const through = Math.max(this.status().lastSeq, this.anchors.latest()?.seq ?? 0);
    const row = this.write({ kind: 'admin.acknowledge', actor, breakAt, problem, through }, through + 1, true);
    this.broken = undefined;
    return row;
  }

  /** The keyed hash the log uses for this patient (for recording and for `audit find`). */
  patientRef(ids: InsuranceIdentifiers): string {
    return patientRef(this.keys.patient, ids);
  }

  /** Called after each durable append with its sequence number (the shipper listens). */
  onAppend(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(event: AuditEvent, minSeq: number, forceAnchor = false): AppendedRow {
    const instant = this.now();
    const { content, at } = rowContent(event, instant);
    // A row written inside a caller's transaction goes if that transaction is rolled back: it is
    // not chained onto from memory, and not anchored, until an append outside any transaction.
    const settled = !this.db.inTransaction;
    const row = (settled && minSeq === 0 ? this.appendAfterTail(content) : undefined) ?? this.appendTx(content, minSeq);
    this.tail = settled ? row : undefined;
    this.anchorOwed ||= forceAnchor;
    if (settled) this.anchorIfDue(row, instant.getTime());
    for (const listener of this.listeners) listener(row.seq);
    return { seq: row.seq, at };
  }

  /**
   * The common case as one plain INSERT, as cheap as any single-row insert: chained onto the row this
   * process wrote last. A writer that appended meanwhile (the command line) holds that number
   * already, the primary key refuses it, and the tail is then read under the write lock. Checking
   * the tail here instead would cost a statement on every append.
   */
  private appendAfterTail(content: string): AppendedRowInternal | undefined {
    const tail = this.tail;
    if (!tail) return undefined;
    const seq = tail.seq + 1;
    const mac = this.chain.macOfText(tail.mac, seq, content);
    try {
      this.insert.run(seq, content, mac);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
      throw err;
    }
    return { seq, mac };
  }

  private anchorIfDue(row: AppendedRowInternal, nowMs: number): void {
    const due = this.anchorOwed || row.seq - this.lastAnchor.seq >= this.anchorEveryRows || nowMs - this.lastAnchor.atMs >= this.anchorEveryMs;
    if (!due) return;
    // The row is committed already: a failed anchor must not make the caller think otherwise (it
    // would record the event twice). The failure shows in status() and the next append tries again.
    try {
      this.anchors.write(row);
      this.lastAnchor = { seq: row.seq, atMs: nowMs };
      this.anchorOwed = false;
      this.anchorProblem = undefined;
    } catch (err) {
      this.anchorProblem = err instanceof AppError ? err.code : 'AUDIT_ANCHOR_UNWRITABLE';
    }
  }
}

interface AppendedRowInternal {
  readonly seq: number;
  readonly mac: Buffer;
}
