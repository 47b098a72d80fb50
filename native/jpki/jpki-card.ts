/**
 * The JPKI driver: one function per card command the app needs, each taking the transport of a
 * connected card. Only the user-authentication side of the JPKI AP is touched; nothing here selects
 * the applications that hold 個人番号 or sends a credential that unlocks them.
 */
import { createHash } from 'node:crypto';
import type { ResponseApdu } from '../apdu/apdu';
import { ApduChannel } from '../apdu/channel';
import { SW, swName, triesLeft } from '../apdu/status-words';
import type { CardTransport } from '../apdu/transport';
import { CardErrors } from '../card-errors';
import {
  JpkiFile,
  MAX_READ_LENGTH,
  MAX_READ_OFFSET,
  computeDigitalSignatureCommand,
  pinTriesQueryCommand,
  readBinaryCommand,
  selectFileCommand,
  selectJpkiApCommand,
  sha256DigestInfo,
  verifyCommandBytes,
} from './apdus';
import type { AuthPin } from './auth-pin';
import { JpkiErrors } from './errors';
import type { SigningChallenge } from './signing-challenge';

/** The auth PIN allows 3 tries (jpki-card.md §4.3). */
export const AUTH_PIN_MAX_TRIES = 3;

/** RSA signing is the slowest command, above all on contactless readers (S(WTX) extensions). */
export const SIGNATURE_TIMEOUT_MS = 10_000;

export interface PinTries {
  readonly triesLeft: number;
  readonly blocked: boolean;
  /** False on a 顔認証マイナンバーカード issued without a PIN: only 目視確認 works for it. */
  readonly pinSet: boolean;
}

function expectOk(response: ResponseApdu): Uint8Array {
  if (response.sw !== SW.OK) throw CardErrors.unexpectedStatus(response.sw);
  return response.data;
}

/**
 * SELECT of the JPKI AID: the test that this is a My Number card (the ATR is only a hint). Also
 * clears any verified PIN, so every flow starts from a clean card state.
 */
export async function selectJpkiAp(transport: CardTransport): Promise<void> {
  const response = await new ApduChannel(transport).send(selectJpkiApCommand());
  if (response.sw !== SW.OK) throw CardErrors.notMyNumberCard(`select JPKI AP: ${swName(response.sw)}`);
}

/** Total length of a DER SEQUENCE from its first bytes, or undefined when the bytes are not one. */
export function derTotalLength(head: Uint8Array): number | undefined {
  if (head.length < 2 || head[0] !== 0x30) return undefined;
  const first = head[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 2 || head.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = (length << 8) | head[2 + i]!;
  return 2 + count + length;
}

/**
 * Reads a certificate file with as few APDUs as short reads allow: the first 256-byte read carries
 * the DER header, which gives the total, and the rest follows in reads of at most 256 bytes.
 */
async function readCertificateFile(transport: CardTransport, file: JpkiFile): Promise<Uint8Array> {
  const channel = new ApduChannel(transport);
  const selected = await channel.send(selectFileCommand(file));
  if (selected.sw === SW.FILE_NOT_FOUND) throw JpkiErrors.noCertificate(`select EF ${file}: ${swName(selected.sw)}`);
  expectOk(selected);
  const first = await channel.send(readBinaryCommand(0, MAX_READ_LENGTH));
  if (first.sw === SW.WRONG_P1P2_OFFSET) throw JpkiErrors.noCertificate('empty certificate file');
  const head = expectOk(first);
  const total = derTotalLength(head);
  if (total === undefined) throw JpkiErrors.noCertificate('no DER certificate in the file');
  if (total > MAX_READ_OFFSET + 1) throw CardErrors.badResponse(`certificate of ${total} bytes`);
  const out = new Uint8Array(total);
  out.set(head.subarray(0, total));
  let offset = Math.min(head.length, total);
  while (offset < total) {
    const chunk = expectOk(await channel.send(readBinaryCommand(offset, Math.min(MAX_READ_LENGTH, total - offset))));
    if (chunk.length === 0) throw CardErrors.badResponse('certificate shorter than its header');
    out.set(chunk.subarray(0, total - offset), offset);
    offset += chunk.length;
  }
  return out;
}

/** The 利用者証明用電子証明書 (DER). Free to read on a physical card; the JPKI AP must be selected. */
export async function readAuthCertificate(transport: CardTransport): Promise<Uint8Array> {
  return readCertificateFile(transport, JpkiFile.authCertificate);
}

/** The user-authentication CA certificate the card carries (DER); the JPKI AP must be selected. */
export async function readAuthCaCertificate(transport: CardTransport): Promise<Uint8Array> {
  return readCertificateFile(transport, JpkiFile.authCaCertificate);
}

function triesFromStatus(sw: number): PinTries | undefined {
  const left = triesLeft(sw);
  if (left !== undefined) return { triesLeft: left, blocked: left === 0, pinSet: true };
  if (sw === SW.REFERENCE_DATA_NOT_USABLE || sw === SW.AUTHENTICATION_METHOD_BLOCKED) return { triesLeft: 0, blocked: true, pinSet: true };
  return undefined;
}

async function selectAuthPin(channel: ApduChannel): Promise<void> {
  expectOk(await channel.send(selectFileCommand(JpkiFile.authPin)));
}

/** Remaining auth PIN tries, asked without spending one (a VERIFY with no data). */
export async function readPinTriesLeft(transport: CardTransport): Promise<PinTries> {
  const channel = new ApduChannel(transport);
  await selectAuthPin(channel);
  const response = await channel.send(pinTriesQueryCommand());
  // 90 00 means a PIN is verified in this session, and a success resets the counter.
  if (response.sw === SW.OK) return { triesLeft: AUTH_PIN_MAX_TRIES, blocked: false, pinSet: true };
  // A blocked PIN answers the query with 63 C0; "not usable" to a mere query means no PIN was ever set.
  if (response.sw === SW.REFERENCE_DATA_NOT_USABLE) return { triesLeft: 0, blocked: false, pinSet: false };
  const tries = triesFromStatus(response.sw);
  if (!tries) throw CardErrors.unexpectedStatus(response.sw);
  return tries;
}

/**
 * VERIFY of the 4-digit auth PIN, sent exactly once. The PIN and the command that carried it are
 * overwritten before this returns, also on failure; a transport error is passed on, never retried.
 */
export async function verifyAuthPin(transport: CardTransport, pin: AuthPin): Promise<void> {
  const channel = new ApduChannel(transport);
  try {
    await selectAuthPin(channel);
  } catch (err) {
    pin.wipe();
    throw err;
  }
  const response = await pin.useOnce(async (digits) => {
    const command = verifyCommandBytes(digits);
    try {
      return await channel.send(command);
    } finally {
      command.fill(0);
    }
  });
  if (response.sw === SW.OK) return;
  const tries = triesFromStatus(response.sw);
  if (!tries) throw CardErrors.unexpectedStatus(response.sw);
  throw tries.blocked ? CardErrors.pinBlocked() : CardErrors.pinWrong(tries.triesLeft);
}

/**
 * COMPUTE DIGITAL SIGNATURE with the auth key over the SHA-256 DigestInfo of the challenge (the
 * card pads, PKCS#1 v1.5). Needs a successful verifyAuthPin in this card session. Returns the
 * 256-byte RSA signature.
 */
export async function signChallenge(transport: CardTransport, challenge: SigningChallenge): Promise<Uint8Array> {
  if (challenge.origin !== 'oqs' && challenge.origin !== 'self-test') throw new TypeError('unknown challenge origin');
  const channel = new ApduChannel(transport, { timeoutMs: SIGNATURE_TIMEOUT_MS });
  expectOk(await channel.send(selectFileCommand(JpkiFile.authPrivateKey)));
  const hash = new Uint8Array(createHash('sha256').update(challenge.bytes).digest());
  const response = await channel.send(computeDigitalSignatureCommand(sha256DigestInfo(hash)));
  if (response.sw === SW.SECURITY_STATUS_NOT_SATISFIED) throw JpkiErrors.notVerified(swName(response.sw));
  const signature = expectOk(response);
  if (signature.length !== 256) throw CardErrors.badResponse(`signature of ${signature.length} bytes`);
  return signature;
}
