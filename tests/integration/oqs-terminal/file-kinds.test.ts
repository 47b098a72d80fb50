import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPopulation, type CoverageTag, type PopulationPerson } from '../../../main/oqs/population';
import { burdenRatio } from '../../../main/oqs/terminal/burden';
import { startRig, searchFor, type Rig } from './harness';

let rig: Rig;
beforeAll(async () => { rig = await startRig(); });
afterAll(async () => { await rig.close(); });

const people = loadPopulation();
const first = (tag: CoverageTag, extra: (p: PopulationPerson) => boolean = () => true) =>
  people.find((p) => p.Tags.includes(tag) && !p.Tags.includes('資格喪失') && !p.Tags.includes('資格変更') && extra(p))!;

describe('every file kind against the simulated terminal', () => {
  for (const encoding of ['Shift_JIS', 'UTF-8'] as const) {
    it(`資格確認 (single) in ${encoding}: a 国保 person, their name and 記号 intact`, async () => {
      const p = first('国保');
      const r = await rig.client({ encoding }).confirm('qualification', searchFor(p));
      expect(r.requestFile).toMatch(/^OQSsiquc01req_\w+\.xml$/);
      expect(r.answer.body.QualificationValidity).toBe('1');
      expect(r.answer.body.ResultList?.[0]).toMatchObject({ Name: p.Name, NameKana: p.NameKana, InsurerNumber: p.InsurerNumber });
    });
  }

  it('gives 資格有効性 2 for a lost qualification, 3 for a changed one, 4 for nobody and 5 for twins', async () => {
    const client = rig.client();
    const lost = people.find((p) => p.Tags.includes('資格喪失'))!;
    expect((await client.confirm('qualification', searchFor(lost))).answer.body).toMatchObject({ QualificationValidity: '2' });
    const moved = people.find((p) => p.Tags.includes('資格変更'))!;
    const old = await client.confirm('qualification', searchFor({ ...moved.PreviousQualification!, Birthdate: moved.Birthdate }));
    expect(old.answer.body.QualificationValidity).toBe('3');
    expect(old.answer.body.ResultList?.[0]?.ReasonOfLoss).toBe('03');
    const nobody = await client.confirm('qualification', { ...searchFor(first('本人')), Birthdate: '19000101' });
    expect(nobody.answer.body).toMatchObject({ QualificationValidity: '4', ProcessingResultMessage: '該当する資格情報が存在しません。' });
    const twin = first('複数該当');
    const several = await client.confirm('qualification', { ...searchFor(twin), InsuredBranchNumber: undefined });
    expect(several.answer.body.QualificationValidity).toBe('5');
  });

  it('returns 医療扶助 (A1) with its 医療券, and 限度額 when consent is given', async () => {
    const aid = first('医療扶助');
    const r = await rig.client().confirm('qualification', searchFor(aid));
    const result = r.answer.body.ResultList![0]!;
    expect(result.InsuredCardClassification).toBe('A1');
    expect(result.PublicExpenseResultList?.[0]).toMatchObject({ TicketType: '01', MedicalTreatmentMonth: '202611' });
    const limited = first('限度額');
    const withConsent = await rig.client().confirm('qualification', { ...searchFor(limited), LimitApplicationCertificateRelatedConsFlg: '1' });
    expect(withConsent.answer.body.ResultList?.[0]?.LimitApplicationCertificateRelatedInfo?.LimitApplicationCertificateClassification).toBe('01');
  });

  it('gives 後期高齢 its OQS ratio and derives the rest', async () => {
    const late = first('後期高齢');
    const r = await rig.client().confirm('qualification', searchFor(late));
    expect(burdenRatio(r.answer.body.ResultList![0]!, r.answer.header.QualificationConfirmationDate!).source).toBe('oqs');
    const child = first('未就学');
    const c = await rig.client().confirm('qualification', searchFor(child));
    expect(burdenRatio(c.answer.body.ResultList![0]!, '20261125')).toMatchObject({ percent: 20, basis: '未就学' });
  });

  it('資格確認（訪問診療等／オンライン診療等）carries the consent and its deadline', async () => {
    const consented = people.find((p, i) => i % 7 === 0 && p.CardRegisteredForInsurance && !p.DisqualificationDate && !p.PreviousQualification)!;
    const home = await rig.client().confirm('homeVisitQualification', searchFor(consented));
    expect(home.answer.body.ResultList?.[0]).toMatchObject({ PharmacistsInfoConsFlg: '1' });
    const online = people.find((p, i) => i % 11 === 0 && i % 7 !== 0 && p.CardRegisteredForInsurance && !p.DisqualificationDate && !p.PreviousQualification)!;
    const r = await rig.client().confirm('onlineQualification', searchFor(online));
    expect(r.answer.body.ResultList?.[0]?.PharmacistsInfoAvailableTime).toMatch(/^\d{14}$/);
  });

  it('照会番号登録 (single and batch)', async () => {
    const p = first('本人');
    const info = { ReferenceNumber: '000777', InsurerNumber: p.InsurerNumber, InsuredCardSymbol: p.InsuredCardSymbol, InsuredIdentificationNumber: p.InsuredIdentificationNumber, InsuredBranchNumber: p.InsuredBranchNumber };
    const single = await rig.client().registerReferenceNumber(info);
    expect(single.answer.body).toMatchObject({ ProcessingResultStatus: '1', ReferenceNumberRegistrationInfo: { ReferenceNumber: '000777' } });
    const batch = await rig.client().runBatch('bulkReferenceRegistration', [info, { ...info, ReferenceNumber: '000778', InsuredIdentificationNumber: '9999999' }], 50, 5_000);
    const units = (batch.answer.body as { ReferenceNumberRegistrationUnit?: { ProcessingResultStatus?: string }[] }).ReferenceNumberRegistrationUnit!;
    expect(units.map((u) => u.ProcessingResultStatus)).toEqual(['1', '2']);
  });

  it('資格確認一括照会: upload gives a ReceptionNumber, 処理中 first, then the units', async () => {
    const slowBatches = await startRig({ batchProcessingMs: 3_000 });
    try {
      const client = slowBatches.client();
      const upload = await client.uploadBatch('bulkQualification', people.slice(0, 25).map(searchFor));
      expect(upload.receptionNumber).toMatch(/^SIM\d+$/);
      const early = await client.downloadBatch('bulkQualification', upload.receptionNumber);
      expect(early.state).toBe('processing');
      await new Promise((r) => setTimeout(r, 3_100));
      const done = await client.downloadBatch('bulkQualification', upload.receptionNumber);
      if (done.state !== 'done') throw new Error('still processing');
      expect(done.answer.header.NumberOfProcessingResult).toBe('25');
      expect((done.answer.body as { BulkConfirmUnit?: unknown[] }).BulkConfirmUnit).toHaveLength(25);
    } finally {
      await slowBatches.close();
    }
  });

  it('同意済資格情報一括取得 by consent date (訪問) and by examination date (オンライン)', async () => {
    const home = await rig.client().runBatch('consentedHomeVisit', [{ ConsentDateFrom: '20261101', ConsentDateTo: '20261130' }], 50, 5_000);
    const homeUnits = (home.answer.body as { BulkConfirmUnit?: { QualificationConfirmSearchInfo?: { MedicalTreatmentFlag?: string } }[] }).BulkConfirmUnit!;
    expect(homeUnits.length).toBeGreaterThan(10);
    expect(homeUnits[0]!.QualificationConfirmSearchInfo?.MedicalTreatmentFlag).toBe('2');
    const online = await rig.client().runBatch('consentedOnline', [{ ExaminationDateFrom: '20261110', ExaminationDateTo: '20261112' }], 50, 5_000);
    expect((online.answer.body as { BulkConfirmUnit?: unknown[] }).BulkConfirmUnit!.length).toBeGreaterThan(0);
  });

  it('一括照会（訪問診療等／オンライン診療等）and 医療扶助 by 診療年月', async () => {
    const p = first('本人');
    for (const kind of ['bulkHomeVisit', 'bulkOnline'] as const) {
      const r = await rig.client().runBatch(kind, [searchFor(p)], 50, 5_000);
      expect((r.answer.body as { BulkConfirmUnit?: unknown[] }).BulkConfirmUnit).toHaveLength(1);
    }
    const aid = await rig.client().runBatch('medicalAid', [{ MedicalTreatmentMonth: '202611' }], 50, 5_000);
    const units = (aid.answer.body as { BulkConfirmUnit?: { ResultOfQualificationConfirmation?: { InsuredCardClassification?: string }[] }[] }).BulkConfirmUnit!;
    expect(units.length).toBe(people.filter((x) => x.Tags.includes('医療扶助')).length);
    expect(units.every((u) => u.ResultOfQualificationConfirmation?.[0]?.InsuredCardClassification === 'A1')).toBe(true);
  });

  it('閲覧同意取り消し: cancels a live consent, then says there is none', async () => {
    const consented = people.find((p, i) => i % 7 === 0 && i > 100 && p.CardRegisteredForInsurance && !p.DisqualificationDate && !p.PreviousQualification && !p.Tags.includes('複数該当'))!;
    const first = await rig.client().cancelConsent(searchFor(consented));
    expect(first.answer.body.ProcessingResultStatus).toBe('1');
    const again = await rig.client().cancelConsent(searchFor(consented));
    expect(again.answer.body).toMatchObject({ ProcessingResultStatus: '2', ProcessingResultMessage: '閲覧同意情報が存在しません。' });
  });

  it('an unknown ReceptionNumber is an OQS error with its message verbatim', async () => {
    await expect(rig.client().downloadBatch('bulkQualification', 'NOPE')).rejects.toMatchObject({
      code: 'OQS_RESULT_ERROR', message: expect.stringContaining('「指定された受付番号の処理結果が存在しません。」'),
    });
  });

  it('leaves no temp file behind in req', async () => {
    await rig.client().confirm('qualification', searchFor(first('本人')));
    expect((await readdir(join(rig.dir, 'req'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
