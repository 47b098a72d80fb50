/** Every subcommand of `onshi-cart`. A domain adds its commands here, in one line. */
import type { CliCommand } from '../command';
import { versionCommands } from './version';

export const allCommands: readonly CliCommand[] = [
  ...versionCommands,
];
