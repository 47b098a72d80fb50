import { useTranslation } from 'react-i18next';
import type { StepProps } from './vocabulary';

/** 健康保険証利用登録 for a card that is not yet registered, asked of the patient. */
export function InsuranceUseStep({ busy, send }: StepProps) {
  const { t } = useTranslation();
  return (
    <section className="panel patient" aria-labelledby="insurance-use-title">
      <h2 id="insurance-use-title">{t('insuranceUse.title')}</h2>
      <p>{t('insuranceUse.lead')}</p>
      <div className="actions actions-equal">
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'INSURANCE_USE_AGREE' })}>
          {t('insuranceUse.agree')}
        </button>
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'INSURANCE_USE_DECLINE' })}>
          {t('insuranceUse.decline')}
        </button>
      </div>
    </section>
  );
}

/** 処方箋の発行方法, where the institution uses 電子処方箋. */
export function PrescriptionStep({ busy, send }: StepProps) {
  const { t } = useTranslation();
  return (
    <section className="panel patient" aria-labelledby="prescription-title">
      <h2 id="prescription-title">{t('prescription.title')}</h2>
      <p>{t('prescription.lead')}</p>
      <div className="actions actions-equal">
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'CHOOSE_PRESCRIPTION', method: 'electronic' })}>
          {t('prescription.electronic')}
        </button>
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'CHOOSE_PRESCRIPTION', method: 'paper' })}>
          {t('prescription.paper')}
        </button>
      </div>
    </section>
  );
}

/** Steps where the services work and the screen waits: what is happening, and to keep the card still. */
export function ProgressStep({ view }: StepProps) {
  const { t } = useTranslation();
  const cardBusy = view.step === 'identity.verifying' || view.step === 'identity.signing';
  return (
    <section className="panel" aria-labelledby="progress-title" aria-busy="true">
      <h2 id="progress-title">{t(`progress.${view.step.replace('.', '_')}`, { defaultValue: t('progress.working') })}</h2>
      {cardBusy && <p className="emphasis">{t('card.keepStill')}</p>}
      <div className="progress" role="progressbar" aria-label={t('progress.working')} />
    </section>
  );
}
