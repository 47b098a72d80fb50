/**
 * The card channels: the readers the monitor sees, the status of the card on one of them, the
 * default reader (kept in the settings, so it outlives a restart), and reader/card changes pushed
 * as events. Nothing here touches a PIN; a status
 * read spends no try. Until the host is composed with a reader monitor, every call says the card
 * service is not available instead of falling back to anything.
 */
import path from 'node:path';
import { CardErrors } from '../../../native/card-errors';
import { loadTrustAnchors } from '../../../native/cert/trust-anchors';
import { readCardStatus } from '../../../native/jpki/card-status';
import { isContactlessAtr } from '../../../native/pcsc/pcsc-transport';
import type { ReaderMonitor } from '../../../native/pcsc/reader-monitor';
import type { CardStatus } from '../../contract/channels/card';
import type { AppError } from '../../contract/errors';
import type { EventHub } from '../event-hub';
import type { Handlers } from '../handler-table';

type CardChannel = 'card.readers' | 'card.status' | 'card.setDefaultReader';

export interface CardHandlerDeps {
  readonly monitor: ReaderMonitor | null;
  readonly events: EventHub;
  /** J-LIS CA certificates, read at each status so an updated folder needs no restart. */
  readonly trustAnchorDir: string;
  /** Keeps the chosen reader as settings.readerName; the monitor follows the saved setting. */
  readonly saveDefaultReader: (reader: string) => unknown;
  readonly now?: () => Date;
}

export function trustAnchorDirOf(dataDir: string): string {
  return path.join(dataDir, 'trust-anchors');
}

export function cardHandlers(deps: CardHandlerDeps): Pick<Handlers, CardChannel> {
  const { monitor, events } = deps;
  const now = deps.now ?? (() => new Date());
  monitor?.on((event) => {
    switch (event.type) {
      case 'reader-attached': return events.emit('card.reader', { change: 'attached', reader: event.reader });
      case 'reader-detached': return events.emit('card.reader', { change: 'detached', reader: event.reader });
      case 'card-inserted': return events.emit('card.presence', { change: 'inserted', reader: event.reader });
      case 'card-removed': return events.emit('card.presence', { change: 'removed', reader: event.reader });
      default: return undefined;
    }
  });
  const readers = (): ReaderMonitor => {
    if (!monitor) throw CardErrors.serviceDown('no reader monitor in this host');
    return monitor;
  };
  return {
    'card.readers': () => {
      const m = readers();
      const chosen = m.chosenReader();
      return {
        readers: m.readers().map((r) => ({
          name: r.name,
          cardPresent: r.cardPresent,
          ...(r.atr ? { contactless: isContactlessAtr(Buffer.from(r.atr, 'hex')) } : {}),
          isDefault: r.name === chosen,
        })),
      };
    },
    'card.status': async ({ reader }): Promise<CardStatus> => {
      const m = readers();
      const name = reader ?? m.chosenReader();
      if (name === undefined) throw CardErrors.noReader();
      let transport;
      try {
        transport = await m.connect(name);
      } catch (err) {
        if ((err as AppError).code === 'NO_CARD') return { kind: 'no-card', reader: name };
        throw err;
      }
      try {
        const status = await readCardStatus(transport, loadTrustAnchors(deps.trustAnchorDir), now());
        return status.kind === 'my-number-card' ? { ...status, certificate: { ...status.certificate, warnings: [...status.certificate.warnings] } } : status;
      } finally {
        await transport.close();
      }
    },
    'card.setDefaultReader': async ({ reader }) => {
      const m = readers();
      if (!m.readers().some((r) => r.name === reader)) throw CardErrors.noReader(`no reader named ${reader.slice(0, 80)}`);
      await deps.saveDefaultReader(reader);
      return { reader };
    },
  };
}
