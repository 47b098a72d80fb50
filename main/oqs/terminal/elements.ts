/**
 * Element names and their order for every file kind, from reference/oqs-interface.md §2, §4–§6.
 * The official XML layout (別紙3-1) is not public: names come from implementations that agree
 * (S1, S2, S3, S4 in that note). Where an order or a name is a guess it says so next to it; each is
 * one constant here.
 */
import type { Layout, RecordOf } from './layout';

/** 照会条件: the single and batch request record (§2), plus the 居宅同意取得型 selectors (§4). */
export const SEARCH_INFO = [
  'InsurerNumber',
  'InsuredCardSymbol',
  'InsuredIdentificationNumber',
  'InsuredBranchNumber',
  'Birthdate',
  'LimitApplicationCertificateRelatedConsFlg',
  // 診療区分 (OQSCD028) for the 訪問診療等/オンライン診療等 kinds; its position is a guess.
  'MedicalTreatmentFlag',
  // Batch by consent or examination date (S2), and the 医療扶助 batch by 診療年月 (S2).
  'ConsentDateFrom',
  'ConsentDateTo',
  'ExaminationDateFrom',
  'ExaminationDateTo',
  'MedicalTreatmentMonth',
  'ArbitraryIdentifier',
] as const satisfies Layout;

export const ELDERLY_RECIPIENT = [
  'ElderlyRecipientCertificateDate',
  'ElderlyRecipientValidStartDate',
  'ElderlyRecipientValidEndDate',
  'ElderlyRecipientContributionRatio',
] as const satisfies Layout;

/** S1 spells the second name "…ClassificationFla" (cut off); S3 and the note use "…Flag". */
export const LIMIT_CLASSIFICATION_FLAG = 'LimitApplicationCertificateClassificationFlag';
export const LIMIT_APPLICATION = [
  'LimitApplicationCertificateClassification',
  LIMIT_CLASSIFICATION_FLAG,
  'LimitApplicationCertificateDate',
  'LimitApplicationCertificateValidStartDate',
  'LimitApplicationCertificateValidEndDate',
  'LimitApplicationCertificateLongTermDate',
] as const satisfies Layout;

export const SPECIFIC_DISEASE = [
  'SpecificDiseasesDiseaseCategory',
  'SpecificDiseasesCertificateDate',
  'SpecificDiseasesValidStartDate',
  'SpecificDiseasesValidEndDate',
  'SpecificDiseasesSelfPay',
] as const satisfies Layout;

/** 医療券・調剤券 (§6; S2 and S4 agree). "StatusOfInfecton" is spelled as the sources spell it. */
export const MEDICAL_TICKET = [
  'TicketType',
  'MedicalTicketValidDate',
  'MedicalTicketExpirationDate',
  'IssueNumber',
  'MedicalTreatmentMonth',
  'DesignatedMedicalInstitutionCode',
  'DesignatedMedicalInstitutionFlag',
  'DesignatedMedicalInstitutionName',
  'PrescriptionIssuerMedicalInstitutionCode',
  'PrescriptionIssuerMedicalInstitutionName',
  'InjuryName1',
  'InjuryName2',
  'InjuryName3',
  'MedicalTreatmentType',
  'SelfPayAmount',
  'DistrictContactName',
  'HandlingContactName',
  'SingleOrCombinedUse',
  'StatusOfSocialInsurance',
  'ConsistencyFlag',
  'StatusOfInfecton',
  'StatusOfElderlyMedicalCare',
  'StatusOfPrefecturalExpenses',
  'Remarks1',
  'Remarks2',
  'Remarks3',
] as const satisfies Layout;

/** 資格確認結果 (§2 table order). */
export const QUALIFICATION_RESULT = [
  'InsuredCardClassification',
  'InsurerNumber',
  'InsuredCardSymbol',
  'InsuredIdentificationNumber',
  'InsuredBranchNumber',
  'PersonalFamilyClassification',
  'InsuredName',
  'Name',
  'NameOfOther',
  'NameKana',
  'NameOfOtherKana',
  'Sex1',
  'Sex2',
  'Birthdate',
  'Address',
  'PostNumber',
  'QualificationDate',
  'DisqualificationDate',
  'InsuredCertificateIssuanceDate',
  'InsuredCardValidDate',
  'InsuredCardExpirationDate',
  'InsuredPartialContributionRatio',
  'PreschoolClassification',
  'ReasonOfLoss',
  'InsurerName',
  // 福祉事務所名 for 医療扶助: S2 maps it, no second source (§6, uncertain).
  'WelfareOfficeName',
  { group: 'ElderlyRecipientCertificateInfo', layout: ELDERLY_RECIPIENT },
  'LimitApplicationCertificateRelatedConsFlg',
  'LimitApplicationCertificateRelatedConsTime',
  { group: 'LimitApplicationCertificateRelatedInfo', layout: LIMIT_APPLICATION },
  'LimitApplicationCertificateChanged',
  'SpecificDiseasesCertificateRelatedConsFlg',
  'SpecificDiseasesCertificateRelatedConsTime',
  { list: 'SpecificDiseasesCertificateList', item: 'SpecificDiseasesCertificateInfo', layout: SPECIFIC_DISEASE },
  { list: 'PublicExpenseResultList', item: 'MedicalTicketInfo', layout: MEDICAL_TICKET },
  'SpecificHealthCheckupsInfoConsFlg',
  'SpecificHealthCheckupsInfoConsTime',
  'SpecificHealthCheckupsInfoAvailableTime',
  'PharmacistsInfoConsFlg',
  'PharmacistsInfoConsTime',
  'PharmacistsInfoAvailableTime',
  'DiagnosisInfoConsFlg',
  'DiagnosisInfoConsTime',
  'DiagnosisInfoAvailableTime',
  'OperationInfoConsFlg',
  'OperationInfoConsTime',
  'OperationInfoAvailableTime',
  'ArbitraryIdentifier',
  'ReferenceNumber',
  // S3 places it here, S1 in MessageBody: both places are read.
  'PrescriptionIssueSelect',
] as const satisfies Layout;

/** 照会番号登録 (§5). */
export const REFERENCE_REGISTRATION = [
  'ReferenceNumber',
  'InsurerNumber',
  'InsuredCardSymbol',
  'InsuredIdentificationNumber',
  'InsuredBranchNumber',
] as const satisfies Layout;

/** Every header element any result carries (§2, §4), in the order they appear in the samples. */
export const RESULT_HEADER = [
  'ProcessExecutionTime',
  'QualificationConfirmationDate',
  'MedicalInstitutionCode',
  'ArbitraryFileIdentifier',
  'ReferenceClassification',
  'ReceptionNumber',
  'SegmentOfResult',
  'ErrorCode',
  'ErrorMessage',
  'NumberOfProcessingResult',
  'NumberOfNormalProcessing',
  'NumberOfError',
  'CharacterCodeIdentifier',
] as const satisfies Layout;

export const REQUEST_HEADER = [
  'QualificationConfirmationDate',
  'MedicalInstitutionCode',
  'ArbitraryFileIdentifier',
] as const satisfies Layout;

/** The download request (02req) of every two-step batch (§4). */
export const DOWNLOAD_HEADER = ['MedicalInstitutionCode'] as const satisfies Layout;
export const DOWNLOAD_BODY = ['ReceptionNumber'] as const satisfies Layout;

/** The result of one record: status, messages (verbatim), validity and the qualifications. */
export const PROCESSING_RESULT = [
  'ProcessingResultStatus',
  'ProcessingResultCode',
  'ProcessingResultMessage',
] as const;

/** 単独の資格確認結果 MessageBody (§2). */
export const SINGLE_RESULT_BODY = [
  ...PROCESSING_RESULT,
  'QualificationValidity',
  { group: 'QualificationConfirmSearchInfo', layout: SEARCH_INFO },
  'PrescriptionIssueSelect',
  { list: 'ResultList', item: 'ResultOfQualificationConfirmation', layout: QUALIFICATION_RESULT },
] as const satisfies Layout;

/** One record of a batch result (§4 BulkConfirmUnit). */
export const BULK_UNIT = [
  { group: 'QualificationConfirmSearchInfo', layout: SEARCH_INFO },
  ...PROCESSING_RESULT,
  'QualificationValidity',
  { repeat: 'ResultOfQualificationConfirmation', layout: QUALIFICATION_RESULT },
  'ReferenceNumber',
] as const satisfies Layout;

/**
 * One record of a 照会番号一括登録 result. The unit's element name is not public: it is this
 * one constant, and the unit echoes the registration with its own status (project's guess).
 */
export const REFERENCE_UNIT_NAME = 'ReferenceNumberRegistrationUnit';
export const REFERENCE_UNIT = [
  { group: 'ReferenceNumberRegistrationInfo', layout: REFERENCE_REGISTRATION },
  ...PROCESSING_RESULT,
] as const satisfies Layout;

/** Upload result body of every two-step batch (§4: ReceptionNumber, ReceptionDateTime). */
export const RECEPTION_BODY = ['ReceptionNumber', 'ReceptionDateTime', ...PROCESSING_RESULT] as const satisfies Layout;

export type SearchInfo = RecordOf<typeof SEARCH_INFO>;
export type QualificationRecord = RecordOf<typeof QUALIFICATION_RESULT>;
export type MedicalTicket = RecordOf<typeof MEDICAL_TICKET>;
export type ElderlyRecipientInfo = RecordOf<typeof ELDERLY_RECIPIENT>;
export type LimitApplicationInfo = RecordOf<typeof LIMIT_APPLICATION>;
export type SpecificDiseaseInfo = RecordOf<typeof SPECIFIC_DISEASE>;
export type ReferenceRegistration = RecordOf<typeof REFERENCE_REGISTRATION>;
export type ResultHeader = RecordOf<typeof RESULT_HEADER>;
export type SingleResultBody = RecordOf<typeof SINGLE_RESULT_BODY>;
export type BulkUnit = RecordOf<typeof BULK_UNIT>;
export type ReferenceUnit = RecordOf<typeof REFERENCE_UNIT>;
export type ReceptionBody = RecordOf<typeof RECEPTION_BODY>;
