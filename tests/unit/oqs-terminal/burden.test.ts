import { describe, expect, it } from 'vitest';
import { burdenRatio, lateElderlyFirstDay, preschoolLastDay, seventyBracketFirstDay } from '../../../main/oqs/terminal/burden';

const on = (birthdate: string, date: string, extra = {}) => burdenRatio({ Birthdate: birthdate, ...extra }, date);

describe('負担割合', () => {
  it('takes OQS ratios first: 後期高齢 and 高齢受給者', () => {
    expect(on('19400101', '20261125', { InsuredPartialContributionRatio: '010' })).toMatchObject({ percent: 10, source: 'oqs', basis: '後期高齢' });
    expect(on('19540501', '20261125', { ElderlyRecipientCertificateInfo: { ElderlyRecipientContributionRatio: '030' } })).toMatchObject({ percent: 30, source: 'oqs', basis: '高齢受給者' });
    expect(on('19800101', '20261125', { InsuredCardClassification: 'A1' })).toMatchObject({ percent: undefined, basis: '医療扶助' });
  });

  describe('未就学: until the 31 March after the 6th birthday', () => {
    it('child born 2 April: the following school year', () => {
      expect(preschoolLastDay('20200402')).toBe('20270331');
      expect(on('20200402', '20270331')).toMatchObject({ percent: 20, basis: '未就学' });
      expect(on('20200402', '20270401')).toMatchObject({ percent: 30, basis: '一般' });
    });
    it('child born 1 April reaches 6 on 31 March, so school starts that April (早生まれ)', () => {
      expect(preschoolLastDay('20200401')).toBe('20260331');
      expect(on('20200401', '20260331').basis).toBe('未就学');
      expect(on('20200401', '20260401').basis).toBe('一般');
    });
    it('child born in a January', () => {
      expect(preschoolLastDay('20200115')).toBe('20260331');
    });
    it('PreschoolClassification from OQS decides when present', () => {
      expect(on('20200402', '20270331', { PreschoolClassification: '0' }).basis).toBe('一般');
      expect(on('20100402', '20261125', { PreschoolClassification: '1' }).basis).toBe('未就学');
    });
  });

  describe('70–74: from the month after the 70th birthday', () => {
    it('born mid-month: the 1st of the next month', () => {
      expect(seventyBracketFirstDay('19560715')).toBe('20260801');
      expect(on('19560715', '20260731')).toMatchObject({ percent: 30, basis: '一般' });
      expect(on('19560715', '20260801')).toMatchObject({ percent: 20, basis: '70歳以上75歳未満', needsConfirmation: true });
    });
    it('born on the 1st: that very month', () => {
      expect(seventyBracketFirstDay('19560701')).toBe('20260701');
      expect(on('19560701', '20260630').basis).toBe('一般');
      expect(on('19560701', '20260701').basis).toBe('70歳以上75歳未満');
    });
    it('born on 2 December: from January of the next year', () => {
      expect(seventyBracketFirstDay('19561202')).toBe('20270101');
    });
  });

  describe('後期高齢: from the 75th birthday', () => {
    it('the day before is still the 70–74 bracket, the birthday is 後期高齢', () => {
      expect(lateElderlyFirstDay('19511126')).toBe('20261126');
      expect(on('19511126', '20261125').basis).toBe('70歳以上75歳未満');
      expect(on('19511126', '20261126')).toMatchObject({ basis: '後期高齢', percent: undefined, needsConfirmation: true });
    });
    it('born 29 February: 1 March in a common year', () => {
      expect(lateElderlyFirstDay('19520229')).toBe('20270301');
    });
  });
});
