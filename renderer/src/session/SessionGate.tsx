import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../main/contract/channels/session';
import { useAudience, useTurnScreenTo } from '../components/Audience';
import { ErrorPanel } from '../components/ErrorPanel';
import { TrainingControls } from '../components/TrainingControls';
import { call } from '../ipc/onshi';
import type { ActivationForm, ActivationOutcome } from '../screens/ActivationStep';
import { AuditBreakScreen } from '../screens/AuditBreakScreen';
import { KeyLostScreen } from '../screens/KeyLostScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { UnlockScreen } from '../screens/UnlockScreen';
import { useActivityReport } from './useActivityReport';
import { useSession } from './useSession';

/** Set-up is not finished until the device is activated and an administrator can sign in. */
function needsSetup(state: SessionState): boolean {
  return state.device.state !== 'activated' || !state.staff.some((m) => m.role === 'admin');
}

async function activate(state: SessionState, form: ActivationForm): Promise<ActivationOutcome> {
  const hostMode = state.trainingMode ? 'training' : 'live';
  const endpoints =
    form.mode === 'live' ? { consentGateway: form.endpoint, terminalFolder: form.terminalFolder.trim() } : { consentGateway: null, terminalFolder: null };
  if (form.mode !== hostMode) {
    await call('settings.update', { endpoints });
    return 'savedForRestart';
  }
  if (form.mode === 'live') await call('settings.update', { endpoints });
  await call('setup.activate', { institutionCode: form.institutionCode, userId: form.userId, password: form.password, activationCode: form.activationCode });
  return 'activated';
}

function SetupRoute({ state }: { state: SessionState }) {
  const hostMode = state.trainingMode ? 'training' : 'live';
  return (
    <SetupScreen
      hostMode={hostMode}
      prefill={state.trainingAccount ?? {}}
      activated={state.device.state === 'activated'}
      onActivate={(form) => activate(state, form)}
      onAddAdmin={async ({ name, passcode }) => {
        await call('setup.addStaff', { displayName: name, role: 'admin', passcode });
      }}
    />
  );
}

function SignedOut({ children }: { children: ReactNode }) {
  useTurnScreenTo('signedOut');
  return <>{children}</>;
}

/** Who is signed in, and the lock every clerk screen offers; hidden while the patient has the screen. */
function SignedInBar({ clerk }: { clerk: NonNullable<SessionState['current']> }) {
  const { t } = useTranslation();
  if (useAudience() !== 'clerk') return null;
  return (
    <div className="signed-in-bar">
      <span data-testid="signed-in-clerk">{t('session.signedInAs', { name: clerk.displayName, role: t(`setup.roles.${clerk.role}`) })}</span>
      <button type="button" className="button" onClick={() => void call('session.lock', {})}>
        {t('session.lock')}
      </button>
    </div>
  );
}

/**
 * Nothing of the cart is shown until set-up is done and a clerk has unlocked it. The services host
 * holds the session and its idle lock; when it locks, this gate takes the screen back at once.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, error, replace } = useSession();
  useActivityReport(Boolean(state?.current));
  if (error?.code === 'STORE_KEY_LOST') {
    return (
      <SignedOut>
        <KeyLostScreen error={error} onDiscard={async () => replace(await call('setup.discardAfterKeyLoss', { confirm: true }))} />
      </SignedOut>
    );
  }
  if (error) return <ErrorPanel error={error} />;
  if (!state) {
    return (
      <p className="notice" role="status">
        {t('start.connecting')}
      </p>
    );
  }
  if (needsSetup(state)) {
    return (
      <SignedOut>
        <SetupRoute state={state} />
      </SignedOut>
    );
  }
  if (!state.current) {
    return (
      <SignedOut>
        <UnlockScreen
          clerks={state.staff.map((m) => ({ id: m.id, name: m.displayName }))}
          idleLocked={state.lockCause === 'idle'}
          auditBroken={state.auditBreak !== null}
          onUnlock={async (staffId, passcode) => {
            await call('session.unlock', { staffId, passcode });
          }}
        />
      </SignedOut>
    );
  }
  const admin = state.current;
  if (state.auditBreak && admin.role === 'admin') {
    const breakAt = state.auditBreak.seq;
    return (
      <>
        <SignedInBar clerk={admin} />
        <AuditBreakScreen
          auditBreak={state.auditBreak}
          onAcknowledge={async () => {
            await call('audit.acknowledge', { admin: String(admin.id), breakAt });
          }}
        />
      </>
    );
  }
  return (
    <>
      <SignedInBar clerk={state.current} />
      {children}
      {state.trainingMode && <TrainingControls />}
    </>
  );
}
