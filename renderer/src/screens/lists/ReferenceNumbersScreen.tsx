import { useState, type FormEvent } from 'react';
import type { RequestOf, ResponseOf } from '../../../../main/contract';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field } from '../../components/Field';
import { formatCalendarDate, oqsDateToIso } from '../../format/dates';
import { useAttempt } from '../../ipc/useAttempt';

export type ReferenceEntry = ResponseOf<'inquiry.register'>;
export type ReferenceDraft = RequestOf<'inquiry.register'>;
export type ImportReport = ResponseOf<'inquiry.import'>;
export type CsvEncoding = RequestOf<'inquiry.export'>['encoding'];

export interface ReferenceNumbersScreenProps {
  entries: readonly ReferenceEntry[];
  onSearch(text: string): void;
  /** Rejects with the store's sentence naming the field that is wrong. */
  onSave(draft: ReferenceDraft, id: number | null): Promise<void>;
  onRemove(id: number): Promise<void>;
  onImport(file: File): Promise<ImportReport>;
  onExport(encoding: CsvEncoding): Promise<void>;
}

const EMPTY: ReferenceDraft = { referenceNumber: '', insurerNumber: '', symbol: '', number: '', branch: '', birthDate: '' };
const FIELDS = ['referenceNumber', 'insurerNumber', 'symbol', 'number', 'branch', 'birthDate'] as const;

function draftOf(entry: ReferenceEntry): ReferenceDraft {
  return Object.fromEntries(FIELDS.map((f) => [f, entry[f]])) as ReferenceDraft;
}

/** The 照会番号 book: search, add, edit, remove, CSV import and export. */
export function ReferenceNumbersScreen({ entries, onSearch, onSave, onRemove, onImport, onExport }: ReferenceNumbersScreenProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ id: number | null; draft: ReferenceDraft } | null>(null);
  const { error, attempt } = useAttempt();
  const [report, setReport] = useState<ImportReport | null>(null);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (editing) void attempt(async () => {
      await onSave(editing.draft, editing.id);
      setEditing(null);
    });
  };

  return (
    <section className="panel" aria-labelledby="refs-title">
      <h2 id="refs-title">{t('lists.refs.title')}</h2>
      <form className="inline-form" role="search" onSubmit={(e) => (e.preventDefault(), onSearch(query))}>
        <Field label={t('lists.refs.search')} type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button">
          {t('lists.refs.searchButton')}
        </button>
      </form>
      <table className="table" data-testid="reference-table">
        <caption className="hint">{t('lists.refs.count', { count: entries.length })}</caption>
        <thead>
          <tr>
            {FIELDS.map((f) => (
              <th key={f} scope="col">
                {t(`lists.refs.fields.${f}`)}
              </th>
            ))}
            <th scope="col">{t('lists.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.referenceNumber}</th>
              <td>{entry.insurerNumber}</td>
              <td>{entry.symbol || '—'}</td>
              <td>{entry.number}</td>
              <td>{entry.branch || '—'}</td>
              <td>{oqsDateToIso(entry.birthDate) ? formatCalendarDate(oqsDateToIso(entry.birthDate)!) : entry.birthDate}</td>
              <td className="actions">
                <button type="button" className="button button-small" aria-label={t('lists.refs.editOne', { ref: entry.referenceNumber })} onClick={() => setEditing({ id: entry.id, draft: draftOf(entry) })}>
                  {t('lists.edit')}
                </button>
                <button type="button" className="button button-small" aria-label={t('lists.refs.removeOne', { ref: entry.referenceNumber })} onClick={() => void attempt(() => onRemove(entry.id))}>
                  {t('lists.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <form onSubmit={save} aria-label={t('lists.refs.editTitle')} noValidate>
          {FIELDS.map((f) => (
            <Field
              key={f}
              label={t(`lists.refs.fields.${f}`)}
              hint={t(`lists.refs.hints.${f}`)}
              autoComplete="off"
              value={editing.draft[f]}
              onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, [f]: e.target.value } })}
            />
          ))}
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('lists.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('lists.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => setEditing({ id: null, draft: EMPTY })}>
            {t('lists.refs.add')}
          </button>
          <button type="button" className="button" onClick={() => void attempt(() => onExport('cp932'))}>
            {t('lists.refs.exportCp932')}
          </button>
          <button type="button" className="button" onClick={() => void attempt(() => onExport('utf8'))}>
            {t('lists.refs.exportUtf8')}
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor="refs-import">{t('lists.refs.import')}</label>
        <input
          id="refs-import"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void attempt(async () => setReport(await onImport(file)));
          }}
        />
      </div>
      {report && (
        <div role="status" data-testid="import-report">
          <p>{report.ok ? t('lists.refs.imported', { count: report.added + report.updated }) : t('lists.refs.importRefused')}</p>
          {!report.ok && (
            <ul>
              {report.problems.map((p) => (
                <li key={p.row}>{t('lists.refs.problemRow', { row: p.row, reason: p.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <ErrorPanel error={error} />}
    </section>
  );
}
