/**
 * What the screen gets of a check: built field by field from the machine's snapshot, so nothing
 * reaches the UI by accident (no secret, no card bytes, no challenge). The contract's schema checks
 * it again before it leaves the host.
 */
import { TRAINING_NOTICE } from '../common/training';
import type { SnapshotFrom } from 'xstate';
import type { CheckStep, CheckView } from '../contract/channels/check';
import { ALTERNATE_ROUTE_REASON_LABELS, CARE_SETTINGS } from './care-settings';
import { CONSENT_ITEMS, CONSENT_ITEM_INFO } from './consent-items';
import { FALLBACKS, FALLBACK_IDS, PIN_RESET_ROUTES, SUGGEST_VISUAL_AT_ONE_TRY } from './guidance';
import type { CheckMachine } from './machine';

export const TRAINING_BANNER = TRAINING_NOTICE;

const PATIENT_STEPS: ReadonlySet<CheckStep> = new Set<CheckStep>([
  'consent.choosing',
  'consent.confirming',
  'card.waiting',
  'card.reading',
  'identity.pinEntry',
  'identity.verifying',
  'identity.signing',
  'insuranceUse.checking',
  'insuranceUse.asking',
  'prescription',
]);

/** The dotted name of the active leaf state, e.g. 'identity.pinEntry'. */
export function stepOf(value: unknown): CheckStep {
  if (typeof value === 'string') return value as CheckStep;
  const [parent, child] = Object.entries(value as Record<string, unknown>)[0] as [string, unknown];
  return `${parent}.${stepOf(child)}` as CheckStep;
}

export function checkView(snapshot: SnapshotFrom<CheckMachine>): CheckView {
  const c = snapshot.context;
  const step = stepOf(snapshot.value);
  const setting = c.careSetting;
  const q = c.result?.qualification;
  return {
    checkId: c.checkId,
    step,
    audience: PATIENT_STEPS.has(step) ? 'patient' : 'clerk',
    trainingMode: c.trainingMode,
    trainingBanner: c.trainingMode ? TRAINING_BANNER : null,
    network: c.network,
    careSetting: setting && {
      setting: setting.setting,
      label: CARE_SETTINGS[setting.setting].label,
      reason: setting.reason,
      reasonLabel: setting.reason && ALTERNATE_ROUTE_REASON_LABELS[setting.reason],
      treatmentDate: setting.treatmentDate,
      consentWindow: CARE_SETTINGS[setting.setting].consentWindow,
    },
    consent: {
      items: CONSENT_ITEMS.filter((item) => item in c.consent).map((item) => ({
        item,
        label: CONSENT_ITEM_INFO[item].label,
        agreed: c.consent[item] ?? null,
      })),
      enteredBy: c.enteredBy,
    },
    card: { problem: c.cardProblem, contactless: c.contactless, pinTriesLeft: c.pinTriesLeft, pinSet: c.pinSet },
    identity: {
      method: c.identity?.method ?? null,
      lastTryWarning: c.pinTriesLeft === 1 ? SUGGEST_VISUAL_AT_ONE_TRY : null,
      resetRoutes: c.pinSet && c.pinTriesLeft === 0 ? [...PIN_RESET_ROUTES] : null,
    },
    prescription: c.prescription,
    result:
      c.result && q
        ? {
            source: c.result.registrationId === null ? 'reinquiry' : 'consent',
            qualification: { ...q },
            consent: c.result.consentStatus.map((s) => ({
              item: s.item,
              label: CONSENT_ITEM_INFO[s.item].label,
              consFlg: s.consFlg,
              availableUntil: s.availableUntil,
            })),
          }
        : null,
    notice: c.notice,
    interruption: c.interruption && {
      kind: c.interruption.kind,
      code: c.interruption.code,
      message: c.interruption.message,
      fallbacks: c.interruption.kind === 'offline' ? FALLBACK_IDS.map((id) => ({ id, ...FALLBACKS[id] })) : [],
    },
    outcome: c.outcome,
    queuedJobs: [...c.queuedJobs],
  };
}
