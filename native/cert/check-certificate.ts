/**
 * Local checks of a card's 利用者証明用電子証明書. Every finding is a warning for the clerk, never
 * a refusal: OQS decides whether the certificate is good. The issuer is recognised by verifying the
 * certificate's signature with each trust anchor's key, not by comparing names or dates, so a
 * look-alike CA name does not pass and a renewed CA with the same name is told apart.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { formatName } from './names';
import { parseCertificate, type TrustAnchor, type TrustAnchorSet } from './trust-anchors';
import { validityAt, type ValidityStatus } from './validity';

export type CertificateWarningCode =
  | 'CERT_ISSUER_UNKNOWN'
  | 'CERT_ISSUER_NOT_AUTH_CA'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_EXPIRED_GRACE'
  | 'CERT_EXPIRED'
  | 'CERT_KEY_USAGE';

export interface CertificateWarning {
  readonly code: CertificateWarningCode;
  readonly message: string;
}

export interface CertificateReport {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly fingerprintSha256: string;
  readonly pem: string;
  readonly validity: ValidityStatus;
  /** End of the expired-grace window, when the certificate has expired. */
  readonly graceUntil?: string;
  readonly keyUsage: readonly string[];
  /** Subject of the trust anchor whose key verified the signature. */
  readonly issuerAnchor?: string;
  readonly warnings: readonly CertificateWarning[];
}

const WARNINGS: Record<CertificateWarningCode, string> = {
  CERT_ISSUER_UNKNOWN: '電子証明書の発行元を、この端末に登録された認証局で確認できませんでした。資格確認は続けられます（判定はオンライン資格確認で行われます）。',
  CERT_ISSUER_NOT_AUTH_CA: '利用者証明用ではない認証局が発行した電子証明書です。資格確認は続けられます（判定はオンライン資格確認で行われます）。',
  CERT_NOT_YET_VALID: '電子証明書の有効期間がまだ始まっていません。パソコンの日付をご確認ください。',
  CERT_EXPIRED_GRACE: '電子証明書の有効期限が切れています（3か月以内）。資格確認はできますが、診療・薬剤情報などは閲覧できません。市区町村の窓口で電子証明書の更新をご案内ください。',
  CERT_EXPIRED: '電子証明書の有効期限が切れて3か月を過ぎています。市区町村の窓口で電子証明書の更新をご案内ください。',
  CERT_KEY_USAGE: '電子証明書の用途が利用者証明用として想定と異なります。資格確認は続けられます（判定はオンライン資格確認で行われます）。',
};

const KEY_USAGE_FLAGS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign'] as const;

function warning(code: CertificateWarningCode): CertificateWarning {
  return { code, message: WARNINGS[code] };
}

/** True when the anchor's key verifies the certificate's signature (RSA PKCS#1 v1.5 over the TBS digest). */
function signedBy(certificate: forge.pki.Certificate, anchor: TrustAnchor): boolean {
  const digest = (certificate as unknown as { md?: forge.md.MessageDigest }).md;
  const key = anchor.certificate.publicKey as forge.pki.rsa.PublicKey;
  if (!digest || typeof key.verify !== 'function') return false;
  try {
    return key.verify(digest.digest().getBytes(), certificate.signature as string);
  } catch {
    return false;
  }
}

function keyUsageOf(certificate: forge.pki.Certificate): string[] | undefined {
  const extension = certificate.getExtension('keyUsage') as Record<string, unknown> | undefined;
  if (!extension) return undefined;
  return KEY_USAGE_FLAGS.filter((flag) => extension[flag] === true);
}

function colonHex(bytes: Buffer): string {
  return bytes.toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

export function checkAuthCertificate(der: Uint8Array, trust: TrustAnchorSet, now: Date): CertificateReport {
  const certificate = parseCertificate(der);
  const warnings: CertificateWarning[] = [];

  const anchor = trust.anchors.find((a) => signedBy(certificate, a));
  if (!anchor) warnings.push(warning('CERT_ISSUER_UNKNOWN'));
  else if (anchor.purpose !== 'user-authentication') warnings.push(warning('CERT_ISSUER_NOT_AUTH_CA'));

  const { notBefore, notAfter } = certificate.validity;
  const validity = validityAt(notBefore, notAfter, now);
  if (validity.status === 'not-yet-valid') warnings.push(warning('CERT_NOT_YET_VALID'));
  if (validity.status === 'expired-grace') warnings.push(warning('CERT_EXPIRED_GRACE'));
  if (validity.status === 'expired') warnings.push(warning('CERT_EXPIRED'));

  // A user-authentication certificate is for digitalSignature only; nonRepudiation marks the signing certificate.
  const keyUsage = keyUsageOf(certificate);
  if (!keyUsage || !keyUsage.includes('digitalSignature') || keyUsage.includes('nonRepudiation')) warnings.push(warning('CERT_KEY_USAGE'));

  const derBuffer = Buffer.from(der);
  return {
    subject: formatName(certificate.subject.attributes),
    issuer: formatName(certificate.issuer.attributes),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    fingerprintSha256: colonHex(createHash('sha256').update(derBuffer).digest()),
    pem: forge.pem.encode({ type: 'CERTIFICATE', body: derBuffer.toString('binary') }, { maxline: 64 }),
    validity: validity.status,
    ...(validity.graceUntil ? { graceUntil: validity.graceUntil.toISOString() } : {}),
    keyUsage: keyUsage ?? [],
    ...(anchor ? { issuerAnchor: anchor.subject } : {}),
    warnings,
  };
}
