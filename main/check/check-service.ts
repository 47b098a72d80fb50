/**
 * Runs one check at a time on the cart: starts the machine, feeds it what the screens send and
 * what the reader, the network and the session report, and publishes the screen's view of every
 * change. While it runs, work that checks queued offline is sent when the network is back. When the check ends the actor is stopped and dropped, so its patient data goes with it.
 */
import { randomUUID } from 'node:crypto';
import { createActor, type Actor } from 'xstate';
import type { CheckUserEventWire, CheckView } from '../contract/channels/check';
import { AuditTrail } from './audit-trail';
import { startCheckJobSender } from './check-jobs';
import { CheckErrors } from './errors';
import { createCheckMachine, type CheckMachine } from './machine';
import type { CheckEvent, CheckOutcome, CheckSystemEvent } from './machine-types';
import { OneShotSecret } from './one-shot-secret';
import { assertNoSimulator } from './port-selection';
import type { CardEvent, CheckPorts } from './ports';
import { checkView } from './view';

export interface CheckServiceOptions {
  ports: CheckPorts;
  trainingMode: boolean;
  now?: () => Date;
  newCheckId?: () => string;
}

export interface CheckSummary {
  checkId: string;
  outcome: CheckOutcome;
  auditSeqs: number[];
}

export interface CheckService {
  start(): Promise<CheckView>;
  send(event: CheckUserEventWire): CheckView;
  /** The running check's view, or the last ended one (which holds no patient data). */
  current(): CheckView | null;
  subscribe(listener: (view: CheckView) => void): () => void;
  /** Resolves when the running (or last) check has ended and its audit rows are durable. */
  ended(): Promise<CheckSummary>;
  close(): void;
}

const CARD_EVENTS: Readonly<Record<CardEvent, CheckSystemEvent>> = {
  cardInserted: { type: 'CARD_INSERTED' },
  cardRemoved: { type: 'CARD_REMOVED' },
  readerGone: { type: 'READER_GONE' },
  readerAttached: { type: 'READER_ATTACHED' },
};

interface Running {
  actor: Actor<CheckMachine>;
  ended: Promise<CheckSummary>;
  stop(): void;
}

/** The wire event as the machine takes it: a PIN or passcode becomes a one-shot buffer here. */
function toMachineEvent(event: CheckUserEventWire): { event: CheckEvent; secret: OneShotSecret | null } {
  if (event.type === 'PIN_SUBMITTED') {
    const pin = OneShotSecret.fromDigits(event.pin);
    return { event: { type: 'PIN_SUBMITTED', pin }, secret: pin };
  }
  if (event.type === 'VISUAL_CONFIRMED') {
    const passcode = OneShotSecret.fromDigits(event.passcode);
    return { event: { type: 'VISUAL_CONFIRMED', passcode }, secret: passcode };
  }
  return { event, secret: null };
}

export function createCheckService(options: CheckServiceOptions): CheckService {
  const { ports, trainingMode } = options;
  if (!trainingMode) assertNoSimulator(ports);
  const now = options.now ?? (() => new Date());
  const newCheckId = options.newCheckId ?? randomUUID;
  const listeners = new Set<(view: CheckView) => void>();
  let running: Running | null = null;
  let lastEnded: Promise<CheckSummary> | null = null;
  let lastView: CheckView | null = null;
  // Work earlier checks queued while offline goes out while this service runs.
  const jobSender = startCheckJobSender(ports);

  const publish = (view: CheckView) => {
    lastView = view;
    for (const listener of listeners) listener(view);
  };

  function run(checkId: string, staffId: string, settings: Awaited<ReturnType<CheckPorts['settings']['readCheckSettings']>>): Running {
    const trail = new AuditTrail(ports.audit);
    const machine = createCheckMachine({ ports, record: (entry) => trail.record(entry), now });
    const actor = createActor(machine, { input: { checkId, staffId, trainingMode, settings } });
    const send = (event: CheckSystemEvent) => actor.send(event);
    const unwatch = [
      ports.card.watch((e) => send(CARD_EVENTS[e])),
      ports.consent.watchConnectivity((online) => send({ type: online ? 'NETWORK_UP' : 'NETWORK_DOWN' })),
      ports.clerk.onIdle(() => send({ type: 'IDLE' })),
    ];
    let settle: (summary: Promise<CheckSummary>) => void = () => undefined;
    const ended = new Promise<CheckSummary>((resolve) => (settle = resolve));
    const stop = () => {
      for (const off of unwatch) off();
      actor.stop();
    };
    actor.subscribe((snapshot) => {
      publish(checkView(snapshot));
      if (snapshot.status !== 'done' || running?.actor !== actor) return;
      running = null;
      stop();
      const { outcome } = snapshot.output;
      settle(trail.durable().then((auditSeqs) => ({ checkId, outcome, auditSeqs })));
    });
    return { actor, ended, stop };
  }

  return {
    async start() {
      if (running) throw CheckErrors.inProgress();
      const staffId = ports.clerk.currentStaffId();
      if (staffId === null) throw CheckErrors.locked();
      const settings = await ports.settings.readCheckSettings();
      if (running) throw CheckErrors.inProgress();
      running = run(newCheckId(), staffId, settings);
      lastEnded = running.ended;
      running.actor.start();
      return lastView as CheckView;
    },

    send(wire) {
      const { event, secret } = toMachineEvent(wire);
      try {
        if (!running) throw CheckErrors.notStarted();
        const snapshot = running.actor.getSnapshot();
        if (!snapshot.can(event)) throw CheckErrors.eventNotAllowed(checkView(snapshot).step, event.type);
        running.actor.send(event);
        return lastView as CheckView;
      } finally {
        secret?.wipe();
      }
    },

    current: () => lastView,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    ended() {
      return lastEnded ?? Promise.reject(CheckErrors.notStarted());
    },

    close() {
      jobSender.stop();
      running?.stop();
      running = null;
      listeners.clear();
    },
  };
}
