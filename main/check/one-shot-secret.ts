/**
 * A PIN or a clerk passcode on its way to the one call it feeds. It can be used exactly once: the
 * bytes are handed to the call and zero-filled when the call settles, so a VERIFY can never be
 * resent with the same entry. It cannot be serialised, inspected or cloned into a log or a snapshot.
 */
import { inspect } from 'node:util';
import { CheckErrors } from './errors';

export class OneShotSecret {
  #bytes: Uint8Array | null;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /**
   * From the digits typed on the pad; the caller's string cannot be wiped, so it is dropped at once.
   * A plain Uint8Array of its own, not a Buffer that may sit in Node's shared pool.
   */
  static fromDigits(digits: string): OneShotSecret {
    return new OneShotSecret(new TextEncoder().encode(digits));
  }

  get spent(): boolean {
    return this.#bytes === null;
  }

  /** Hands the bytes to `call` once, and zero-fills them when it settles, whatever the outcome. */
  async use<T>(call: (bytes: Uint8Array) => Promise<T>): Promise<T> {
    const bytes = this.#bytes;
    if (bytes === null) throw CheckErrors.secretSpent();
    this.#bytes = null;
    try {
      return await call(bytes);
    } finally {
      bytes.fill(0);
    }
  }

  /** Zero-fills an entry that was never used (sent in the wrong state, check ended). */
  wipe(): void {
    this.#bytes?.fill(0);
    this.#bytes = null;
  }

  toJSON(): string {
    return '[secret]';
  }

  [inspect.custom](): string {
    return 'OneShotSecret [secret]';
  }
}
