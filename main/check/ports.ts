/**
 * What a check needs from the rest of the app, and nothing more. The machine is written against
 * these ports; adapters in ./adapters bind them to the real modules (JPKI driver, gateways, store,
 * audit log), tests bind them to scripted fakes.
 *
 * Every port that reaches something outside the laptop says whether it is the real thing or a
 * simulator, so a check can prove it never runs on a simulator when a real endpoint is configured.
 * A port rejects with an AppError whose code is one of those in ./errors (adapters translate).
 */
import type { QualificationView } from '../contract/channels/check';
import type { AuditEvent } from '../audit/events';
import type { AlternateRouteReason, CareSettingId } from './care-settings';
import type { ConsentEnteredBy, ConsentItem } from './consent-items';

export type PortOrigin = 'real' | 'simulator';

/** What the reader monitor reports while a check runs. */
export type CardEvent = 'cardInserted' | 'cardRemoved' | 'readerGone' | 'readerAttached';

export type PinVerifyOutcome = { verified: true } | { verified: false; triesLeft: number };

/** The JPKI 利用者証明用 side of the card on the reader. Never reads 個人番号, never signs anything but a challenge. */
export interface CardSessionPort {
  readonly origin: PortOrigin;
  cardPresent(): boolean;
  watch(listener: (event: CardEvent) => void): () => void;
  /** Selects the JPKI application on the card now on the reader. */
  select(): Promise<{ contactless: boolean }>;
  readAuthCertificate(): Promise<Uint8Array>;
  /** `pinSet` is false on a 顔認証マイナンバーカード issued without a PIN: only 目視 works for it. */
  readPinTriesLeft(): Promise<{ triesLeft: number; pinSet: boolean }>;
  /** One VERIFY. The caller zero-fills `pin` afterwards; the port must not keep it. */
  verifyAuthPin(pin: Uint8Array): Promise<PinVerifyOutcome>;
  signChallenge(challenge: Uint8Array): Promise<Uint8Array>;
}

export interface Challenge {
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** How the patient was identified, as the consent gateway needs it. */
export type IdentityProof =
  | { method: 'pin'; certificate: Uint8Array; challengeId: string; signature: Uint8Array }
  | { method: 'visual'; certificate: Uint8Array; staffId: string };

export type PrescriptionIssue = 'electronic' | 'paper';

export interface ConsentRegistration {
  checkId: string;
  careSetting: CareSettingId;
  reason: AlternateRouteReason | null;
  /** YYYY-MM-DD, Tokyo. */
  treatmentDate: string;
  consent: Array<{ item: ConsentItem; agreed: boolean }>;
  enteredBy: ConsentEnteredBy;
  identity: IdentityProof;
  prescriptionIssue: PrescriptionIssue | null;
}

/** 資格情報: the OQS result elements the clerk reads, and what the app reads out of the groups. */
export type Qualification = QualificationView;

/**
 * Per consent item: OQS `…ConsFlg` (0 なし, 1 あり, 2 期限切れ, 3 取得困難) and `…AvailableTime` as ISO 8601
 * with +09:00; null when there is none or the window runs while the visits continue (訪問診療等).
 */
export interface ConsentStatus {
  item: ConsentItem;
  consFlg: '0' | '1' | '2' | '3';
  availableUntil: string | null;
}

export interface QualificationResult {
  /** The gateway's id of the consent registration (for cancellation); null for a 再照会. */
  registrationId: string | null;
  qualification: Qualification;
  consentStatus: ConsentStatus[];
}

/** The consent gateway (居宅同意取得型). */
export interface ConsentGatewayPort {
  readonly origin: PortOrigin;
  /** Reports reachability changes as soon as they are seen. */
  watchConnectivity(listener: (online: boolean) => void): () => void;
  fetchChallenge(): Promise<Challenge>;
  /**
   * Whether the card still needs 健康保険証利用登録, asked by its certificate (spends no challenge),
   * so 利用登録 comes before 処方箋 and the registration, and only when the gateway says so.
   */
  insuranceUseStatus(certificate: Uint8Array): Promise<'registered' | 'unregistered'>;
  /** 健康保険証利用登録; needs the PIN (a signature), never 目視. */
  registerInsuranceUse(identity: Extract<IdentityProof, { method: 'pin' }>): Promise<void>;
  /** Rejects with CARD_NOT_REGISTERED when the card still needs 健康保険証利用登録. */
  registerConsent(registration: ConsentRegistration): Promise<QualificationResult>;
  cancelConsent(request: { checkId: string; registrationId: string }): Promise<void>;
}

export interface InsuranceIdentifiers {
  InsurerNumber: string;
  InsuredCardSymbol?: string;
  InsuredIdentificationNumber: string;
  InsuredBranchNumber?: string;
  /** YYYYMMDD. */
  Birthdate: string;
}

/** The 資格確認端末 folder interface. */
export interface TerminalPort {
  readonly origin: PortOrigin;
  /** 再照会 by insurance identifiers (訪問診療等, second and later visits). */
  reinquire(request: { identifiers: InsuranceIdentifiers; treatmentDate: string }): Promise<QualificationResult>;
  /** 照会番号 single registration. */
  registerReferenceNumber(request: { identifiers: InsuranceIdentifiers; referenceNumber: string }): Promise<void>;
}

export interface ClerkPort {
  /** The clerk who unlocked the cart, or null when it is locked. */
  currentStaffId(): string | null;
  /** The clerk re-enters their own passcode to confirm 目視. The caller zero-fills it afterwards. */
  verifyPasscode(staffId: string, passcode: Uint8Array): Promise<boolean>;
  /** The cart was left idle and locks itself. */
  onIdle(listener: () => void): () => void;
}

export interface AuditPort {
  /** Resolves once the row is durable. The event's schema has no room for patient data or secrets. */
  append(event: AuditEvent): Promise<{ seq: number }>;
  /** The patient as the audit log names them: a keyed hash of the identifiers; null when they are malformed. */
  patientRef(identifiers: InsuranceIdentifiers): string | null;
}

export interface CheckSettings {
  enabledConsentItems: ConsentItem[];
  /** The institution uses 電子処方箋, so the patient chooses 処方箋の発行方法. */
  electronicPrescription: boolean;
}

export interface SettingsPort {
  readCheckSettings(): Promise<CheckSettings>;
}

export type CheckJob =
  | { kind: 'consent.cancel'; checkId: string; registrationId: string }
  /** staffId: the clerk who asked for it, named in the audit row when it is finally sent. */
  | { kind: 'reference-number.register'; checkId: string; staffId: string; identifiers: InsuranceIdentifiers; referenceNumber: string };

/** One sender per kind of queued work; a rejection leaves the job for a later try unless OQS refused it. */
export type CheckJobHandlers = { [K in CheckJob['kind']]: (job: Extract<CheckJob, { kind: K }>) => Promise<void> };

export interface JobQueuePort {
  /** Resolves once the job is durable; it runs when the network is back. */
  enqueue(job: CheckJob): Promise<{ jobId: string }>;
  /** Sends every queued check job that is due, one after another; resolves with how many were tried. */
  runDue(handlers: CheckJobHandlers): Promise<number>;
}

/** This cart's 照会番号 list, which batch queries read: a 照会番号 registered in a check is kept there too. */
export interface ReferenceBookPort {
  /** Validates and keeps the entry (an existing identical one is kept as it is); undo() takes it back out. */
  keep(entry: { referenceNumber: string; identifiers: InsuranceIdentifiers }): { undo(): void };
}

export interface CheckPorts {
  card: CardSessionPort;
  consent: ConsentGatewayPort;
  terminal: TerminalPort;
  clerk: ClerkPort;
  audit: AuditPort;
  settings: SettingsPort;
  jobs: JobQueuePort;
  references: ReferenceBookPort;
}
