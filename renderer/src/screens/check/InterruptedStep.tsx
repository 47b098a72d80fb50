import { useTranslation } from 'react-i18next';
import { useServiceMessage } from '../../components/Notice';
import type { StepProps } from './vocabulary';

/** The check stopped: what happened, what to do next, and (offline) the official fallbacks. */
export function InterruptedStep({ view, busy, send }: StepProps) {
  const { t } = useTranslation();
  const text = useServiceMessage();
  const stop = view.interruption;
  if (!stop) return null;
  return (
    <section className="panel panel-error" role="alert" aria-labelledby="interrupted-title">
      <h2 id="interrupted-title">{stop.kind === 'offline' ? t('interrupted.offlineTitle') : t('interrupted.failedTitle')}</h2>
      <p className="error-message" data-testid="interruption-message">
        {text(stop.code, stop.message)}
      </p>
      <p className="error-code">
        {t('error.code')}: <code>{stop.code}</code>
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => send({ type: 'RETRY' })}>
          {t('interrupted.retry')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => send({ type: 'CANCEL' })}>
          {t('check.cancel')}
        </button>
      </div>
      {stop.fallbacks.length > 0 && (
        <>
          <h3>{t('interrupted.fallbacksTitle')}</h3>
          <ul className="fallbacks">
            {stop.fallbacks.map((f) => (
              <li key={f.id}>
                <strong>{t(`interrupted.fallbacks.${f.id}.label`, { defaultValue: f.label })}</strong>
                <p>{t(`interrupted.fallbacks.${f.id}.howTo`, { defaultValue: f.howTo })}</p>
                <button type="button" className="button" disabled={busy} onClick={() => send({ type: 'USE_FALLBACK', fallback: f.id })}>
                  {t('interrupted.useFallback', { label: t(`interrupted.fallbacks.${f.id}.label`, { defaultValue: f.label }) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
