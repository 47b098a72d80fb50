/**
 * How long one APDU may take before the app calls the card mute. RSA signing on a contactless
 * card is the slowest legitimate command (about 1–2 s); anything far past that is a card that
 * will never answer (vpcd and some drivers block forever on a mute card).
 */
export const DEFAULT_TRANSMIT_TIMEOUT_MS = 8_000;

/** Settles with `work`, or rejects with `onTimeout()` once `ms` have passed. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
