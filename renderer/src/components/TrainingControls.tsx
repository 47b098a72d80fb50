import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingState } from '../../../main/contract/channels/training';
import { call, useOnshiEvent } from '../ipc/onshi';
import { useAttempt } from '../ipc/useAttempt';
import { ErrorPanel } from './ErrorPanel';

/**
 * The trainer's controls in 研修モード, on every screen (the patient's too: in training the trainer
 * plays the patient's card): cut the simulated network and bring it back, and put the virtual card
 * on the reader or take it off when the laptop has no card reader.
 */
export function TrainingControls() {
  const { t } = useTranslation();
  const [state, setState] = useState<TrainingState | null>(null);
  const { error, attempt } = useAttempt();
  useEffect(() => {
    let live = true;
    call('training.state', {}).then(
      (s) => live && setState(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  useOnshiEvent('training.changed', useCallback((s: TrainingState) => setState(s), []));
  if (!state) return null;

  const act = (work: () => Promise<TrainingState>) => void attempt(async () => setState(await work()));
  return (
    <section className="training-controls" aria-labelledby="training-controls-title" data-testid="training-controls">
      <h2 id="training-controls-title">{t('training.title')}</h2>
      <div className="actions">
        <button type="button" className="button" aria-pressed={!state.networkUp} onClick={() => act(() => call('training.setNetwork', { up: !state.networkUp }))}>
          {t(state.networkUp ? 'training.cutNetwork' : 'training.restoreNetwork')}
        </button>
        {state.card === 'virtual' && (
          <button
            type="button"
            className="button"
            aria-pressed={state.virtualCardPresent}
            onClick={() => act(() => call('training.setVirtualCard', { present: !state.virtualCardPresent }))}
          >
            {t(state.virtualCardPresent ? 'training.takeCard' : 'training.placeCard')}
          </button>
        )}
      </div>
      <p className="hint" role="status" data-testid="training-status">
        {t(state.networkUp ? 'training.networkUp' : 'training.networkDown')}
        {state.card === 'virtual' ? ` ${t(state.virtualCardPresent ? 'training.cardOn' : 'training.cardOff')}` : ` ${t('training.readerInUse')}`}
      </p>
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
