import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/ErrorPanel';
import { useServiceMessage } from '../components/Notice';
import { useAttempt } from '../ipc/useAttempt';
import type { OnshiError } from '../ipc/onshi';

/**
 * When the OS key that protects the saved data is gone, nothing saved can be read and nobody can
 * sign in. The administrator may start over as on a new cart, after reading what that deletes: the
 * button stays off until they say so, since a key that failed only for a moment would come back.
 */
export function KeyLostScreen({ error, onDiscard }: { error: OnshiError; onDiscard(): Promise<void> }) {
  const { t } = useTranslation();
  const text = useServiceMessage();
  const [understood, setUnderstood] = useState(false);
  const { error: failed, attempt } = useAttempt();
  return (
    <section className="panel panel-error" aria-labelledby="key-lost-title">
      <h2 id="key-lost-title">{t('keyLost.title')}</h2>
      <p className="error-message" data-testid="key-lost-message">
        {text(error.code, error.message)}
      </p>
      <p>{t('keyLost.firstTry')}</p>
      <label className="choice">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        <span>{t('keyLost.understood')}</span>
      </label>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={!understood} onClick={() => void attempt(onDiscard)}>
          {t('keyLost.discard')}
        </button>
      </div>
      {failed && <ErrorPanel error={failed} />}
    </section>
  );
}
