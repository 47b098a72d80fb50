/**
 * Drives a check through the service the way the screens do, and knows how to reach every state
 * of the machine (holding the call of an in-flight state open).
 */
import { createCheckService, type CheckService } from '../../../main/check/check-service';
import type { AuditPort, CheckSettings, PortOrigin } from '../../../main/check/ports';
import type { CheckStep, CheckUserEventWire, CheckView } from '../../../main/contract/channels/check';
import { createFakes, type Fakes, type Script } from './fakes';

/** 10:00 in Tokyo on 2026-11-25. */
export const NOW = new Date('2026-11-25T01:00:00Z');
export const TODAY = '2026-11-25';

export interface Harness {
  fakes: Fakes;
  service: CheckService;
  views: CheckView[];
  held: Array<{ release(): void; fail(err: unknown): void }>;
  view(): CheckView;
  send(event: CheckUserEventWire): CheckView;
  until(step: CheckStep): Promise<CheckView>;
  hold(script: Script, method: string): void;
}

export async function startCheck(
  options: { origin?: PortOrigin; trainingMode?: boolean; settings?: Partial<CheckSettings>; audit?: AuditPort } = {},
): Promise<Harness> {
  const fakes = createFakes(options.origin ?? 'simulator', options.settings);
  const service = createCheckService({
    ports: options.audit ? { ...fakes.ports, audit: options.audit } : fakes.ports,
    trainingMode: options.trainingMode ?? true,
    now: () => NOW,
    newCheckId: () => 'chk-1',
  });
  const views: CheckView[] = [];
  service.subscribe((v) => views.push(v));
  await service.start();
  const h: Harness = {
    fakes,
    service,
    views,
    held: [],
    view: () => service.current() as CheckView,
    send: (event) => service.send(event),
    async until(step) {
      for (let i = 0; i < 200; i += 1) {
        if (h.view().step === step) return h.view();
        await new Promise((r) => setTimeout(r, 1));
      }
      throw new Error(`expected step ${step}, still at ${h.view().step}`);
    },
    hold(script, method) {
      h.held.push(script.hold(method));
    },
  };
  return h;
}

export const chooseAlternateRoute: Extract<CheckUserEventWire, { type: 'CHOOSE_CARE_SETTING' }> = {
  type: 'CHOOSE_CARE_SETTING',
  setting: 'alternateRoute',
  reason: 'feverRoute',
  treatmentDate: TODAY,
};

export const secondVisitEvent: CheckUserEventWire = {
  type: 'START_SECOND_VISIT',
  treatmentDate: TODAY,
  identifiers: { InsurerNumber: '06139998', InsuredCardSymbol: '7001', InsuredIdentificationNumber: '5678', InsuredBranchNumber: '01', Birthdate: '19500102' },
};

/** Care setting and consent (すべて同意), card on the reader: ends at identity.choosing. */
export async function toIdentity(h: Harness): Promise<void> {
  h.send(chooseAlternateRoute);
  h.send({ type: 'AGREE_ALL' });
  h.fakes.card.present = true;
  h.send({ type: 'CONSENT_CONFIRM' });
  await h.until('identity.choosing');
}

export async function toPinEntry(h: Harness): Promise<void> {
  await toIdentity(h);
  h.send({ type: 'CHOOSE_PIN' });
  await h.until('identity.pinEntry');
}

/**
 * The clerk presses cancel while OQS still holds the consent registration: ends in 'registering'
 * with the cancel pending; releasing the returned hold lets OQS answer.
 */
export async function cancelDuringRegistration(h: Harness): Promise<{ release(): void }> {
  await toPinEntry(h);
  const held = h.fakes.consent.script.hold('registerConsent');
  h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
  await h.until('registering');
  h.send({ type: 'CANCEL' });
  return held;
}

/** The PIN path up to the result. */
export async function toResultByPin(h: Harness): Promise<void> {
  await toPinEntry(h);
  h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
  await h.until('result');
}

export type Reach = (h: Harness) => Promise<void>;

/** Every state of the machine but `ended`, and how to get there. */
export const REACH: Record<Exclude<CheckStep, 'ended'>, Reach> = {
  careSetting: async () => undefined,
  'consent.choosing': async (h) => void h.send(chooseAlternateRoute),
  'consent.confirming': async (h) => {
    h.send(chooseAlternateRoute);
    h.send({ type: 'AGREE_ALL' });
  },
  'card.waiting': async (h) => {
    await REACH['consent.confirming'](h);
    h.send({ type: 'CONSENT_CONFIRM' });
  },
  'card.reading': async (h) => {
    h.hold(h.fakes.card.script, 'select');
    await REACH['card.waiting'](h);
    h.fakes.card.emit('cardInserted');
  },
  'identity.choosing': toIdentity,
  'identity.visual': async (h) => {
    await toIdentity(h);
    h.send({ type: 'CHOOSE_VISUAL' });
  },
  'identity.checkingPasscode': async (h) => {
    await REACH['identity.visual'](h);
    h.hold(h.fakes.clerk.script, 'verifyPasscode');
    h.send({ type: 'VISUAL_CONFIRMED', passcode: '9876' });
  },
  'identity.preparingPin': async (h) => {
    await toIdentity(h);
    h.hold(h.fakes.consent.script, 'fetchChallenge');
    h.send({ type: 'CHOOSE_PIN' });
  },
  'identity.pinEntry': toPinEntry,
  'identity.verifying': async (h) => {
    await toPinEntry(h);
    h.hold(h.fakes.card.script, 'verifyAuthPin');
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
  },
  'identity.signing': async (h) => {
    await toPinEntry(h);
    h.hold(h.fakes.card.script, 'signChallenge');
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('identity.signing');
  },
  'identity.blocked': async (h) => {
    h.fakes.card.triesLeft = 0;
    await REACH['card.waiting'](h);
    h.fakes.card.emit('cardInserted');
    await h.until('identity.blocked');
  },
  'insuranceUse.checking': async (h) => {
    h.hold(h.fakes.consent.script, 'insuranceUseStatus');
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
  },
  'insuranceUse.asking': async (h) => {
    h.fakes.consent.insuranceRegistered = false;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('insuranceUse.asking');
  },
  'insuranceUse.registering': async (h) => {
    await REACH['insuranceUse.asking'](h);
    h.hold(h.fakes.consent.script, 'registerInsuranceUse');
    h.send({ type: 'INSURANCE_USE_AGREE' });
  },
  prescription: async (h) => {
    h.fakes.settings.value.electronicPrescription = true;
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('prescription');
  },
  registering: async (h) => {
    h.hold(h.fakes.consent.script, 'registerConsent');
    await toPinEntry(h);
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('registering');
  },
  cancellingConsent: async (h) => {
    await REACH.registering(h);
    h.hold(h.fakes.consent.script, 'cancelConsent');
    h.send({ type: 'CANCEL' });
    h.held.shift()?.release();
    await h.until('cancellingConsent');
  },
  secondVisit: async (h) => {
    h.hold(h.fakes.terminal.script, 'reinquire');
    h.send(secondVisitEvent);
  },
  result: toResultByPin,
  referenceRegistering: async (h) => {
    await toResultByPin(h);
    h.hold(h.fakes.terminal.script, 'registerReferenceNumber');
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'P-000123' });
  },
  interrupted: async (h) => {
    await toPinEntry(h);
    h.fakes.consent.online = false;
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('interrupted');
  },
};
