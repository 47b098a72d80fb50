/**
 * A clerk's 4-digit passcode as a slow salted hash. Four digits are only 10,000 guesses, so the
 * hash is also keyed with a subkey of the OS-protected data key: a copied database alone cannot
 * be brute-forced offline. The passcode itself is never stored and never leaves this function.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const FORMAT = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// N=2^15 costs tens of milliseconds: invisible at unlock, and online guessing is capped by lockout.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function isPasscodeShape(passcode: Uint8Array): boolean {
  return passcode.length === 4 && passcode.every((b) => b >= 0x30 && b <= 0x39);
}

function derive(pepper: Buffer, passcode: Uint8Array, salt: Buffer): Buffer {
  const keyed = createHmac('sha256', pepper).update(passcode).digest();
  try {
    return scryptSync(keyed, salt, HASH_BYTES, SCRYPT);
  } finally {
    keyed.fill(0);
  }
}

export function hashPasscode(pepper: Buffer, passcode: Uint8Array): Buffer {
  const salt = randomBytes(SALT_BYTES);
  return Buffer.concat([Buffer.from([FORMAT]), salt, derive(pepper, passcode, salt)]);
}

export function passcodeMatches(pepper: Buffer, passcode: Uint8Array, stored: Uint8Array): boolean {
  const bytes = Buffer.from(stored);
  if (bytes.length !== 1 + SALT_BYTES + HASH_BYTES || bytes[0] !== FORMAT) return false;
  const salt = bytes.subarray(1, 1 + SALT_BYTES);
  return timingSafeEqual(derive(pepper, passcode, salt), bytes.subarray(1 + SALT_BYTES));
}
