/**
 * 研修モード in one place: the sentence every screen and export of a training cart carries, and how
 * a cart knows it is one (no real consent gateway configured).
 */
import type { Settings } from '../contract/channels/settings';

export const TRAINING_NOTICE = '研修モード：実際の資格確認ではありません';

export function isTrainingMode(settings: Pick<Settings, 'endpoints'>): boolean {
  return settings.endpoints.consentGateway === null;
}
