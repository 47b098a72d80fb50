import { useTranslation } from 'react-i18next';
import { useTurnScreenTo } from '../../components/Audience';
import { ErrorPanel } from '../../components/ErrorPanel';
import { tokyoIsoDate } from '../../format/dates';
import { CardStep } from './CardStep';
import { CareSettingStep } from './CareSettingStep';
import { InsuranceUseStep, PrescriptionStep, ProgressStep } from './ChoiceSteps';
import { ConsentStep } from './ConsentStep';
import { EndedStep } from './EndedStep';
import { IdentityStep } from './IdentityStep';
import { InterruptedStep } from './InterruptedStep';
import { ResultStep } from './ResultStep';
import type { CheckHandle, StepProps } from './vocabulary';

function Step(props: StepProps & { today: Date; onNext(): void }) {
  const { view } = props;
  const [group] = view.step.split('.');
  switch (group) {
    case 'careSetting':
      return <CareSettingStep {...props} />;
    case 'consent':
      return <ConsentStep {...props} />;
    case 'card':
      return <CardStep {...props} />;
    case 'identity':
      return ['identity.choosing', 'identity.visual', 'identity.pinEntry', 'identity.blocked'].includes(view.step) ? <IdentityStep {...props} /> : <ProgressStep {...props} />;
    case 'insuranceUse':
      return view.step === 'insuranceUse.asking' ? <InsuranceUseStep {...props} /> : <ProgressStep {...props} />;
    case 'prescription':
      return <PrescriptionStep {...props} />;
    case 'result':
      return <ResultStep {...props} today={tokyoIsoDate(props.today)} />;
    case 'interrupted':
      return <InterruptedStep {...props} />;
    case 'ended':
      return <EndedStep outcome={view.outcome} queuedJobs={view.queuedJobs} onNext={props.onNext} />;
    default:
      return <ProgressStep {...props} />;
  }
}

/** One screen per state of the check machine; the services host decides which. */
export function CheckScreen({ check, today }: { check: CheckHandle; today: Date }) {
  const { t } = useTranslation();
  const { view, error, busy, start, send } = check;
  useTurnScreenTo(view?.audience ?? 'clerk');
  return (
    <div className={view?.audience === 'patient' ? 'check check-patient' : 'check'} data-step={view?.step ?? 'none'} data-testid="check">
      {error && <ErrorPanel error={error} />}
      {view ? (
        <Step view={view} busy={busy} send={(e) => void send(e)} today={today} onNext={() => void start()} />
      ) : (
        <section className="panel" aria-labelledby="check-idle-title">
          <h2 id="check-idle-title">{t('check.idleTitle')}</h2>
          <p>{t('check.idleLead')}</p>
          <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => void start()}>
            {t('check.startNew')}
          </button>
        </section>
      )}
    </div>
  );
}
