/**
 * The JPKI CA certificates the app checks card certificates against, loaded at run time from a
 * folder the hospital keeps up to date (the repository carries none). A file that cannot be read is
 * reported and skipped: certificate checks only ever warn, so a bad anchor must not stop a check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { nameValues, formatName } from './names';

export type AnchorPurpose = 'user-authentication' | 'digital-signature' | 'other';

export interface TrustAnchor {
  readonly file: string;
  readonly subject: string;
  readonly purpose: AnchorPurpose;
  readonly certificate: forge.pki.Certificate;
}

export interface TrustAnchorSet {
  readonly anchors: readonly TrustAnchor[];
  /** Files that were not certificates, with the reason (technical, for the administrator). */
  readonly skipped: readonly { file: string; reason: string }[];
}

const CERT_FILE = /\.(pem|crt|cer|der)$/i;

/** What a JPKI CA is for, from its OU (J-LIS names them "JPKI for user authentication" / "… digital signature"). */
function purposeOf(certificate: forge.pki.Certificate): AnchorPurpose {
  const units = nameValues(certificate.subject.attributes, 'OU').map((v) => v.toLowerCase());
  if (units.some((u) => u.includes('user authentication'))) return 'user-authentication';
  if (units.some((u) => u.includes('digital signature'))) return 'digital-signature';
  return 'other';
}

/** One certificate from DER bytes, with its TBS digest computed for signature checks; forge throws on anything else. */
export function parseCertificate(der: Uint8Array): forge.pki.Certificate {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')));
  return forge.pki.certificateFromAsn1(asn1, true);
}

function certificatesInFile(bytes: Buffer): forge.pki.Certificate[] {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    return forge.pem.decode(text)
      .filter((block) => block.type === 'CERTIFICATE')
      .map((block) => parseCertificate(Buffer.from(block.body, 'binary')));
  }
  return [parseCertificate(bytes)];
}

export function loadTrustAnchors(folder: string): TrustAnchorSet {
  const anchors: TrustAnchor[] = [];
  const skipped: { file: string; reason: string }[] = [];
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => CERT_FILE.test(f)).sort();
  } catch (err) {
    return { anchors, skipped: [{ file: folder, reason: (err as NodeJS.ErrnoException).code ?? 'unreadable folder' }] };
  }
  for (const file of files) {
    try {
      for (const certificate of certificatesInFile(readFileSync(path.join(folder, file)))) {
        anchors.push({ file, subject: formatName(certificate.subject.attributes), purpose: purposeOf(certificate), certificate });
      }
    } catch (err) {
      skipped.push({ file, reason: err instanceof Error ? err.message.slice(0, 120) : 'unreadable' });
    }
  }
  return { anchors, skipped };
}
