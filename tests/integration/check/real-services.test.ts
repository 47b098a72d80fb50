/**
 * One check through the real services: the JPKI driver on the virtual card, the consent simulator
 * through the real client, the simulated terminal folder, the store (settings, staff passcodes,
 * job queue) and the audit log, composed by checkPortsFrom and chosen by selectCheckPorts.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessTransport } from '../../../native/apdu/in-process-transport';
import { readAuthCertificate, selectJpkiAp } from '../../../native/jpki/jpki-card';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import { inProcessCardSource } from '../../../main/check/adapters/card-sources';
import { checkPortsFrom } from '../../../main/check/adapters/compose';
import { createCheckService } from '../../../main/check/check-service';
import { selectCheckPorts } from '../../../main/check/port-selection';
import { openAudit, type OpenedAudit } from '../../../main/audit/open-audit';
import { tokyoDate } from '../../../main/common/tokyo-time';
import type { CheckStep } from '../../../main/contract/channels/check';
import type { DeviceCredential } from '../../../main/oqs/consent/consent-client';
import { createFixtureWorld, type FixtureWorld } from '../../../main/oqs/consent/simulator/fixture-world';
import type { ClerkSession } from '../../../main/check/adapters/store';
import type { CartSession } from '../../../main/session/cart-session';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { updateSettings } from '../../../main/store/settings';
import { StaffDirectory } from '../../../main/store/staff';
import { activate, startRig, type ConsentRig } from '../consent/consent-harness';
import { startRig as startTerminal, type Rig as TerminalRig } from '../oqs-terminal/harness';

/** The session module's CartSession is what the clerk adapter takes (checked by the compiler). */
export const sessionFits = (session: CartSession): ClerkSession => session;

let dataDir: string;
let audit: OpenedAudit;
let consent: ConsentRig;
let terminal: TerminalRig;
let credential: DeviceCredential;
let clerkId: string;
const aliases = new Map<string, string>();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-real-'));
  audit = await openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
  clerkId = String(new StaffDirectory(audit.store).add({ displayName: '受付', role: 'clerk', passcode: new TextEncoder().encode('9876') }).id);
  updateSettings(audit.store, { enabledConsentItems: ['diagnosis', 'medication', 'checkup'] });
  const base = createFixtureWorld();
  const world: FixtureWorld = {
    ...base,
    directory: {
      find: (holder, today) => base.directory.find({ ...holder, subjectId: aliases.get(holder.subjectId) ?? holder.subjectId }, today),
      registerInsuranceUse: (holder) => base.directory.registerInsuranceUse({ ...holder, subjectId: aliases.get(holder.subjectId) ?? holder.subjectId }),
    },
  };
  consent = await startRig({}, world);
  credential = await activate(consent);
  terminal = await startTerminal();
});

afterAll(async () => {
  await consent.close();
  await terminal.close();
  audit.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A virtual card the simulator knows as one of the fixture's people (registered for 保険証利用 by default). */
async function cardOfRegisteredPerson(person: 'registered' | 'unregistered' = 'registered'): Promise<CardInReader> {
  const reader = new CardInReader({ contactless: true });
  const transport = new InProcessTransport(reader);
  await selectJpkiAp(transport);
  const subject = new X509Certificate(await readAuthCertificate(transport)).subject;
  aliases.set(/CN=([^\n]+)/.exec(subject)![1]!, consent.world.cards[person].holder.CardholderId!);
  return reader;
}

async function startCheck(reader: CardInReader) {
  const now = () => consent.sim.clock.now();
  const training = vi.fn(() =>
    checkPortsFrom({
      store: audit.store,
      auditLog: audit.log,
      session: { currentStaffId: () => clerkId, onIdle: () => () => undefined },
      card: inProcessCardSource(reader),
      consent: { client: consent.client, credential: () => credential, origin: 'simulator' },
      terminal: { client: terminal.client(), origin: 'simulator' },
      now,
    }),
  );
  const real = vi.fn(() => {
    throw new Error('not configured');
  });
  const ports = selectCheckPorts(true, { real, training });
  expect(real).not.toHaveBeenCalled();
  const service = createCheckService({ ports, trainingMode: true, now });
  await service.start();
  const until = async (step: CheckStep) => {
    for (let i = 0; i < 1500; i += 1) {
      if (service.current()?.step === step) return service.current()!;
      await new Promise((r) => setTimeout(r, 3));
    }
    throw new Error(`expected ${step}, at ${service.current()?.step}: ${JSON.stringify(service.current()?.interruption ?? service.current()?.notice)}`);
  };
  service.send({ type: 'CHOOSE_CARE_SETTING', setting: 'alternateRoute', reason: 'readerHardToUse', treatmentDate: tokyoDate(now()) });
  service.send({ type: 'AGREE_ALL' });
  service.send({ type: 'CONSENT_CONFIRM' });
  await until('identity.choosing');
  return { service, until };
}

describe('a check through the real services', () => {
  it('PIN: result from OQS, every audit row durable in the chained log', async () => {
    const before = audit.log.status().lastSeq;
    const { service, until } = await startCheck(await cardOfRegisteredPerson());
    service.send({ type: 'CHOOSE_PIN' });
    await until('identity.pinEntry');
    service.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    const result = await until('result');
    expect(result.result?.qualification.Name).toBe(consent.world.cards.registered.holder.Name);
    expect(result.result?.consent.map((c) => c.item)).toEqual(['diagnosis', 'medication', 'checkup']);
    service.send({ type: 'FINISH' });
    const summary = await service.ended();
    expect(summary.auditSeqs).toHaveLength(7);
    expect(summary.auditSeqs[0]).toBeGreaterThan(before);
    expect(audit.log.status()).toMatchObject({ state: 'ok', lastSeq: summary.auditSeqs.at(-1) });
  });

  it('目視 with the clerk passcode checked by the staff directory', async () => {
    const { service, until } = await startCheck(await cardOfRegisteredPerson());
    service.send({ type: 'CHOOSE_VISUAL' });
    service.send({ type: 'VISUAL_CONFIRMED', passcode: '1111' });
    expect((await until('identity.visual')).notice?.code).toBe('PASSCODE_WRONG');
    service.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
    await until('result');
    service.send({ type: 'CANCEL' });
    expect((await service.ended()).outcome).toBe('cancelled');
  });

  it('an unregistered card: the gateway says so after the PIN, 利用登録 comes before the registration, then the result', async () => {
    const { service, until } = await startCheck(await cardOfRegisteredPerson('unregistered'));
    const steps: string[] = [];
    const off = service.subscribe((view) => steps.push(view.step));
    service.send({ type: 'CHOOSE_PIN' });
    await until('identity.pinEntry');
    service.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await until('insuranceUse.asking');
    service.send({ type: 'INSURANCE_USE_AGREE' });
    const result = await until('result');
    off();
    expect(result.result?.qualification.Name).toBe(consent.world.cards.unregistered.holder.Name);
    const order = ['insuranceUse.checking', 'insuranceUse.asking', 'insuranceUse.registering', 'registering', 'result'].map((step) => steps.indexOf(step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
    service.send({ type: 'FINISH' });
    expect((await service.ended()).outcome).toBe('completed');
  });
});
