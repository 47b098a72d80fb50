/**
 * Builds the synthetic population household by household from a seeded generator. Household kinds
 * rotate so every category the issue lists appears many times; extra conditions (限度額, 特定疾病,
 * lost or changed qualification, 資格確認書, cards not registered) are laid over by position so
 * they are spread over all kinds. Ages are reckoned against a fixed reference date, never the clock.
 */
import { withCheckDigit } from '../../common/check-digits';
import { createPrng, type Prng } from './prng';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES, TOWNS, toHalfWidthKana, type NamePart } from './names';
import {
  EMPLOYEE_INSURERS, LATE_ELDERLY_INSURER, MEDICAL_AID_PAYER, NATIONAL_INSURERS,
  SIMULATED_INSTITUTION_CODE, SIMULATED_INSTITUTION_NAME, type SyntheticInsurer,
} from './insurers';
import type { CoverageTag, PopulationPerson } from './person';

export const POPULATION_REFERENCE_DATE = '20261125';
const REFERENCE_YEAR = 2026;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function birthdateForAge(rng: Prng, age: number): string {
  // Months up to October keep the age exact on the reference date (25 November).
  return `${REFERENCE_YEAR - age}${pad(rng.int(1, 10), 2)}${pad(rng.int(1, 28), 2)}`;
}

interface Member {
  age: number;
  sex: '1' | '2';
  given: NamePart;
  family: boolean;
  /** Set for twins, who share it (several matches when the branch number is left out). */
  birthdate?: string;
}

interface Household {
  kind: 'employee' | 'national' | 'lateElderly' | 'elderlyRecipient' | 'medicalAid' | 'twins';
  insurer: SyntheticInsurer;
  members: Member[];
}

function member(rng: Prng, age: number, family: boolean, sex?: '1' | '2'): Member {
  const s = sex ?? (rng.chance(0.5) ? '1' : '2');
  return { age, sex: s, given: rng.pick(s === '1' ? MALE_GIVEN : FEMALE_GIVEN), family };
}

function childAge(rng: Prng): number {
  // Age 6 is left out so 未就学 never depends on where the birthday falls in the school year.
  return rng.chance(0.4) ? rng.int(0, 5) : rng.int(7, 17);
}

function planHousehold(rng: Prng, h: number): Household {
  const slot = h % 20;
  if (slot === 12 || slot === 13 || slot === 14) {
    const members = [member(rng, rng.int(76, 95), false)];
    if (rng.chance(0.4)) members.push(member(rng, rng.int(76, 92), false, members[0]!.sex === '1' ? '2' : '1'));
    return { kind: 'lateElderly', insurer: LATE_ELDERLY_INSURER, members };
  }
  if (slot === 15) {
    const insurer = h % 40 === 15 ? rng.pick(NATIONAL_INSURERS) : rng.pick(EMPLOYEE_INSURERS);
    return { kind: 'elderlyRecipient', insurer, members: [member(rng, rng.int(71, 73), false)] };
  }
  if (slot === 16) return { kind: 'medicalAid', insurer: MEDICAL_AID_PAYER, members: [member(rng, rng.int(30, 69), false)] };
  if (slot === 17) {
    const twinAge = rng.int(1, 15);
    const twinBirthdate = birthdateForAge(rng, twinAge);
    const members = [member(rng, rng.int(32, 50), false), member(rng, twinAge, true), member(rng, twinAge, true)];
    members[1]!.birthdate = twinBirthdate;
    members[2]!.birthdate = twinBirthdate;
    return { kind: 'twins', insurer: rng.pick(EMPLOYEE_INSURERS), members };
  }
  const national = slot >= 8 && slot <= 11 ? true : slot === 19;
  const head = member(rng, rng.int(22, 68), false);
  const members = [head];
  if (rng.chance(0.6)) members.push(member(rng, Math.max(20, head.age + rng.int(-5, 5)), true, head.sex === '1' ? '2' : '1'));
  const children = slot === 19 ? 1 + rng.int(0, 1) : rng.int(0, 3);
  for (let c = 0; c < children; c++) members.push(member(rng, slot === 19 ? rng.int(0, 5) : childAge(rng), true));
  return national
    ? { kind: 'national', insurer: rng.pick(NATIONAL_INSURERS), members }
    : { kind: 'employee', insurer: rng.pick(EMPLOYEE_INSURERS), members };
}

function medicalTickets(rng: Prng): PopulationPerson['PublicExpenseResultList'] {
  const ticket = (type: '01' | '02', treatment: string) => ({
    TicketType: type,
    MedicalTicketValidDate: '20261101',
    MedicalTicketExpirationDate: '20261130',
    IssueNumber: pad(rng.int(1, 9_999_999), 7),
    MedicalTreatmentMonth: '202611',
    DesignatedMedicalInstitutionCode: SIMULATED_INSTITUTION_CODE,
    DesignatedMedicalInstitutionFlag: '0',
    DesignatedMedicalInstitutionName: SIMULATED_INSTITUTION_NAME,
    InjuryName1: rng.pick(['高血圧症', '2型糖尿病', '腰痛症', '慢性心不全']),
    MedicalTreatmentType: treatment,
    SelfPayAmount: rng.chance(0.8) ? '0' : String(rng.int(1, 20) * 1000),
    DistrictContactName: '試験　地区担当',
    HandlingContactName: '見本　取扱担当',
    SingleOrCombinedUse: '01',
    StatusOfSocialInsurance: '02',
    StatusOfInfecton: '02',
    StatusOfElderlyMedicalCare: '02',
    StatusOfPrefecturalExpenses: '02',
  });
  const tickets = [ticket('01', '02')];
  if (rng.chance(0.5)) tickets.push(ticket('02', '04'));
  return tickets;
}

function elderlyCertificate(birthdate: string, ratio: string): PopulationPerson['ElderlyRecipientCertificateInfo'] {
  const year = Number(birthdate.slice(0, 4)) + 70;
  const month = Number(birthdate.slice(4, 6));
  const bornOnFirst = birthdate.endsWith('01');
  const startYear = !bornOnFirst && month === 12 ? year + 1 : year;
  const startMonth = bornOnFirst ? month : (month % 12) + 1;
  return {
    ElderlyRecipientCertificateDate: '20260701',
    ElderlyRecipientValidStartDate: `${startYear}${pad(startMonth, 2)}01`,
    ElderlyRecipientValidEndDate: '20270731',
    ElderlyRecipientContributionRatio: ratio,
  };
}

export function generatePopulation(seed: number, minimumCount: number): PopulationPerson[] {
  const rng = createPrng(seed);
  const people: PopulationPerson[] = [];
  for (let h = 0; people.length < minimumCount; h++) {
    const household = planHousehold(rng, h);
    const surname = rng.pick(SURNAMES);
    const head = household.members[0]!;
    const address = `東京都${rng.pick(TOWNS)}${rng.int(1, 9)}-${rng.int(1, 30)}-${rng.int(1, 20)}`;
    const postNumber = `${pad(rng.int(100, 199), 3)}-${pad(rng.int(0, 9999), 4)}`;
    const fullName = (m: Member) => `${surname.kanji}\u3000${m.given.kanji}`;
    const symbol = household.kind === 'lateElderly' || household.kind === 'medicalAid' ? '' : String(1000 + (h % 9000));
    const number = household.kind === 'medicalAid' ? withCheckDigit(pad(200_000 + h, 6)) : pad(100_000 + h, household.kind === 'lateElderly' ? 8 : 7);
    household.members.forEach((m, index) => {
      const n = people.length + 1;
      const birthdate = m.birthdate ?? birthdateForAge(rng, m.age);
      const tags: CoverageTag[] = [household.insurer.tag, m.family ? '家族' : '本人'];
      const person: PopulationPerson = {
        PersonId: `P${pad(n, 5)}`,
        CardholderId: `VC${pad(n, 5)}`,
        CardRegisteredForInsurance: true,
        HoldsQualificationCertificate: false,
        Tags: tags,
        InsuredCardClassification: household.kind === 'medicalAid' ? 'A1' : '01',
        InsurerNumber: household.insurer.InsurerNumber,
        InsuredCardSymbol: symbol,
        // 後期高齢 and 国保 number each person separately; employees share the 本人's number.
        InsuredIdentificationNumber: household.kind === 'lateElderly' ? pad(Number(number) * 10 + index, 8) : number,
        InsuredBranchNumber: household.kind === 'medicalAid' || household.kind === 'lateElderly' ? '' : pad(index, 2),
        PersonalFamilyClassification: m.family && household.kind !== 'national' ? '2' : '1',
        InsuredName: fullName(head),
        Name: fullName(m),
        NameKana: toHalfWidthKana(`${surname.kana}\u3000${m.given.kana}`),
        Sex1: m.sex,
        Birthdate: birthdate,
        Address: address,
        PostNumber: postNumber,
        InsurerName: household.insurer.InsurerName,
        QualificationDate: m.age < 3 ? birthdate : `${REFERENCE_YEAR - rng.int(1, 3)}0401`,
        InsuredCertificateIssuanceDate: '20260401',
        InsuredCardValidDate: '20260401',
      };
      if (m.age <= 5) { person.PreschoolClassification = '1'; tags.push('未就学'); }
      if (household.kind === 'twins' && m.family) tags.push('複数該当');
      if (household.kind === 'lateElderly') person.InsuredPartialContributionRatio = rng.pick(['010', '010', '010', '020', '030']);
      if (household.kind === 'elderlyRecipient') {
        person.ElderlyRecipientCertificateInfo = elderlyCertificate(birthdate, n % 5 === 0 ? '030' : '020');
        tags.push('高齢受給者');
      }
      if (household.kind === 'medicalAid') person.PublicExpenseResultList = medicalTickets(rng);
      people.push(person);
    });
  }
  return people;
}
