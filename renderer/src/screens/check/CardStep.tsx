import { useTranslation } from 'react-i18next';
import type { StepProps } from './vocabulary';

/** The card goes on the reader and stays there; live card problems come in with each view. */
export function CardStep({ view, send }: StepProps) {
  const { t } = useTranslation();
  const reading = view.step === 'card.reading';
  const problem = view.card.problem;
  return (
    <section className="panel patient" aria-labelledby="card-title" aria-busy={reading}>
      <h2 id="card-title">{reading ? t('card.reading') : t('card.place')}</h2>
      {(reading || view.card.contactless) && (
        <p className="emphasis" data-testid="keep-still">
          {t('card.keepStill')}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="card-problem">
          {t(`card.problem.${problem}`)}
        </p>
      )}
      {reading ? <div className="progress" role="progressbar" aria-label={t('card.reading')} /> : <p>{t('card.placeHint')}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => send({ type: 'CANCEL' })}>
          {t('check.cancel')}
        </button>
      </div>
    </section>
  );
}
