/** A virtual My Number card in the same process, with every command the driver sent kept for assertions. */
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import type { CardTransport } from '../../../native/apdu/transport';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import type { VirtualCardOptions } from '../../../native/virtual-card/config';

export interface RecordingTransport extends CardTransport {
  /** The command buffers exactly as handed to the transport (not copies). */
  readonly sent: Uint8Array[];
  /** Hex copies taken at send time, before anyone overwrote a buffer. */
  readonly sentHex: string[];
}

export function recording(inner: CardTransport): RecordingTransport {
  const sent: Uint8Array[] = [];
  const sentHex: string[] = [];
  return {
    readerName: inner.readerName,
    atr: inner.atr,
    contactless: inner.contactless,
    sent,
    sentHex,
    transmit(command, options) {
      sent.push(command);
      sentHex.push(Buffer.from(command).toString('hex').toUpperCase());
      return inner.transmit(command, options);
    },
    reset: () => inner.reset(),
    close: () => inner.close(),
  };
}

export function virtualCard(options: VirtualCardOptions = {}, timeoutMs?: number): { reader: CardInReader; transport: RecordingTransport } {
  const reader = new CardInReader(options);
  return { reader, transport: recording(new InProcessTransport(reader, timeoutMs)) };
}

export function pinOf(text: string) {
  return Uint8Array.from(Buffer.from(text, 'ascii'));
}
