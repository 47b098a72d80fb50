/**
 * Consents the simulated OQS knows about, for the 居宅同意取得型 result kinds. A fixed, seeded
 * share of the population starts with consents so batches by date return something; the consent
 * simulator adds more through `record` when both run embedded.
 */
import type { PopulationPerson } from '../../population';

export interface ConsentEntry {
  readonly personId: string;
  /** 診療区分 (OQSCD028): 2 訪問診療等, 3 オンライン診療等. */
  readonly medicalTreatmentFlag: '2' | '3';
  /** YYYYMMDDHHmmss, Tokyo. */
  readonly consentTime: string;
  /** 受診予定日 (オンライン診療等), YYYYMMDD. */
  readonly examinationDate?: string;
  /** Viewing deadline OQS reports, YYYYMMDDHHmmss; absent while 訪問診療 continues. */
  readonly availableTime?: string;
  cancelled?: boolean;
}

export class ConsentBook {
  private readonly entries: ConsentEntry[] = [];

  static seeded(people: readonly PopulationPerson[]): ConsentBook {
    const book = new ConsentBook();
    people.forEach((p, i) => {
      if (!p.CardRegisteredForInsurance || p.DisqualificationDate) return;
      const day = String(10 + (i % 15)).padStart(2, '0');
      if (i % 7 === 0) book.record({ personId: p.PersonId, medicalTreatmentFlag: '2', consentTime: `202611${day}100000` });
      else if (i % 11 === 0) {
        book.record({ personId: p.PersonId, medicalTreatmentFlag: '3', consentTime: `202611${day}093000`, examinationDate: `202611${day}`, availableTime: `202611${String(Number(day) + 1).padStart(2, '0')}235959` });
      }
    });
    return book;
  }

  record(entry: ConsentEntry): void {
    this.entries.push({ ...entry });
  }

  /** Marks the person's consents for the 診療区分 cancelled; the number cancelled. */
  cancel(personId: string, flag: '2' | '3'): number {
    const live = this.entries.filter((e) => e.personId === personId && e.medicalTreatmentFlag === flag && !e.cancelled);
    for (const e of live) e.cancelled = true;
    return live.length;
  }

  latest(personId: string, flag: '2' | '3'): ConsentEntry | undefined {
    return this.entries.filter((e) => e.personId === personId && e.medicalTreatmentFlag === flag && !e.cancelled).at(-1);
  }

  /** Live consents by consent date or examination date (inclusive YYYYMMDD range). */
  between(flag: '2' | '3', by: 'consent' | 'examination', from: string, to: string): ConsentEntry[] {
    return this.entries.filter((e) => {
      if (e.cancelled || e.medicalTreatmentFlag !== flag) return false;
      const date = by === 'consent' ? e.consentTime.slice(0, 8) : e.examinationDate;
      return date !== undefined && date >= from && date <= to;
    });
  }
}
