import { useTranslation } from 'react-i18next';
import { DigitPad } from '../../components/DigitPad';
import { Notice, useServiceMessage } from '../../components/Notice';
import type { StepProps } from './vocabulary';

function TriesLeft({ view }: { view: StepProps['view'] }) {
  const { t } = useTranslation();
  const text = useServiceMessage();
  const tries = view.card.pinTriesLeft;
  return (
    <>
      {tries !== null && (
        <p className="emphasis" data-testid="tries-left">
          {t('identity.triesLeft', { count: tries })}
        </p>
      )}
      {view.identity.lastTryWarning && (
        <p className="warning" role="alert" data-testid="last-try-warning">
          {text('PIN_LAST_TRY', view.identity.lastTryWarning)}
        </p>
      )}
    </>
  );
}

/** The clerk chooses how to confirm identity: the patient's PIN, or 目視 of the card photo. */
function ChooseMethod({ view, busy, send }: StepProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity.chooseTitle')}</h2>
      {view.card.pinSet ? (
        <TriesLeft view={view} />
      ) : (
        <p className="emphasis" data-testid="no-pin">
          {t('identity.noPin')}
        </p>
      )}
      <div className="actions actions-equal">
        <button type="button" className="button button-large" disabled={busy || !view.card.pinSet || view.card.pinTriesLeft === 0} onClick={() => send({ type: 'CHOOSE_PIN' })}>
          {t('identity.usePin')}
        </button>
        <button type="button" className="button button-large" disabled={busy} onClick={() => send({ type: 'CHOOSE_VISUAL' })}>
          {t('identity.useVisual')}
        </button>
      </div>
      <p className="hint">{t('identity.visualHint')}</p>
    </section>
  );
}

/** 目視: the clerk compares the card photo with the face and confirms with their own passcode. */
function VisualCheck({ view, busy, send }: StepProps) {
  const { t } = useTranslation();
  const pinUsable = view.card.pinSet && (view.card.pinTriesLeft === null || view.card.pinTriesLeft > 0);
  return (
    <section className="panel" aria-labelledby="visual-title">
      <h2 id="visual-title">{t('identity.visualTitle')}</h2>
      <p>{t('identity.visualLead')}</p>
      <Notice notice={view.notice} />
      <DigitPad label={t('identity.visualPasscode')} disabled={busy} onComplete={(passcode) => send({ type: 'VISUAL_CONFIRMED', passcode })} />
      {pinUsable && (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => send({ type: 'CHOOSE_PIN' })}>
            {t('identity.switchToPin')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The patient's own PIN, on a pad that shows only dots. */
function PinEntry({ view, busy, send }: StepProps) {
  const { t } = useTranslation();
  return (
    <section className="panel patient" aria-labelledby="pin-title">
      <h2 id="pin-title">{t('identity.pinTitle')}</h2>
      <p className="emphasis">{t('identity.pinByPatient')}</p>
      <TriesLeft view={view} />
      <Notice notice={view.notice} />
      <DigitPad label={t('identity.pinLabel')} disabled={busy} onComplete={(pin) => send({ type: 'PIN_SUBMITTED', pin })} />
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => send({ type: 'CHOOSE_VISUAL' })}>
          {t('identity.switchToVisual')}
        </button>
      </div>
    </section>
  );
}

/** The PIN is locked: where the patient can reset it, and 目視 for today. */
function Blocked({ view, busy, send }: StepProps) {
  const { t } = useTranslation();
  const text = useServiceMessage();
  return (
    <section className="panel panel-error" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('identity.blockedTitle')}</h2>
      <p>{t('identity.blockedLead')}</p>
      <ul data-testid="reset-routes">
        {(view.identity.resetRoutes ?? []).map((route, i) => (
          <li key={i}>{text(`PIN_RESET_ROUTE_${i + 1}`, route)}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button button-large button-primary" disabled={busy} onClick={() => send({ type: 'CHOOSE_VISUAL' })}>
          {t('identity.switchToVisual')}
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'CANCEL' })}>
          {t('check.cancel')}
        </button>
      </div>
    </section>
  );
}

export function IdentityStep(props: StepProps) {
  switch (props.view.step) {
    case 'identity.visual':
      return <VisualCheck {...props} />;
    case 'identity.pinEntry':
      return <PinEntry {...props} />;
    case 'identity.blocked':
      return <Blocked {...props} />;
    default:
      return <ChooseMethod {...props} />;
  }
}
