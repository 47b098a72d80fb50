import { useState, type FormEvent } from 'react';
import type { RequestOf, ResponseOf } from '../../../main/contract';
import { formatDeadline } from '../format/dates';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/ErrorPanel';
import { Field } from '../components/Field';
import { useAttempt } from '../ipc/useAttempt';

const QUERY_FIELDS = ['insurer', 'symbol', 'number', 'branch', 'birthdate'] as const;

type AuditVerifyResult = ResponseOf<'audit.verify'>;
type AuditRow = ResponseOf<'audit.find'>['rows'][number];
/** The insurance identifiers as typed; empty optional ones are left out of the request. */
type AuditPatientQuery = Record<(typeof QUERY_FIELDS)[number], string>;

export interface AuditScreenProps {
  /** Where the log goes (the hospital's collector) and how far it got; null while loading. */
  shipping: ResponseOf<'audit.shipping'> | null;
  onVerify(): Promise<AuditVerifyResult>;
  onFind(query: RequestOf<'audit.find'>): Promise<readonly AuditRow[]>;
  /** Saves the log as a file; `since` is a date (YYYY-MM-DD) or empty for all of it. */
  onExport(format: 'jsonl' | 'csv', since: string): Promise<void>;
}


/** For administrators: verify the chain, find who touched a patient's records, export the log. */
export function AuditScreen({ shipping, onVerify, onFind, onExport }: AuditScreenProps) {
  const { t } = useTranslation();
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [query, setQuery] = useState<AuditPatientQuery>({ insurer: '', symbol: '', number: '', branch: '', birthdate: '' });
  const [rows, setRows] = useState<readonly AuditRow[] | null>(null);
  const [since, setSince] = useState('');
  const { error, attempt } = useAttempt();
  const find = (e: FormEvent) => {
    e.preventDefault();
    const { symbol, branch, ...required } = query;
    void attempt(async () => setRows(await onFind({ ...required, ...(symbol ? { symbol } : {}), ...(branch ? { branch } : {}) })));
  };

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <h3>{t('audit.shippingTitle')}</h3>
      <p role="status" data-testid="audit-shipping">
        {shipping ? shipping.message : '—'}
      </p>
      <h3>{t('audit.verifyTitle')}</h3>
      <button type="button" className="button button-primary" onClick={() => void attempt(async () => setVerify(await onVerify()))}>
        {t('audit.verify')}
      </button>
      {verify && (
        <p role="status" data-testid="audit-verify" className={verify.ok ? 'notice' : 'warning'}>
          {verify.ok ? t('audit.verifyOk', { count: verify.checked }) : t('audit.verifyBroken', { seq: verify.firstBad?.seq ?? '?', problem: t(`audit.problems.${verify.firstBad?.problem ?? 'unknown'}`, { defaultValue: verify.firstBad?.problem ?? '' }) })}
        </p>
      )}

      <h3>{t('audit.findTitle')}</h3>
      <form onSubmit={find} noValidate>
        {QUERY_FIELDS.map((f) => (
          <Field key={f} label={t(`audit.fields.${f}`)} autoComplete="off" value={query[f]} onChange={(e) => setQuery({ ...query, [f]: e.target.value })} />
        ))}
        <button type="submit" className="button">
          {t('audit.find')}
        </button>
      </form>
      {rows && (
        <table className="table" data-testid="audit-rows">
          <caption className="hint">{t('audit.found', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.seq')}</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.kind')}</th>
              <th scope="col">{t('audit.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{formatDeadline(r.atTokyo)}</td>
                <td>{r.kind}</td>
                <td>{r.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('audit.exportTitle')}</h3>
      <Field label={t('audit.since')} type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      <div className="actions">
        {(['csv', 'jsonl'] as const).map((format) => (
          <button key={format} type="button" className="button" onClick={() => void attempt(() => onExport(format, since))}>
            {t(format === 'csv' ? 'audit.exportCsv' : 'audit.exportJsonl')}
          </button>
        ))}
      </div>

      {error && <ErrorPanel error={error} />}
    </section>
  );
}
