/**
 * The card pulled, the network dropped and the cart idling, in every state of the machine: each
 * has one defined answer, and the check can always be brought to a clean end afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { CheckStep } from '../../../main/contract/channels/check';
import { REACH, startCheck, type Harness } from './driver';

type Live = Exclude<CheckStep, 'ended'>;
const STATES = Object.keys(REACH) as Live[];

const CARD_STEPS: ReadonlySet<Live> = new Set<Live>([
  'card.reading',
  'identity.choosing',
  'identity.visual',
  'identity.checkingPasscode',
  'identity.preparingPin',
  'identity.pinEntry',
  'identity.signing',
  'identity.blocked',
]);

/** Where a pulled card leads: back to waiting for the card while it is needed, otherwise nowhere. */
function afterCardPulled(step: Live): CheckStep {
  return CARD_STEPS.has(step) ? 'card.waiting' : step;
}

/** Where a dropped network leads: reads in flight stop at once; everything else carries the banner. */
function afterNetworkDown(step: Live): CheckStep {
  return step === 'identity.preparingPin' || step === 'insuranceUse.checking' || step === 'secondVisit' ? 'interrupted' : step;
}

async function reach(step: Live): Promise<Harness> {
  const h = await startCheck();
  await REACH[step](h);
  await h.until(step);
  return h;
}

/** Lets every held call go, cancels if still running, and checks nothing of the patient is left. */
async function endCleanly(h: Harness): Promise<void> {
  for (const held of h.held.splice(0)) held.release();
  await new Promise((r) => setTimeout(r, 5));
  if (h.view().step !== 'ended') h.send({ type: 'CANCEL' });
  const summary = await h.service.ended();
  const view = h.view();
  expect(view.step).toBe('ended');
  expect(view.outcome).toBe(summary.outcome);
  expect(view.result).toBeNull();
  expect(view.consent.items).toEqual([]);
  expect(view.card.pinTriesLeft).toBeNull();
  expect(h.fakes.card.watchers).toBe(0);
  expect(h.fakes.audit.rows.at(-1)?.kind).toBe('check.outcome');
}

describe('the card pulled in every state', () => {
  it.each(STATES)('%s', async (step) => {
    const h = await reach(step);
    h.fakes.card.emit('cardRemoved');
    const view = await h.until(afterCardPulled(step));
    if (CARD_STEPS.has(step)) expect(view.card.problem).toBe('removed');
    await endCleanly(h);
  });
});

describe('the reader unplugged in every state', () => {
  it.each(STATES)('%s', async (step) => {
    const h = await reach(step);
    h.fakes.card.emit('readerGone');
    const view = await h.until(afterCardPulled(step));
    if (CARD_STEPS.has(step)) expect(view.card.problem).toBe('readerGone');
    await endCleanly(h);
  });
});

describe('the network dropped in every state', () => {
  it.each(STATES)('%s', async (step) => {
    const h = await reach(step);
    h.fakes.consent.setOnline(false);
    const view = await h.until(afterNetworkDown(step));
    expect(view.network).toBe('offline');
    if (view.step === 'interrupted') {
      expect(view.interruption?.kind).toBe('offline');
      expect(view.interruption?.fallbacks.map((f) => f.label)).toEqual([
        'マイナポータルの資格情報画面',
        '資格情報のお知らせ',
        '被保険者資格申立書',
      ]);
    }
    await endCleanly(h);
  });
});

describe('the cart idling in every state', () => {
  /** VERIFY and the registration are never abandoned: idling waits for them to settle (and a cancellation already under way ends as cancelled). */
  const DEFERRED: ReadonlySet<Live> = new Set<Live>(['identity.verifying', 'registering']);

  it.each(STATES)('%s', async (step) => {
    const h = await reach(step);
    h.fakes.clerk.idle();
    if (DEFERRED.has(step) || step === 'cancellingConsent') {
      expect(h.view().step).toBe(step);
      for (const held of h.held.splice(0)) held.release();
    }
    const summary = await h.service.ended();
    expect(summary.outcome).toBe(step === 'cancellingConsent' ? 'cancelled' : 'idle');
    await endCleanly(h);
  });
});

describe('a pulled card or dropped network during the calls that are never abandoned', () => {
  it('VERIFY interrupted by a pulled card is not resent; the card is read again and tries re-read', async () => {
    const h = await reach('identity.verifying');
    h.fakes.card.emit('cardRemoved');
    expect(h.view().step).toBe('identity.verifying');
    h.fakes.card.script.failNext('verifyAuthPin', new (await import('../../../main/contract/errors')).AppError('CARD_REMOVED', 'x'));
    h.held.splice(0).forEach((d) => d.release());
    const waiting = await h.until('card.waiting');
    expect(waiting.card.problem).toBe('removed');
    h.fakes.card.emit('cardInserted');
    await h.until('identity.choosing');
    expect(h.fakes.card.script.calls.verifyAuthPin).toBe(1);
    expect(h.fakes.card.script.calls.readPinTriesLeft).toBe(2);
    expect(h.fakes.audit.types().filter((t) => t.startsWith('check.identity'))).toEqual(['check.identity:pin:failed']);
  });

  it('registration lost to the network: offline with fallbacks; a fallback ends the check', async () => {
    const h = await reach('registering');
    h.fakes.consent.setOnline(false);
    expect(h.view().step).toBe('registering');
    h.held.splice(0).forEach((d) => d.release());
    const view = await h.until('interrupted');
    expect(view.interruption).toMatchObject({ kind: 'offline', code: 'NETWORK_DOWN' });
    h.send({ type: 'USE_FALLBACK', fallback: 'qualificationNotice' });
    expect((await h.service.ended()).outcome).toBe('fallback');
    expect(h.fakes.audit.rows.at(-1)).toMatchObject({ kind: 'check.outcome', outcome: 'failed', code: 'CHECK_FALLBACK' });
  });

  it('back online, RETRY after a lost PIN registration reads the card again for a new VERIFY', async () => {
    const h = await reach('registering');
    h.fakes.consent.setOnline(false);
    h.held.splice(0).forEach((d) => d.release());
    await h.until('interrupted');
    h.fakes.consent.setOnline(true);
    h.send({ type: 'RETRY' });
    await h.until('identity.choosing');
    h.send({ type: 'CHOOSE_PIN' });
    await h.until('identity.pinEntry');
    h.send({ type: 'PIN_SUBMITTED', pin: '1234' });
    await h.until('result');
    expect(h.fakes.card.script.calls.verifyAuthPin).toBe(2);
  });

  it('cancel during a cancellation that cannot reach OQS: the cancellation is queued', async () => {
    const h = await reach('registering');
    h.send({ type: 'CANCEL' });
    h.fakes.consent.script.failNext('cancelConsent', new (await import('../../../main/contract/errors')).AppError('NETWORK_DOWN', 'x'));
    h.held.splice(0).forEach((d) => d.release());
    await h.service.ended();
    expect(h.view().queuedJobs).toEqual(['consent.cancel']);
    expect(h.fakes.jobs.jobs).toEqual([{ kind: 'consent.cancel', checkId: 'chk-1', registrationId: 'reg-1' }]);
  });
});
