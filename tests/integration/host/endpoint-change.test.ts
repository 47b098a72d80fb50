/**
 * The mode is fixed when the services start: after an administrator saves a real consent gateway
 * on a cart running in 研修モード, the simulators answer nothing more. A check stops with the
 * sentence that asks for a restart instead of getting a simulated qualification.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consentClientFor, terminalClientFor } from '../../../main/host/compose/gateways';
import type { TrainingWorld } from '../../../main/host/compose/training-world';
import type { ServicesHost } from '../../../main/host/services-host';
import { channelCaller } from '../../helpers/host-calls';
import { signedInTrainingHost } from '../../helpers/training-host';

let dir: string;
let host: ServicesHost;
const call = channelCaller(() => host);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'onshi-endpoint-change-'));
  host = await signedInTrainingHost(dir, { displayName: '管理 花子', passcode: '2468' });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('no simulated answer once a real gateway is saved: a new check asks for a restart', async () => {
  const settings = await call('settings.get', {});
  await call('settings.update', { endpoints: { ...settings.endpoints, consentGateway: 'https://oqs.example.jp/consent' } });
  await expect(call('check.start', {})).rejects.toMatchObject({
    code: 'ENDPOINTS_CHANGED_RESTART',
    message: '接続先が実際のシステムに変更されたため、研修用のシミュレーターは使えません。アプリを再起動してください。',
  });
  expect(await call('check.current', {})).toEqual({ view: null });
});

it('the gateways choose no simulator for settings that name a real gateway, whatever is running', async () => {
  const real = { ...(await call('settings.get', {})), endpoints: { consentGateway: 'https://oqs.example.jp/consent', terminalFolder: path.join(dir, 'terminal') } };
  // A world that is still running: it must not be asked for anything.
  const running = new Proxy({}, { get: () => { throw new Error('the simulator was used'); } }) as TrainingWorld;
  expect(() => consentClientFor(real, undefined, running)).toThrow(expect.objectContaining({ code: 'ENDPOINTS_CHANGED_RESTART' }));
  expect(() => terminalClientFor(real, '0110113719', running)).toThrow(expect.objectContaining({ code: 'ENDPOINTS_CHANGED_RESTART' }));
  expect(consentClientFor(real, undefined, null)).toBeDefined();
});
