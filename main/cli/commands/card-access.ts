/**
 * How the card commands reach a reader: a PC/SC context for one command (list, connect, run,
 * release), or the reader monitor for `card watch`. A named reader must exist; without a name the
 * reader holding a card is used, else the first one.
 */
import type { CardTransport } from '../../../native/apdu/transport';
import { CardErrors } from '../../../native/card-errors';
import { PCSC, smartcardBinding, type PcscContext, type PcscReaderState } from '../../../native/pcsc/binding';
import { pcscAppError } from '../../../native/pcsc/pcsc-errors';
import { isContactlessAtr, PcscTransport } from '../../../native/pcsc/pcsc-transport';
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/reader-monitor';

export interface ListedReader {
  readonly name: string;
  readonly cardPresent: boolean;
  readonly contactless?: boolean;
  readonly isDefault: boolean;
}

function openContext(): PcscContext {
  try {
    return smartcardBinding.createContext();
  } catch (err) {
    throw pcscAppError(err);
  }
}

function readerStates(context: PcscContext): PcscReaderState[] {
  try {
    return context.listReaders();
  } catch (err) {
    const error = pcscAppError(err);
    // pcsc-lite answers "no readers" with an error where WinSCard returns an empty list.
    if (error.code === 'NO_READER') return [];
    throw error;
  }
}

function chooseReader(states: readonly PcscReaderState[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    if (!states.some((s) => s.name === wanted)) throw CardErrors.noReader(`no reader named ${wanted.slice(0, 80)}`);
    return wanted;
  }
  const chosen = states.find((s) => s.state & PCSC.STATE_PRESENT) ?? states[0];
  if (!chosen) throw CardErrors.noReader();
  return chosen.name;
}

function closeQuietly(context: PcscContext): void {
  try {
    context.close();
  } catch {
    // The service is already gone; there is nothing to release.
  }
}

export function listCardReaders(wanted: string | undefined): ListedReader[] {
  const context = openContext();
  try {
    const states = readerStates(context);
    const chosen = states.length > 0 ? chooseReader(states, wanted) : undefined;
    return states.map((s) => {
      const cardPresent = (s.state & PCSC.STATE_PRESENT) !== 0;
      return {
        name: s.name,
        cardPresent,
        ...(cardPresent && s.atr ? { contactless: isContactlessAtr(Uint8Array.from(s.atr)) } : {}),
        isDefault: s.name === chosen,
      };
    });
  } finally {
    closeQuietly(context);
  }
}

/** Connects to the card, runs `use`, and always releases the card and the context. */
export async function withCard<T>(wanted: string | undefined, use: (transport: CardTransport) => Promise<T>): Promise<T> {
  const context = openContext();
  let name: string;
  try {
    name = chooseReader(readerStates(context), wanted);
  } finally {
    closeQuietly(context);
  }
  // The card gets a context of its own, so a mute card cannot hold up anything else.
  const transport = await PcscTransport.connect(smartcardBinding, name);
  try {
    return await use(transport);
  } finally {
    await transport.close();
  }
}

export interface WatchLine {
  readonly at: string;
  readonly change: string;
  readonly reader: string;
  readonly contactless?: boolean;
  readonly detail?: string;
}

function lineOf(event: ReaderEvent): WatchLine {
  const at = new Date().toISOString();
  switch (event.type) {
    case 'reader-attached': return { at, change: 'reader-attached', reader: event.reader };
    case 'reader-detached': return { at, change: 'reader-detached', reader: event.reader };
    case 'card-inserted': return { at, change: 'card-inserted', reader: event.reader, contactless: event.contactless };
    case 'card-removed': return { at, change: 'card-removed', reader: event.reader };
    case 'service-down': return { at, change: 'service-down', reader: '', detail: event.detail };
    case 'service-up': return { at, change: 'service-up', reader: '' };
  }
}

/** Reports reader and card changes (of one reader when named) until `until` settles. */
export async function watchCardReaders(wanted: string | undefined, emit: (line: WatchLine) => void, until: Promise<void>): Promise<void> {
  const monitor = new ReaderMonitor(smartcardBinding, wanted === undefined ? {} : { defaultReader: wanted });
  const off = monitor.on((event) => {
    if (wanted !== undefined && 'reader' in event && event.reader !== wanted) return;
    emit(lineOf(event));
  });
  monitor.start();
  try {
    await until;
  } finally {
    off();
    await monitor.stop();
  }
}

