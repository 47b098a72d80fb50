/**
 * Set-up and session channels. Set-up is open only while the cart has no administrator; after
 * that, adding staff and unlocking a locked clerk need an administrator's session.
 */
import type { SessionState } from '../../contract/channels/session';
import type { CartSession } from '../../session/cart-session';
import type { DeviceActivation } from '../../session/device-activation';
import type { TrainingAccount } from '../../oqs/consent/simulator/training-account';
import type { StaffDirectory } from '../../store/staff';
import type { EventHub } from '../event-hub';
import type { Handlers } from '../handler-table';

type SessionChannel =
  | 'session.state' | 'session.unlock' | 'session.lock' | 'session.activity' | 'setup.activate' | 'setup.addStaff' | 'staff.unlock';

export interface SessionDeps {
  readonly session: CartSession;
  readonly staff: StaffDirectory;
  readonly activation: DeviceActivation;
  readonly idleLockSeconds: () => number;
  readonly trainingAccount: TrainingAccount | null;
  readonly events: EventHub;
}

/** Set-up runs before anyone can sign in: allowed while no administrator exists, else admin only. */
function setupActor(deps: SessionDeps): string {
  if (!deps.staff.list().some((m) => m.role === 'admin')) return 'setup';
  return String(deps.session.requireAdmin().id);
}

export function sessionHandlers(deps: SessionDeps): Pick<Handlers, SessionChannel> {
  const state = (): SessionState => {
    const device = deps.activation.info();
    return {
      device: { state: device.state, institutionCode: device.institutionCode, userId: device.userId },
      staff: deps.staff.list().map(({ id, displayName, role, locked }) => ({ id, displayName, role, locked })),
      current: deps.session.current(),
      lockCause: deps.session.lockCause(),
      auditBreak: deps.session.auditBreak(),
      idleLockSeconds: deps.idleLockSeconds(),
      trainingMode: deps.trainingAccount !== null,
      trainingAccount: deps.trainingAccount,
    };
  };
  const publish = () => deps.events.emit('session.changed', state());
  deps.session.onChange(publish);

  return {
    'session.state': () => state(),
    'session.unlock': ({ staffId, passcode }) => {
      deps.session.unlock(staffId, Buffer.from(passcode, 'ascii'));
      return state();
    },
    'session.lock': () => {
      deps.session.lock('manual');
      return state();
    },
    'session.activity': () => {
      deps.session.touch();
      return { ok: true as const };
    },
    'setup.activate': async (request) => {
      await deps.activation.activate(request, setupActor(deps));
      publish();
      return state();
    },
    'setup.addStaff': ({ displayName, role, passcode }) => {
      setupActor(deps);
      const bytes = Buffer.from(passcode, 'ascii');
      try {
        deps.staff.add({ displayName, role, passcode: bytes });
      } finally {
        bytes.fill(0);
      }
      publish();
      return state();
    },
    'staff.unlock': ({ staffId }) => {
      deps.session.requireAdmin();
      deps.staff.unlock(staffId);
      publish();
      return state();
    },
  };
}
