/**
 * The audit rows of a check, as the audit log's own typed events (main/audit/events.ts): strict
 * schemas that cannot carry a name, a PIN or a 個人番号. The machine notes what happened in a few
 * words; this turns the note and the check's context into the row.
 */
import type { AuditEvent, CheckSteps } from '../audit/events';
import { toAppError } from '../contract/errors';
import type { CheckContext, CheckOutcome, ResumePoint } from './machine-types';

type AuditStep = (typeof CheckSteps)[number];
type Outcome = 'ok' | 'failed' | 'cancelled';

export type CheckAuditNote =
  | { step: AuditStep; outcome?: Outcome; code?: string }
  | { identity: 'pin' | 'visual'; outcome: Outcome }
  | { consent: true }
  | { interruption: true }
  | { end: true };

const STEP_OF: Readonly<Record<ResumePoint, AuditStep>> = {
  card: 'card-read',
  insuranceUse: 'use-registration',
  registration: 'consent-registration',
  secondVisit: 'reinquiry',
};

const END: Readonly<Record<CheckOutcome, { outcome: Outcome; code?: string }>> = {
  completed: { outcome: 'ok' },
  cancelled: { outcome: 'cancelled' },
  idle: { outcome: 'cancelled', code: 'CHECK_IDLE' },
  fallback: { outcome: 'failed', code: 'CHECK_FALLBACK' },
  notRegistered: { outcome: 'failed', code: 'CARD_NOT_REGISTERED' },
};

/** An AppError code as the audit log takes it; anything else is recorded as INTERNAL. */
const codeOf = (code: string | undefined) => (code === undefined ? {} : { code: /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'INTERNAL' });

export function auditEventOf(c: CheckContext, note: CheckAuditNote): AuditEvent {
  const who = { actor: c.staffId, check: c.checkId };
  if ('step' in note) return { kind: 'check.step', ...who, step: note.step, outcome: note.outcome ?? 'ok', ...codeOf(note.code) };
  if ('identity' in note) {
    return { kind: 'check.identity', ...who, method: note.identity, outcome: note.outcome, ...(note.identity === 'visual' ? { attestedBy: c.staffId } : {}) };
  }
  if ('consent' in note) {
    const items = Object.fromEntries(Object.entries(c.consent).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>;
    return { kind: 'check.consent', ...who, enteredBy: c.enteredBy === 'patient' ? 'patient' : 'staff-proxy', items };
  }
  if ('interruption' in note) {
    return { kind: 'check.step', ...who, step: STEP_OF[c.interruption?.from ?? 'card'], outcome: 'failed', ...codeOf(c.interruption?.code) };
  }
  const end = END[c.outcome ?? 'cancelled'];
  const validity = Number(c.result?.qualification.QualificationValidity);
  return { kind: 'check.outcome', ...who, outcome: end.outcome, ...codeOf(end.code), ...(validity >= 1 && validity <= 9 ? { validity } : {}) };
}

/** Code on a 照会番号 registration the network could not carry: taken, and waiting in the job queue. */
export const REFERENCE_QUEUED = 'JOB_QUEUED';

/**
 * A 照会番号 registered from a check's result, as the same `reference.change` row the 照会番号 list
 * writes: the patient only as the audit log's keyed hash. Registered, queued for when the network
 * is back (ok, with its code), or refused (failed, with the error's code).
 */
export function referenceRegistrationEvent(c: Pick<CheckContext, 'staffId'>, patient: string, settled: { queued: boolean } | { error: unknown }): AuditEvent {
  const base = { kind: 'reference.change', actor: c.staffId, action: 'register', patient } as const;
  if ('error' in settled) return { ...base, outcome: 'failed', ...codeOf(toAppError(settled.error).code) };
  return { ...base, outcome: 'ok', ...(settled.queued ? { code: REFERENCE_QUEUED } : {}) };
}
