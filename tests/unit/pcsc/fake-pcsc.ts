/**
 * A scripted stand-in for the OS side of PC/SC (pcscd or the Windows smart card service): tests
 * set readers, cards and service state, and choose the error texts a binding would raise.
 */
import { PCSC, type PcscBinding, type PcscCard, type PcscContext, type PcscReader, type PcscReaderState } from '../../../native/pcsc/binding';

export class FakeCard implements PcscCard {
  readonly protocol = PCSC.PROTOCOL_T1;
  readonly sent: Buffer[] = [];
  readonly reconnects: number[] = [];
  constructor(public respond: (command: Buffer) => Promise<Buffer>) {}
  transmit(command: Buffer): Promise<Buffer> {
    this.sent.push(command);
    return this.respond(command);
  }
  async reconnect(_share: number, _protocol: number, initialization: number): Promise<number> {
    this.reconnects.push(initialization);
    return PCSC.PROTOCOL_T1;
  }
  disconnects = 0;
  disconnect(): void {
    this.disconnects++;
  }
}

export class FakePcsc implements PcscBinding {
  readers = new Map<string, { state: number; atr: Buffer | null }>();
  /** Set: creating a context fails with this binding message (service not running). */
  refuseContexts: string | undefined;
  /** Set: calls on existing contexts fail with this message (service stopped under them). */
  breakContexts: string | undefined;
  /** Windows answers an empty reader list with SCARD_E_NO_READERS_AVAILABLE. */
  noReadersAsError = false;
  waitMs = 5;
  /** Set: the next wait returns this late, whatever its timeout (the machine slept meanwhile). */
  sleepMs: number | undefined;
  contextsCreated = 0;
  connectError: string | undefined;
  card = new FakeCard(async () => Buffer.from([0x90, 0x00]));

  plug(name: string): void {
    this.readers.set(name, { state: PCSC.STATE_EMPTY, atr: null });
  }
  insert(name: string, atrHex = '3BE000FF8131FE4514'): void {
    const count = ((this.readers.get(name)?.state ?? 0) >>> 16) + 1;
    this.readers.set(name, { state: (count << 16) | PCSC.STATE_PRESENT, atr: Buffer.from(atrHex, 'hex') });
  }
  eject(name: string): void {
    const count = ((this.readers.get(name)?.state ?? 0) >>> 16) + 1;
    this.readers.set(name, { state: (count << 16) | PCSC.STATE_EMPTY, atr: null });
  }

  createContext(): PcscContext {
    if (this.refuseContexts) throw new Error(this.refuseContexts);
    this.contextsCreated++;
    const fake: FakePcsc = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the context's methods read the service state live
    const check = () => {
      if (fake.breakContexts) throw new Error(fake.breakContexts);
    };
    const states = (): PcscReaderState[] => [...fake.readers].map(([name, r]) => ({ name, state: r.state, atr: r.atr }));
    return {
      listReaders(): PcscReader[] {
        check();
        if (fake.readers.size === 0 && fake.noReadersAsError) throw new Error('No readers available');
        return states().map((s) => ({
          ...s,
          connect: async () => {
            if (fake.connectError) throw new Error(fake.connectError);
            return fake.card;
          },
        }));
      },
      async waitForChange(readers, timeoutMs) {
        const late = fake.sleepMs;
        fake.sleepMs = undefined;
        await new Promise((done) => setTimeout(done, late ?? Math.min(timeoutMs, fake.waitMs)));
        check();
        // Like pcsc-lite and WinSCard: a wait that saw no change ends at its timeout with nothing.
        const now = states();
        const same = now.length === readers.length && now.every((s) => readers.some((r) => r.name === s.name && r.state === (s.state & ~PCSC.STATE_CHANGED)));
        return same ? [] : now;
      },
      cancel() {},
      close() {},
    };
  }
}
