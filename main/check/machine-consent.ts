/**
 * The check's opening, on the clerk's and then the patient's side: the care setting and treatment
 * date (or a second visit, which needs no card), then consent per enabled item, entered by the
 * patient or by a clerk for them, and its confirmation.
 */
import { assign } from 'xstate';
import { careSettingProblem, treatmentDateProblem } from './care-settings';
import { emptyDraft, fillDraft } from './consent-items';
import type { CheckMachineDeps, CheckMachineSetup } from './machine-setup';

export function consentStates(m: CheckMachineSetup, deps: Pick<CheckMachineDeps, 'now'>) {
  return {
    careSetting: m.createStateConfig({
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
    }),
    consent: m.createStateConfig({
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
    }),
  };
}
