/**
 * `onshi-cart card virtual` as hospital IT or a test bench runs it: a separate process that waits
 * for pcscd, shows up in the vpcd reader as a My Number card, can be pulled and put back by signal,
 * and stops cleanly on Ctrl-C. A bad config file is refused before anything starts.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PCSC, smartcardBinding } from '../../native/pcsc/binding';
import { startPcscd, stopPcscd } from '../harness/pcscd';
import { waitUntil } from './jpki-slot';

const run = promisify(execFile);
// One process (node with the tsx loader), so signals reach the command itself.
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const;
const CLI = path.resolve('main/cli/index.ts');
const READER = 'Virtual PCD 00 00';

function cardShown(): boolean {
  try {
    const context = smartcardBinding.createContext();
    try {
      return context.listReaders().some((r) => r.name === READER && (r.state & PCSC.STATE_PRESENT) !== 0);
    } finally {
      context.close();
    }
  } catch {
    return false;
  }
}

function startCard(args: string[]): { child: ChildProcess; lines: Record<string, unknown>[]; exited: Promise<number | null> } {
  const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, 'card', 'virtual', '--json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

describe('onshi-cart card virtual', () => {
  let running: ReturnType<typeof startCard> | undefined;
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGINT');
      await running.exited;
    }
    running = undefined;
    await startPcscd();
    await waitUntil(() => !cardShown(), 5_000, 'reader empty');
  });

  it('waits for pcscd, appears as a JPKI card, is pulled and reinserted by SIGUSR2, and stops on Ctrl-C', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-card-'));
    const config = path.join(dir, 'card.json');
    writeFileSync(config, JSON.stringify({ authPinTries: 2 }));
    await stopPcscd();
    running = startCard(['--config', config]);
    await waitUntil(() => running!.lines.some((l) => l.event === 'started'), 15_000, 'started line');
    expect(running.lines[0]).toMatchObject({ event: 'started', reader: READER, atr: '3BE000FF8131FE4514' });
    await new Promise((done) => setTimeout(done, 500));
    expect(running.lines.some((l) => l.event === 'connected')).toBe(false);
    await startPcscd();
    await waitUntil(cardShown, 10_000, 'card shown after pcscd came up');
    const { stdout } = await run('opensc-tool', ['--reader', READER, '-n']);
    expect(stdout.trim()).toBe('jpki');
    running.child.kill('SIGUSR2');
    await waitUntil(() => !cardShown(), 3_000, 'card pulled');
    running.child.kill('SIGUSR2');
    await waitUntil(cardShown, 3_000, 'card back');
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect(running.lines.at(-1)).toMatchObject({ stopped: true });
    expect(running.lines.map((l) => l.event)).toEqual(expect.arrayContaining(['connected', 'removed', 'inserted']));
  });

  it.each([
    ['a config that is not JSON', 'not json', 'JSON'],
    ['a PIN that is not 4 digits', JSON.stringify({ authPin: '12a4' }), 'authPin'],
    ['an unknown setting', JSON.stringify({ pin: '1234' }), 'pin'],
  ])('refuses %s with CLI_BAD_ARGUMENTS and never starts', async (_name, content, mention) => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'onshi-card-')), 'bad.json');
    writeFileSync(file, content);
    const failed = await run(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, 'card', 'virtual', '--json', '--config', file]).then(() => undefined, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    const { error } = JSON.parse(failed!.stderr) as { error: { code: string; message: string; detail?: string } };
    expect(error.code).toBe('CLI_BAD_ARGUMENTS');
    expect(`${error.message} ${error.detail ?? ''}`).toContain(mention);
    expect(cardShown()).toBe(false);
  });
});
