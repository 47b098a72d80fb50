import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findPeopleByInsurance, findPersonByCardholderId, loadPopulation } from '../../../main/oqs/population';
import { isValidInsurerNumber, isValidPublicExpensePayerNumber } from '../../../main/common/check-digits';

describe('synthetic population', () => {
  const people = loadPopulation();

  it('has at least 1,000 people with unique ids and is the same on every load', () => {
    expect(people.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(people.map((p) => p.PersonId)).size).toBe(people.length);
    expect(loadPopulation()).toBe(people);
    expect(Object.isFrozen(people[0])).toBe(true);
  });

  it('does not change unnoticed: the consent simulator and training material name these people', () => {
    // A new digest means every person may have moved: update it only together with their users.
    const digest = createHash('sha256').update(JSON.stringify(people)).digest('hex');
    expect(digest).toBe('829c7e3b1a8f60a604c966efb1d1eec7d280bac53cc0ada2c48d67295e6f80fc');
  });

  it('covers every category the simulators need, several times each', () => {
    const tags = ['本人', '家族', '国保', '後期高齢', '高齢受給者', '未就学', '医療扶助', '限度額', '特定疾病',
      '資格喪失', '資格変更', '複数該当', '資格確認書', 'カード未登録', 'カードなし'] as const;
    for (const tag of tags) expect(people.filter((p) => p.Tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(10);
  });

  it('uses valid check digits and the OQS forms of insurer numbers', () => {
    for (const p of people) {
      if (p.InsuredCardClassification === 'A1') expect(isValidPublicExpensePayerNumber(p.InsurerNumber)).toBe(true);
      else expect(isValidInsurerNumber(p.InsurerNumber)).toBe(true);
      expect(p.InsurerNumber).toHaveLength(8);
    }
    const national = people.find((p) => p.Tags.includes('国保'))!;
    expect(national.InsurerNumber).toMatch(/^ {2}\d{6}$/);
  });

  it('writes NameKana in half-width katakana and dates as YYYYMMDD', () => {
    for (const p of people) {
      expect(p.NameKana).toMatch(/^[\uff61-\uff9f ]+$/);
      expect(p.Birthdate).toMatch(/^\d{8}$/);
    }
  });

  it('gives 医療扶助 recipients an A1 qualification with 医療券', () => {
    const aid = people.filter((p) => p.Tags.includes('医療扶助'));
    for (const p of aid) {
      expect(p.InsuredCardClassification).toBe('A1');
      expect(p.PublicExpenseResultList?.[0]?.TicketType).toBe('01');
    }
  });

  it('links card holders to a virtual card identity, and 資格確認書 holders have none registered', () => {
    const holder = people.find((p) => p.CardholderId && p.CardRegisteredForInsurance)!;
    expect(findPersonByCardholderId(holder.CardholderId!)).toBe(holder);
    for (const p of people.filter((x) => x.HoldsQualificationCertificate)) expect(p.CardRegisteredForInsurance).toBe(false);
    expect(people.some((p) => p.CardholderId !== null && !p.CardRegisteredForInsurance)).toBe(true);
  });

  it('finds twins as several matches when the branch number is left out', () => {
    const twin = people.find((p) => p.Tags.includes('複数該当'))!;
    const found = findPeopleByInsurance({ InsurerNumber: twin.InsurerNumber, InsuredIdentificationNumber: twin.InsuredIdentificationNumber, InsuredCardSymbol: twin.InsuredCardSymbol }, twin.Birthdate);
    expect(found.current.length).toBe(2);
  });

  it('finds a changed qualification by its previous identifiers', () => {
    const moved = people.find((p) => p.Tags.includes('資格変更'))!;
    const old = moved.PreviousQualification!;
    const found = findPeopleByInsurance(old, moved.Birthdate);
    expect(found.current).toHaveLength(0);
    expect(found.previous).toEqual([moved]);
  });
});
