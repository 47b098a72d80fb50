/** The card channels of the services host over a scripted PC/SC side and the virtual card. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../../main/contract';
import { EventHub } from '../../../main/host/event-hub';
import { cardHandlers } from '../../../main/host/handlers/card';
import { ReaderMonitor } from '../../../native/pcsc/reader-monitor';
import { VirtualMyNumberCard } from '../../../native/virtual-card/card';
import { testCa } from '../../../native/virtual-card/test-pki';
import { FakeCard, FakePcsc } from '../pcsc/fake-pcsc';

const READER = 'Contact Reader 0';
const OTHER = 'Sony FeliCa Port/PaSoRi 4.0 0';
const context = { connectionId: 'test' };
let anchors: string;
let monitor: ReaderMonitor | undefined;

beforeAll(() => {
  anchors = mkdtempSync(path.join(os.tmpdir(), 'onshi-card-channels-'));
  writeFileSync(path.join(anchors, 'auth.pem'), testCa('auth').certPem);
});
afterAll(() => rmSync(anchors, { recursive: true, force: true }));
afterEach(async () => {
  await monitor?.stop();
  monitor = undefined;
});

async function host(card = new VirtualMyNumberCard({ authPinTries: 2 })) {
  const fake = new FakePcsc();
  fake.card = new FakeCard(async (command) => Buffer.from(card.respond(Uint8Array.from(command))));
  fake.plug(READER);
  fake.plug(OTHER);
  monitor = new ReaderMonitor(fake, { pollMs: 20, retryMs: 10 });
  const events = new EventHub();
  const seen: WireEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const saved: string[] = [];
  const handlers = cardHandlers({
    monitor,
    events,
    trustAnchorDir: anchors,
    saveDefaultReader: (reader) => {
      saved.push(reader);
      monitor!.defaultReader = reader;
    },
  });
  monitor.start();
  await until(() => monitor!.readers().length === 2);
  return { fake, card, handlers, seen, saved };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('card channels', () => {
  it('lists readers, pushes reader and card events, and reads the status without spending a try', async () => {
    const { fake, card, handlers, seen } = await host();
    expect(seen.map((e) => e.name)).toEqual(['card.reader', 'card.reader']);
    fake.insert(READER);
    await until(() => seen.some((e) => e.name === 'card.presence'));
    expect(seen.at(-1)!.payload).toEqual({ change: 'inserted', reader: READER });
    const { readers } = await handlers['card.readers']({}, context);
    expect(readers).toContainEqual({ name: READER, cardPresent: true, contactless: false, isDefault: true });
    expect(readers).toContainEqual({ name: OTHER, cardPresent: false, isDefault: false });
    const status = await handlers['card.status']({}, context);
    expect(status).toMatchObject({ kind: 'my-number-card', reader: READER, pin: { triesLeft: 2 }, certificate: { validity: 'valid', warnings: [] } });
    expect(card.triesLeft('jpki', 0x18)).toBe(2);
    fake.eject(READER);
    await until(() => seen.filter((e) => e.name === 'card.presence').length === 2);
    expect(seen.at(-1)!.payload).toEqual({ change: 'removed', reader: READER });
    expect(JSON.stringify(seen)).not.toMatch(/pin|atr/i);
  });

  it('says no-card for an empty reader and saves a chosen default reader, refusing one that is not attached', async () => {
    const { handlers, saved } = await host();
    expect(await handlers['card.status']({ reader: OTHER }, context)).toEqual({ kind: 'no-card', reader: OTHER });
    expect(await handlers['card.setDefaultReader']({ reader: OTHER }, context)).toEqual({ reader: OTHER });
    expect((await handlers['card.readers']({}, context)).readers.find((r) => r.isDefault)!.name).toBe(OTHER);
    await expect(Promise.resolve().then(() => handlers['card.setDefaultReader']({ reader: 'Gone Reader' }, context))).rejects.toMatchObject({ code: 'NO_READER' });
    expect(saved).toEqual([OTHER]);
  });

  it('reports a card that is not a My Number card', async () => {
    const { fake, handlers } = await host(new VirtualMyNumberCard({ kind: 'other' }));
    fake.insert(READER, '3B80800101');
    await until(() => (monitor!.readers().find((r) => r.name === READER)?.cardPresent ?? false));
    expect(await handlers['card.status']({ reader: READER }, context)).toMatchObject({ kind: 'not-my-number-card', reader: READER });
  });

  it('answers every call with CARD_SERVICE_DOWN when the host has no reader monitor', async () => {
    const handlers = cardHandlers({ monitor: null, events: new EventHub(), trustAnchorDir: anchors, saveDefaultReader: () => expect.unreachable() });
    await expect(Promise.resolve().then(() => handlers['card.readers']({}, context))).rejects.toMatchObject({ code: 'CARD_SERVICE_DOWN' });
    await expect(Promise.resolve().then(() => handlers['card.status']({}, context))).rejects.toMatchObject({ code: 'CARD_SERVICE_DOWN' });
    await expect(Promise.resolve().then(() => handlers['card.setDefaultReader']({ reader: READER }, context))).rejects.toMatchObject({ code: 'CARD_SERVICE_DOWN' });
  });
});

