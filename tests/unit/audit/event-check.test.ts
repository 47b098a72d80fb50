/**
 * The compiled event checks say yes exactly where zod's schema does: one valid event of every kind,
 * and each of them broken field by field (missing, wrong type, outside its pattern or range, a
 * field added that the schema does not list). The row's content is the canonical JSON of the event
 * with its time, byte for byte, and the canonical writer's strings are JSON.stringify's.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonString } from '../../../main/audit/canonical';
import { isValidEvent } from '../../../main/audit/event-check';
import { AuditEventSchema } from '../../../main/audit/events';
import { rowContent } from '../../../main/audit/row-content';

const PATIENT = 'p1-0123456789abcdef0123456789abcdef';
const OQS_TIME = '2026-11-25T10:00:00+09:00';

/** One full event of every kind (optional fields filled in). */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'session.login': { kind: 'session.login', actor: 'S001', outcome: 'locked-out' },
  'session.lock': { kind: 'session.lock', actor: 'S001', cause: 'idle' },
  'device.activation': { kind: 'device.activation', actor: 'setup', outcome: 'failed', institutionCode: '1312345678', code: 'ACTIVATION_REFUSED', oqsTime: OQS_TIME },
  'check.step': { kind: 'check.step', actor: 'S001', check: 'c-1', step: 'card-read', outcome: 'ok', code: 'CARD_REMOVED', patient: PATIENT, oqsTime: OQS_TIME },
  'check.identity': { kind: 'check.identity', actor: 'S001', check: 'c-1', method: 'visual', attestedBy: 'S002', outcome: 'ok', patient: PATIENT },
  'check.consent': { kind: 'check.consent', actor: 'S001', check: 'c-1', enteredBy: 'staff-proxy', items: { diagnosis: true, medication: false }, patient: PATIENT, oqsTime: OQS_TIME },
  'check.outcome': { kind: 'check.outcome', actor: 'S001', check: 'c-1', outcome: 'ok', validity: 1, code: 'X_1', patient: PATIENT, oqsTime: OQS_TIME },
  'reference.change': { kind: 'reference.change', actor: 'S001', action: 'update', outcome: 'ok', patient: PATIENT, code: 'INQUIRY_X' },
  'reference.import': { kind: 'reference.import', actor: 'S001', added: 3, updated: 0 },
  'settings.change': { kind: 'settings.change', actor: 'cli', key: 'audit-collector' },
  export: { kind: 'export', actor: 'ADMIN1', what: 'audit-log', format: 'jsonl', rows: 120 },
  'store.key-loss-discard': { kind: 'store.key-loss-discard', actor: 'setup', discardedAt: '2026-11-25T01:00:00.000Z' },
  'admin.acknowledge': { kind: 'admin.acknowledge', actor: 'ADMIN1', breakAt: 17, problem: 'truncated', through: 20 },
};

/** Values that break a field of any type somewhere: wrong types, empty, too long, other scripts, out of range. */
const BAD_VALUES: unknown[] = [undefined, null, '', 'x'.repeat(80), '山田太郎', 'S 001', 'ok\n', 0, -1, 1.5, 10, 2 ** 53, Number.NaN, Infinity, true, [], {}, { a: 'b' }, ['ok'], '2026-11-25', '2026-02-30T00:00:00Z'];

function variants(sample: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [['as given', sample]];
  for (const field of Object.keys(sample)) {
    const { [field]: _dropped, ...without } = sample;
    out.push([`without ${field}`, without]);
    for (const bad of BAD_VALUES) out.push([`${field} = ${JSON.stringify(bad) ?? String(bad)}`, { ...sample, [field]: bad }]);
  }
  for (const extra of ['pin', 'name', 'myNumber', '__proto__x']) out.push([`with ${extra}`, { ...sample, [extra]: '1234' }]);
  out.push(['kind unknown', { ...sample, kind: 'check.unknown' }]);
  out.push(['items with a bad key', { ...sample, items: { 'Bad Key': true } }]);
  out.push(['items with a non-boolean', { ...sample, items: { diagnosis: 'yes' } }]);
  return out;
}

describe('compiled event checks', () => {
  it('have a sample for every kind the schema has', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(AuditEventSchema.options.map((o) => o.shape.kind.value as string).sort());
  });

  for (const [kind, sample] of Object.entries(SAMPLES)) {
    it(`agree with zod on ${kind} and its broken variants`, () => {
      let accepted = 0;
      for (const [label, event] of variants(sample)) {
        const zod = AuditEventSchema.safeParse(event).success;
        expect({ label, verdict: isValidEvent(event) }).toEqual({ label, verdict: zod });
        if (zod) accepted++;
      }
      // Not a table of refusals only: the full sample and its optional fields' absence pass.
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('follow the 目視 rule that zod refines: visual needs the attesting clerk', () => {
    const { attestedBy: _a, ...visual } = SAMPLES['check.identity']!;
    expect(isValidEvent(visual)).toBe(false);
    expect(isValidEvent({ ...visual, method: 'pin' })).toBe(true);
  });

  it('refuse what is not an object', () => {
    for (const value of [null, undefined, 'session.login', 3, [SAMPLES['session.login']]]) expect(isValidEvent(value)).toBe(false);
  });
});

describe('row content', () => {
  const instant = new Date('2026-11-25T01:00:02.500Z');
  for (const [kind, sample] of Object.entries(SAMPLES)) {
    it(`is the canonical JSON of ${kind} with its time`, () => {
      const { oqsTime, ...rest } = sample as Record<string, string>;
      const expected = canonicalJson({ ...rest, at: instant.toISOString(), ...(oqsTime ? { skewMs: instant.getTime() - Date.parse(oqsTime) } : {}) });
      expect(rowContent(sample as never, instant)).toEqual({ content: expected, at: '2026-11-25T01:00:02.500Z' });
    });
  }

  it('leaves the caller’s event as it was', () => {
    const event = { ...SAMPLES['check.outcome']! };
    rowContent(event as never, instant);
    expect(event).toEqual(SAMPLES['check.outcome']);
  });
});

describe('canonical strings', () => {
  it('are byte for byte what JSON.stringify writes, escapes and all', () => {
    for (const text of ['', 'plain', 'a"b', 'back\\slash', 'line\nbreak', '\u0000\u001f\u007f', '山田', '\ud800 lone', '😀', '</script>']) {
      expect(jsonString(text)).toBe(JSON.stringify(text));
    }
    const nested = { b: [1, -0, 2.5e-7, 'x"', null, true], a: { z: false, y: { '10': 1, '9': 2 } } };
    expect(JSON.parse(canonicalJson(nested))).toEqual(JSON.parse(JSON.stringify(nested)));
    expect(canonicalJson(nested)).toBe('{"a":{"y":{"10":1,"9":2},"z":false},"b":[1,0,2.5e-7,"x\\"",null,true]}');
  });
});
