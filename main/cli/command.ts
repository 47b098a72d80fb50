/**
 * What every `onshi-cart` subcommand is: a path of words, its options, and a run function that
 * returns a JSON-able result. The runner prints it (as JSON with --json), and any failure becomes
 * a non-zero exit with the error's code, so hospital IT can script every command.
 */
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  /** Standard input as text, read only when a command asks (a PIN is never an argument). */
  readStdin(): Promise<string>;
  /** A line for a long-running command (`card watch`, `demo`): printed as it happens. */
  emit(line: unknown): void;
  /** Set when the user asked for JSON. */
  readonly json: boolean;
  /** Resolves when the user pressed Ctrl-C or the process got SIGTERM. */
  readonly interrupted: Promise<void>;
}

export interface CliCommand {
  /** e.g. ['card', 'readers'] for `onshi-cart card readers`. */
  readonly path: readonly string[];
  readonly summary: string;
  readonly options?: OptionSpec;
  /** Takes positional arguments (e.g. a file name). */
  readonly positionals?: boolean;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIo): Promise<unknown>;
  /** How to show the result without --json; JSON is printed when absent. */
  render?(result: unknown): string;
}
