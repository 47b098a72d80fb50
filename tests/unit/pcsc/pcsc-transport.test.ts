/** The PC/SC transport and the SCARD error map, against a scripted card and service. */
import { describe, expect, it } from 'vitest';
import { PCSC } from '../../../native/pcsc/binding';
import { pcscAppError, pcscCode, recoveryFor, SCARD } from '../../../native/pcsc/pcsc-errors';
import { PcscTransport } from '../../../native/pcsc/pcsc-transport';
import { FakeCard, FakePcsc } from './fake-pcsc';

const READER = 'Reader';
const SELECT = Uint8Array.from(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
const VERIFY = Uint8Array.from(Buffer.from('002000800431323334', 'hex'));

async function connected(fake: FakePcsc, atr?: string, timeoutMs = 200) {
  fake.plug(READER);
  fake.insert(READER, atr);
  return PcscTransport.connect(fake.createContext(), READER, { timeoutMs });
}

describe('SCARD errors → recovery and the clerk’s message', () => {
  it.each([
    ['PC/SC service not running', SCARD.E_NO_SERVICE, 'new-context', 'CARD_SERVICE_DOWN'],
    ['PC/SC service stopped', SCARD.E_SERVICE_STOPPED, 'new-context', 'CARD_SERVICE_DOWN'],
    ['No readers available', SCARD.E_NO_READERS_AVAILABLE, 'wait-for-reader', 'NO_READER'],
    ['Card was reset', SCARD.W_RESET_CARD, 'reconnect', 'CARD_RESET'],
    ['Card was removed', SCARD.W_REMOVED_CARD, 'card-gone', 'CARD_REMOVED'],
    ['Transaction failed', SCARD.E_NOT_TRANSACTED, 'card-gone', 'CARD_REMOVED'],
    ['No smart card present', SCARD.E_NO_SMARTCARD, 'card-gone', 'NO_CARD'],
    ['Reader unavailable', SCARD.E_READER_UNAVAILABLE, 'reader-gone', 'READER_GONE'],
    ['Sharing violation', SCARD.E_SHARING_VIOLATION, 'busy', 'READER_BUSY'],
    ['Card is unresponsive', SCARD.W_UNRESPONSIVE_CARD, 'timeout', 'CARD_NOT_ANSWERING'],
    ['Protocol mismatch', SCARD.E_PROTO_MISMATCH, 'fail', 'NOT_MY_NUMBER_CARD'],
    ['SCardTransmit error: Card was removed.(0x80100069)', SCARD.W_REMOVED_CARD, 'card-gone', 'CARD_REMOVED'],
    ['SCardConnect error: Service was stopped.(0x8010001E)', SCARD.E_SERVICE_STOPPED, 'new-context', 'CARD_SERVICE_DOWN'],
  ])('%s', (message, code, recovery, appCode) => {
    const err = new Error(message);
    expect(pcscCode(err)).toBe(code);
    expect(recoveryFor(pcscCode(err))).toBe(recovery);
    const appError = pcscAppError(err);
    expect(appError.code).toBe(appCode);
    expect(appError.message).toMatch(/[。]$/);
    expect(appError.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('an unknown failure is a bad response, never a crash; on a contactless reader a removal is "moved"', () => {
    expect(pcscAppError(new Error('something else')).code).toBe('CARD_BAD_RESPONSE');
    expect(pcscAppError('not even an error').code).toBe('CARD_BAD_RESPONSE');
    expect(pcscAppError(new Error('Card was removed'), true).code).toBe('CARD_MOVED');
  });
});

describe('PcscTransport', () => {
  it('connects T=1 in shared mode and returns the card’s answer', async () => {
    const fake = new FakePcsc();
    const transport = await connected(fake);
    expect(Buffer.from(await transport.transmit(SELECT)).toString('hex')).toBe('9000');
    expect(transport.contactless).toBe(false);
    expect(Buffer.from(transport.atr).toString('hex').toUpperCase()).toBe('3BE000FF8131FE4514');
  });

  it('after SCARD_W_RESET_CARD: reconnects without resetting, raises CARD_RESET, sends the VERIFY once only', async () => {
    const fake = new FakePcsc();
    fake.card = new FakeCard(async () => {
      throw new Error('Card was reset');
    });
    const transport = await connected(fake);
    let resets = 0;
    transport.onReset(() => resets++);
    await expect(transport.transmit(VERIFY)).rejects.toMatchObject({ code: 'CARD_RESET' });
    expect(fake.card.sent).toHaveLength(1);
    expect(fake.card.reconnects).toEqual([PCSC.LEAVE_CARD]);
    expect(resets).toBe(1);
  });

  it('a mute card: CARD_NOT_ANSWERING at the timeout, further commands refused, release only once the call returns', async () => {
    const fake = new FakePcsc();
    let leave: (answer: Buffer) => void = () => undefined;
    fake.card = new FakeCard(() => new Promise((resolve) => (leave = resolve)));
    const transport = await connected(fake, undefined, 50);
    await expect(transport.transmit(SELECT)).rejects.toMatchObject({ code: 'CARD_NOT_ANSWERING' });
    await expect(transport.transmit(SELECT)).rejects.toMatchObject({ code: 'CARD_NOT_ANSWERING' });
    expect(fake.card.sent).toHaveLength(1);
    await transport.close();
    expect(fake.card.disconnects).toBe(0);
    leave(Buffer.alloc(0));
    await new Promise((done) => setTimeout(done, 10));
    expect(fake.card.disconnects).toBe(1);
  });

  it('an empty answer is a failure: CARD_REMOVED when the reader is empty, else a bad response', async () => {
    const fake = new FakePcsc();
    fake.card = new FakeCard(async () => {
      fake.eject(READER);
      return Buffer.alloc(0);
    });
    const transport = await connected(fake);
    await expect(transport.transmit(SELECT)).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    const still = new FakePcsc();
    still.card = new FakeCard(async () => Buffer.from([0x90]));
    await expect((await connected(still)).transmit(SELECT)).rejects.toMatchObject({ code: 'CARD_BAD_RESPONSE' });
  });

  it('a contactless card that leaves is CARD_MOVED', async () => {
    const fake = new FakePcsc();
    fake.card = new FakeCard(async () => {
      throw new Error('Card was removed');
    });
    const transport = await connected(fake, '3B888001000005E0B381A1007F');
    expect(transport.contactless).toBe(true);
    await expect(transport.transmit(SELECT)).rejects.toMatchObject({ code: 'CARD_MOVED' });
  });

  it('connect refuses an empty reader, an unknown reader, and a card without T=1', async () => {
    const fake = new FakePcsc();
    fake.plug(READER);
    await expect(PcscTransport.connect(fake.createContext(), READER)).rejects.toMatchObject({ code: 'NO_CARD' });
    await expect(PcscTransport.connect(fake.createContext(), 'Other')).rejects.toMatchObject({ code: 'READER_GONE' });
    fake.insert(READER);
    fake.connectError = 'Protocol mismatch';
    await expect(PcscTransport.connect(fake.createContext(), READER)).rejects.toMatchObject({ code: 'NOT_MY_NUMBER_CARD' });
  });
});
