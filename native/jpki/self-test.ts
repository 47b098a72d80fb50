/**
 * `card selftest`: proves a card and its PIN work end to end without involving OQS. The app makes
 * a random challenge, the card signs it after the patient's PIN, and the app verifies the
 * signature with the public key of the certificate it just read from the same card. Nobody outside
 * chooses what is signed.
 */
import { X509Certificate, verify } from 'node:crypto';
import type { CardTransport } from '../apdu/transport';
import type { AuthPin } from './auth-pin';
import { readAuthCertificate, selectJpkiAp, signChallenge, verifyAuthPin } from './jpki-card';
import { selfTestChallenge } from './signing-challenge';

export interface SelfTestResult {
  readonly challenge: string;
  readonly signature: string;
  readonly verified: boolean;
}

/** True when `signature` is the certificate key's RSA PKCS#1 v1.5 / SHA-256 signature over `data`. */
export function verifyWithCertificate(certificateDer: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const publicKey = new X509Certificate(certificateDer).publicKey;
    return verify('sha256', data, publicKey, signature);
  } catch {
    return false;
  }
}

export async function runSelfTest(transport: CardTransport, pin: AuthPin): Promise<SelfTestResult> {
  try {
    await selectJpkiAp(transport);
    const certificate = await readAuthCertificate(transport);
    await verifyAuthPin(transport, pin);
    const challenge = selfTestChallenge();
    const signature = await signChallenge(transport, challenge);
    return {
      challenge: Buffer.from(challenge.bytes).toString('hex'),
      signature: Buffer.from(signature).toString('hex'),
      verified: verifyWithCertificate(certificate, challenge.bytes, signature),
    };
  } finally {
    pin.wipe();
  }
}
