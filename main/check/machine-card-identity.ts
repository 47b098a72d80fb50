/**
 * The card on the reader (select, certificate, PIN tries) and the patient's identity: 目視 with the
 * clerk's passcode, or the PIN's VERIFY and the signature over OQS's challenge. A pulled card or a
 * vanished reader goes back to waiting for the card; the VERIFY is never abandoned half-way.
 */
import { assign } from 'xstate';
import type { CheckEvent } from './machine-types';
import type { CheckMachineSetup } from './machine-setup';

export function cardAndIdentityStates(m: CheckMachineSetup) {
  return {
    card: m.createStateConfig({
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
    }),
    identity: m.createStateConfig({
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
    }),
  };
}
