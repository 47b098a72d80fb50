import { describe, expect, it } from 'vitest';
import { decodeResponse, encodeCommand, fromHex, parseCommand, toHex } from '../../../native/apdu/apdu';
import { swName, triesLeft } from '../../../native/apdu/status-words';

describe('short command APDUs', () => {
  it('encodes the four cases the JPKI card uses', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x80 }))).toBe('00200080');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }))).toBe('00B0000000');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('000A') }))).toBe('00A4020C02000A');
    expect(toHex(encodeCommand({ cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: fromHex('0102'), le: 256 }))).toBe('802A008002010200');
  });

  it.each([
    ['Lc over 255', { cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(256) }],
    ['Le of 0', { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0 }],
    ['Le over 256', { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 257 }],
    ['a header byte over FF', { cla: 0x100, ins: 0xb0, p1: 0, p2: 0 }],
  ])('refuses %s with APDU_INVALID', (_name, apdu) => {
    expect(() => encodeCommand(apdu)).toThrowError(expect.objectContaining({ code: 'APDU_INVALID' }));
  });

  it('parses short and extended forms and rejects bytes that fit no case', () => {
    expect(parseCommand(fromHex('00200080'))).toMatchObject({ ne: 0, extended: false });
    expect(parseCommand(fromHex('0020008000'))).toMatchObject({ ne: 256, extended: false });
    expect(parseCommand(fromHex('00B08A0004'))).toMatchObject({ p1: 0x8a, ne: 4 });
    expect(parseCommand(fromHex('00B0000000FFFF'))).toMatchObject({ ne: 0xffff, extended: true });
    expect(parseCommand(fromHex('802A0080020102'))).toMatchObject({ ne: 0 });
    expect(parseCommand(fromHex('00A4'))).toBeUndefined();
    expect(parseCommand(fromHex('00A4040C0AD392'))).toBeUndefined();
    expect(parseCommand(fromHex('00B000000000'))).toBeUndefined();
  });

  it('refuses bad hex', () => {
    expect(() => fromHex('0G')).toThrowError(expect.objectContaining({ code: 'APDU_INVALID' }));
  });
});

describe('responses and status words', () => {
  it('splits data from the status word and calls a short answer a bad response', () => {
    expect(decodeResponse(fromHex('01029000'))).toEqual({ data: fromHex('0102'), sw: 0x9000 });
    expect(() => decodeResponse(fromHex('90'))).toThrowError(expect.objectContaining({ code: 'CARD_BAD_RESPONSE' }));
    expect(() => decodeResponse(new Uint8Array(0))).toThrowError(expect.objectContaining({ code: 'CARD_BAD_RESPONSE' }));
  });

  it('names status words, including tries left and the transport-level ones', () => {
    expect(swName(0x9000)).toBe('9000 OK');
    expect(swName(0x6a82)).toBe('6A82 FILE_NOT_FOUND');
    expect(swName(0x63c2)).toBe('63C2 TRIES_LEFT_2');
    expect(swName(0x6100)).toBe('6100 MORE_DATA_256');
    expect(swName(0x6c10)).toBe('6C10 WRONG_LE_EXACT_16');
    expect(swName(0x1234)).toBe('1234 UNKNOWN');
    expect(triesLeft(0x63c0)).toBe(0);
    expect(triesLeft(0x6984)).toBeUndefined();
  });
});
