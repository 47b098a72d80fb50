/** The JPKI driver through pcscd + vpcd: every operation, PIN counting, pulled and mute cards. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { CardTransport } from '../../native/apdu/transport';
import { AuthPin } from '../../native/jpki/auth-pin';
import { readAuthCertificate, readPinTriesLeft, selectJpkiAp, signChallenge, verifyAuthPin } from '../../native/jpki/jpki-card';
import { runSelfTest, verifyWithCertificate } from '../../native/jpki/self-test';
import { oqsChallenge, selfTestChallenge } from '../../native/jpki/signing-challenge';
import { VirtualSlot } from './jpki-slot';

const PIN = '7391';
const pin = (text: string) => AuthPin.fromBytes(Uint8Array.from(Buffer.from(text, 'ascii')));
let slot: VirtualSlot | undefined;
let transport: CardTransport | undefined;
const seenErrors: AppError[] = [];

async function card(options: Parameters<typeof VirtualSlot.insert>[0] = {}, timeoutMs?: number): Promise<{ slot: VirtualSlot; transport: CardTransport }> {
  slot = await VirtualSlot.insert({ authPin: PIN, ...options });
  transport = await slot.connect(timeoutMs);
  return { slot, transport };
}

async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    seenErrors.push(err as AppError);
    return err as AppError;
  }
  throw new Error('expected a failure');
}

afterEach(async () => {
  await transport?.close();
  await slot?.release();
  slot = undefined;
  transport = undefined;
});

describe('JPKI driver through pcscd + vpcd', () => {
  it('selects, reads the certificate, reads tries, verifies and signs a challenge that verifies', async () => {
    const { slot, transport } = await card();
    await selectJpkiAp(transport);
    const cert = await readAuthCertificate(transport);
    expect(Buffer.from(cert).equals(Buffer.from(slot.reader.card.secrets!.authCertDer))).toBe(true);
    expect(await readPinTriesLeft(transport)).toEqual({ triesLeft: 3, blocked: false, pinSet: true });
    await verifyAuthPin(transport, pin(PIN));
    const challenge = oqsChallenge(Uint8Array.from(Buffer.from('00112233445566778899aabbccddeeff', 'hex')));
    expect(verifyWithCertificate(cert, challenge.bytes, await signChallenge(transport, challenge))).toBe(true);
  });

  it('runs the self-test and its signature verifies against the card certificate', async () => {
    const { transport } = await card();
    const result = await runSelfTest(transport, pin(PIN));
    expect(result.verified).toBe(true);
    expect(result.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(result.signature).toMatch(/^[0-9a-f]{512}$/);
  });

  it('decrements on a wrong PIN, blocks on the last try, and answers 69 84 after', async () => {
    const { slot, transport } = await card();
    await selectJpkiAp(transport);
    expect((await failure(verifyAuthPin(transport, pin('0000')))).code).toBe('PIN_WRONG');
    expect((await readPinTriesLeft(transport)).triesLeft).toBe(2);
    expect((await failure(verifyAuthPin(transport, pin('0000')))).detail).toBe('tries left 1');
    expect((await failure(verifyAuthPin(transport, pin('0000')))).code).toBe('PIN_BLOCKED');
    expect(await readPinTriesLeft(transport)).toEqual({ triesLeft: 0, blocked: true, pinSet: true });
    expect((await failure(verifyAuthPin(transport, pin(PIN)))).code).toBe('PIN_BLOCKED');
    expect(slot.reader.card.history.at(-1)).toMatchObject({ ins: 0x20, sw: 0x6984 });
  });

  it('refuses a card that is not a My Number card', async () => {
    const { transport } = await card({ kind: 'other' });
    expect((await failure(selectJpkiAp(transport))).code).toBe('NOT_MY_NUMBER_CARD');
  });

  it('tells the patient to hold a contactless card still when it leaves mid-flow', async () => {
    const { transport } = await card({ contactless: true, faults: { removeAtCommand: 5 } });
    expect(transport.contactless).toBe(true);
    expect((await failure(runSelfTest(transport, pin(PIN)))).code).toBe('CARD_MOVED');
  });

  it('gives up on a mute card with CARD_NOT_ANSWERING within its timeout', async () => {
    const { transport } = await card({ faults: { muteAtCommand: 3 } }, 1_000);
    const started = Date.now();
    expect((await failure(runSelfTest(transport, pin(PIN)))).code).toBe('CARD_NOT_ANSWERING');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('a card pulled at every APDU of the PIN flow', () => {
  it('reports CARD_REMOVED within 1 s and leaves nothing verified and no PIN behind', async () => {
    const probe = await card();
    await runSelfTest(probe.transport, pin(PIN));
    const flow = probe.slot.reader.card.history.length;
    await transport!.close();
    await slot!.release();
    slot = undefined;
    transport = undefined;
    for (let at = 1; at <= flow; at++) {
      const { slot: pulled, transport: link } = await card({ faults: { removeAtCommand: at } });
      const typed = pin(PIN);
      const started = Date.now();
      const error = await failure(runSelfTest(link, typed));
      const elapsed = Date.now() - started;
      expect(error.code, `pulled at APDU ${at}`).toBe('CARD_REMOVED');
      expect(elapsed, `pulled at APDU ${at}`).toBeLessThan(1_000);
      expect(typed.used).toBe(true);
      await link.close();
      await pulled.reinsert();
      const fresh = await pulled.connect();
      await selectJpkiAp(fresh);
      // The card came back powered fresh: no PIN is verified, so it refuses to sign.
      expect((await failure(signChallenge(fresh, selfTestChallenge()))).code).toBe('CARD_NOT_VERIFIED');
      await fresh.close();
      await pulled.release();
      slot = undefined;
      transport = undefined;
    }
  });
});

describe('the PIN in errors', () => {
  it('never appears in any error raised above', () => {
    expect(seenErrors.length).toBeGreaterThan(5);
    for (const error of seenErrors) expect(JSON.stringify({ ...error.toShape(), stack: error.stack })).not.toContain(PIN);
  });
});
