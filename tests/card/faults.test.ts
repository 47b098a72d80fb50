/**
 * Card faults through pcscd + vpcd: a card pulled mid-command, a mute card, a slow card, and about
 * 500 random or malformed answers. None may crash or hang the app; each failure is a clerk-facing
 * error, and the card works again afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import { ApduChannel } from '../../native/apdu/channel';
import { VirtualSlot } from './jpki-slot';

const SELECT_JPKI = Uint8Array.from(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
const SELECT_CERT_EF = Uint8Array.from(Buffer.from('00A4020C02000A', 'hex'));

describe('card faults through pcscd', () => {
  let slot: VirtualSlot | undefined;
  afterEach(async () => {
    await slot?.release();
    slot = undefined;
  });

  it('a card pulled in the middle of a command is CARD_REMOVED within 1 s, and the next insertion works', async () => {
    slot = await VirtualSlot.insert({ faults: { removeAtCommand: 2 } });
    const channel = new ApduChannel(await slot.connect(3_000));
    expect((await channel.send(SELECT_JPKI)).sw).toBe(0x9000);
    const started = Date.now();
    await expect(channel.send(SELECT_CERT_EF)).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(channel.send(SELECT_JPKI)).rejects.toBeInstanceOf(AppError);
    await slot.reinsert();
    const again = new ApduChannel(await slot.connect(3_000));
    expect((await again.send(SELECT_JPKI)).sw).toBe(0x9000);
  });

  it('a mute card times out as CARD_NOT_ANSWERING instead of hanging', async () => {
    slot = await VirtualSlot.insert({ faults: { muteOnPrefix: '00A4020C' } });
    const channel = new ApduChannel(await slot.connect(400));
    expect((await channel.send(SELECT_JPKI)).sw).toBe(0x9000);
    const started = Date.now();
    await expect(channel.send(SELECT_CERT_EF)).rejects.toMatchObject({ code: 'CARD_NOT_ANSWERING' });
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect(channel.send(SELECT_JPKI)).rejects.toMatchObject({ code: 'CARD_NOT_ANSWERING' });
  });

  it('a slow card still answers within the timeout', async () => {
    slot = await VirtualSlot.insert({ faults: { slowMs: 150 } });
    const channel = new ApduChannel(await slot.connect(2_000));
    expect((await channel.send(SELECT_JPKI)).sw).toBe(0x9000);
  });

  it('about 500 random or malformed answers through vpcd: no crash, no hang, the card answers afterwards', async () => {
    const card = await VirtualSlot.insert({ faults: { garbage: 1 } });
    slot = card;
    let transport = await card.connect(1_000);
    const codes = new Map<string, number>();
    const count = (key: string) => codes.set(key, (codes.get(key) ?? 0) + 1);
    while (card.reader.commandCount < 500) {
      const started = Date.now();
      try {
        const r = await new ApduChannel(transport).send(SELECT_JPKI);
        expect(r.sw).toBeLessThanOrEqual(0xffff);
        count('response');
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        const code = (err as AppError).code;
        expect(['CARD_BAD_RESPONSE', 'CARD_NOT_ANSWERING']).toContain(code);
        count(code);
        if (code === 'CARD_NOT_ANSWERING') {
          // vpcd waits forever after an empty answer; the clerk puts the card back.
          await transport.close();
          card.reader.remove();
          await card.reinsert();
          transport = await card.connect(1_000);
        }
      }
      expect(Date.now() - started).toBeLessThan(2_500);
    }
    expect(codes.get('response') ?? 0).toBeGreaterThan(25);
    expect(codes.get('CARD_BAD_RESPONSE') ?? 0).toBeGreaterThan(25);
    card.reader.setFaults({});
    expect((await new ApduChannel(transport).send(SELECT_JPKI)).sw).toBe(0x9000);
    await transport.close();
  });
});
