import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where the idle lock lands: the patient's data is gone from the screen. */
export function IdleLockedScreen() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="locked-title">
      <h2 id="locked-title">{t('unlock.title')}</h2>
      <p role="status" data-testid="idle-locked">
        {t('unlock.idleLocked')}
      </p>
      <Link to="/check" className="button button-primary">
        {t('unlock.backToCheck')}
      </Link>
    </section>
  );
}
