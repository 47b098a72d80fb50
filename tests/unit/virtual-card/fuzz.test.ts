/** The virtual card answers anything, malformed or not, with a status word and never throws. */
import { describe, expect, it } from 'vitest';
import { VirtualMyNumberCard } from '../../../native/virtual-card/card';

describe('the virtual card under random commands', () => {
  it('answers 10,000 random and truncated commands with at least a status word', () => {
    const card = new VirtualMyNumberCard({});
    const headers = [[0x00, 0xa4], [0x00, 0xb0], [0x00, 0x20], [0x80, 0x2a], [0x00, 0x24], [0x00, 0x84], [0x0c, 0xb0], [0x01, 0xa4]];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const select = Uint8Array.from(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
    for (let i = 0; i < 10_000; i++) {
      if (i % 50 === 0) card.respond(select);
      const head = random() < 0.7 ? (headers[Math.floor(random() * headers.length)] as number[]) : [Math.floor(random() * 256), Math.floor(random() * 256)];
      const rest = Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256));
      const answer = card.respond(Uint8Array.from([...head, ...rest]));
      expect(answer.length).toBeGreaterThanOrEqual(2);
    }
    // Random VERIFYs may have blocked PINs, but the card still answers a fresh SELECT.
    card.reset();
    expect(Buffer.from(card.respond(select)).toString('hex')).toBe('9000');
  });
});
