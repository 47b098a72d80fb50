import { useTranslation } from 'react-i18next';
import type { TodayCheck } from '../../../../main/contract/channels/history';
import { formatTime } from '../../format/dates';

/** Today's checks: when, who, which patient, how it ended. */
export function TodayScreen({ checks }: { checks: readonly TodayCheck[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="today-title">
      <h2 id="today-title">{t('lists.today.title')}</h2>
      {checks.length === 0 ? (
        <p>{t('lists.today.none')}</p>
      ) : (
        <table className="table" data-testid="today-table">
          <thead>
            <tr>
              <th scope="col">{t('lists.today.time')}</th>
              <th scope="col">{t('lists.today.patient')}</th>
              <th scope="col">{t('lists.today.staff')}</th>
              <th scope="col">{t('lists.today.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id}>
                <td>{formatTime(new Date(c.checkedAt))}</td>
                <th scope="row">{c.patientName ?? '—'}</th>
                <td>{c.staffName ?? '—'}</td>
                <td>{t(`lists.today.outcomes.${c.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
