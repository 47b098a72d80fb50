/**
 * Japanese first, English second. Every string the UI shows lives in renderer/locales/*.json.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ja from '../../locales/ja.json';
import en from '../../locales/en.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'onshi.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ja';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: 'ja',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
