/**
 * The card session port over the JPKI driver (native/jpki). One transport per card on the reader:
 * `select` opens it afresh (the patient may have swapped cards), every later call uses it. A wrong
 * PIN is not an error for the check but an answer, with the tries read back from the card (the
 * query spends no try); the VERIFY itself is sent once by the driver and never again.
 */
import { AuthPin } from '../../../native/jpki/auth-pin';
import { readAuthCertificate, readPinTriesLeft, selectJpkiAp, signChallenge, verifyAuthPin } from '../../../native/jpki/jpki-card';
import { oqsChallenge } from '../../../native/jpki/signing-challenge';
import { CardErrors } from '../../../native/card-errors';
import type { CardTransport } from '../../../native/apdu/transport';
import { AppError } from '../../contract/errors';
import type { CardSessionPort } from '../ports';
import type { CardSource } from './card-sources';

export function jpkiCardSession(source: CardSource): CardSessionPort & { close(): Promise<void> } {
  let transport: CardTransport | null = null;

  const current = (): CardTransport => {
    if (!transport) throw CardErrors.noCard('no card session: select first');
    return transport;
  };

  async function release(): Promise<void> {
    const old = transport;
    transport = null;
    await old?.close().catch(() => undefined);
  }

  return {
    origin: source.origin,
    cardPresent: () => source.cardPresent(),
    watch: (listener) => source.watch(listener),
    async select() {
      await release();
      transport = await source.connect();
      await selectJpkiAp(transport);
      return { contactless: transport.contactless };
    },
    readAuthCertificate: () => readAuthCertificate(current()),
    async readPinTriesLeft() {
      const tries = await readPinTriesLeft(current());
      return { triesLeft: tries.blocked ? 0 : tries.triesLeft, pinSet: tries.pinSet };
    },
    async verifyAuthPin(pin) {
      const card = current();
      try {
        // A copy in a plain Uint8Array: AuthPin wipes its input, and a Buffer's slice would share it.
        await verifyAuthPin(card, AuthPin.fromBytes(new Uint8Array(pin)));
        return { verified: true };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'PIN_BLOCKED') return { verified: false, triesLeft: 0 };
        if (err.code !== 'PIN_WRONG') throw err;
        const tries = await readPinTriesLeft(card);
        return { verified: false, triesLeft: tries.blocked ? 0 : tries.triesLeft };
      }
    },
    signChallenge: (challenge) => signChallenge(current(), oqsChallenge(challenge)),
    close: release,
  };
}
