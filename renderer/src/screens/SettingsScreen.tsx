import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardReader } from '../../../main/contract/channels/card';
import { isTrainingMode } from '../../../main/common/training';
import type { Settings } from '../../../main/contract/channels/settings';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { changeLanguage, LANGUAGES } from '../i18n';
import { toOnshiError, type OnshiError } from '../ipc/onshi';
import { CONSENT_ITEM_IDS } from './check/vocabulary';
import { endpointProblem } from './setup-validation';

const IDLE_CHOICES_SECONDS = [30, 60, 120, 180, 300, 600, 900, 1800] as const;

export interface SettingsScreenProps {
  settings: Settings;
  readers: readonly CardReader[];
  /** Whether the running services are in 研修モード: saved endpoints that say otherwise wait for a restart. */
  runningInTraining: boolean;
  /** Resolves with the settings as saved; rejects with the store's sentence when a value is refused. */
  onSave(settings: Settings): Promise<Settings>;
}

/** The institution's settings: reader, identity method, idle lock, consent items, 電子処方箋, endpoints, language. */
export function SettingsScreen({ settings, readers, runningInTraining, onSave }: SettingsScreenProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Settings>(settings);
  const [saved, setSaved] = useState<Settings | null>(null);
  const [error, setError] = useState<OnshiError | null>(null);
  const change = (patch: Partial<Settings>) => {
    setDraft({ ...draft, ...patch });
    setSaved(null);
  };
  const endpoint = draft.endpoints.consentGateway ?? '';
  const invalid = draft.enabledConsentItems.length === 0 || endpointProblem(endpoint) !== null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    setError(null);
    try {
      const stored = await onSave(draft);
      setDraft(stored);
      setSaved(stored);
      await changeLanguage(stored.language);
    } catch (err) {
      setError(toOnshiError(err));
    }
  };

  return (
    <form className="panel" aria-labelledby="settings-title" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="settings-title">{t('settings.title')}</h2>

      <div className="field">
        <label htmlFor="settings-reader">{t('settings.reader')}</label>
        <select id="settings-reader" value={draft.readerName ?? ''} onChange={(e) => change({ readerName: e.target.value || null })}>
          <option value="">{t('settings.readerAuto')}</option>
          {readers.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="choices">
        <legend>{t('settings.identityMethod')}</legend>
        {(['pin', 'visual'] as const).map((method) => (
          <label key={method} className="choice">
            <input type="radio" name="identity" checked={draft.defaultIdentityMethod === method} onChange={() => change({ defaultIdentityMethod: method })} />
            <span>{t(`settings.identityMethods.${method}`)}</span>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="settings-idle">{t('settings.idleLock')}</label>
        <select id="settings-idle" value={draft.idleLockSeconds} onChange={(e) => change({ idleLockSeconds: Number(e.target.value) })}>
          {IDLE_CHOICES_SECONDS.map((s) => (
            <option key={s} value={s}>
              {s < 60 ? t('settings.seconds', { count: s }) : t('settings.minutes', { count: s / 60 })}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="choices" aria-describedby={draft.enabledConsentItems.length === 0 ? 'items-missing' : undefined}>
        <legend>{t('settings.consentItems')}</legend>
        {CONSENT_ITEM_IDS.map((item) => (
          <label key={item} className="choice">
            <input
              type="checkbox"
              checked={draft.enabledConsentItems.includes(item)}
              onChange={(e) =>
                change({ enabledConsentItems: e.target.checked ? CONSENT_ITEM_IDS.filter((i) => i === item || draft.enabledConsentItems.includes(i)) : draft.enabledConsentItems.filter((i) => i !== item) })
              }
            />
            <span>{t(`consent.items.${item}`)}</span>
          </label>
        ))}
        {draft.enabledConsentItems.length === 0 && (
          <p id="items-missing" className="field-error" role="alert">
            {t('settings.consentItemsMissing')}
          </p>
        )}
      </fieldset>

      <label className="choice">
        <input type="checkbox" checked={draft.electronicPrescription} onChange={(e) => change({ electronicPrescription: e.target.checked })} />
        <span>{t('settings.electronicPrescription')}</span>
      </label>

      <Field
        label={t('settings.consentGateway')}
        hint={t('settings.consentGatewayHint')}
        type="url"
        autoComplete="off"
        value={endpoint}
        problem={endpointProblem(endpoint)}
        onChange={(e) => change({ endpoints: { ...draft.endpoints, consentGateway: e.target.value.trim() || null } })}
      />
      <Field
        label={t('setup.terminalFolder')}
        hint={t('setup.terminalFolderHint')}
        autoComplete="off"
        value={draft.endpoints.terminalFolder ?? ''}
        onChange={(e) => change({ endpoints: { ...draft.endpoints, terminalFolder: e.target.value.trim() || null } })}
      />

      <fieldset className="choices">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className="choice" lang={language}>
            <input type="radio" name="language" checked={draft.language === language} onChange={() => change({ language })} />
            <span>{t(`app.languages.${language}`)}</span>
          </label>
        ))}
      </fieldset>

      {error && <ErrorPanel error={error} />}
      {saved && (
        <p className="notice" role="status" data-testid="settings-saved">
          {t('settings.saved')}
          {isTrainingMode(saved) !== runningInTraining && ` ${t('settings.restartForEndpoints')}`}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={invalid}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
