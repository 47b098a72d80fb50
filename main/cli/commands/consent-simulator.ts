/**
 * `onshi-cart simulator consent [--port P] [--json]`: the consent gateway simulator over HTTPS on
 * 127.0.0.1 for training and for tests in other processes. It prints where it listens, the
 * certificate to trust, and a ready account with an activation code already past its ten-minute
 * wait, then serves until Ctrl-C.
 */
import { AppError } from '../../contract/errors';
import { startConsentSimulator } from '../../oqs/consent/simulator/consent-simulator';
import { sharedWorld } from '../../oqs/consent/simulator/fixture-world';
import { openTrainingAccount } from '../../oqs/consent/simulator/training-account';
import type { CliCommand } from '../command';

function portOf(value: string | boolean | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || port > 65535) {
    throw new AppError('CLI_BAD_ARGUMENTS', '--port には 0〜65535 の数字を指定してください。', `port: ${String(value).slice(0, 20)}`);
  }
  return port;
}

export const consentSimulatorCommands: CliCommand[] = [
  {
    path: ['simulator', 'consent'],
    summary: '同意取得（居宅同意取得型）ゲートウェイのシミュレーターを起動します（研修・試験用）',
    options: { port: { type: 'string' } },
    async run({ values }, io) {
      const port = portOf(values.port);
      let sim;
      try {
        sim = await startConsentSimulator({ world: sharedWorld(), port });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
        throw new AppError('SIMULATOR_PORT_UNAVAILABLE', '指定したポートで起動できませんでした。別のポートを指定してください。', code);
      }
      const account = openTrainingAccount(sim);
      io.emit({
        listening: sim.url,
        notice: '研修用シミュレーターです。実際の資格確認ではありません。',
        medicalInstitutionCode: account.institutionCode,
        userId: account.userId,
        password: account.password,
        activationCode: account.activationCode,
        serverCertificatePem: sim.caPem,
      });
      await io.interrupted;
      const requests = sim.requestCount();
      await sim.close();
      return { stopped: true, requests };
    },
    render: (r) => `シミュレーターを停止しました（受け付けた要求 ${(r as { requests: number }).requests} 件）`,
  },
];
