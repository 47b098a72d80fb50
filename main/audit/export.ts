/**
 * Reading the log out: as JSON lines or CSV for the institution's reviews, and the rows about one
 * patient for "who viewed this patient". Each row carries its UTC time with the Asia/Tokyo
 * rendering next to it, and its MAC, so an exported copy can be checked against shipped messages.
 */
import type { Database } from 'better-sqlite3';
import { formatOffsetIso } from '../common/tokyo-time';
import { TRAINING_NOTICE } from '../common/training';
import type { AuditLog } from './audit-log';
import { AuditErrors } from './errors';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportedRow {
  readonly seq: number;
  readonly at: string;
  readonly atTokyo: string;
  readonly kind: string;
  readonly actor: string;
  readonly mac: string;
  readonly event: Record<string, unknown>;
  /** Set on every row a training cart exports. */
  readonly trainingMode?: true;
}

const CSV_COLUMNS = ['seq', 'at', 'at_tokyo', 'kind', 'actor', 'patient', 'check', 'outcome', 'mac', 'event'] as const;

/** The UTC instant of a row with its Asia/Tokyo rendering. */
function renderRowTime(at: string): { at: string; atTokyo: string } {
  return { at, atTokyo: formatOffsetIso(new Date(at)) };
}

function toExported(row: { seq: number; content: string; mac: Buffer }): ExportedRow {
  const event = JSON.parse(row.content) as Record<string, unknown> & { at: string; kind: string; actor: string };
  return { seq: row.seq, ...renderRowTime(event.at), kind: event.kind, actor: event.actor, mac: row.mac.toString('hex'), event };
}

/** Parses --since: a date (Tokyo midnight) or a full ISO time. */
export function parseSince(value: string): string {
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+09:00` : value;
  const ms = Date.parse(withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw AuditErrors.badOption(`--since ${value.slice(0, 40)}`);
  return new Date(ms).toISOString();
}

export function* exportRows(db: Database, since?: string): Generator<ExportedRow> {
  const rows = since
    ? db.prepare("SELECT seq, content, mac FROM audit_log WHERE json_extract(content, '$.at') >= ? ORDER BY seq").iterate(since)
    : db.prepare('SELECT seq, content, mac FROM audit_log ORDER BY seq').iterate();
  for (const row of rows as Iterable<{ seq: number; content: string; mac: Buffer }>) yield toExported(row);
}

export function rowsForPatient(db: Database, patient: string): ExportedRow[] {
  const rows = db.prepare('SELECT seq, content, mac FROM audit_log WHERE patient = ? ORDER BY seq').all(patient) as Array<{ seq: number; content: string; mac: Buffer }>;
  return rows.map(toExported);
}

function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

export function formatRow(row: ExportedRow, format: ExportFormat): string {
  if (format === 'jsonl') return JSON.stringify(row);
  const { event } = row;
  return [row.seq, row.at, row.atTokyo, row.kind, row.actor, event.patient, event.check, event.outcome, row.mac, event].map(csvField).join(',');
}

/**
 * Writes the log (from `since`, an ISO instant) line by line, the CSV with its header, and records
 * the export itself unless the chain is broken (then nothing may be appended). Returns the rows written.
 */
export function writeExport(
  opened: { db: Database; log: AuditLog },
  request: { format: ExportFormat; since?: string; actor: string; trainingMode: boolean },
  write: (line: string) => void,
): number {
  let rows = 0;
  // A training cart's trail says so: the CSV on its first line, as the terminal's exports do; each JSON line in a field.
  if (request.trainingMode && request.format === 'csv') write(TRAINING_NOTICE);
  if (request.format === 'csv') write(csvHeader());
  for (const row of exportRows(opened.db, request.since)) {
    write(formatRow(request.trainingMode ? { ...row, trainingMode: true } : row, request.format));
    rows++;
  }
  if (opened.log.status().state === 'ok') opened.log.append({ kind: 'export', actor: request.actor, what: 'audit-log', format: request.format, rows });
  return rows;
}
