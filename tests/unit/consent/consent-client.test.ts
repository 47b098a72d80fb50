/**
 * The client's reading of answers the simulator never gives: refusal codes this contract does not
 * know, refusals on idempotent calls (never retried), and a transport that breaks in a way no
 * adapter announced. A scripted transport stands in for the network.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/contract/errors';
import { ConsentGatewayClient } from '../../../main/oqs/consent/consent-client';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../main/oqs/consent/http-transport';
import { TransportFailure } from '../../../main/oqs/consent/http-transport';

const credential = { medicalInstitutionCode: '1311000010', deviceId: 'd1', deviceToken: 'token-token-token-token' };

function scripted(answer: (req: HttpRequest) => Promise<HttpResponse>): HttpTransport & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return { requests, send: (req) => { requests.push(req); return answer(req); } };
}

function refusalBody(code: string, message: string): string {
  return JSON.stringify({ XmlMsg: { MessageHeader: {
    ProcessExecutionTime: '20261125120000', MedicalInstitutionCode: '1311000010', SegmentOfResult: '9',
    ErrorCode: code, ErrorMessage: message, CharacterCodeIdentifier: '0',
  }, MessageBody: {} } });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('ConsentGatewayClient answers', () => {
  it('a refusal code this contract does not know becomes GATEWAY_REFUSED, keeping the server text as detail', async () => {
    const transport = scripted(async () => ({ status: 403, body: refusalBody('EOQS9999', '未知のエラー') }));
    const client = new ConsentGatewayClient({ baseUrl: 'https://gateway.example', transport, retryDelayMs: 1 });
    const err = await failure(client.institutionSettings(credential));
    expect(err.code).toBe('GATEWAY_REFUSED');
    expect(err.detail).toBe('EOQS9999: 未知のエラー');
    expect(transport.requests).toHaveLength(1);
  });

  it('a known refusal on an idempotent call is raised at once, with its own code', async () => {
    const transport = scripted(async () => ({ status: 401, body: refusalBody('DEVICE_NOT_ACTIVATED', 'x') }));
    const client = new ConsentGatewayClient({ baseUrl: 'https://gateway.example/', transport, retryDelayMs: 1 });
    expect((await failure(client.issueChallenge(credential))).code).toBe('DEVICE_NOT_ACTIVATED');
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]!.url).toBe('https://gateway.example/v1/challenge');
    expect(transport.requests[0]!.headers.authorization).toBe('Bearer token-token-token-token');
  });

  it('a transport that throws something other than a TransportFailure is reported as unreachable, not retried', async () => {
    const transport = scripted(async () => { throw new RangeError('adapter bug'); });
    const client = new ConsentGatewayClient({ baseUrl: 'https://gateway.example', transport, retryDelayMs: 1 });
    const err = await failure(client.institutionSettings(credential));
    expect(err.code).toBe('GATEWAY_UNREACHABLE');
    expect(err.detail).toBe('RangeError');
    expect(transport.requests).toHaveLength(1);
  });

  it('a TLS failure is never retried, even on an idempotent call', async () => {
    const transport = scripted(async () => { throw new TransportFailure('tls', 'ERR_CERT_AUTHORITY_INVALID'); });
    const client = new ConsentGatewayClient({ baseUrl: 'https://gateway.example', transport, retryDelayMs: 1 });
    expect((await failure(client.institutionSettings(credential))).code).toBe('GATEWAY_TLS_UNTRUSTED');
    expect(transport.requests).toHaveLength(1);
  });

  it('a 200 whose body is a success of the wrong operation is a bad response', async () => {
    const body = JSON.stringify({ XmlMsg: { MessageHeader: {
      ProcessExecutionTime: '20261125120000', MedicalInstitutionCode: '1311000010', SegmentOfResult: '1', CharacterCodeIdentifier: '0',
    }, MessageBody: { DeactivatedTime: '20261125120000' } } });
    const transport = scripted(async () => ({ status: 200, body }));
    const client = new ConsentGatewayClient({ baseUrl: 'https://gateway.example', transport, retryDelayMs: 1 });
    expect((await failure(client.issueChallenge(credential))).code).toBe('GATEWAY_BAD_RESPONSE');
  });

  it('the configured timeout is handed to the transport', async () => {
    const transport = scripted(async () => { throw new TransportFailure('timeout', 'slow'); });
    const client = new ConsentGatewayClient({ baseUrl: 'https://gateway.example', transport, timeoutMs: 1234, maxAttempts: 2, retryDelayMs: 1 });
    expect((await failure(client.institutionSettings(credential))).code).toBe('GATEWAY_TIMEOUT');
    expect(transport.requests.map((r) => r.timeoutMs)).toEqual([1234, 1234]);
  });
});
