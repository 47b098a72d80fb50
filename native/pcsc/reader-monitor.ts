/**
 * Watches the machine's card readers and tells the app what changed: readers attached and
 * detached, cards inserted and removed, the smart card service going away and coming back. It
 * recovers by itself — after pcscd restarts, or the Windows service stops with the last reader,
 * or a resume from sleep invalidates the context, it drops the context and builds a new one —
 * so the app never needs a restart. Several readers may be attached; one can be chosen as default.
 */
import { CardErrors } from '../card-errors';
import { PCSC, type PcscBinding, type PcscContext, type PcscReaderState } from './binding';
import { recoveryFor, pcscCode } from './pcsc-errors';
import { isContactlessAtr, PcscTransport } from './pcsc-transport';

export type ReaderEvent =
  | { readonly type: 'reader-attached'; readonly reader: string }
  | { readonly type: 'reader-detached'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string; readonly atr: string; readonly contactless: boolean }
  | { readonly type: 'card-removed'; readonly reader: string }
  | { readonly type: 'service-down'; readonly detail: string }
  | { readonly type: 'service-up' };

export interface ReaderInfo {
  readonly name: string;
  readonly cardPresent: boolean;
  readonly atr: string | undefined;
}

export interface MonitorOptions {
  /** The reader to use when several are attached (e.g. from settings or `--reader`). */
  readonly defaultReader?: string;
  /** Longest wait for a change before the reader list is read again. */
  readonly pollMs?: number;
  /** Pause before trying a new context after the service went away. */
  readonly retryMs?: number;
  readonly transmitTimeoutMs?: number;
  /** A wait that overran its timeout by this much means the machine slept: renew the context. */
  readonly resumeGapMs?: number;
}

export class ReaderMonitor {
  defaultReader: string | undefined;
  private context: PcscContext | undefined;
  private readonly known = new Map<string, ReaderInfo>();
  /** The event counter PC/SC keeps in the high word of a reader's state: a swap changes it. */
  private readonly eventCounts = new Map<string, number>();
  private readonly listeners = new Set<(event: ReaderEvent) => void>();
  private serviceDown = false;
  private running: Promise<void> | undefined;
  private stopped = false;
  private sleepTimer: { timer: NodeJS.Timeout; wake: () => void } | undefined;
  private readonly pollMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly binding: PcscBinding,
    private readonly options: MonitorOptions = {},
  ) {
    this.defaultReader = options.defaultReader;
    this.pollMs = options.pollMs ?? 1_000;
    this.retryMs = options.retryMs ?? 500;
  }

  on(listener: (event: ReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readers(): ReaderInfo[] {
    return [...this.known.values()];
  }

  get serviceAvailable(): boolean {
    return this.context !== undefined && !this.serviceDown;
  }

  /** The default reader when attached; else the first reader holding a card; else the first reader. */
  chosenReader(): string | undefined {
    if (this.defaultReader && this.known.has(this.defaultReader)) return this.defaultReader;
    const all = this.readers();
    return (all.find((r) => r.cardPresent) ?? all[0])?.name;
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.context?.cancel();
    this.sleepTimer?.wake();
    await this.running;
    this.running = undefined;
    this.dropContext();
  }

  /** Connects to the card in a reader (the chosen one by default) as a CardTransport. */
  async connect(readerName?: string): Promise<PcscTransport> {
    const name = readerName ?? this.chosenReader();
    if (!this.context) throw this.serviceDown ? CardErrors.serviceDown() : CardErrors.noReader();
    if (name === undefined) throw CardErrors.noReader();
    if (!this.known.has(name)) throw CardErrors.noReader(`no reader named ${name.slice(0, 80)}`);
    const timeout = this.options.transmitTimeoutMs;
    return PcscTransport.connect(this.binding, name, timeout === undefined ? {} : { timeoutMs: timeout });
  }

  private emit(event: ReaderEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (!this.context && !this.openContext()) {
        await this.pause(this.retryMs);
        continue;
      }
      const context = this.context as PcscContext;
      try {
        const states = context.listReaders();
        this.reconcile(states);
        if (states.length === 0) {
          await this.pause(this.pollMs);
          continue;
        }
        const started = Date.now();
        const watched = states.map((r) => ({ name: r.name, state: r.state & ~PCSC.STATE_CHANGED }));
        const changed = await context.waitForChange(watched, this.pollMs);
        // [] is a wait that timed out with no change (not "no readers"): nothing to reconcile.
        if (changed && changed.length > 0) this.reconcile(changed.filter((s) => this.known.has(s.name)));
        if (Date.now() - started > this.pollMs + (this.options.resumeGapMs ?? 5_000)) this.dropContext();
      } catch (err) {
        if (this.stopped) break;
        this.recover(err);
        await this.pause(this.retryMs);
      }
    }
  }

  private openContext(): boolean {
    try {
      this.context = this.binding.createContext();
    } catch (err) {
      this.markDown(err);
      return false;
    }
    if (this.serviceDown) {
      this.serviceDown = false;
      this.emit({ type: 'service-up' });
    }
    return true;
  }

  private recover(err: unknown): void {
    const recovery = recoveryFor(pcscCode(err));
    this.dropContext();
    if (recovery === 'wait-for-reader') this.reconcile([]);
    else this.markDown(err);
  }

  private markDown(err: unknown): void {
    this.reconcile([]);
    if (this.serviceDown) return;
    this.serviceDown = true;
    const code = pcscCode(err);
    this.emit({ type: 'service-down', detail: code === undefined ? 'unknown' : `0x${code.toString(16)}` });
  }

  private dropContext(): void {
    const context = this.context;
    this.context = undefined;
    try {
      context?.close();
    } catch {
      // A context of a stopped service cannot be released; dropping it is all that is left.
    }
  }

  /** Compares the readers' states with what was known and emits the differences in order. */
  private reconcile(states: readonly PcscReaderState[]): void {
    const seen = new Set<string>();
    for (const s of states) {
      seen.add(s.name);
      const before = this.known.get(s.name);
      const cardPresent = (s.state & PCSC.STATE_PRESENT) !== 0;
      const atr = cardPresent && s.atr ? s.atr.toString('hex').toUpperCase() : undefined;
      const events = s.state >>> 16;
      const swapped = before?.cardPresent === true && cardPresent && (before.atr !== atr || this.eventCounts.get(s.name) !== events);
      if (!before) this.emit({ type: 'reader-attached', reader: s.name });
      if (before?.cardPresent && (!cardPresent || swapped)) this.emit({ type: 'card-removed', reader: s.name });
      this.known.set(s.name, { name: s.name, cardPresent, atr });
      this.eventCounts.set(s.name, events);
      if (cardPresent && (!before?.cardPresent || swapped)) {
        this.emit({ type: 'card-inserted', reader: s.name, atr: atr ?? '', contactless: isContactlessAtr(Buffer.from(atr ?? '', 'hex')) });
      }
    }
    for (const [name, info] of [...this.known]) {
      if (seen.has(name)) continue;
      if (info.cardPresent) this.emit({ type: 'card-removed', reader: name });
      this.known.delete(name);
      this.eventCounts.delete(name);
      this.emit({ type: 'reader-detached', reader: name });
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepTimer = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepTimer = { timer, wake };
    });
  }
}
