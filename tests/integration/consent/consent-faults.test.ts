/**
 * A bad network between the cart and OQS: each fault reaches the clerk as its own plain error,
 * idempotent calls are tried at most three times, and registrations are sent exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { ConsentGatewayClient } from '../../../main/oqs/consent/consent-client';
import type { DeviceCredential } from '../../../main/oqs/consent/consent-client';
import { CONSENT_PATHS } from '../../../main/oqs/consent/contract-schemas';
import { createNodeHttpsTransport } from '../../../main/oqs/consent/node-https-transport';
import type { Fault } from '../../../main/oqs/consent/simulator/fault-plan';
import { activate, registrationFor, startRig } from './consent-harness';
import type { ConsentRig } from './consent-harness';

const SETTINGS = CONSENT_PATHS.institutionSettings;
const REGISTRATION = CONSENT_PATHS.consentRegistration;

let rig: ConsentRig;
let device: DeviceCredential;
beforeAll(async () => {
  rig = await startRig({ timeoutMs: 400 });
  device = await activate(rig);
});
afterAll(async () => { await rig.close(); });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Requests that reached the simulator on a path while `run` ran. */
async function arrivals(path: string, run: () => Promise<unknown>): Promise<number> {
  const before = rig.sim.requestCount(path);
  await run();
  return rig.sim.requestCount(path) - before;
}

describe('fault injection', () => {
  const cases: readonly { name: string; fault: Fault; code: string }[] = [
    { name: 'latency beyond the timeout', fault: { kind: 'latency', ms: 700 }, code: 'GATEWAY_TIMEOUT' },
    { name: 'HTTP 500', fault: { kind: 'server-error' }, code: 'GATEWAY_SERVER_ERROR' },
    { name: 'a truncated body', fault: { kind: 'truncated-body' }, code: 'GATEWAY_INTERRUPTED' },
  ];

  it.each(cases)('$name: an idempotent call is tried 3 times, a registration once ($code)', async ({ fault, code }) => {
    const body = await registrationFor(rig, device);
    rig.sim.faults.inject(fault);
    try {
      expect(await arrivals(SETTINGS, async () => expect((await failure(rig.client.institutionSettings(device))).code).toBe(code))).toBe(3);
      expect(await arrivals(REGISTRATION, async () => expect((await failure(rig.client.registerConsent(device, body))).code).toBe(code))).toBe(1);
    } finally {
      rig.sim.faults.clear();
    }
  });

  it('latency within the timeout is only slow', async () => {
    rig.sim.faults.inject({ kind: 'latency', ms: 150 }, { path: REGISTRATION, times: 1 });
    const outcome = await rig.client.registerConsent(device, await registrationFor(rig, device));
    expect(outcome.items.length).toBeGreaterThan(0);
  });

  it('one passing 500 is ridden out by the retry of an idempotent call', async () => {
    rig.sim.faults.inject({ kind: 'server-error' }, { path: SETTINGS, times: 1 });
    expect(await arrivals(SETTINGS, () => rig.client.institutionSettings(device))).toBe(2);
  });

  it.each(['not-json', 'wrong-shape'] as const)('a %s body is a bad response and is not retried', async (variant) => {
    rig.sim.faults.inject({ kind: 'malformed-body', variant }, { path: SETTINGS });
    try {
      const n = await arrivals(SETTINGS, async () => {
        const err = await failure(rig.client.institutionSettings(device));
        expect(err.code).toBe('GATEWAY_BAD_RESPONSE');
        expect(err.message).toContain('想定外の応答');
      });
      expect(n).toBe(1);
    } finally {
      rig.sim.faults.clear();
    }
  });

  it('refused connections: three attempts for an idempotent call, one for a registration, then recovery', async () => {
    const body = await registrationFor(rig, device);
    await rig.sim.refuseConnections();
    try {
      const before = rig.sent();
      expect((await failure(rig.client.institutionSettings(device))).code).toBe('GATEWAY_UNREACHABLE');
      expect(rig.sent() - before).toBe(3);
      const err = await failure(rig.client.registerConsent(device, body));
      expect(err.code).toBe('GATEWAY_UNREACHABLE');
      expect(err.message).toContain('ネットワーク');
      expect(rig.sent() - before).toBe(4);
    } finally {
      await rig.sim.acceptConnections();
    }
    await expect(rig.client.registerConsent(device, body)).resolves.toHaveProperty('items');
  });

  it('a server certificate from an untrusted CA stops the call at once', async () => {
    const transport = createNodeHttpsTransport();
    let sent = 0;
    const client = new ConsentGatewayClient({ baseUrl: rig.sim.url, transport: { send: (r) => { sent++; return transport.send(r); } }, retryDelayMs: 10 });
    try {
      expect((await failure(client.institutionSettings(device))).code).toBe('GATEWAY_TLS_UNTRUSTED');
      expect(sent).toBe(1);
    } finally {
      transport.close();
    }
  });

  it('an http:// gateway is refused before any request', () => {
    const transport = createNodeHttpsTransport();
    expect(() => new ConsentGatewayClient({ baseUrl: rig.sim.url.replace('https', 'http'), transport })).toThrowError(
      expect.objectContaining({ code: 'GATEWAY_NOT_HTTPS' }) as Error,
    );
    transport.close();
  });
});
