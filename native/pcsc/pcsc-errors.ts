/**
 * PC/SC failures by their SCARD_* name, what the app does about each (its recovery), and the
 * clerk's message. Bindings report errors as text only: `smartcard` uses a fixed sentence per
 * code, `pcsclite` and WinSCard messages carry the hex code; both are understood here, so a
 * binding swap or a Windows-only code lands on the same recovery.
 */
import type { AppError } from '../../main/contract/errors';
import { CardErrors } from '../card-errors';

export const SCARD = {
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_UNKNOWN_READER: 0x80100009,
  E_INSUFFICIENT_BUFFER: 0x80100008,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  F_COMM_ERROR: 0x80100013,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

/** The fixed sentences of the `smartcard` binding (src/pcsc_errors.h), and context misuse. */
const BY_MESSAGE: Record<string, number> = {
  'Operation cancelled': SCARD.E_CANCELLED,
  'Invalid handle': SCARD.E_INVALID_HANDLE,
  'Context is not valid': SCARD.E_INVALID_HANDLE,
  'Unknown reader': SCARD.E_UNKNOWN_READER,
  'Operation timed out': SCARD.E_TIMEOUT,
  'Insufficient buffer': SCARD.E_INSUFFICIENT_BUFFER,
  'Sharing violation': SCARD.E_SHARING_VIOLATION,
  'No smart card present': SCARD.E_NO_SMARTCARD,
  'Protocol mismatch': SCARD.E_PROTO_MISMATCH,
  'Transaction failed': SCARD.E_NOT_TRANSACTED,
  'Reader unavailable': SCARD.E_READER_UNAVAILABLE,
  'Communication error': SCARD.F_COMM_ERROR,
  'PC/SC service not running': SCARD.E_NO_SERVICE,
  'PC/SC service stopped': SCARD.E_SERVICE_STOPPED,
  'No readers available': SCARD.E_NO_READERS_AVAILABLE,
  'Card is unresponsive': SCARD.W_UNRESPONSIVE_CARD,
  'Card is unpowered': SCARD.W_UNPOWERED_CARD,
  'Card was reset': SCARD.W_RESET_CARD,
  'Card was removed': SCARD.W_REMOVED_CARD,
  'Card is not connected': SCARD.W_REMOVED_CARD,
};

/** The SCARD code behind a binding error, or undefined when it is not a PC/SC failure. */
export function pcscCode(err: unknown): number | undefined {
  if (!(err instanceof Error)) return undefined;
  const hex = /0x(8010[0-9a-fA-F]{4})/.exec(err.message);
  if (hex) return Number.parseInt(hex[1] as string, 16);
  return BY_MESSAGE[err.message.trim()];
}

/**
 * What the app does after a PC/SC failure:
 * - new-context: the service went away (pcscd restart, Windows service stopped) → a new context;
 * - wait-for-reader: no reader left (on Windows the service stops with the last one) → drop the
 *   context and poll for a reader with a fresh one;
 * - reconnect: another program reset the card → reconnect and reselect, never resend a VERIFY;
 * - card-gone / reader-gone: tell the clerk, wait for the next insertion;
 * - busy: another program holds the card exclusively; timeout: the card does not answer.
 */
export type Recovery = 'new-context' | 'wait-for-reader' | 'reconnect' | 'card-gone' | 'reader-gone' | 'busy' | 'timeout' | 'fail';

const RECOVERY = new Map<number, Recovery>([
  [SCARD.E_NO_SERVICE, 'new-context'],
  [SCARD.E_SERVICE_STOPPED, 'new-context'],
  [SCARD.F_COMM_ERROR, 'new-context'],
  [SCARD.E_INVALID_HANDLE, 'new-context'],
  [SCARD.E_NO_READERS_AVAILABLE, 'wait-for-reader'],
  [SCARD.W_RESET_CARD, 'reconnect'],
  [SCARD.W_UNPOWERED_CARD, 'reconnect'],
  [SCARD.W_REMOVED_CARD, 'card-gone'],
  [SCARD.E_NO_SMARTCARD, 'card-gone'],
  [SCARD.E_NOT_TRANSACTED, 'card-gone'],
  [SCARD.E_READER_UNAVAILABLE, 'reader-gone'],
  [SCARD.E_UNKNOWN_READER, 'reader-gone'],
  [SCARD.E_SHARING_VIOLATION, 'busy'],
  [SCARD.E_TIMEOUT, 'timeout'],
  [SCARD.W_UNRESPONSIVE_CARD, 'timeout'],
]);

export function recoveryFor(code: number | undefined): Recovery {
  return (code !== undefined && RECOVERY.get(code)) || 'fail';
}

function codeName(code: number | undefined): string {
  const name = Object.entries(SCARD).find(([, c]) => c === code)?.[0];
  return name ? `SCARD_${name}` : code === undefined ? 'not a PC/SC error' : `0x${code.toString(16)}`;
}

/** The clerk-facing error for a binding failure (contactless readers: the card was moved). */
export function pcscAppError(err: unknown, contactless = false): AppError {
  const code = pcscCode(err);
  const detail = codeName(code);
  switch (recoveryFor(code)) {
    case 'new-context': return CardErrors.serviceDown(detail);
    case 'wait-for-reader': return CardErrors.noReader(detail);
    case 'reconnect': return CardErrors.cardReset(detail);
    case 'card-gone': return code === SCARD.E_NO_SMARTCARD ? CardErrors.noCard(detail) : CardErrors.cardGone(contactless, detail);
    case 'reader-gone': return CardErrors.readerGone(detail);
    case 'busy': return CardErrors.readerBusy(detail);
    case 'timeout': return CardErrors.notAnswering(detail);
    case 'fail': return code === SCARD.E_PROTO_MISMATCH ? CardErrors.notMyNumberCard(detail) : CardErrors.badResponse(detail);
  }
}
