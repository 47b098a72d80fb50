import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../main/oqs/terminal/answers';
import { CSV_COLUMNS, exportCsv, exportXml, TRAINING_WATERMARK } from '../../../main/oqs/terminal/export';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/oqs/golden', name));

describe('export for the レセコン', () => {
  it('hands over the OQS XML unchanged outside training', () => {
    const raw = fixture('bulk-02res.sjis.xml');
    expect(exportXml(raw, false).bytes.equals(raw)).toBe(true);
  });

  it('watermarks training XML with a comment and keeps it a valid OQS answer in its encoding', () => {
    for (const name of ['bulk-02res.sjis.xml', 'bulk-02res.utf8.xml']) {
      const raw = fixture(name);
      const marked = exportXml(raw, true).bytes;
      const text = name.includes('sjis') ? iconv.decode(marked, 'cp932') : marked.toString('utf8');
      expect(text).toContain(`<!-- ${TRAINING_WATERMARK} -->`);
      expect(text.startsWith('<?xml')).toBe(true);
      expect(readAnswer('bulkQualification', marked).body).toEqual(readAnswer('bulkQualification', raw).body);
    }
  });

  it('writes one CSV row per qualification with OQS element names as columns', () => {
    const answer = readAnswer('bulkQualification', fixture('bulk-02res.utf8.xml'));
    const csv = exportCsv([answer], { training: false, encoding: 'UTF-8' }).bytes.toString('utf8');
    const lines = csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    expect(lines[0]!.split(',')).toEqual([...CSV_COLUMNS]);
    expect(lines).toHaveLength(3);
    const row = lines[1]!;
    expect(row).toContain('"  138818"');
    expect(row).toContain('見本　一郎');
    expect(row).toContain('試験在宅クリニック');
    expect(lines[2]).toContain('複数の資格情報が該当しました。');
  });

  it('puts the training watermark on the first CSV line and writes Shift_JIS by the 〓 rule', () => {
    const answer = readAnswer('qualification', fixture('qualification-01res.utf8.xml'));
    const body = { ...answer.body, ResultList: [{ ...answer.body.ResultList![0]!, Name: '𠮷田　太郎' }] };
    const { bytes, replaced } = exportCsv([{ ...answer, body }], { training: true, encoding: 'Shift_JIS' });
    const text = iconv.decode(bytes, 'cp932');
    expect(text.split('\r\n')[0]).toBe(TRAINING_WATERMARK);
    expect(replaced).toBe(1);
    expect(text).toContain('〓田　太郎');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    const answer = readAnswer('qualification', fixture('qualification-01res.utf8.xml'));
    const body = { ...answer.body, ResultList: [{ ...answer.body.ResultList![0]!, Address: '試験市1,2 "北"\n棟' }] };
    const text = exportCsv([{ ...answer, body }], { training: false, encoding: 'UTF-8' }).bytes.toString('utf8');
    expect(text).toContain('"試験市1,2 ""北""\n棟"');
  });
});
