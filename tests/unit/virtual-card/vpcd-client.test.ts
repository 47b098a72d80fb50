/**
 * The vpcd wire protocol against a stand-in for vpcd (a loopback TCP server): 2-byte length
 * framing, ATR requests answered at any time (also while a slow command is pending), control bytes
 * unanswered, reconnection until the server is up, a pulled card closing its socket, and the
 * card reported in the reader once pcscd has powered it.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CardInReader } from '../../../native/virtual-card/card-in-reader';
import { VpcdCardClient } from '../../../native/virtual-card/vpcd-client';

interface FakeVpcd {
  server: net.Server;
  port: number;
  socket: Promise<net.Socket>;
  frames: Buffer[];
  send(payload: Buffer): void;
  nextFrame(): Promise<Buffer>;
}

function frame(payload: Buffer): Buffer {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(payload.length);
  return Buffer.concat([head, payload]);
}

async function fakeVpcd(port = 0): Promise<FakeVpcd> {
  const frames: Buffer[] = [];
  const waiters: ((f: Buffer) => void)[] = [];
  let resolveSocket: (s: net.Socket) => void = () => undefined;
  const socket = new Promise<net.Socket>((resolve) => (resolveSocket = resolve));
  let current: net.Socket | undefined;
  const server = net.createServer((s) => {
    current = s;
    let pending = Buffer.alloc(0);
    s.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const f = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + f.length);
        const waiter = waiters.shift();
        if (waiter) waiter(Buffer.from(f));
        else frames.push(Buffer.from(f));
      }
    });
    resolveSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as net.AddressInfo).port,
    socket,
    frames,
    send: (payload) => current?.write(frame(payload)),
    nextFrame: () => (frames.length > 0 ? Promise.resolve(frames.shift() as Buffer) : new Promise((resolve) => waiters.push(resolve))),
  };
}

describe('VpcdCardClient (vpcd protocol)', () => {
  const stops: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('answers ATR requests, ignores power controls, and frames APDU answers', async () => {
    const vpcd = await fakeVpcd();
    stops.push(() => new Promise<void>((done) => vpcd.server.close(() => done())));
    const client = new VpcdCardClient(new CardInReader({}), { host: '127.0.0.1', port: vpcd.port });
    stops.push(() => client.stop());
    await vpcd.socket;
    vpcd.send(Buffer.from([0x01]));
    vpcd.send(Buffer.from([0x04]));
    expect((await vpcd.nextFrame()).toString('hex').toUpperCase()).toBe('3BE000FF8131FE4514');
    vpcd.send(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
    expect((await vpcd.nextFrame()).toString('hex')).toBe('9000');
  });

  it('answers an ATR request while a slow command is still pending', async () => {
    const vpcd = await fakeVpcd();
    stops.push(() => new Promise<void>((done) => vpcd.server.close(() => done())));
    const client = new VpcdCardClient(new CardInReader({ faults: { slowMs: 300 } }), { host: '127.0.0.1', port: vpcd.port });
    stops.push(() => client.stop());
    await vpcd.socket;
    vpcd.send(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
    vpcd.send(Buffer.from([0x04]));
    expect((await vpcd.nextFrame()).toString('hex').toUpperCase()).toBe('3BE000FF8131FE4514');
    expect((await vpcd.nextFrame()).toString('hex')).toBe('9000');
  });

  it('keeps trying until vpcd listens, and closes its socket when the card is pulled', async () => {
    const probe = await fakeVpcd();
    const port = probe.port;
    await new Promise<void>((done) => probe.server.close(() => done()));
    const slot = new CardInReader({});
    const client = new VpcdCardClient(slot, { host: '127.0.0.1', port });
    stops.push(() => client.stop());
    await new Promise((done) => setTimeout(done, 300));
    expect(client.connected).toBe(false);
    const vpcd = await fakeVpcd(port);
    stops.push(() => new Promise<void>((done) => vpcd.server.close(() => done())));
    const socket = await vpcd.socket;
    await client.whenConnected();
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    slot.remove();
    await closed;
    expect(client.connected).toBe(false);
  });

  it('reports the card in the reader after the power-on and the ATR that follows it, once per connection', async () => {
    const vpcd = await fakeVpcd();
    stops.push(() => new Promise<void>((done) => vpcd.server.close(() => done())));
    const client = new VpcdCardClient(new CardInReader({}), { host: '127.0.0.1', port: vpcd.port });
    stops.push(() => client.stop());
    let reported = 0;
    client.onInReader(() => (reported += 1));
    await vpcd.socket;
    vpcd.send(Buffer.from([0x04]));
    await vpcd.nextFrame();
    expect(reported).toBe(0);
    vpcd.send(Buffer.from([0x01]));
    vpcd.send(Buffer.from([0x04]));
    await vpcd.nextFrame();
    expect(reported).toBe(1);
    // pcscd powers an idle card off and on again: still the same insertion.
    for (const control of [0x00, 0x01, 0x04]) vpcd.send(Buffer.from([control]));
    await vpcd.nextFrame();
    expect(reported).toBe(1);
  });
});
