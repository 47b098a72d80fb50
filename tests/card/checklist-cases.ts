/**
 * The virtual-card checklist of jpki-card.md §10 (and the pitfalls of §12), written once and run
 * twice: in-process (tests/unit/virtual-card) and through pcscd + vpcd (tests/card). Each case
 * sends the bytes a driver would send and checks what a real My Number card answers.
 */
import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ApduChannel } from '../../native/apdu/channel';
import type { VirtualMyNumberCard } from '../../native/virtual-card/card';
import type { VirtualCardOptions } from '../../native/virtual-card/config';
import { revokedSerials, testCa } from '../../native/virtual-card/test-pki';

export interface CardUnderTest {
  readonly channel: ApduChannel;
  readonly card: VirtualMyNumberCard;
  readonly atr: Uint8Array;
}
export type OpenCard = (options?: VirtualCardOptions) => Promise<CardUnderTest>;

const SELECT_JPKI = '00A4040C0AD392F000260100000001';
const SELECT_TEXT = '00A4040C0AD3921000310001010408';
const selectEf = (fid: string) => `00A4020C02${fid}`;
const DIGEST_INFO_SHA256 = '3031300D060960864801650304020105000420';

async function send(c: CardUnderTest, hex: string): Promise<{ data: Buffer; sw: string }> {
  const r = await c.channel.send(Uint8Array.from(Buffer.from(hex, 'hex')));
  return { data: Buffer.from(r.data), sw: r.sw.toString(16).toUpperCase().padStart(4, '0') };
}
const sw = async (c: CardUnderTest, hex: string) => (await send(c, hex)).sw;
const ascii = (s: string) => Buffer.from(s, 'ascii').toString('hex');
const verifyPin = (pin: string) => `00200080${pin.length.toString(16).padStart(2, '0')}${ascii(pin)}`;

/** Reads a certificate EF the way the driver should: header, DER length, ≤ 256-byte reads. */
async function readCertificate(c: CardUnderTest, fid: string): Promise<Buffer> {
  expect(await sw(c, selectEf(fid))).toBe('9000');
  const head = await send(c, '00B0000004');
  expect(head.sw).toBe('9000');
  expect(head.data.subarray(0, 2).toString('hex')).toBe('3082');
  const total = head.data.readUInt16BE(2) + 4;
  const parts = [head.data];
  for (let at = 4; at < total; at += 256) {
    const n = Math.min(256, total - at);
    const r = await send(c, `00B0${at.toString(16).padStart(4, '0')}${(n & 0xff).toString(16).padStart(2, '0')}`);
    expect(r.sw).toBe('9000');
    parts.push(r.data);
  }
  return Buffer.concat(parts);
}

async function signWithAuthKey(c: CardUnderTest, challenge: Buffer, keyRef = '80'): Promise<{ data: Buffer; sw: string }> {
  const digestInfo = DIGEST_INFO_SHA256 + createHash('sha256').update(challenge).digest('hex');
  return send(c, `802A00${keyRef}33${digestInfo}00`);
}

export function checklistCases(open: OpenCard): void {
  it('power-on: nothing selected, SELECT EF and READ refused', async () => {
    const c = await open();
    expect(await sw(c, selectEf('000A'))).toBe('6A82');
    expect(await sw(c, '00B0000004')).toBe('6986');
    expect(await sw(c, '00A4000C023F00')).toBe('6A86');
  });

  it('SELECT by AID: JPKI (P2 0C and 00) and 券面事項入力補助AP yes, an unknown AID 6A82; SELECT MF is a no-op once selected', async () => {
    const c = await open();
    expect(await sw(c, SELECT_JPKI)).toBe('9000');
    expect(await sw(c, '00A404000AD392F000260100000001')).toBe('9000');
    expect(await sw(c, '00A4040C0AD392F000260100000099')).toBe('6A82');
    expect(await sw(c, '00A4000C023F00')).toBe('9000');
    expect(await sw(c, selectEf('000A'))).toBe('9000');
    expect(await sw(c, selectEf('0099'))).toBe('6A82');
    expect(await sw(c, SELECT_TEXT)).toBe('9000');
  });

  it('reads the authentication certificate with the DER length; it is the card’s, issued by the JPKI-TEST CA', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    const der = await readCertificate(c, '000A');
    expect(der.equals(Buffer.from(c.card.secrets!.authCertDer))).toBe(true);
    const cert = new X509Certificate(der);
    expect(cert.issuer).toContain('O=JPKI-TEST');
    expect(cert.issuer).toContain('OU=JPKI for user authentication');
    expect(cert.subject).toMatch(/^CN=[0-9A-F]+\nC=JP$/);
    expect(cert.verify(new X509Certificate(Buffer.from(testCa('auth').certDer)).publicKey)).toBe(true);
    const ca = await readCertificate(c, '000B');
    expect(ca.equals(Buffer.from(testCa('auth').certDer))).toBe(true);
  });

  it('READ BINARY: Le 00 = 256 bytes, past the end 6B00, by short file ID, token info label', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    expect(await sw(c, '00B08A0004')).toBe('9000');
    expect((await send(c, '00B0000000')).data.length).toBe(256);
    expect(await sw(c, '00B0400000')).toBe('6B00');
    const token = await send(c, '00B0860000');
    expect(token.sw).toBe('9000');
    expect(token.data.length).toBe(160);
    expect(token.data.subarray(0, 32).toString('ascii')).toBe('JPKIAPICCTOKEN2'.padEnd(32, ' '));
    expect(await sw(c, '00B09F0000')).toBe('6A82');
  });

  it('PIN and key files cannot be read; the signature certificate needs the signature password', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    expect(await sw(c, selectEf('0018'))).toBe('9000');
    expect(await sw(c, '00B0000004')).toBe('6981');
    expect(await sw(c, selectEf('0017'))).toBe('9000');
    expect(await sw(c, '00B0000004')).toBe('6981');
    expect(await sw(c, selectEf('0001'))).toBe('9000');
    expect(await sw(c, '00B0000004')).toBe('6982');
    expect(await sw(c, selectEf('001B'))).toBe('9000');
    expect(await sw(c, verifyPin('TEST1234'))).toBe('9000');
    expect(await sw(c, '00B0810004')).toBe('9000');
  });

  it('authentication PIN: the tries query spends nothing, case 2 is 6700, wrong decrements, right restores', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    await sw(c, selectEf('0018'));
    expect(await sw(c, '00200080')).toBe('63C3');
    expect(await sw(c, '0020008000')).toBe('6700');
    expect(await sw(c, '00200080')).toBe('63C3');
    expect(await sw(c, verifyPin('9999'))).toBe('63C2');
    expect(c.card.triesLeft('jpki', 0x18)).toBe(2);
    expect(await sw(c, verifyPin('1234'))).toBe('9000');
    expect(await sw(c, '00200080')).toBe('63C3');
    expect(await sw(c, '00200098')).toBe('63C3');
  });

  it('the last wrong try blocks: 63C0, then 69 84 for any VERIFY, and the query says 63C0', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    await sw(c, selectEf('0018'));
    expect(await sw(c, verifyPin('0000'))).toBe('63C2');
    expect(await sw(c, verifyPin('0000'))).toBe('63C1');
    expect(await sw(c, verifyPin('0000'))).toBe('63C0');
    expect(await sw(c, verifyPin('1234'))).toBe('6984');
    expect(await sw(c, '00200080')).toBe('63C0');
  });

  it('a card configured blocked answers 63C0 / 6984; tries survive a reset', async () => {
    const c = await open({ authPinTries: 0 });
    await sw(c, SELECT_JPKI);
    expect(await sw(c, '00200098')).toBe('63C0');
    expect(await sw(c, '0020009804' + ascii('1234'))).toBe('6984');
  });

  it('signature password: 5 tries', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    await sw(c, selectEf('001B'));
    expect(await sw(c, '00200080')).toBe('63C5');
    expect(await sw(c, verifyPin('WRONG1'))).toBe('63C4');
  });

  it('COMPUTE DIGITAL SIGNATURE: refused before VERIFY, then a PKCS#1 v1.5 signature the certificate verifies', async () => {
    const c = await open();
    const challenge = Buffer.from('local self-test challenge');
    await sw(c, SELECT_JPKI);
    await sw(c, selectEf('0017'));
    expect((await signWithAuthKey(c, challenge)).sw).toBe('6982');
    await sw(c, selectEf('0018'));
    expect(await sw(c, verifyPin('1234'))).toBe('9000');
    await sw(c, selectEf('0017'));
    const signed = await signWithAuthKey(c, challenge);
    expect(signed.sw).toBe('9000');
    expect(signed.data.length).toBe(256);
    const publicKey = createPublicKey(new X509Certificate(Buffer.from(c.card.secrets!.authCertDer)).publicKey.export({ format: 'pem', type: 'spki' }));
    expect(verify('sha256', challenge, publicKey, signed.data)).toBe(true);
    expect((await signWithAuthKey(c, challenge, '97')).sw).toBe('9000');
    expect(await sw(c, `802A0680${'33'}${DIGEST_INFO_SHA256}${'00'.repeat(32)}00`)).toBe('6A86');
    expect(await sw(c, `802A0080F6${'00'.repeat(246)}00`)).toBe('6700');
    expect((await signWithAuthKey(c, challenge, '9A')).sw).toBe('6982');
  });

  it('a reset or a new SELECT of the application forgets the verified PIN', async () => {
    const c = await open();
    const challenge = Buffer.from('x');
    await sw(c, SELECT_JPKI);
    await sw(c, selectEf('0018'));
    await sw(c, verifyPin('1234'));
    await sw(c, SELECT_JPKI);
    expect((await signWithAuthKey(c, challenge, '97')).sw).toBe('6982');
    await sw(c, selectEf('0018'));
    await sw(c, verifyPin('1234'));
    await c.channel.transport.reset();
    expect((await signWithAuthKey(c, challenge, '97')).sw).toBe('6986');
    await sw(c, SELECT_JPKI);
    expect((await signWithAuthKey(c, challenge, '97')).sw).toBe('6982');
  });

  it('CHANGE REFERENCE DATA only after VERIFY; the new PIN then works', async () => {
    const c = await open();
    await sw(c, SELECT_JPKI);
    await sw(c, selectEf('0018'));
    expect(await sw(c, '0024018004' + ascii('4321'))).toBe('6982');
    await sw(c, verifyPin('1234'));
    expect(await sw(c, '0024018004' + ascii('4321'))).toBe('9000');
    expect(await sw(c, verifyPin('4321'))).toBe('9000');
  });

  it('refuses other logical channels, secure messaging, unknown INS and CLA', async () => {
    const c = await open();
    expect(await sw(c, '01A4040C0AD392F000260100000001')).toBe('6881');
    expect(await sw(c, '0CA4040C0AD392F000260100000001')).toBe('6882');
    await sw(c, SELECT_JPKI);
    expect(await sw(c, '0CB0000004')).toBe('69FC');
    expect(await sw(c, '00E2000000')).toBe('6D00');
    expect(await sw(c, 'A0B0000004')).toBe('6E00');
    expect((await send(c, '0084000008')).data.length).toBe(8);
  });

  it('券面事項入力補助AP holds 個人番号 and 基本4情報 behind its own PIN', async () => {
    const c = await open();
    await sw(c, SELECT_TEXT);
    await sw(c, selectEf('0001'));
    expect(await sw(c, '00B0000011')).toBe('6982');
    expect(await sw(c, '00B0820007')).toBe('6982');
    await sw(c, selectEf('0011'));
    expect(await sw(c, '00200080')).toBe('63C3');
    expect(await sw(c, verifyPin('1234'))).toBe('63C2');
    expect(c.card.triesLeft('jpki', 0x18)).toBe(3);
    expect(await sw(c, verifyPin('5678'))).toBe('9000');
    const number = await send(c, '00B0810011');
    expect(number.data.subarray(0, 3).toString('hex')).toBe('ff100c');
    expect(number.data.subarray(3, 15).toString('ascii')).toBe('123456789018');
    expect(c.card.history.some((h) => h.df === 'text')).toBe(true);
  });

  it('a PIN-less 顔認証 card refuses the tries query and VERIFY alike', async () => {
    const c = await open({ faceAuthOnly: true });
    await sw(c, SELECT_JPKI);
    expect(await sw(c, '00200098')).toBe('6984');
    expect(await sw(c, '0020009804' + ascii('1234'))).toBe('6984');
  });

  it('a card that is not a My Number card has no JPKI application; a contactless card has a contactless ATR', async () => {
    const other = await open({ kind: 'other' });
    expect(Buffer.from(other.atr).toString('hex').toUpperCase()).toBe('3B80800101');
    expect(await sw(other, SELECT_JPKI)).toBe('6A82');
    const contactless = await open({ contactless: true });
    expect(Buffer.from(contactless.atr).toString('hex').toUpperCase()).toBe('3B888001000005E0B381A1007F');
    expect(await sw(contactless, SELECT_JPKI)).toBe('9000');
  });

  it('certificate variants: expired, expired less than 3 months ago, revoked, another CA', async () => {
    const day = 24 * 60 * 60 * 1000;
    const certOf = async (certificate: 'expired' | 'recently-expired' | 'revoked' | 'other-ca') => {
      const c = await open({ certificate });
      await sw(c, SELECT_JPKI);
      return new X509Certificate(await readCertificate(c, '000A'));
    };
    const expired = await certOf('expired');
    expect(Date.now() - Date.parse(expired.validTo)).toBeGreaterThan(90 * day);
    const recent = await certOf('recently-expired');
    const ago = Date.now() - Date.parse(recent.validTo);
    expect(ago).toBeGreaterThan(0);
    expect(ago).toBeLessThan(90 * day);
    const revoked = await certOf('revoked');
    expect(revokedSerials().has(revoked.serialNumber.toUpperCase())).toBe(true);
    const foreign = await certOf('other-ca');
    expect(foreign.issuer).toContain('O=JPKI-TEST');
    expect(foreign.verify(new X509Certificate(Buffer.from(testCa('auth').certDer)).publicKey)).toBe(false);
    expect(foreign.verify(new X509Certificate(Buffer.from(testCa('auth', 'other').certDer)).publicKey)).toBe(true);
  });
}
