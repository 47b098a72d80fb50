/**
 * How the JPKI driver reaches a card, whatever carries the bytes: a PC/SC reader (through pcscd or
 * the Windows smart card service) or the virtual card in the same process. The driver never knows
 * which; tests and fuzzing swap one for the other.
 */

/** One raw exchange: a command APDU out, the response APDU (data + SW1 SW2) back. */
export interface CardTransport {
  /** A human name for the reader (or "in-process") for messages and `--reader`. */
  readonly readerName: string;
  /** The card's answer to reset, as read when it was connected. */
  readonly atr: Uint8Array;
  /** Contactless readers ask the patient not to move the card; contact readers do not. */
  readonly contactless: boolean;
  /**
   * Sends one command APDU and returns the raw response with its status word. Rejects with an
   * AppError (card removed, reader gone, timeout …) and never hangs past `timeoutMs`.
   */
  transmit(command: Uint8Array, options?: { timeoutMs?: number }): Promise<Uint8Array>;
  /** Resets the card (warm reset); the card forgets selected applications and verified PINs. */
  reset(): Promise<void>;
  /** Releases the card; further transmits reject. */
  close(): Promise<void>;
}
