/**
 * 研修モード's outside world, inside the services host: the consent gateway simulator on loopback
 * HTTPS with its ready training account, and the simulated 資格確認端末 on a folder of its own.
 * Started only when no real endpoint is configured; nothing here is reachable otherwise.
 */
import { join } from 'node:path';
import { startConsentSimulator, type ConsentSimulator } from '../../oqs/consent/simulator/consent-simulator';
import { sharedWorld } from '../../oqs/consent/simulator/fixture-world';
import { openTrainingAccount, type TrainingAccount } from '../../oqs/consent/simulator/training-account';
import { startTrainingTerminal, type TrainingTerminal } from '../../oqs/terminal/training';

export interface TrainingWorld {
  readonly consent: ConsentSimulator;
  readonly account: TrainingAccount;
  readonly terminal: TrainingTerminal;
  close(): Promise<void>;
}

export async function startTrainingWorld(dataDir: string): Promise<TrainingWorld> {
  const consent = await startConsentSimulator({ world: sharedWorld() });
  try {
    const terminal = await startTrainingTerminal(join(dataDir, 'training-terminal'));
    return {
      consent,
      account: openTrainingAccount(consent),
      terminal,
      async close() {
        await terminal.stop();
        await consent.close();
      },
    };
  } catch (err) {
    await consent.close();
    throw err;
  }
}
