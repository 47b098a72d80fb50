/**
 * The ready-made account of 研修モード: what an admin would have made on the 資格確認端末 (one
 * account, logged in once) plus an activation code already past its ten-minute wait, so training
 * starts at the app's own set-up screen.
 */
import type { ConsentSimulator } from './consent-simulator';

export const TRAINING_ACCOUNT = { userId: 'cart01', password: 'training-only', role: '2', startDate: '2020-04-01' } as const;

export interface TrainingAccount {
  readonly institutionCode: string;
  readonly userId: string;
  readonly password: string;
  readonly activationCode: string;
}

export function openTrainingAccount(sim: ConsentSimulator): TrainingAccount {
  sim.terminal.addAccount(TRAINING_ACCOUNT);
  const activationCode = sim.terminal.issueActivationCode(new Date(sim.clock.now().getTime() - 10 * 60_000));
  return {
    institutionCode: sim.terminal.medicalInstitutionCode,
    userId: TRAINING_ACCOUNT.userId,
    password: TRAINING_ACCOUNT.password,
    activationCode,
  };
}
