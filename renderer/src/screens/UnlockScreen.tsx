import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DigitPad } from '../components/DigitPad';
import { ErrorPanel } from '../components/ErrorPanel';
import { toOnshiError, type OnshiError } from '../ipc/onshi';

export interface Clerk {
  id: number;
  name: string;
}

export interface UnlockScreenProps {
  clerks: readonly Clerk[];
  /** Rejects with the services' sentence: a wrong passcode, or a lockout and until when. */
  onUnlock(staffId: number, passcode: string): Promise<void>;
  /** True when the lock came from the idle timer (patient data was cleared from the screen). */
  idleLocked?: boolean;
  /** True while the audit log records nothing: only an administrator can unlock, to accept the break. */
  auditBroken?: boolean;
}

/** Every use starts here: the clerk picks their name and types their passcode on the pad. */
export function UnlockScreen({ clerks, onUnlock, idleLocked = false, auditBroken = false }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [clerk, setClerk] = useState<Clerk | null>(clerks.length === 1 ? clerks[0]! : null);
  const [error, setError] = useState<OnshiError | null>(null);
  const [sending, setSending] = useState(false);

  const unlock = async (passcode: string) => {
    if (!clerk) return;
    setSending(true);
    setError(null);
    try {
      await onUnlock(clerk.id, passcode);
    } catch (err) {
      setError(toOnshiError(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlock.title')}</h2>
      {idleLocked && (
        <p className="notice" role="status" data-testid="idle-locked">
          {t('unlock.idleLocked')}
        </p>
      )}
      {auditBroken && (
        <p className="warning" role="alert" data-testid="audit-broken">
          {t('unlock.auditBroken')}
        </p>
      )}
      <div className="clerk-list" role="group" aria-label={t('unlock.chooseClerk')}>
        {clerks.map((c) => (
          <button
            key={c.id}
            type="button"
            className="button"
            aria-pressed={clerk?.id === c.id}
            onClick={() => {
              setClerk(c);
              setError(null);
            }}
          >
            {c.name}
          </button>
        ))}
      </div>
      {clerk && <DigitPad key={clerk.id} label={t('unlock.passcodeFor', { name: clerk.name })} disabled={sending} onComplete={(p) => void unlock(p)} />}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
