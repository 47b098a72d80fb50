/**
 * The consent gateway contract (docs/consent-gateway-contract.md) as zod schemas. The client checks
 * every answer against them and the simulator checks every request, so the two cannot drift apart.
 */
import { z } from 'zod';
import { ELDERLY_RECIPIENT, LIMIT_APPLICATION, MEDICAL_TICKET, SPECIFIC_DISEASE } from '../terminal/elements';

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`));
export const OqsDate = digits(8);
export const OqsTime = digits(14);
const Flag = z.enum(['0', '1']);

export const CONSENT_ITEMS = ['DiagnosisInfo', 'PharmacistsInfo', 'SpecificHealthCheckupsInfo', 'OperationInfo'] as const;
export type ConsentItem = (typeof CONSENT_ITEMS)[number];

/** 1 通常とは異なる動線（機器故障時等を含む）, 2 訪問診療等, 3 往診. */
export const ConsentSettingClassification = z.enum(['1', '2', '3']);
export type ConsentSetting = z.infer<typeof ConsentSettingClassification>;

/** 01 発熱等の別動線 … 06 カードリーダーの操作が困難 (only with setting 1). */
export const DifferentFlowReason = z.enum(['01', '02', '03', '04', '05', '06']);

export const RequestHeader = z.strictObject({
  MedicalInstitutionCode: digits(10),
  ArbitraryFileIdentifier: z.string().max(64).optional(),
});

const request = <B extends z.ZodType>(body: B) =>
  z.strictObject({ XmlMsg: z.strictObject({ MessageHeader: RequestHeader, MessageBody: body }) });

export const ResultHeader = z.object({
  ProcessExecutionTime: OqsTime,
  MedicalInstitutionCode: z.string(),
  ArbitraryFileIdentifier: z.string().optional(),
  SegmentOfResult: z.enum(['1', '9']),
  ErrorCode: z.string().optional(),
  ErrorMessage: z.string().optional(),
  CharacterCodeIdentifier: z.literal('0'),
});
export type ResultHeader = z.infer<typeof ResultHeader>;

const result = <B extends z.ZodType>(body: B) =>
  z.object({ XmlMsg: z.object({ MessageHeader: ResultHeader, MessageBody: body }) });

/** The refusal shape: a header with ErrorCode and whatever body (usually empty). */
export const RefusalMessage = result(z.unknown());

// ---- Activation / deactivation ----------------------------------------------------------------

export const ActivationBody = z.strictObject({
  MedicalInstitutionCode: digits(10),
  UserId: z.string().regex(/^[A-Za-z0-9]{2,8}$/),
  Password: z.string().min(1).max(128),
  ActivationCode: z.string().min(1).max(64),
  DeviceName: z.string().max(64).optional(),
});
export const ActivationRequest = request(ActivationBody);
export const ActivationResult = result(z.object({
  DeviceId: z.string().min(1),
  DeviceToken: z.string().min(16),
  ActivatedTime: OqsTime,
  AccountRole: z.enum(['1', '2']),
}));

export const EmptyBody = z.strictObject({});
export const EmptyRequest = request(EmptyBody);
export const DeactivationResult = result(z.object({ DeactivatedTime: OqsTime }));

// ---- Institution settings and challenge -------------------------------------------------------

export const ConsentItemList = z.object({
  DiagnosisInfo: Flag,
  PharmacistsInfo: Flag,
  SpecificHealthCheckupsInfo: Flag,
  OperationInfo: Flag,
});
export const InstitutionSettingsResult = result(z.object({
  DifferentFlowFunction: Flag,
  HomeVisitFunction: Flag,
  ConsentItemList,
  ElectronicPrescriptionUse: Flag,
}));
export type InstitutionSettings = z.infer<typeof InstitutionSettingsResult>['XmlMsg']['MessageBody'];

export const ChallengeResult = result(z.object({
  ChallengeId: z.string().min(1),
  Challenge: z.base64(),
  ChallengeExpiryTime: OqsTime,
}));
export type IssuedChallenge = z.infer<typeof ChallengeResult>['XmlMsg']['MessageBody'];

// ---- Identity and consent registration --------------------------------------------------------

const PinVerification = z.strictObject({
  VerificationMethod: z.literal('1'),
  ChallengeId: z.string().min(1),
  AuthCertificate: z.base64(),
  Signature: z.base64(),
});
const VisualVerification = z.strictObject({
  VerificationMethod: z.literal('2'),
  ChallengeId: z.string().min(1),
  AuthCertificate: z.base64(),
  ClerkAttestation: z.strictObject({ StaffId: z.string().min(1).max(32), AttestedTime: OqsTime }),
});
export const IdentityVerification = z.discriminatedUnion('VerificationMethod', [PinVerification, VisualVerification]);
export type IdentityVerification = z.infer<typeof IdentityVerification>;

export const ConsentList = z.strictObject({
  DiagnosisInfoConsFlg: Flag.optional(),
  PharmacistsInfoConsFlg: Flag.optional(),
  SpecificHealthCheckupsInfoConsFlg: Flag.optional(),
  OperationInfoConsFlg: Flag.optional(),
});

export const ConsentRegistrationBody = z.strictObject({
  ConsentSettingClassification,
  DifferentFlowReason: DifferentFlowReason.optional(),
  TreatmentDate: OqsDate,
  ConsentList,
  ConsentInputClassification: z.enum(['1', '2']),
  IdentityVerification,
  PrescriptionIssueSelect: z.enum(['1', '2']).optional(),
  /** 健康保険証利用登録 in the same call, so one PIN and one signature do both (PIN path only). */
  InsuranceUseRegistration: z.literal('1').optional(),
}).refine((b) => (b.ConsentSettingClassification === '1') === (b.DifferentFlowReason !== undefined), {
  message: 'DifferentFlowReason is given with setting 1 and only then',
}).refine((b) => b.InsuranceUseRegistration === undefined || b.IdentityVerification.VerificationMethod === '1', {
  message: 'InsuranceUseRegistration needs the PIN path',
});
export type ConsentRegistrationBody = z.infer<typeof ConsentRegistrationBody>;
export const ConsentRegistrationRequest = request(ConsentRegistrationBody);

const consentElements = Object.fromEntries(CONSENT_ITEMS.flatMap((item) => [
  [`${item}ConsFlg`, Flag.optional()],
  [`${item}ConsTime`, OqsTime.optional()],
  [`${item}AvailableTime`, OqsTime.optional()],
])) as Record<`${ConsentItem}${'ConsFlg' | 'ConsTime' | 'AvailableTime'}`, z.ZodOptional<z.ZodString>>;

/** A group of OQS text elements, every one optional (the element names of main/oqs/terminal/elements). */
function textGroup<const N extends readonly string[]>(names: N) {
  return z.object(Object.fromEntries(names.map((n) => [n, z.string().max(200).optional()])) as { [K in N[number]]: z.ZodOptional<z.ZodString> });
}

/** The qualification as OQS answers it (reference/oqs-interface.md §2), without the consent elements. */
export const QualificationRecord = z.object({
  InsuredCardClassification: z.string(),
  InsurerNumber: z.string(),
  InsuredCardSymbol: z.string().optional(),
  InsuredIdentificationNumber: z.string(),
  InsuredBranchNumber: z.string().optional(),
  PersonalFamilyClassification: z.enum(['1', '2']),
  Name: z.string(),
  NameKana: z.string(),
  Sex1: z.enum(['1', '2', '3']),
  Birthdate: OqsDate,
  InsuredCardValidDate: OqsDate.optional(),
  InsuredCardExpirationDate: OqsDate.optional(),
  InsuredPartialContributionRatio: z.string().optional(),
  InsurerName: z.string(),
  NameOfOther: z.string().optional(),
  NameOfOtherKana: z.string().optional(),
  Address: z.string().optional(),
  PostNumber: z.string().optional(),
  PreschoolClassification: z.enum(['1']).optional(),
  ElderlyRecipientCertificateInfo: textGroup(ELDERLY_RECIPIENT).optional(),
  LimitApplicationCertificateRelatedInfo: textGroup(LIMIT_APPLICATION).optional(),
  SpecificDiseasesCertificateList: z.array(textGroup(SPECIFIC_DISEASE)).max(10).optional(),
  PublicExpenseResultList: z.array(textGroup(MEDICAL_TICKET)).max(20).optional(),
});
export type QualificationRecord = z.infer<typeof QualificationRecord>;

export const ResultOfQualificationConfirmation = QualificationRecord.extend({
  ConsentValidityClassification: z.enum(['1', '2']).optional(),
  ...consentElements,
});
export type ResultOfQualificationConfirmation = z.infer<typeof ResultOfQualificationConfirmation>;

export const ConsentRegistrationResult = result(z.object({
  ProcessingResultStatus: z.literal('1'),
  ProcessingResultCode: z.string().optional(),
  ProcessingResultMessage: z.string().optional(),
  QualificationValidity: z.string(),
  ConsentRegistrationId: z.string().min(1),
  PrescriptionIssueSelect: z.enum(['1', '2']).optional(),
  InsuranceUseRegistrationTime: OqsTime.optional(),
  ResultList: z.object({ ResultOfQualificationConfirmation: z.array(ResultOfQualificationConfirmation).min(1) }),
}));
export type ConsentRegistrationAnswer = z.infer<typeof ConsentRegistrationResult>['XmlMsg']['MessageBody'];

/** ProcessingResultCode when the certificate expired less than 3 months ago: qualification only. */
export const MEDICAL_INFO_WITHHELD_CODE = 'W001';

// ---- 保険証利用登録 and cancellation -------------------------------------------------------------

export const InsuranceUseRegistrationBody = PinVerification.omit({ VerificationMethod: true });
export const InsuranceUseRegistrationRequest = request(InsuranceUseRegistrationBody);
export const InsuranceUseRegistrationResult = result(z.object({ InsuranceUseRegistrationTime: OqsTime }));

/** Whether the card behind a certificate is registered for 保険証利用; spends no challenge. */
export const InsuranceUseStatusBody = z.strictObject({ AuthCertificate: z.base64() });
export const InsuranceUseStatusRequest = request(InsuranceUseStatusBody);
export const InsuranceUseStatusResult = result(z.object({ InsuranceUseRegistrationStatus: z.enum(['0', '1']) }));

export const ConsentCancellationBody = z.strictObject({
  ConsentRegistrationId: z.string().min(1),
  CancellationReason: z.enum(['1', '2']),
});
export const ConsentCancellationRequest = request(ConsentCancellationBody);
export const ConsentCancellationResult = result(z.object({ CancellationTime: OqsTime }));

/** The paths of the operations, shared by client and simulator. */
export const CONSENT_PATHS = {
  activation: '/v1/activation',
  deactivation: '/v1/deactivation',
  institutionSettings: '/v1/institution-settings',
  challenge: '/v1/challenge',
  consentRegistration: '/v1/consent-registration',
  insuranceUseRegistration: '/v1/insurance-use-registration',
  consentCancellation: '/v1/consent-cancellation',
  insuranceUseStatus: '/v1/insurance-use-status',
} as const;
