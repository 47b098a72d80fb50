/**
 * 照会番号 changes and exports in the audit log: who registered, edited or deleted the entry of
 * which patient (as the keyed hash of the insurance identifiers, never the identifiers), who
 * imported how many, who exported how many. A change is refused before it is made while the chain
 * is broken, so nothing changes that the log could not record.
 */
import type { AuditLog } from '../../audit/audit-log';
import { AuditErrors } from '../../audit/errors';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../handler-table';

type InquiryChannel = 'inquiry.list' | 'inquiry.register' | 'inquiry.edit' | 'inquiry.delete' | 'inquiry.import' | 'inquiry.export';
type Identity = { insurerNumber: string; symbol: string; number: string; branch: string; birthDate: string };

export interface InquiryAuditDeps {
  readonly log: AuditLog;
  readonly actor: () => string;
}

export function auditedInquiry(handlers: Pick<Handlers, InquiryChannel>, deps: InquiryAuditDeps): Pick<Handlers, InquiryChannel> {
  const { log } = deps;
  const refOf = (r: Identity): string | undefined => {
    try {
      return log.patientRef({ insurer: r.insurerNumber, symbol: r.symbol, number: r.number, branch: r.branch, birthdate: r.birthDate });
    } catch {
      return undefined; // identifiers too malformed to name anyone: the store refuses them anyway
    }
  };
  const requireWritable = () => {
    const status = log.status();
    if (status.break) throw AuditErrors.chainBroken(status.break.seq, status.break.problem);
  };
  /**
   * Runs the change and records it under every patient it touches (an edit may move an entry from
   * one patient to another), or records its refusal where the patient can be named.
   */
  const recorded = async <T>(action: 'register' | 'update' | 'delete', records: ReadonlyArray<Identity | undefined>, change: () => Promise<T>): Promise<T> => {
    requireWritable();
    const patients = [...new Set(records.map((r) => r && refOf(r)).filter((p): p is string => p !== undefined))];
    try {
      const result = await change();
      for (const patient of patients) log.append({ kind: 'reference.change', actor: deps.actor(), action, outcome: 'ok', patient });
      return result;
    } catch (err) {
      if (err instanceof AppError) for (const patient of patients) log.append({ kind: 'reference.change', actor: deps.actor(), action, outcome: 'failed', patient, code: err.code });
      throw err;
    }
  };
  const entryOf = async (id: number, context: Parameters<Handlers['inquiry.list']>[1]) =>
    (await handlers['inquiry.list']({}, context)).entries.find((e) => e.id === id);
  return {
    ...handlers,
    'inquiry.register': (record, context) => recorded('register', [record], async () => handlers['inquiry.register'](record, context)),
    'inquiry.edit': async (request, context) =>
      recorded('update', [await entryOf(request.id, context), request.record], async () => handlers['inquiry.edit'](request, context)),
    'inquiry.delete': async (request, context) =>
      recorded('delete', [await entryOf(request.id, context)], async () => handlers['inquiry.delete'](request, context)),
    'inquiry.import': async (request, context) => {
      requireWritable();
      const outcome = await handlers['inquiry.import'](request, context);
      if (outcome.ok) log.append({ kind: 'reference.import', actor: deps.actor(), added: outcome.added, updated: outcome.updated });
      return outcome;
    },
    'inquiry.export': async (request, context) => {
      requireWritable();
      const exported = await handlers['inquiry.export'](request, context);
      log.append({ kind: 'export', actor: deps.actor(), what: 'inquiry-numbers', format: `csv-${request.encoding}`, rows: exported.count });
      return exported;
    },
  };
}
