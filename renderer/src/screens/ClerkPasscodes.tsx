import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../main/contract/channels/session';
import { DigitPad } from '../components/DigitPad';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { toOnshiError, type OnshiError } from '../ipc/onshi';

export interface NewClerk {
  name: string;
  role: StaffRole;
  passcode: string;
}

export interface ClerkPasscodesProps {
  /** The roles that may be given here; set-up registers the first administrator only. */
  roles: readonly StaffRole[];
  onAddClerk(clerk: NewClerk): Promise<void>;
}

/** A clerk's 4-digit local passcode, typed twice on the pad; the screen keeps none of them. */
export function ClerkPasscodes({ roles, onAddClerk }: ClerkPasscodesProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>(roles[0]!);
  const [first, setFirst] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<OnshiError | null>(null);
  const firstAdmin = roles.length === 1 && roles[0] === 'admin';

  const second = async (passcode: string) => {
    setFirst(null);
    if (passcode !== first) {
      setMismatch(true);
      return;
    }
    try {
      await onAddClerk({ name: name.trim(), role, passcode });
      setAdded(name.trim());
      setName('');
      setError(null);
    } catch (err) {
      setError(toOnshiError(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="clerks-title">
      <h2 id="clerks-title">{t(firstAdmin ? 'setup.adminTitle' : 'setup.clerksTitle')}</h2>
      <p className="hint">{t(firstAdmin ? 'setup.adminLead' : 'setup.clerksLead')}</p>
      {added && (
        <p className="notice" role="status" data-testid="clerk-added">
          {t('setup.clerkAdded', { name: added })}
        </p>
      )}
      <Field
        label={t('setup.clerkName')}
        autoComplete="off"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setAdded(null);
        }}
      />
      {roles.length > 1 && (
        <fieldset className="choices">
          <legend>{t('setup.role')}</legend>
          {roles.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span>{t(`setup.roles.${r}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {mismatch && (
        <p className="field-error" role="alert">
          {t('setup.passcodeMismatch')}
        </p>
      )}
      {name.trim() !== '' &&
        (first === null ? (
          <DigitPad
            key="first"
            label={t('setup.passcodeFirst')}
            onComplete={(p) => {
              setMismatch(false);
              setFirst(p);
            }}
          />
        ) : (
          <DigitPad key="second" label={t('setup.passcodeAgain')} onComplete={(p) => void second(p)} />
        ))}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
