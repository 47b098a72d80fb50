/**
 * The consent gateway port over the real client (main/oqs/consent). Translates the check's terms
 * into the contract's codes (docs/consent-gateway-contract.md), and reports reachability from the
 * calls themselves: the first call that cannot reach OQS tells the check at once, the first that
 * does tells it the network is back.
 */
import type { ConsentGatewayClient, ConsentItem as GatewayItem, ConsentOutcome, DeviceCredential } from '../../oqs/consent';
import { toOqsTime } from '../../oqs/consent/oqs-time';
import { ALTERNATE_ROUTE_REASONS, type CareSettingId } from '../care-settings';
import { CONSENT_ITEM_INFO, type ConsentItem } from '../consent-items';
import { failureKind } from '../errors';
import { qualificationView } from '../qualification-view';
import type { ConsentGatewayPort, ConsentRegistration, IdentityProof, PortOrigin, QualificationResult } from '../ports';

export interface ConsentGatewayAdapterOptions {
  client: ConsentGatewayClient;
  /** The device credential from activation; read per call so re-activation takes effect at once. */
  credential(): DeviceCredential;
  /** 'simulator' when the client points at the consent simulator (training mode). */
  origin: PortOrigin;
  now?: () => Date;
}

const SETTING_CODES: Readonly<Record<CareSettingId, '1' | '2' | '3'>> = { alternateRoute: '1', homeCare: '2', houseCall: '3' };

const ITEM_BY_ELEMENT = Object.fromEntries(
  Object.entries(CONSENT_ITEM_INFO).map(([item, info]) => [info.oqsElement, item as ConsentItem]),
) as Record<GatewayItem, ConsentItem>;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function toQualificationResult(outcome: ConsentOutcome, treatmentDate: string): QualificationResult {
  const record = outcome.answer.ResultList.ResultOfQualificationConfirmation[0]!;
  return {
    registrationId: outcome.answer.ConsentRegistrationId,
    qualification: qualificationView(record, outcome.answer.QualificationValidity, treatmentDate),
    consentStatus: outcome.items.map((i) => ({
      item: ITEM_BY_ELEMENT[i.item],
      consFlg: i.consented ? '1' : '0',
      availableUntil: i.availableUntil ?? null,
    })),
  };
}

export function consentGatewayAdapter(options: ConsentGatewayAdapterOptions): ConsentGatewayPort {
  const { client, credential, origin } = options;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(online: boolean) => void>();
  let online = true;

  const report = (reachable: boolean) => {
    if (reachable === online) return;
    online = reachable;
    for (const listener of listeners) listener(reachable);
  };

  /** Every call goes through here, so reachability follows what really happened. */
  async function tracked<T>(call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      report(true);
      return value;
    } catch (err) {
      report(failureKind(err) !== 'network');
      throw err;
    }
  }

  async function verification(identity: IdentityProof) {
    if (identity.method === 'pin') {
      return { VerificationMethod: '1' as const, ChallengeId: identity.challengeId, AuthCertificate: b64(identity.certificate), Signature: b64(identity.signature) };
    }
    // 目視 signs nothing, but the contract still ties the registration to one fresh challenge.
    const { challengeId } = await client.issueChallenge(credential());
    return {
      VerificationMethod: '2' as const,
      ChallengeId: challengeId,
      AuthCertificate: b64(identity.certificate),
      ClerkAttestation: { StaffId: identity.staffId, AttestedTime: toOqsTime(now()) },
    };
  }

  return {
    origin,
    watchConnectivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fetchChallenge: () =>
      tracked(async () => {
        const issued = await client.issueChallenge(credential());
        return { id: issued.challengeId, bytes: new Uint8Array(issued.challenge) };
      }),
    insuranceUseStatus: (certificate) => tracked(() => client.insuranceUseStatus(credential(), b64(certificate))),
    registerInsuranceUse: (identity) =>
      tracked(async () => {
        await client.registerInsuranceUse(credential(), {
          challengeId: identity.challengeId,
          authCertificate: b64(identity.certificate),
          signature: b64(identity.signature),
        });
      }),
    registerConsent: (registration: ConsentRegistration) =>
      tracked(async () => {
        const consentList = Object.fromEntries(
          registration.consent.map((c) => [`${CONSENT_ITEM_INFO[c.item].oqsElement}ConsFlg`, c.agreed ? '1' : '0']),
        );
        const reason = registration.reason === null ? undefined : String(ALTERNATE_ROUTE_REASONS.indexOf(registration.reason) + 1).padStart(2, '0');
        const outcome = await client.registerConsent(credential(), {
          ConsentSettingClassification: SETTING_CODES[registration.careSetting],
          ...(reason === undefined ? {} : { DifferentFlowReason: reason as '01' }),
          TreatmentDate: registration.treatmentDate.replaceAll('-', ''),
          ConsentList: consentList,
          ConsentInputClassification: registration.enteredBy === 'patient' ? '1' : '2',
          IdentityVerification: await verification(registration.identity),
          ...(registration.prescriptionIssue === null ? {} : { PrescriptionIssueSelect: registration.prescriptionIssue === 'electronic' ? '1' : '2' }),
        });
        return toQualificationResult(outcome, registration.treatmentDate);
      }),
    cancelConsent: (request) =>
      tracked(async () => {
        // OQSCD031 1: cancelled by the institution (the clerk cancelled the check).
        await client.cancelConsent(credential(), request.registrationId, '1');
      }),
  };
}
