/**
 * The check over IPC: the screens start a check, send what the user did, and render the
 * `check.state` event. The view is built for the screen and carries no secret: never a PIN, a
 * passcode, a certificate, a challenge or a signature. Patient data is in it only while the check
 * runs (the result for the clerk); the ended view has none.
 */
import { z } from 'zod';
import { call } from '../define';
import { ALTERNATE_ROUTE_REASONS, CARE_SETTING_IDS } from '../../check/care-settings';
import { CONSENT_ITEMS } from '../../check/consent-items';
import { FALLBACK_IDS } from '../../check/guidance';

const FourDigits = z.string().regex(/^\d{4}$/, '4桁の数字で入力してください');
const TreatmentDate = z.iso.date();
const ConsentItemSchema = z.enum(CONSENT_ITEMS);
const PrescriptionSchema = z.enum(['electronic', 'paper']);

export const InsuranceIdentifiersSchema = z
  .object({
    InsurerNumber: z.string().regex(/^(\d{6}|\d{8})$/),
    InsuredCardSymbol: z.string().min(1).max(20).optional(),
    InsuredIdentificationNumber: z.string().min(1).max(20),
    InsuredBranchNumber: z.string().regex(/^\d{2}$/).optional(),
    Birthdate: z.string().regex(/^\d{8}$/),
  })
  .strict();

const bare = <T extends string>(type: T) => z.object({ type: z.literal(type) }).strict();

/** Everything a screen may send into a running check. */
export const CheckUserEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('CHOOSE_CARE_SETTING'),
      setting: z.enum(CARE_SETTING_IDS),
      reason: z.enum(ALTERNATE_ROUTE_REASONS).nullable(),
      treatmentDate: TreatmentDate,
    })
    .strict(),
  z.object({ type: z.literal('START_SECOND_VISIT'), treatmentDate: TreatmentDate, identifiers: InsuranceIdentifiersSchema }).strict(),
  bare('AGREE_ALL'),
  bare('DISAGREE_ALL'),
  z.object({ type: z.literal('SET_ITEM'), item: ConsentItemSchema, agreed: z.boolean() }).strict(),
  z.object({ type: z.literal('SET_ENTERED_BY'), enteredBy: z.enum(['patient', 'staff']) }).strict(),
  bare('CONSENT_NEXT'),
  bare('BACK'),
  bare('CONSENT_CONFIRM'),
  bare('CHOOSE_PIN'),
  bare('CHOOSE_VISUAL'),
  /** Typed by the patient on the pad; turned into a one-shot buffer at once and never echoed. */
  z.object({ type: z.literal('PIN_SUBMITTED'), pin: FourDigits }).strict(),
  /** The clerk re-enters their own passcode to confirm 目視. */
  z.object({ type: z.literal('VISUAL_CONFIRMED'), passcode: FourDigits }).strict(),
  bare('INSURANCE_USE_AGREE'),
  bare('INSURANCE_USE_DECLINE'),
  z.object({ type: z.literal('CHOOSE_PRESCRIPTION'), method: PrescriptionSchema }).strict(),
  z.object({ type: z.literal('REGISTER_REFERENCE'), referenceNumber: z.string().min(1).max(50) }).strict(),
  bare('FINISH'),
  bare('RETRY'),
  z.object({ type: z.literal('USE_FALLBACK'), fallback: z.enum(FALLBACK_IDS) }).strict(),
  bare('CANCEL'),
]);
export type CheckUserEventWire = z.infer<typeof CheckUserEventSchema>;

export const CHECK_STEPS = [
  'careSetting',
  'consent.choosing',
  'consent.confirming',
  'card.waiting',
  'card.reading',
  'identity.choosing',
  'identity.visual',
  'identity.checkingPasscode',
  'identity.preparingPin',
  'identity.pinEntry',
  'identity.verifying',
  'identity.signing',
  'identity.blocked',
  'insuranceUse.checking',
  'insuranceUse.asking',
  'insuranceUse.registering',
  'prescription',
  'registering',
  'cancellingConsent',
  'secondVisit',
  'result',
  'referenceRegistering',
  'interrupted',
  'ended',
] as const;
export type CheckStep = (typeof CHECK_STEPS)[number];

const NoticeSchema = z.object({ code: z.string(), message: z.string() });
const OqsText = z.string().max(200);

export const QualificationViewSchema = z
  .object({
    QualificationValidity: OqsText,
    Name: OqsText,
    NameKana: OqsText.optional(),
    Birthdate: OqsText,
    Sex1: OqsText.optional(),
    InsurerNumber: OqsText,
    InsurerName: OqsText.optional(),
    InsuredCardSymbol: OqsText.optional(),
    InsuredIdentificationNumber: OqsText,
    InsuredBranchNumber: OqsText.optional(),
    PersonalFamilyClassification: OqsText.optional(),
    InsuredCardExpirationDate: OqsText.optional(),
    InsuredPartialContributionRatio: OqsText.optional(),
    NameOfOther: OqsText.optional(),
    NameOfOtherKana: OqsText.optional(),
    Address: OqsText.optional(),
    PostNumber: OqsText.optional(),
    // Below, what the app reads out of the OQS groups for the clerk (labels from the code lists).
    /** 一部負担金割合: OQS's for 後期高齢者 and 高齢受給者, derived from age otherwise, with the basis. */
    burden: z.object({
      percent: z.number().int().nullable(),
      source: z.enum(['oqs', 'derived']),
      basis: z.enum(['後期高齢', '高齢受給者', '70歳以上75歳未満', '未就学', '一般', '医療扶助']),
      /** Check it against the patient's 受給者証 (現役並み所得 and the like only OQS or the certificate know). */
      needsConfirmation: z.boolean(),
    }),
    /** 限度額適用認定証 (the patient consented to its provision). */
    limitCertificate: z.object({ classification: OqsText, validFrom: OqsText.optional(), validUntil: OqsText.optional() }).nullable(),
    /** 特定疾病療養受療証: the disease and the monthly cap. */
    specificDiseases: z.array(z.object({ category: OqsText, selfPay: OqsText.optional(), validFrom: OqsText.optional(), validUntil: OqsText.optional() })),
    /** 医療扶助: the 医療券・調剤券 on record. */
    medicalTickets: z.array(
      z.object({
        type: OqsText,
        issueNumber: OqsText.optional(),
        treatmentMonth: OqsText.optional(),
        validFrom: OqsText.optional(),
        validUntil: OqsText.optional(),
        selfPayAmount: OqsText.optional(),
        institution: OqsText.optional(),
      }),
    ),
  })
  .strict();
export type QualificationView = z.infer<typeof QualificationViewSchema>;

export const CheckViewSchema = z
  .object({
    checkId: z.string(),
    step: z.enum(CHECK_STEPS),
    /** Patient-facing screens hide clerk data; the PIN pad appears only there. */
    audience: z.enum(['patient', 'clerk']),
    trainingMode: z.boolean(),
    /** 「研修モード：実際の資格確認ではありません」 while training; null otherwise. */
    trainingBanner: z.string().nullable(),
    network: z.enum(['online', 'offline']),
    careSetting: z
      .object({
        setting: z.enum(CARE_SETTING_IDS),
        label: z.string(),
        reason: z.enum(ALTERNATE_ROUTE_REASONS).nullable(),
        reasonLabel: z.string().nullable(),
        treatmentDate: TreatmentDate,
        consentWindow: z.string(),
      })
      .nullable(),
    consent: z.object({
      items: z.array(z.object({ item: ConsentItemSchema, label: z.string(), agreed: z.boolean().nullable() })),
      enteredBy: z.enum(['patient', 'staff']),
    }),
    card: z.object({
      problem: z.enum(['removed', 'readerGone']).nullable(),
      contactless: z.boolean(),
      pinTriesLeft: z.number().int().min(0).nullable(),
      /** False for a 顔認証マイナンバーカード without a PIN: offer 目視 only. */
      pinSet: z.boolean(),
    }),
    identity: z.object({
      method: z.enum(['pin', 'visual']).nullable(),
      /** At one try left: suggests 目視. */
      lastTryWarning: z.string().nullable(),
      /** When the PIN is blocked: where to reset it. */
      resetRoutes: z.array(z.string()).nullable(),
    }),
    prescription: PrescriptionSchema.nullable(),
    result: z
      .object({
        source: z.enum(['consent', 'reinquiry']),
        qualification: QualificationViewSchema,
        consent: z.array(
          z.object({
            item: ConsentItemSchema,
            label: z.string(),
            consFlg: z.enum(['0', '1', '2', '3']),
            /** OQS `*AvailableTime`, as ISO 8601 with +09:00. */
            availableUntil: z.string().nullable(),
          }),
        ),
      })
      .nullable(),
    notice: NoticeSchema.nullable(),
    interruption: z
      .object({
        kind: z.enum(['offline', 'failed']),
        code: z.string(),
        message: z.string(),
        fallbacks: z.array(z.object({ id: z.enum(FALLBACK_IDS), label: z.string(), howTo: z.string() })),
      })
      .nullable(),
    outcome: z.enum(['completed', 'cancelled', 'idle', 'fallback', 'notRegistered']).nullable(),
    queuedJobs: z.array(z.enum(['consent.cancel', 'reference-number.register'])),
  })
  .strict();
export type CheckView = z.infer<typeof CheckViewSchema>;

const CurrentCheckSchema = z.object({ view: CheckViewSchema.nullable() });

export const checkChannels = {
  'check.start': call(z.object({}).strict(), CheckViewSchema),
  'check.send': call(CheckUserEventSchema, CheckViewSchema),
  'check.current': call(z.object({}).strict(), CurrentCheckSchema),
};

export const checkEvents = {
  /** Every change of the running check; the last one is replayed to a window that connects later. */
  'check.state': CurrentCheckSchema,
};
