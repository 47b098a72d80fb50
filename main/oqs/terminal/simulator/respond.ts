/**
 * What the simulated OQS answers, as records: looks people up in the synthetic population the
 * way OQS does (資格有効性 1–5), adds consent fields for the 居宅同意取得型 kinds, and builds the
 * batch units. Messages are the simulator's own: the real OQS texts (別紙6-1) are not public.
 */
import { findPeopleByInsurance, findPersonById, loadPopulation, type PopulationPerson } from '../../population';
import type { BulkUnit, QualificationRecord, ReferenceRegistration, ReferenceUnit, SearchInfo } from '../elements';
import type { ConsentBook } from './consents';

export const SIMULATED_MESSAGES = {
  notFound: '該当する資格情報が存在しません。',
  several: '複数の資格情報が該当しました。枝番を指定して照会してください。',
  noConsent: '閲覧同意情報が存在しません。',
  unknownReception: '指定された受付番号の処理結果が存在しません。',
  systemError: 'システムエラーが発生しました。しばらくしてから再度実施してください。',
} as const;

export interface LookupOutcome {
  readonly ProcessingResultStatus: '1' | '2';
  readonly ProcessingResultCode?: string;
  readonly ProcessingResultMessage?: string;
  readonly QualificationValidity?: string;
  readonly results: QualificationRecord[];
}

function qualificationOf(p: PopulationPerson, withLimit: boolean): QualificationRecord {
  const record: QualificationRecord = {
    InsuredCardClassification: p.InsuredCardClassification,
    InsurerNumber: p.InsurerNumber,
    InsuredCardSymbol: p.InsuredCardSymbol || undefined,
    InsuredIdentificationNumber: p.InsuredIdentificationNumber,
    InsuredBranchNumber: p.InsuredBranchNumber || undefined,
    PersonalFamilyClassification: p.PersonalFamilyClassification,
    InsuredName: p.InsuredName,
    Name: p.Name,
    NameKana: p.NameKana,
    Sex1: p.Sex1,
    Birthdate: p.Birthdate,
    Address: p.Address,
    PostNumber: p.PostNumber,
    QualificationDate: p.QualificationDate,
    DisqualificationDate: p.DisqualificationDate,
    InsuredCertificateIssuanceDate: p.InsuredCertificateIssuanceDate,
    InsuredCardValidDate: p.InsuredCardValidDate,
    InsuredCardExpirationDate: p.InsuredCardExpirationDate,
    InsuredPartialContributionRatio: p.InsuredPartialContributionRatio,
    PreschoolClassification: p.PreschoolClassification,
    ReasonOfLoss: p.ReasonOfLoss,
    InsurerName: p.InsurerName,
    WelfareOfficeName: p.InsuredCardClassification === 'A1' ? p.InsurerName : undefined,
    ElderlyRecipientCertificateInfo: p.ElderlyRecipientCertificateInfo,
    LimitApplicationCertificateRelatedConsFlg: withLimit ? '1' : '0',
    PublicExpenseResultList: p.PublicExpenseResultList ? [...p.PublicExpenseResultList] : undefined,
  };
  if (withLimit) {
    record.LimitApplicationCertificateRelatedInfo = p.LimitApplicationCertificateRelatedInfo;
    record.SpecificDiseasesCertificateRelatedConsFlg = p.SpecificDiseasesCertificateList ? '1' : undefined;
    record.SpecificDiseasesCertificateList = p.SpecificDiseasesCertificateList ? [...p.SpecificDiseasesCertificateList] : undefined;
  }
  return record;
}

function withConsent(record: QualificationRecord, person: PopulationPerson, flag: '2' | '3' | undefined, consents: ConsentBook): QualificationRecord {
  if (!flag) return record;
  const consent = consents.latest(person.PersonId, flag);
  const state = consent ? '1' : '0';
  const time = consent?.consentTime;
  const until = consent?.availableTime;
  return {
    ...record,
    SpecificHealthCheckupsInfoConsFlg: state, SpecificHealthCheckupsInfoConsTime: time, SpecificHealthCheckupsInfoAvailableTime: until,
    PharmacistsInfoConsFlg: state, PharmacistsInfoConsTime: time, PharmacistsInfoAvailableTime: until,
    DiagnosisInfoConsFlg: state, DiagnosisInfoConsTime: time, DiagnosisInfoAvailableTime: until,
    OperationInfoConsFlg: '0',
  };
}

/** One 照会条件 by insurance identifiers, as of the confirmation date. */
export function lookUp(search: SearchInfo, confirmationDate: string, consents: ConsentBook): LookupOutcome {
  const key = { InsurerNumber: search.InsurerNumber ?? '', InsuredIdentificationNumber: search.InsuredIdentificationNumber ?? '', InsuredCardSymbol: search.InsuredCardSymbol, InsuredBranchNumber: search.InsuredBranchNumber };
  const found = findPeopleByInsurance(key, search.Birthdate);
  const withLimit = search.LimitApplicationCertificateRelatedConsFlg === '1';
  const flag = search.MedicalTreatmentFlag === '2' || search.MedicalTreatmentFlag === '3' ? search.MedicalTreatmentFlag : undefined;
  if (found.current.length > 1) return { ProcessingResultStatus: '1', ProcessingResultMessage: SIMULATED_MESSAGES.several, QualificationValidity: '5', results: [] };
  const [person] = found.current;
  if (person) {
    const lost = person.DisqualificationDate !== undefined && person.DisqualificationDate < confirmationDate;
    return { ProcessingResultStatus: '1', QualificationValidity: lost ? '2' : '1', results: [withConsent(qualificationOf(person, withLimit), person, flag, consents)] };
  }
  const [moved] = found.previous;
  if (moved?.PreviousQualification) {
    const old = { ...qualificationOf(moved, false), ...moved.PreviousQualification, InsuredBranchNumber: moved.PreviousQualification.InsuredBranchNumber || undefined };
    return { ProcessingResultStatus: '1', QualificationValidity: '3', results: [old] };
  }
  return { ProcessingResultStatus: '1', ProcessingResultMessage: SIMULATED_MESSAGES.notFound, QualificationValidity: '4', results: [] };
}

function unit(search: SearchInfo, outcome: LookupOutcome): BulkUnit {
  const { results, ...status } = outcome;
  return { QualificationConfirmSearchInfo: search, ...status, ResultOfQualificationConfirmation: results };
}

function personKey(p: PopulationPerson): SearchInfo {
  return { InsurerNumber: p.InsurerNumber, InsuredCardSymbol: p.InsuredCardSymbol || undefined, InsuredIdentificationNumber: p.InsuredIdentificationNumber, InsuredBranchNumber: p.InsuredBranchNumber || undefined, Birthdate: p.Birthdate };
}

/** The units of a finished batch of any qualification kind. */
export function batchUnits(searches: readonly SearchInfo[], confirmationDate: string, consents: ConsentBook): BulkUnit[] {
  return searches.flatMap((search): BulkUnit[] => {
    const flag = search.MedicalTreatmentFlag === '2' || search.MedicalTreatmentFlag === '3' ? search.MedicalTreatmentFlag : undefined;
    const byConsent = search.ConsentDateFrom && search.ConsentDateTo;
    const byExamination = search.ExaminationDateFrom && search.ExaminationDateTo;
    if (flag && (byConsent || byExamination)) {
      const entries = byConsent
        ? consents.between(flag, 'consent', search.ConsentDateFrom!, search.ConsentDateTo!)
        : consents.between(flag, 'examination', search.ExaminationDateFrom!, search.ExaminationDateTo!);
      return entries.map((e) => {
        const person = findPersonById(e.personId)!;
        return unit({ ...personKey(person), MedicalTreatmentFlag: flag }, lookUp({ ...personKey(person), MedicalTreatmentFlag: flag }, confirmationDate, consents));
      });
    }
    if (search.MedicalTreatmentMonth) {
      return loadPopulation()
        .filter((p) => p.PublicExpenseResultList?.some((t) => t.MedicalTreatmentMonth === search.MedicalTreatmentMonth))
        .map((p) => unit(personKey(p), lookUp(personKey(p), confirmationDate, consents)));
    }
    return [unit(search, lookUp(search, confirmationDate, consents))];
  });
}

/** 照会番号登録: accepted when the identifiers name a current qualification. */
export function registerReference(info: ReferenceRegistration): ReferenceUnit {
  const found = findPeopleByInsurance({ InsurerNumber: info.InsurerNumber ?? '', InsuredIdentificationNumber: info.InsuredIdentificationNumber ?? '', InsuredCardSymbol: info.InsuredCardSymbol, InsuredBranchNumber: info.InsuredBranchNumber });
  return found.current.length === 1
    ? { ReferenceNumberRegistrationInfo: info, ProcessingResultStatus: '1' }
    : { ReferenceNumberRegistrationInfo: info, ProcessingResultStatus: '2', ProcessingResultCode: 'SIM0001', ProcessingResultMessage: SIMULATED_MESSAGES.notFound };
}
