/**
 * Renders a screen component to HTML the way React would for the first paint, with the real
 * locale files, so tests read what a person would read.
 */
import i18next from 'i18next';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import en from '../../renderer/locales/en.json';
import ja from '../../renderer/locales/ja.json';

let ready: Promise<unknown> | undefined;

export async function renderMarkup<P extends object>(component: ComponentType<P>, props: P, language: 'ja' | 'en' = 'ja'): Promise<string> {
  ready ??= i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    fallbackLng: 'ja',
    interpolation: { escapeValue: false },
  });
  await ready;
  await i18next.changeLanguage(language);
  return renderToStaticMarkup(createElement(component as ComponentType<object>, props));
}

/** The visible text of some markup, tags removed and whitespace collapsed. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}
