import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import type { StepProps } from './vocabulary';

/**
 * The patient's consent, turned to the patient: large type, only the items the institution
 * enabled, すべて同意 and 同意しない side by side with the same weight, then a confirm step with 戻る.
 */
export function ConsentStep({ view, busy, send }: StepProps) {
  const { t } = useTranslation();
  const confirming = view.step === 'consent.confirming';
  const answer = (agreed: boolean | null) => (agreed === null ? t('consent.unanswered') : agreed ? t('consent.agree') : t('consent.disagree'));

  if (confirming) {
    return (
      <section className="panel patient" aria-labelledby="consent-title">
        <h2 id="consent-title">{t('consent.confirmTitle')}</h2>
        <p>{t('consent.confirmLead')}</p>
        <dl className="facts facts-large" data-testid="consent-summary">
          {view.consent.items.map((i) => (
            <div key={i.item} className="fact-row">
              <dt>{t(`consent.items.${i.item}`)}</dt>
              <dd>{answer(i.agreed)}</dd>
            </div>
          ))}
        </dl>
        <div className="actions actions-equal">
          <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'BACK' })}>
            {t('consent.back')}
          </button>
          <button type="button" className="button button-large button-primary" disabled={busy} onClick={() => send({ type: 'CONSENT_CONFIRM' })}>
            {t('consent.confirm')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel patient" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p>{t('consent.lead')}</p>
      <div className="actions actions-equal">
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'AGREE_ALL' })}>
          {t('consent.agreeAll')}
        </button>
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'DISAGREE_ALL' })}>
          {t('consent.disagreeAll')}
        </button>
      </div>
      <h3>{t('consent.perItem')}</h3>
      <ul className="consent-items">
        {view.consent.items.map((i) => (
          <li key={i.item} className="consent-item">
            <span className="consent-item-label" id={`item-${i.item}`}>
              {t(`consent.items.${i.item}`)}
            </span>
            <div className="actions actions-equal" role="group" aria-labelledby={`item-${i.item}`}>
              <button type="button" className="button" aria-pressed={i.agreed === true} disabled={busy} onClick={() => send({ type: 'SET_ITEM', item: i.item, agreed: true })}>
                {t('consent.agree')}
              </button>
              <button type="button" className="button" aria-pressed={i.agreed === false} disabled={busy} onClick={() => send({ type: 'SET_ITEM', item: i.item, agreed: false })}>
                {t('consent.disagree')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <Notice notice={view.notice} />
      <div className="actions">
        <button type="button" className="button button-large button-primary" disabled={busy} onClick={() => send({ type: 'CONSENT_NEXT' })}>
          {t('consent.next')}
        </button>
      </div>
      <label className="choice choice-quiet">
        <input
          type="checkbox"
          checked={view.consent.enteredBy === 'staff'}
          onChange={(e) => send({ type: 'SET_ENTERED_BY', enteredBy: e.target.checked ? 'staff' : 'patient' })}
        />
        <span>{t('consent.enteredByStaff')}</span>
      </label>
    </section>
  );
}
