/**
 * Results for the レセコン: first as the OQS XML itself (the bytes the terminal wrote, so any
 * レセコン that reads terminal files reads ours), then as CSV with the OQS element names as
 * column names. Training exports carry the watermark so they can never pass for real results: in
 * XML as a comment right after the declaration (the document stays valid), in CSV as the first line.
 */
import { TRAINING_NOTICE } from '../../common/training';
import type { Answer } from './answers';
import { burdenRatio } from './burden';
import { decodeXml, encodeText, type XmlEncoding } from './encoding';
import { ELDERLY_RECIPIENT, LIMIT_APPLICATION, MEDICAL_TICKET, QUALIFICATION_RESULT, SPECIFIC_DISEASE, type QualificationRecord } from './elements';
import type { LooseRecord } from './layout';

export const TRAINING_WATERMARK = TRAINING_NOTICE;

export function exportXml(raw: Buffer, training: boolean): { bytes: Buffer; replaced: number } {
  if (!training) return { bytes: raw, replaced: 0 };
  const { text, encoding } = decodeXml(raw);
  const end = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
  const marked = `${text.slice(0, end)}${end ? '\n' : ''}<!-- ${TRAINING_WATERMARK} -->\n${text.slice(end).replace(/^\r?\n/, '')}`;
  return encodeText(marked, encoding);
}

const SCALARS = QUALIFICATION_RESULT.filter((e): e is Extract<(typeof QUALIFICATION_RESULT)[number], string> => typeof e === 'string');

/** Columns: context, every text element of the result, then the nested records (first item of lists). */
export const CSV_COLUMNS: readonly string[] = [
  'QualificationConfirmationDate', 'QualificationValidity', 'ProcessingResultStatus', 'ProcessingResultCode', 'ProcessingResultMessage',
  ...SCALARS, ...ELDERLY_RECIPIENT, ...LIMIT_APPLICATION, ...SPECIFIC_DISEASE, 'MedicalTicketCount', ...MEDICAL_TICKET.map((e) => `MedicalTicket${e}`),
  'BurdenRatioPercent', 'BurdenRatioSource',
];

interface Row {
  readonly context: Record<string, string | undefined>;
  readonly record: QualificationRecord;
}

function rowsOf(answer: Answer<'qualification'> | Answer<'bulkQualification'>): Row[] {
  const date = answer.header.QualificationConfirmationDate;
  const body = answer.body as LooseRecord;
  const units = (body.BulkConfirmUnit as LooseRecord[] | undefined) ?? [body];
  return units.flatMap((unit) => {
    const results = ((unit.ResultOfQualificationConfirmation ?? unit.ResultList) as QualificationRecord[] | undefined) ?? [];
    const context = {
      QualificationConfirmationDate: date,
      QualificationValidity: unit.QualificationValidity as string | undefined,
      ProcessingResultStatus: unit.ProcessingResultStatus as string | undefined,
      ProcessingResultCode: unit.ProcessingResultCode as string | undefined,
      ProcessingResultMessage: unit.ProcessingResultMessage as string | undefined,
    };
    return results.length ? results.map((record) => ({ context, record })) : [{ context, record: {} }];
  });
}

function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cells(row: Row): string[] {
  const r = row.record;
  const ticket = r.PublicExpenseResultList?.[0] as LooseRecord | undefined;
  const values: Record<string, string | undefined> = {
    ...row.context,
    ...(r as LooseRecord as Record<string, string | undefined>),
    ...(r.ElderlyRecipientCertificateInfo ?? {}),
    ...(r.LimitApplicationCertificateRelatedInfo ?? {}),
    ...(r.SpecificDiseasesCertificateList?.[0] ?? {}),
    MedicalTicketCount: r.PublicExpenseResultList ? String(r.PublicExpenseResultList.length) : undefined,
    ...Object.fromEntries(MEDICAL_TICKET.map((e) => [`MedicalTicket${e}`, ticket?.[e] as string | undefined])),
  };
  if (r.Birthdate && row.context.QualificationConfirmationDate) {
    const burden = burdenRatio(r, row.context.QualificationConfirmationDate);
    values.BurdenRatioPercent = burden.percent === undefined ? undefined : String(burden.percent);
    values.BurdenRatioSource = burden.source;
  }
  return CSV_COLUMNS.map((c) => csvField(typeof values[c] === 'string' ? values[c] : undefined));
}

/** CSV (CRLF) in the レセコン's encoding; Shift_JIS follows the 〓 rule and reports replacements. */
export function exportCsv(answers: readonly (Answer<'qualification'> | Answer<'bulkQualification'>)[], options: { training: boolean; encoding: XmlEncoding }): { bytes: Buffer; replaced: number } {
  const lines = [CSV_COLUMNS.join(',')];
  for (const answer of answers) for (const row of rowsOf(answer)) lines.push(cells(row).join(','));
  if (options.training) lines.unshift(TRAINING_WATERMARK);
  const text = lines.join('\r\n') + '\r\n';
  return encodeText(options.encoding === 'UTF-8' ? `\ufeff${text}` : text, options.encoding);
}
