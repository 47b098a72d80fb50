/**
 * The consent gateway client: every operation of docs/consent-gateway-contract.md over an injected
 * HTTPS transport. Requests are checked before they leave; answers are checked before anyone sees
 * them; every failure is an AppError the clerk can act on. Only idempotent calls are retried, and
 * only a few times, so a struggling server is never flooded.
 */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import {
  ActivationRequest, ActivationResult, CONSENT_ITEMS, CONSENT_PATHS, ChallengeResult, ConsentCancellationRequest,
  ConsentCancellationResult, ConsentRegistrationRequest, ConsentRegistrationResult, DeactivationResult, EmptyRequest,
  InstitutionSettingsResult, InsuranceUseRegistrationRequest, InsuranceUseRegistrationResult, InsuranceUseStatusRequest,
  InsuranceUseStatusResult, MEDICAL_INFO_WITHHELD_CODE,
  RefusalMessage,
} from './contract-schemas';
import type { ConsentItem, ConsentRegistrationAnswer, ConsentRegistrationBody, InstitutionSettings } from './contract-schemas';
import { GatewayErrors, isConsentRefusalCode, refusalError } from './error-codes';
import { TransportFailure } from './http-transport';
import type { HttpResponse, HttpTransport } from './http-transport';
import { fromOqsTime, oqsTimeToIso } from './oqs-time';

export interface ConsentClientOptions {
  readonly baseUrl: string;
  readonly transport: HttpTransport;
  readonly timeoutMs?: number;
  /** Attempts in all for idempotent calls (non-idempotent calls are always sent once). */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

/** What activation leaves on the laptop; the token is a secret the store keeps protected. */
export interface DeviceCredential {
  readonly medicalInstitutionCode: string;
  readonly deviceId: string;
  readonly deviceToken: string;
}

export interface ActivationInput {
  readonly medicalInstitutionCode: string;
  readonly userId: string;
  readonly password: string;
  readonly activationCode: string;
  readonly deviceName?: string;
}

export interface ConsentItemOutcome {
  readonly item: ConsentItem;
  readonly consented: boolean;
  readonly consentedAt?: string;
  /** ISO 8601 +09:00, from `*AvailableTime`; absent while the window is continuing (訪問診療等). */
  readonly availableUntil?: string;
  readonly continuing: boolean;
}

export interface ConsentOutcome {
  readonly answer: ConsentRegistrationAnswer;
  /** Certificate expired < 3 months ago: the qualification came, medical information did not. */
  readonly medicalInfoWithheld: boolean;
  readonly items: readonly ConsentItemOutcome[];
}

interface CallSpec<R extends z.ZodType> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly request?: { readonly schema: z.ZodType; readonly body: unknown };
  readonly result: R;
  readonly idempotent: boolean;
  readonly credential?: DeviceCredential;
}

export class ConsentGatewayClient {
  private readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  constructor(options: ConsentClientOptions) {
    if (!/^https:\/\/[^/]+/i.test(options.baseUrl)) throw GatewayErrors.notHttps();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.transport = options.transport;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 300;
  }

  async activate(input: ActivationInput): Promise<{ credential: DeviceCredential; activatedAt: string; accountRole: '1' | '2' }> {
    const { medicalInstitutionCode, userId, password, activationCode, deviceName } = input;
    const body = await this.call({
      method: 'POST', path: CONSENT_PATHS.activation, idempotent: false, result: ActivationResult,
      request: {
        schema: ActivationRequest,
        body: envelope(medicalInstitutionCode, {
          MedicalInstitutionCode: medicalInstitutionCode, UserId: userId, Password: password, ActivationCode: activationCode,
          ...(deviceName === undefined ? {} : { DeviceName: deviceName }),
        }),
      },
    });
    return {
      credential: { medicalInstitutionCode, deviceId: body.DeviceId, deviceToken: body.DeviceToken },
      activatedAt: oqsTimeToIso(body.ActivatedTime),
      accountRole: body.AccountRole,
    };
  }

  async deactivate(credential: DeviceCredential): Promise<{ deactivatedAt: string }> {
    const body = await this.call({
      method: 'POST', path: CONSENT_PATHS.deactivation, idempotent: false, credential, result: DeactivationResult,
      request: { schema: EmptyRequest, body: envelope(credential.medicalInstitutionCode, {}) },
    });
    return { deactivatedAt: oqsTimeToIso(body.DeactivatedTime) };
  }

  institutionSettings(credential: DeviceCredential): Promise<InstitutionSettings> {
    return this.call({ method: 'GET', path: CONSENT_PATHS.institutionSettings, idempotent: true, credential, result: InstitutionSettingsResult });
  }

  /** Safe to retry: an unused challenge commits nothing and expires on its own. */
  async issueChallenge(credential: DeviceCredential): Promise<{ challengeId: string; challenge: Buffer; expiresAt: Date }> {
    const body = await this.call({
      method: 'POST', path: CONSENT_PATHS.challenge, idempotent: true, credential, result: ChallengeResult,
      request: { schema: EmptyRequest, body: envelope(credential.medicalInstitutionCode, {}) },
    });
    return { challengeId: body.ChallengeId, challenge: Buffer.from(body.Challenge, 'base64'), expiresAt: fromOqsTime(body.ChallengeExpiryTime) };
  }

  async registerConsent(credential: DeviceCredential, registration: ConsentRegistrationBody, arbitraryFileIdentifier?: string): Promise<ConsentOutcome> {
    const answer = await this.call({
      method: 'POST', path: CONSENT_PATHS.consentRegistration, idempotent: false, credential, result: ConsentRegistrationResult,
      request: { schema: ConsentRegistrationRequest, body: envelope(credential.medicalInstitutionCode, registration, arbitraryFileIdentifier) },
    });
    return summarise(answer);
  }

  async registerInsuranceUse(
    credential: DeviceCredential,
    proof: { challengeId: string; authCertificate: string; signature: string },
  ): Promise<{ registeredAt: string }> {
    const body = await this.call({
      method: 'POST', path: CONSENT_PATHS.insuranceUseRegistration, idempotent: false, credential, result: InsuranceUseRegistrationResult,
      request: {
        schema: InsuranceUseRegistrationRequest,
        body: envelope(credential.medicalInstitutionCode, { ChallengeId: proof.challengeId, AuthCertificate: proof.authCertificate, Signature: proof.signature }),
      },
    });
    return { registeredAt: oqsTimeToIso(body.InsuranceUseRegistrationTime) };
  }

  /** Read-only, so retried like any idempotent call. */
  async insuranceUseStatus(credential: DeviceCredential, authCertificate: string): Promise<'registered' | 'unregistered'> {
    const body = await this.call({
      method: 'POST', path: CONSENT_PATHS.insuranceUseStatus, idempotent: true, credential, result: InsuranceUseStatusResult,
      request: { schema: InsuranceUseStatusRequest, body: envelope(credential.medicalInstitutionCode, { AuthCertificate: authCertificate }) },
    });
    return body.InsuranceUseRegistrationStatus === '1' ? 'registered' : 'unregistered';
  }

  async cancelConsent(credential: DeviceCredential, consentRegistrationId: string, reason: '1' | '2'): Promise<{ cancelledAt: string }> {
    const body = await this.call({
      method: 'POST', path: CONSENT_PATHS.consentCancellation, idempotent: false, credential, result: ConsentCancellationResult,
      request: {
        schema: ConsentCancellationRequest,
        body: envelope(credential.medicalInstitutionCode, { ConsentRegistrationId: consentRegistrationId, CancellationReason: reason }),
      },
    });
    return { cancelledAt: oqsTimeToIso(body.CancellationTime) };
  }

  private async call<R extends z.ZodType>(spec: CallSpec<R>): Promise<MessageBodyOf<R>> {
    let payload: string | undefined;
    if (spec.request) {
      const checked = spec.request.schema.safeParse(spec.request.body);
      if (!checked.success) throw new AppError('REQUEST_INVALID', refusalError('REQUEST_INVALID').message, `outgoing ${spec.path}: ${issuePaths(checked.error)}`);
      payload = JSON.stringify(checked.data);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (spec.credential) headers.authorization = `Bearer ${spec.credential.deviceToken}`;
    const attempts = spec.idempotent ? this.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.send(spec, headers, payload);
        return readAnswer(response, spec);
      } catch (err) {
        if (!(err instanceof Retryable)) throw err;
        if (attempt >= attempts) throw err.error;
        await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
      }
    }
  }

  private async send(spec: CallSpec<z.ZodType>, headers: Record<string, string>, body: string | undefined): Promise<HttpResponse> {
    try {
      return await this.transport.send({ method: spec.method, url: this.baseUrl + spec.path, headers, body, timeoutMs: this.timeoutMs });
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw GatewayErrors.unreachable(err instanceof Error ? err.name : typeof err);
      const detail = `${spec.path}: ${err.message}`;
      switch (err.kind) {
        case 'tls': throw GatewayErrors.tlsUntrusted(detail);
        case 'timeout': throw new Retryable(GatewayErrors.timeout(detail));
        case 'refused': throw new Retryable(GatewayErrors.unreachable(detail));
        case 'interrupted': throw new Retryable(GatewayErrors.interrupted(detail));
      }
    }
  }
}

type MessageBodyOf<R extends z.ZodType> = z.infer<R> extends { XmlMsg: { MessageBody: infer B } } ? B : never;

/** A failure worth another attempt, when the call is idempotent. */
class Retryable extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

function envelope(medicalInstitutionCode: string, body: unknown, arbitraryFileIdentifier?: string) {
  const header = arbitraryFileIdentifier === undefined
    ? { MedicalInstitutionCode: medicalInstitutionCode }
    : { MedicalInstitutionCode: medicalInstitutionCode, ArbitraryFileIdentifier: arbitraryFileIdentifier };
  return { XmlMsg: { MessageHeader: header, MessageBody: body } };
}

function issuePaths(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.')} ${i.code}`).join('; ');
}

function readAnswer<R extends z.ZodType>(response: HttpResponse, spec: CallSpec<R>): MessageBodyOf<R> {
  if (response.status >= 500) throw new Retryable(GatewayErrors.serverError(`${spec.path}: HTTP ${response.status}`));
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw GatewayErrors.badResponse(`${spec.path}: HTTP ${response.status}, body is not JSON`);
  }
  const refusal = RefusalMessage.safeParse(json);
  if (refusal.success && refusal.data.XmlMsg.MessageHeader.SegmentOfResult === '9') {
    const { ErrorCode, ErrorMessage } = refusal.data.XmlMsg.MessageHeader;
    if (ErrorCode && isConsentRefusalCode(ErrorCode)) throw refusalError(ErrorCode);
    throw GatewayErrors.refused(ErrorCode ?? '(none)', ErrorMessage);
  }
  const parsed = spec.result.safeParse(json);
  if (response.status !== 200 || !parsed.success) {
    throw GatewayErrors.badResponse(`${spec.path}: HTTP ${response.status}${parsed.success ? '' : `, ${issuePaths(parsed.error)}`}`);
  }
  return (parsed.data as { XmlMsg: { MessageBody: MessageBodyOf<R> } }).XmlMsg.MessageBody;
}

function summarise(answer: ConsentRegistrationAnswer): ConsentOutcome {
  const result = answer.ResultList.ResultOfQualificationConfirmation[0]!;
  const continuing = result.ConsentValidityClassification === '2';
  const items: ConsentItemOutcome[] = [];
  for (const item of CONSENT_ITEMS) {
    const flag = result[`${item}ConsFlg`];
    if (flag === undefined) continue;
    const consentedAt = result[`${item}ConsTime`];
    const availableUntil = result[`${item}AvailableTime`];
    items.push({
      item,
      consented: flag === '1',
      ...(consentedAt ? { consentedAt: oqsTimeToIso(consentedAt) } : {}),
      ...(availableUntil ? { availableUntil: oqsTimeToIso(availableUntil) } : {}),
      continuing: flag === '1' && continuing,
    });
  }
  return { answer, medicalInfoWithheld: answer.ProcessingResultCode === MEDICAL_INFO_WITHHELD_CODE, items };
}
