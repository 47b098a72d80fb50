/**
 * Short command APDUs (ISO 7816-4 cases 1–4) and response APDUs. The app only ever sends short
 * APDUs: extended length is not supported by every My Number card and reader (jpki-card.md §12).
 */
import { CardErrors } from '../card-errors';
import { AppError } from '../../main/contract/errors';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data; absent or empty for cases 1 and 2. */
  readonly data?: Uint8Array;
  /** Expected response length 1–256; absent for cases 1 and 3. */
  readonly le?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

/** A command the app built wrongly: a programming error, never the card's fault. */
export function invalidApdu(detail: string): AppError {
  return new AppError('APDU_INVALID', 'カードへの命令が正しく作れませんでした。管理者へご連絡ください。', detail);
}

function byte(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw invalidApdu(`${name} out of range`);
  return value;
}

/** Encodes a short APDU; refuses what a short APDU cannot carry. */
export function encodeCommand(apdu: CommandApdu): Uint8Array {
  const head = [byte('CLA', apdu.cla), byte('INS', apdu.ins), byte('P1', apdu.p1), byte('P2', apdu.p2)];
  const data = apdu.data ?? new Uint8Array(0);
  if (data.length > 255) {
    throw invalidApdu('Lc over 255');
  }
  if (apdu.le !== undefined && (!Number.isInteger(apdu.le) || apdu.le < 1 || apdu.le > 256)) {
    throw invalidApdu('Le out of 1-256');
  }
  const out = [...head];
  if (data.length > 0) out.push(data.length, ...data);
  if (apdu.le !== undefined) out.push(apdu.le & 0xff);
  return Uint8Array.from(out);
}

/** Splits a raw response into data and status word; fewer than 2 bytes is a transport failure. */
export function decodeResponse(raw: Uint8Array): ResponseApdu {
  if (raw.length < 2) {
    throw CardErrors.badResponse(`response of ${raw.length} bytes`);
  }
  const n = raw.length;
  return { data: raw.slice(0, n - 2), sw: ((raw[n - 2] as number) << 8) | (raw[n - 1] as number) };
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[\s:]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) {
    throw invalidApdu('bad hex');
  }
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

export interface ParsedCommand extends CommandApdu {
  readonly data: Uint8Array;
  /** Ne: expected length, 0 when the command carries no Le (cases 1 and 3). */
  readonly ne: number;
  readonly extended: boolean;
}

/**
 * Reads a raw command APDU (short or extended, ISO 7816-3 §12.1.3). Returns undefined when the
 * bytes fit no case, which a card answers with `67 00`. The data is a view of `raw`, not a copy,
 * so wiping a VERIFY command after use wipes the PIN everywhere.
 */
export function parseCommand(raw: Uint8Array): ParsedCommand | undefined {
  if (raw.length < 4) return undefined;
  const [cla, ins, p1, p2] = raw as unknown as [number, number, number, number];
  const head = { cla, ins, p1, p2 };
  const n = raw.length;
  if (n === 4) return { ...head, data: new Uint8Array(0), ne: 0, extended: false };
  const b4 = raw[4] as number;
  if (n === 5) return { ...head, data: new Uint8Array(0), ne: b4 === 0 ? 256 : b4, le: b4 === 0 ? 256 : b4, extended: false };
  if (b4 !== 0) {
    const data = raw.subarray(5, 5 + b4);
    if (n === 5 + b4) return { ...head, data, ne: 0, extended: false };
    if (n === 6 + b4) {
      const le = (raw[n - 1] as number) || 256;
      return { ...head, data, ne: le, le, extended: false };
    }
    return undefined;
  }
  const word = (i: number) => ((raw[i] as number) << 8) | (raw[i + 1] as number);
  if (n === 7) {
    const ne = word(5) || 65536;
    return { ...head, data: new Uint8Array(0), ne, extended: true };
  }
  if (n < 8) return undefined;
  const lc = word(5);
  if (lc === 0) return undefined;
  const data = raw.subarray(7, 7 + lc);
  if (n === 7 + lc) return { ...head, data, ne: 0, extended: true };
  if (n === 9 + lc) return { ...head, data, ne: word(n - 2) || 65536, extended: true };
  return undefined;
}
