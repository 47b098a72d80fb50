/**
 * Requests that are not the contract, sent raw to the simulator: each is refused with
 * REQUEST_INVALID in an XmlMsg, and none of them changes anything — the challenge it named is
 * still good for the real registration afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredential } from '../../../main/oqs/consent/consent-client';
import { CONSENT_PATHS } from '../../../main/oqs/consent/contract-schemas';
import type { ConsentRegistrationBody } from '../../../main/oqs/consent/contract-schemas';
import { createNodeHttpsTransport } from '../../../main/oqs/consent/node-https-transport';
import { activate, registrationFor, startRig } from './consent-harness';
import type { ConsentRig } from './consent-harness';

let rig: ConsentRig;
let device: DeviceCredential;
let raw: ReturnType<typeof createNodeHttpsTransport>;
beforeAll(async () => {
  rig = await startRig();
  device = await activate(rig);
  raw = createNodeHttpsTransport({ ca: rig.sim.caPem });
});
afterAll(async () => {
  raw.close();
  await rig.close();
});

function envelope(body: unknown, institution = device.medicalInstitutionCode): string {
  return JSON.stringify({ XmlMsg: { MessageHeader: { MedicalInstitutionCode: institution }, MessageBody: body } });
}

type BadRequest = { name: string; method: 'GET' | 'POST'; path: string; body: (good: ConsentRegistrationBody) => string };

const BAD: readonly BadRequest[] = [
  { name: 'an unknown operation', method: 'POST', path: '/v1/no-such-thing', body: (g) => envelope(g) },
  { name: 'the wrong method', method: 'GET', path: CONSENT_PATHS.consentRegistration, body: () => '' },
  { name: 'a body that is not JSON', method: 'POST', path: CONSENT_PATHS.consentRegistration, body: () => '{"XmlMsg":' },
  { name: 'an unknown element', method: 'POST', path: CONSENT_PATHS.consentRegistration, body: (g) => envelope({ ...g, Extra: '1' }) },
  { name: 'a treatment date that is not YYYYMMDD', method: 'POST', path: CONSENT_PATHS.consentRegistration, body: (g) => envelope({ ...g, TreatmentDate: '2026-11-25' }) },
  { name: 'a reason without the 通常とは異なる動線 setting', method: 'POST', path: CONSENT_PATHS.consentRegistration, body: (g) => envelope({ ...g, ConsentSettingClassification: '2' }) },
  { name: 'another institution in the header', method: 'POST', path: CONSENT_PATHS.consentRegistration, body: (g) => envelope(g, '0110113719') },
  { name: 'a body larger than any message', method: 'POST', path: CONSENT_PATHS.consentRegistration, body: () => 'x'.repeat(300 * 1024) },
];

describe('the simulator refuses what is not the contract, and changes nothing', () => {
  it.each(BAD)('$name', async (bad) => {
    const good = await registrationFor(rig, device);
    const res = await raw.send({
      method: bad.method, url: rig.sim.url + bad.path, timeoutMs: 2_000,
      headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' },
      ...(bad.method === 'POST' ? { body: bad.body(good) } : {}),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).XmlMsg.MessageHeader).toMatchObject({ SegmentOfResult: '9', ErrorCode: 'REQUEST_INVALID' });
    const outcome = await rig.client.registerConsent(device, good);
    expect(outcome.items.some((i) => i.consented)).toBe(true);
  });
});
