/**
 * The context, events and outcomes of the check machine. Kept apart from the machine so the view,
 * the service and the contract can name them without pulling in the states.
 */
import type { AlternateRouteReason, CareSettingId } from './care-settings';
import type { ConsentDraft, ConsentEnteredBy, ConsentItem } from './consent-items';
import type { FallbackId } from './guidance';
import type { OneShotSecret } from './one-shot-secret';
import type {
  Challenge,
  CheckJob,
  CheckSettings,
  IdentityProof,
  InsuranceIdentifiers,
  PrescriptionIssue,
  QualificationResult,
} from './ports';

export type CheckOutcome = 'completed' | 'cancelled' | 'idle' | 'fallback' | 'notRegistered';

/** The steps an interruption can go back to. */
export type ResumePoint = 'card' | 'insuranceUse' | 'registration' | 'secondVisit';

export interface Interruption {
  kind: 'offline' | 'failed';
  from: ResumePoint;
  code: string;
  message: string;
}

export type CardProblem = 'removed' | 'readerGone';

/** A sentence the screen shows for the step it is on (wrong PIN, bad input …); cleared when the step is left. */
export interface Notice {
  code: string;
  message: string;
}

export interface CheckInput {
  checkId: string;
  staffId: string;
  trainingMode: boolean;
  settings: CheckSettings;
}

export interface CheckContext extends CheckInput {
  network: 'online' | 'offline';
  careSetting: { setting: CareSettingId; reason: AlternateRouteReason | null; treatmentDate: string } | null;
  consent: ConsentDraft;
  enteredBy: ConsentEnteredBy;
  cardProblem: CardProblem | null;
  contactless: boolean;
  certificate: Uint8Array | null;
  pinTriesLeft: number | null;
  pinSet: boolean;
  /** The patient agreed to 利用登録 but was identified by 目視: the PIN comes next, then 利用登録. */
  insuranceUseAgreed: boolean;
  challenge: Challenge | null;
  identity: IdentityProof | null;
  prescription: PrescriptionIssue | null;
  secondVisit: InsuranceIdentifiers | null;
  result: QualificationResult | null;
  notice: Notice | null;
  interruption: Interruption | null;
  /** CANCEL or IDLE that arrived while a call that must not be abandoned was in flight. */
  endRequested: 'cancelled' | 'idle' | null;
  outcome: CheckOutcome | null;
  queuedJobs: Array<CheckJob['kind']>;
}

/** What the screens (through the contract) may send. */
export type CheckUserEvent =
  | { type: 'CHOOSE_CARE_SETTING'; setting: CareSettingId; reason: AlternateRouteReason | null; treatmentDate: string }
  | { type: 'START_SECOND_VISIT'; treatmentDate: string; identifiers: InsuranceIdentifiers }
  | { type: 'AGREE_ALL' }
  | { type: 'DISAGREE_ALL' }
  | { type: 'SET_ITEM'; item: ConsentItem; agreed: boolean }
  | { type: 'SET_ENTERED_BY'; enteredBy: ConsentEnteredBy }
  | { type: 'CONSENT_NEXT' }
  | { type: 'BACK' }
  | { type: 'CONSENT_CONFIRM' }
  | { type: 'CHOOSE_PIN' }
  | { type: 'CHOOSE_VISUAL' }
  | { type: 'PIN_SUBMITTED'; pin: OneShotSecret }
  | { type: 'VISUAL_CONFIRMED'; passcode: OneShotSecret }
  | { type: 'INSURANCE_USE_AGREE' }
  | { type: 'INSURANCE_USE_DECLINE' }
  | { type: 'CHOOSE_PRESCRIPTION'; method: PrescriptionIssue }
  | { type: 'REGISTER_REFERENCE'; referenceNumber: string }
  | { type: 'FINISH' }
  | { type: 'RETRY' }
  | { type: 'USE_FALLBACK'; fallback: FallbackId }
  | { type: 'CANCEL' };

/** What the host feeds in from the reader monitor, the gateway's reachability and the session. */
export type CheckSystemEvent =
  | { type: 'CARD_INSERTED' }
  | { type: 'CARD_REMOVED' }
  | { type: 'READER_GONE' }
  | { type: 'READER_ATTACHED' }
  | { type: 'NETWORK_DOWN' }
  | { type: 'NETWORK_UP' }
  | { type: 'IDLE' };

export type CheckEvent = CheckUserEvent | CheckSystemEvent;

export interface CheckOutput {
  checkId: string;
  outcome: CheckOutcome;
  queuedJobs: Array<CheckJob['kind']>;
}
