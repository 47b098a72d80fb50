import { useTranslation } from 'react-i18next';
import type { OnshiError } from '../ipc/onshi';
import { useServiceMessage } from './Notice';

/** A failure as the clerk sees it: the sentence of what to do next, and the short code for support. */
export function ErrorPanel({ error }: { error: OnshiError }) {
  const { t } = useTranslation();
  const text = useServiceMessage();
  return (
    <section className="panel panel-error" role="alert">
      <h2>{t('error.title')}</h2>
      <p className="error-message">{text(error.code, error.message)}</p>
      <p className="error-code">
        {t('error.code')}: <code>{error.code}</code>
      </p>
    </section>
  );
}
