/**
 * The institution's 照会番号 book. Each entry is sealed as a whole; the 照会番号 and the insurance
 * identity are findable only through keyed hashes. Free-text search opens the institution's
 * entries in memory (a ward's list is thousands, not millions). The 照会番号 is never sent as a
 * query key to OQS; it only tags results.
 */
import { TRAINING_NOTICE, isTrainingMode } from '../common/training';
import { AppError } from '../contract/errors';
import { DeviceRecord } from './device';
import type { StoreDatabase } from './database';
import { CSV_FIELDS, CSV_HEADER, FIELD_LABELS, decodeCsv, detectEncoding, formatInquiryCsv, parseCsvRows, type CsvEncoding, type CsvWarning } from './inquiry-csv';
import { normalizeInquiry, validateInquiry, type InquiryField, type InquiryRecord } from './inquiry-record';
import { readSettings } from './settings';

export interface InquiryEntry extends InquiryRecord {
  id: number;
  updatedAt: string;
}

export interface RowProblem { row: number; field: InquiryField | null; reason: string }

export type ImportOutcome =
  | { ok: true; added: number; updated: number; encoding: CsvEncoding }
  | { ok: false; problems: RowProblem[]; encoding: CsvEncoding };

const CONTEXT = 'inquiry_numbers.sealed';

export const InquiryErrors = {
  invalid: (problems: { field: InquiryField; reason: string }[]) =>
    new AppError('INQUIRY_INVALID', `入力内容をご確認ください：${problems.map((p) => p.reason).join('／')}`, problems.map((p) => p.field).join(',')),
  noInstitution: () =>
    new AppError('INQUIRY_NO_INSTITUTION', '医療機関コードが設定されていません。管理者が端末のアクティベーションを行ってください。'),
  duplicate: () => new AppError('INQUIRY_DUPLICATE', 'この照会番号はすでに登録されています。別の番号を入力するか、登録済みの内容を編集してください。'),
  notFound: () => new AppError('INQUIRY_NOT_FOUND', '照会番号が見つかりません。一覧を更新してください。'),
  importRejected: (problems: RowProblem[]) =>
    new AppError(
      'INQUIRY_IMPORT_INVALID',
      `CSVに誤りがある行が${problems.length}件あるため、1件も取り込んでいません。内容を修正してもう一度取り込んでください。`,
      problems.map((p) => `${p.row}行目${p.field ? ` ${FIELD_LABELS[p.field]}` : ''}: ${p.reason}`).join('\n'),
    ),
};

interface Row { id: number; sealed: Buffer; updated_at: string }

export class InquiryBook {
  /** The book of this cart's institution; refused before activation (a 照会番号 is unique per institution). */
  static ofActivatedDevice(store: StoreDatabase, now: () => Date = () => new Date()): InquiryBook {
    const code = new DeviceRecord(store, now).read().institutionCode;
    if (!code) throw InquiryErrors.noInstitution();
    return new InquiryBook(store, code, now);
  }

  constructor(
    private readonly store: StoreDatabase,
    private readonly institutionCode: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private referenceHash(referenceNumber: string): Buffer {
    return this.store.crypto.lookupHash('inquiry.reference', `${this.institutionCode}\u0000${referenceNumber}`);
  }

  private identityHash(r: InquiryRecord): Buffer {
    return this.store.crypto.lookupHash('inquiry.identity', [this.institutionCode, r.insurerNumber, r.symbol, r.number, r.branch].join('\u0000'));
  }

  private open(row: Row): InquiryEntry {
    return { id: row.id, updatedAt: row.updated_at, ...(JSON.parse(this.store.crypto.open(row.sealed, CONTEXT)) as InquiryRecord) };
  }

  private checked(raw: InquiryRecord): InquiryRecord {
    const record = normalizeInquiry(raw);
    const problems = validateInquiry(record, this.now());
    if (problems.length > 0) throw InquiryErrors.invalid(problems);
    return record;
  }

  private seal(r: InquiryRecord): Buffer {
    const ordered = Object.fromEntries(CSV_FIELDS.map((f) => [f, r[f]]));
    return this.store.crypto.seal(JSON.stringify(ordered), CONTEXT);
  }

  list(): InquiryEntry[] {
    const rows = this.store.db.prepare('SELECT id, sealed, updated_at FROM inquiry_numbers WHERE institution_code = ? ORDER BY id').all(this.institutionCode) as Row[];
    return rows.map((r) => this.open(r));
  }

  /** Substring match on 照会番号, 保険者番号, 記号, 番号 and 生年月日. */
  search(text: string): InquiryEntry[] {
    const needle = text.trim();
    if (needle === '') return this.list();
    return this.list().filter((e) => [e.referenceNumber, e.insurerNumber, e.symbol, e.number, e.birthDate].some((v) => v.includes(needle)));
  }

  findByReference(referenceNumber: string): InquiryEntry | undefined {
    const row = this.store.db.prepare('SELECT id, sealed, updated_at FROM inquiry_numbers WHERE institution_code = ? AND reference_hash = ?')
      .get(this.institutionCode, this.referenceHash(referenceNumber)) as Row | undefined;
    return row && this.open(row);
  }

  /** The 照会番号 registered for these insurance identifiers (to tag a result), if any. */
  findByIdentity(identity: Pick<InquiryRecord, 'insurerNumber' | 'symbol' | 'number' | 'branch'>): InquiryEntry[] {
    const key = normalizeInquiry({ ...identity, referenceNumber: '', birthDate: '' });
    const rows = this.store.db.prepare('SELECT id, sealed, updated_at FROM inquiry_numbers WHERE institution_code = ? AND identity_hash = ?')
      .all(this.institutionCode, this.identityHash({ ...key, referenceNumber: '', birthDate: '' })) as Row[];
    return rows.map((r) => this.open(r));
  }

  register(raw: InquiryRecord): InquiryEntry {
    const record = this.checked(raw);
    if (this.findByReference(record.referenceNumber)) throw InquiryErrors.duplicate();
    return this.insert(record);
  }

  edit(id: number, raw: InquiryRecord): InquiryEntry {
    const record = this.checked(raw);
    const holder = this.findByReference(record.referenceNumber);
    if (holder && holder.id !== id) throw InquiryErrors.duplicate();
    const entry = this.update(id, record);
    // The old ciphertext may still sit in the WAL.
    this.store.purgeFreedPages();
    return entry;
  }

  private insert(record: InquiryRecord): InquiryEntry {
    const at = this.now().toISOString();
    const id = this.store.db
      .prepare('INSERT INTO inquiry_numbers (institution_code, reference_hash, identity_hash, sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.institutionCode, this.referenceHash(record.referenceNumber), this.identityHash(record), this.seal(record), at, at).lastInsertRowid;
    return { id: Number(id), updatedAt: at, ...record };
  }

  private update(id: number, record: InquiryRecord): InquiryEntry {
    const at = this.now().toISOString();
    const changed = this.store.db
      .prepare('UPDATE inquiry_numbers SET reference_hash = ?, identity_hash = ?, sealed = ?, updated_at = ? WHERE id = ? AND institution_code = ?')
      .run(this.referenceHash(record.referenceNumber), this.identityHash(record), this.seal(record), at, id, this.institutionCode).changes;
    if (changed === 0) throw InquiryErrors.notFound();
    return { id, updatedAt: at, ...record };
  }

  remove(id: number): void {
    const changed = this.store.db.prepare('DELETE FROM inquiry_numbers WHERE id = ? AND institution_code = ?').run(id, this.institutionCode).changes;
    if (changed === 0) throw InquiryErrors.notFound();
    this.store.purgeFreedPages();
  }

  /** A training cart's export carries the training notice as its first line. */
  exportCsv(encoding: CsvEncoding): { bytes: Buffer; count: number; warnings: CsvWarning[] } {
    const entries = this.list();
    return { ...formatInquiryCsv(entries, encoding, this.training() ? TRAINING_NOTICE : undefined), count: entries.length };
  }

  private training(): boolean {
    return isTrainingMode(readSettings(this.store));
  }

  /** All rows or none: every bad row is named with its reason, and nothing is written. */
  importCsv(bytes: Buffer, encoding: CsvEncoding | 'auto' = 'auto'): ImportOutcome {
    const used = encoding === 'auto' ? detectEncoding(bytes) : encoding;
    const { rows, unterminatedQuote } = parseCsvRows(decodeCsv(bytes, used));
    const problems: RowProblem[] = [];
    // A training file's numbers are made up: a training cart takes them back, a real cart never does.
    const fromTraining = rows[0]?.length === 1 && rows[0][0] === TRAINING_NOTICE;
    if (fromTraining && !this.training()) return { ok: false, problems: [{ row: 1, field: null, reason: '研修モードで書き出したファイルです。実際の照会番号ではないため取り込めません' }], encoding: used };
    const headerRow = fromTraining ? 2 : 1;
    if (rows[headerRow - 1]?.join(',') !== CSV_HEADER) problems.push({ row: headerRow, field: null, reason: `${headerRow}行目は「${CSV_HEADER}」にしてください` });
    if (unterminatedQuote) problems.push({ row: rows.length, field: null, reason: '引用符（"）が閉じられていません' });
    const records: InquiryRecord[] = [];
    const seen = new Map<string, number>();
    rows.slice(headerRow).forEach((cells, i) => {
      const row = headerRow + i + 1;
      if (cells.length === 1 && cells[0] === '') return;
      if (cells.length !== CSV_FIELDS.length) {
        problems.push({ row, field: null, reason: `列の数が${cells.length}です（${CSV_FIELDS.length}列必要です）` });
        return;
      }
      const record = normalizeInquiry(Object.fromEntries(CSV_FIELDS.map((f, j) => [f, cells[j] ?? ''])) as unknown as InquiryRecord);
      for (const p of validateInquiry(record, this.now())) problems.push({ row, ...p });
      const first = seen.get(record.referenceNumber);
      if (first !== undefined) problems.push({ row, field: 'referenceNumber', reason: `照会番号が${first}行目と重複しています` });
      else seen.set(record.referenceNumber, row);
      records.push(record);
    });
    if (problems.length > 0) return { ok: false, problems, encoding: used };
    let added = 0;
    let updated = 0;
    this.store.db.transaction(() => {
      for (const record of records) {
        const existing = this.findByReference(record.referenceNumber);
        if (existing) {
          this.update(existing.id, record);
          updated++;
        } else {
          this.insert(record);
          added++;
        }
      }
    }).immediate();
    if (updated > 0) this.store.purgeFreedPages();
    return { ok: true, added, updated, encoding: used };
  }
}
