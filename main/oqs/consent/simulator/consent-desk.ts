/**
 * The simulator's side of consent: identity (PIN signature or 目視 attestation), 保険証利用登録,
 * the consent registration with its answer, and cancellation — in the order of checks the
 * contract lists (§4), each refusal with its own code.
 */
import { randomUUID } from 'node:crypto';
import { CONSENT_ITEMS, MEDICAL_INFO_WITHHELD_CODE } from '../contract-schemas';
import type { ConsentRegistrationAnswer, ConsentRegistrationBody, ConsentSetting, ResultOfQualificationConfirmation } from '../contract-schemas';
import { availableTimeFor, consentWindowFor } from '../consent-windows';
import { toOqsDate, toOqsTime } from '../oqs-time';
import type { ChallengeBook } from './challenge-book';
import { checkAuthCertificate, checkChallengeSignature } from './certificate-check';
import type { CheckedCertificate, SimulatorPki } from './certificate-check';
import type { PersonDirectory } from './person-directory';
import { SimulatedRefusal } from './refusal';
import type { SimulatorClock } from './simulator-clock';
import type { ActivatedDevice, SimulatedTerminal } from './simulated-terminal';

interface ConsentRecord {
  readonly deviceId: string;
  cancelled: boolean;
}

export class ConsentDesk {
  private readonly consents = new Map<string, ConsentRecord>();

  constructor(
    private readonly terminal: SimulatedTerminal,
    private readonly challenges: ChallengeBook,
    private readonly pki: SimulatorPki,
    private readonly people: PersonDirectory,
    private readonly clock: SimulatorClock,
  ) {}

  register(device: ActivatedDevice, body: ConsentRegistrationBody): ConsentRegistrationAnswer {
    this.checkFunction(body.ConsentSettingClassification);
    this.checkItems(body);
    const proof = body.IdentityVerification;
    const challenge = this.challenges.spend(device.deviceId, proof.ChallengeId);
    const checked = checkAuthCertificate(proof.AuthCertificate, this.pki, this.clock.now());
    if (proof.VerificationMethod === '1') checkChallengeSignature(checked, challenge, proof.Signature);
    let registeredForInsuranceAt: Date | undefined;
    if (body.InsuranceUseRegistration === '1') registeredForInsuranceAt = this.linkInsuranceUse(checked);
    const person = this.people.find(checked, toOqsDate(this.clock.now()));
    if (!person || !person.insuranceUseRegistered) throw new SimulatedRefusal('CARD_NOT_REGISTERED');
    if (!person.qualification) throw new SimulatedRefusal('NO_QUALIFICATION');

    const consentRegistrationId = randomUUID();
    this.consents.set(consentRegistrationId, { deviceId: device.deviceId, cancelled: false });
    const result: ResultOfQualificationConfirmation = checked.inGracePeriod
      ? { ...person.qualification }
      : { ...person.qualification, ...this.consentElements(body) };
    return {
      ProcessingResultStatus: '1',
      ...(checked.inGracePeriod
        ? { ProcessingResultCode: MEDICAL_INFO_WITHHELD_CODE, ProcessingResultMessage: '利用者証明用電子証明書の有効期限切れのため、資格情報のみ提供します。' }
        : {}),
      QualificationValidity: '1',
      ConsentRegistrationId: consentRegistrationId,
      ...(body.PrescriptionIssueSelect ? { PrescriptionIssueSelect: body.PrescriptionIssueSelect } : {}),
      ...(registeredForInsuranceAt ? { InsuranceUseRegistrationTime: toOqsTime(registeredForInsuranceAt) } : {}),
      ResultList: { ResultOfQualificationConfirmation: [result] },
    };
  }

  /** 健康保険証利用登録: PIN path only, so the signature is always checked. */
  registerInsuranceUse(device: ActivatedDevice, proof: { ChallengeId: string; AuthCertificate: string; Signature: string }): Date {
    const challenge = this.challenges.spend(device.deviceId, proof.ChallengeId);
    const checked = checkAuthCertificate(proof.AuthCertificate, this.pki, this.clock.now());
    checkChallengeSignature(checked, challenge, proof.Signature);
    return this.linkInsuranceUse(checked);
  }

  /** Spends nothing: the answer only says whether a consent registration would meet CARD_NOT_REGISTERED. */
  insuranceUseStatus(authCertificate: string): boolean {
    const checked = checkAuthCertificate(authCertificate, this.pki, this.clock.now());
    return this.people.find(checked, toOqsDate(this.clock.now()))?.insuranceUseRegistered ?? false;
  }

  /** 利用登録 after the signature was checked: a valid certificate and a qualification are needed. */
  private linkInsuranceUse(checked: CheckedCertificate): Date {
    if (checked.inGracePeriod) throw new SimulatedRefusal('CERTIFICATE_EXPIRED');
    if (!this.people.find(checked, toOqsDate(this.clock.now()))?.qualification) throw new SimulatedRefusal('NO_QUALIFICATION');
    this.people.registerInsuranceUse(checked);
    return this.clock.now();
  }

  cancel(device: ActivatedDevice, consentRegistrationId: string): Date {
    const record = this.consents.get(consentRegistrationId);
    if (!record || record.deviceId !== device.deviceId) throw new SimulatedRefusal('CONSENT_NOT_FOUND');
    if (record.cancelled) throw new SimulatedRefusal('CONSENT_ALREADY_CANCELLED');
    record.cancelled = true;
    return this.clock.now();
  }

  private checkFunction(setting: ConsentSetting): void {
    const { settings } = this.terminal;
    const enabled = setting === '1' ? settings.differentFlowFunction : settings.homeVisitFunction;
    if (!enabled) throw new SimulatedRefusal('FUNCTION_NOT_ENABLED', consentWindowFor(setting).label);
  }

  private checkItems(body: ConsentRegistrationBody): void {
    const { consentItems, electronicPrescription } = this.terminal.settings;
    for (const item of CONSENT_ITEMS) {
      if ((body.ConsentList[`${item}ConsFlg`] !== undefined) !== consentItems[item]) throw new SimulatedRefusal('CONSENT_ITEMS_MISMATCH', item);
    }
    if ((body.PrescriptionIssueSelect !== undefined) !== electronicPrescription) throw new SimulatedRefusal('PRESCRIPTION_SELECT_MISMATCH');
  }

  private consentElements(body: ConsentRegistrationBody): Partial<ResultOfQualificationConfirmation> {
    const now = this.clock.now();
    const consTime = toOqsTime(now);
    const availableTime = availableTimeFor(body.ConsentSettingClassification, now, body.TreatmentDate);
    const elements: Partial<ResultOfQualificationConfirmation> = {
      ConsentValidityClassification: availableTime === undefined ? '2' : '1',
    };
    for (const item of CONSENT_ITEMS) {
      const flag = body.ConsentList[`${item}ConsFlg`];
      if (flag === undefined) continue;
      elements[`${item}ConsFlg`] = flag;
      if (flag === '1') {
        elements[`${item}ConsTime`] = consTime;
        if (availableTime !== undefined) elements[`${item}AvailableTime`] = availableTime;
      }
    }
    return elements;
  }
}
