/**
 * What the institution's administrator sets up on the 資格確認端末, as the simulator keeps it:
 * the environment settings, the accounts, the activation codes and the devices activated with
 * them. Tests play the administrator through these methods; the app only ever reaches this state
 * through the gateway's refusals and answers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { tokyoDate } from '../../../common/tokyo-time';
import type { ConsentItem } from '../contract-schemas';
import { SimulatedRefusal } from './refusal';
import type { SimulatorClock } from './simulator-clock';

export interface TerminalSettings {
  /** 《オンライン診療等・外来診療等（通常とは異なる動線）機能》 */
  differentFlowFunction: boolean;
  /** 訪問診療等機能 (訪問診療等 and 往診) */
  homeVisitFunction: boolean;
  consentItems: Record<ConsentItem, boolean>;
  electronicPrescription: boolean;
}

export interface TerminalAccount {
  readonly userId: string;
  readonly password: string;
  /** 1 一般利用者, 2 医療情報閲覧 */
  readonly role: '1' | '2';
  /** 利用開始年月日, YYYY-MM-DD */
  readonly startDate: string;
  loggedInOnTerminal: boolean;
}

interface ActivationCodeRecord {
  readonly issuedAt: number;
  state: 'issued' | 'used' | 'revoked';
}

export interface ActivatedDevice {
  readonly deviceId: string;
  readonly userId: string;
  active: boolean;
}

export interface ActivationTiming {
  /** The source document: 「発行されたアクティベーションコードは10分程度経過してから利用」. */
  readonly usableAfterMs: number;
  /** Not public (contract open question 3). */
  readonly validForMs: number;
}

export const DEFAULT_ACTIVATION_TIMING: ActivationTiming = { usableAfterMs: 10 * 60_000, validForMs: 24 * 3600_000 };

export class SimulatedTerminal {
  readonly settings: TerminalSettings = {
    differentFlowFunction: true,
    homeVisitFunction: true,
    consentItems: { DiagnosisInfo: true, PharmacistsInfo: true, SpecificHealthCheckupsInfo: true, OperationInfo: false },
    electronicPrescription: false,
  };
  private readonly accounts = new Map<string, TerminalAccount>();
  private readonly codes = new Map<string, ActivationCodeRecord>();
  private readonly devicesByToken = new Map<string, ActivatedDevice>();

  constructor(
    readonly medicalInstitutionCode: string,
    private readonly clock: SimulatorClock,
    private readonly timing: ActivationTiming = DEFAULT_ACTIVATION_TIMING,
  ) {}

  addAccount(account: Omit<TerminalAccount, 'loggedInOnTerminal'> & { loggedInOnTerminal?: boolean }): void {
    this.accounts.set(account.userId, { ...account, loggedInOnTerminal: account.loggedInOnTerminal ?? true });
  }

  logInOnTerminal(userId: string): void {
    const account = this.accounts.get(userId);
    if (account) account.loggedInOnTerminal = true;
  }

  /** 《アクティベーションコード管理》→《発行》, at the simulator clock's now unless told when. */
  issueActivationCode(issuedAt: Date = this.clock.now()): string {
    const code = randomBytes(8).toString('hex').toUpperCase();
    this.codes.set(code, { issuedAt: issuedAt.getTime(), state: 'issued' });
    return code;
  }

  /** アクティベーションコード無効化. */
  revokeActivationCode(code: string): void {
    const record = this.codes.get(code);
    if (record) record.state = 'revoked';
  }

  activate(request: { MedicalInstitutionCode: string; UserId: string; Password: string; ActivationCode: string }): { device: ActivatedDevice; token: string; role: '1' | '2' } {
    const account = this.accounts.get(request.UserId);
    if (request.MedicalInstitutionCode !== this.medicalInstitutionCode || !account || account.password !== request.Password) {
      throw new SimulatedRefusal('ACTIVATION_CREDENTIALS_INVALID');
    }
    if (!account.loggedInOnTerminal) throw new SimulatedRefusal('ACCOUNT_NEVER_LOGGED_IN');
    const now = this.clock.now();
    if (tokyoDate(now) < account.startDate) throw new SimulatedRefusal('ACCOUNT_NOT_YET_VALID');
    const record = this.codes.get(request.ActivationCode);
    if (!record) throw new SimulatedRefusal('ACTIVATION_CODE_UNKNOWN');
    if (record.state === 'revoked') throw new SimulatedRefusal('ACTIVATION_CODE_REVOKED');
    if (record.state === 'used') throw new SimulatedRefusal('ACTIVATION_CODE_USED');
    const age = now.getTime() - record.issuedAt;
    if (age < this.timing.usableAfterMs) throw new SimulatedRefusal('ACTIVATION_CODE_NOT_YET_ACTIVE');
    if (age > this.timing.validForMs) throw new SimulatedRefusal('ACTIVATION_CODE_EXPIRED');
    if ([...this.devicesByToken.values()].some((d) => d.active && d.userId === account.userId)) {
      throw new SimulatedRefusal('ACCOUNT_DEVICE_ALREADY_ACTIVE');
    }
    record.state = 'used';
    const token = randomBytes(32).toString('base64url');
    const device: ActivatedDevice = { deviceId: randomUUID(), userId: account.userId, active: true };
    this.devicesByToken.set(token, device);
    return { device, token, role: account.role };
  }

  /** The device behind a bearer token, or the refusal OQS would give. */
  deviceFor(authorization: string | undefined): ActivatedDevice {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const device = token === undefined ? undefined : this.devicesByToken.get(token);
    if (!device || !device.active) throw new SimulatedRefusal('DEVICE_NOT_ACTIVATED');
    return device;
  }

  deactivate(device: ActivatedDevice): void {
    device.active = false;
  }
}
