/**
 * A card must never crash or hang the app, whatever it answers. Over 10,000 random or malformed
 * answers go through the in-process transport and the channel; each exchange either yields a
 * response or an AppError with a card code, quickly.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { ApduChannel } from '../../../native/apdu/channel';
import { InProcessTransport, type InProcessAnswer } from '../../../native/apdu/in-process-transport';
import { bytes, ScriptedCard } from './scripted-card';

/** Small seeded generator so a failing run can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALLOWED_CODES = new Set(['CARD_BAD_RESPONSE', 'CARD_NOT_ANSWERING', 'CARD_REMOVED']);
const COMMANDS = [
  '00A4040C0AD392F000260100000001', '00A4020C02000A', '00B0000004', '00B0000400', '00200080',
  '802A008033' + '3031300D060960864801650304020105000420' + '00'.repeat(32) + '00',
];

function malformedAnswer(random: () => number): InProcessAnswer | Promise<InProcessAnswer> {
  const byte = () => Math.floor(random() * 256);
  const some = (n: number) => Uint8Array.from({ length: n }, byte);
  const pick = random();
  if (pick < 0.3) return some(Math.floor(random() * 300));
  if (pick < 0.45) return Uint8Array.from([...some(Math.floor(random() * 40)), 0x61, byte()]);
  if (pick < 0.55) return Uint8Array.from([0x6c, byte()]);
  if (pick < 0.65) return some(Math.floor(random() * 2));
  if (pick < 0.8) return Uint8Array.from([...some(Math.floor(random() * 258)), 0x90, 0x00]);
  if (pick < 0.9) return Uint8Array.from([0x63, 0xc0 | Math.floor(random() * 16)]);
  if (pick < 0.997) return Uint8Array.from([byte(), byte()]);
  if (pick < 0.9985) return 'removed';
  return new Promise<InProcessAnswer>(() => undefined);
}

describe('random and malformed card answers through the in-process transport', () => {
  it('never crash or hang the channel (≥ 10,000 answers)', async () => {
    const random = prng(20261125);
    const card = new ScriptedCard(() => malformedAnswer(random));
    const channel = new ApduChannel(new InProcessTransport(card, 20));
    const outcomes = { responses: 0, errors: 0 };
    let exchanges = 0;
    while (card.received.length < 10_000) {
      const command = bytes(COMMANDS[exchanges++ % COMMANDS.length] as string);
      try {
        const response = await channel.send(command);
        expect(response.sw).toBeGreaterThanOrEqual(0);
        expect(response.sw).toBeLessThanOrEqual(0xffff);
        expect(response.data).toBeInstanceOf(Uint8Array);
        outcomes.responses++;
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect(ALLOWED_CODES).toContain((err as AppError).code);
        outcomes.errors++;
      }
    }
    expect(card.received.length).toBeGreaterThanOrEqual(10_000);
    expect(outcomes.responses).toBeGreaterThan(1_000);
    expect(outcomes.errors).toBeGreaterThan(1_000);
  });
});
