/**
 * The clients of the two OQS interfaces for this installation: the simulators in 研修モード, the
 * configured endpoints otherwise — never one for the other. The mode is fixed when the services
 * start; a real endpoint saved while they run in 研修モード stops the simulators from answering
 * until the restart, so a cart configured for real never gets a simulated answer. The consent
 * client goes through the injected transport (Electron's net.fetch in the app) or Node's https
 * stand-in.
 */
import { isTrainingMode } from '../../common/training';
import { AppError } from '../../contract/errors';
import { ConsentGatewayClient } from '../../oqs/consent';
import { createNodeHttpsTransport } from '../../oqs/consent/node-https-transport';
import { TerminalClient } from '../../oqs/terminal/client';
import type { Settings } from '../../contract/channels/settings';
import type { HostAdapters } from '../host-config';
import type { TrainingWorld } from './training-world';
import { join } from 'node:path';

export const GatewayErrors = {
  noTerminalFolder: () =>
    new AppError('TERMINAL_NOT_CONFIGURED', '資格確認端末の共有フォルダが設定されていません。管理者が設定画面で指定してください。'),
  noInstitution: () =>
    new AppError('DEVICE_NOT_ACTIVATED', 'この端末はアクティベートされていません。管理者が初期設定を行ってください。'),
  restartForEndpoints: () =>
    new AppError('ENDPOINTS_CHANGED_RESTART', '接続先が実際のシステムに変更されたため、研修用のシミュレーターは使えません。アプリを再起動してください。'),
};

/** The simulators, while the saved settings still say 研修モード; throws once they name a real gateway. */
export function simulatorsOf(settings: Settings, world: TrainingWorld | null): TrainingWorld | null {
  if (world && !isTrainingMode(settings)) throw GatewayErrors.restartForEndpoints();
  return world;
}

export function consentClientFor(settings: Settings, adapters: HostAdapters | undefined, training: TrainingWorld | null): ConsentGatewayClient {
  const world = simulatorsOf(settings, training);
  if (world) {
    return new ConsentGatewayClient({ baseUrl: world.consent.url, transport: createNodeHttpsTransport({ ca: world.consent.caPem }) });
  }
  const baseUrl = settings.endpoints.consentGateway;
  if (!baseUrl) throw new AppError('CONSENT_NOT_CONFIGURED', '同意取得の接続先が設定されていません。管理者が設定画面で指定してください。');
  return new ConsentGatewayClient({ baseUrl, transport: adapters?.httpTransport ?? createNodeHttpsTransport() });
}

export function terminalClientFor(settings: Settings, institutionCode: string | null, training: TrainingWorld | null): TerminalClient {
  const world = simulatorsOf(settings, training);
  if (world) return world.terminal.client;
  const folder = settings.endpoints.terminalFolder;
  if (!folder) throw GatewayErrors.noTerminalFolder();
  if (!institutionCode) throw GatewayErrors.noInstitution();
  return new TerminalClient({ requestDir: join(folder, 'req'), resultDir: join(folder, 'res'), medicalInstitutionCode: institutionCode });
}
