/**
 * Which ports a check runs on. Training mode builds the simulators and the virtual card; with a
 * real endpoint configured only the real factory is ever called, a failure there is the answer
 * (never a quiet fallback), and a simulator that slipped in anyway is refused.
 */
import { CheckErrors } from './errors';
import type { CheckPorts } from './ports';

export interface CheckPortFactories {
  real(): CheckPorts;
  training(): CheckPorts;
}

/** The ports that reach outside the laptop and therefore have a simulator twin. */
const EXTERNAL_PORTS = ['card', 'consent', 'terminal'] as const;

export function assertNoSimulator(ports: CheckPorts): void {
  for (const name of EXTERNAL_PORTS) {
    if (ports[name].origin !== 'real') throw CheckErrors.simulatorInRealMode(name);
  }
}

export function selectCheckPorts(trainingMode: boolean, factories: CheckPortFactories): CheckPorts {
  if (trainingMode) return factories.training();
  const ports = factories.real();
  assertNoSimulator(ports);
  return ports;
}
