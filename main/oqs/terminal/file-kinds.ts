/**
 * The file kinds of the folder interface and their file-name prefixes (oqs-interface.md §1, §4).
 * A name is `<prefix><step>req_<suffix>.xml`; the answer keeps the base name with req → res and
 * may arrive as .zip. Prefixes not publicly known are marked and are one setting each: a real
 * terminal's names can be put in `fileNamePrefixes` without touching code.
 */
export type FileKind =
  | 'qualification'
  | 'homeVisitQualification'
  | 'onlineQualification'
  | 'referenceRegistration'
  | 'consentCancellation'
  | 'bulkQualification'
  | 'bulkReferenceRegistration'
  | 'consentedHomeVisit'
  | 'consentedOnline'
  | 'bulkHomeVisit'
  | 'bulkOnline'
  | 'medicalAid';

export interface FileKindInfo {
  /** Upload 01 → ReceptionNumber → download 02 (SegmentOfResult 2 = still processing). */
  readonly twoStep: boolean;
  /** What the answer holds. */
  readonly answer: 'qualification' | 'processing' | 'bulkQualification' | 'bulkReference';
  /** 診療区分 (OQSCD028) the request carries, if any. */
  readonly medicalTreatmentFlag?: '2' | '3';
  readonly prefix: string;
  /** Where the prefix comes from. */
  readonly source: string;
}

export const FILE_KINDS: Readonly<Record<FileKind, FileKindInfo>> = {
  qualification: { twoStep: false, answer: 'qualification', prefix: 'OQSsiquc', source: 'confirmed: S1, S2, S3, S5, S6 (IF-001/002)' },
  referenceRegistration: { twoStep: false, answer: 'processing', prefix: 'OQSsiimm', source: 'confirmed: S5, S6 (IF-003/004)' },
  bulkQualification: { twoStep: true, answer: 'bulkQualification', prefix: 'OQSmuquc', source: 'confirmed: S2, S3, S5 (IF-005–008)' },
  bulkReferenceRegistration: { twoStep: true, answer: 'bulkReference', prefix: 'OQSmuimm', source: 'confirmed: S5, S6 (IF-009–012)' },
  consentedHomeVisit: { twoStep: true, answer: 'bulkQualification', medicalTreatmentFlag: '2', prefix: 'OQSmuhvq', source: 'secondary: S2; IF number uncertain (IF-017–020)' },
  consentedOnline: { twoStep: true, answer: 'bulkQualification', medicalTreatmentFlag: '3', prefix: 'OQSmuonq', source: 'secondary: S2; IF number uncertain (IF-021–024)' },
  medicalAid: { twoStep: true, answer: 'bulkQualification', prefix: 'OQSmutic', source: 'secondary: S2 (医療扶助 by MedicalTreatmentMonth)' },
  homeVisitQualification: { twoStep: false, answer: 'qualification', medicalTreatmentFlag: '2', prefix: 'OQSsihvq', source: 'not public: project setting (IF-025/026)' },
  onlineQualification: { twoStep: false, answer: 'qualification', medicalTreatmentFlag: '3', prefix: 'OQSsionq', source: 'not public: project setting (IF-027/028)' },
  bulkHomeVisit: { twoStep: true, answer: 'bulkQualification', medicalTreatmentFlag: '2', prefix: 'OQSmuhvb', source: 'not public: project setting (IF-029–032)' },
  bulkOnline: { twoStep: true, answer: 'bulkQualification', medicalTreatmentFlag: '3', prefix: 'OQSmuonb', source: 'not public: project setting (IF-033–036)' },
  consentCancellation: { twoStep: false, answer: 'processing', medicalTreatmentFlag: '2', prefix: 'OQSsihvc', source: 'not public: project setting (IF-037/038)' },
};

export type FileNamePrefixes = Partial<Record<FileKind, string>>;
export type FileStep = '01' | '02';

export function prefixOf(kind: FileKind, overrides: FileNamePrefixes = {}): string {
  return overrides[kind] ?? FILE_KINDS[kind].prefix;
}

export function requestFileName(prefix: string, step: FileStep, suffix: string): string {
  return `${prefix}${step}req_${suffix}.xml`;
}

/** The answer's names: the base name with req → res, as .xml or .zip. */
export function answerFileNames(prefix: string, step: FileStep, suffix: string): { xml: string; zip: string } {
  const base = `${prefix}${step}res_${suffix}`;
  return { xml: `${base}.xml`, zip: `${base}.zip` };
}

const REQUEST_NAME = /^(OQS[A-Za-z]{5}|[A-Z]{3}[a-z]{5})(01|02)req_([A-Za-z0-9_-]{1,80})\.xml$/;

/** Splits a request file name; undefined for anything else (temp files, other software's files). */
export function parseRequestFileName(name: string): { prefix: string; step: FileStep; suffix: string } | undefined {
  const m = REQUEST_NAME.exec(name);
  return m ? { prefix: m[1]!, step: m[2] as FileStep, suffix: m[3]! } : undefined;
}

export function kindOfPrefix(prefix: string, overrides: FileNamePrefixes = {}): FileKind | undefined {
  return (Object.keys(FILE_KINDS) as FileKind[]).find((k) => prefixOf(k, overrides) === prefix);
}
