/**
 * Puts a virtual card into a real pcscd: the card is a TCP client of vsmartcard-vpcd (the reader
 * driver inside pcscd listens; pcsc-on-linux.md §2). Frames are a 2-byte big-endian length and a
 * payload; a 1-byte payload is a control byte (00 off, 01 on, 02 reset, 04 "send your ATR"), a
 * longer one is a command APDU. The client retries until pcscd is up, answers ATR requests at any
 * time (pcscd polls presence every 400 ms), and closes its socket when the card is pulled out,
 * which pcscd sees as a removal. pcscd asks for the ATR, powers the card on (01) and asks again:
 * the answer to that second request is the moment the card is in the reader for PC/SC clients.
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import type { CardInReader } from './card-in-reader';

export const VPCD_FIRST_PORT = 35963;
const RETRY_MS = 100;

/** The PC/SC reader name pcscd gives the vpcd slot listening on `port`. */
export function vpcdReaderName(port = VPCD_FIRST_PORT): string {
  return `Virtual PCD 00 ${String(port - VPCD_FIRST_PORT).padStart(2, '0')}`;
}

/**
 * 127.0.0.2 when the quick-ack route of pcsc-on-linux.md §6 exists (about 0.2 ms per APDU instead
 * of 44 ms), else 127.0.0.1. vpcd listens on every address, so both reach it.
 */
export function preferredVpcdHost(): string {
  try {
    const routes = execFileSync('ip', ['-o', 'route', 'show', 'table', 'local'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /127\.0\.0\.2 .*quickack 1/.test(routes) ? '127.0.0.2' : '127.0.0.1';
  } catch {
    return '127.0.0.1';
  }
}

export interface VpcdClientOptions {
  readonly host?: string;
  readonly port?: number;
}

export class VpcdCardClient {
  readonly host: string;
  readonly port: number;
  private socket: net.Socket | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private connectedWaiters: (() => void)[] = [];
  private readonly inReaderListeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly slot: CardInReader,
    options: VpcdClientOptions = {},
  ) {
    this.host = options.host ?? preferredVpcdHost();
    this.port = options.port ?? VPCD_FIRST_PORT;
    this.unsubscribe = slot.onPresenceChange((present) => {
      if (present) this.connect();
      else this.drop();
    });
    this.connect();
  }

  get readerName(): string {
    return vpcdReaderName(this.port);
  }

  get connected(): boolean {
    return this.socket?.readyState === 'open';
  }

  /** Resolves once the card's TCP connection to vpcd is up (pcscd then powers it within ~0.5 s). */
  whenConnected(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /**
   * Called each time pcscd has powered the card on a new connection (first insertion, or put back
   * after a pull): from then on PC/SC clients see it in the reader.
   */
  onInReader(listener: () => void): () => void {
    this.inReaderListeners.add(listener);
    return () => this.inReaderListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      });
    }
  }

  private connect(): void {
    if (this.stopped || this.socket || !this.slot.present) return;
    const socket = net.createConnection({ host: this.host, port: this.port });
    this.socket = socket;
    socket.setNoDelay(true);
    let pending = Buffer.alloc(0);
    let power: 'off' | 'on' | 'announced' = 'off';
    socket.on('connect', () => {
      for (const resolve of this.connectedWaiters.splice(0)) resolve();
    });
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const payload = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        this.handle(socket, Uint8Array.from(payload));
        if (payload.length === 1 && payload[0] === 0x01 && power === 'off') power = 'on';
        else if (payload.length === 1 && payload[0] === 0x04 && power === 'on') {
          power = 'announced';
          for (const listener of this.inReaderListeners) listener();
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      if (!this.stopped && this.slot.present) this.retryTimer = setTimeout(() => this.connect(), RETRY_MS);
    });
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.destroy();
  }

  private handle(socket: net.Socket, payload: Uint8Array): void {
    if (payload.length === 1) {
      if (payload[0] === 0x04) send(socket, this.slot.atr);
      else this.slot.reset();
      return;
    }
    if (payload.length === 0) return;
    void this.slot.answer(payload).then((answer) => {
      if (answer !== 'removed' && this.socket === socket) send(socket, answer);
    });
  }
}

function send(socket: net.Socket, payload: Uint8Array): void {
  if (socket.destroyed) return;
  const frame = Buffer.alloc(2 + payload.length);
  frame.writeUInt16BE(payload.length, 0);
  frame.set(payload, 2);
  socket.write(frame);
}
