/**
 * The JPKI application's commands (jpki-card.md §0, §4), short APDUs only (§12.3).
 */
import type { CommandApdu } from '../apdu/apdu';

/** 公的個人認証AP. No other application is ever selected: 個人番号 lives in the others. */
export const JPKI_AID = Uint8Array.of(0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01);

/** Elementary files of the JPKI AP used here: the user-authentication set only. */
export const JpkiFile = {
  authCertificate: 0x000a,
  authCaCertificate: 0x000b,
  authPrivateKey: 0x0017,
  authPin: 0x0018,
} as const;
export type JpkiFile = (typeof JpkiFile)[keyof typeof JpkiFile];

/** A READ BINARY offset travels in 15 bits (P1 bit 8 clear), so no file read here can be larger. */
export const MAX_READ_OFFSET = 0x7fff;
/** One short READ BINARY returns at most 256 bytes (Le 00). */
export const MAX_READ_LENGTH = 256;

export function selectJpkiApCommand(): CommandApdu {
  return { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: JPKI_AID };
}

export function selectFileCommand(file: JpkiFile): CommandApdu {
  return { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(file >> 8, file & 0xff) };
}

export function readBinaryCommand(offset: number, length: number): CommandApdu {
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_READ_OFFSET) throw new RangeError(`READ BINARY offset ${offset}`);
  return { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length };
}

/** The retry-counter query: VERIFY with no data, ISO case 1 (a trailing 00 would earn 67 00). */
export function pinTriesQueryCommand(): CommandApdu {
  return { cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80 };
}

/**
 * VERIFY of the current PIN file, built as raw bytes so the caller can overwrite the one buffer
 * that holds the PIN right after the transmit.
 */
export function verifyCommandBytes(pin: Uint8Array): Uint8Array {
  const command = new Uint8Array(5 + pin.length);
  command.set([0x00, 0x20, 0x00, 0x80, pin.length]);
  command.set(pin, 5);
  return command;
}

/** COMPUTE DIGITAL SIGNATURE with the current key file; the card pads (PKCS#1 v1.5) and signs. */
export function computeDigitalSignatureCommand(digestInfo: Uint8Array): CommandApdu {
  return { cla: 0x80, ins: 0x2a, p1: 0x00, p2: 0x80, data: digestInfo, le: 256 };
}

/** DER prefix of a SHA-256 DigestInfo; the 32-byte hash follows. */
const SHA256_DIGEST_INFO_PREFIX = Uint8Array.of(
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
);

export function sha256DigestInfo(hash: Uint8Array): Uint8Array {
  if (hash.length !== 32) throw new RangeError('a SHA-256 hash is 32 bytes');
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
  out.set(SHA256_DIGEST_INFO_PREFIX);
  out.set(hash, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}
