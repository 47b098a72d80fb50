/**
 * The trainer's controls in 研修モード. With a real endpoint configured there is no training world,
 * and every call says so instead of touching anything.
 */
import { AppError } from '../../contract/errors';
import type { TrainingState } from '../../contract/channels/training';
import type { EventHub } from '../event-hub';
import type { Handlers } from '../handler-table';
import type { TrainingCard } from '../compose/training-card';
import type { TrainingWorld } from '../compose/training-world';

type TrainingChannel = 'training.state' | 'training.setNetwork' | 'training.setVirtualCard';

export const TrainingErrors = {
  notTraining: () => new AppError('TRAINING_ONLY', 'この操作は研修モードでのみ使えます。'),
  readerAttached: () =>
    new AppError('TRAINING_READER_ATTACHED', 'カードリーダーが接続されているため、仮想カードは使いません。リーダーにカードを置いてください。'),
};

export function trainingHandlers(deps: { world: TrainingWorld | null; card: TrainingCard | null; events: EventHub }): Pick<Handlers, TrainingChannel> {
  let networkUp = true;
  const training = () => {
    if (!deps.world || !deps.card) throw TrainingErrors.notTraining();
    return { world: deps.world, card: deps.card };
  };
  const state = (): TrainingState => {
    const { card } = training();
    return { networkUp, card: card.readsFrom(), virtualCardPresent: card.virtualCardPresent() };
  };
  deps.card?.onChange(() => deps.events.emit('training.changed', state()));

  return {
    'training.state': () => state(),
    'training.setNetwork': async ({ up }) => {
      const { world } = training();
      if (up) await world.consent.acceptConnections();
      else await world.consent.refuseConnections();
      networkUp = up;
      deps.events.emit('training.changed', state());
      return state();
    },
    'training.setVirtualCard': ({ present }) => {
      const { card } = training();
      if (card.readsFrom() === 'reader') throw TrainingErrors.readerAttached();
      card.setVirtualCardPresent(present);
      return state();
    },
  };
}
