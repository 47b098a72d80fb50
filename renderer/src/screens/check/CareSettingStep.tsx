import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { tokyoIsoDate } from '../../format/dates';
import { ALTERNATE_ROUTE_REASONS, CARE_SETTING_IDS, settingNeedsReason, type AlternateRouteReason, type CareSettingId, type StepProps } from './vocabulary';

/** The clerk says how the patient is being seen and for which treatment date. */
export function CareSettingStep({ view, busy, send, today }: StepProps & { today: Date }) {
  const { t } = useTranslation();
  const [setting, setSetting] = useState<CareSettingId>('alternateRoute');
  const [reason, setReason] = useState<AlternateRouteReason | null>(null);
  const [treatmentDate, setTreatmentDate] = useState(() => tokyoIsoDate(today));
  const [missingReason, setMissingReason] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const needsReason = settingNeedsReason(setting);
    if (needsReason && reason === null) {
      setMissingReason(true);
      return;
    }
    send({ type: 'CHOOSE_CARE_SETTING', setting, reason: needsReason ? reason : null, treatmentDate });
  };

  return (
    <form className="panel" aria-labelledby="care-title" onSubmit={submit} noValidate>
      <h2 id="care-title">{t('check.careSetting.title')}</h2>
      <fieldset className="choices">
        <legend>{t('check.careSetting.setting')}</legend>
        {CARE_SETTING_IDS.map((id) => (
          <label key={id} className="choice">
            <input type="radio" name="setting" value={id} checked={setting === id} onChange={() => setSetting(id)} />
            <span>
              {t(`check.careSetting.settings.${id}`)}
              <small className="hint">{t(`check.careSetting.windows.${id}`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {settingNeedsReason(setting) && (
        <fieldset className="choices" aria-describedby={missingReason ? 'reason-missing' : undefined}>
          <legend>{t('check.careSetting.reason')}</legend>
          {ALTERNATE_ROUTE_REASONS.map((id) => (
            <label key={id} className="choice">
              <input
                type="radio"
                name="reason"
                value={id}
                checked={reason === id}
                onChange={() => {
                  setReason(id);
                  setMissingReason(false);
                }}
              />
              <span>{t(`check.careSetting.reasons.${id}`)}</span>
            </label>
          ))}
          {missingReason && (
            <p id="reason-missing" className="field-error" role="alert">
              {t('check.careSetting.reasonMissing')}
            </p>
          )}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="treatment-date">{t('check.careSetting.treatmentDate')}</label>
        <input id="treatment-date" type="date" required value={treatmentDate} onChange={(e) => setTreatmentDate(e.target.value)} />
      </div>
      <Notice notice={view.notice} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('check.careSetting.next')}
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'CANCEL' })}>
          {t('check.cancel')}
        </button>
      </div>
    </form>
  );
}
