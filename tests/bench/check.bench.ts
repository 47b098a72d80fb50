/**
 * A whole check as `onshi-cart demo` runs it (virtual card in this process, consent simulator over
 * loopback HTTPS, store and audit on disk): the time from sending the PIN's VERIFY to the result on
 * screen, median of 50, and checks per minute sustained over those 50. The PIN path includes the
 * card's RSA signature, the registration round trip and the audit rows being made durable first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCheckService } from '../../main/check/check-service';
import { runScriptedCheck } from '../../main/check/demo/scripted-check';
import { DEMO_PASSCODE, startTrainingStack } from '../../main/check/demo/training-stack';
import { median, type Benchmark } from './benchmark';

const CHECKS = 50;
/** The clerk waits at most about a second after the patient's last key press. */
const TARGET_VERIFY_TO_RESULT_MS = 1_000;
const TARGET_CHECKS_PER_MINUTE = 60;

const bench: Benchmark = {
  name: 'check: VERIFY to result (in-process virtual card + simulators, median of 50), checks per minute',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'check-bench-'));
    const stack = await startTrainingStack({ dataDir });
    try {
      const service = createCheckService({ ports: stack.ports, trainingMode: true, now: stack.now });
      const verifyToResult: number[] = [];
      const started = performance.now();
      for (let i = 0; i < CHECKS; i++) {
        const outcome = await runScriptedCheck(service, { path: 'pin', now: stack.now, pin: '1234', passcode: DEMO_PASSCODE });
        verifyToResult.push(outcome.identityToResultMs);
      }
      const checksPerMinute = Number(((CHECKS * 60_000) / (performance.now() - started)).toFixed(1));
      const verifyToResultMedianMs = Number(median(verifyToResult).toFixed(1));
      service.close();
      return {
        checks: CHECKS,
        verifyToResultMedianMs,
        checksPerMinute,
        targetVerifyToResultMs: TARGET_VERIFY_TO_RESULT_MS,
        targetChecksPerMinute: TARGET_CHECKS_PER_MINUTE,
        met: verifyToResultMedianMs <= TARGET_VERIFY_TO_RESULT_MS && checksPerMinute >= TARGET_CHECKS_PER_MINUTE,
        note: 'through the in-process virtual card; demo-pcscd.bench.ts measures the demo through pcscd',
      };
    } finally {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
