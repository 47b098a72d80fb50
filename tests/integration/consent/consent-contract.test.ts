/**
 * The consent gateway contract, run through the real client against the simulator: every
 * operation, and every refusal OQS would give, each with its own code and a sentence in Japanese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { CONSENT_PATHS } from '../../../main/oqs/consent/contract-schemas';
import type { DeviceCredential } from '../../../main/oqs/consent/consent-client';
import { createNodeHttpsTransport } from '../../../main/oqs/consent/node-https-transport';
import { TEN_MINUTES, activate, registrationFor, signWithCard, startRig } from './consent-harness';
import type { ConsentRig } from './consent-harness';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  const appError = err as AppError;
  expect(appError.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  return appError;
}

let rig: ConsentRig;
let CODE: string;
beforeAll(async () => {
  rig = await startRig();
  CODE = rig.sim.terminal.medicalInstitutionCode;
});
afterAll(async () => { await rig.close(); });

describe('activation and deactivation', () => {
  it('activates with 機関コード, ID, password and a code issued ten minutes ago, then deactivates', async () => {
    rig.sim.terminal.addAccount({ userId: 'act01', password: 'pw', role: '1', startDate: '2025-01-01' });
    const code = rig.sim.terminal.issueActivationCode();
    rig.sim.clock.advance(TEN_MINUTES);
    const activated = await rig.client.activate({ medicalInstitutionCode: CODE, userId: 'act01', password: 'pw', activationCode: code, deviceName: 'カート3' });
    expect(activated.accountRole).toBe('1');
    expect(activated.activatedAt).toMatch(/\+09:00$/);
    expect((await rig.client.institutionSettings(activated.credential)).ConsentItemList.PharmacistsInfo).toBe('1');
    await rig.client.deactivate(activated.credential);
    expect((await refusal(rig.client.institutionSettings(activated.credential))).code).toBe('DEVICE_NOT_ACTIVATED');
  });

  it('refuses a code used before it is active, and takes it once ten minutes have passed', async () => {
    rig.sim.terminal.addAccount({ userId: 'early', password: 'pw', role: '2', startDate: '2025-01-01' });
    const code = rig.sim.terminal.issueActivationCode();
    rig.sim.clock.advance(9 * 60_000);
    const input = { medicalInstitutionCode: CODE, userId: 'early', password: 'pw', activationCode: code };
    expect((await refusal(rig.client.activate(input))).code).toBe('ACTIVATION_CODE_NOT_YET_ACTIVE');
    rig.sim.clock.advance(60_000);
    await expect(rig.client.activate(input)).resolves.toHaveProperty('credential');
  });

  it.each([
    ['expired', 'exp01', 'ACTIVATION_CODE_EXPIRED', () => rig.sim.clock.advance(25 * 3600_000)],
    ['revoked on the terminal', 'rev01', 'ACTIVATION_CODE_REVOKED', (code: string) => { rig.sim.terminal.revokeActivationCode(code); rig.sim.clock.advance(TEN_MINUTES); }],
  ])('refuses an activation code that is %s', async (_label, userId, expected, prepare) => {
    rig.sim.terminal.addAccount({ userId, password: 'pw', role: '2', startDate: '2025-01-01' });
    const code = rig.sim.terminal.issueActivationCode();
    prepare(code);
    const err = await refusal(rig.client.activate({ medicalInstitutionCode: CODE, userId, password: 'pw', activationCode: code }));
    expect(err.code).toBe(expected);
    expect(err.message).toContain('資格確認端末の管理者');
  });

  it('refuses a code that was already used, an unknown code, and wrong credentials', async () => {
    rig.sim.terminal.addAccount({ userId: 'usedA', password: 'pw', role: '2', startDate: '2025-01-01' });
    rig.sim.terminal.addAccount({ userId: 'usedB', password: 'pw', role: '2', startDate: '2025-01-01' });
    const code = rig.sim.terminal.issueActivationCode();
    rig.sim.clock.advance(TEN_MINUTES);
    await rig.client.activate({ medicalInstitutionCode: CODE, userId: 'usedA', password: 'pw', activationCode: code });
    const again = { medicalInstitutionCode: CODE, userId: 'usedB', password: 'pw', activationCode: code };
    expect((await refusal(rig.client.activate(again))).code).toBe('ACTIVATION_CODE_USED');
    expect((await refusal(rig.client.activate({ ...again, activationCode: 'NOSUCHCODE' }))).code).toBe('ACTIVATION_CODE_UNKNOWN');
    expect((await refusal(rig.client.activate({ ...again, password: 'wrong' }))).code).toBe('ACTIVATION_CREDENTIALS_INVALID');
  });

  it('refuses an account that never logged in on the terminal, until it has', async () => {
    rig.sim.terminal.addAccount({ userId: 'fresh', password: 'pw', role: '2', startDate: '2025-01-01', loggedInOnTerminal: false });
    const code = rig.sim.terminal.issueActivationCode();
    rig.sim.clock.advance(TEN_MINUTES);
    const input = { medicalInstitutionCode: CODE, userId: 'fresh', password: 'pw', activationCode: code };
    const err = await refusal(rig.client.activate(input));
    expect(err.code).toBe('ACCOUNT_NEVER_LOGGED_IN');
    expect(err.message).toContain('一度ログイン');
    rig.sim.terminal.logInOnTerminal('fresh');
    await expect(rig.client.activate(input)).resolves.toHaveProperty('credential');
  });

  it('refuses an account whose 利用開始年月日 is in the future', async () => {
    rig.sim.terminal.addAccount({ userId: 'later', password: 'pw', role: '2', startDate: '2099-04-01' });
    const code = rig.sim.terminal.issueActivationCode();
    rig.sim.clock.advance(TEN_MINUTES);
    const err = await refusal(rig.client.activate({ medicalInstitutionCode: CODE, userId: 'later', password: 'pw', activationCode: code }));
    expect(err.code).toBe('ACCOUNT_NOT_YET_VALID');
  });

  it('refuses a second device on one account, and accepts a new one after deactivation', async () => {
    rig.sim.terminal.addAccount({ userId: 'twice', password: 'pw', role: '2', startDate: '2025-01-01' });
    const first = await activate(rig, 'twice', 'pw');
    const code = rig.sim.terminal.issueActivationCode();
    rig.sim.clock.advance(TEN_MINUTES);
    const input = { medicalInstitutionCode: CODE, userId: 'twice', password: 'pw', activationCode: code };
    expect((await refusal(rig.client.activate(input))).code).toBe('ACCOUNT_DEVICE_ALREADY_ACTIVE');
    await rig.client.deactivate(first);
    await expect(rig.client.activate(input)).resolves.toHaveProperty('credential');
  });

  it('stops bad input before it is sent', async () => {
    const before = rig.sent();
    const err = await refusal(rig.client.activate({ medicalInstitutionCode: '123', userId: 'toolongid9', password: 'pw', activationCode: 'X' }));
    expect(err.code).toBe('REQUEST_INVALID');
    expect(rig.sent()).toBe(before);
  });
});

describe('consent and identity registration', () => {
  let device: DeviceCredential;
  beforeAll(async () => { device = await activate(rig); });

  it('PIN path: qualification and, per consented item, until when medical information may be viewed', async () => {
    const outcome = await rig.client.registerConsent(device, await registrationFor(rig, device), 'F-001');
    expect(outcome.answer.ResultList.ResultOfQualificationConfirmation[0]!.Name).toBe(rig.world.cards.registered.holder.Name);
    expect(outcome.medicalInfoWithheld).toBe(false);
    const pharmacy = outcome.items.find((i) => i.item === 'PharmacistsInfo')!;
    expect(pharmacy).toMatchObject({ consented: true, availableUntil: '2026-11-26T23:59:59.000+09:00', continuing: false });
    expect(outcome.items.find((i) => i.item === 'SpecificHealthCheckupsInfo')).toEqual({ item: 'SpecificHealthCheckupsInfo', consented: false, continuing: false });
    expect(outcome.items.some((i) => i.item === 'OperationInfo')).toBe(false);
  });

  it('目視 path: certificate plus the clerk attestation', async () => {
    const outcome = await rig.client.registerConsent(device, await registrationFor(rig, device, { method: 'visual' }));
    expect(outcome.items.filter((i) => i.consented).map((i) => i.item)).toEqual(['DiagnosisInfo', 'PharmacistsInfo']);
  });

  it('asks for 処方箋の発行方法 exactly when the institution uses 電子処方箋', async () => {
    const body = await registrationFor(rig, device);
    rig.sim.terminal.settings.electronicPrescription = true;
    try {
      expect((await refusal(rig.client.registerConsent(device, body))).code).toBe('PRESCRIPTION_SELECT_MISMATCH');
      const outcome = await rig.client.registerConsent(device, { ...(await registrationFor(rig, device)), PrescriptionIssueSelect: '1' });
      expect(outcome.answer.PrescriptionIssueSelect).toBe('1');
    } finally {
      rig.sim.terminal.settings.electronicPrescription = false;
    }
  });

  it('refuses consent for an item the institution does not show', async () => {
    const body = await registrationFor(rig, device);
    const err = await refusal(rig.client.registerConsent(device, { ...body, ConsentList: { ...body.ConsentList, OperationInfoConsFlg: '1' } }));
    expect(err.code).toBe('CONSENT_ITEMS_MISMATCH');
  });

  it('refuses when the 通常とは異なる動線 function is not enabled on the terminal', async () => {
    rig.sim.terminal.settings.differentFlowFunction = false;
    try {
      const err = await refusal(rig.client.registerConsent(device, await registrationFor(rig, device)));
      expect(err.code).toBe('FUNCTION_NOT_ENABLED');
      expect(err.message).toContain('環境設定');
    } finally {
      rig.sim.terminal.settings.differentFlowFunction = true;
    }
  });

  it('refuses a replayed, an expired and an unknown challenge', async () => {
    const body = await registrationFor(rig, device);
    await rig.client.registerConsent(device, body);
    expect((await refusal(rig.client.registerConsent(device, body))).code).toBe('CHALLENGE_USED');
    const late = await registrationFor(rig, device);
    rig.sim.clock.advance(121_000);
    expect((await refusal(rig.client.registerConsent(device, late))).code).toBe('CHALLENGE_EXPIRED');
    const unknown = await registrationFor(rig, device);
    const proof = { ...unknown.IdentityVerification, ChallengeId: 'no-such-challenge' };
    expect((await refusal(rig.client.registerConsent(device, { ...unknown, IdentityVerification: proof }))).code).toBe('CHALLENGE_UNKNOWN');
  });

  it('refuses a signature over another challenge', async () => {
    const other = await rig.client.issueChallenge(device);
    const err = await refusal(rig.client.registerConsent(device, await registrationFor(rig, device, { signOver: other.challenge })));
    expect(err.code).toBe('SIGNATURE_INVALID');
  });

  it.each([
    ['otherCa', 'CERTIFICATE_UNTRUSTED'],
    ['revoked', 'CERTIFICATE_REVOKED'],
    ['expiredLong', 'CERTIFICATE_EXPIRED'],
    ['noQualification', 'NO_QUALIFICATION'],
    ['unregistered', 'CARD_NOT_REGISTERED'],
  ] as const)('refuses the %s card with %s', async (card, code) => {
    expect((await refusal(rig.client.registerConsent(device, await registrationFor(rig, device, { card })))).code).toBe(code);
  });

  it('gives the qualification without medical information for a certificate expired less than 3 months ago', async () => {
    const outcome = await rig.client.registerConsent(device, await registrationFor(rig, device, { card: 'expiredRecently' }));
    expect(outcome.medicalInfoWithheld).toBe(true);
    expect(outcome.items).toEqual([]);
    expect(outcome.answer.ResultList.ResultOfQualificationConfirmation[0]!.Name).toBe(rig.world.cards.expiredRecently.holder.Name);
  });

  it('健康保険証利用登録 (PIN) lets a card that was not registered register consent', async () => {
    const card = rig.world.cards.unregistered;
    const wrong = await rig.client.issueChallenge(device);
    const bad = { challengeId: wrong.challengeId, authCertificate: card.certificateDerBase64, signature: signWithCard(card, Buffer.alloc(32)) };
    expect((await refusal(rig.client.registerInsuranceUse(device, bad))).code).toBe('SIGNATURE_INVALID');
    const { challengeId, challenge } = await rig.client.issueChallenge(device);
    const registered = await rig.client.registerInsuranceUse(device, { challengeId, authCertificate: card.certificateDerBase64, signature: signWithCard(card, challenge) });
    expect(registered.registeredAt).toMatch(/\+09:00$/);
    const outcome = await rig.client.registerConsent(device, await registrationFor(rig, device, { card: 'unregistered' }));
    expect(outcome.answer.ResultList.ResultOfQualificationConfirmation[0]!.Name).toBe(rig.world.cards.unregistered.holder.Name);
  });

  it('tells whether a card is registered for 保険証利用, and registers it with the consent in one call', async () => {
    const fresh = await startRig();
    try {
      const own = await activate(fresh);
      const card = fresh.world.cards.unregistered.certificateDerBase64;
      expect(await fresh.client.insuranceUseStatus(own, card)).toBe('unregistered');
      expect(await fresh.client.insuranceUseStatus(own, fresh.world.cards.registered.certificateDerBase64)).toBe('registered');
      const visual = await registrationFor(fresh, own, { card: 'unregistered', method: 'visual' });
      const before = fresh.sent();
      expect((await refusal(fresh.client.registerConsent(own, { ...visual, InsuranceUseRegistration: '1' }))).code).toBe('REQUEST_INVALID');
      expect(fresh.sent()).toBe(before);
      const body = await registrationFor(fresh, own, { card: 'unregistered' });
      const outcome = await fresh.client.registerConsent(own, { ...body, InsuranceUseRegistration: '1' });
      expect(outcome.answer.InsuranceUseRegistrationTime).toMatch(/^\d{14}$/);
      expect(outcome.items.some((i) => i.consented)).toBe(true);
      expect(await fresh.client.insuranceUseStatus(own, card)).toBe('registered');
    } finally {
      await fresh.close();
    }
  });

  it('cancels a consent once; a second cancellation and an unknown id are refused', async () => {
    const outcome = await rig.client.registerConsent(device, await registrationFor(rig, device));
    const id = outcome.answer.ConsentRegistrationId;
    await expect(rig.client.cancelConsent(device, id, '2')).resolves.toHaveProperty('cancelledAt');
    expect((await refusal(rig.client.cancelConsent(device, id, '2'))).code).toBe('CONSENT_ALREADY_CANCELLED');
    expect((await refusal(rig.client.cancelConsent(device, 'unknown-id', '1'))).code).toBe('CONSENT_NOT_FOUND');
  });

  it('the simulator refuses a body that is not the contract, with REQUEST_INVALID in an XmlMsg', async () => {
    const raw = createNodeHttpsTransport({ ca: rig.sim.caPem });
    try {
      const res = await raw.send({
        method: 'POST', url: rig.sim.url + CONSENT_PATHS.consentRegistration, timeoutMs: 2_000,
        headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ XmlMsg: { MessageHeader: { MedicalInstitutionCode: CODE }, MessageBody: { TreatmentDate: 'today' } } }),
      });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).XmlMsg.MessageHeader).toMatchObject({ SegmentOfResult: '9', ErrorCode: 'REQUEST_INVALID' });
    } finally {
      raw.close();
    }
  });
});
