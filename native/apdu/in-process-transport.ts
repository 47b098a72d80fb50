/**
 * A CardTransport to a card living in the same process (the virtual My Number card, or a scripted
 * card in fuzz tests). It keeps the contract of the PC/SC transport: an answer of fewer than two
 * bytes, a pulled card and a mute card all become AppErrors, and nothing waits past the timeout.
 */
import { CardErrors } from '../card-errors';
import { DEFAULT_TRANSMIT_TIMEOUT_MS, withTimeout } from './timeout';
import type { CardTransport } from './transport';

/** A card's reply: the response bytes, or 'removed' when the card left before answering. */
export type InProcessAnswer = Uint8Array | 'removed';

export interface InProcessCard {
  readonly atr: Uint8Array;
  readonly contactless: boolean;
  readonly present: boolean;
  answer(command: Uint8Array): Promise<InProcessAnswer>;
  reset(): void;
}

export class InProcessTransport implements CardTransport {
  readonly readerName = 'in-process';
  readonly atr: Uint8Array;
  readonly contactless: boolean;
  private closed = false;

  constructor(
    private readonly card: InProcessCard,
    private readonly defaultTimeoutMs = DEFAULT_TRANSMIT_TIMEOUT_MS,
  ) {
    if (!card.present) throw CardErrors.noCard();
    this.atr = card.atr;
    this.contactless = card.contactless;
  }

  async transmit(command: Uint8Array, options?: { timeoutMs?: number }): Promise<Uint8Array> {
    if (this.closed) throw CardErrors.cardRemoved('transport closed');
    if (!this.card.present) throw CardErrors.cardGone(this.contactless);
    const timeoutMs = options?.timeoutMs ?? this.defaultTimeoutMs;
    // The card gets its own copy (as over a wire), wiped once answered: it may carry a PIN.
    const outgoing = command.slice();
    let answer;
    try {
      answer = await withTimeout(this.card.answer(outgoing), timeoutMs, () => CardErrors.notAnswering(`no answer in ${timeoutMs} ms`));
    } finally {
      outgoing.fill(0);
    }
    if (answer === 'removed') throw CardErrors.cardGone(this.contactless);
    if (answer.length < 2) throw CardErrors.badResponse(`response of ${answer.length} bytes`);
    return answer;
  }

  async reset(): Promise<void> {
    if (this.closed || !this.card.present) throw CardErrors.cardRemoved();
    this.card.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
