import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useOnshiEvent } from '../ipc/onshi';
import { useLoaded } from '../ipc/useLoaded';

/** The card readers the services see, refreshed live as readers and cards come and go. */
export function ReaderStatus() {
  const { t } = useTranslation();
  const load = useCallback(() => call('card.readers', {}), []);
  const { value, error, reload } = useLoaded(load);
  useOnshiEvent('card.reader', reload);
  useOnshiEvent('card.presence', reload);
  if (error) {
    return (
      <p data-testid="reader-status" role="status">
        {error.message}（{error.code}）
      </p>
    );
  }
  if (!value) return <p data-testid="reader-status">—</p>;
  if (value.readers.length === 0) {
    return (
      <p data-testid="reader-status" role="status">
        {t('start.noReader')}
      </p>
    );
  }
  return (
    <ul className="reader-list" data-testid="reader-status" aria-live="polite">
      {value.readers.map((r) => (
        <li key={r.name}>
          {r.name}：{r.cardPresent ? t('start.cardPresent') : t('start.cardAbsent')}
          {r.isDefault ? `（${t('start.defaultReader')}）` : ''}
        </li>
      ))}
    </ul>
  );
}
