/**
 * The reader monitor and PC/SC transport against the real pcscd: events for readers and cards, a
 * default among several readers, recovery after pcscd restarts, and a card reset by another
 * program (CARD_RESET raised, nothing re-sent).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApduChannel } from '../../native/apdu/channel';
import { PCSC, smartcardBinding } from '../../native/pcsc/binding';
import { ReaderMonitor, type ReaderEvent } from '../../native/pcsc/reader-monitor';
import { CardInReader } from '../../native/virtual-card/card-in-reader';
import { VpcdCardClient, vpcdReaderName, VPCD_FIRST_PORT } from '../../native/virtual-card/vpcd-client';
import { restartPcscd } from '../harness/pcscd';
import { VirtualSlot, waitUntil } from './jpki-slot';

const SELECT_JPKI = Uint8Array.from(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
const READER_0 = vpcdReaderName(VPCD_FIRST_PORT);
const READER_1 = vpcdReaderName(VPCD_FIRST_PORT + 1);

function recorder(monitor: ReaderMonitor) {
  const events: ReaderEvent[] = [];
  monitor.on((e) => events.push(e));
  const seen = (match: Partial<ReaderEvent>) => () => events.some((e) => Object.entries(match).every(([k, v]) => (e as Record<string, unknown>)[k] === v));
  return { events, seen };
}

describe('ReaderMonitor through pcscd', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    // The next card must be a fresh insertion, not a swap pcscd never sees (pcsc-on-linux.md addendum).
    const context = smartcardBinding.createContext();
    const empty = () => !context.listReaders().some((r) => r.name === READER_0 && (r.state & PCSC.STATE_PRESENT) !== 0);
    await waitUntil(empty, 5_000, 'reader empty').finally(() => context.close());
  });

  it('reports both vpcd readers, then a card inserted (with its ATR) and removed', async () => {
    const monitor = new ReaderMonitor(smartcardBinding, { pollMs: 300 });
    cleanups.push(() => monitor.stop());
    const { events, seen } = recorder(monitor);
    monitor.start();
    await waitUntil(seen({ type: 'reader-attached', reader: READER_1 }), 3_000, 'readers attached');
    expect(events.filter((e) => e.type === 'reader-attached').map((e) => (e as { reader: string }).reader)).toEqual(expect.arrayContaining([READER_0, READER_1]));
    const slot = await VirtualSlot.insert();
    await waitUntil(seen({ type: 'card-inserted', reader: READER_0 }), 3_000, 'card inserted');
    expect(events.find((e) => e.type === 'card-inserted')).toMatchObject({ atr: '3BE000FF8131FE4514', contactless: false });
    await slot.release();
    await waitUntil(seen({ type: 'card-removed', reader: READER_0 }), 3_000, 'card removed');
  });

  it('chooses the default reader when attached, else the reader holding a card', async () => {
    const slot = await VirtualSlot.insert();
    cleanups.push(() => slot.release());
    const monitor = new ReaderMonitor(smartcardBinding, { pollMs: 300, defaultReader: READER_1 });
    cleanups.push(() => monitor.stop());
    const { seen } = recorder(monitor);
    monitor.start();
    await waitUntil(seen({ type: 'card-inserted', reader: READER_0 }), 3_000, 'card seen');
    expect(monitor.chosenReader()).toBe(READER_1);
    await expect(monitor.connect()).rejects.toMatchObject({ code: 'NO_CARD' });
    monitor.defaultReader = 'Not attached reader';
    expect(monitor.chosenReader()).toBe(READER_0);
    const transport = await monitor.connect();
    expect((await new ApduChannel(transport).send(SELECT_JPKI)).sw).toBe(0x9000);
    await transport.close();
    await expect(monitor.connect('Not attached reader')).rejects.toMatchObject({ code: 'NO_READER' });
  });

  it('recovers after pcscd restarts: service down, then up, and the card is usable again', async () => {
    const slot = new CardInReader({});
    const client = new VpcdCardClient(slot);
    cleanups.push(() => client.stop());
    const monitor = new ReaderMonitor(smartcardBinding, { pollMs: 300, retryMs: 100 });
    cleanups.push(() => monitor.stop());
    const { events, seen } = recorder(monitor);
    monitor.start();
    await waitUntil(seen({ type: 'card-inserted', reader: READER_0 }), 5_000, 'card inserted');
    const before = await monitor.connect(READER_0);
    await restartPcscd();
    await expect(before.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: expect.stringMatching(/^CARD_(SERVICE_DOWN|REMOVED)$/) });
    await waitUntil(seen({ type: 'service-up' }), 10_000, 'service up');
    expect(events.some((e) => e.type === 'service-down' || e.type === 'card-removed')).toBe(true);
    const inserted = events.filter((e) => e.type === 'card-inserted').length;
    await waitUntil(() => events.filter((e) => e.type === 'card-inserted').length > inserted || monitor.readers().some((r) => r.name === READER_0 && r.cardPresent), 5_000, 'card seen again');
    const after = await monitor.connect(READER_0);
    expect((await new ApduChannel(after).send(SELECT_JPKI)).sw).toBe(0x9000);
    await after.close();
  });

  it('a card reset by another program raises CARD_RESET, reconnects, and re-sends nothing', async () => {
    const slot = await VirtualSlot.insert();
    cleanups.push(() => slot.release());
    const transport = await slot.connect(2_000);
    cleanups.push(() => transport.close());
    let resets = 0;
    transport.onReset(() => resets++);
    const channel = new ApduChannel(transport);
    expect((await channel.send(SELECT_JPKI)).sw).toBe(0x9000);
    const other = smartcardBinding.createContext();
    const card = await other.listReaders().find((r) => r.name === slot.readerName)!.connect(PCSC.SHARE_SHARED, PCSC.PROTOCOL_T1);
    await card.reconnect(PCSC.SHARE_SHARED, PCSC.PROTOCOL_T1, PCSC.RESET_CARD);
    card.disconnect(PCSC.LEAVE_CARD);
    other.close();
    const commandsBefore = slot.reader.commandCount;
    await expect(channel.send(Uint8Array.from(Buffer.from('002000800431323334', 'hex')))).rejects.toMatchObject({ code: 'CARD_RESET' });
    expect(resets).toBe(1);
    expect(slot.reader.commandCount).toBe(commandsBefore);
    expect((await channel.send(SELECT_JPKI)).sw).toBe(0x9000);
  });
});
