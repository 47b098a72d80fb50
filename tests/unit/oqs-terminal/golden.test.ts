import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswer, renderAnswer } from '../../../main/oqs/terminal/answers';
import { decodeXml, encodeText } from '../../../main/oqs/terminal/encoding';
import { FILE_KINDS } from '../../../main/oqs/terminal/file-kinds';
import { ENCODINGS, FULL_RESULT, GOLDEN_CASES, goldenFileName } from '../../fixtures/oqs/golden-cases';

const golden = (name: string, encoding: (typeof ENCODINGS)[number]) => readFileSync(join(__dirname, '../../fixtures/oqs/golden', goldenFileName(name, encoding)));

describe('golden fixtures', () => {
  it('cover every file kind as a request', () => {
    const requestNames = GOLDEN_CASES.filter((c) => c.role === 'request').map((c) => c.name.split('-')[0]);
    for (const kind of Object.keys(FILE_KINDS)) expect(requestNames, kind).toContain(kind);
  });

  for (const c of GOLDEN_CASES) {
    for (const encoding of ENCODINGS) {
      it(`${c.name} in ${encoding} is written byte for byte as the fixture`, () => {
        const { bytes, replaced } = encodeText(c.render(encoding), encoding);
        expect(replaced).toBe(0);
        expect(bytes.equals(golden(c.name, encoding))).toBe(true);
        expect(decodeXml(bytes).encoding).toBe(encoding);
      });
    }
  }

  for (const c of GOLDEN_CASES.filter((g) => g.role === 'answer')) {
    for (const encoding of ENCODINGS) {
      it(`${c.name} in ${encoding} round-trips: read into records and written back unchanged`, () => {
        const file = golden(c.name, encoding);
        const answer = readAnswer(c.shape!, file);
        expect(answer.encoding).toBe(encoding);
        expect(renderAnswer(c.shape!, answer.header, answer.body, encoding)).toBe(decodeXml(file).text);
      });
    }
  }

  it('reads every element of the result, including 医療券 and nested certificates', () => {
    const answer = readAnswer('qualification', golden('qualification-01res', 'Shift_JIS'));
    expect(answer.body.ResultList).toEqual([FULL_RESULT]);
    expect(answer.body.ResultList?.[0]?.InsurerNumber).toBe('  138818');
    expect(answer.body.ProcessingResultMessage).toBe('マイナンバーカードの有効期限が近づいています。');
  });

  it('keeps the fixed element order whatever order the record was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(FULL_RESULT).reverse());
    const a = renderAnswer('qualification', {}, { ResultList: [shuffled] }, 'UTF-8');
    const b = renderAnswer('qualification', {}, { ResultList: [FULL_RESULT] }, 'UTF-8');
    expect(a).toBe(b);
    expect(a.indexOf('<InsuredCardClassification>')).toBeLessThan(a.indexOf('<OperationInfoConsFlg>'));
  });
});
