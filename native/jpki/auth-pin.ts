/**
 * The patient's 4-digit 利用者証明用 PIN, held as bytes so it can be overwritten. It feeds exactly
 * one VERIFY and is wiped right after, whatever happened; printing, logging or serialising it
 * shows only a placeholder.
 */
import { inspect } from 'node:util';
import { JpkiErrors } from './errors';

const PLACEHOLDER = '[PIN]';

export class AuthPin {
  #bytes: Uint8Array | undefined;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /**
   * Takes the PIN as typed (ASCII digits, a trailing newline from stdin allowed). The input buffer
   * is overwritten here; a malformed PIN is wiped too and raises CARD_PIN_FORMAT without echoing it.
   */
  static fromBytes(input: Uint8Array): AuthPin {
    let end = input.length;
    while (end > 0 && (input[end - 1] === 0x0a || input[end - 1] === 0x0d)) end--;
    // A copy, never a view: the input is wiped next (Buffer.slice would share its memory).
    const bytes = new Uint8Array(end);
    bytes.set(input.subarray(0, end));
    input.fill(0);
    if (bytes.length !== 4 || !bytes.every((b) => b >= 0x30 && b <= 0x39)) {
      bytes.fill(0);
      throw JpkiErrors.pinFormat();
    }
    return new AuthPin(bytes);
  }

  /**
   * Hands the PIN bytes to `use` once and overwrites them afterwards. A second call fails: a VERIFY
   * is never resent.
   */
  async useOnce<T>(use: (pin: Uint8Array) => Promise<T>): Promise<T> {
    const bytes = this.#bytes;
    if (!bytes) throw new Error('the PIN was already used');
    this.#bytes = undefined;
    try {
      return await use(bytes);
    } finally {
      bytes.fill(0);
    }
  }

  /** Overwrites the PIN when it will not be used (the flow was cancelled). */
  wipe(): void {
    this.#bytes?.fill(0);
    this.#bytes = undefined;
  }

  get used(): boolean {
    return this.#bytes === undefined;
  }

  toString(): string {
    return PLACEHOLDER;
  }

  toJSON(): string {
    return PLACEHOLDER;
  }

  [inspect.custom](): string {
    return PLACEHOLDER;
  }
}
