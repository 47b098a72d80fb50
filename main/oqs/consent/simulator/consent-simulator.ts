/**
 * The consent gateway simulator: an HTTPS server on 127.0.0.1 that speaks
 * docs/consent-gateway-contract.md and refuses what OQS would refuse. Embedded by tests, training
 * mode and `onshi-cart simulator consent`. Tests play the terminal's administrator through
 * `terminal`, move time with `clock`, and break the network with `faults` and `refuseConnections`.
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIMULATED_INSTITUTION_CODE } from '../../population';
import { RefusalMessage } from '../contract-schemas';
import { CONSENT_REFUSALS } from '../error-codes';
import { toOqsTime } from '../oqs-time';
import { ChallengeBook, DEFAULT_CHALLENGE_TTL_MS } from './challenge-book';
import { ConsentDesk } from './consent-desk';
import { consentRoutes } from './consent-routes';
import type { Route } from './consent-routes';
import { FaultPlan } from './fault-plan';
import type { Fault } from './fault-plan';
import { SimulatedRefusal } from './refusal';
import { createServerIdentity } from './server-certificate';
import { SimulatorClock } from './simulator-clock';
import { DEFAULT_ACTIVATION_TIMING, SimulatedTerminal } from './simulated-terminal';
import type { ActivationTiming } from './simulated-terminal';
import type { SimulatorWorld } from './fixture-world';

export interface ConsentSimulatorOptions {
  readonly world: SimulatorWorld;
  readonly port?: number;
  readonly medicalInstitutionCode?: string;
  readonly clock?: SimulatorClock;
  readonly activationTiming?: ActivationTiming;
  readonly challengeTtlMs?: number;
}

export interface ConsentSimulator {
  readonly url: string;
  readonly port: number;
  /** The server certificate: the CA the client must be given. */
  readonly caPem: string;
  readonly clock: SimulatorClock;
  readonly terminal: SimulatedTerminal;
  readonly faults: FaultPlan;
  /** Requests received so far, on one path or in all. */
  requestCount(path?: string): number;
  refuseConnections(): Promise<void>;
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

export async function startConsentSimulator(options: ConsentSimulatorOptions): Promise<ConsentSimulator> {
  const clock = options.clock ?? new SimulatorClock();
  const institutionCode = options.medicalInstitutionCode ?? SIMULATED_INSTITUTION_CODE;
  const terminal = new SimulatedTerminal(institutionCode, clock, options.activationTiming ?? DEFAULT_ACTIVATION_TIMING);
  const challenges = new ChallengeBook(clock, options.challengeTtlMs ?? DEFAULT_CHALLENGE_TTL_MS);
  const desk = new ConsentDesk(terminal, challenges, options.world.pki, options.world.directory, clock);
  const routes = consentRoutes({ terminal, challenges, desk, clock });
  const faults = new FaultPlan();
  const counts = new Map<string, number>();
  const identity = createServerIdentity();

  const header = (fileId: string | undefined) => ({
    ProcessExecutionTime: toOqsTime(clock.now()),
    MedicalInstitutionCode: institutionCode,
    ...(fileId === undefined ? {} : { ArbitraryFileIdentifier: fileId }),
    CharacterCodeIdentifier: '0',
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const raw = await readBody(req);
    const fault = faults.take(path);
    if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms));
    if (res.destroyed) return;
    const { status, message } = answer(routes[path], req, raw);
    sendWithFault(res, status, JSON.stringify(message), fault);
  }

  function answer(route: Route | undefined, req: IncomingMessage, raw: string | undefined): { status: number; message: unknown } {
    let fileId: string | undefined;
    try {
      if (!route || route.method !== req.method) throw new SimulatedRefusal('REQUEST_INVALID', 'no such operation');
      if (raw === undefined) throw new SimulatedRefusal('REQUEST_INVALID', 'body too large');
      const device = route.needsDevice ? terminal.deviceFor(req.headers.authorization) : undefined;
      let body: unknown = {};
      if (route.request) {
        const parsed = route.request.safeParse(parseJson(raw));
        if (!parsed.success) throw new SimulatedRefusal('REQUEST_INVALID', parsed.error.issues[0]?.path.join('.'));
        const requestHeader = parsed.data.XmlMsg.MessageHeader;
        fileId = requestHeader.ArbitraryFileIdentifier;
        if (device && requestHeader.MedicalInstitutionCode !== institutionCode) throw new SimulatedRefusal('REQUEST_INVALID', 'another institution');
        body = parsed.data.XmlMsg.MessageBody;
      }
      const messageBody = route.handle({ body, device });
      return { status: 200, message: { XmlMsg: { MessageHeader: { ...header(fileId), SegmentOfResult: '1' }, MessageBody: messageBody } } };
    } catch (err) {
      if (!(err instanceof SimulatedRefusal)) throw err;
      const refusal = CONSENT_REFUSALS[err.code];
      const message = RefusalMessage.parse({
        XmlMsg: { MessageHeader: { ...header(fileId), SegmentOfResult: '9', ErrorCode: err.code, ErrorMessage: refusal.message }, MessageBody: {} },
      });
      return { status: refusal.status, message };
    }
  }

  const server = https.createServer({ key: identity.keyPem, cert: identity.certificatePem }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendWithFault(res, 500, JSON.stringify({ error: 'simulator internal error' }), undefined);
    });
  });
  const port = await listen(server, options.port ?? 0);

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    caPem: identity.certificatePem,
    clock,
    terminal,
    faults,
    requestCount: (path) => (path === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : counts.get(path) ?? 0),
    refuseConnections: () => stopListening(server),
    acceptConnections: async () => { await listen(server, port); },
    close: () => stopListening(server),
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new SimulatedRefusal('REQUEST_INVALID', 'body is not JSON');
  }
}

/** The body as text, or undefined when it is larger than any contract message. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendWithFault(res: ServerResponse, status: number, body: string, fault: Fault | undefined): void {
  const bytes = Buffer.from(body, 'utf8');
  switch (fault?.kind) {
    case 'server-error':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    case 'malformed-body':
      res.writeHead(200, { 'content-type': 'application/json' })
        .end(fault.variant === 'not-json' ? '<html>maintenance</html>' : JSON.stringify({ XmlMsg: { MessageHeader: {} } }));
      return;
    case 'truncated-body':
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
      res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
      return;
    default:
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length }).end(bytes);
  }
}

function listen(server: https.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopListening(server: https.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
