/** Every subcommand of `onshi-cart`. A domain adds its commands here, in one line. */
import type { CliCommand } from '../command';
import { auditCommands } from './audit';
import { auditCollectorCommands } from './audit-collector';
import { cardCommands } from './card';
import { cardVirtualCommands } from './card-virtual';
import { consentSimulatorCommands } from './consent-simulator';
import { demoCommands } from './demo';
import { inquiryCommands } from './inquiry';
import { jobsCommands } from './jobs';
import { simulatorCommands } from './simulator';
import { versionCommands } from './version';

export const allCommands: readonly CliCommand[] = [
  ...versionCommands,
  ...consentSimulatorCommands,
  ...cardCommands,
  ...cardVirtualCommands,
  ...simulatorCommands,
  ...auditCommands,
  ...auditCollectorCommands,
  ...inquiryCommands,
  ...jobsCommands,
  ...demoCommands,
];
