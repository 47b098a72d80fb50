/**
 * The check machine's vocabulary: its types, the calls it invokes (machine-actors.ts), and the
 * guards and actions its states name. The states themselves live in one module per stretch of the
 * check (machine-consent.ts, machine-card-identity.ts, machine-registration.ts, machine-result.ts)
 * and are put together in machine.ts.
 */
import { assign, setup } from 'xstate';
import { careSettingProblem, treatmentDateProblem } from './care-settings';
import { draftComplete } from './consent-items';
import { AppError, toAppError } from '../contract/errors';
import { CARD_NOT_REGISTERED, CheckErrors, failureKind } from './errors';
import { checkActors } from './machine-actors';
import type { CheckContext, CheckEvent, CheckInput, CheckOutcome, CheckOutput, ResumePoint } from './machine-types';
import type { AuditEvent } from '../audit/events';
import { auditEventOf, referenceRegistrationEvent, type CheckAuditNote } from './audit-events';
import type { CheckPorts, InsuranceIdentifiers, Qualification } from './ports';

export interface CheckMachineDeps {
  ports: CheckPorts;
  /** Queues an audit row (the service keeps them in order and knows when they are durable). */
  record(event: AuditEvent): void;
  now(): Date;
}

const REFERENCE_NUMBER = /^[\x21-\x7e]{1,50}$/;

export function errorOf(event: CheckEvent): unknown {
  return (event as { error?: unknown }).error;
}

export function identifiersOf(q: Qualification): InsuranceIdentifiers {
  return {
    InsurerNumber: q.InsurerNumber,
    InsuredCardSymbol: q.InsuredCardSymbol,
    InsuredIdentificationNumber: q.InsuredIdentificationNumber,
    InsuredBranchNumber: q.InsuredBranchNumber,
    Birthdate: q.Birthdate,
  };
}

/** The patient-data part of a check's context, as it is before a card is read and after the check. */
export function noPatientData() {
  return {
    consent: {},
    certificate: null,
    pinTriesLeft: null,
    pinSet: false,
    insuranceUseAgreed: false,
    challenge: null,
    identity: null,
    prescription: null,
    secondVisit: null,
    result: null,
    notice: null,
    interruption: null,
  } satisfies Partial<CheckContext>;
}

/** Patient data forgotten when the check ends; the card's bytes are zero-filled, not just dropped. */
export function clearedPatientData(context: CheckContext): Partial<CheckContext> {
  context.certificate?.fill(0);
  if (context.identity?.method === 'pin') context.identity.signature.fill(0);
  return noPatientData();
}

export function checkMachineSetup(deps: CheckMachineDeps) {
  const { ports } = deps;
  return setup({
    types: {
      context: {} as CheckContext,
      events: {} as CheckEvent,
      input: {} as CheckInput,
      output: {} as CheckOutput,
    },
    actors: checkActors(ports),
    guards: {
      cardReadable: ({ context }) => context.cardProblem === null && ports.card.cardPresent(),
      careSettingValid: ({ event }) =>
        event.type === 'CHOOSE_CARE_SETTING' &&
        careSettingProblem(event.setting, event.reason) === null &&
        treatmentDateProblem(event.treatmentDate, deps.now()) === null,
      secondVisitValid: ({ event }) =>
        event.type === 'START_SECOND_VISIT' && treatmentDateProblem(event.treatmentDate, deps.now()) === null,
      itemEnabled: ({ context, event }) => event.type === 'SET_ITEM' && context.settings.enabledConsentItems.includes(event.item),
      consentComplete: ({ context }) => draftComplete(context.consent),
      referenceValid: ({ event }) => event.type === 'REGISTER_REFERENCE' && REFERENCE_NUMBER.test(event.referenceNumber),
      endRequested: ({ context }) => context.endRequested !== null,
      errorIsCardRemoved: ({ event }) => failureKind(errorOf(event)) === 'cardRemoved',
      errorIsReaderGone: ({ event }) => failureKind(errorOf(event)) === 'readerGone',
      errorIsNetwork: ({ event }) => failureKind(errorOf(event)) === 'network',
      pinBlocked: ({ context }) => context.pinSet && context.pinTriesLeft === 0,
      pinUsable: ({ context }) => context.pinSet && (context.pinTriesLeft ?? 0) > 0,
      identifiedByPin: ({ context }) => context.identity?.method === 'pin',
      insuranceUseAgreed: ({ context }) => context.insuranceUseAgreed,
      prescriptionPending: ({ context }) => context.settings.electronicPrescription && context.prescription === null,
      errorIsCardNotRegistered: ({ event }) => errorOf(event) instanceof AppError && (errorOf(event) as AppError).code === CARD_NOT_REGISTERED,
      isOffline: ({ context }) => context.interruption?.kind === 'offline',
      resumesAt: ({ context }, params: { from: ResumePoint }) => context.interruption?.from === params.from,
      resumesAtRegistrationByPin: ({ context }) =>
        context.interruption?.from === 'registration' && context.identity?.method === 'pin',
    },
    actions: {
      audit: ({ context }, note: CheckAuditNote) => deps.record(auditEventOf(context, note)),
      auditReference: ({ context, event }) => {
        const patient = context.result ? ports.audit.patientRef(identifiersOf(context.result.qualification)) : null;
        // Identifiers too malformed to hash name no one; OQS refuses such a registration anyway.
        if (patient === null) return;
        const settled = 'output' in event ? (event.output as { queued: boolean }) : { error: errorOf(event) };
        deps.record(referenceRegistrationEvent(context, patient, settled));
      },
      clearNotice: assign({ notice: null }),
      noticeFromError: assign(({ event }) => {
        const shown = toAppError(errorOf(event));
        return { notice: { code: shown.code, message: shown.message } };
      }),
      endAs: assign((_, params: { outcome: CheckOutcome }) => ({ outcome: params.outcome })),
      requestEnd: assign((_, params: { outcome: 'cancelled' | 'idle' }) => ({ endRequested: params.outcome })),
      endAsRequested: assign(({ context }) => ({ outcome: context.endRequested })),
      cardLost: assign((_, params: { problem: 'removed' | 'readerGone' }) => ({
        cardProblem: params.problem,
        identity: null,
        challenge: null,
      })),
      interrupt: assign(({ event }, params: { from: ResumePoint }) => {
        const err = errorOf(event);
        const offline = failureKind(err) === 'network';
        const shown = toAppError(err);
        return { interruption: { kind: offline ? ('offline' as const) : ('failed' as const), from: params.from, code: shown.code, message: shown.message } };
      }),
      interruptOffline: assign((_, params: { from: ResumePoint }) => {
        const { code, message } = CheckErrors.networkDown();
        return { network: 'offline' as const, interruption: { kind: 'offline' as const, from: params.from, code, message } };
      }),
    },
  });
}

export type CheckMachineSetup = ReturnType<typeof checkMachineSetup>;
