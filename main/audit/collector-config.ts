/**
 * Where the audit log is shipped: the hospital's syslog-over-TLS collector (host, port, the CA
 * that signed its certificate, and the cart's own certificate when the collector asks for one).
 * Kept as one settings row of its own, written only through here, so a value that would fail at
 * every send attempt is refused at the door with a sentence that says what to correct. None
 * configured means no shipping at all.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { AppError } from '../contract/errors';
import type { StoreDatabase } from '../store/database';
import type { AuditLog } from './audit-log';
import {
  openIdentity,
  sealIdentity,
  validateClientIdentity,
  viewOfCertificate,
  PEM_CERTIFICATES,
  type CertificateView,
  type ClientIdentity,
  type StoredClientIdentity,
} from './collector-identity';
import type { CollectorTarget } from './syslog-tls';

const SETTING_NAME = 'auditCollector';
const MAX_PEM_BYTES = 64 * 1024;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export interface CollectorConfig {
  readonly host: string;
  readonly port: number;
  readonly caPem: string;
  readonly client?: ClientIdentity;
}

/**
 * What an administrator types: each certificate or key either pasted as PEM or as the path of its
 * file on this PC. The client certificate and key come as a pair or not at all.
 */
export interface CollectorInput {
  readonly host: string;
  readonly port: number;
  readonly caPem?: string | undefined;
  readonly caFile?: string | undefined;
  readonly clientCertPem?: string | undefined;
  readonly clientCertFile?: string | undefined;
  readonly clientKeyPem?: string | undefined;
  readonly clientKeyFile?: string | undefined;
}

type StoredCollector = Omit<CollectorConfig, 'client'> & { readonly client?: StoredClientIdentity };

/** What the settings screen shows of the CA: enough to compare with what the hospital's IT handed over. */
export interface CollectorView {
  readonly host: string;
  readonly port: number;
  readonly ca: CertificateView;
  /** The cart's own certificate, or null when it sends none. */
  readonly client: CertificateView | null;
}

export const CollectorErrors = {
  host: () =>
    new AppError('AUDIT_COLLECTOR_HOST', '集約サーバーのホスト名またはIPアドレスが正しくありません。「syslog.example.local」や「192.168.1.10」の形で入力してください。'),
  port: () => new AppError('AUDIT_COLLECTOR_PORT', 'ポート番号は1〜65535の整数で入力してください（syslog over TLS の標準は6514です）。'),
  caChoice: () => new AppError('AUDIT_COLLECTOR_CA_CHOICE', 'CA証明書は、PEMの内容かファイルの場所のどちらか一方を指定してください。'),
  caFile: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_CA_FILE', 'CA証明書のファイルを読み込めません。この端末上のファイルの場所（フルパス）をご確認ください。', detail),
  clientFile: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_CLIENT_FILE', 'クライアント証明書または秘密鍵のファイルを読み込めません。この端末上のファイルの場所（フルパス）をご確認ください。', detail),
  clientChoice: () => new AppError('AUDIT_COLLECTOR_CLIENT_CHOICE', 'クライアント証明書と秘密鍵は、それぞれPEMの内容かファイルの場所のどちらか一方で指定してください。'),
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

function readPemFile(file: string, fail: (detail: string) => AppError): string {
  if (!path.isAbsolute(file)) throw fail('not an absolute path');
  try {
    if (statSync(file).size > MAX_PEM_BYTES) throw fail('larger than 64 KiB');
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fail((err as NodeJS.ErrnoException).code ?? 'read failed');
  }
}

/** The client certificate or key, from whichever of text and file was given (at most one). */
function clientPem(pem: string | undefined, file: string | undefined): string | undefined {
  if (pem !== undefined && file !== undefined) throw CollectorErrors.clientChoice();
  return file === undefined ? pem : readPemFile(file, CollectorErrors.clientFile);
}

/** Every certificate in the PEM must parse, and the first one must still be valid today. */
function parseCa(pem: string, now: Date): { pem: string; first: X509Certificate } {
  const blocks = pem.match(PEM_CERTIFICATES) ?? [];
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
  const { pem } = parseCa(input.caPem ?? readPemFile(input.caFile!, CollectorErrors.caFile), now);
  const client = validateClientIdentity(clientPem(input.clientCertPem, input.clientCertFile), clientPem(input.clientKeyPem, input.clientKeyFile), now);
  return { host, port: input.port, caPem: pem, ...(client ? { client } : {}) };
}

export function viewOfCollector(config: CollectorConfig): CollectorView {
  return {
    host: config.host,
    port: config.port,
    ca: viewOfCertificate(config.caPem),
    client: config.client ? viewOfCertificate(config.client.certPem) : null,
  };
}

export function targetOf(config: CollectorConfig): CollectorTarget {
  return { host: config.host, port: config.port, ca: config.caPem, ...(config.client ? { cert: config.client.certPem, key: config.client.keyPem } : {}) };
}

/**
 * The saved collector, with the client key opened. A key sealed under a data key that was since
 * lost reads as no client certificate: the collector's refusal then shows in the shipping status.
 */
export function readCollector(store: StoreDatabase): CollectorConfig | null {
  const value = store.db.prepare('SELECT value FROM settings WHERE name = ?').pluck().get(SETTING_NAME) as string | undefined;
  if (value === undefined) return null;
  const parsed = JSON.parse(value) as StoredCollector | null;
  if (!parsed || typeof parsed.host !== 'string' || typeof parsed.port !== 'number' || typeof parsed.caPem !== 'string') return null;
  const client = parsed.client ? openIdentity(store.crypto, parsed.client) : undefined;
  return { host: parsed.host, port: parsed.port, caPem: parsed.caPem, ...(client ? { client } : {}) };
}

function stored(store: StoreDatabase, config: CollectorConfig): StoredCollector {
  const { client, ...rest } = config;
  return client ? { ...rest, client: sealIdentity(store.crypto, client) } : rest;
}

/**
 * Saves (or, with null, removes) the collector and records who did it, in one transaction: a change
 * the audit log cannot record (a broken chain) is not made. Durable when it returns.
 */
export function saveCollector(store: StoreDatabase, log: AuditLog, config: CollectorConfig | null, actor: string): void {
  const { db } = store;
  db.transaction(() => {
    if (config === null) db.prepare('DELETE FROM settings WHERE name = ?').run(SETTING_NAME);
    else db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(SETTING_NAME, JSON.stringify(stored(store, config)));
    log.append({ kind: 'settings.change', actor, key: 'audit-collector' });
  })();
}
