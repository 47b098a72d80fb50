/**
 * One consent + identity registration round trip through the real client and Node HTTPS transport
 * against the simulator on loopback (keep-alive connection, PIN path with a real RSA signature
 * check), median of 100. The challenge is fetched outside the timed part, and reported apart.
 */
import { sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ConsentGatewayClient } from '../../main/oqs/consent/consent-client';
import type { ConsentRegistrationBody } from '../../main/oqs/consent/contract-schemas';
import { createNodeHttpsTransport } from '../../main/oqs/consent/node-https-transport';
import { startConsentSimulator } from '../../main/oqs/consent/simulator/consent-simulator';
import { createFixtureWorld } from '../../main/oqs/consent/simulator/fixture-world';
import { median, type Benchmark } from './benchmark';

const ROUNDS = 100;
const TARGET_MS = 50;

const bench: Benchmark = {
  name: 'consent registration round trip (loopback, median of 100)',
  async run() {
    const world = createFixtureWorld();
    const sim = await startConsentSimulator({ world });
    const transport = createNodeHttpsTransport({ ca: sim.caPem });
    try {
      sim.terminal.addAccount({ userId: 'bench01', password: 'pw', role: '2', startDate: '2020-04-01' });
      const code = sim.terminal.issueActivationCode(new Date(sim.clock.now().getTime() - 10 * 60_000));
      const client = new ConsentGatewayClient({ baseUrl: sim.url, transport });
      const { credential } = await client.activate({ medicalInstitutionCode: sim.terminal.medicalInstitutionCode, userId: 'bench01', password: 'pw', activationCode: code });
      const card = world.cards.registered;
      const registrationMs: number[] = [];
      const challengeMs: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const c0 = performance.now();
        const { challengeId, challenge } = await client.issueChallenge(credential);
        challengeMs.push(performance.now() - c0);
        const body: ConsentRegistrationBody = {
          ConsentSettingClassification: '1',
          DifferentFlowReason: '02',
          TreatmentDate: '20261125',
          ConsentList: { DiagnosisInfoConsFlg: '1', PharmacistsInfoConsFlg: '1', SpecificHealthCheckupsInfoConsFlg: '1' },
          ConsentInputClassification: '1',
          IdentityVerification: {
            VerificationMethod: '1', ChallengeId: challengeId, AuthCertificate: card.certificateDerBase64,
            Signature: sign('sha256', challenge, card.privateKey).toString('base64'),
          },
        };
        const r0 = performance.now();
        await client.registerConsent(credential, body);
        registrationMs.push(performance.now() - r0);
      }
      const registrationMedianMs = Number(median(registrationMs).toFixed(2));
      return {
        rounds: ROUNDS,
        registrationMedianMs,
        challengeMedianMs: Number(median(challengeMs).toFixed(2)),
        targetMs: TARGET_MS,
        met: registrationMedianMs <= TARGET_MS,
      };
    } finally {
      transport.close();
      await sim.close();
    }
  },
};

export default bench;
