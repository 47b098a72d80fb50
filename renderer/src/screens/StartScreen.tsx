import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/ErrorPanel';
import { ReaderStatus } from '../components/ReaderStatus';
import { formatTime, formatWarekiDate } from '../format/dates';
import { useAppInfo } from '../ipc/useAppInfo';

/** The first screen: today's date, whether the services answer, in which mode, and the card readers. */
export function StartScreen() {
  const { t } = useTranslation();
  const { info, error } = useAppInfo();
  if (error) return <ErrorPanel error={error} />;
  const now = info ? new Date(info.now) : undefined;
  return (
    <section className="panel" aria-labelledby="start-title">
      <h2 id="start-title">{t('start.title')}</h2>
      <dl className="facts">
        <dt>{t('start.today')}</dt>
        <dd data-testid="today">{now ? `${formatWarekiDate(now)} ${formatTime(now)}` : '—'}</dd>
        <dt>{t('start.services')}</dt>
        <dd data-testid="services-state">{info ? t('start.connected') : t('start.connecting')}</dd>
        <dt>{t('start.mode')}</dt>
        <dd data-testid="mode">{info ? (info.trainingMode ? t('start.modeTraining') : t('start.modeLive')) : '—'}</dd>
        <dt>{t('start.version')}</dt>
        <dd data-testid="version">{info ? `${info.version}（${t(`start.transport.${info.transport}`)}）` : '—'}</dd>
        <dt>{t('start.readers')}</dt>
        <dd>
          <ReaderStatus />
        </dd>
      </dl>
    </section>
  );
}
