/**
 * The services host: builds every service from the injected config, owns the handler table and the
 * event hub, and speaks the wire protocol to any number of clients (the Electron relay's MessagePort,
 * bridge sockets). Transport code only moves messages; everything else happens here.
 */
import { randomUUID } from 'node:crypto';
import { channelNames, WireCallSchema, type Channel, type WireFromHost } from '../contract';
import { createHandlerTable, type HandlerTable, type Handlers } from './handler-table';
import { EventHub } from './event-hub';
import type { HostConfig } from './host-config';
import { composeServices, type ComposedServices } from './compose/compose-services';
import type { ComposeHooks } from './compose/key-loss';

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

/** Handlers that always reach the services composed last (they are composed again after a key loss). */
function delegating(current: () => Handlers): Handlers {
  return Object.fromEntries(
    channelNames.map((name: Channel) => [name, (request: never, context: never) => (current()[name] as (r: never, c: never) => unknown)(request, context)]),
  ) as unknown as Handlers;
}

export async function createServicesHost(config: HostConfig): Promise<ServicesHost> {
  const events = new EventHub();
  let services: ComposedServices;
  const hooks: ComposeHooks = {
    async recompose() {
      await services.close();
      services = await composeServices(config, events, hooks);
      return services.handlers;
    },
  };
  services = await composeServices(config, events, hooks);
  const table = createHandlerTable(delegating(() => services.handlers));

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
