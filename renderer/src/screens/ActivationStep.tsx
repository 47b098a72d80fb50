import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { toOnshiError, type OnshiError } from '../ipc/onshi';
import { endpointProblem, institutionCodeProblem, userIdProblem } from './setup-validation';

export interface ActivationForm {
  institutionCode: string;
  userId: string;
  password: string;
  activationCode: string;
  mode: 'training' | 'live';
  endpoint: string;
  terminalFolder: string;
}

/** Activated, or (when the other mode was chosen) the endpoints saved for the next start. */
export type ActivationOutcome = 'activated' | 'savedForRestart';

const EMPTY: Omit<ActivationForm, 'mode'> = { institutionCode: '', userId: '', password: '', activationCode: '', endpoint: '', terminalFolder: '' };

interface ActivationStepProps {
  hostMode: ActivationForm['mode'];
  prefill: Partial<ActivationForm>;
  onActivate(form: ActivationForm): Promise<ActivationOutcome>;
  onActivated(): void;
}

/**
 * The 資格確認端末 account, the activation code and where to connect. A refusal is shown as the
 * gateway's sentence, which says what the admin must do on the 資格確認端末. The services decide
 * the mode when they start, so choosing the other one only saves the endpoints until a restart.
 */
export function ActivationStep({ hostMode, prefill, onActivate, onActivated }: ActivationStepProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ActivationForm>({ ...EMPTY, mode: hostMode, ...prefill });
  const [refusal, setRefusal] = useState<OnshiError | null>(null);
  const [savedForRestart, setSavedForRestart] = useState(false);
  const [sending, setSending] = useState(false);
  const set = (key: keyof ActivationForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const live = form.mode === 'live';
  const switching = form.mode !== hostMode;
  const endpointsComplete = !live || (form.endpoint !== '' && !endpointProblem(form.endpoint) && form.terminalFolder.trim() !== '');
  const accountComplete =
    form.institutionCode.length === 10 &&
    !institutionCodeProblem(form.institutionCode) &&
    form.userId !== '' &&
    !userIdProblem(form.userId) &&
    form.password !== '' &&
    form.activationCode.trim() !== '';
  const complete = endpointsComplete && (switching || accountComplete);

  const activate = async (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    setSending(true);
    setRefusal(null);
    try {
      const outcome = await onActivate({ ...form, activationCode: form.activationCode.trim() });
      setForm({ ...form, password: '', activationCode: '' });
      if (outcome === 'savedForRestart') setSavedForRestart(true);
      else onActivated();
    } catch (err) {
      setRefusal(toOnshiError(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="panel" aria-labelledby="account-title" onSubmit={(e) => void activate(e)} noValidate>
      <h2 id="account-title">{t('setup.accountTitle')}</h2>
      <p className="hint">{t('setup.accountLead')}</p>
      <fieldset className="choices">
        <legend>{t('setup.mode')}</legend>
        {(['training', 'live'] as const).map((mode) => (
          <label key={mode} className="choice">
            <input type="radio" name="mode" value={mode} checked={form.mode === mode} onChange={() => setForm({ ...form, mode })} />
            <span>{t(`setup.modes.${mode}`)}</span>
          </label>
        ))}
      </fieldset>
      {live && (
        <>
          <Field label={t('setup.endpoint')} hint={t('setup.endpointHint')} type="url" autoComplete="off" value={form.endpoint} onChange={set('endpoint')} problem={endpointProblem(form.endpoint)} />
          <Field label={t('setup.terminalFolder')} hint={t('setup.terminalFolderHint')} autoComplete="off" value={form.terminalFolder} onChange={set('terminalFolder')} />
        </>
      )}
      {!switching && (
        <>
          <Field label={t('setup.institutionCode')} hint={t('setup.institutionCodeHint')} inputMode="numeric" autoComplete="off" maxLength={12} value={form.institutionCode} onChange={set('institutionCode')} problem={institutionCodeProblem(form.institutionCode)} />
          <Field label={t('setup.userId')} hint={t('setup.userIdHint')} autoComplete="off" value={form.userId} onChange={set('userId')} problem={userIdProblem(form.userId)} />
          <Field label={t('setup.password')} type="password" autoComplete="off" value={form.password} onChange={set('password')} />
          <Field label={t('setup.activationCode')} hint={t('setup.activationCodeHint')} autoComplete="off" value={form.activationCode} onChange={set('activationCode')} />
        </>
      )}
      {refusal && <ErrorPanel error={refusal} />}
      {savedForRestart && (
        <p className="notice" role="status" data-testid="saved-for-restart">
          {t('setup.savedForRestart')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!complete || sending}>
          {t(switching ? 'setup.saveEndpoints' : 'setup.register')}
        </button>
      </div>
    </form>
  );
}
