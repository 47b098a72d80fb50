/**
 * A real rsyslog collector for tests: its own config, pid file, work folder and port on 127.0.0.1,
 * receiving RFC 5425 (TLS, octet-counting) with a certificate made here by certtool, and writing
 * each raw message to one file. It can be stopped, frozen (SIGSTOP: the port still accepts TCP
 * but nothing answers) and started again on the same port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';

export interface TestPki {
  readonly caPem: string;
  readonly dir: string;
}

function certtool(args: string[]): void {
  execFileSync('certtool', args, { stdio: 'ignore' });
}

/**
 * A CA, a server certificate for 127.0.0.1 and a cart's client certificate, both signed by it;
 * `name` keeps two PKIs apart. Files: NAME-ca.pem, NAME-cert.pem / NAME-key.pem (server),
 * NAME-client-cert.pem / NAME-client-key.pem.
 */
export function makeTestPki(dir: string, name: string): TestPki {
  mkdirSync(dir, { recursive: true });
  const p = (f: string) => path.join(dir, `${name}-${f}`);
  writeFileSync(p('ca.tmpl'), 'cn = "onshi-cart test CA"\nca\ncert_signing_key\nexpiration_days = 2\n');
  writeFileSync(p('server.tmpl'), 'cn = "127.0.0.1"\nip_address = "127.0.0.1"\ntls_www_server\nexpiration_days = 2\n');
  writeFileSync(p('client.tmpl'), 'cn = "cart-01.ward3.example.local"\ntls_www_client\nexpiration_days = 2\n');
  certtool(['--generate-privkey', '--key-type=ecdsa', '--outfile', p('ca-key.pem')]);
  certtool(['--generate-self-signed', '--load-privkey', p('ca-key.pem'), '--template', p('ca.tmpl'), '--outfile', p('ca.pem')]);
  certtool(['--generate-privkey', '--key-type=ecdsa', '--outfile', p('key.pem')]);
  const issue = (key: string, template: string, out: string) =>
    certtool(['--generate-certificate', '--load-privkey', p(key), '--load-ca-certificate', p('ca.pem'), '--load-ca-privkey', p('ca-key.pem'), '--template', p(template), '--outfile', p(out)]);
  issue('key.pem', 'server.tmpl', 'cert.pem');
  certtool(['--generate-privkey', '--key-type=ecdsa', '--outfile', p('client-key.pem')]);
  issue('client-key.pem', 'client.tmpl', 'client-cert.pem');
  return { caPem: readFileSync(p('ca.pem'), 'utf8'), dir };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class RsyslogCollector {
  readonly received: string;
  private readonly config: string;
  private readonly pidFile: string;
  private process: ChildProcess | undefined;

  /** `x509/certvalid`: the collector accepts only senders with a certificate its CA signed. */
  constructor(dir: string, pkiName: string, readonly port: number, authMode: 'anon' | 'x509/certvalid' = 'anon') {
    const work = path.join(dir, 'rsyslog-work');
    mkdirSync(work, { recursive: true });
    this.received = path.join(dir, 'received.log');
    this.config = path.join(dir, 'rsyslog.conf');
    this.pidFile = path.join(dir, 'rsyslog.pid');
    const f = (x: string) => path.join(dir, `${pkiName}-${x}`);
    writeFileSync(
      this.config,
      [
        `global(workDirectory="${work}" defaultNetstreamDriverCAFile="${f('ca.pem')}" defaultNetstreamDriverCertFile="${f('cert.pem')}" defaultNetstreamDriverKeyFile="${f('key.pem')}")`,
        `module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="${authMode}")`,
        `input(type="imtcp" address="127.0.0.1" port="${port}")`,
        'template(name="raw" type="string" string="%rawmsg%\\n")',
        `action(type="omfile" file="${this.received}" template="raw")`,
        '',
      ].join('\n'),
    );
  }

  async start(): Promise<void> {
    this.process = spawn('/usr/sbin/rsyslogd', ['-n', '-f', this.config, '-i', this.pidFile], { stdio: 'ignore' });
    await waitFor('rsyslogd to listen', () => existsSync(this.pidFile));
    await waitFor('the port', () => accepts(this.port));
  }

  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT');
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.process = undefined;
  }

  /** Lines written so far (rsyslog writes each batch as it finishes). */
  lines(): string[] {
    return existsSync(this.received) ? readFileSync(this.received, 'utf8').split('\n').filter((l) => l.length > 0) : [];
  }

  waitForLines(count: number, timeoutMs = 10_000): Promise<void> {
    return waitFor(`${count} lines at the collector`, () => this.lines().length >= count, timeoutMs);
  }
}
