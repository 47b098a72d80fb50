/**
 * CardTransport over a PC/SC reader: connect T=1 in shared mode, one timeout per transmit (a mute
 * card or a driver stuck in vpcd's blocking receive never holds the app), and failures turned into
 * the clerk's AppErrors. When another program resets the card (SCARD_W_RESET_CARD) the transport
 * reconnects and raises CARD_RESET instead of answering: the card has forgotten the selected
 * application and verified PINs, so the driver must reselect — and must not resend a VERIFY.
 */
import { AppError } from '../../main/contract/errors';
import { CardErrors } from '../card-errors';
import { DEFAULT_TRANSMIT_TIMEOUT_MS, withTimeout } from '../apdu/timeout';
import type { CardTransport } from '../apdu/transport';
import { PCSC, type PcscBinding, type PcscCard, type PcscContext } from './binding';
import { pcscAppError, pcscCode, recoveryFor, SCARD } from './pcsc-errors';

/** How long to watch the reader after an empty answer before calling it a bad answer, not removal. */
const REMOVAL_SETTLE_MS = 900;

function closeQuietly(context: PcscContext): void {
  try {
    context.close();
  } catch {
    // A context of a stopped service cannot be released; dropping it is all that is left.
  }
}

/** Contactless readers synthesise `3B 8n 80 01 …` ATRs (PC/SC part 3). */
export function isContactlessAtr(atr: Uint8Array): boolean {
  return atr.length >= 4 && atr[0] === 0x3b && ((atr[1] as number) & 0xf0) === 0x80 && atr[2] === 0x80 && atr[3] === 0x01;
}

export class PcscTransport implements CardTransport {
  readonly contactless: boolean;
  private closed = false;
  /** Set after a timeout: the binding may still be blocked in the old exchange. */
  private stuck = false;
  private readonly resetListeners = new Set<() => void>();
  /** The exchange still inside the binding (a mute card keeps it there until it leaves). */
  private inflight: Promise<unknown> | undefined;

  private constructor(
    private readonly context: PcscContext,
    private readonly ownsContext: boolean,
    readonly readerName: string,
    readonly atr: Uint8Array,
    private readonly card: PcscCard,
    private readonly defaultTimeoutMs: number,
  ) {
    this.contactless = isContactlessAtr(atr);
  }

  /**
   * Connects T=1 to the card in `readerName`. Given a binding, the card gets a context of its own:
   * pcsc-lite serialises calls per context, so a transmit stuck on a mute card would otherwise
   * block every other call on a shared context (the reader monitor's included).
   */
  static async connect(source: PcscContext | PcscBinding, readerName: string, options: { timeoutMs?: number } = {}): Promise<PcscTransport> {
    const ownsContext = 'createContext' in source;
    let context: PcscContext;
    try {
      context = ownsContext ? source.createContext() : source;
    } catch (err) {
      throw pcscAppError(err);
    }
    try {
      return await PcscTransport.open(context, ownsContext, readerName, options.timeoutMs ?? DEFAULT_TRANSMIT_TIMEOUT_MS);
    } catch (err) {
      if (ownsContext) closeQuietly(context);
      throw err;
    }
  }

  private static async open(context: PcscContext, ownsContext: boolean, readerName: string, timeoutMs: number): Promise<PcscTransport> {
    let reader;
    try {
      reader = context.listReaders().find((r) => r.name === readerName);
    } catch (err) {
      throw pcscAppError(err);
    }
    if (!reader) throw CardErrors.readerGone(`no reader named ${readerName.slice(0, 80)}`);
    if (!(reader.state & PCSC.STATE_PRESENT)) throw CardErrors.noCard();
    const atr = Uint8Array.from(reader.atr ?? []);
    try {
      const card = await withTimeout(reader.connect(PCSC.SHARE_SHARED, PCSC.PROTOCOL_T1), timeoutMs, () => CardErrors.notAnswering('connect timed out'));
      return new PcscTransport(context, ownsContext, readerName, atr, card, timeoutMs);
    } catch (err) {
      throw err instanceof AppError ? err : pcscAppError(err, isContactlessAtr(atr));
    }
  }

  /** Called after the transport reconnected a card that another program had reset. */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  async transmit(command: Uint8Array, options?: { timeoutMs?: number }): Promise<Uint8Array> {
    if (this.closed) throw CardErrors.cardGone(this.contactless, 'transport closed');
    if (this.stuck) throw CardErrors.notAnswering('an earlier command never returned');
    const timeoutMs = options?.timeoutMs ?? this.defaultTimeoutMs;
    let response: Buffer;
    const outgoing = Buffer.from(command);
    const exchange = this.card.transmit(outgoing, { maxRecvLength: 258 });
    // The binding reads the buffer until the exchange settles; then the copy (maybe a PIN) is wiped.
    const settled = exchange.then(() => undefined, () => undefined).finally(() => outgoing.fill(0));
    this.inflight = settled;
    void settled.then(() => {
      if (this.inflight === settled) this.inflight = undefined;
    });
    try {
      response = await withTimeout(exchange, timeoutMs, () => {
        this.stuck = true;
        return CardErrors.notAnswering(`no answer in ${timeoutMs} ms`);
      });
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw await this.failure(err);
    }
    if (response.length >= 2) return Uint8Array.from(response);
    // vpcd and some drivers hand back an empty answer when the card leaves mid-command.
    if (response.length === 0 && (await this.cardLeft())) throw CardErrors.cardGone(this.contactless, 'empty answer, card left');
    throw CardErrors.badResponse(`response of ${response.length} bytes`);
  }

  async reset(): Promise<void> {
    if (this.closed) throw CardErrors.cardGone(this.contactless, 'transport closed');
    try {
      await this.card.reconnect(PCSC.SHARE_SHARED, PCSC.PROTOCOL_T1, PCSC.RESET_CARD);
    } catch (err) {
      throw pcscAppError(err, this.contactless);
    }
  }

  /**
   * Releases the card. With an exchange still stuck in the binding, the release waits for it:
   * a synchronous disconnect would block this thread on the stuck call's lock.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const release = () => {
      try {
        this.card.disconnect(PCSC.LEAVE_CARD);
      } catch {
        // The card or the service is already gone: nothing left to release.
      }
      if (this.ownsContext) closeQuietly(this.context);
    };
    if (this.inflight) void this.inflight.then(release);
    else release();
  }

  private async failure(err: unknown): Promise<Error> {
    const code = pcscCode(err);
    if (recoveryFor(code) !== 'reconnect') return pcscAppError(err, this.contactless);
    try {
      await this.card.reconnect(PCSC.SHARE_SHARED, PCSC.PROTOCOL_T1, PCSC.LEAVE_CARD);
    } catch (again) {
      return pcscAppError(again, this.contactless);
    }
    for (const listener of this.resetListeners) listener();
    return CardErrors.cardReset(code === SCARD.W_RESET_CARD ? 'SCARD_W_RESET_CARD' : 'SCARD_W_UNPOWERED_CARD');
  }

  private async cardLeft(): Promise<boolean> {
    const deadline = Date.now() + REMOVAL_SETTLE_MS;
    for (;;) {
      try {
        const reader = this.context.listReaders().find((r) => r.name === this.readerName);
        if (!reader || !(reader.state & PCSC.STATE_PRESENT)) return true;
      } catch {
        return true;
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((done) => setTimeout(done, Math.min(100, left)));
    }
  }
}
