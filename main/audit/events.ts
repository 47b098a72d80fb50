/**
 * What the audit log records, as one typed union. Every event names the staff member who acted;
 * patients appear only as a keyed hash of their insurance identifiers (PatientRef). Schemas are
 * strict, so a field that is not listed here (a name, a PIN, a 個人番号) cannot slip into a row.
 */
import { z } from 'zod';

/** A staff ID as the app knows it (not a name). */
const StaffId = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);
/** A keyed hash of a patient's insurance identifiers, from patientRef(). */
export const PatientRefSchema = z.string().regex(/^p1-[0-9a-f]{32}$/);
/** One check from start to end; a random ID, never derived from the patient. */
const CheckId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
/** An AppError code, e.g. CARD_REMOVED. */
const ErrorCode = z.string().regex(/^[A-Z0-9_]{1,64}$/);
const Outcome = z.enum(['ok', 'failed', 'cancelled']);
/** A short machine word for settings keys, steps and formats. */
const Word = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);

/** When OQS reported its own time for the step, so the clock skew of this laptop is on record. */
const Timing = { oqsTime: z.iso.datetime({ offset: true }).optional() };

export const CheckSteps = [
  'care-setting',
  'consent',
  'card-read',
  'identity',
  'signature',
  'use-registration',
  'prescription-method',
  'consent-registration',
  'qualification',
  'reinquiry',
] as const;

export const AuditEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('session.login'), actor: StaffId, outcome: z.enum(['ok', 'failed', 'locked-out']) }),
  z.strictObject({ kind: z.literal('session.lock'), actor: StaffId, cause: z.enum(['idle', 'manual', 'card-removed', 'shutdown']) }),
  z.strictObject({
    kind: z.literal('device.activation'),
    actor: StaffId,
    outcome: Outcome,
    institutionCode: z.string().regex(/^\d{10}$/).optional(),
    code: ErrorCode.optional(),
    ...Timing,
  }),
  z.strictObject({
    kind: z.literal('check.step'),
    actor: StaffId,
    check: CheckId,
    step: z.enum(CheckSteps),
    outcome: Outcome,
    code: ErrorCode.optional(),
    patient: PatientRefSchema.optional(),
    ...Timing,
  }),
  z.strictObject({
    kind: z.literal('check.identity'),
    actor: StaffId,
    check: CheckId,
    /** 目視確認 or the patient's PIN (the PIN itself is never here). */
    method: z.enum(['visual', 'pin']),
    /** For 目視: the clerk who compared the photo and re-entered their own passcode. */
    attestedBy: StaffId.optional(),
    outcome: Outcome,
    patient: PatientRefSchema.optional(),
  }).refine((e) => e.method !== 'visual' || e.attestedBy !== undefined, { message: '目視確認には確認した職員が必要です', path: ['attestedBy'] }),
  z.strictObject({
    kind: z.literal('check.consent'),
    actor: StaffId,
    check: CheckId,
    /** 本人 or 職員代行 (a clerk entered it while showing the screen). */
    enteredBy: z.enum(['patient', 'staff-proxy']),
    items: z.record(Word, z.boolean()),
    patient: PatientRefSchema.optional(),
    ...Timing,
  }),
  z.strictObject({
    kind: z.literal('check.outcome'),
    actor: StaffId,
    check: CheckId,
    outcome: Outcome,
    /** OQS QualificationValidity code (1–6), when a qualification came back. */
    validity: z.number().int().min(1).max(9).optional(),
    code: ErrorCode.optional(),
    patient: PatientRefSchema.optional(),
    ...Timing,
  }),
  z.strictObject({
    kind: z.literal('reference.change'),
    actor: StaffId,
    action: z.enum(['register', 'update', 'delete']),
    outcome: Outcome,
    patient: PatientRefSchema,
    code: ErrorCode.optional(),
  }),
  /** A 照会番号 CSV import that went in (all rows or none). */
  z.strictObject({ kind: z.literal('reference.import'), actor: StaffId, added: z.number().int().nonnegative(), updated: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('settings.change'), actor: StaffId, key: Word }),
  z.strictObject({
    kind: z.literal('export'),
    actor: StaffId,
    what: Word,
    format: Word,
    rows: z.number().int().nonnegative(),
  }),
  /** The OS key was lost and the data sealed with it discarded, so set-up can run again. */
  z.strictObject({ kind: z.literal('store.key-loss-discard'), actor: StaffId, discardedAt: z.iso.datetime() }),
  z.strictObject({
    kind: z.literal('admin.acknowledge'),
    actor: StaffId,
    /** The first bad row the verification named, and what was wrong with it. */
    breakAt: z.number().int().positive(),
    problem: Word,
    /** Rows up to here were part of the acknowledged break; the chain goes on from the next. */
    through: z.number().int().nonnegative(),
  }),
]);

export type AuditEvent = z.input<typeof AuditEventSchema>;
export type AuditEventKind = AuditEvent['kind'];
