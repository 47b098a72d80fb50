/**
 * Scripted stand-ins for every port of a check. Each call can be held open (to send events while it
 * is in flight) or made to fail once; every call is counted, so tests can say "VERIFY was sent once".
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../main/contract/errors';
import { qualificationView } from '../../../main/check/qualification-view';
import { AuditEventSchema, type AuditEvent } from '../../../main/audit/events';
import type {
  AuditPort,
  CardEvent,
  CardSessionPort,
  CheckJob,
  CheckJobHandlers,
  CheckPorts,
  CheckSettings,
  ClerkPort,
  ConsentGatewayPort,
  ConsentRegistration,
  InsuranceIdentifiers,
  JobQueuePort,
  PinVerifyOutcome,
  PortOrigin,
  QualificationResult,
  ReferenceBookPort,
  TerminalPort,
} from '../../../main/check/ports';

interface Deferred {
  promise: Promise<void>;
  release(): void;
  fail(err: unknown): void;
}

function deferred(): Deferred {
  let release = () => undefined as void;
  let fail: (err: unknown) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

export const cardRemovedError = () => new AppError('CARD_REMOVED', 'カードが外れました。');
export const readerGoneError = () => new AppError('READER_GONE', 'リーダーがありません。');
export const networkError = () => new AppError('NETWORK_DOWN', '接続できません。');
export const oqsError = () => new AppError('OQS_ERROR', 'オンライン資格確認等システムでエラーが発生しました。時間をおいて再度お試しください。', 'EOQS1234');

/** Holds calls open and injects one-off failures, by method name. */
export class Script {
  readonly calls: Record<string, number> = {};
  private readonly holds = new Map<string, Deferred>();
  private readonly failures = new Map<string, unknown>();

  hold(method: string): Deferred {
    const d = deferred();
    this.holds.set(method, d);
    return d;
  }

  failNext(method: string, err: unknown): void {
    this.failures.set(method, err);
  }

  async pass(method: string): Promise<void> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const held = this.holds.get(method);
    if (held) {
      this.holds.delete(method);
      await held.promise;
    }
    if (this.failures.has(method)) {
      const err = this.failures.get(method);
      this.failures.delete(method);
      throw err;
    }
  }
}

export class FakeCard implements CardSessionPort {
  readonly script = new Script();
  present = false;
  triesLeft = 3;
  pinSet = true;
  readonly pinsSeen: string[] = [];
  readonly pinBuffers: Uint8Array[] = [];
  private readonly listeners = new Set<(e: CardEvent) => void>();

  constructor(
    readonly origin: PortOrigin = 'simulator',
    private readonly pin = '1234',
  ) {}

  cardPresent() {
    return this.present;
  }
  watch(listener: (e: CardEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: CardEvent) {
    if (e === 'cardInserted') this.present = true;
    if (e === 'cardRemoved' || e === 'readerGone') this.present = false;
    for (const l of this.listeners) l(e);
  }
  get watchers() {
    return this.listeners.size;
  }
  async select() {
    await this.script.pass('select');
    return { contactless: true };
  }
  async readAuthCertificate() {
    await this.script.pass('readAuthCertificate');
    return new Uint8Array([0x30, 0x82, 0x01, 0x02]);
  }
  async readPinTriesLeft() {
    await this.script.pass('readPinTriesLeft');
    return { triesLeft: this.triesLeft, pinSet: this.pinSet };
  }
  async verifyAuthPin(pin: Uint8Array): Promise<PinVerifyOutcome> {
    this.pinBuffers.push(pin);
    this.pinsSeen.push(Buffer.from(pin).toString('ascii'));
    await this.script.pass('verifyAuthPin');
    if (this.triesLeft === 0) return { verified: false, triesLeft: 0 };
    if (Buffer.from(pin).toString('ascii') === this.pin) {
      this.triesLeft = 3;
      return { verified: true };
    }
    this.triesLeft -= 1;
    return { verified: false, triesLeft: this.triesLeft };
  }
  async signChallenge(challenge: Uint8Array) {
    await this.script.pass('signChallenge');
    return new Uint8Array([...challenge].reverse());
  }
}

export function sampleResult(registrationId: string | null): QualificationResult {
  return {
    registrationId,
    qualification: qualificationView(
      {
        Name: '研修　花子',
        NameKana: 'ｹﾝｼｭｳ ﾊﾅｺ',
        Birthdate: '19500102',
        Sex1: '2',
        InsurerNumber: '06139998',
        InsurerName: '研修健保',
        InsuredCardSymbol: '7001',
        InsuredIdentificationNumber: '5678',
        InsuredBranchNumber: '01',
      },
      '1',
      '2026-11-25',
    ),
    consentStatus: [
      { item: 'diagnosis', consFlg: '1', availableUntil: '2026-11-26T23:59:00+09:00' },
      { item: 'medication', consFlg: '0', availableUntil: null },
    ],
  };
}

export class FakeGateway implements ConsentGatewayPort {
  readonly script = new Script();
  online = true;
  insuranceRegistered = true;
  readonly registrations: ConsentRegistration[] = [];
  readonly cancellations: string[] = [];
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(readonly origin: PortOrigin = 'simulator') {}

  watchConnectivity(listener: (online: boolean) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setOnline(online: boolean) {
    this.online = online;
    for (const l of this.listeners) l(online);
  }
  private async pass(method: string) {
    await this.script.pass(method);
    if (!this.online) throw networkError();
  }
  async fetchChallenge() {
    await this.pass('fetchChallenge');
    return { id: 'ch-1', bytes: new Uint8Array(32).fill(7) };
  }
  /** Set: the status the gateway answers, whatever the registration would say (a stale status). */
  insuranceStatusAnswer: 'registered' | 'unregistered' | undefined;
  async insuranceUseStatus() {
    await this.pass('insuranceUseStatus');
    return this.insuranceStatusAnswer ?? (this.insuranceRegistered ? 'registered' : 'unregistered');
  }
  readonly insuranceUseProofs: string[] = [];
  async registerInsuranceUse(proof: { challengeId: string }) {
    await this.pass('registerInsuranceUse');
    this.insuranceUseProofs.push(proof.challengeId);
    this.insuranceRegistered = true;
  }
  async registerConsent(registration: ConsentRegistration) {
    await this.pass('registerConsent');
    if (!this.insuranceRegistered) throw new AppError('CARD_NOT_REGISTERED', '利用登録がされていません。');
    this.registrations.push(registration);
    return sampleResult('reg-1');
  }
  async cancelConsent(request: { registrationId: string }) {
    await this.pass('cancelConsent');
    this.cancellations.push(request.registrationId);
  }
}

export class FakeTerminal implements TerminalPort {
  readonly script = new Script();
  online = true;
  readonly references: string[] = [];
  constructor(readonly origin: PortOrigin = 'simulator') {}
  async reinquire() {
    await this.script.pass('reinquire');
    if (!this.online) throw networkError();
    return sampleResult(null);
  }
  async registerReferenceNumber(request: { referenceNumber: string }) {
    await this.script.pass('registerReferenceNumber');
    if (!this.online) throw networkError();
    this.references.push(request.referenceNumber);
  }
}

export class FakeClerk implements ClerkPort {
  readonly script = new Script();
  staffId: string | null = 'S001';
  readonly passcodeBuffers: Uint8Array[] = [];
  private readonly listeners = new Set<() => void>();
  currentStaffId() {
    return this.staffId;
  }
  async verifyPasscode(staffId: string, passcode: Uint8Array) {
    this.passcodeBuffers.push(passcode);
    await this.script.pass('verifyPasscode');
    return staffId === this.staffId && Buffer.from(passcode).toString('ascii') === '9876';
  }
  onIdle(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  idle() {
    for (const l of this.listeners) l();
  }
}

/** Holds rows to the audit log's strict schema, as the real log does. */
export class FakeAudit implements AuditPort {
  readonly rows: AuditEvent[] = [];
  async append(event: AuditEvent) {
    this.rows.push(AuditEventSchema.parse(event));
    return { seq: this.rows.length };
  }
  /** A stand-in for the keyed hash: the same identifiers give the same reference, and none of them shows. */
  patientRef(ids: InsuranceIdentifiers) {
    if (!/^\d{8}$/.test(ids.Birthdate)) return null;
    return `p1-${createHash('sha256').update(JSON.stringify(ids)).digest('hex').slice(0, 32)}`;
  }
  /** Each row as kind:detail, e.g. 'check.step:card-read' or 'check.identity:pin:failed'. */
  types() {
    return this.rows.map((r) => {
      if (r.kind === 'check.step') return `${r.kind}:${r.step}${r.outcome === 'ok' ? '' : `:${r.outcome}`}`;
      if (r.kind === 'check.identity') return `${r.kind}:${r.method}:${r.outcome}`;
      if (r.kind === 'check.outcome') return `${r.kind}:${r.outcome}`;
      if (r.kind === 'reference.change') return `${r.kind}:${r.action}:${r.outcome}${r.code ? `:${r.code}` : ''}`;
      return r.kind;
    });
  }
}

export class FakeReferenceBook implements ReferenceBookPort {
  readonly kept = new Map<string, InsuranceIdentifiers>();
  /** Set: keep() refuses with this error (a duplicate, a malformed number). */
  refusal: AppError | null = null;
  keep({ referenceNumber, identifiers }: { referenceNumber: string; identifiers: InsuranceIdentifiers }) {
    if (this.refusal) throw this.refusal;
    this.kept.set(referenceNumber, identifiers);
    return { undo: () => void this.kept.delete(referenceNumber) };
  }
}

export class FakeJobs implements JobQueuePort {
  /** Waiting to be sent; a job leaves this list when its sender succeeds (or was refused for good). */
  readonly jobs: CheckJob[] = [];
  readonly sent: CheckJob[] = [];
  readonly refused: CheckJob[] = [];
  async enqueue(job: CheckJob) {
    this.jobs.push(job);
    return { jobId: `job-${this.jobs.length}` };
  }
  async runDue(handlers: CheckJobHandlers) {
    const due = this.jobs.splice(0);
    for (const job of due) {
      try {
        await (handlers[job.kind] as (job: CheckJob) => Promise<void>)(job);
        this.sent.push(job);
      } catch (err) {
        if (err instanceof AppError && err.code === 'NETWORK_DOWN') this.jobs.push(job);
        else this.refused.push(job);
      }
    }
    return due.length;
  }
}

export interface Fakes {
  card: FakeCard;
  consent: FakeGateway;
  terminal: FakeTerminal;
  clerk: FakeClerk;
  audit: FakeAudit;
  jobs: FakeJobs;
  references: FakeReferenceBook;
  settings: { value: CheckSettings; readCheckSettings(): Promise<CheckSettings> };
  ports: CheckPorts;
}

export function createFakes(origin: PortOrigin = 'simulator', settings?: Partial<CheckSettings>): Fakes {
  const value: CheckSettings = {
    enabledConsentItems: ['diagnosis', 'medication', 'checkup', 'operation'],
    electronicPrescription: false,
    ...settings,
  };
  const f = {
    card: new FakeCard(origin),
    consent: new FakeGateway(origin),
    terminal: new FakeTerminal(origin),
    clerk: new FakeClerk(),
    audit: new FakeAudit(),
    jobs: new FakeJobs(),
    references: new FakeReferenceBook(),
    settings: { value, readCheckSettings: async () => value },
  };
  return { ...f, ports: { ...f } };
}
