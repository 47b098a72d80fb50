import { describe, expect, it } from 'vitest';
import { buildDownloadRequest, buildReferenceRequest, buildSearchRequest, normalizeInsurerNumber, MAX_BATCH_RECORDS } from '../../../main/oqs/terminal/requests';
import type { SearchInfo } from '../../../main/oqs/terminal/elements';
import { thrownCode } from '../../helpers/error-code';

const header = { QualificationConfirmationDate: '20261125', MedicalInstitutionCode: '1311000010' };
const person: SearchInfo = { InsurerNumber: '06139992', InsuredCardSymbol: '1000', InsuredIdentificationNumber: '0100000', InsuredBranchNumber: '00', Birthdate: '19920511' };

describe('request files', () => {
  it('widens a 6-digit 国保 number with spaces (or zeros when set)', () => {
    expect(normalizeInsurerNumber('138818', 'space')).toBe('  138818');
    expect(normalizeInsurerNumber('  138818', 'zero')).toBe('00138818');
    expect(normalizeInsurerNumber('06139992', 'space')).toBe('06139992');
  });

  it.each([
    ['a wrong insurer check digit', { ...person, InsurerNumber: '06139993' }],
    ['an impossible birthdate', { ...person, Birthdate: '19920230' }],
    ['a three-digit branch number', { ...person, InsuredBranchNumber: '001' }],
    ['a missing number', { ...person, InsuredIdentificationNumber: undefined }],
    ['a symbol over 20 characters', { ...person, InsuredCardSymbol: 'x'.repeat(21) }],
    ['a control character', { ...person, InsuredIdentificationNumber: '01\u0000' }],
    ['a bad consent flag', { ...person, LimitApplicationCertificateRelatedConsFlg: '2' }],
    ['a 診療区分 that does not fit the kind', { ...person, MedicalTreatmentFlag: '3' }],
  ])('refuses %s', (_what, search) => {
    expect(thrownCode(() => buildSearchRequest('qualification', header, [search], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
  });

  it('refuses a bad institution code or date in the header', () => {
    expect(thrownCode(() => buildSearchRequest('qualification', { ...header, MedicalInstitutionCode: '1311111111' }, [person], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildSearchRequest('qualification', { ...header, QualificationConfirmationDate: '2026-11-25' }, [person], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
  });

  it('takes one record for a single kind and up to the limit for a batch', () => {
    expect(thrownCode(() => buildSearchRequest('qualification', header, [person, person], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildSearchRequest('bulkQualification', header, [], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildSearchRequest('bulkQualification', header, Array(MAX_BATCH_RECORDS + 1).fill(person), 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
  });

  it('sets 診療区分 for the 訪問診療等 and オンライン診療等 kinds', () => {
    expect(buildSearchRequest('homeVisitQualification', header, [person], 'UTF-8')).toContain('<MedicalTreatmentFlag>2</MedicalTreatmentFlag>');
    expect(buildSearchRequest('onlineQualification', header, [person], 'UTF-8')).toContain('<MedicalTreatmentFlag>3</MedicalTreatmentFlag>');
    expect(buildSearchRequest('qualification', header, [person], 'UTF-8')).not.toContain('MedicalTreatmentFlag');
  });

  it('needs exactly one date range for the 同意済資格情報 kinds and a month for 医療扶助', () => {
    expect(thrownCode(() => buildSearchRequest('consentedHomeVisit', header, [{}], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildSearchRequest('consentedHomeVisit', header, [{ ConsentDateFrom: '20261125', ConsentDateTo: '20261101' }], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildSearchRequest('consentedOnline', header, [{ ConsentDateFrom: '20261101', ConsentDateTo: '20261125', ExaminationDateFrom: '20261101', ExaminationDateTo: '20261125' }], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildSearchRequest('medicalAid', header, [{ MedicalTreatmentMonth: '202613' }], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(buildSearchRequest('consentedOnline', header, [{ ExaminationDateFrom: '20261101', ExaminationDateTo: '20261125' }], 'UTF-8')).toContain('<ExaminationDateTo>20261125</ExaminationDateTo>');
  });

  it('checks 照会番号 and ReceptionNumber', () => {
    const ref = { ReferenceNumber: '000123', InsurerNumber: '06139992', InsuredIdentificationNumber: '0100000' };
    expect(thrownCode(() => buildReferenceRequest('referenceRegistration', header, [{ ...ref, ReferenceNumber: 'x'.repeat(51) }], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildReferenceRequest('referenceRegistration', header, [{ ...ref, ReferenceNumber: '番号' }], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildReferenceRequest('referenceRegistration', header, [ref, ref], 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
    expect(thrownCode(() => buildDownloadRequest('1311000010', '', 'UTF-8'))).toBe('OQS_INVALID_REQUEST');
  });

  it('escapes markup characters in values', () => {
    expect(buildSearchRequest('qualification', header, [{ ...person, ArbitraryIdentifier: 'a<b&c' }], 'UTF-8')).toContain('<ArbitraryIdentifier>a&lt;b&amp;c</ArbitraryIdentifier>');
  });
});
