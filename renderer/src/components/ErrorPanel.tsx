import { useTranslation } from 'react-i18next';
import type { OnshiError } from '../ipc/onshi';

/** A failure as the clerk sees it: the sentence of what to do next, and the short code for support. */
export function ErrorPanel({ error }: { error: OnshiError }) {
  const { t } = useTranslation();
  return (
    <section className="panel panel-error" role="alert">
      <h2>{t('error.title')}</h2>
      <p className="error-message">{error.message}</p>
      <p className="error-code">
        {t('error.code')}: <code>{error.code}</code>
      </p>
    </section>
  );
}
