/**
 * 研修モード's card. With a PC/SC reader attached (a real one, or vpcd) the check reads the card in
 * it; a laptop without any reader (`npm run web` anywhere) gets the virtual My Number card in
 * this process instead, made for a person the simulator knows, which the trainer puts on and
 * takes off the reader from the training controls.
 */
import { inProcessCardSource, pcscCardSource, type CardSource } from '../../check/adapters/card-sources';
import type { CardEvent } from '../../check/ports';
import { trainingCardholder } from '../../oqs/population';
import type { ReaderMonitor } from '../../../native/pcsc/reader-monitor';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';

export interface TrainingCard {
  readonly source: CardSource;
  /** 'reader' while any PC/SC reader is attached; 'virtual' otherwise. */
  readsFrom(): 'reader' | 'virtual';
  virtualCardPresent(): boolean;
  setVirtualCardPresent(present: boolean): void;
  onChange(listener: () => void): () => void;
}

export function trainingCard(monitor: ReaderMonitor): TrainingCard {
  // Made on first use: issuing its keys and certificates takes a moment nobody should wait for at start.
  let card: CardInReader | null = null;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const virtual = (): CardInReader => {
    if (!card) {
      card = new CardInReader({ cardholderId: trainingCardholder().CardholderId! });
      card.remove();
      card.onPresenceChange(changed);
    }
    return card;
  };
  const readsFrom = () => (monitor.readers().length > 0 ? 'reader' : 'virtual');
  const reader = pcscCardSource(monitor);
  const active = (): CardSource => (readsFrom() === 'reader' ? reader : inProcessCardSource(virtual()));

  const source: CardSource = {
    origin: 'simulator',
    cardPresent: () => (readsFrom() === 'reader' ? reader.cardPresent() : (card?.present ?? false)),
    // Both are watched; only the one in use speaks, so a reader plugged in mid-check takes over cleanly.
    watch(listener: (event: CardEvent) => void) {
      const fromReader = reader.watch((event) => readsFrom() === 'reader' && listener(event));
      const fromVirtual = inProcessCardSource(virtual()).watch((event) => readsFrom() === 'virtual' && listener(event));
      return () => {
        fromReader();
        fromVirtual();
      };
    },
    connect: () => active().connect(),
  };
  monitor.on(changed);

  return {
    source,
    readsFrom,
    virtualCardPresent: () => card?.present ?? false,
    setVirtualCardPresent(present) {
      if (present) virtual().insert();
      else card?.remove();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
