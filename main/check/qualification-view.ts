/**
 * 資格情報 as the check keeps and shows it, built the same way from both OQS interfaces (the consent
 * gateway's answer and the 資格確認端末's result file): the result elements the clerk reads as they
 * are, the burden ratio with its basis, and the 限度額・特定疾病・医療扶助 groups with their code
 * lists' words.
 */
import type { QualificationView } from '../contract/channels/check';
import { burdenRatio } from '../oqs/terminal/burden';
import { codeLabel } from '../oqs/terminal/codes';
import type { QualificationRecord } from '../oqs/terminal';

/** What every answer carries; a record without these is no qualification. */
export type IdentifiedRecord = QualificationRecord & { Name: string; Birthdate: string; InsurerNumber: string; InsuredIdentificationNumber: string };

const optional = (value: string | undefined) => (value ? value : undefined);

/** `treatmentDate` (YYYY-MM-DD) decides the age brackets of the derived ratio. */
export function qualificationView(record: IdentifiedRecord, validity: string, treatmentDate: string): QualificationView {
  const burden = burdenRatio(record, treatmentDate.replaceAll('-', ''));
  const limit = record.LimitApplicationCertificateRelatedInfo;
  return {
    QualificationValidity: validity,
    Name: record.Name,
    NameKana: optional(record.NameKana),
    Birthdate: record.Birthdate,
    Sex1: optional(record.Sex1),
    InsurerNumber: record.InsurerNumber.trim(),
    InsurerName: optional(record.InsurerName),
    InsuredCardSymbol: optional(record.InsuredCardSymbol),
    InsuredIdentificationNumber: record.InsuredIdentificationNumber,
    InsuredBranchNumber: optional(record.InsuredBranchNumber),
    PersonalFamilyClassification: optional(record.PersonalFamilyClassification),
    InsuredCardExpirationDate: optional(record.InsuredCardExpirationDate),
    InsuredPartialContributionRatio: optional(record.InsuredPartialContributionRatio),
    NameOfOther: optional(record.NameOfOther),
    NameOfOtherKana: optional(record.NameOfOtherKana),
    Address: optional(record.Address),
    PostNumber: optional(record.PostNumber),
    burden: { percent: burden.percent ?? null, source: burden.source, basis: burden.basis, needsConfirmation: burden.needsConfirmation },
    limitCertificate: limit?.LimitApplicationCertificateClassification
      ? {
          classification: codeLabel('OQSCD011', limit.LimitApplicationCertificateClassification),
          validFrom: optional(limit.LimitApplicationCertificateValidStartDate),
          validUntil: optional(limit.LimitApplicationCertificateValidEndDate),
        }
      : null,
    specificDiseases: (record.SpecificDiseasesCertificateList ?? []).map((d) => ({
      category: codeLabel('OQSCD013', d.SpecificDiseasesDiseaseCategory),
      selfPay: optional(d.SpecificDiseasesSelfPay),
      validFrom: optional(d.SpecificDiseasesValidStartDate),
      validUntil: optional(d.SpecificDiseasesValidEndDate),
    })),
    medicalTickets: (record.PublicExpenseResultList ?? []).map((ticket) => ({
      type: codeLabel('OQSCD018', ticket.TicketType),
      issueNumber: optional(ticket.IssueNumber),
      treatmentMonth: optional(ticket.MedicalTreatmentMonth),
      validFrom: optional(ticket.MedicalTicketValidDate),
      validUntil: optional(ticket.MedicalTicketExpirationDate),
      selfPayAmount: optional(ticket.SelfPayAmount),
      institution: optional(ticket.DesignatedMedicalInstitutionName),
    })),
  };
}
