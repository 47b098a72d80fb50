/** A simulated terminal on a temp folder and a client pointed at it, with short test timings. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerminalClient, type TerminalClientOptions } from '../../../main/oqs/terminal/client';
import { TerminalSimulator, type TerminalSimulatorOptions } from '../../../main/oqs/terminal/simulator/terminal-simulator';
import { SIMULATED_INSTITUTION_CODE, type PopulationPerson } from '../../../main/oqs/population';
import type { SearchInfo } from '../../../main/oqs/terminal/elements';

export interface Rig {
  readonly dir: string;
  readonly simulator: TerminalSimulator;
  client(options?: Partial<TerminalClientOptions>): TerminalClient;
  close(): Promise<void>;
}

export async function startRig(options: Partial<TerminalSimulatorOptions> = {}): Promise<Rig> {
  const dir = await mkdtemp(join(tmpdir(), 'oqs-terminal-'));
  const simulator = new TerminalSimulator({ terminalDir: dir, delayMs: [5, 30], batchProcessingMs: 150, pollMs: 30, slowDelayMs: 5_000, ...options });
  await simulator.start();
  return {
    dir,
    simulator,
    client: (o = {}) => new TerminalClient({
      requestDir: join(dir, 'req'), resultDir: join(dir, 'res'), medicalInstitutionCode: SIMULATED_INSTITUTION_CODE,
      pollMs: 30, settleMs: 10, answerTimeoutMs: 5_000, ...o,
    }),
    close: async () => {
      await simulator.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The 照会条件 a clinic would send for this person. */
export function searchFor(p: Pick<PopulationPerson, 'InsurerNumber' | 'InsuredCardSymbol' | 'InsuredIdentificationNumber' | 'InsuredBranchNumber' | 'Birthdate'>): SearchInfo {
  return { InsurerNumber: p.InsurerNumber, InsuredCardSymbol: p.InsuredCardSymbol, InsuredIdentificationNumber: p.InsuredIdentificationNumber, InsuredBranchNumber: p.InsuredBranchNumber, Birthdate: p.Birthdate };
}
