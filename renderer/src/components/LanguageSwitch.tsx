import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          className="button button-small"
          aria-pressed={i18n.language === language}
          lang={language}
          onClick={() => void changeLanguage(language)}
        >
          {t(`app.languages.${language}`)}
        </button>
      ))}
    </div>
  );
}
