/**
 * The seam between the simulator and the shared synthetic population (main/oqs/population): who
 * holds the card behind a certificate, their qualification, and whether the card is registered
 * for 保険証利用. The virtual card's authentication certificate carries the person's
 * CardholderId as its subject CN, where J-LIS puts its own opaque id.
 */
import { findPersonByCardholderId } from '../../population';
import type { PopulationPerson } from '../../population';
import type { QualificationRecord } from '../contract-schemas';

export interface CertificateHolderKey {
  /** Upper-case hex serial without leading zeros. */
  readonly serial: string;
  readonly subjectId: string;
}

export interface SimulatedPerson {
  /** Null: no qualification on record at `today`. */
  readonly qualification: QualificationRecord | null;
  readonly insuranceUseRegistered: boolean;
}

export interface PersonDirectory {
  /** The person behind the card, as of `today` (YYYYMMDD, Tokyo); undefined for a card OQS does not know. */
  find(holder: CertificateHolderKey, today: string): SimulatedPerson | undefined;
  registerInsuranceUse(holder: CertificateHolderKey): void;
}

/** Serial numbers compared as upper-case hex without leading zeros, however a library prints them. */
export function normaliseSerial(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}

function qualificationOf(p: PopulationPerson, today: string): QualificationRecord | null {
  if (p.DisqualificationDate !== undefined && p.DisqualificationDate < today) return null;
  const optional = <K extends keyof PopulationPerson>(key: K) => (p[key] ? { [key]: p[key] } : {});
  return {
    InsuredCardClassification: p.InsuredCardClassification,
    InsurerNumber: p.InsurerNumber,
    ...optional('InsuredCardSymbol'),
    InsuredIdentificationNumber: p.InsuredIdentificationNumber,
    ...optional('InsuredBranchNumber'),
    PersonalFamilyClassification: p.PersonalFamilyClassification,
    Name: p.Name,
    NameKana: p.NameKana,
    Sex1: p.Sex1,
    Birthdate: p.Birthdate,
    InsuredCardValidDate: p.InsuredCardValidDate,
    ...optional('InsuredCardExpirationDate'),
    ...optional('InsuredPartialContributionRatio'),
    InsurerName: p.InsurerName,
    ...optional('Address'),
    ...optional('PostNumber'),
    ...optional('PreschoolClassification'),
    ...optional('ElderlyRecipientCertificateInfo'),
    ...optional('SpecificDiseasesCertificateList'),
    ...optional('PublicExpenseResultList'),
  } as QualificationRecord;
}

/** The shared population, with the 保険証利用登録 done during this simulator's life laid over it. */
export function populationDirectory(): PersonDirectory {
  const registeredHere = new Set<string>();
  return {
    find(holder, today) {
      const person = findPersonByCardholderId(holder.subjectId);
      if (!person) return undefined;
      return {
        qualification: qualificationOf(person, today),
        insuranceUseRegistered: person.CardRegisteredForInsurance || registeredHere.has(holder.subjectId),
      };
    },
    registerInsuranceUse(holder) {
      registeredHere.add(holder.subjectId);
    },
  };
}
