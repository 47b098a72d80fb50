/**
 * The slice of a PC/SC binding the app uses, so the reader monitor and transport run against the
 * `smartcard` package (docs/decisions/pcsc-binding.md) or a scripted fake of the OS side in tests.
 * The native module is loaded on first use: importing native/ never fails on a machine without it.
 */
import { createRequire } from 'node:module';

export interface PcscReaderState {
  readonly name: string;
  readonly state: number;
  readonly atr: Buffer | null;
}

export interface PcscCard {
  readonly protocol: number;
  transmit(command: Buffer, options?: { maxRecvLength?: number }): Promise<Buffer>;
  reconnect(shareMode: number, protocol: number, initialization: number): Promise<number>;
  disconnect(disposition?: number): void;
}

export interface PcscReader extends PcscReaderState {
  connect(shareMode: number, protocol: number): Promise<PcscCard>;
}

export interface PcscContext {
  listReaders(): PcscReader[];
  /** Resolves with the readers' states on a change, [] on timeout, null when cancelled. */
  waitForChange(readers: { name: string; state: number }[], timeoutMs: number): Promise<PcscReaderState[] | null>;
  cancel(): void;
  close(): void;
}

export interface PcscBinding {
  createContext(): PcscContext;
}

export const PCSC = {
  SHARE_SHARED: 2,
  PROTOCOL_T1: 2,
  LEAVE_CARD: 0,
  RESET_CARD: 1,
  STATE_CHANGED: 0x2,
  STATE_UNAVAILABLE: 0x8,
  STATE_EMPTY: 0x10,
  STATE_PRESENT: 0x20,
  STATE_MUTE: 0x200,
} as const;

interface SmartcardModule {
  Context: new () => PcscContext;
}

let loaded: SmartcardModule | undefined;

/** The real binding: the N-API `smartcard` package (one build for Node and Electron). */
export const smartcardBinding: PcscBinding = {
  createContext() {
    loaded ??= createRequire(__filename)('smartcard') as SmartcardModule;
    return new loaded.Context();
  },
};
