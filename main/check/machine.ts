/**
 * One check, from the care setting to the result, as an XState machine. Every state answers the
 * card being pulled, the reader going away, the network dropping, an OQS error, the cart idling and
 * CANCEL; the answers are listed in docs by the tests in tests/unit/check.
 *
 * Two calls are never abandoned half-way: the PIN's VERIFY (the try may already be spent) and the
 * consent registration (OQS may already have it). CANCEL or IDLE during them is remembered and
 * honoured when the call settles. Everything else in flight is simply dropped.
 */
import { assign, setup } from 'xstate';
import { careSettingProblem, treatmentDateProblem } from './care-settings';
import { draftChoices, draftComplete, emptyDraft, fillDraft } from './consent-items';
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

function errorOf(event: CheckEvent): unknown {
  return (event as { error?: unknown }).error;
}

function identifiersOf(q: Qualification): InsuranceIdentifiers {
  return {
    InsurerNumber: q.InsurerNumber,
    InsuredCardSymbol: q.InsuredCardSymbol,
    InsuredIdentificationNumber: q.InsuredIdentificationNumber,
    InsuredBranchNumber: q.InsuredBranchNumber,
    Birthdate: q.Birthdate,
  };
}

/** The patient-data part of a check's context, as it is before a card is read and after the check. */
function noPatientData() {
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
function clearedPatientData(context: CheckContext): Partial<CheckContext> {
  context.certificate?.fill(0);
  if (context.identity?.method === 'pin') context.identity.signature.fill(0);
  return noPatientData();
}

export function createCheckMachine(deps: CheckMachineDeps) {
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
  }).createMachine({
    id: 'check',
    context: ({ input }) => ({
      ...input,
      network: 'online',
      careSetting: null,
      enteredBy: 'patient',
      cardProblem: null,
      contactless: false,
      ...noPatientData(),
      endRequested: null,
      outcome: null,
      queuedJobs: [],
    }),
    initial: 'careSetting',
    on: {
      CANCEL: { target: '.ended', actions: { type: 'endAs', params: { outcome: 'cancelled' } } },
      IDLE: { target: '.ended', actions: { type: 'endAs', params: { outcome: 'idle' } } },
      NETWORK_DOWN: { actions: assign({ network: 'offline' }) },
      NETWORK_UP: { actions: assign({ network: 'online' }) },
    },
    states: {
      careSetting: {
        exit: 'clearNotice',
        on: {
          CHOOSE_CARE_SETTING: [
            {
              guard: 'careSettingValid',
              target: 'consent',
              actions: [
                assign(({ context, event }) => ({
                  careSetting: { setting: event.setting, reason: event.reason, treatmentDate: event.treatmentDate },
                  consent: emptyDraft(context.settings.enabledConsentItems),
                })),
                { type: 'audit', params: { step: 'care-setting' } },
              ],
            },
            {
              actions: assign(({ event }) => {
                const problem = careSettingProblem(event.setting, event.reason) ?? treatmentDateProblem(event.treatmentDate, deps.now());
                return { notice: { code: 'CHECK_INVALID_CARE_SETTING', message: problem ?? '' } };
              }),
            },
          ],
          START_SECOND_VISIT: [
            {
              guard: 'secondVisitValid',
              target: 'secondVisit',
              actions: [
                assign(({ event }) => ({
                  careSetting: { setting: 'homeCare' as const, reason: null, treatmentDate: event.treatmentDate },
                  secondVisit: event.identifiers,
                })),
              ],
            },
            {
              actions: assign(({ event }) => ({
                notice: { code: 'CHECK_INVALID_CARE_SETTING', message: treatmentDateProblem(event.treatmentDate, deps.now()) ?? '' },
              })),
            },
          ],
        },
      },
      consent: {
        initial: 'choosing',
        on: { SET_ENTERED_BY: { actions: assign(({ event }) => ({ enteredBy: event.enteredBy })) } },
        states: {
          choosing: {
            exit: 'clearNotice',
            on: {
              AGREE_ALL: { target: 'confirming', actions: assign(({ context }) => ({ consent: fillDraft(context.settings.enabledConsentItems, true) })) },
              DISAGREE_ALL: { target: 'confirming', actions: assign(({ context }) => ({ consent: fillDraft(context.settings.enabledConsentItems, false) })) },
              SET_ITEM: {
                guard: 'itemEnabled',
                actions: assign(({ context, event }) => ({ consent: { ...context.consent, [event.item]: event.agreed } })),
              },
              CONSENT_NEXT: [
                { guard: 'consentComplete', target: 'confirming' },
                { actions: assign({ notice: { code: 'CHECK_CONSENT_INCOMPLETE', message: 'すべての項目で「同意する」か「同意しない」を選んでください。' } }) },
              ],
            },
          },
          confirming: {
            on: {
              BACK: 'choosing',
              CONSENT_CONFIRM: {
                target: '#check.card',
                actions: { type: 'audit', params: { consent: true } },
              },
            },
          },
        },
      },
      card: {
        initial: 'waiting',
        states: {
          waiting: {
            // A card already on the reader is read at once, but not again after it failed to read:
            // then only a real insertion counts, so an unreadable card is never hammered in a loop.
            always: { guard: 'cardReadable', target: 'reading' },
            on: {
              CARD_INSERTED: { target: 'reading', actions: assign({ cardProblem: null }) },
              CARD_REMOVED: { actions: assign({ cardProblem: 'removed' }) },
              READER_GONE: { actions: assign({ cardProblem: 'readerGone' }) },
              READER_ATTACHED: { actions: assign({ cardProblem: null }) },
            },
          },
          reading: {
            invoke: {
              src: 'readCard',
              onDone: {
                target: '#check.identity',
                actions: [
                  assign(({ event }) => ({ ...event.output, cardProblem: null })),
                  { type: 'audit', params: { step: 'card-read' } },
                ],
              },
              onError: [
                { guard: 'errorIsCardRemoved', target: 'waiting', actions: { type: 'cardLost', params: { problem: 'removed' } } },
                { guard: 'errorIsReaderGone', target: 'waiting', actions: { type: 'cardLost', params: { problem: 'readerGone' } } },
                { target: '#check.interrupted', actions: { type: 'interrupt', params: { from: 'card' } } },
              ],
            },
            on: {
              CARD_REMOVED: { target: 'waiting', actions: { type: 'cardLost', params: { problem: 'removed' } } },
              READER_GONE: { target: 'waiting', actions: { type: 'cardLost', params: { problem: 'readerGone' } } },
            },
          },
        },
      },
      identity: {
        initial: 'choosing',
        on: {
          CARD_REMOVED: { target: '#check.card.waiting', actions: { type: 'cardLost', params: { problem: 'removed' } } },
          READER_GONE: { target: '#check.card.waiting', actions: { type: 'cardLost', params: { problem: 'readerGone' } } },
        },
        states: {
          choosing: {
            always: { guard: 'pinBlocked', target: 'blocked' },
            on: { CHOOSE_PIN: { guard: 'pinUsable', target: 'preparingPin' }, CHOOSE_VISUAL: 'visual' },
          },
          visual: {
            exit: 'clearNotice',
            on: { VISUAL_CONFIRMED: 'checkingPasscode', CHOOSE_PIN: { guard: 'pinUsable', target: 'preparingPin' } },
          },
          checkingPasscode: {
            invoke: {
              src: 'verifyPasscode',
              input: ({ context, event }) => ({ staffId: context.staffId, passcode: (event as Extract<CheckEvent, { type: 'VISUAL_CONFIRMED' }>).passcode }),
              onDone: [
                {
                  guard: ({ event }) => event.output,
                  target: '#check.afterIdentity',
                  actions: [
                    assign(({ context }) => ({ identity: { method: 'visual' as const, certificate: context.certificate!, staffId: context.staffId } })),
                    { type: 'audit', params: { identity: 'visual', outcome: 'ok' } },
                  ],
                },
                { target: 'visual', actions: assign({ notice: { code: 'PASSCODE_WRONG', message: 'パスコードが違います。ご自身のパスコードをもう一度入力してください。' } }) },
              ],
              onError: { target: 'visual', actions: 'noticeFromError' },
            },
          },
          preparingPin: {
            invoke: {
              src: 'fetchChallenge',
              onDone: { target: 'pinEntry', actions: assign(({ event }) => ({ challenge: event.output })) },
              onError: { target: '#check.interrupted', actions: { type: 'interrupt', params: { from: 'card' } } },
            },
            on: { NETWORK_DOWN: { target: '#check.interrupted', actions: { type: 'interruptOffline', params: { from: 'card' } } } },
          },
          pinEntry: {
            exit: 'clearNotice',
            on: { PIN_SUBMITTED: 'verifying', CHOOSE_VISUAL: 'visual' },
          },
          verifying: {
            invoke: {
              src: 'verifyPin',
              input: ({ event }) => ({ pin: (event as Extract<CheckEvent, { type: 'PIN_SUBMITTED' }>).pin }),
              onDone: [
                { guard: 'endRequested', target: '#check.ended', actions: ['endAsRequested', { type: 'audit', params: { identity: 'pin', outcome: 'cancelled' } }] },
                { guard: ({ event }) => event.output.verified, target: 'signing', actions: { type: 'audit', params: { identity: 'pin', outcome: 'ok' } } },
                {
                  guard: ({ event }) => !event.output.verified && event.output.triesLeft === 0,
                  target: 'blocked',
                  actions: [assign({ pinTriesLeft: 0 }), { type: 'audit', params: { identity: 'pin', outcome: 'failed' } }],
                },
                {
                  target: 'pinEntry',
                  actions: [
                    assign(({ event }) => {
                      const triesLeft = event.output.verified ? null : event.output.triesLeft;
                      return { pinTriesLeft: triesLeft, notice: { code: 'PIN_WRONG', message: `暗証番号が違います。残り${triesLeft ?? '-'}回です。` } };
                    }),
                    { type: 'audit', params: { identity: 'pin', outcome: 'failed' } },
                  ],
                },
              ],
              onError: [
                { guard: 'endRequested', target: '#check.ended', actions: 'endAsRequested' },
                { guard: 'errorIsCardRemoved', target: '#check.card.waiting', actions: [{ type: 'cardLost', params: { problem: 'removed' } }, { type: 'audit', params: { identity: 'pin', outcome: 'failed' } }] },
                { guard: 'errorIsReaderGone', target: '#check.card.waiting', actions: [{ type: 'cardLost', params: { problem: 'readerGone' } }, { type: 'audit', params: { identity: 'pin', outcome: 'failed' } }] },
                { target: '#check.interrupted', actions: { type: 'interrupt', params: { from: 'card' } } },
              ],
            },
            on: {
              CARD_REMOVED: { actions: assign({ cardProblem: 'removed' }) },
              READER_GONE: { actions: assign({ cardProblem: 'readerGone' }) },
              CANCEL: { actions: { type: 'requestEnd', params: { outcome: 'cancelled' } } },
              IDLE: { actions: { type: 'requestEnd', params: { outcome: 'idle' } } },
            },
          },
          signing: {
            invoke: {
              src: 'signChallenge',
              input: ({ context }) => ({ challenge: context.challenge!, certificate: context.certificate! }),
              onDone: {
                target: '#check.afterIdentity',
                actions: [assign(({ event }) => ({ identity: event.output })), { type: 'audit', params: { step: 'signature' } }],
              },
              onError: [
                { guard: 'errorIsCardRemoved', target: '#check.card.waiting', actions: { type: 'cardLost', params: { problem: 'removed' } } },
                { guard: 'errorIsReaderGone', target: '#check.card.waiting', actions: { type: 'cardLost', params: { problem: 'readerGone' } } },
                { target: '#check.interrupted', actions: { type: 'interrupt', params: { from: 'card' } } },
              ],
            },
          },
          blocked: { on: { CHOOSE_VISUAL: 'visual' } },
        },
      },
      /**
       * Where a check goes once the patient is identified (never shown: left in the same step). The
       * issue's order: identity → 利用登録 when the gateway says it is needed → 処方箋 → registration.
       */
      afterIdentity: {
        always: [
          { guard: 'insuranceUseAgreed', target: 'insuranceUse.registering' },
          { target: 'insuranceUse.checking' },
        ],
      },
      insuranceUse: {
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
      },
      /** 処方箋の発行方法 where 電子処方箋 is used and not yet chosen, then the registration (never shown). */
      beforeRegistration: {
        always: [{ guard: 'prescriptionPending', target: 'prescription' }, { target: 'registering' }],
      },
      prescription: {
        on: {
          CHOOSE_PRESCRIPTION: {
            target: 'registering',
            actions: [
              assign(({ event }) => ({ prescription: event.method })),
              { type: 'audit', params: { step: 'prescription-method' } },
            ],
          },
        },
      },
      registering: {
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
      },
      cancellingConsent: {
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
      },
      secondVisit: {
        invoke: {
          src: 'reinquire',
          input: ({ context }) => ({ identifiers: context.secondVisit!, treatmentDate: context.careSetting!.treatmentDate }),
          onDone: { target: 'result', actions: [assign(({ event }) => ({ result: event.output })), { type: 'audit', params: { step: 'reinquiry' } }] },
          onError: { target: 'interrupted', actions: { type: 'interrupt', params: { from: 'secondVisit' } } },
        },
        on: { NETWORK_DOWN: { target: 'interrupted', actions: { type: 'interruptOffline', params: { from: 'secondVisit' } } } },
      },
      result: {
        exit: 'clearNotice',
        on: {
          REGISTER_REFERENCE: [
            { guard: 'referenceValid', target: 'referenceRegistering' },
            { actions: assign({ notice: { code: 'CHECK_INVALID_REFERENCE', message: '照会番号は半角英数字・記号50文字以内で入力してください。' } }) },
          ],
          FINISH: { target: 'ended', actions: { type: 'endAs', params: { outcome: 'completed' } } },
        },
      },
      referenceRegistering: {
        invoke: {
          src: 'registerReferenceNumber',
          input: ({ context, event }) => ({
            checkId: context.checkId,
            staffId: context.staffId,
            identifiers: identifiersOf(context.result!.qualification),
            referenceNumber: event.type === 'REGISTER_REFERENCE' ? event.referenceNumber : '',
          }),
          onDone: {
            target: 'ended',
            actions: [
              'auditReference',
              assign(({ context, event }) => ({
                outcome: 'completed' as const,
                queuedJobs: event.output.queued ? [...context.queuedJobs, 'reference-number.register' as const] : context.queuedJobs,
              })),
            ],
          },
          onError: {
            target: 'result',
            actions: [
              'auditReference',
              assign({ notice: { code: 'CHECK_REFERENCE_FAILED', message: '照会番号を登録できませんでした。番号を確かめてもう一度お試しいただくか、「終了」を押してください。' } }),
            ],
          },
        },
      },
      interrupted: {
        entry: { type: 'audit', params: { interruption: true } },
        on: {
          RETRY: [
            { guard: { type: 'resumesAt', params: { from: 'card' } }, target: 'card' },
            { guard: 'resumesAtRegistrationByPin', target: 'card' },
            { guard: { type: 'resumesAt', params: { from: 'registration' } }, target: 'registering' },
            // The gateway is asked again whether 利用登録 is needed: it answers the question or the status.
            { guard: { type: 'resumesAt', params: { from: 'insuranceUse' } }, target: 'afterIdentity' },
            { guard: { type: 'resumesAt', params: { from: 'secondVisit' } }, target: 'secondVisit' },
          ],
          USE_FALLBACK: {
            guard: 'isOffline',
            target: 'ended',
            actions: [
              { type: 'endAs', params: { outcome: 'fallback' } },
            ],
          },
        },
        exit: assign({ interruption: null }),
      },
      ended: {
        type: 'final',
        entry: [{ type: 'audit', params: { end: true } }, assign(({ context }) => clearedPatientData(context))],
      },
    },
    output: ({ context }) => ({ checkId: context.checkId, outcome: context.outcome ?? 'cancelled', queuedJobs: context.queuedJobs }),
  });
}

export type CheckMachine = ReturnType<typeof createCheckMachine>;
