/**
 * The synthetic population shared by the terminal simulator and the consent simulator: at least
 * 1,000 invented people, the same on every run (seeded), never real data.
 */
import { applyOverlays } from './overlays';
import { generatePopulation, POPULATION_REFERENCE_DATE } from './generate';
import type { InsuranceKey, PopulationPerson } from './person';

export type { CoverageTag, InsuranceKey, PopulationPerson, PreviousQualification } from './person';
export { POPULATION_REFERENCE_DATE } from './generate';
export { SIMULATED_INSTITUTION_CODE, SIMULATED_INSTITUTION_NAME } from './insurers';

export const POPULATION_SEED = 20261125;
export const POPULATION_SIZE = 1200;

let cached: readonly PopulationPerson[] | undefined;
let byBirthdate: Map<string, PopulationPerson[]> | undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Every person, frozen; the same array on every call. */
export function loadPopulation(): readonly PopulationPerson[] {
  if (!cached) {
    const people = generatePopulation(POPULATION_SEED, POPULATION_SIZE);
    applyOverlays(people, POPULATION_REFERENCE_DATE);
    cached = deepFreeze(people);
  }
  return cached;
}

/** The person behind a virtual card, or undefined. */
export function findPersonByCardholderId(cardholderId: string): PopulationPerson | undefined {
  return loadPopulation().find((p) => p.CardholderId === cardholderId);
}

/** 研修モード's card holder: the first person with a card registered for insurance and a current qualification. */
export function trainingCardholder(): PopulationPerson {
  const person = loadPopulation().find((p) => p.CardholderId !== null && p.CardRegisteredForInsurance && p.DisqualificationDate === undefined);
  if (!person) throw new Error('the population has no insured card holder');
  return person;
}

export function findPersonById(personId: string): PopulationPerson | undefined {
  return loadPopulation().find((p) => p.PersonId === personId);
}

/** Lookups by birthdate come first: a batch of 10,000 must not scan everyone 10,000 times. */
function peopleBornOn(birthdate: string): readonly PopulationPerson[] {
  if (!byBirthdate) {
    byBirthdate = new Map();
    for (const p of loadPopulation()) {
      const list = byBirthdate.get(p.Birthdate);
      if (list) list.push(p);
      else byBirthdate.set(p.Birthdate, [p]);
    }
  }
  return byBirthdate.get(birthdate) ?? [];
}

/** Compares insurer numbers the way OQS accepts them: space- or zero-padded 国保 numbers match. */
export function sameInsurerNumber(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/^0+(?=\d{6}$)/, '');
  return norm(a) === norm(b);
}

/**
 * People whose current (or previous) qualification matches the key. An empty branch number or
 * symbol in the key matches any, which is how twins in one family give 複数該当.
 */
export function findPeopleByInsurance(key: Partial<InsuranceKey> & { InsurerNumber: string; InsuredIdentificationNumber: string }, birthdate?: string): {
  current: PopulationPerson[];
  previous: PopulationPerson[];
} {
  const matches = (k: InsuranceKey) =>
    sameInsurerNumber(k.InsurerNumber, key.InsurerNumber) &&
    k.InsuredIdentificationNumber === key.InsuredIdentificationNumber &&
    (!key.InsuredCardSymbol || k.InsuredCardSymbol === key.InsuredCardSymbol) &&
    (!key.InsuredBranchNumber || k.InsuredBranchNumber === key.InsuredBranchNumber);
  const people = birthdate === undefined ? loadPopulation() : peopleBornOn(birthdate);
  return {
    current: people.filter((p) => matches(p)),
    previous: people.filter((p) => p.PreviousQualification !== undefined && matches(p.PreviousQualification)),
  };
}
