/**
 * What OQS checks about the card's 利用者証明用電子証明書 before it believes a signature: issued by
 * the JPKI CA (here the test CA), not revoked, and in date — with the rule that a certificate
 * expired less than three months ago still gives 資格確認, though not medical information.
 */
import { X509Certificate, constants, verify } from 'node:crypto';
import { normaliseSerial } from './person-directory';
import { SimulatedRefusal } from './refusal';

export interface SimulatorPki {
  /** PEM certificates of the CA(s) the simulator takes as the JPKI CA. */
  readonly trustAnchorsPem: readonly string[];
  /** Whether the CA has revoked the certificate with this serial (upper-case hex, no leading zeros). */
  isRevoked(serial: string): boolean;
}

export interface CheckedCertificate {
  readonly certificate: X509Certificate;
  readonly serial: string;
  /** The subject CN: the holder's id (J-LIS's opaque id; the CardholderId on virtual cards). */
  readonly subjectId: string;
  /** Expired less than three months ago: qualification only. */
  readonly inGracePeriod: boolean;
}

export function checkAuthCertificate(derBase64: string, pki: SimulatorPki, now: Date): CheckedCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(derBase64, 'base64'));
  } catch {
    throw new SimulatedRefusal('REQUEST_INVALID', 'AuthCertificate is not a certificate');
  }
  const issuer = pki.trustAnchorsPem.map((pem) => new X509Certificate(pem)).find((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (!issuer) throw new SimulatedRefusal('CERTIFICATE_UNTRUSTED');
  const serial = normaliseSerial(certificate.serialNumber);
  if (pki.isRevoked(serial)) throw new SimulatedRefusal('CERTIFICATE_REVOKED');
  const notAfter = new Date(certificate.validTo);
  if (now.getTime() < new Date(certificate.validFrom).getTime()) throw new SimulatedRefusal('CERTIFICATE_UNTRUSTED', 'not yet valid');
  let inGracePeriod = false;
  if (now > notAfter) {
    const graceEnd = new Date(notAfter);
    graceEnd.setUTCMonth(graceEnd.getUTCMonth() + 3);
    if (now >= graceEnd) throw new SimulatedRefusal('CERTIFICATE_EXPIRED');
    inGracePeriod = true;
  }
  const subjectId = /(?:^|\n)CN=([^\n]*)/.exec(certificate.subject)?.[1] ?? '';
  return { certificate, serial, subjectId, inGracePeriod };
}

/** RSASSA-PKCS1-v1_5 with SHA-256 over the challenge bytes: what the JPKI auth key produces. */
export function checkChallengeSignature(checked: CheckedCertificate, challenge: Buffer, signatureBase64: string): void {
  const ok = verify('sha256', challenge, { key: checked.certificate.publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(signatureBase64, 'base64'));
  if (!ok) throw new SimulatedRefusal('SIGNATURE_INVALID');
}
