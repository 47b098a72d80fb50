import { describe, expect, it } from 'vitest';
import { AuthPin } from '../../../native/jpki/auth-pin';
import {
  derTotalLength,
  readAuthCertificate,
  readPinTriesLeft,
  selectJpkiAp,
  signChallenge,
  verifyAuthPin,
} from '../../../native/jpki/jpki-card';
import { oqsChallenge, selfTestChallenge } from '../../../native/jpki/signing-challenge';
import { runSelfTest, verifyWithCertificate } from '../../../native/jpki/self-test';
import { pinOf, virtualCard } from './card-fixture';

const pin = (text: string) => AuthPin.fromBytes(pinOf(text));

describe('JPKI driver against the virtual My Number card', () => {
  it('runs the PIN flow: select, certificate, tries, verify, signature that verifies', async () => {
    const { reader, transport } = virtualCard();
    await selectJpkiAp(transport);
    const cert = await readAuthCertificate(transport);
    expect(Buffer.from(cert).equals(Buffer.from(reader.card.secrets!.authCertDer))).toBe(true);
    expect(await readPinTriesLeft(transport)).toEqual({ triesLeft: 3, blocked: false, pinSet: true });
    await verifyAuthPin(transport, pin('1234'));
    const challenge = oqsChallenge(Uint8Array.from(Buffer.from('a challenge from the consent gateway')));
    const signature = await signChallenge(transport, challenge);
    expect(signature).toHaveLength(256);
    expect(verifyWithCertificate(cert, challenge.bytes, signature)).toBe(true);
  });

  it('reads the certificate with short reads of at most 256 bytes, sized from the DER header', async () => {
    const { reader, transport } = virtualCard();
    await selectJpkiAp(transport);
    const cert = await readAuthCertificate(transport);
    const reads = transport.sentHex.filter((h) => h.startsWith('00B0'));
    expect(reads).toHaveLength(Math.ceil(cert.length / 256));
    expect(reads[0]).toBe('00B0000000');
    for (const r of reads) expect(r).toHaveLength(10);
    // SELECT AP, SELECT EF, then only the reads: nothing else is spent on the certificate.
    expect(transport.sent).toHaveLength(2 + reads.length);
    expect(reader.card.history.every((h) => h.sw === 0x9000)).toBe(true);
  });

  it('asks for the tries with a four-byte VERIFY that spends none', async () => {
    const { reader, transport } = virtualCard({ authPinTries: 2 });
    await selectJpkiAp(transport);
    expect((await readPinTriesLeft(transport)).triesLeft).toBe(2);
    expect((await readPinTriesLeft(transport)).triesLeft).toBe(2);
    expect(transport.sentHex.filter((h) => h.startsWith('0020'))).toEqual(['00200080', '00200080']);
    expect(reader.card.triesLeft('jpki', 0x18)).toBe(2);
  });

  it('counts down on a wrong PIN, blocks on the last try, and reports 69 84 as blocked after', async () => {
    const { transport } = virtualCard();
    await selectJpkiAp(transport);
    await expect(verifyAuthPin(transport, pin('0000'))).rejects.toMatchObject({ code: 'PIN_WRONG', detail: 'tries left 2' });
    expect((await readPinTriesLeft(transport)).triesLeft).toBe(2);
    await expect(verifyAuthPin(transport, pin('0000'))).rejects.toMatchObject({ code: 'PIN_WRONG', detail: 'tries left 1' });
    await expect(verifyAuthPin(transport, pin('0000'))).rejects.toMatchObject({ code: 'PIN_BLOCKED' });
    expect(await readPinTriesLeft(transport)).toEqual({ triesLeft: 0, blocked: true, pinSet: true });
    await expect(verifyAuthPin(transport, pin('1234'))).rejects.toMatchObject({ code: 'PIN_BLOCKED' });
    // The last command was that VERIFY; the buffer that carried the PIN was overwritten after sending.
    expect(transport.sentHex.at(-1)).toBe('002000800431323334');
    expect(transport.sent.at(-1)!.every((b) => b === 0)).toBe(true);
  });

  it('tells a card without a PIN (顔認証マイナンバーカード) from a blocked one', async () => {
    const { transport } = virtualCard({ faceAuthOnly: true });
    await selectJpkiAp(transport);
    expect(await readPinTriesLeft(transport)).toEqual({ triesLeft: 0, blocked: false, pinSet: false });
  });

  it('refuses a card that is not a My Number card by the SELECT, whatever its ATR', async () => {
    const { transport } = virtualCard({ kind: 'other' });
    await expect(selectJpkiAp(transport)).rejects.toMatchObject({ code: 'NOT_MY_NUMBER_CARD' });
  });

  it('refuses to sign before the PIN is verified', async () => {
    const { transport } = virtualCard();
    await selectJpkiAp(transport);
    await expect(signChallenge(transport, selfTestChallenge())).rejects.toMatchObject({ code: 'CARD_NOT_VERIFIED' });
  });

  it('never selects the applications that hold 個人番号', async () => {
    const { reader, transport } = virtualCard();
    const result = await runSelfTest(transport, pin('1234'));
    expect(result.verified).toBe(true);
    expect(reader.card.history.every((h) => h.df === 'jpki')).toBe(true);
    expect(transport.sentHex.filter((h) => h.startsWith('00A404'))).toEqual(['00A4040C0AD392F000260100000001']);
  });
});

describe('derTotalLength', () => {
  it('reads short, one-byte and two-byte DER lengths and rejects what is not a SEQUENCE', () => {
    expect(derTotalLength(Uint8Array.of(0x30, 0x05))).toBe(7);
    expect(derTotalLength(Uint8Array.of(0x30, 0x81, 0xc8))).toBe(203);
    expect(derTotalLength(Uint8Array.of(0x30, 0x82, 0x05, 0x1d))).toBe(0x51d + 4);
    expect(derTotalLength(Uint8Array.of(0x04, 0x82, 0x05, 0x1d))).toBeUndefined();
    expect(derTotalLength(Uint8Array.of(0x30, 0x84, 0, 0, 1, 0))).toBeUndefined();
    expect(derTotalLength(Uint8Array.of(0xff, 0xff))).toBeUndefined();
  });
});
