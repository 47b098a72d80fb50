/**
 * What every consent test needs: the simulator with a fixture world, the real client over the
 * real Node HTTPS transport trusting the simulator's certificate, a transport that counts what
 * actually went out, and a card that signs challenges the way the JPKI auth key does.
 */
import { sign } from 'node:crypto';
import { ConsentGatewayClient } from '../../../main/oqs/consent/consent-client';
import type { ConsentClientOptions, DeviceCredential } from '../../../main/oqs/consent/consent-client';
import type { ConsentRegistrationBody } from '../../../main/oqs/consent/contract-schemas';
import type { HttpTransport } from '../../../main/oqs/consent/http-transport';
import { createNodeHttpsTransport } from '../../../main/oqs/consent/node-https-transport';
import { startConsentSimulator } from '../../../main/oqs/consent/simulator/consent-simulator';
import type { ConsentSimulator } from '../../../main/oqs/consent/simulator/consent-simulator';
import { createFixtureWorld } from '../../../main/oqs/consent/simulator/fixture-world';
import type { FixtureCard, FixtureCardCase, FixtureWorld } from '../../../main/oqs/consent/simulator/fixture-world';

export const TEN_MINUTES = 10 * 60_000;

export interface ConsentRig {
  readonly sim: ConsentSimulator;
  readonly world: FixtureWorld;
  readonly client: ConsentGatewayClient;
  /** Requests the client handed to the transport (including those that never connected). */
  sent(): number;
  close(): Promise<void>;
}

export async function startRig(clientOptions: Partial<ConsentClientOptions> = {}, world?: FixtureWorld): Promise<ConsentRig> {
  const w = world ?? createFixtureWorld();
  const sim = await startConsentSimulator({ world: w });
  sim.terminal.addAccount({ userId: 'cart01', password: 'pass-word-1', role: '2', startDate: '2020-04-01' });
  const node = createNodeHttpsTransport({ ca: sim.caPem });
  let sent = 0;
  const counting: HttpTransport = { send: (r) => { sent++; return node.send(r); } };
  const client = new ConsentGatewayClient({ baseUrl: sim.url, transport: counting, timeoutMs: 2_000, retryDelayMs: 10, ...clientOptions });
  return { sim, world: w, client, sent: () => sent, close: async () => { node.close(); await sim.close(); } };
}

/** The administrator issues a code; ten minutes pass; the laptop activates with it. */
export async function activate(rig: ConsentRig, userId = 'cart01', password = 'pass-word-1'): Promise<DeviceCredential> {
  const code = rig.sim.terminal.issueActivationCode();
  rig.sim.clock.advance(TEN_MINUTES);
  const { credential } = await rig.client.activate({ medicalInstitutionCode: rig.sim.terminal.medicalInstitutionCode, userId, password, activationCode: code });
  return credential;
}

export function signWithCard(card: FixtureCard, challenge: Buffer): string {
  return sign('sha256', challenge, card.privateKey).toString('base64');
}

export interface RegistrationChoice {
  readonly card?: FixtureCardCase;
  readonly method?: 'pin' | 'visual';
  readonly setting?: ConsentRegistrationBody['ConsentSettingClassification'];
  readonly treatmentDate?: string;
  /** Sign this instead of the challenge that was issued (a signature over another challenge). */
  readonly signOver?: Buffer;
}

/** A registration for the fixture institution's default items, with a fresh challenge. */
export async function registrationFor(rig: ConsentRig, credential: DeviceCredential, choice: RegistrationChoice = {}): Promise<ConsentRegistrationBody> {
  const card = rig.world.cards[choice.card ?? 'registered'];
  const { challengeId, challenge } = await rig.client.issueChallenge(credential);
  const setting = choice.setting ?? '1';
  return {
    ConsentSettingClassification: setting,
    ...(setting === '1' ? { DifferentFlowReason: '02' as const } : {}),
    TreatmentDate: choice.treatmentDate ?? '20261125',
    ConsentList: { DiagnosisInfoConsFlg: '1', PharmacistsInfoConsFlg: '1', SpecificHealthCheckupsInfoConsFlg: '0' },
    ConsentInputClassification: '2',
    IdentityVerification: choice.method === 'visual'
      ? { VerificationMethod: '2', ChallengeId: challengeId, AuthCertificate: card.certificateDerBase64, ClerkAttestation: { StaffId: 'nurse-07', AttestedTime: '20261125103000' } }
      : { VerificationMethod: '1', ChallengeId: challengeId, AuthCertificate: card.certificateDerBase64, Signature: signWithCard(card, choice.signOver ?? challenge) },
  };
}
