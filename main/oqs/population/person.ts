/**
 * One synthetic person as the simulators see them. Insurance fields use the OQS element names
 * (oqs-interface.md §2, §6) so a person can be written into a result as is; the rest says how the
 * person meets the consent side (virtual card, 保険証利用登録) and what they exercise in tests.
 */
import type { ElderlyRecipientInfo, LimitApplicationInfo, MedicalTicket, SpecificDiseaseInfo } from '../terminal/elements';

/** The insurance identity OQS looks people up by (照会区分 2). */
export interface InsuranceKey {
  InsurerNumber: string;
  InsuredCardSymbol: string;
  InsuredIdentificationNumber: string;
  InsuredBranchNumber: string;
}

/** A qualification that ended because a new one began (資格有効性 3 when looked up by it). */
export interface PreviousQualification extends InsuranceKey {
  InsuredCardClassification: string;
  InsurerName: string;
  QualificationDate: string;
  DisqualificationDate: string;
  ReasonOfLoss: string;
}

export type CoverageTag =
  | '本人' | '家族' | '協会けんぽ' | '組合健保' | '共済' | '国保' | '後期高齢' | '高齢受給者' | '未就学'
  | '医療扶助' | '限度額' | '特定疾病' | '資格喪失' | '資格変更' | '複数該当' | '資格確認書'
  | 'カード未登録' | 'カードなし';

export interface PopulationPerson extends InsuranceKey {
  /** Stable synthetic id, e.g. P00042. Never a real identifier. */
  PersonId: string;
  /**
   * The virtual My Number card identity the consent simulator maps to a certificate, e.g.
   * VC00042; null when the person has no card.
   */
  CardholderId: string | null;
  /** 健康保険証利用登録 done on the card (false for 'カード未登録'). */
  CardRegisteredForInsurance: boolean;
  /** Holds a 資格確認書 instead of using the card as insurance card. */
  HoldsQualificationCertificate: boolean;
  Tags: CoverageTag[];
  InsuredCardClassification: string;
  PersonalFamilyClassification: '1' | '2';
  InsuredName: string;
  Name: string;
  NameKana: string;
  Sex1: '1' | '2';
  Birthdate: string;
  Address: string;
  PostNumber: string;
  InsurerName: string;
  QualificationDate: string;
  DisqualificationDate?: string;
  ReasonOfLoss?: string;
  InsuredCertificateIssuanceDate: string;
  InsuredCardValidDate: string;
  InsuredCardExpirationDate?: string;
  InsuredPartialContributionRatio?: string;
  PreschoolClassification?: string;
  ElderlyRecipientCertificateInfo?: ElderlyRecipientInfo;
  LimitApplicationCertificateRelatedInfo?: LimitApplicationInfo;
  SpecificDiseasesCertificateList?: SpecificDiseaseInfo[];
  /** 医療券・調剤券 of a 医療扶助 recipient (InsuredCardClassification A1). */
  PublicExpenseResultList?: MedicalTicket[];
  PreviousQualification?: PreviousQualification;
}
