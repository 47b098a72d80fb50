/**
 * Pushes service events to every connected client. Payloads are checked against the contract before
 * they leave, so a service can never leak a field the contract does not name (a PIN, say).
 */
import { events, type EventName, type EventPayloadOf, type WireEvent } from '../contract';

export type EventSink = (event: WireEvent) => void;

export class EventHub {
  private readonly sinks = new Set<EventSink>();
  private readonly last = new Map<EventName, WireEvent>();

  subscribe(sink: EventSink, replay: readonly EventName[] = []): () => void {
    this.sinks.add(sink);
    for (const name of replay) {
      const event = this.last.get(name);
      if (event) sink(event);
    }
    return () => this.sinks.delete(sink);
  }

  /** Emits to all clients; `sticky` events are replayed to clients that connect later (reader state). */
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>, options: { sticky?: boolean } = {}): void {
    const parsed = events[name].parse(payload);
    const event: WireEvent = { kind: 'event', name, payload: parsed };
    if (options.sticky) this.last.set(name, event);
    for (const sink of this.sinks) sink(event);
  }

  stickyNames(): EventName[] {
    return [...this.last.keys()];
  }
}
