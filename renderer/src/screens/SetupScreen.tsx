import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivationStep, type ActivationForm } from './ActivationStep';
import { ClerkPasscodes, type NewClerk } from './ClerkPasscodes';

export interface SetupScreenProps {
  /** Rejects with the gateway's refusal, whose sentence says what the admin must do on the 資格確認端末. */
  onActivate(form: ActivationForm): Promise<void>;
  onAddClerk(clerk: NewClerk): Promise<void>;
  onFinish(): void;
}

/** Once per laptop: terms, the 資格確認端末 account and activation code, then each clerk's passcode. */
export function SetupScreen({ onActivate, onAddClerk, onFinish }: SetupScreenProps) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<'terms' | 'account' | 'clerks'>('terms');
  const [accepted, setAccepted] = useState(false);

  if (stage === 'account') return <ActivationStep onActivate={onActivate} onActivated={() => setStage('clerks')} />;
  if (stage === 'clerks') return <ClerkPasscodes onAddClerk={onAddClerk} onFinish={onFinish} />;
  return (
    <section className="panel" aria-labelledby="terms-title">
      <h2 id="terms-title">{t('setup.termsTitle')}</h2>
      <div className="terms" tabIndex={0} aria-label={t('setup.termsTitle')}>
        {(t('setup.terms', { returnObjects: true }) as string[]).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <label className="choice">
        <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
        <span>{t('setup.acceptTerms')}</span>
      </label>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={!accepted} onClick={() => setStage('account')}>
          {t('setup.next')}
        </button>
      </div>
    </section>
  );
}
