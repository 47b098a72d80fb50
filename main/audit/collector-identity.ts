/**
 * The cart's own certificate toward the collector. RFC 5425 has both ends authenticate with
 * certificates, and a collector set up that way (rsyslog's x509/certvalid or x509/name) refuses a
 * sender without one. Optional: a collector that only proves itself needs none. The private key is
 * kept sealed with the store's field key; only the certificate is stored as it is.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { AppError } from '../contract/errors';
import type { FieldCrypto } from '../store/field-crypto';

/** TLS Web Client Authentication (RFC 5280 §4.2.1.12). */
const CLIENT_AUTH_USAGE = '1.3.6.1.5.5.7.3.2';
const SEAL_CONTEXT = 'settings.auditCollector.clientKey';

export interface ClientIdentity {
  readonly certPem: string;
  readonly keyPem: string;
}

/** How the identity sits in the settings row: the key only as a sealed blob. */
export interface StoredClientIdentity {
  readonly certPem: string;
  readonly keySealed: string;
}

/** What the screens show of a certificate (the CA's or the cart's). */
export interface CertificateView {
  readonly subject: string;
  readonly validTo: string;
  readonly fingerprint256: string;
}

export const IdentityErrors = {
  pair: () =>
    new AppError('AUDIT_COLLECTOR_CLIENT_PAIR', 'クライアント証明書と秘密鍵は、両方を指定するか、両方とも指定しないでください。'),
  certificate: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_CLIENT_CERT', 'クライアント証明書として読み取れません。「-----BEGIN CERTIFICATE-----」で始まるPEM形式の証明書を指定してください。', detail),
  expired: (validTo: string) =>
    new AppError('AUDIT_COLLECTOR_CLIENT_EXPIRED', 'クライアント証明書の有効期限が切れています。病院の情報システム担当者から新しい証明書を受け取って指定してください。', `validTo ${validTo}`),
  usage: () =>
    new AppError('AUDIT_COLLECTOR_CLIENT_USAGE', 'この証明書はクライアント認証に使えません（拡張鍵用途に TLS Web Client Authentication がありません）。', 'no clientAuth in extendedKeyUsage'),
  key: (detail: string) =>
    new AppError('AUDIT_COLLECTOR_CLIENT_KEY', '秘密鍵を読み取れません。パスフレーズのないPEM形式（「-----BEGIN PRIVATE KEY-----」など）で指定してください。', detail),
  mismatch: () =>
    new AppError('AUDIT_COLLECTOR_CLIENT_MISMATCH', '秘密鍵がクライアント証明書と対になっていません。同じ組の証明書と秘密鍵を指定してください。'),
};

/** Every PEM certificate block in a text (the global flag: use with String.match). */
export const PEM_CERTIFICATES = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;

function parseCertificate(pem: string): X509Certificate {
  const block = pem.match(PEM_CERTIFICATES)?.[0];
  if (!block) throw IdentityErrors.certificate('no CERTIFICATE block');
  try {
    return new X509Certificate(block);
  } catch {
    throw IdentityErrors.certificate('does not parse');
  }
}

function parseKey(pem: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw IdentityErrors.key((err as NodeJS.ErrnoException).code ?? 'does not parse');
  }
}

/**
 * Checks a certificate and key pair as an administrator gives them; undefined when neither is
 * given. The certificate must be valid today, usable for client authentication, and match the key.
 */
export function validateClientIdentity(certPem: string | undefined, keyPem: string | undefined, now: Date): ClientIdentity | undefined {
  if (certPem === undefined && keyPem === undefined) return undefined;
  if (certPem === undefined || keyPem === undefined) throw IdentityErrors.pair();
  const certificate = parseCertificate(certPem);
  if (Date.parse(certificate.validTo) < now.getTime()) throw IdentityErrors.expired(new Date(certificate.validTo).toISOString());
  // Without the extension any use is allowed; with it, client authentication must be listed.
  const usages = certificate.keyUsage;
  if (usages !== undefined && !usages.includes(CLIENT_AUTH_USAGE)) throw IdentityErrors.usage();
  const key = parseKey(keyPem);
  if (!certificate.checkPrivateKey(key)) throw IdentityErrors.mismatch();
  return { certPem: certificate.toString(), keyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export function viewOfCertificate(pem: string): CertificateView {
  const certificate = new X509Certificate(pem);
  return { subject: certificate.subject, validTo: new Date(certificate.validTo).toISOString(), fingerprint256: certificate.fingerprint256 };
}

export function sealIdentity(crypto: FieldCrypto, identity: ClientIdentity): StoredClientIdentity {
  return { certPem: identity.certPem, keySealed: crypto.seal(identity.keyPem, SEAL_CONTEXT).toString('base64') };
}

/** Undefined when the key no longer opens (sealed under a data key that was lost and replaced). */
export function openIdentity(crypto: FieldCrypto, stored: StoredClientIdentity): ClientIdentity | undefined {
  try {
    return { certPem: stored.certPem, keyPem: crypto.open(Buffer.from(stored.keySealed, 'base64'), SEAL_CONTEXT) };
  } catch {
    return undefined;
  }
}
