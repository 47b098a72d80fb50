import { useTranslation } from 'react-i18next';

/**
 * A sentence from the services host (Japanese, what to do next) with its code. In another
 * language the locale's sentence for that code is shown when there is one.
 */
export function useServiceMessage(): (code: string, message: string) => string {
  const { t, i18n } = useTranslation();
  return (code, message) => (i18n.language === 'ja' ? message : t(`serviceMessages.${code}`, { defaultValue: message }));
}

export function Notice({ notice }: { notice: { code: string; message: string } | null }) {
  const text = useServiceMessage();
  if (!notice) return null;
  return (
    <p className="field-error" role="alert" data-testid="notice">
      {text(notice.code, notice.message)}
    </p>
  );
}
