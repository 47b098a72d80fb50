/** The check against the consent simulator through the real client and the gateway adapter. */
import { sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { consentGatewayAdapter } from '../../../main/check/adapters/consent-gateway';
import { createCheckService } from '../../../main/check/check-service';
import { CONSENT_ITEM_INFO, CONSENT_ITEMS, type ConsentItem } from '../../../main/check/consent-items';
import type { CheckStep } from '../../../main/contract/channels/check';
import type { FixtureCard, FixtureCardCase } from '../../../main/oqs/consent/simulator/fixture-world';
import { activate, startRig, type ConsentRig } from '../consent/consent-harness';
import { createFakes, FakeCard } from '../../unit/check/fakes';
import { tokyoDate } from '../../../main/common/tokyo-time';

/** A card port that answers with a fixture card of the simulator's world (its key signs like the card's). */
class FixtureCardPort extends FakeCard {
  constructor(private readonly fixture: FixtureCard) {
    super('simulator');
    this.present = true;
  }
  override async readAuthCertificate() {
    return new Uint8Array(Buffer.from(this.fixture.certificateDerBase64, 'base64'));
  }
  override async signChallenge(challenge: Uint8Array) {
    await this.script.pass('signChallenge');
    return new Uint8Array(sign('sha256', challenge, this.fixture.privateKey));
  }
}

const rigs: ConsentRig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
});

async function checkAgainstSimulator(cardCase: FixtureCardCase) {
  const rig = await startRig();
  rigs.push(rig);
  const credential = await activate(rig);
  const institution = await rig.client.institutionSettings(credential);
  const enabled = CONSENT_ITEMS.filter((item: ConsentItem) => institution.ConsentItemList[CONSENT_ITEM_INFO[item].oqsElement as 'DiagnosisInfo'] === '1');
  const fakes = createFakes('simulator', { enabledConsentItems: enabled, electronicPrescription: institution.ElectronicPrescriptionUse === '1' });
  const consent = consentGatewayAdapter({ client: rig.client, credential: () => credential, origin: 'simulator', now: () => rig.sim.clock.now() });
  const card = new FixtureCardPort(rig.world.cards[cardCase]);
  const now = () => rig.sim.clock.now();
  const service = createCheckService({ ports: { ...fakes.ports, card, consent }, trainingMode: true, now });
  await service.start();
  const until = async (step: CheckStep) => {
    for (let i = 0; i < 1000; i += 1) {
      if (service.current()?.step === step) return service.current()!;
      await new Promise((r) => setTimeout(r, 3));
    }
    throw new Error(`expected ${step}, at ${service.current()?.step}: ${JSON.stringify(service.current()?.interruption)}`);
  };
  service.send({ type: 'CHOOSE_CARE_SETTING', setting: 'alternateRoute', reason: 'readerBroken', treatmentDate: tokyoDate(now()) });
  service.send({ type: 'AGREE_ALL' });
  service.send({ type: 'CONSENT_CONFIRM' });
  await until('identity.choosing');
  const choosePrescription = async () => {
    if (service.current()?.step === 'prescription') service.send({ type: 'CHOOSE_PRESCRIPTION', method: 'paper' });
  };
  return { rig, service, until, card, choosePrescription };
}

async function enterPin(c: Awaited<ReturnType<typeof checkAgainstSimulator>>) {
  c.service.send({ type: 'CHOOSE_PIN' });
  await c.until('identity.pinEntry');
  c.service.send({ type: 'PIN_SUBMITTED', pin: '1234' });
  await new Promise((r) => setTimeout(r, 30));
  await c.choosePrescription();
}

describe('check against the consent simulator', () => {
  it('PIN: the qualification and per-item deadlines come from OQS', async () => {
    const c = await checkAgainstSimulator('registered');
    await enterPin(c);
    const view = await c.until('result');
    expect(view.result?.source).toBe('consent');
    expect(view.result?.qualification.Name).toBe(c.rig.world.cards.registered.holder.Name);
    expect(view.result?.consent.length).toBeGreaterThan(0);
    for (const item of view.result?.consent ?? []) if (item.consFlg === '1') expect(item.availableUntil).toMatch(/\+09:00$/);
  });

  it('目視: registered with the clerk attestation and a fresh challenge', async () => {
    const c = await checkAgainstSimulator('registered');
    c.service.send({ type: 'CHOOSE_VISUAL' });
    c.service.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await new Promise((r) => setTimeout(r, 30));
    await c.choosePrescription();
    await c.until('result');
  });

  it('an unregistered card: 利用登録 with the PIN, then the consent', async () => {
    const c = await checkAgainstSimulator('unregistered');
    await enterPin(c);
    await c.until('insuranceUse.asking');
    c.service.send({ type: 'INSURANCE_USE_AGREE' });
    await c.until('result');
  });

  it('OQS out of reach: the clerk is told at once with the fallbacks; back online, RETRY completes', async () => {
    const c = await checkAgainstSimulator('registered');
    await c.rig.sim.refuseConnections();
    c.service.send({ type: 'CHOOSE_PIN' });
    const view = await c.until('interrupted');
    expect(view.network).toBe('offline');
    expect(view.interruption?.kind).toBe('offline');
    expect(view.interruption?.fallbacks).toHaveLength(3);
    await c.rig.sim.acceptConnections();
    c.service.send({ type: 'RETRY' });
    await c.until('identity.choosing');
    await enterPin(c);
    expect((await c.until('result')).network).toBe('online');
  });

  it('cancel while registering: the consent is cancelled at OQS', async () => {
    const c = await checkAgainstSimulator('registered');
    c.rig.sim.faults.inject({ kind: 'latency', ms: 300 }, { path: '/v1/consent-registration', times: 1 });
    await enterPin(c);
    await c.until('registering');
    c.service.send({ type: 'CANCEL' });
    expect((await c.service.ended()).outcome).toBe('cancelled');
    expect(c.rig.sim.requestCount('/v1/consent-cancellation')).toBe(1);
  });
});
