/**
 * The check service of this installation, built on first use: a check needs an activated device
 * (its credential) and the configured endpoints, which set-up provides after the host started.
 * Once the device is activated the host builds it without starting a check, because the service
 * is what sends the work earlier checks queued offline, and that work must not wait for the next
 * check (it may be days away, or the cart restarted meanwhile).
 * In 研修モード the ports are the simulators'; otherwise only real ones, checked by the service.
 */
import type { AuditLog } from '../../audit/audit-log';
import { checkPortsFrom } from '../../check/adapters/compose';
import type { CardSource } from '../../check/adapters/card-sources';
import { createCheckService, type CheckService, type CheckSummary } from '../../check/check-service';
import { selectCheckPorts } from '../../check/port-selection';
import type { ConsentGatewayClient, DeviceCredential } from '../../oqs/consent';
import type { TerminalClient } from '../../oqs/terminal/client';
import type { StoreDatabase } from '../../store/database';
import type { CartSession } from '../../session/cart-session';
import type { CheckView } from '../../contract/channels/check';

export interface CheckDeps {
  readonly store: StoreDatabase;
  readonly auditLog: AuditLog;
  readonly session: CartSession;
  readonly card: () => CardSource;
  readonly consentClient: () => ConsentGatewayClient;
  readonly credential: () => DeviceCredential;
  readonly terminalClient: () => TerminalClient;
  readonly trainingMode: boolean;
  /** Throws when the mode the services started in no longer holds (a real gateway saved since). */
  readonly checkMode?: () => void;
  readonly now?: () => Date;
}

function buildCheckService(deps: CheckDeps): CheckService {
  const modules = (origin: 'real' | 'simulator') =>
    checkPortsFrom({
      store: deps.store,
      auditLog: deps.auditLog,
      session: deps.session,
      card: deps.card(),
      consent: { client: deps.consentClient(), credential: deps.credential, origin },
      terminal: { client: deps.terminalClient(), origin },
      ...(deps.now ? { now: deps.now } : {}),
    });
  const ports = selectCheckPorts(deps.trainingMode, { real: () => modules('real'), training: () => modules('simulator') });
  return createCheckService({ ports, trainingMode: deps.trainingMode, ...(deps.now ? { now: deps.now } : {}) });
}

export interface HostCheckService extends CheckService {
  /**
   * Builds the service now, so its queued work goes out; starts no check. Until the endpoints are
   * configured it cannot be built: the first check then says what is missing, as it always did.
   */
  sendQueuedWork(): void;
}

/** A CheckService that is assembled when the first check starts or queued work is due; listeners attach either way. */
export function lazyCheckService(deps: CheckDeps): HostCheckService {
  let service: CheckService | null = null;
  const listeners = new Set<(view: CheckView) => void>();
  const built = (): CheckService => {
    if (!service) {
      service = buildCheckService(deps);
      for (const listener of listeners) service.subscribe(listener);
    }
    return service;
  };
  return {
    start: () => {
      deps.checkMode?.();
      return built().start();
    },
    send: (event) => built().send(event),
    current: () => service?.current() ?? null,
    subscribe(listener) {
      listeners.add(listener);
      const unsubscribe = service?.subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe?.();
      };
    },
    ended: (): Promise<CheckSummary> => built().ended(),
    sendQueuedWork() {
      try {
        built();
      } catch {
        // Not configured yet (see above); nothing is lost, the jobs stay in the queue.
      }
    },
    close: () => service?.close(),
  };
}
