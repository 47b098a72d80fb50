import { useTranslation } from 'react-i18next';
import { formatDeadline } from '../../format/dates';

/** Work waiting for the network, as the job queue shows it: never its payload. */
export interface QueuedJob {
  id: number;
  kind: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  nextRunAt: string;
  lastError: string | null;
}

/** Queued jobs, with a retry for the ones that gave up. */
export function JobsScreen({ jobs, onRetry }: { jobs: readonly QueuedJob[]; onRetry(id: number): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('lists.jobs.title')}</h2>
      {jobs.length === 0 ? (
        <p>{t('lists.jobs.none')}</p>
      ) : (
        <table className="table" data-testid="jobs-table">
          <thead>
            <tr>
              <th scope="col">{t('lists.jobs.kind')}</th>
              <th scope="col">{t('lists.jobs.state')}</th>
              <th scope="col">{t('lists.jobs.attempts')}</th>
              <th scope="col">{t('lists.jobs.next')}</th>
              <th scope="col">{t('lists.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row">{t(`jobs.kinds.${job.kind.replace('.', '_')}`, { defaultValue: job.kind })}</th>
                <td>
                  {t(`lists.jobs.states.${job.state}`)}
                  {job.lastError && <code className="error-code"> {job.lastError}</code>}
                </td>
                <td>{job.attempts}</td>
                <td>{job.state === 'pending' ? formatDeadline(job.nextRunAt) : '—'}</td>
                <td>
                  {job.state === 'failed' && (
                    <button type="button" className="button button-small" onClick={() => onRetry(job.id)}>
                      {t('lists.jobs.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
