import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DigitPad } from '../components/DigitPad';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { toOnshiError, type OnshiError } from '../ipc/onshi';

export interface NewClerk {
  name: string;
  passcode: string;
}

/** Each clerk's 4-digit local passcode, typed twice on the pad; the app keeps none of them here. */
export function ClerkPasscodes({ onAddClerk, onFinish }: { onAddClerk(clerk: NewClerk): Promise<void>; onFinish(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [first, setFirst] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [added, setAdded] = useState<string[]>([]);
  const [error, setError] = useState<OnshiError | null>(null);

  const second = async (passcode: string) => {
    if (passcode !== first) {
      setFirst(null);
      setMismatch(true);
      return;
    }
    setFirst(null);
    try {
      await onAddClerk({ name: name.trim(), passcode });
      setAdded([...added, name.trim()]);
      setName('');
      setError(null);
    } catch (err) {
      setError(toOnshiError(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="clerks-title">
      <h2 id="clerks-title">{t('setup.clerksTitle')}</h2>
      <p className="hint">{t('setup.clerksLead')}</p>
      {added.length > 0 && (
        <ul data-testid="clerks-added">
          {added.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <Field label={t('setup.clerkName')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
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
      <div className="actions">
        <button type="button" className="button button-primary" disabled={added.length === 0} onClick={onFinish}>
          {t('setup.finish')}
        </button>
      </div>
    </section>
  );
}
