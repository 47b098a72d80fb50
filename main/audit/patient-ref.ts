/**
 * A patient in the audit log is a keyed hash of their insurance identifiers, never a name or a
 * 個人番号. The same function serves `audit find`, so the institution can answer "who viewed this
 * patient" from the identifiers on the insurance card without the log ever holding them.
 */
import { createHmac } from 'node:crypto';
import { AuditErrors } from './errors';

export interface InsuranceIdentifiers {
  /** 保険者番号: 6 digits (国保) or 8. OQS pads with spaces; those are dropped. */
  readonly insurer: string;
  /** 記号: may be absent. */
  readonly symbol?: string;
  /** 番号 */
  readonly number: string;
  /** 枝番: absent for 後期高齢者. */
  readonly branch?: string;
  /** 生年月日 as YYYYMMDD or YYYY-MM-DD (西暦). */
  readonly birthdate: string;
}

/** Full-width digits and letters become half-width, and every space goes, as OQS and cards differ in both. */
function tidy(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').replace(/\s+/g, '');
}

function normalise(ids: InsuranceIdentifiers): string[] {
  const insurer = tidy(ids.insurer);
  if (!/^(\d{6}|\d{8})$/.test(insurer)) throw AuditErrors.badPatientIdentifiers('保険者番号');
  const symbol = tidy(ids.symbol);
  if (symbol.length > 20) throw AuditErrors.badPatientIdentifiers('記号');
  const number = tidy(ids.number);
  if (number.length === 0 || number.length > 20) throw AuditErrors.badPatientIdentifiers('番号');
  const branch = tidy(ids.branch);
  if (!/^(\d{2})?$/.test(branch)) throw AuditErrors.badPatientIdentifiers('枝番');
  const birth = tidy(ids.birthdate).replace(/-/g, '');
  const asDate = /^\d{8}$/.test(birth) ? new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`) : undefined;
  // Round-tripping through Date rejects 20260230 and the like, which Date.parse alone would roll over.
  if (!asDate || Number.isNaN(asDate.getTime()) || asDate.toISOString().slice(0, 10).replace(/-/g, '') !== birth) {
    throw AuditErrors.badPatientIdentifiers('生年月日');
  }
  return [insurer, symbol, number, branch, birth];
}

/** 'p1-' + 128 bits of HMAC-SHA-256 under the audit's patient key: short enough for every row, far too long to guess. */
export function patientRef(key: Uint8Array, ids: InsuranceIdentifiers): string {
  const mac = createHmac('sha256', key).update(JSON.stringify(normalise(ids)), 'utf8').digest('hex');
  return `p1-${mac.slice(0, 32)}`;
}
