/**
 * From an identified patient to a registered consent: 健康保険証利用登録 when the gateway says it is
 * needed, 処方箋の発行方法 where 電子処方箋 is used, then the registration itself, which is never
 * abandoned half-way (a CANCEL meanwhile withdraws the consent once OQS has it).
 */
import { assign } from 'xstate';
import { draftChoices } from './consent-items';
import type { CheckMachineSetup } from './machine-setup';

export function registrationStates(m: CheckMachineSetup) {
  return {
    /**
     * Where a check goes once the patient is identified (never shown: left in the same step). The
     * issue's order: identity → 利用登録 when the gateway says it is needed → 処方箋 → registration.
     */
    afterIdentity: m.createStateConfig({
      always: [
        { guard: 'insuranceUseAgreed', target: 'insuranceUse.registering' },
        { target: 'insuranceUse.checking' },
      ],
    }),
    insuranceUse: m.createStateConfig({
      initial: 'asking',
      states: {
        checking: {
          invoke: {
            src: 'checkInsuranceUse',
            input: ({ context }) => ({ certificate: context.certificate! }),
            onDone: [
              { guard: ({ event }) => event.output === 'unregistered', target: 'asking' },
              { target: '#check.beforeRegistration' },
            ],
            onError: { target: '#check.interrupted', actions: { type: 'interrupt', params: { from: 'insuranceUse' } } },
          },
          on: { NETWORK_DOWN: { target: '#check.interrupted', actions: { type: 'interruptOffline', params: { from: 'insuranceUse' } } } },
        },
        asking: {
          on: {
            INSURANCE_USE_AGREE: [
              { guard: 'identifiedByPin', target: 'registering' },
              { guard: 'pinUsable', target: '#check.identity.preparingPin', actions: assign({ insuranceUseAgreed: true }) },
            ],
            INSURANCE_USE_DECLINE: {
              target: '#check.ended',
              actions: { type: 'endAs', params: { outcome: 'notRegistered' } },
            },
          },
        },
        registering: {
          entry: assign({ insuranceUseAgreed: false }),
          invoke: {
            src: 'registerInsuranceUse',
            input: ({ context }) => ({ certificate: context.certificate! }),
            onDone: {
              target: '#check.beforeRegistration',
              actions: [assign(({ event }) => ({ identity: event.output })), { type: 'audit', params: { step: 'use-registration' } }],
            },
            onError: [
              { guard: 'errorIsCardRemoved', target: '#check.card.waiting', actions: { type: 'cardLost', params: { problem: 'removed' } } },
              { guard: 'errorIsReaderGone', target: '#check.card.waiting', actions: { type: 'cardLost', params: { problem: 'readerGone' } } },
              { target: '#check.interrupted', actions: { type: 'interrupt', params: { from: 'insuranceUse' } } },
            ],
          },
        },
      },
    }),
    /** 処方箋の発行方法 where 電子処方箋 is used and not yet chosen, then the registration (never shown). */
    beforeRegistration: m.createStateConfig({
      always: [{ guard: 'prescriptionPending', target: 'prescription' }, { target: 'registering' }],
    }),
    prescription: m.createStateConfig({
      on: {
        CHOOSE_PRESCRIPTION: {
          target: 'registering',
          actions: [
            assign(({ event }) => ({ prescription: event.method })),
            { type: 'audit', params: { step: 'prescription-method' } },
          ],
        },
      },
    }),
    registering: m.createStateConfig({
      invoke: {
        src: 'registerConsent',
        input: ({ context }) => ({
          checkId: context.checkId,
          careSetting: context.careSetting!.setting,
          reason: context.careSetting!.reason,
          treatmentDate: context.careSetting!.treatmentDate,
          consent: draftChoices(context.consent),
          enteredBy: context.enteredBy,
          identity: context.identity!,
          prescriptionIssue: context.prescription,
        }),
        onDone: [
          { guard: ({ context }) => context.endRequested === 'cancelled', target: 'cancellingConsent', actions: assign(({ event }) => ({ result: event.output })) },
          { guard: 'endRequested', target: 'ended', actions: 'endAsRequested' },
          {
            target: 'result',
            actions: [
              assign(({ event }) => ({ result: event.output })),
              { type: 'audit', params: { step: 'consent-registration' } },
            ],
          },
        ],
        onError: [
          { guard: 'endRequested', target: 'ended', actions: 'endAsRequested' },
          { guard: 'errorIsCardNotRegistered', target: 'insuranceUse' },
          { target: 'interrupted', actions: { type: 'interrupt', params: { from: 'registration' } } },
        ],
      },
      on: {
        CANCEL: { actions: { type: 'requestEnd', params: { outcome: 'cancelled' } } },
        IDLE: { actions: { type: 'requestEnd', params: { outcome: 'idle' } } },
      },
    }),
    cancellingConsent: m.createStateConfig({
      invoke: {
        src: 'cancelConsent',
        input: ({ context }) => ({ checkId: context.checkId, registrationId: context.result!.registrationId ?? '' }),
        onDone: {
          target: 'ended',
          actions: [
            assign(({ context, event }) => ({ outcome: 'cancelled' as const, queuedJobs: event.output.queued ? [...context.queuedJobs, 'consent.cancel' as const] : context.queuedJobs })),
            { type: 'audit', params: { step: 'consent-registration', outcome: 'cancelled' } },
          ],
        },
        onError: { target: 'ended', actions: [{ type: 'endAs', params: { outcome: 'cancelled' } }, { type: 'audit', params: { step: 'consent-registration', outcome: 'failed', code: 'CONSENT_CANCEL_FAILED' } }] },
      },
      on: { CANCEL: {}, IDLE: {} },
    }),
  };
}
