/**
 * The qualification the clerk sees, reached by a registered consent or by a second visit's 再照会
 * without a card, and the optional 照会番号 registered from it (queued when the terminal is out
 * of reach).
 */
import { assign } from 'xstate';
import { identifiersOf, type CheckMachineSetup } from './machine-setup';

export function resultStates(m: CheckMachineSetup) {
  return {
    secondVisit: m.createStateConfig({
      invoke: {
        src: 'reinquire',
        input: ({ context }) => ({ identifiers: context.secondVisit!, treatmentDate: context.careSetting!.treatmentDate }),
        onDone: { target: 'result', actions: [assign(({ event }) => ({ result: event.output })), { type: 'audit', params: { step: 'reinquiry' } }] },
        onError: { target: 'interrupted', actions: { type: 'interrupt', params: { from: 'secondVisit' } } },
      },
      on: { NETWORK_DOWN: { target: 'interrupted', actions: { type: 'interruptOffline', params: { from: 'secondVisit' } } } },
    }),
    result: m.createStateConfig({
      exit: 'clearNotice',
      on: {
        REGISTER_REFERENCE: [
          { guard: 'referenceValid', target: 'referenceRegistering' },
          { actions: assign({ notice: { code: 'CHECK_INVALID_REFERENCE', message: '照会番号は半角英数字・記号50文字以内で入力してください。' } }) },
        ],
        FINISH: { target: 'ended', actions: { type: 'endAs', params: { outcome: 'completed' } } },
      },
    }),
    referenceRegistering: m.createStateConfig({
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
    }),
  };
}
