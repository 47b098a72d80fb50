/**
 * The card and the consent meet: the virtual My Number card, read and signed through the JPKI
 * driver (PIN verified once), registered through the real client at the simulator. Each state of
 * the card's certificate gets the answer OQS would give.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import { AuthPin } from '../../../native/jpki/auth-pin';
import { readAuthCertificate, selectJpkiAp, signChallenge, verifyAuthPin } from '../../../native/jpki/jpki-card';
import { oqsChallenge } from '../../../native/jpki/signing-challenge';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import type { CertificateVariant } from '../../../native/virtual-card/test-pki';
import type { DeviceCredential } from '../../../main/oqs/consent/consent-client';
import { createFixtureWorld } from '../../../main/oqs/consent/simulator/fixture-world';
import type { FixtureWorld } from '../../../main/oqs/consent/simulator/fixture-world';
import { AppError } from '../../../main/contract/errors';
import { activate, startRig } from './consent-harness';
import type { ConsentRig } from './consent-harness';

/** Virtual cards carry a random holder id; the test tells the directory whose card this is. */
const aliases = new Map<string, string>();
let rig: ConsentRig;
let device: DeviceCredential;

beforeAll(async () => {
  const base = createFixtureWorld();
  const world: FixtureWorld = {
    ...base,
    directory: {
      find: (holder, today) => base.directory.find({ ...holder, subjectId: aliases.get(holder.subjectId) ?? holder.subjectId }, today),
      registerInsuranceUse: (holder) => base.directory.registerInsuranceUse(holder),
    },
  };
  rig = await startRig({}, world);
  device = await activate(rig);
});
afterAll(async () => { await rig.close(); });

async function registerWithCard(variant: CertificateVariant) {
  const card = new CardInReader({ certificate: variant });
  const transport = new InProcessTransport(card);
  await selectJpkiAp(transport);
  const certificate = await readAuthCertificate(transport);
  const subjectId = /CN=([^\n]+)/.exec(new X509Certificate(certificate).subject)![1]!;
  aliases.set(subjectId, rig.world.cards.registered.holder.CardholderId!);
  const { challengeId, challenge } = await rig.client.issueChallenge(device);
  await verifyAuthPin(transport, AuthPin.fromBytes(new TextEncoder().encode('1234')));
  const signature = await signChallenge(transport, oqsChallenge(challenge));
  return rig.client.registerConsent(device, {
    ConsentSettingClassification: '1',
    DifferentFlowReason: '05',
    TreatmentDate: '20261125',
    ConsentList: { DiagnosisInfoConsFlg: '1', PharmacistsInfoConsFlg: '1', SpecificHealthCheckupsInfoConsFlg: '1' },
    ConsentInputClassification: '1',
    IdentityVerification: {
      VerificationMethod: '1', ChallengeId: challengeId,
      AuthCertificate: Buffer.from(certificate).toString('base64'), Signature: Buffer.from(signature).toString('base64'),
    },
  });
}

describe('virtual card through the JPKI driver to the consent simulator', () => {
  it('a valid card: the signature verifies and the qualification comes back with the consent windows', async () => {
    const outcome = await registerWithCard('valid');
    expect(outcome.answer.ResultList.ResultOfQualificationConfirmation[0]!.Name).toBe(rig.world.cards.registered.holder.Name);
    expect(outcome.items.map((i) => i.availableUntil)).toEqual(Array(3).fill('2026-11-26T23:59:59.000+09:00'));
  });

  it('a card whose certificate expired a month ago: qualification only', async () => {
    const outcome = await registerWithCard('recently-expired');
    expect(outcome.medicalInfoWithheld).toBe(true);
    expect(outcome.items).toEqual([]);
  });

  it.each([
    ['expired', 'CERTIFICATE_EXPIRED'],
    ['revoked', 'CERTIFICATE_REVOKED'],
    ['other-ca', 'CERTIFICATE_UNTRUSTED'],
  ] as const)('a card with a %s certificate is refused with %s', async (variant, code) => {
    const err = await registerWithCard(variant).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
  });
});
