/** A card that answers from a script (or a function), for codec and fuzz tests. */
import type { InProcessAnswer, InProcessCard } from '../../../native/apdu/in-process-transport';

export class ScriptedCard implements InProcessCard {
  readonly atr = Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]);
  readonly contactless = false;
  present = true;
  readonly received: Uint8Array[] = [];

  constructor(private readonly answerFor: (command: Uint8Array, index: number) => InProcessAnswer | Promise<InProcessAnswer>) {}

  async answer(command: Uint8Array): Promise<InProcessAnswer> {
    // A copy, as a wire sniffer would see it: the transport wipes its own buffer once answered.
    this.received.push(command.slice());
    return this.answerFor(command, this.received.length - 1);
  }

  reset(): void {}
}

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();
export const bytes = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
