import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { QualificationPanel } from '../../components/QualificationPanel';
import { formatDeadline } from '../../format/dates';
import type { StepProps } from './vocabulary';

const REFERENCE_PATTERN = /^[\x21-\x7e]{1,50}$/;

/** The clerk's result: the qualification, until when each item may be viewed, 照会番号 in one step, and finish. */
export function ResultStep({ view, busy, send, today }: StepProps & { today: string }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useState(false);
  const result = view.result;
  if (!result) return null;

  const register = (e: FormEvent) => {
    e.preventDefault();
    if (!REFERENCE_PATTERN.test(reference)) {
      setInvalid(true);
      return;
    }
    send({ type: 'REGISTER_REFERENCE', referenceNumber: reference });
  };
  const flagText = (flag: string) => t(`result.consFlg.${flag}`);

  return (
    <section className="panel" aria-labelledby="result-title">
      <h2 id="result-title">{t('result.title')}</h2>
      <p className="hint">{result.source === 'reinquiry' ? t('result.sourceReinquiry') : t('result.sourceConsent')}</p>
      <QualificationPanel qualification={result.qualification} onDate={view.careSetting?.treatmentDate ?? today} />

      <h3>{t('result.consentTitle')}</h3>
      <table className="table" data-testid="consent-deadlines">
        <thead>
          <tr>
            <th scope="col">{t('result.item')}</th>
            <th scope="col">{t('result.consent')}</th>
            <th scope="col">{t('result.viewableUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {result.consent.map((c) => (
            <tr key={c.item}>
              <th scope="row">{t(`consent.items.${c.item}`)}</th>
              <td>{flagText(c.consFlg)}</td>
              <td>{c.availableUntil ? formatDeadline(c.availableUntil) : t('result.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('result.whereToView')}</p>

      <form className="inline-form" onSubmit={register} noValidate>
        <div className="field">
          <label htmlFor="reference-number">{t('result.referenceNumber')}</label>
          <input
            id="reference-number"
            autoComplete="off"
            value={reference}
            aria-invalid={invalid}
            aria-describedby="reference-hint"
            onChange={(e) => {
              setReference(e.target.value);
              setInvalid(false);
            }}
          />
          <small id="reference-hint" className={invalid ? 'field-error' : 'hint'}>
            {t('result.referenceHint')}
          </small>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('result.registerReference')}
        </button>
      </form>
      <Notice notice={view.notice} />

      <div className="actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('result.print')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => send({ type: 'FINISH' })}>
          {t('result.finish')}
        </button>
      </div>
    </section>
  );
}
