import { describe, expect, it } from 'vitest';
import { ApduChannel } from '../../../native/apdu/channel';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import { bytes, hex, ScriptedCard } from './scripted-card';

function channelOver(card: ScriptedCard, timeoutMs = 1_000) {
  return new ApduChannel(new InProcessTransport(card, timeoutMs));
}

describe('ApduChannel: 61xx and 6Cxx handled below the driver', () => {
  it('collects 61xx with GET RESPONSE and hands back one answer', async () => {
    const card = new ScriptedCard((_c, i) => [bytes('0102610A'), bytes('030405060708090A0B0C6102'), bytes('0D0E9000')][i] ?? bytes('6F00'));
    const response = await channelOver(card).send(bytes('00B0000000'));
    expect(hex(response.data)).toBe('0102030405060708090A0B0C0D0E');
    expect(response.sw).toBe(0x9000);
    expect(card.received.map(hex)).toEqual(['00B0000000', '00C000000A', '00C0000002']);
  });

  it('reads 6100 as 256 more bytes', async () => {
    const card = new ScriptedCard((_c, i) => (i === 0 ? bytes('6100') : Uint8Array.from([...new Uint8Array(256), 0x90, 0x00])));
    const response = await channelOver(card).send(bytes('00B0000004'));
    expect(response.data.length).toBe(256);
    expect(hex(card.received[1] as Uint8Array)).toBe('00C0000000');
  });

  it('re-issues a command once with the Le the card asked for in 6Cxx', async () => {
    const card = new ScriptedCard((_c, i) => (i === 0 ? bytes('6C04') : bytes('308203699000')));
    const response = await channelOver(card).send(bytes('00B0000010'));
    expect(hex(response.data)).toBe('30820369');
    expect(card.received.map(hex)).toEqual(['00B0000010', '00B0000004']);
  });

  it('handles 6Cxx after GET RESPONSE too', async () => {
    const card = new ScriptedCard((_c, i) => [bytes('AA6105'), bytes('6C03'), bytes('BBCCDD9000')][i] ?? bytes('6F00'));
    const response = await channelOver(card).send(bytes('00CA010100'));
    expect(hex(response.data)).toBe('AABBCCDD');
    expect(card.received.map(hex)).toEqual(['00CA010100', '00C0000005', '00C0000003']);
  });

  it('never re-sends a VERIFY, even when the card asks with 6Cxx', async () => {
    const card = new ScriptedCard(() => bytes('6C04'));
    await expect(channelOver(card).send(bytes('002000800431323334'))).rejects.toMatchObject({ code: 'CARD_BAD_RESPONSE' });
    expect(card.received).toHaveLength(1);
  });

  it('gives up on a card that asks for a different Le twice', async () => {
    const card = new ScriptedCard(() => bytes('6C04'));
    await expect(channelOver(card).send(bytes('00B0000010'))).rejects.toMatchObject({ code: 'CARD_BAD_RESPONSE' });
    expect(card.received).toHaveLength(2);
  });

  it('stops an endless 61xx chain instead of looping forever', async () => {
    const card = new ScriptedCard(() => bytes('6101'));
    await expect(channelOver(card).send(bytes('00B0000000'))).rejects.toMatchObject({ code: 'CARD_BAD_RESPONSE' });
  });

  it('refuses an extended or malformed command before it reaches the card', async () => {
    const card = new ScriptedCard(() => bytes('9000'));
    await expect(channelOver(card).send(bytes('00B0000000FFFF'))).rejects.toMatchObject({ code: 'APDU_INVALID' });
    await expect(channelOver(card).send(bytes('00A4'))).rejects.toMatchObject({ code: 'APDU_INVALID' });
    expect(card.received).toHaveLength(0);
  });
});

describe('InProcessTransport keeps the transport contract', () => {
  it('turns a mute card into CARD_NOT_ANSWERING within the timeout', async () => {
    const card = new ScriptedCard(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(channelOver(card, 100).send(bytes('00A4040C0AD392F000260100000001'))).rejects.toMatchObject({ code: 'CARD_NOT_ANSWERING' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a card pulled mid-command as CARD_REMOVED, and nothing is sent after close', async () => {
    const card = new ScriptedCard(() => 'removed');
    const transport = new InProcessTransport(card);
    await expect(transport.transmit(bytes('00A4040C0AD392F000260100000001'))).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    await transport.close();
    await expect(transport.transmit(bytes('00A4040C0AD392F000260100000001'))).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    expect(card.received).toHaveLength(1);
  });

  it('refuses to open on an empty reader', () => {
    const card = new ScriptedCard(() => bytes('9000'));
    card.present = false;
    expect(() => new InProcessTransport(card)).toThrowError(expect.objectContaining({ code: 'NO_CARD' }));
  });
});
