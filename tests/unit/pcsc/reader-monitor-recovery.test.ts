/**
 * Recovery of the reader monitor with a scripted OS side: the Windows smart card service stopping
 * with the last reader (SCARD_E_NO_READERS_AVAILABLE, SCARD_E_SERVICE_STOPPED, SCARD_E_NO_SERVICE),
 * pcscd restarts as pcsclite reports them, and a resume from sleep.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/reader-monitor';
import { FakePcsc } from './fake-pcsc';

const READER = 'SCM Microsystems SCR3310 0';

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((done) => setTimeout(done, 5));
  }
}

describe('ReaderMonitor recovery (scripted PC/SC)', () => {
  let monitor: ReaderMonitor | undefined;
  afterEach(async () => {
    await monitor?.stop();
  });

  function watch(fake: FakePcsc, options = {}) {
    monitor = new ReaderMonitor(fake, { pollMs: 10, retryMs: 10, ...options });
    const events: ReaderEvent[] = [];
    monitor.on((e) => events.push(e));
    monitor.start();
    return events;
  }
  const types = (events: ReaderEvent[]) => events.map((e) => e.type);

  it('Windows: the last reader unplugged stops the service; the monitor waits with new contexts and comes back', async () => {
    const fake = new FakePcsc();
    fake.noReadersAsError = true;
    fake.plug(READER);
    fake.insert(READER);
    const events = watch(fake);
    await until(() => types(events).includes('card-inserted'));

    fake.readers.clear();
    await until(() => types(events).includes('reader-detached'));
    expect(types(events)).toEqual(['reader-attached', 'card-inserted', 'card-removed', 'reader-detached']);
    expect(types(events)).not.toContain('service-down');

    fake.breakContexts = 'PC/SC service stopped';
    fake.refuseContexts = 'PC/SC service not running';
    await until(() => types(events).includes('service-down'));
    await expect(monitor!.connect()).rejects.toMatchObject({ code: 'CARD_SERVICE_DOWN' });

    const contexts = fake.contextsCreated;
    fake.breakContexts = undefined;
    fake.refuseContexts = undefined;
    fake.plug(READER);
    fake.insert(READER);
    await until(() => types(events).includes('service-up') && types(events).lastIndexOf('card-inserted') > 1);
    expect(fake.contextsCreated).toBeGreaterThan(contexts);
    expect(types(events).filter((t) => t === 'service-down')).toHaveLength(1);
    expect(monitor!.chosenReader()).toBe(READER);
  });

  it('pcscd restart as pcsclite reports it (hex codes in the message) → a new context', async () => {
    const fake = new FakePcsc();
    fake.plug(READER);
    const events = watch(fake);
    await until(() => types(events).includes('reader-attached'));
    const contexts = fake.contextsCreated;
    fake.breakContexts = 'SCardGetStatusChange error: RPC transport error.(0x80100013)';
    fake.refuseContexts = 'SCardEstablishContext error: Service not available.(0x8010001d)';
    await until(() => types(events).includes('service-down'));
    expect(types(events)).toContain('reader-detached');
    fake.breakContexts = undefined;
    fake.refuseContexts = undefined;
    await until(() => types(events).includes('service-up') && types(events).filter((t) => t === 'reader-attached').length === 2);
    expect(fake.contextsCreated).toBeGreaterThan(contexts);
  });

  it('a card swapped between two polls shows as removed and inserted', async () => {
    const fake = new FakePcsc();
    fake.plug(READER);
    fake.insert(READER);
    const events = watch(fake);
    await until(() => types(events).includes('card-inserted'));
    fake.insert(READER);
    await until(() => types(events).filter((t) => t === 'card-inserted').length === 2);
    expect(types(events)).toEqual(['reader-attached', 'card-inserted', 'card-removed', 'card-inserted']);
  });

  it('a card left in the reader stays inserted while waits time out with no change', async () => {
    const fake = new FakePcsc();
    fake.plug(READER);
    fake.insert(READER);
    const events = watch(fake);
    await until(() => types(events).includes('card-inserted'));
    await new Promise((done) => setTimeout(done, 150));
    expect(types(events)).toEqual(['reader-attached', 'card-inserted']);
    expect(monitor!.readers()).toEqual([expect.objectContaining({ name: READER, cardPresent: true })]);
  });

  it('a wait that overruns by the resume gap (sleep) renews the context', async () => {
    const fake = new FakePcsc();
    fake.plug(READER);
    const events = watch(fake, { resumeGapMs: 100 });
    await until(() => types(events).includes('reader-attached'));
    await new Promise((done) => setTimeout(done, 100));
    expect(fake.contextsCreated).toBe(1);
    fake.sleepMs = 300;
    await until(() => fake.contextsCreated === 2);
    expect(types(events)).toEqual(['reader-attached']);
  });

  it('several readers: the default one when attached, else the one with a card', async () => {
    const fake = new FakePcsc();
    fake.plug('Reader A');
    fake.plug('Reader B');
    fake.insert('Reader B');
    const events = watch(fake, { defaultReader: 'Reader A' });
    await until(() => types(events).includes('card-inserted'));
    expect(monitor!.chosenReader()).toBe('Reader A');
    fake.readers.delete('Reader A');
    await until(() => types(events).includes('reader-detached'));
    expect(monitor!.chosenReader()).toBe('Reader B');
  });
});
