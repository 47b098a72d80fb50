/**
 * `onshi-cart demo` through pcscd: the virtual card in its own process behind pcscd + vpcd, the
 * simulators, store and audit, as hospital IT would run it. Figures: the time from the PIN's VERIFY
 * (or the 目視 confirmation) to the result, median of 50 checks per path, and checks per minute the
 * demo sustains (between its first and last line, start-up left out). The same demo with the
 * in-process virtual card runs alongside, so the cost of the PC/SC stack is read in one run.
 * It takes /tmp/pcscd.lock itself (waiting while other tests use pcscd) and starts and stops its
 * own pcscd and card process with the test harness.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import setupPcscd from '../harness/pcscd';
import { holdPcscdLock } from '../harness/pcscd-lock';
import { ONSHI_CART, onshiCartArgs } from '../harness/cli';
import { VirtualCardProcess } from '../harness/virtual-card-process';
import { median, type Benchmark } from './benchmark';

const CHECKS = 50;
/** The spirit for the screen: the result within a second of the patient's last key. */
const TARGET_IDENTITY_TO_RESULT_MS = 1_000;
/** Through pcscd the figure should stay within twice the in-process one. */
const PCSCD_OVER_IN_PROCESS_LIMIT = 2;

interface DemoFigures {
  identityToResultMedianMs: number;
  checksPerMinute: number;
}

/** Runs `onshi-cart demo --checks 50 --json <args>` and times its lines as they arrive. */
async function timeDemo(args: readonly string[]): Promise<DemoFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'demo-bench-'));
  try {
    const child = spawn(ONSHI_CART.node, onshiCartArgs(['demo', '--checks', String(CHECKS), '--json', '--data-dir', dataDir, ...args]), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const arrivals: number[] = [];
    const identityToResult: number[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as { identityToResultMs?: number };
      if (parsed.identityToResultMs === undefined) return;
      arrivals.push(performance.now());
      identityToResult.push(parsed.identityToResultMs);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0 || arrivals.length !== CHECKS) throw new Error(`demo ${args.join(' ')} ended with ${code} after ${arrivals.length} checks: ${stderr.slice(0, 300)}`);
    return {
      identityToResultMedianMs: Number(median(identityToResult).toFixed(1)),
      checksPerMinute: Number((((CHECKS - 1) * 60_000) / (arrivals.at(-1)! - arrivals[0]!)).toFixed(1)),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function throughPcscd(): Promise<{ pin: DemoFigures; visual: DemoFigures }> {
  const release = await holdPcscdLock();
  try {
    const teardown = await setupPcscd();
    try {
      const card = await VirtualCardProcess.insert({ contactless: true });
      try {
        const reader = ['--reader', card.readerName];
        return { pin: await timeDemo([...reader, '--pin-path']), visual: await timeDemo([...reader, '--visual-path']) };
      } finally {
        await card.stop();
      }
    } finally {
      await teardown();
    }
  } finally {
    release();
  }
}

const bench: Benchmark = {
  name: `demo through pcscd: identity to result (median of ${CHECKS}) and checks per minute, next to the in-process card`,
  async run() {
    const pcscd = await throughPcscd();
    const inProcess = await timeDemo(['--pin-path']);
    const ratio = Number((pcscd.pin.identityToResultMedianMs / inProcess.identityToResultMedianMs).toFixed(2));
    return {
      checks: CHECKS,
      pcscdPinVerifyToResultMedianMs: pcscd.pin.identityToResultMedianMs,
      pcscdPinChecksPerMinute: pcscd.pin.checksPerMinute,
      pcscdVisualConfirmToResultMedianMs: pcscd.visual.identityToResultMedianMs,
      pcscdVisualChecksPerMinute: pcscd.visual.checksPerMinute,
      inProcessPinVerifyToResultMedianMs: inProcess.identityToResultMedianMs,
      inProcessPinChecksPerMinute: inProcess.checksPerMinute,
      pcscdOverInProcess: ratio,
      targetIdentityToResultMs: TARGET_IDENTITY_TO_RESULT_MS,
      targetPcscdOverInProcess: PCSCD_OVER_IN_PROCESS_LIMIT,
      met: pcscd.pin.identityToResultMedianMs <= TARGET_IDENTITY_TO_RESULT_MS
        && pcscd.visual.identityToResultMedianMs <= TARGET_IDENTITY_TO_RESULT_MS
        && ratio <= PCSCD_OVER_IN_PROCESS_LIMIT,
    };
  },
};

export default bench;
