/**
 * A loopback control endpoint for a simulator started alone (`onshi-cart simulator --port P`), so
 * a trainer or a test harness in another process can switch faults without restarting it:
 *   GET /health → {"fault": …};  PUT /fault?kind=slow (no kind clears it).
 * It listens on 127.0.0.1 only and never serves patient data beyond the synthetic population.
 */
import { createServer, type Server } from 'node:http';
import { TERMINAL_FAULTS, type TerminalFault, type TerminalSimulator } from './terminal-simulator';

export function startControlServer(simulator: TerminalSimulator, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/health') return reply(200, { fault: simulator.currentFault ?? null });
    if (req.method === 'PUT' && url.pathname === '/fault') {
      const kind = url.searchParams.get('kind');
      if (kind !== null && !TERMINAL_FAULTS.includes(kind as TerminalFault)) return reply(400, { error: `unknown fault: ${kind.slice(0, 40)}` });
      simulator.setFault((kind ?? undefined) as TerminalFault | undefined);
      return reply(200, { fault: kind });
    }
    return reply(404, { error: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
