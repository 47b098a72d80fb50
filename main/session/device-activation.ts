/**
 * Activating this cart toward OQS (居宅同意取得型): 機関コード, the user ID and password of the
 * account made on the 資格確認端末, and the activation code issued there. The credential that
 * comes back is sealed in the store, and the consent items the institution enabled become this
 * cart's; every attempt, refused or not, is audited.
 */
import type { AuditLog } from '../audit/audit-log';
import { AppError } from '../contract/errors';
import type { ConsentGatewayClient, DeviceCredential } from '../oqs/consent';
import { checkInstitutionCode, checkUserId, type DeviceInfo, type DeviceRecord } from '../store/device';
import { institutionChoicesOf, type InstitutionChoices } from './institution-choices';

export interface ActivationRequest {
  readonly institutionCode: string;
  readonly userId: string;
  readonly password: string;
  readonly activationCode: string;
}

export interface DeviceActivationDeps {
  readonly device: DeviceRecord;
  readonly audit: AuditLog;
  /** The client of the configured gateway (the simulator in 研修モード). */
  readonly consentClient: () => ConsentGatewayClient;
  /** Stores what the institution enabled into this cart's settings (an audited settings change). */
  readonly adoptInstitutionChoices: (choices: InstitutionChoices) => void;
}

export class DeviceActivation {
  constructor(private readonly deps: DeviceActivationDeps) {}

  info(): DeviceInfo {
    return this.deps.device.read();
  }

  async activate(request: ActivationRequest, actor: string): Promise<DeviceInfo> {
    checkInstitutionCode(request.institutionCode);
    checkUserId(request.userId);
    try {
      const client = this.deps.consentClient();
      const { credential } = await client.activate({
        medicalInstitutionCode: request.institutionCode,
        userId: request.userId,
        password: request.password,
        activationCode: request.activationCode,
        deviceName: 'onshi-cart',
      });
      // Read before anything is stored: a cart activated with the wrong consent items would have
      // every consent refused by the gateway.
      const choices = institutionChoicesOf(await client.institutionSettings(credential));
      const info = this.deps.device.activate({
        institutionCode: request.institutionCode,
        userId: request.userId,
        credential: Buffer.from(JSON.stringify(credential), 'utf8'),
      });
      this.deps.audit.append({ kind: 'device.activation', actor, outcome: 'ok', institutionCode: request.institutionCode });
      this.deps.adoptInstitutionChoices(choices);
      return info;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      this.deps.audit.append({ kind: 'device.activation', actor, outcome: 'failed', institutionCode: request.institutionCode, code });
      throw err;
    }
  }

  /** The sealed credential, for calls to the gateway; throws DEVICE_NOT_ACTIVATED before activation. */
  credential(): DeviceCredential {
    return JSON.parse(this.deps.device.credential().toString('utf8')) as DeviceCredential;
  }
}
