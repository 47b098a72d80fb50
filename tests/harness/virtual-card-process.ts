/**
 * The virtual card as a process of its own (`onshi-cart card virtual`), the way card tests and
 * benches put it into pcscd when the code under test makes blocking PC/SC calls: a card answering
 * from the same event loop as SCardTransmit would never answer. Starts the command with a config
 * file, waits for its `ready` line, pulls and puts back the card by SIGUSR2, stops it by SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { VirtualCardOptions } from '../../native/virtual-card/config';
import { ONSHI_CART, onshiCartArgs } from './cli';

const READY_WAIT_MS = 15_000;

export type CardLine = Record<string, unknown> & { event?: string };

export class VirtualCardProcess {
  readonly lines: CardLine[] = [];
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    private readonly configDir: string | undefined,
  ) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      this.lines.push(JSON.parse(line) as CardLine);
      for (const wake of this.waiters) wake();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      for (const wake of this.waiters) wake();
      resolve(code);
    }));
  }

  /** Spawns the command; `card` becomes its --config file, `args` are passed as they are. */
  static spawn(options: { card?: VirtualCardOptions; args?: readonly string[] } = {}): VirtualCardProcess {
    const configDir = options.card ? mkdtempSync(path.join(os.tmpdir(), 'onshi-card-')) : undefined;
    const config = configDir ? ['--config', path.join(configDir, 'card.json')] : [];
    if (configDir) writeFileSync(config[1]!, JSON.stringify(options.card));
    const child = spawn(ONSHI_CART.node, onshiCartArgs(['card', 'virtual', '--json', ...config, ...(options.args ?? [])]), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new VirtualCardProcess(child, configDir);
  }

  /** Spawns the card and resolves once pcscd has it in the reader. */
  static async insert(card: VirtualCardOptions = {}, args: readonly string[] = []): Promise<VirtualCardProcess> {
    const started = VirtualCardProcess.spawn({ card, args });
    try {
      await started.waitForLine((l) => l.event === 'ready', READY_WAIT_MS, 'the card ready in the reader');
    } catch (err) {
      await started.stop();
      throw err;
    }
    return started;
  }

  get readerName(): string {
    const started = this.lines.find((l) => l.event === 'started');
    if (typeof started?.reader !== 'string') throw new Error('virtual card process: no started line yet');
    return started.reader;
  }

  count(event: string): number {
    return this.lines.filter((l) => l.event === event).length;
  }

  /** Resolves with the first line (from the start) that matches, or fails after `ms`. */
  waitForLine(match: (line: CardLine) => boolean, ms: number, what: string): Promise<CardLine> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const found = this.lines.find(match);
        if (found) return finish(() => resolve(found));
        if (this.child.exitCode !== null) return finish(() => reject(new Error(`virtual card process exited before ${what}: ${this.stderr.slice(0, 500)}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`virtual card process: timed out waiting for ${what}`))), ms);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(look);
        settle();
      };
      this.waiters.add(look);
      look();
    });
  }

  /** Pulls the card out (SIGUSR2) and waits for the process to say so. */
  async pull(ms = 5_000): Promise<void> {
    const before = this.count('removed');
    this.child.kill('SIGUSR2');
    await this.waitForLine(() => this.count('removed') > before, ms, 'the card pulled');
  }

  /** Puts the card back (SIGUSR2) and waits until pcscd has it in the reader again. */
  async putBack(ms = 5_000): Promise<void> {
    const before = this.count('ready');
    this.child.kill('SIGUSR2');
    await this.waitForLine(() => this.count('ready') > before, ms, 'the card back in the reader');
  }

  /** SIGTERM (or the given signal), then the exit code; the config file goes too. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const code = await this.exited;
    if (this.configDir) rmSync(this.configDir, { recursive: true, force: true });
    return code;
  }
}
