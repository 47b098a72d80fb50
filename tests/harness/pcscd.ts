/**
 * The one module that owns this machine's pcscd for tests. It starts pcscd when none is running
 * (and stops only a pcscd it started), offers stop/start/restart for recovery tests, and applies
 * the latency fix of pcsc-on-linux.md §6: the quick-ack route on 127.0.0.2, or, where the route
 * cannot be added, pcscd started with an LD_PRELOAD shim that sets TCP_NODELAY (compiled here with
 * gcc). As the "serial" project's globalSetup it then fails the run loudly when the median APDU
 * round trip through pcscd + vpcd is over 5 ms: slow card tests hide real timing bugs.
 * Always run card suites under `flock /tmp/pcscd.lock`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { smartcardBinding } from '../../native/pcsc/binding';
import { PcscTransport } from '../../native/pcsc/pcsc-transport';
import { CardInReader } from '../../native/virtual-card/card-in-reader';
import { VpcdCardClient, vpcdReaderName } from '../../native/virtual-card/vpcd-client';

const STATE_FILE = path.join(os.tmpdir(), 'onshi-cart-pcscd-harness.json');
const SHIM_SO = path.join(os.tmpdir(), 'onshi-cart-nodelay.so');
const LOG_FILE = path.join(os.tmpdir(), 'onshi-cart-pcscd.log');
const ROUTE = ['local', '127.0.0.2/32', 'dev', 'lo', 'table', 'local'];
export const MAX_MEDIAN_ROUND_TRIP_MS = 5;

interface HarnessState {
  /** pid of the pcscd this harness started; absent when pcscd was already running. */
  pid?: number;
  shim: boolean;
  routeAdded: boolean;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function readState(): HarnessState {
  if (!existsSync(STATE_FILE)) return { shim: false, routeAdded: false };
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as HarnessState;
}

function writeState(state: HarnessState): void {
  writeFileSync(STATE_FILE, JSON.stringify(state));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A pcscd this harness started carries a marker in its environment, so a later run recognises it
 * (e.g. after a run was killed before its teardown) and never mistakes someone else's for its own.
 * Earlier harness versions left only VITEST=true: a test process is allowed to start pcscd only here.
 */
const MARKER = 'ONSHI_PCSCD_HARNESS=1';

function startedByHarness(pid: number): boolean {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'pcscd') return false;
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return env.includes(MARKER) || env.includes('VITEST=true');
  } catch {
    return false;
  }
}

/** The running pcscd's pid, from the pid file it writes. */
function runningPcscdPid(): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync('/run/pcscd/pcscd.pid', 'utf8').trim(), 10);
    return Number.isInteger(pid) && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** pcscd answers when it lists the vpcd readers; a TCP probe of vpcd would look like a card. */
function pcscdReady(): boolean {
  try {
    const context = smartcardBinding.createContext();
    try {
      return context.listReaders().some((r) => r.name === vpcdReaderName());
    } finally {
      context.close();
    }
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`pcscd harness: ${what} within ${ms} ms (log: ${LOG_FILE})`);
    await sleep(50);
  }
}

function quickAckRoutePresent(): boolean {
  try {
    return /quickack 1/.test(execFileSync('ip', ['route', 'show', 'table', 'local', '127.0.0.2/32'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

function addQuickAckRoute(): boolean {
  try {
    execFileSync('ip', ['route', 'add', ...ROUTE, 'quickack', '1'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function buildShim(): string {
  const source = path.join(__dirname, 'nodelay-shim.c');
  execFileSync('gcc', ['-O2', '-shared', '-fPIC', '-o', SHIM_SO, source, '-ldl']);
  return SHIM_SO;
}

export interface PcscdOptions {
  /** pcscd's own logging flags, e.g. ['--debug', '--apdu'] for a test that reads what pcscd records. */
  readonly logFlags?: readonly ('--debug' | '--info' | '--apdu')[];
  /** Where pcscd's output goes instead of the harness log. */
  readonly logFile?: string;
}

/** Starts pcscd (ours) in its own session, with the shim when the state says so. */
export async function startPcscd(options: PcscdOptions = {}): Promise<void> {
  const state = readState();
  if (pcscdReady()) return;
  const log = openSync(options.logFile ?? LOG_FILE, 'a');
  const env = { ...process.env, ONSHI_PCSCD_HARNESS: '1', ...(state.shim ? { LD_PRELOAD: SHIM_SO } : {}) };
  const child = spawn('pcscd', ['--foreground', ...(options.logFlags ?? [])], { detached: true, stdio: ['ignore', log, log], env });
  // pcscd has its own copy of the descriptor; ours would stay open for every restart of a run.
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error('pcscd harness: could not start pcscd');
  writeState({ ...state, pid: child.pid });
  await waitFor(pcscdReady, 10_000, 'pcscd did not list the vpcd readers');
}

/** Stops the pcscd this harness started; a pcscd someone else runs is left alone. */
export async function stopPcscd(): Promise<void> {
  const state = readState();
  if (state.pid === undefined) throw new Error('pcscd harness: this pcscd was not started by the harness; not stopping it');
  if (alive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (alive(state.pid) && Date.now() < deadline) await sleep(50);
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  await waitFor(() => !existsSync('/run/pcscd/pcscd.comm') || !pcscdReady(), 5_000, 'pcscd did not stop');
}

export async function restartPcscd(options: PcscdOptions = {}): Promise<void> {
  await stopPcscd();
  await startPcscd(options);
}

/** Median round trip of a SELECT through pcscd + vpcd to a virtual card, in ms. */
export async function medianRoundTripMs(samples = 60): Promise<number> {
  const slot = new CardInReader({ kind: 'other' });
  const client = new VpcdCardClient(slot);
  const context = smartcardBinding.createContext();
  try {
    await client.whenConnected();
    await waitFor(() => context.listReaders().some((r) => r.name === client.readerName && (r.state & 0x20) !== 0), 5_000, 'the virtual card did not appear');
    const transport = await PcscTransport.connect(context, client.readerName);
    const select = Uint8Array.from(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
    const times: number[] = [];
    for (let i = 0; i < samples + 5; i++) {
      const started = process.hrtime.bigint();
      await transport.transmit(select);
      if (i >= 5) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    await transport.close();
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] as number;
  } finally {
    await client.stop();
    // The next card in this slot must be seen as a new insertion, not as this one still there.
    await waitFor(() => !context.listReaders().some((r) => r.name === client.readerName && (r.state & 0x20) !== 0), 5_000, 'the reader did not empty');
    context.close();
  }
}

/** globalSetup of the "serial" project: pcscd up, latency fixed and measured; teardown undoes ours. */
export default async function setup(): Promise<() => Promise<void>> {
  // A pcscd this harness started in a run that was killed before its teardown is still ours.
  const running = runningPcscdPid();
  const adopted = running !== undefined && startedByHarness(running) ? running : undefined;
  rmSync(STATE_FILE, { force: true });
  const alreadyRunning = pcscdReady();
  // ONSHI_PCSCD_FIX=shim exercises the fallback on a machine where the route could be added.
  const routeAdded = process.env.ONSHI_PCSCD_FIX !== 'shim' && !quickAckRoutePresent() && addQuickAckRoute();
  const shim = (process.env.ONSHI_PCSCD_FIX === 'shim' || !quickAckRoutePresent()) && !alreadyRunning;
  if (shim) buildShim();
  writeState(adopted === undefined ? { shim, routeAdded } : { pid: adopted, shim, routeAdded });
  if (!alreadyRunning) await startPcscd();
  const median = await medianRoundTripMs();
  const fix = shim ? 'LD_PRELOAD TCP_NODELAY shim' : quickAckRoutePresent() ? 'quick-ack route' : 'none';
  if (median > MAX_MEDIAN_ROUND_TRIP_MS) {
    await teardown();
    throw new Error(`pcscd harness: median APDU round trip ${median.toFixed(2)} ms is over ${MAX_MEDIAN_ROUND_TRIP_MS} ms (latency fix: ${fix}). See pcsc-on-linux.md §6: add the quick-ack route (needs root) or let the harness start pcscd with the shim.`);
  }
  process.stdout.write(`pcscd harness: median APDU round trip ${median.toFixed(2)} ms (${fix})\n`);
  return teardown;
}

async function teardown(): Promise<void> {
  const state = readState();
  if (state.pid !== undefined) await stopPcscd();
  if (state.routeAdded) {
    try {
      execFileSync('ip', ['route', 'del', ...ROUTE], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
  rmSync(STATE_FILE, { force: true });
}
