/**
 * One check played the way a clerk and a patient would, through the check service: care setting,
 * すべて同意, the card, then the PIN (the virtual card's) or 目視 with the clerk's passcode, the
 * result, done. Resolves once the check's audit rows are durable.
 */
import { performance } from 'node:perf_hooks';
import { tokyoDate } from '../../common/tokyo-time';
import { AppError } from '../../contract/errors';
import type { CheckStep, CheckView } from '../../contract/channels/check';
import type { CheckService, CheckSummary } from '../check-service';

export type DemoPath = 'pin' | 'visual';

const STEP_TIMEOUT_MS = 30_000;

function waitForStep(service: CheckService, steps: readonly CheckStep[]): Promise<CheckView> {
  return new Promise((resolve, reject) => {
    const check = (view: CheckView | null) => {
      if (!view) return false;
      if (steps.includes(view.step)) return finish(() => resolve(view));
      if (view.step === 'interrupted' || view.step === 'ended') {
        const why = view.interruption ?? { code: 'DEMO_UNEXPECTED_END', message: 'デモの資格確認が途中で終わりました。' };
        return finish(() => reject(new AppError(why.code, why.message, `at ${view.step}`)));
      }
      return false;
    };
    const timer = setTimeout(() => finish(() => reject(new AppError('DEMO_TIMEOUT', 'デモの資格確認が時間内に進みませんでした。', `waited for ${steps.join('|')}, stuck at ${service.current()?.step ?? 'none'}${service.current()?.card.problem ? ` (card ${service.current()?.card.problem})` : ''}`))), STEP_TIMEOUT_MS);
    let off: () => void = () => undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      off();
      settle();
      return true;
    };
    if (!check(service.current())) off = service.subscribe((view) => void check(view));
  });
}

export async function runScriptedCheck(
  service: CheckService,
  options: { path: DemoPath; now: () => Date; pin: string; passcode: string },
): Promise<CheckSummary & { result: NonNullable<CheckView['result']>['qualification']; identityToResultMs: number }> {
  await service.start();
  service.send({ type: 'CHOOSE_CARE_SETTING', setting: 'alternateRoute', reason: 'readerBroken', treatmentDate: tokyoDate(options.now()) });
  service.send({ type: 'AGREE_ALL' });
  service.send({ type: 'CONSENT_CONFIRM' });
  await waitForStep(service, ['identity.choosing']);
  let identifiedAt: number;
  if (options.path === 'pin') {
    service.send({ type: 'CHOOSE_PIN' });
    await waitForStep(service, ['identity.pinEntry']);
    identifiedAt = performance.now();
    service.send({ type: 'PIN_SUBMITTED', pin: options.pin });
  } else {
    service.send({ type: 'CHOOSE_VISUAL' });
    identifiedAt = performance.now();
    service.send({ type: 'VISUAL_CONFIRMED', passcode: options.passcode });
  }
  const view = await waitForStep(service, ['result', 'prescription']);
  const result = view.step === 'prescription' ? (service.send({ type: 'CHOOSE_PRESCRIPTION', method: 'paper' }), await waitForStep(service, ['result'])) : view;
  const identityToResultMs = performance.now() - identifiedAt;
  const qualification = result.result!.qualification;
  service.send({ type: 'FINISH' });
  const summary = await service.ended();
  return { ...summary, result: qualification, identityToResultMs };
}
