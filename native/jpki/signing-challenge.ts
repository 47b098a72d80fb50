/**
 * What the patient's key may sign. The app never signs data a caller chooses: only a challenge the
 * consent gateway (OQS) issued, or a random challenge made here for the self-test, which the app
 * then verifies itself. Both are built only by the factories below.
 */
import { randomBytes } from 'node:crypto';

export type ChallengeOrigin = 'oqs' | 'self-test';

export interface SigningChallenge {
  readonly origin: ChallengeOrigin;
  readonly bytes: Uint8Array;
}

/** Bounds for an OQS challenge: long enough to be a nonce, short enough not to be a document. */
const MIN_CHALLENGE = 16;
const MAX_CHALLENGE = 1024;
const SELF_TEST_CHALLENGE = 32;

/** Wraps a challenge exactly as the consent gateway sent it. */
export function oqsChallenge(bytes: Uint8Array): SigningChallenge {
  if (bytes.length < MIN_CHALLENGE || bytes.length > MAX_CHALLENGE) {
    throw new RangeError(`an OQS challenge is ${MIN_CHALLENGE}–${MAX_CHALLENGE} bytes, got ${bytes.length}`);
  }
  return Object.freeze({ origin: 'oqs', bytes: bytes.slice() });
}

/** A fresh random challenge for `card selftest`; nobody outside chooses its bytes. */
export function selfTestChallenge(): SigningChallenge {
  return Object.freeze({ origin: 'self-test', bytes: new Uint8Array(randomBytes(SELF_TEST_CHALLENGE)) });
}
