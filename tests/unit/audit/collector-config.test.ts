/**
 * The collector setting's checks: the names and addresses a hospital uses are accepted as typed,
 * a chain of CA certificates is kept whole, and an expired CA is refused with what to do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCollector, viewOfCollector } from '../../../main/audit/collector-config';
import { AppError } from '../../../main/contract/errors';
import { makeTestPki } from '../../integration/audit/rsyslog-collector';

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

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('did not throw');
};

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
    expect(codeOf(() => validateCollector({ host: '127.0.0.1', port: 6514, caPem }, later))).toBe('AUDIT_COLLECTOR_CA_EXPIRED');
    const broken = otherPem.replace(/\n([A-Za-z0-9+/]{64})\n/, '\n$1$1\n');
    expect(codeOf(() => validateCollector({ host: '127.0.0.1', port: 6514, caPem: `${caPem}\n${broken}` }, now))).toBe('AUDIT_COLLECTOR_CA_INVALID');
  });

  it('refuses host names a resolver would not take', () => {
    for (const host of ['', 'a..b', 'under_score.local', 'x'.repeat(64), '10.0.0', 'host name']) {
      expect(codeOf(() => validateCollector({ host, port: 6514, caPem }, now)), host).toBe('AUDIT_COLLECTOR_HOST');
    }
  });
});
