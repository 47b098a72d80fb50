/**
 * The collector setting's checks: the names and addresses a hospital uses are accepted as typed,
 * a chain of CA certificates is kept whole, and an expired CA is refused with what to do. The
 * cart's client certificate comes with its key, fit for client authentication, or not at all.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCollector, viewOfCollector } from '../../../main/audit/collector-config';
import { validateClientIdentity } from '../../../main/audit/collector-identity';
import { makeTestPki } from '../../integration/audit/rsyslog-collector';
import { thrownCode } from '../../helpers/error-code';

let dir: string;
let caPem: string;
let otherPem: string;
const now = new Date();

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'onshi-collector-config-'));
  caPem = makeTestPki(dir, 'a').caPem;
  otherPem = makeTestPki(dir, 'b').caPem;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validateCollector', () => {
  it('accepts host names, IPv4 and IPv6 addresses, trimming stray spaces', () => {
    for (const host of ['syslog.hospital.local', 'collector-01', '192.168.10.5', 'fd00::10', ' syslog.example.jp ']) {
      expect(validateCollector({ host, port: 6514, caPem }, now).host).toBe(host.trim());
    }
  });

  it('keeps every certificate of a CA chain, in order, and shows the first', () => {
    const config = validateCollector({ host: 'syslog.hospital.local', port: 6514, caPem: `${caPem}\n${otherPem}` }, now);
    expect(config.caPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(viewOfCollector(config)).toMatchObject({ host: 'syslog.hospital.local', port: 6514, ca: { subject: expect.stringContaining('onshi-cart test CA'), fingerprint256: expect.stringMatching(/^[0-9A-F:]{95}$/) } });
  });

  it('refuses a CA that has expired, and one with any broken certificate in the chain', () => {
    const later = new Date(now.getTime() + 10 * 24 * 3600 * 1000);
    expect(thrownCode(() => validateCollector({ host: '127.0.0.1', port: 6514, caPem }, later))).toBe('AUDIT_COLLECTOR_CA_EXPIRED');
    const broken = otherPem.replace(/\n([A-Za-z0-9+/]{64})\n/, '\n$1$1\n');
    expect(thrownCode(() => validateCollector({ host: '127.0.0.1', port: 6514, caPem: `${caPem}\n${broken}` }, now))).toBe('AUDIT_COLLECTOR_CA_INVALID');
  });

  it('refuses host names a resolver would not take', () => {
    for (const host of ['', 'a..b', 'under_score.local', 'x'.repeat(64), '10.0.0', 'host name']) {
      expect(thrownCode(() => validateCollector({ host, port: 6514, caPem }, now)), host).toBe('AUDIT_COLLECTOR_HOST');
    }
  });
});

describe('the cart\'s client certificate', () => {
  const file = (name: string) => path.join(dir, name);
  const text = (name: string) => readFileSync(file(name), 'utf8');
  const base = () => ({ host: '127.0.0.1', port: 6514, caPem });

  it('takes a certificate and its key, from files or as text, and shows the certificate', () => {
    const fromFiles = validateCollector({ ...base(), clientCertFile: file('a-client-cert.pem'), clientKeyFile: file('a-client-key.pem') }, now);
    const fromText = validateCollector({ ...base(), clientCertPem: text('a-client-cert.pem'), clientKeyPem: text('a-client-key.pem') }, now);
    expect(fromText.client).toEqual(fromFiles.client);
    expect(fromFiles.client!.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(viewOfCollector(fromFiles).client).toMatchObject({ subject: expect.stringContaining('cart-01.ward3.example.local'), fingerprint256: expect.stringMatching(/^[0-9A-F:]{95}$/) });
    expect(viewOfCollector(validateCollector(base(), now)).client).toBeNull();
  });

  it('refuses half a pair, a certificate given twice, and a file that is not there', () => {
    expect(thrownCode(() => validateCollector({ ...base(), clientCertPem: text('a-client-cert.pem') }, now))).toBe('AUDIT_COLLECTOR_CLIENT_PAIR');
    expect(thrownCode(() => validateCollector({ ...base(), clientKeyFile: file('a-client-key.pem') }, now))).toBe('AUDIT_COLLECTOR_CLIENT_PAIR');
    expect(
      thrownCode(() => validateCollector({ ...base(), clientCertPem: text('a-client-cert.pem'), clientCertFile: file('a-client-cert.pem'), clientKeyFile: file('a-client-key.pem') }, now)),
    ).toBe('AUDIT_COLLECTOR_CLIENT_CHOICE');
    expect(thrownCode(() => validateCollector({ ...base(), clientCertFile: file('missing.pem'), clientKeyFile: file('a-client-key.pem') }, now))).toBe('AUDIT_COLLECTOR_CLIENT_FILE');
  });

  it('refuses a server certificate, a key of another pair, a locked or broken key, and an expired certificate', () => {
    const identity = (cert: string, key: string, at = now) => thrownCode(() => validateClientIdentity(text(cert), key, at));
    expect(identity('a-cert.pem', text('a-key.pem'))).toBe('AUDIT_COLLECTOR_CLIENT_USAGE');
    expect(identity('a-client-cert.pem', text('b-client-key.pem'))).toBe('AUDIT_COLLECTOR_CLIENT_MISMATCH');
    const locked = createPrivateKey(text('a-client-key.pem')).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hospital' }).toString();
    expect(identity('a-client-cert.pem', locked)).toBe('AUDIT_COLLECTOR_CLIENT_KEY');
    expect(identity('a-client-cert.pem', 'not a key')).toBe('AUDIT_COLLECTOR_CLIENT_KEY');
    expect(thrownCode(() => validateClientIdentity('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', text('a-client-key.pem'), now))).toBe('AUDIT_COLLECTOR_CLIENT_CERT');
    expect(identity('a-client-cert.pem', text('a-client-key.pem'), new Date(now.getTime() + 10 * 24 * 3600 * 1000))).toBe('AUDIT_COLLECTOR_CLIENT_EXPIRED');
  });
});
