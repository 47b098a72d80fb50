/**
 * 照会番号 CSV in UTF-8 (with BOM, so Excel opens it) or CP932. Export then import gives the same
 * bytes back. CP932 cannot hold every character: those become 〓 with a warning naming row and
 * column (never the value); 〜/～ and their kin are folded to the CP932 forms on the way in.
 * A training cart's file starts with the training notice on a line of its own, before the header:
 * its numbers are not real, and a レセコン import stops at that line instead of taking them in.
 */
import iconv from 'iconv-lite';
import type { InquiryField, InquiryRecord } from './inquiry-record';

export type CsvEncoding = 'utf8' | 'cp932';

export const CSV_HEADER = '照会番号,保険者番号,記号,番号,枝番,生年月日';
export const CSV_FIELDS: readonly InquiryField[] = ['referenceNumber', 'insurerNumber', 'symbol', 'number', 'branch', 'birthDate'];
export const FIELD_LABELS: Readonly<Record<InquiryField, string>> = {
  referenceNumber: '照会番号', insurerNumber: '保険者番号', symbol: '記号', number: '番号', branch: '枝番', birthDate: '生年月日',
};
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const GETA = '〓';

export interface CsvWarning { row: number; field: InquiryField; reason: string }

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Characters CP932 has no code for turn into 〓, one warning per field. */
function encodeCp932(text: string, onUnmappable: () => void): Buffer {
  const parts: Buffer[] = [];
  let lossy = false;
  for (const ch of text) {
    const bytes = iconv.encode(ch, 'cp932');
    // iconv-lite writes '?' for what it cannot map; a real '?' is fine.
    if (ch !== '?' && bytes.length === 1 && bytes[0] === 0x3f) {
      parts.push(iconv.encode(GETA, 'cp932'));
      lossy = true;
    } else parts.push(bytes);
  }
  if (lossy) onUnmappable();
  return Buffer.concat(parts);
}

export function formatInquiryCsv(
  records: readonly InquiryRecord[],
  encoding: CsvEncoding,
  notice?: string,
): { bytes: Buffer; warnings: CsvWarning[] } {
  const warnings: CsvWarning[] = [];
  const lines: Buffer[] = [];
  const encodeLine = (cells: string[], row: number) => {
    if (encoding === 'utf8') return Buffer.from(cells.map(quote).join(',') + '\r\n', 'utf8');
    const encoded = cells.map((cell, i) =>
      encodeCp932(quote(cell), () => warnings.push({ row, field: CSV_FIELDS[i] as InquiryField, reason: 'Shift_JIS（CP932）で表せない文字を〓に置き換えました' })),
    );
    const comma = Buffer.from(',');
    return Buffer.concat([...encoded.flatMap((b, i) => (i === 0 ? [b] : [comma, b])), Buffer.from('\r\n')]);
  };
  const first = notice === undefined ? 1 : 2;
  if (notice !== undefined) lines.push(encodeLine([notice], 1));
  lines.push(encodeLine(CSV_HEADER.split(','), first));
  records.forEach((r, i) => lines.push(encodeLine(CSV_FIELDS.map((f) => r[f]), first + i + 1)));
  const body = Buffer.concat(lines);
  return { bytes: encoding === 'utf8' ? Buffer.concat([UTF8_BOM, body]) : body, warnings };
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), CP932 otherwise. */
export function detectEncoding(bytes: Buffer): CsvEncoding {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    return 'cp932';
  }
}

export function decodeCsv(bytes: Buffer, encoding: CsvEncoding): string {
  if (encoding === 'utf8') {
    const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
    // Not fatal: a broken byte becomes U+FFFD, which validation reports with its row.
    return new TextDecoder('utf-8').decode(body);
  }
  return iconv.decode(bytes, 'cp932');
}

/** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks; CRLF or LF. */
export function parseCsvRows(text: string): { rows: string[][]; unterminatedQuote: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') { row.push(cell); rows.push(row); row = []; cell = ''; i++; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return { rows, unterminatedQuote: quoted };
}
