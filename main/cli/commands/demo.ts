/**
 * `onshi-cart demo --checks N [--pin-path|--visual-path] [--reader NAME] [--data-dir DIR] [--json]`:
 * N scripted training checks in a row through the real services (check machine, JPKI driver, the
 * virtual card in this process or, with --reader, whatever card sits in that PC/SC reader — the
 * virtual card behind pcscd — the simulators, store and audit). One JSON line per check as soon as
 * its audit rows are durable, with the time from identity to result; it serves training, load
 * tests and the benchmark. Always 研修モード.
 */
import { TRAINING_NOTICE } from '../../common/training';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { createCheckService } from '../../check/check-service';
import { selectCheckPorts } from '../../check/port-selection';
import { runScriptedCheck, type DemoPath } from '../../check/demo/scripted-check';
import { DEMO_PASSCODE, startTrainingStack } from '../../check/demo/training-stack';
import { pcscCardSource } from '../../check/adapters/card-sources';
import { smartcardBinding } from '../../../native/pcsc/binding';
import { ReaderMonitor } from '../../../native/pcsc/reader-monitor';
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

const READER_WAIT_MS = 5_000;

/** The named reader, once PC/SC shows a card in it. */
async function watchReader(name: string): Promise<ReaderMonitor> {
  const monitor = new ReaderMonitor(smartcardBinding, { defaultReader: name, pollMs: 200 });
  monitor.start();
  const deadline = Date.now() + READER_WAIT_MS;
  while (!monitor.readers().some((r) => r.name === name && r.cardPresent)) {
    if (Date.now() > deadline) {
      await monitor.stop();
      throw new AppError('DEMO_NO_CARD', '指定したカードリーダーにカードが見つかりません。リーダー名を確かめ、カードを置いてからもう一度お試しください。', `reader: ${name.slice(0, 80)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return monitor;
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
      reader: { type: 'string' },
    },
    async run({ values }, io) {
      const checks = countOf(values.checks);
      if (values['pin-path'] && values['visual-path']) throw badOption('--pin-path and --visual-path exclude each other');
      const path: DemoPath = values['visual-path'] ? 'visual' : 'pin';
      const given = values['data-dir'] as string | undefined;
      const dataDir = given ?? (await mkdtemp(join(tmpdir(), 'onshi-cart-demo-')));
      const readerName = values.reader as string | undefined;
      const monitor = readerName === undefined ? null : await watchReader(readerName);
      const stack = await startTrainingStack({
        dataDir,
        ...(monitor ? { card: { ...pcscCardSource(monitor), probe: () => monitor.connect() } } : {}),
      }).catch(async (err: unknown) => {
        await monitor?.stop();
        throw err;
      });
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
          // The time from the PIN's VERIFY (or the 目視 confirmation) to the result: the benchmark's figure.
          io.emit({ checkId: outcome.checkId, auditSeqs: outcome.auditSeqs, result: outcome.result, identityToResultMs: Number(outcome.identityToResultMs.toFixed(2)) });
        }
        service.close();
      } finally {
        await stack.close();
        await monitor?.stop();
        if (given === undefined) await rm(dataDir, { recursive: true, force: true });
      }
      return { checks: done, path, trainingMode: true, notice: TRAINING_NOTICE };
    },
    render: (r) => {
      const { checks, notice } = r as { checks: number; notice: string };
      return `${notice}\nデモの資格確認 ${checks} 件が終わりました。`;
    },
  },
];
