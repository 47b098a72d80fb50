/**
 * Training mode's terminal: the simulator embedded in the services host on a folder of its own,
 * and a client pointed at it. Exports made from it carry the training watermark (`training: true`),
 * and nothing here is used when a real terminal folder is configured.
 */
import { join } from 'node:path';
import { SIMULATED_INSTITUTION_CODE } from '../population';
import { TerminalClient, type TerminalClientOptions } from './client';
import { TerminalSimulator, type TerminalSimulatorOptions } from './simulator/terminal-simulator';

export interface TrainingTerminal {
  readonly client: TerminalClient;
  readonly simulator: TerminalSimulator;
  /** Always true: passed on to exports so they carry the watermark. */
  readonly training: true;
  stop(): Promise<void>;
}

export async function startTrainingTerminal(
  terminalDir: string,
  options: { simulator?: Partial<TerminalSimulatorOptions>; client?: Partial<TerminalClientOptions> } = {},
): Promise<TrainingTerminal> {
  const simulator = new TerminalSimulator({ terminalDir, ...options.simulator });
  await simulator.start();
  const client = new TerminalClient({
    requestDir: join(terminalDir, 'req'), resultDir: join(terminalDir, 'res'), medicalInstitutionCode: SIMULATED_INSTITUTION_CODE, ...options.client,
  });
  return { client, simulator, training: true, stop: () => simulator.stop() };
}
