/**
 * `onshi-cart demo --checks N [--pin-path|--visual-path] [--data-dir DIR] [--json]`: N scripted
 * training checks in a row through the real services (check machine, JPKI driver, virtual card,
 * simulators, store, audit). One JSON line per check as soon as its audit rows are durable; it
 * serves training, load tests and the benchmark. Always 研修モード.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { createCheckService } from '../../check/check-service';
import { selectCheckPorts } from '../../check/port-selection';
import { runScriptedCheck, type DemoPath } from '../../check/demo/scripted-check';
import { DEMO_PASSCODE, startTrainingStack } from '../../check/demo/training-stack';
import type { CliCommand } from '../command';

const MAX_CHECKS = 100_000;
/** The virtual card's PIN (native/virtual-card default): the demo patient knows it. */
const VIRTUAL_CARD_PIN = '1234';

const badOption = (detail: string) =>
  new AppError('CLI_BAD_OPTION', 'オプションの指定に誤りがあります。onshi-cart demo の使い方をご確認ください。', detail);

function countOf(value: string | boolean | undefined): number {
  const n = Number(value ?? '1');
  if (!(typeof value === 'string' || value === undefined) || !Number.isInteger(n) || n < 1 || n > MAX_CHECKS) {
    throw badOption(`--checks must be 1–${MAX_CHECKS}`);
  }
  return n;
}

export const demoCommands: CliCommand[] = [
  {
    path: ['demo'],
    summary: '研修用の資格確認を指定回数つづけて実行します（仮想カードとシミュレーター、研修モード）',
    options: {
      checks: { type: 'string' },
      'pin-path': { type: 'boolean' },
      'visual-path': { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    async run({ values }, io) {
      const checks = countOf(values.checks);
      if (values['pin-path'] && values['visual-path']) throw badOption('--pin-path and --visual-path exclude each other');
      const path: DemoPath = values['visual-path'] ? 'visual' : 'pin';
      const given = values['data-dir'] as string | undefined;
      const dataDir = given ?? (await mkdtemp(join(tmpdir(), 'onshi-cart-demo-')));
      const stack = await startTrainingStack({ dataDir });
      let done = 0;
      let stopped = false;
      void io.interrupted.then(() => (stopped = true));
      try {
        const ports = selectCheckPorts(true, {
          training: () => stack.ports,
          real: () => {
            throw badOption('demo runs in training mode only');
          },
        });
        const service = createCheckService({ ports, trainingMode: true, now: stack.now });
        for (; done < checks && !stopped; done += 1) {
          const outcome = await runScriptedCheck(service, { path, now: stack.now, pin: VIRTUAL_CARD_PIN, passcode: DEMO_PASSCODE });
          io.emit({ checkId: outcome.checkId, auditSeqs: outcome.auditSeqs, result: outcome.result });
        }
        service.close();
      } finally {
        await stack.close();
        if (given === undefined) await rm(dataDir, { recursive: true, force: true });
      }
      return { checks: done, path, trainingMode: true, notice: '研修モード：実際の資格確認ではありません' };
    },
    render: (r) => {
      const { checks, notice } = r as { checks: number; notice: string };
      return `${notice}\nデモの資格確認 ${checks} 件が終わりました。`;
    },
  },
];
