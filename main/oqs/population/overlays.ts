/**
 * Conditions laid over the generated households by position, so each appears at a steady rate
 * across every household kind: 限度額, 特定疾病, lost and changed qualification, 資格確認書 holders,
 * people without a card and cards not registered for 保険証利用.
 */
import { NATIONAL_INSURERS } from './insurers';
import type { PopulationPerson } from './person';

function ageAt(birthdate: string, date: string): number {
  return Math.floor((Number(date) - Number(birthdate)) / 10000);
}

function addLimitCertificate(p: PopulationPerson, reference: string): void {
  const seventyOrOver = ageAt(p.Birthdate, reference) >= 70;
  p.LimitApplicationCertificateRelatedInfo = {
    LimitApplicationCertificateClassification: '01',
    LimitApplicationCertificateClassificationFlag: seventyOrOver ? 'B04' : 'A03',
    LimitApplicationCertificateDate: '20260801',
    LimitApplicationCertificateValidStartDate: '20260801',
    LimitApplicationCertificateValidEndDate: '20270731',
  };
  p.Tags.push('限度額');
}

function addSpecificDisease(p: PopulationPerson, n: number): void {
  p.SpecificDiseasesCertificateList = [{
    SpecificDiseasesDiseaseCategory: String((n % 3) + 1),
    SpecificDiseasesCertificateDate: '20250401',
    SpecificDiseasesValidStartDate: '20250401',
    SpecificDiseasesValidEndDate: '20280331',
    SpecificDiseasesSelfPay: n % 2 === 0 ? '10000' : '20000',
  }];
  p.Tags.push('特定疾病');
}

/** The person moved from a 国保 to their current insurer this year. */
function addPreviousQualification(p: PopulationPerson, n: number): void {
  const old = NATIONAL_INSURERS[n % NATIONAL_INSURERS.length]!;
  p.PreviousQualification = {
    InsuredCardClassification: '01',
    InsurerNumber: old.InsurerNumber,
    InsurerName: old.InsurerName,
    InsuredCardSymbol: '旧',
    InsuredIdentificationNumber: String(9_000_000 + n),
    InsuredBranchNumber: '01',
    QualificationDate: '20200401',
    DisqualificationDate: '20260930',
    ReasonOfLoss: '03',
  };
  p.QualificationDate = '20261001';
  p.Tags.push('資格変更');
}

export function applyOverlays(people: PopulationPerson[], reference: string): void {
  people.forEach((p, i) => {
    const medicalAid = p.InsuredCardClassification === 'A1';
    if (i % 23 === 3 && !medicalAid) addLimitCertificate(p, reference);
    if (i % 41 === 7 && !medicalAid) addSpecificDisease(p, i);
    if (i % 31 === 11) {
      p.DisqualificationDate = '20261031';
      p.ReasonOfLoss = '99';
      p.Tags.push('資格喪失');
    } else if (i % 37 === 13 && !medicalAid) {
      addPreviousQualification(p, i);
    }
    if (i % 9 === 4) {
      p.CardholderId = null;
      p.CardRegisteredForInsurance = false;
      p.Tags.push('カードなし');
    } else if (i % 13 === 6) {
      p.CardRegisteredForInsurance = false;
      p.Tags.push('カード未登録');
    }
    if (!p.CardRegisteredForInsurance && !medicalAid) {
      p.HoldsQualificationCertificate = true;
      // 資格確認書 validity is up to 5 years; 国保 examples use 1 year (oqs-interface.md §9).
      p.InsuredCardExpirationDate = p.Tags.includes('国保') ? '20270731' : '20311130';
      p.Tags.push('資格確認書');
    }
  });
}
