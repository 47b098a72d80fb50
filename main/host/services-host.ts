/**
 * The services host: builds every service from the injected config, owns the handler table and the
 * event hub, and speaks the wire protocol to any number of clients (the Electron relay's MessagePort,
 * bridge sockets). Transport code only moves messages; everything else happens here.
 */
import { randomUUID } from 'node:crypto';
import { WireCallSchema, type WireFromHost } from '../contract';
import { createHandlerTable, type HandlerTable } from './handler-table';
import { EventHub } from './event-hub';
import type { HostConfig } from './host-config';
import { composeServices } from './compose/compose-services';

export interface HostConnection {
  readonly id: string;
  /** Feed one decoded message from the client. Malformed messages are answered, never thrown. */
  receive(message: unknown): Promise<void>;
  close(): void;
}

export interface ServicesHost {
  readonly events: EventHub;
  readonly table: HandlerTable;
  connect(send: (message: WireFromHost) => void): HostConnection;
  close(): Promise<void>;
}

export async function createServicesHost(config: HostConfig): Promise<ServicesHost> {
  const events = new EventHub();
  const services = await composeServices(config, events);
  const table = createHandlerTable(services.handlers);

  return {
    events,
    table,
    connect(send) {
      const id = randomUUID();
      const unsubscribe = events.subscribe(send, events.stickyNames());
      send({ kind: 'event', name: 'app.host', payload: { state: 'ready' } });
      return {
        id,
        async receive(message) {
          const call = WireCallSchema.safeParse(message);
          if (!call.success) {
            const rawId = (message as { id?: unknown } | null)?.id;
            const replyId = typeof rawId === 'number' && Number.isInteger(rawId) && rawId >= 0 ? rawId : 0;
            send(await table.dispatch(replyId, undefined, undefined, { connectionId: id }));
            return;
          }
          send(await table.dispatch(call.data.id, call.data.channel, call.data.payload, { connectionId: id }));
        },
        close: unsubscribe,
      };
    },
    async close() {
      events.emit('app.host', { state: 'stopping' });
      await services.close();
    },
  };
}
