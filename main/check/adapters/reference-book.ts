/**
 * The check's view of this cart's 照会番号 list (main/store/inquiry-numbers): what the result screen
 * registers is kept beside what the clerk types in the list or imports, under the same rules.
 */
import { InquiryBook } from '../../store/inquiry-numbers';
import { normalizeInquiry, type InquiryRecord } from '../../store/inquiry-record';
import type { StoreDatabase } from '../../store/database';
import type { InsuranceIdentifiers, ReferenceBookPort } from '../ports';

function recordOf(referenceNumber: string, id: InsuranceIdentifiers): InquiryRecord {
  return normalizeInquiry({
    referenceNumber,
    insurerNumber: id.InsurerNumber,
    symbol: id.InsuredCardSymbol ?? '',
    number: id.InsuredIdentificationNumber,
    branch: id.InsuredBranchNumber ?? '',
    birthDate: id.Birthdate,
  });
}

const sameRecord = (a: InquiryRecord, b: InquiryRecord) =>
  a.insurerNumber === b.insurerNumber && a.symbol === b.symbol && a.number === b.number && a.branch === b.branch && a.birthDate === b.birthDate;

export function referenceBookAdapter(store: StoreDatabase, now: () => Date = () => new Date()): ReferenceBookPort {
  return {
    keep({ referenceNumber, identifiers }) {
      const book = InquiryBook.ofActivatedDevice(store, now);
      const record = recordOf(referenceNumber, identifiers);
      const existing = book.findByReference(record.referenceNumber);
      if (existing && sameRecord(existing, record)) return { undo: () => undefined };
      const added = book.register(record);
      return { undo: () => book.remove(added.id) };
    },
  };
}
