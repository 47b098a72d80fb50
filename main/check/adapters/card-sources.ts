/**
 * Where the card session gets its card: a PC/SC reader through the reader monitor (any real reader,
 * or the virtual card behind pcscd), or the virtual card in this process for training without
 * pcscd. The check never learns which; the origin travels with the source.
 */
import type { CardTransport } from '../../../native/apdu/transport';
import { InProcessTransport, type InProcessCard } from '../../../native/apdu/in-process-transport';
import type { ReaderEvent, ReaderMonitor } from '../../../native/pcsc/reader-monitor';
import type { CardEvent, PortOrigin } from '../ports';

export interface CardSource {
  readonly origin: PortOrigin;
  cardPresent(): boolean;
  watch(listener: (event: CardEvent) => void): () => void;
  connect(): Promise<CardTransport>;
}

/** Only the reader the monitor has chosen counts: a card in another reader is not this patient's. */
function cardEventOf(event: ReaderEvent, chosen: string | undefined): CardEvent | null {
  switch (event.type) {
    case 'card-inserted':
      return event.reader === chosen ? 'cardInserted' : null;
    case 'card-removed':
      return event.reader === chosen ? 'cardRemoved' : null;
    case 'reader-detached':
      return event.reader === chosen || chosen === undefined ? 'readerGone' : null;
    case 'reader-attached':
      return 'readerAttached';
    case 'service-down':
      return 'readerGone';
    case 'service-up':
      return 'readerAttached';
  }
}

export function pcscCardSource(monitor: ReaderMonitor): CardSource {
  let chosen = monitor.chosenReader();
  return {
    origin: 'real',
    cardPresent: () => monitor.readers().some((r) => r.name === monitor.chosenReader() && r.cardPresent),
    watch(listener) {
      return monitor.on((event) => {
        const mapped = cardEventOf(event, event.type === 'reader-detached' ? chosen : monitor.chosenReader());
        chosen = monitor.chosenReader();
        if (mapped) listener(mapped);
      });
    },
    connect: () => monitor.connect(),
  };
}

/** A card living in this process that can be pulled and put back (the virtual card in a reader). */
export interface PresenceCard extends InProcessCard {
  onPresenceChange(listener: (present: boolean) => void): () => void;
}

export function inProcessCardSource(card: PresenceCard): CardSource {
  return {
    origin: 'simulator',
    cardPresent: () => card.present,
    watch: (listener) => card.onPresenceChange((present) => listener(present ? 'cardInserted' : 'cardRemoved')),
    connect: async () => new InProcessTransport(card),
  };
}
