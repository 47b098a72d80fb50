import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../ipc/useAppInfo';
import { LanguageSwitch } from './LanguageSwitch';

/** Header, the training banner on every screen, and the page body. */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  return (
    <div className="frame">
      {info?.trainingMode && (
        <div className="training-banner" role="status" data-testid="training-banner">
          {t('app.trainingBanner')}
        </div>
      )}
      <header className="app-header">
        <h1 className="app-title">{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
