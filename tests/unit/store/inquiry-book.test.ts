import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreDatabase } from '../../../main/store/database';
import { TRAINING_NOTICE } from '../../../main/common/training';
import { InquiryBook } from '../../../main/store/inquiry-numbers';
import type { InquiryRecord } from '../../../main/store/inquiry-record';
import { updateSettings } from '../../../main/store/settings';
import { tempStore, type TempStore } from './temp-store';
import { thrownCode } from '../../helpers/error-code';

const NOW = () => new Date('2026-11-25T03:00:00Z');
const A: InquiryRecord = { referenceNumber: '000123', insurerNumber: '33120015', symbol: '東京１２', number: '3456', branch: '01', birthDate: '19520304' };
const B: InquiryRecord = { referenceNumber: 'K,"7"', insurerNumber: '138057', symbol: '', number: '99', branch: '02', birthDate: '20010101' };
const C: InquiryRecord = { referenceNumber: 'W-3', insurerNumber: '39131156', symbol: '～第一', number: '1', branch: '', birthDate: '19400229' };

let tmp: TempStore;
let store: StoreDatabase;
let book: InquiryBook;
beforeEach(async () => {
  tmp = tempStore();
  store = await tmp.open();
  book = new InquiryBook(store, '0110113719', NOW);
});
afterEach(() => tmp.cleanup());

/** A cart with a real consent gateway configured: its files are the plain レセコン format. */
function makeReal(): void {
  updateSettings(store, { endpoints: { consentGateway: 'https://oqs.example.jp/consent', terminalFolder: null } });
}

describe('照会番号 book', () => {
  it('registers, finds by 照会番号 and by identity, edits, searches and deletes', () => {
    const a = book.register(A);
    book.register(B);
    expect(book.findByReference('000123')).toMatchObject(A);
    expect(book.findByIdentity({ insurerNumber: '  138057', symbol: '', number: '99', branch: '02' }).map((e) => e.referenceNumber)).toEqual(['K,"7"']);
    expect(book.search('345').map((e) => e.referenceNumber)).toEqual(['000123']);
    expect(book.search('138057').map((e) => e.referenceNumber)).toEqual(['K,"7"']);
    expect(book.search('33120015').map((e) => e.referenceNumber)).toEqual(['000123']);
    book.edit(a.id, { ...A, number: '7777' });
    expect(book.findByReference('000123')?.number).toBe('7777');
    book.remove(a.id);
    expect(book.list().map((e) => e.referenceNumber)).toEqual(['K,"7"']);
    expect(thrownCode(() => book.remove(a.id))).toBe('INQUIRY_NOT_FOUND');
  });

  it('keeps 照会番号 unique per institution, and separate institutions apart', () => {
    book.register(A);
    expect(thrownCode(() => book.register({ ...B, referenceNumber: A.referenceNumber }))).toBe('INQUIRY_DUPLICATE');
    const other = new InquiryBook(store, '2714206386', NOW);
    other.register(A);
    expect(other.list()).toHaveLength(1);
    expect(book.list()).toHaveLength(1);
  });

  it('refuses an invalid entry and writes nothing', () => {
    expect(thrownCode(() => book.register({ ...A, insurerNumber: '33120016' }))).toBe('INQUIRY_INVALID');
    expect(book.list()).toEqual([]);
  });

  it('stores no 照会番号 or identity in plain text', () => {
    book.register(A);
    const raw = JSON.stringify(store.db.prepare('SELECT * FROM inquiry_numbers').all(), (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v));
    expect(raw).not.toContain('000123');
    expect(raw).not.toContain('19520304');
  });
});

describe('照会番号 CSV', () => {
  beforeEach(makeReal);

  it.each(['utf8', 'cp932'] as const)('round-trips byte for byte in %s', (encoding) => {
    for (const r of [A, B, C]) book.register(r);
    const first = book.exportCsv(encoding);
    expect(first.warnings).toEqual([]);
    const other = new InquiryBook(store, '2714206386', NOW);
    expect(other.importCsv(first.bytes, encoding)).toEqual({ ok: true, added: 3, updated: 0, encoding });
    expect(other.exportCsv(encoding).bytes.equals(first.bytes)).toBe(true);
    // Re-importing the same file updates in place and still gives the same bytes.
    expect(other.importCsv(first.bytes)).toMatchObject({ ok: true, added: 0, updated: 3, encoding });
    expect(other.exportCsv(encoding).bytes.equals(first.bytes)).toBe(true);
  });

  it('writes the header, CRLF lines, quoting, a BOM for UTF-8 and real Shift_JIS for CP932', () => {
    book.register(B);
    const utf8 = book.exportCsv('utf8').bytes;
    expect(utf8.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(utf8.subarray(3).toString('utf8')).toBe('照会番号,保険者番号,記号,番号,枝番,生年月日\r\n"K,""7""",138057,,99,02,20010101\r\n');
    const sjis = book.exportCsv('cp932').bytes;
    expect(sjis.subarray(0, 8).toString('hex')).toBe('8fc689ef94d48d86');
  });

  it('puts 〓 where CP932 has no character and warns with row and column only', () => {
    book.register({ ...A, symbol: '𠮷野' });
    const out = book.exportCsv('cp932');
    expect(iconv.decode(out.bytes, 'cp932')).toContain(',〓野,');
    expect(out.warnings).toEqual([{ row: 2, field: 'symbol', reason: 'Shift_JIS（CP932）で表せない文字を〓に置き換えました' }]);
    expect(JSON.stringify(out.warnings)).not.toContain('野');
  });

  it('reads 〜 typed in a UTF-8 file as ～, so it exports to CP932 without loss', () => {
    const file = Buffer.from('照会番号,保険者番号,記号,番号,枝番,生年月日\n1,33120015,第〜1,2,01,19800101\n', 'utf8');
    expect(book.importCsv(file)).toMatchObject({ ok: true, added: 1 });
    const out = book.exportCsv('cp932');
    expect(out.warnings).toEqual([]);
    expect(iconv.decode(out.bytes, 'cp932')).toContain('第～1');
  });

  it('imports nothing when any row is bad, and names every bad row with its reason', () => {
    book.register(A);
    const before = book.exportCsv('utf8').bytes;
    const file = Buffer.from(
      [
        '照会番号,保険者番号,記号,番号,枝番,生年月日',
        'N1,33120015,,1,01,19800101',
        'N2,33120016,,1,01,19800101',
        'N3,33120015,,1,01',
        'N1,33120015,,1,01,19800231',
        'N5,138057,,,01,19800101',
      ].join('\r\n'),
      'utf8',
    );
    const outcome = book.importCsv(file);
    expect(outcome).toEqual({
      ok: false,
      encoding: 'utf8',
      problems: [
        { row: 3, field: 'insurerNumber', reason: '保険者番号の検証番号が正しくありません' },
        { row: 4, field: null, reason: '列の数が5です（6列必要です）' },
        { row: 5, field: 'birthDate', reason: '生年月日はYYYYMMDD形式の実在する日付です' },
        { row: 5, field: 'referenceNumber', reason: '照会番号が2行目と重複しています' },
        { row: 6, field: 'number', reason: '番号が空です' },
      ],
    });
    expect(book.exportCsv('utf8').bytes.equals(before)).toBe(true);
  });

  it('refuses a wrong header, an unclosed quote and broken bytes', () => {
    expect(book.importCsv(Buffer.from('a,b,c\n', 'utf8'))).toMatchObject({ ok: false, problems: [{ row: 1, field: null }] });
    const unclosed = book.importCsv(Buffer.from('照会番号,保険者番号,記号,番号,枝番,生年月日\n"N1,33120015,,1,01,19800101\n', 'utf8'));
    expect(unclosed.ok).toBe(false);
    const broken = Buffer.concat([Buffer.from('照会番号,保険者番号,記号,番号,枝番,生年月日\nN1,33120015,', 'utf8'), Buffer.from([0xe6, 0x41]), Buffer.from(',1,01,19800101\n')]);
    expect(book.importCsv(broken, 'utf8')).toMatchObject({ ok: false, problems: [{ row: 2, field: 'symbol', reason: '記号に使えない文字が含まれています' }] });
    expect(book.list()).toEqual([]);
  });

  it('detects a CP932 file without being told', () => {
    const file = iconv.encode('照会番号,保険者番号,記号,番号,枝番,生年月日\r\nN1,33120015,東京,1,01,19800101\r\n', 'cp932');
    expect(book.importCsv(file)).toMatchObject({ ok: true, added: 1, encoding: 'cp932' });
    expect(book.list()[0]?.symbol).toBe('東京');
  });
});

describe('照会番号 CSV on a training cart', () => {
  it('starts the file with the training notice, before the header, in both encodings', () => {
    book.register(B);
    const utf8 = book.exportCsv('utf8');
    expect(utf8.bytes.subarray(3).toString('utf8')).toBe(`${TRAINING_NOTICE}\r\n照会番号,保険者番号,記号,番号,枝番,生年月日\r\n"K,""7""",138057,,99,02,20010101\r\n`);
    expect(iconv.decode(book.exportCsv('cp932').bytes, 'cp932').split('\r\n')[0]).toBe(TRAINING_NOTICE);
    // Warnings count the notice line: the row is the one the clerk sees in the file.
    book.register({ ...A, symbol: '𠮷野' });
    const lossy = book.exportCsv('cp932');
    const lines = iconv.decode(lossy.bytes, 'cp932').split('\r\n');
    expect(lossy.warnings).toEqual([{ row: lines.findIndex((l) => l.includes('〓野')) + 1, field: 'symbol', reason: 'Shift_JIS（CP932）で表せない文字を〓に置き換えました' }]);
    expect(lossy.warnings[0]!.row).toBeGreaterThan(2);
  });

  it('takes its own file back on a training cart, and names rows as they are in the file', () => {
    for (const r of [A, B]) book.register(r);
    const file = book.exportCsv('utf8').bytes;
    const other = new InquiryBook(store, '2714206386', NOW);
    expect(other.importCsv(file)).toEqual({ ok: true, added: 2, updated: 0, encoding: 'utf8' });
    expect(other.exportCsv('utf8').bytes.equals(file)).toBe(true);
    const bad = Buffer.from(`${TRAINING_NOTICE}\r\n照会番号,保険者番号,記号,番号,枝番,生年月日\r\nN1,33120016,,1,01,19800101\r\n`, 'utf8');
    expect(other.importCsv(bad)).toMatchObject({ ok: false, problems: [{ row: 3, field: 'insurerNumber' }] });
  });

  it('is refused by a real cart, which changes nothing', () => {
    book.register(A);
    const trainingFile = book.exportCsv('cp932').bytes;
    makeReal();
    const real = new InquiryBook(store, '2714206386', NOW);
    real.register(C);
    const before = real.exportCsv('utf8').bytes;
    expect(real.importCsv(trainingFile)).toEqual({
      ok: false,
      encoding: 'cp932',
      problems: [{ row: 1, field: null, reason: '研修モードで書き出したファイルです。実際の照会番号ではないため取り込めません' }],
    });
    expect(real.exportCsv('utf8').bytes.equals(before)).toBe(true);
    expect(before.subarray(3).toString('utf8').startsWith('照会番号,')).toBe(true);
  });
});
