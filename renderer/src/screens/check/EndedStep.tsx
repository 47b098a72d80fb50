import { useTranslation } from 'react-i18next';

/** The check is over and its patient data is gone; what happened, and anything left queued. */
export function EndedStep({ outcome, queuedJobs, onNext }: { outcome: string | null; queuedJobs: readonly string[]; onNext(): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="ended-title">
      <h2 id="ended-title">{t(`ended.${outcome ?? 'cancelled'}`)}</h2>
      {queuedJobs.length > 0 && (
        <ul data-testid="queued-jobs">
          {queuedJobs.map((job) => (
            <li key={job}>{t(`jobs.kinds.${job.replace('.', '_')}`)}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button button-primary button-large" onClick={onNext}>
          {t('check.startNew')}
        </button>
      </div>
    </section>
  );
}
