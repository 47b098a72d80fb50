/**
 * A virtual My Number card put into the real pcscd through vpcd, and a PC/SC transport to it: the
 * same bytes a USB reader carries. Each slot waits until pcscd shows the card, and on release until
 * pcscd shows the reader empty, so the next card is seen as a fresh insertion.
 */
import { smartcardBinding, PCSC, type PcscContext } from '../../native/pcsc/binding';
import { PcscTransport } from '../../native/pcsc/pcsc-transport';
import { CardInReader } from '../../native/virtual-card/card-in-reader';
import type { VirtualCardOptions } from '../../native/virtual-card/config';
import { VpcdCardClient } from '../../native/virtual-card/vpcd-client';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

export class VirtualSlot {
  readonly reader: CardInReader;
  readonly client: VpcdCardClient;
  readonly context: PcscContext;

  private constructor(options: VirtualCardOptions) {
    this.reader = new CardInReader(options);
    this.client = new VpcdCardClient(this.reader);
    this.context = smartcardBinding.createContext();
  }

  get readerName(): string {
    return this.client.readerName;
  }

  cardShown(): boolean {
    const state = this.context.listReaders().find((r) => r.name === this.readerName)?.state ?? 0;
    return (state & PCSC.STATE_PRESENT) !== 0;
  }

  static async insert(options: VirtualCardOptions = {}): Promise<VirtualSlot> {
    const slot = new VirtualSlot(options);
    await slot.client.whenConnected();
    await waitUntil(() => slot.cardShown(), 5_000, 'pcscd shows the virtual card');
    return slot;
  }

  connect(timeoutMs?: number): Promise<PcscTransport> {
    return PcscTransport.connect(smartcardBinding, this.readerName, timeoutMs === undefined ? {} : { timeoutMs });
  }

  /** Puts the pulled card back and waits until pcscd has powered it again. */
  async reinsert(): Promise<void> {
    await waitUntil(() => !this.cardShown(), 5_000, 'pcscd shows the reader empty');
    this.reader.insert();
    await this.client.whenConnected();
    await waitUntil(() => this.cardShown(), 5_000, 'pcscd shows the card again');
  }

  async release(): Promise<void> {
    this.reader.remove();
    await this.client.stop();
    await waitUntil(() => !this.cardShown(), 5_000, 'pcscd shows the reader empty');
    this.context.close();
  }
}
