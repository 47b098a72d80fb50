/**
 * `onshi-cart`: the command line for hospital IT. Every command prints JSON with --json and exits
 * non-zero on failure, with the error's code and a plain Japanese sentence on stderr.
 */
import { parseArgs } from 'node:util';
import { toAppError } from '../contract/errors';
import type { CliCommand, CliIo } from './command';
import { allCommands } from './commands';

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  let best: { command: CliCommand; rest: string[] } | undefined;
  for (const command of allCommands) {
    const n = command.path.length;
    if (argv.length >= n && command.path.every((w, i) => argv[i] === w)) {
      if (!best || n > best.command.path.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

function usage(): string {
  const lines = allCommands.map((c) => `  onshi-cart ${c.path.join(' ')}  ${c.summary}`);
  return ['使い方 / usage: onshi-cart <command> [--json]', ...lines].join('\n');
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function interruption(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function main(argv: string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  const found = findCommand(argv);
  if (!found) {
    const unknown = argv.filter((a) => !a.startsWith('-')).join(' ');
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write((wantsJson ? JSON.stringify({ commands: allCommands.map((c) => ({ command: c.path.join(' '), summary: c.summary })) }) : usage()) + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    const error = { code: 'CLI_UNKNOWN_COMMAND', message: `不明なコマンドです: ${unknown}` };
    process.stderr.write(wantsJson ? JSON.stringify({ ok: false, error }) + '\n' : `${error.message}\n${usage()}\n`);
    return 2;
  }
  const { command, rest } = found;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...(command.options ?? {}) }, allowPositionals: command.positionals ?? false, strict: true });
  } catch (err) {
    const error = { code: 'CLI_BAD_ARGUMENTS', message: `引数が正しくありません: ${(err as Error).message}` };
    process.stderr.write(wantsJson ? JSON.stringify({ ok: false, error }) + '\n' : `${error.message}\n`);
    return 2;
  }
  const io: CliIo = {
    json: wantsJson,
    readStdin,
    emit: (line) => process.stdout.write((wantsJson ? JSON.stringify(line) : typeof line === 'string' ? line : JSON.stringify(line)) + '\n'),
    interrupted: interruption(),
  };
  try {
    const result = await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, io);
    if (result !== undefined) {
      const text = wantsJson || !command.render ? JSON.stringify(result, null, wantsJson ? undefined : 2) : command.render(result);
      process.stdout.write(text + '\n');
    }
    return 0;
  } catch (err) {
    const error = toAppError(err).toShape();
    process.stderr.write(wantsJson ? JSON.stringify({ ok: false, error }) + '\n' : `[${error.code}] ${error.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(String(err) + '\n'); process.exitCode = 1; },
  );
}
