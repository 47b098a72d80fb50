import { describe, expect, it } from 'vitest';
import { codeLabel, OQS_CODES, TWO_FACTOR_METHODS } from '../../../main/oqs/terminal/codes';
import { answerFileNames, kindOfPrefix, parseRequestFileName, requestFileName } from '../../../main/oqs/terminal/file-kinds';

describe('code lists', () => {
  it('hold OQSCD001 to OQSCD044 with Japanese names', () => {
    const ids = Object.keys(OQS_CODES);
    expect(ids).toHaveLength(44);
    ids.forEach((id, i) => expect(id).toBe(`OQSCD${String(i + 1).padStart(3, '0')}`));
    for (const list of Object.values(OQS_CODES)) expect(list.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(Object.keys(TWO_FACTOR_METHODS['2']!)).toHaveLength(5);
  });

  it('label known values and keep unknown ones visible', () => {
    expect(codeLabel('OQSCD006', '3')).toBe('無効（新しい資格あり）');
    expect(codeLabel('OQSCD010', 'A1')).toBe('医療扶助');
    expect(codeLabel('OQSCD003', '9')).toBe('異常終了');
    expect(codeLabel('OQSCD006', '8')).toBe('不明なコード（8）');
    expect(codeLabel('OQSCD006', undefined)).toBe('');
  });
});

describe('file names', () => {
  it('follow OQS + kind + step + req/res + suffix', () => {
    expect(requestFileName('OQSsiquc', '01', '20261125101500')).toBe('OQSsiquc01req_20261125101500.xml');
    expect(answerFileNames('OQSmuquc', '02', 'abc')).toEqual({ xml: 'OQSmuquc02res_abc.xml', zip: 'OQSmuquc02res_abc.zip' });
    expect(parseRequestFileName('OQSmuquc02req_abc.xml')).toEqual({ prefix: 'OQSmuquc', step: '02', suffix: 'abc' });
  });

  it('ignore temp files, answers and anything else', () => {
    for (const name of ['.OQSsiquc01req_a.xml.1234.tmp', 'OQSsiquc01res_a.xml', 'OQSsiquc01req_a.zip', 'notes.txt', 'OQSsiquc01req_../x.xml']) {
      expect(parseRequestFileName(name), name).toBeUndefined();
    }
  });

  it('let a setting replace a prefix that is not public', () => {
    expect(kindOfPrefix('OQSsihvq')).toBe('homeVisitQualification');
    expect(kindOfPrefix('OQSxxhvq', { homeVisitQualification: 'OQSxxhvq' })).toBe('homeVisitQualification');
  });
});
