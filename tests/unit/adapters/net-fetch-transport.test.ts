/**
 * The app's HTTP transport (Electron net.fetch) must hand the consent client the same failure kinds
 * as the Node transport, so retries and messages do not depend on the stack. net.fetch is scripted
 * here with the Chromium network errors it raises.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fetchScript: { next: () => Promise<Response> } = { next: async () => new Response('{}') };
const calls: Array<{ url: string; init: RequestInit }> = [];
vi.mock('electron', () => ({
  net: {
    fetch: (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return fetchScript.next();
    },
  },
}));

const { NetFetchTransport } = await import('../../../main/adapters/electron/net-fetch-transport');
const request = { method: 'POST' as const, url: 'https://oqs.example/consent', headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 5000 };

describe('net.fetch transport', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('passes the request through and returns status and body', async () => {
    fetchScript.next = async () => new Response('{"ok":true}', { status: 201 });
    expect(await new NetFetchTransport().send(request)).toEqual({ status: 201, body: '{"ok":true}' });
    expect(calls[0]).toMatchObject({ url: request.url, init: { method: 'POST', body: '{}', redirect: 'error' } });
  });

  it('never sends over plain http', async () => {
    await expect(new NetFetchTransport().send({ ...request, url: 'http://oqs.example/consent' })).rejects.toMatchObject({ kind: 'tls' });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'refused'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_CONNECTION_RESET', 'interrupted'],
  ])('maps %s to %s', async (message, kind) => {
    fetchScript.next = async () => {
      throw new Error(message);
    };
    await expect(new NetFetchTransport().send(request)).rejects.toMatchObject({ name: 'TransportFailure', kind });
  });
});
