import { createHmac, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainMac } from '../../../main/audit/chain-mac';
import { patientRef } from '../../../main/audit/patient-ref';
import { auditFixture, type AuditFixture } from './audit-fixture';

describe('chain MAC', () => {
  it('is exactly HMAC-SHA-256 over previous MAC, 8-byte sequence number and content, for every padding length', () => {
    const key = randomBytes(32);
    const chain = new ChainMac(key);
    for (let length = 0; length < 300; length++) {
      const previous = randomBytes(32);
      const content = randomBytes(length);
      const seq = 2 ** 33 + length;
      const seqBytes = Buffer.alloc(8);
      seqBytes.writeBigUInt64BE(BigInt(seq));
      expect(chain.mac(previous, seq, content).toString('hex')).toBe(createHmac('sha256', key).update(previous).update(seqBytes).update(content).digest('hex'));
    }
  });
});

describe('patient reference', () => {
  const key = randomBytes(32);
  const ids = { insurer: '06139994', symbol: '１２３', number: '4567', branch: '01', birthdate: '19500102' };

  it('is the same for the same person however the card and OQS write the identifiers', () => {
    const a = patientRef(key, ids);
    expect(a).toMatch(/^p1-[0-9a-f]{32}$/);
    expect(patientRef(key, { ...ids, insurer: '  06139994', symbol: '123', birthdate: '1950-01-02' })).toBe(a);
  });

  it('differs for another person, another key, and never contains the identifiers', () => {
    const a = patientRef(key, ids);
    expect(patientRef(key, { ...ids, branch: '02' })).not.toBe(a);
    expect(patientRef(randomBytes(32), ids)).not.toBe(a);
    expect(a).not.toContain('4567');
  });

  it.each([
    ['insurer', '1234', '保険者番号'],
    ['number', '', '番号'],
    ['branch', '1', '枝番'],
    ['birthdate', '19500230', '生年月日'],
  ])('rejects a bad %s with a message naming the field', (field, value, label) => {
    expect(() => patientRef(key, { ...ids, [field]: value })).toThrow(expect.objectContaining({ code: 'AUDIT_BAD_IDENTIFIERS', detail: label }));
  });
});

describe('what may be recorded', () => {
  let fx: AuditFixture;
  beforeEach(() => {
    fx = auditFixture();
  });
  afterEach(() => fx.cleanup());

  it('rejects any field outside the event schema (a PIN, a name) and writes nothing', async () => {
    const log = await fx.open();
    const sneaky = { kind: 'check.identity', actor: 'S001', check: 'c1', method: 'pin', outcome: 'ok', pin: '1234' };
    expect(() => log.append(sneaky as never)).toThrow(expect.objectContaining({ code: 'AUDIT_INVALID_EVENT' }));
    const named = { kind: 'session.login', actor: 'S001', outcome: 'ok', patientName: '山田太郎' };
    expect(() => log.append(named as never)).toThrow(expect.objectContaining({ code: 'AUDIT_INVALID_EVENT' }));
    expect(log.status().lastSeq).toBe(0);
  });

  it('requires the attesting clerk for 目視確認, and records who entered the consent', async () => {
    const log = await fx.open();
    expect(() => log.append({ kind: 'check.identity', actor: 'S001', check: 'c1', method: 'visual', outcome: 'ok' })).toThrow(expect.objectContaining({ code: 'AUDIT_INVALID_EVENT' }));
    log.append({ kind: 'check.identity', actor: 'S001', check: 'c1', method: 'visual', attestedBy: 'S002', outcome: 'ok' });
    log.append({ kind: 'check.consent', actor: 'S001', check: 'c1', enteredBy: 'staff-proxy', items: { diagnosis: true, medication: false } });
    const contents = (fx.db.prepare('SELECT content FROM audit_log ORDER BY seq').pluck().all() as string[]).map((c) => JSON.parse(c));
    expect(contents[0]).toMatchObject({ method: 'visual', attestedBy: 'S002' });
    expect(contents[1]).toMatchObject({ enteredBy: 'staff-proxy', items: { diagnosis: true, medication: false } });
  });

  it('stores UTC time and the skew against the time OQS reported', async () => {
    const log = await fx.open({ now: () => new Date('2026-11-25T01:00:02.500Z') });
    log.append({ kind: 'check.outcome', actor: 'S001', check: 'c1', outcome: 'ok', validity: 1, oqsTime: '2026-11-25T10:00:00+09:00' });
    const content = JSON.parse(fx.db.prepare('SELECT content FROM audit_log').pluck().get() as string);
    expect(content).toMatchObject({ at: '2026-11-25T01:00:02.500Z', skewMs: 2500 });
    expect(content.oqsTime).toBeUndefined();
  });
});
