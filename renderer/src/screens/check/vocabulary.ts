/**
 * The check's identifiers the screens offer, typed against the contract so a value added there
 * fails to compile here until it has a button and a label. Labels live in the locale files.
 */
import type { CheckUserEventWire, CheckView } from '../../../../main/contract/channels/check';
import type { OnshiError } from '../../ipc/onshi';

type CareSettingChoice = Extract<CheckUserEventWire, { type: 'CHOOSE_CARE_SETTING' }>;
export type CareSettingId = CareSettingChoice['setting'];
export type AlternateRouteReason = NonNullable<CareSettingChoice['reason']>;
export type FallbackId = Extract<CheckUserEventWire, { type: 'USE_FALLBACK' }>['fallback'];
export type ConsentItem = CheckView['consent']['items'][number]['item'];

const every = <K extends string>(record: Record<K, true>) => Object.keys(record) as K[];

export const CARE_SETTING_IDS = every<CareSettingId>({ alternateRoute: true, homeCare: true, houseCall: true });

export const ALTERNATE_ROUTE_REASONS = every<AlternateRouteReason>({
  feverRoute: true,
  emergencyAdmission: true,
  monthlyInpatient: true,
  driveThrough: true,
  readerBroken: true,
  readerHardToUse: true,
});

/** Only 通常とは異なる動線 asks why; the others are a kind of visit. */
export function settingNeedsReason(setting: CareSettingId): boolean {
  return setting === 'alternateRoute';
}

export type StepProps = {
  view: CheckView;
  busy: boolean;
  send(event: CheckUserEventWire): void;
};

/** The running check as a screen holds it: the host's last view and the calls that move it on. */
export interface CheckHandle {
  /** Null when no check runs. */
  view: CheckView | null;
  /** A call that failed before the machine could answer (validation, host gone). */
  error: OnshiError | null;
  busy: boolean;
  start(): Promise<void>;
  send(event: CheckUserEventWire): Promise<void>;
}

/** The consent items in the order the institution's settings list them. */
export const CONSENT_ITEM_IDS = every<ConsentItem>({ diagnosis: true, medication: true, checkup: true, operation: true });
