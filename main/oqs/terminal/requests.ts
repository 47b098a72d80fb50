/**
 * Request files, built from typed input and checked first: we produce these numbers, so check
 * digits and formats are validated here (never on what OQS echoes back). Bad input is an
 * OQS_INVALID_REQUEST and nothing is written.
 */
import { isValidInsurerNumber, isValidMedicalInstitutionCode } from '../../common/check-digits';
import { isOqsDate, isOqsMonth } from './dates';
import type { XmlEncoding } from './encoding';
import { DOWNLOAD_BODY, DOWNLOAD_HEADER, REFERENCE_REGISTRATION, REQUEST_HEADER, SEARCH_INFO, type ReferenceRegistration, type SearchInfo } from './elements';
import { TerminalErrors } from './errors';
import { FILE_KINDS, type FileKind } from './file-kinds';
import type { LooseRecord } from './layout';
import { renderMessage, writeFields, writeRecord } from './xml-write';

export interface RequestHeader {
  QualificationConfirmationDate: string;
  MedicalInstitutionCode: string;
  ArbitraryFileIdentifier?: string;
}

/** How a 6-digit 国保 number is widened to 8: spaces (S1 sample, S5) or zeros (S6 says both work). */
export type InsurerPadding = 'space' | 'zero';

/** Records per batch file: the real limit is not public; one setting. */
export const MAX_BATCH_RECORDS = 10_000;

const PRINTABLE = /^[^\p{Cc}]*$/u;
const bad = (why: string): never => {
  throw TerminalErrors.invalidRequest(why);
};

function checkText(name: string, value: string | undefined, max: number): void {
  if (value !== undefined && (value.length > max || !PRINTABLE.test(value))) bad(`${name}: too long or control characters`);
}

export function normalizeInsurerNumber(value: string, padding: InsurerPadding): string {
  const digits = value.trim();
  if (!isValidInsurerNumber(digits)) bad('InsurerNumber: not 6 or 8 digits with a valid check digit');
  return digits.padStart(8, padding === 'space' ? ' ' : '0');
}

function checkHeader(header: RequestHeader): void {
  if (!isOqsDate(header.QualificationConfirmationDate)) bad('QualificationConfirmationDate: not YYYYMMDD');
  if (!isValidMedicalInstitutionCode(header.MedicalInstitutionCode)) bad('MedicalInstitutionCode: not 10 digits with a valid check digit');
  checkText('ArbitraryFileIdentifier', header.ArbitraryFileIdentifier, 50);
}

function checkRange(from: string | undefined, to: string | undefined, name: string): boolean {
  if (from === undefined && to === undefined) return false;
  if (!from || !to || !isOqsDate(from) || !isOqsDate(to) || from > to) bad(`${name}From/To: two YYYYMMDD dates, from ≤ to`);
  return true;
}

/** One 照会条件 checked for its kind and returned in the form OQS expects. */
export function prepareSearch(kind: FileKind, search: SearchInfo, padding: InsurerPadding): SearchInfo {
  const info = FILE_KINDS[kind];
  const flag = info.medicalTreatmentFlag;
  if (search.MedicalTreatmentFlag !== undefined && search.MedicalTreatmentFlag !== flag) bad('MedicalTreatmentFlag does not fit the file kind');
  checkText('ArbitraryIdentifier', search.ArbitraryIdentifier, 50);
  if (kind === 'medicalAid') {
    if (!search.MedicalTreatmentMonth || !isOqsMonth(search.MedicalTreatmentMonth)) bad('MedicalTreatmentMonth: not yyyyMM');
    return { MedicalTreatmentMonth: search.MedicalTreatmentMonth, ArbitraryIdentifier: search.ArbitraryIdentifier };
  }
  if (kind === 'consentedHomeVisit' || kind === 'consentedOnline') {
    const byConsent = checkRange(search.ConsentDateFrom, search.ConsentDateTo, 'ConsentDate');
    const byExamination = checkRange(search.ExaminationDateFrom, search.ExaminationDateTo, 'ExaminationDate');
    if (byConsent === byExamination) bad('give either a consent-date range or an examination-date range');
    const { ConsentDateFrom, ConsentDateTo, ExaminationDateFrom, ExaminationDateTo, ArbitraryIdentifier } = search;
    return { MedicalTreatmentFlag: flag, ConsentDateFrom, ConsentDateTo, ExaminationDateFrom, ExaminationDateTo, ArbitraryIdentifier };
  }
  if (!search.InsurerNumber || !search.InsuredIdentificationNumber || !search.Birthdate) bad('InsurerNumber, InsuredIdentificationNumber and Birthdate are required');
  checkText('InsuredCardSymbol', search.InsuredCardSymbol, 20);
  checkText('InsuredIdentificationNumber', search.InsuredIdentificationNumber, 20);
  if (search.InsuredBranchNumber && !/^\d{2}$/.test(search.InsuredBranchNumber)) bad('InsuredBranchNumber: two digits');
  if (!isOqsDate(search.Birthdate!)) bad('Birthdate: not YYYYMMDD');
  const consent = search.LimitApplicationCertificateRelatedConsFlg ?? '0';
  if (consent !== '0' && consent !== '1') bad('LimitApplicationCertificateRelatedConsFlg: 0 or 1');
  return {
    InsurerNumber: normalizeInsurerNumber(search.InsurerNumber!, padding),
    InsuredCardSymbol: search.InsuredCardSymbol || undefined,
    InsuredIdentificationNumber: search.InsuredIdentificationNumber,
    InsuredBranchNumber: search.InsuredBranchNumber || undefined,
    Birthdate: search.Birthdate,
    LimitApplicationCertificateRelatedConsFlg: consent,
    MedicalTreatmentFlag: flag,
    ArbitraryIdentifier: search.ArbitraryIdentifier,
  };
}

function headerRecord(header: RequestHeader): LooseRecord {
  checkHeader(header);
  return { ...header };
}

/** A single request (資格確認, 訪問/オンライン資格確認, 閲覧同意取り消し) or a batch upload (01req). */
export function buildSearchRequest(kind: FileKind, header: RequestHeader, searches: readonly SearchInfo[], encoding: XmlEncoding, padding: InsurerPadding = 'space'): string {
  const info = FILE_KINDS[kind];
  if (info.answer === 'bulkReference' || kind === 'referenceRegistration') bad('照会番号 uses buildReferenceRequest');
  if (searches.length === 0 || (!info.twoStep && searches.length > 1)) bad(`record count ${searches.length} does not fit the file kind`);
  if (searches.length > MAX_BATCH_RECORDS) bad(`more than ${MAX_BATCH_RECORDS} records in one file`);
  const prepared = searches.map((s) => prepareSearch(kind, s, padding) as LooseRecord);
  return renderMessage({
    header: { layout: REQUEST_HEADER, record: headerRecord(header) },
    body: (out, depth) => {
      for (const record of prepared) writeRecord(out, 'QualificationConfirmSearchInfo', record, SEARCH_INFO, depth);
    },
  }, encoding);
}

/** 照会番号登録: one record for the single kind, many for the batch upload. */
export function buildReferenceRequest(kind: 'referenceRegistration' | 'bulkReferenceRegistration', header: RequestHeader, infos: readonly ReferenceRegistration[], encoding: XmlEncoding, padding: InsurerPadding = 'space'): string {
  if (infos.length === 0 || (kind === 'referenceRegistration' && infos.length > 1) || infos.length > MAX_BATCH_RECORDS) bad(`record count ${infos.length} does not fit the file kind`);
  const prepared = infos.map((i): LooseRecord => {
    if (!i.ReferenceNumber || !/^[\x21-\x7e]{1,50}$/.test(i.ReferenceNumber)) bad('ReferenceNumber: 1–50 visible ASCII characters');
    if (!i.InsuredIdentificationNumber) bad('InsuredIdentificationNumber is required');
    checkText('InsuredCardSymbol', i.InsuredCardSymbol, 20);
    checkText('InsuredIdentificationNumber', i.InsuredIdentificationNumber, 20);
    if (i.InsuredBranchNumber && !/^\d{2}$/.test(i.InsuredBranchNumber)) bad('InsuredBranchNumber: two digits');
    return { ...i, InsurerNumber: normalizeInsurerNumber(i.InsurerNumber ?? '', padding), InsuredCardSymbol: i.InsuredCardSymbol || undefined, InsuredBranchNumber: i.InsuredBranchNumber || undefined };
  });
  return renderMessage({
    header: { layout: REQUEST_HEADER, record: headerRecord(header) },
    body: (out, depth) => {
      for (const record of prepared) writeRecord(out, 'ReferenceNumberRegistrationInfo', record, REFERENCE_REGISTRATION, depth);
    },
  }, encoding);
}

/** The download request (02req): the institution and the ReceptionNumber of the upload. */
export function buildDownloadRequest(medicalInstitutionCode: string, receptionNumber: string, encoding: XmlEncoding): string {
  if (!isValidMedicalInstitutionCode(medicalInstitutionCode)) bad('MedicalInstitutionCode: not 10 digits with a valid check digit');
  if (!/^[\x21-\x7e]{1,50}$/.test(receptionNumber)) bad('ReceptionNumber: 1–50 visible ASCII characters');
  return renderMessage({
    header: { layout: DOWNLOAD_HEADER, record: { MedicalInstitutionCode: medicalInstitutionCode } },
    body: (out, depth) => writeFields(out, { ReceptionNumber: receptionNumber }, DOWNLOAD_BODY, depth),
  }, encoding);
}
