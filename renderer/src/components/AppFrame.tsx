import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAppInfo } from '../ipc/useAppInfo';
import { useAudience } from './Audience';
import { LanguageSwitch } from './LanguageSwitch';

const CLERK_LINKS = [
  ['/', 'nav.start'],
  ['/check', 'nav.check'],
  ['/today', 'nav.today'],
  ['/references', 'nav.references'],
  ['/jobs', 'nav.jobs'],
  ['/settings', 'nav.settings'],
  ['/audit', 'nav.audit'],
] as const;

/**
 * Header, the training banner on every screen (patient screens included), and the page body. The
 * clerk's menu is hidden while the screen is turned to the patient.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const audience = useAudience();
  return (
    <div className="frame" data-audience={audience}>
      {info?.trainingMode && (
        <div className="training-banner" role="status" data-testid="training-banner">
          {t('app.trainingBanner')}
        </div>
      )}
      <header className="app-header">
        <h1 className="app-title">{t('app.name')}</h1>
        {audience === 'clerk' && (
          <nav aria-label={t('nav.label')}>
            <ul className="nav-links">
              {CLERK_LINKS.map(([to, key]) => (
                <li key={to}>
                  <NavLink to={to} end className="nav-link">
                    {t(key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <LanguageSwitch />
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
