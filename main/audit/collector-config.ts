/**
 * Where the audit log is shipped: the hospital's syslog-over-TLS collector (host, port, and the CA
 * that signed its certificate). Kept as one settings row of its own, written only through here, so
 * a value that would fail at every send attempt is refused at the door with a sentence that says
 * what to correct. None configured means no shipping at all.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../contract/errors';
import type { AuditLog } from './audit-log';
import type { CollectorTarget } from './syslog-tls';

const SETTING_NAME = 'auditCollector';
const MAX_CA_BYTES = 64 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export interface CollectorConfig {
  readonly host: string;
  readonly port: number;
  readonly caPem: string;
}

/** What an administrator types: the CA either pasted as PEM or as the path of its file on this PC. */
export interface CollectorInput {
  readonly host: string;
  readonly port: number;
  readonly caPem?: string | undefined;
  readonly caFile?: string | undefined;
}

/** What the settings screen shows of the CA: enough to compare with what the hospital's IT handed over. */
export interface CollectorView {
  readonly host: string;
  readonly port: number;
  readonly ca: { readonly subject: string; readonly validTo: string; readonly fingerprint256: string };
}

export const CollectorErrors = {
  host: () =>
    new AppError('AUDIT_COLLECTOR_HOST', '集約サーバーのホスト名またはIPアドレスが正しくありません。「syslog.example.local」や「192.168.1.10」の形で入力してください。'),
  port: () => new AppError('AUDIT_COLLECTOR_PORT', 'ポート番号は1〜65535の整数で入力してください（syslog over TLS の標準は6514です）。'),
  caChoice: () => new AppError('AUDIT_COLLECTOR_CA_CHOICE', 'CA証明書は、PEMの内容かファイルの場所のどちらか一方を指定してください。'),
  caFile: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_CA_FILE', 'CA証明書のファイルを読み込めません。この端末上のファイルの場所（フルパス）をご確認ください。', detail),
  caInvalid: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_CA_INVALID', 'CA証明書として読み取れません。「-----BEGIN CERTIFICATE-----」で始まるPEM形式の証明書を指定してください。', detail),
  caExpired: (validTo: string) =>
    new AppError('AUDIT_COLLECTOR_CA_EXPIRED', 'CA証明書の有効期限が切れています。病院の情報システム担当者から新しい証明書を受け取って指定してください。', `validTo ${validTo}`),
};

function checkHost(host: string): string {
  const trimmed = host.trim();
  if (isIP(trimmed) !== 0) return trimmed;
  const labels = trimmed.split('.');
  // A name whose last label is all digits is a mistyped IPv4 address, not a host name.
  if (trimmed.length > 253 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1]!)) throw CollectorErrors.host();
  return trimmed;
}

function readCaFile(file: string): string {
  if (!path.isAbsolute(file)) throw CollectorErrors.caFile('not an absolute path');
  try {
    if (statSync(file).size > MAX_CA_BYTES) throw CollectorErrors.caFile('larger than 64 KiB');
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw CollectorErrors.caFile((err as NodeJS.ErrnoException).code ?? 'read failed');
  }
}

/** Every certificate in the PEM must parse, and the first one must still be valid today. */
function parseCa(pem: string, now: Date): { pem: string; first: X509Certificate } {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw CollectorErrors.caInvalid('no CERTIFICATE block');
  const certificates = blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw CollectorErrors.caInvalid(`certificate ${i + 1} does not parse`);
    }
  });
  const first = certificates[0]!;
  if (Date.parse(first.validTo) < now.getTime()) throw CollectorErrors.caExpired(new Date(first.validTo).toISOString());
  return { pem: `${blocks.join('\n')}\n`, first };
}

/** Checks an administrator's input; throws the first problem as an AppError and changes nothing. */
export function validateCollector(input: CollectorInput, now: Date): CollectorConfig {
  const host = checkHost(input.host);
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) throw CollectorErrors.port();
  if ((input.caPem === undefined) === (input.caFile === undefined)) throw CollectorErrors.caChoice();
  const { pem } = parseCa(input.caPem ?? readCaFile(input.caFile!), now);
  return { host, port: input.port, caPem: pem };
}

export function viewOfCollector(config: CollectorConfig): CollectorView {
  const ca = new X509Certificate(config.caPem);
  return {
    host: config.host,
    port: config.port,
    ca: { subject: ca.subject, validTo: new Date(ca.validTo).toISOString(), fingerprint256: ca.fingerprint256 },
  };
}

export function targetOf(config: CollectorConfig): CollectorTarget {
  return { host: config.host, port: config.port, ca: config.caPem };
}

export function readCollector(db: Database): CollectorConfig | null {
  const value = db.prepare('SELECT value FROM settings WHERE name = ?').pluck().get(SETTING_NAME) as string | undefined;
  if (value === undefined) return null;
  const parsed = JSON.parse(value) as CollectorConfig | null;
  return parsed && typeof parsed.host === 'string' && typeof parsed.port === 'number' && typeof parsed.caPem === 'string' ? parsed : null;
}

/**
 * Saves (or, with null, removes) the collector and records who did it, in one transaction: a change
 * the audit log cannot record (a broken chain) is not made. Durable when it returns.
 */
export function saveCollector(db: Database, log: AuditLog, config: CollectorConfig | null, actor: string): void {
  db.transaction(() => {
    if (config === null) db.prepare('DELETE FROM settings WHERE name = ?').run(SETTING_NAME);
    else db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(SETTING_NAME, JSON.stringify(config));
    log.append({ kind: 'settings.change', actor, key: 'audit-collector' });
  })();
}
