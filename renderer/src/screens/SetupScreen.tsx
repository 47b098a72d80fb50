import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivationStep, type ActivationForm, type ActivationOutcome } from './ActivationStep';
import { ClerkPasscodes, type NewClerk } from './ClerkPasscodes';

export interface SetupScreenProps {
  /** The mode the services run in now; choosing the other one saves the endpoints for a restart. */
  hostMode: ActivationForm['mode'];
  /** In 研修モード, the simulator's ready account; otherwise the endpoints already saved. */
  prefill: Partial<ActivationForm>;
  /** The device is activated already (set-up stopped before the administrator was registered). */
  activated: boolean;
  /** Rejects with the gateway's refusal, whose sentence says what the admin must do on the 資格確認端末. */
  onActivate(form: ActivationForm): Promise<ActivationOutcome>;
  onAddAdmin(admin: NewClerk): Promise<void>;
}

/**
 * Once per laptop: terms, the 資格確認端末 account and activation code, then the first
 * administrator's passcode. Once an administrator exists the services move the cart to the unlock
 * screen; further clerks are added by an administrator in the settings.
 */
export function SetupScreen({ hostMode, prefill, activated, onActivate, onAddAdmin }: SetupScreenProps) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<'terms' | 'account' | 'admin'>(activated ? 'admin' : 'terms');
  const [accepted, setAccepted] = useState(false);

  if (stage === 'account') return <ActivationStep hostMode={hostMode} prefill={prefill} onActivate={onActivate} onActivated={() => setStage('admin')} />;
  if (stage === 'admin') return <ClerkPasscodes roles={['admin']} onAddClerk={onAddAdmin} />;
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
