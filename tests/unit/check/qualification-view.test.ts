/**
 * 資格情報 from an OQS record, the same for both interfaces: the elements as they came, the burden
 * ratio with its basis on the treatment date, and the groups in the code lists' words.
 */
import { describe, expect, it } from 'vitest';
import { qualificationView, type IdentifiedRecord } from '../../../main/check/qualification-view';

const BASE: IdentifiedRecord = {
  InsuredCardClassification: '01',
  InsurerNumber: '06139993 ',
  InsuredCardSymbol: '1234',
  InsuredIdentificationNumber: '5678910',
  InsuredBranchNumber: '01',
  PersonalFamilyClassification: '1',
  Name: '厚労　太郎',
  NameKana: 'ｺｳﾛｳ ﾀﾛｳ',
  Sex1: '1',
  Birthdate: '19700101',
  Address: '東京都千代田区霞が関１－２－２',
  PostNumber: '100-8916',
  InsurerName: '研修健康保険組合',
};

describe('qualificationView', () => {
  it('keeps the elements the clerk reads, trims the padded 保険者番号, and derives 3割 for an adult', () => {
    const view = qualificationView(BASE, '1', '2026-11-25');
    expect(view).toMatchObject({ Name: '厚労　太郎', InsurerNumber: '06139993', Address: '東京都千代田区霞が関１－２－２', PostNumber: '100-8916' });
    expect(view.burden).toEqual({ percent: 30, source: 'derived', basis: '一般', needsConfirmation: false });
    expect(view).toMatchObject({ limitCertificate: null, specificDiseases: [], medicalTickets: [] });
  });

  it('takes the ratio from OQS for 後期高齢者, and asks for the certificate at 70–74 on the treatment date', () => {
    expect(qualificationView({ ...BASE, InsurerNumber: '39131156', InsuredPartialContributionRatio: '010', Birthdate: '19450101' }, '1', '2026-11-25').burden).toEqual({
      percent: 10,
      source: 'oqs',
      basis: '後期高齢',
      needsConfirmation: false,
    });
    // Born 1956-01-02: reaches 70 on 2026-01-01, so the bracket starts on 2026-02-01.
    const seventy = { ...BASE, Birthdate: '19560102' };
    expect(qualificationView(seventy, '1', '2026-01-31').burden.basis).toBe('一般');
    expect(qualificationView(seventy, '1', '2026-02-01').burden).toEqual({ percent: 20, source: 'derived', basis: '70歳以上75歳未満', needsConfirmation: true });
  });

  it('names 限度額, 特定疾病 and the 医療券 in the code lists’ words; an unknown code stays visible', () => {
    const view = qualificationView(
      {
        ...BASE,
        InsuredCardClassification: 'A1',
        LimitApplicationCertificateRelatedInfo: { LimitApplicationCertificateClassification: '02', LimitApplicationCertificateValidEndDate: '20270731' },
        SpecificDiseasesCertificateList: [{ SpecificDiseasesDiseaseCategory: '1', SpecificDiseasesSelfPay: '10000' }, { SpecificDiseasesDiseaseCategory: '9' }],
        PublicExpenseResultList: [{ TicketType: '01', IssueNumber: '0001', MedicalTicketValidDate: '20261101', MedicalTicketExpirationDate: '20261130', SelfPayAmount: '0' }],
      },
      '1',
      '2026-11-25',
    );
    expect(view.burden).toMatchObject({ percent: null, basis: '医療扶助' });
    expect(view.limitCertificate).toEqual({ classification: '限度額適用・標準負担額減額認定証', validUntil: '20270731' });
    expect(view.specificDiseases).toEqual([
      { category: '人工透析を要する慢性腎不全', selfPay: '10000' },
      { category: '不明なコード（9）' },
    ]);
    expect(view.medicalTickets).toEqual([{ type: '医療券', issueNumber: '0001', validFrom: '20261101', validUntil: '20261130', selfPayAmount: '0' }]);
  });
});
