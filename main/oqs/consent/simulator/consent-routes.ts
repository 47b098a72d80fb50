/**
 * The simulator's operations, one route each: the request schema it checks, whether it needs an
 * activated device, and what it answers. The HTTP server around it adds the envelope and faults.
 */
import type { z } from 'zod';
import {
  ActivationRequest, CONSENT_PATHS, ConsentCancellationRequest, ConsentRegistrationRequest, EmptyRequest,
  InsuranceUseRegistrationRequest, InsuranceUseStatusRequest,
} from '../contract-schemas';
import { toOqsTime } from '../oqs-time';
import type { ChallengeBook } from './challenge-book';
import type { ConsentDesk } from './consent-desk';
import type { SimulatorClock } from './simulator-clock';
import type { ActivatedDevice, SimulatedTerminal } from './simulated-terminal';

export interface RouteContext {
  readonly body: unknown;
  /** Present on every route that needs an activated device. */
  readonly device: ActivatedDevice | undefined;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly request?: z.ZodType<{ XmlMsg: { MessageHeader: { MedicalInstitutionCode: string; ArbitraryFileIdentifier?: string | undefined }; MessageBody: unknown } }>;
  readonly needsDevice: boolean;
  handle(ctx: RouteContext): Record<string, unknown>;
}

const flag = (on: boolean) => (on ? '1' : '0');

export function consentRoutes(parts: {
  terminal: SimulatedTerminal; challenges: ChallengeBook; desk: ConsentDesk; clock: SimulatorClock;
}): Record<string, Route> {
  const { terminal, challenges, desk, clock } = parts;
  const device = (ctx: RouteContext) => ctx.device!;
  const now = () => toOqsTime(clock.now());
  return {
    [CONSENT_PATHS.activation]: {
      method: 'POST', request: ActivationRequest, needsDevice: false,
      handle(ctx) {
        const body = ctx.body as z.infer<typeof ActivationRequest>['XmlMsg']['MessageBody'];
        const activated = terminal.activate(body);
        return { DeviceId: activated.device.deviceId, DeviceToken: activated.token, ActivatedTime: now(), AccountRole: activated.role };
      },
    },
    [CONSENT_PATHS.deactivation]: {
      method: 'POST', request: EmptyRequest, needsDevice: true,
      handle(ctx) {
        terminal.deactivate(device(ctx));
        return { DeactivatedTime: now() };
      },
    },
    [CONSENT_PATHS.institutionSettings]: {
      method: 'GET', needsDevice: true,
      handle() {
        const s = terminal.settings;
        return {
          DifferentFlowFunction: flag(s.differentFlowFunction),
          HomeVisitFunction: flag(s.homeVisitFunction),
          ConsentItemList: Object.fromEntries(Object.entries(s.consentItems).map(([k, v]) => [k, flag(v)])),
          ElectronicPrescriptionUse: flag(s.electronicPrescription),
        };
      },
    },
    [CONSENT_PATHS.challenge]: {
      method: 'POST', request: EmptyRequest, needsDevice: true,
      handle(ctx) {
        const issued = challenges.issue(device(ctx).deviceId);
        return { ChallengeId: issued.challengeId, Challenge: issued.bytes.toString('base64'), ChallengeExpiryTime: toOqsTime(issued.expiresAt) };
      },
    },
    [CONSENT_PATHS.consentRegistration]: {
      method: 'POST', request: ConsentRegistrationRequest, needsDevice: true,
      handle: (ctx) => desk.register(device(ctx), ctx.body as z.infer<typeof ConsentRegistrationRequest>['XmlMsg']['MessageBody']),
    },
    [CONSENT_PATHS.insuranceUseRegistration]: {
      method: 'POST', request: InsuranceUseRegistrationRequest, needsDevice: true,
      handle(ctx) {
        const proof = ctx.body as z.infer<typeof InsuranceUseRegistrationRequest>['XmlMsg']['MessageBody'];
        return { InsuranceUseRegistrationTime: toOqsTime(desk.registerInsuranceUse(device(ctx), proof)) };
      },
    },
    [CONSENT_PATHS.insuranceUseStatus]: {
      method: 'POST', request: InsuranceUseStatusRequest, needsDevice: true,
      handle(ctx) {
        const body = ctx.body as z.infer<typeof InsuranceUseStatusRequest>['XmlMsg']['MessageBody'];
        return { InsuranceUseRegistrationStatus: flag(desk.insuranceUseStatus(body.AuthCertificate)) };
      },
    },
    [CONSENT_PATHS.consentCancellation]: {
      method: 'POST', request: ConsentCancellationRequest, needsDevice: true,
      handle(ctx) {
        const body = ctx.body as z.infer<typeof ConsentCancellationRequest>['XmlMsg']['MessageBody'];
        return { CancellationTime: toOqsTime(desk.cancel(device(ctx), body.ConsentRegistrationId)) };
      },
    },
  };
}
