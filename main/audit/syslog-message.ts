/**
 * One audit row as an RFC 5424 syslog message, and back. The sequence number and the row's MAC
 * travel as structured data in every message, so the collector's copy can be checked against the
 * local chain (`audit reconcile`) and every message doubles as an anchor off the machine.
 */
import { hostname } from 'node:os';

/**
 * The SD-ID needs an IANA Private Enterprise Number after the '@'. 32473 is the number reserved for
 * documentation (RFC 5612); replace it here once the product has its own.
 */
export const AUDIT_SD_ID = 'onshiAudit@32473';
/** Facility 13 (log audit), severity 6 (informational). */
const PRIORITY = 13 * 8 + 6;
const APP_NAME = 'onshi-cart';
const BOM = '\uFEFF';

export interface ShippedRow {
  readonly seq: number;
  readonly mac: Buffer;
  /** Canonical JSON of the event, with `at` and `kind`. */
  readonly content: string;
}

/** PRINTUSASCII without spaces, at most `max` characters; anything else becomes '-'. */
function header(value: string, max: number): string {
  const cleaned = value.replace(/[^\x21-\x7e]/g, '').slice(0, max);
  return cleaned.length > 0 ? cleaned : '-';
}

function sdValue(value: string): string {
  return value.replace(/[\\"\]]/g, (c) => `\\${c}`);
}

export function localHostName(): string {
  return header(hostname(), 255);
}

export function formatSyslogMessage(row: ShippedRow, host: string = localHostName()): string {
  const { at, kind } = JSON.parse(row.content) as { at: string; kind: string };
  const sd = `[${AUDIT_SD_ID} seq="${row.seq}" mac="${row.mac.toString('hex')}" host="${sdValue(host)}"]`;
  return `<${PRIORITY}>1 ${at} ${header(host, 255)} ${APP_NAME} - ${header(kind, 32)} ${sd} ${BOM}${row.content}`;
}

/** RFC 5425 octet-counting: the message length in bytes, a space, the message. */
export function frameSyslogMessage(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}

export interface ReceivedEntry {
  readonly seq: number;
  readonly mac: string;
  readonly host: string;
}

const SD_PATTERN = new RegExp(`\\[${AUDIT_SD_ID.replace('.', '\\.')} seq="(\\d+)" mac="([0-9a-f]{64})" host="((?:[^"\\\\]|\\\\.)*)"\\]`);

/**
 * Finds our structured data in one line of a collector's log, whatever the collector's own line
 * format around it (raw message, RFC 5424 re-emitted, a timestamp prefix). Other lines give undefined.
 */
export function parseReceivedLine(line: string): ReceivedEntry | undefined {
  const m = SD_PATTERN.exec(line);
  if (!m) return undefined;
  return { seq: Number(m[1]), mac: m[2]!, host: m[3]!.replace(/\\(.)/g, '$1') };
}
