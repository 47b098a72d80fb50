/**
 * The refusal table the client and simulator share, held against the contract document: every
 * code the document lists exists with a 4xx status and a polite Japanese sentence, and no code
 * exists that the document does not list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENT_REFUSALS } from '../../../main/oqs/consent/error-codes';

const doc = readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'consent-gateway-contract.md'), 'utf8');
const errorSection = doc.slice(doc.indexOf('## 5. Error codes'), doc.indexOf('## 6.'));
const documented = [...errorSection.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);

describe('consent refusal table', () => {
  it('has exactly the codes the contract document lists', () => {
    expect(documented.length).toBeGreaterThan(20);
    expect(Object.keys(CONSENT_REFUSALS).sort()).toEqual([...documented].sort());
  });

  it.each(Object.entries(CONSENT_REFUSALS))('%s: a 4xx status and a Japanese sentence saying what to do', (_code, refusal) => {
    expect(refusal.status).toBeGreaterThanOrEqual(400);
    expect(refusal.status).toBeLessThan(500);
    expect(refusal.message).toMatch(/^[^a-zA-Z]*[ぁ-んァ-ン一-龥]/);
    expect(refusal.message).toMatch(/。$/);
  });
});
