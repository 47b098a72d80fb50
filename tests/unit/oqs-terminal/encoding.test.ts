import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredEncoding, decodeXml, encodeText } from '../../../main/oqs/terminal/encoding';

const sjisDoc = (body: string, label = 'Shift_JIS') => iconv.encode(`<?xml version="1.0" encoding="${label}"?><a>${body}</a>`, 'cp932');

describe('encoding by the XML declaration', () => {
  it('follows the declaration, the BOM, or the UTF-8 default', () => {
    expect(declaredEncoding(Buffer.from('<?xml version="1.0" encoding="Shift_JIS" standalone="no"?><a/>'))).toBe('Shift_JIS');
    expect(declaredEncoding(Buffer.from("<?xml version='1.0' encoding='windows-31j'?><a/>"))).toBe('Shift_JIS');
    expect(declaredEncoding(Buffer.from('<?xml version="1.0" encoding="utf-8"?><a/>'))).toBe('UTF-8');
    expect(declaredEncoding(Buffer.from('<a/>'))).toBe('UTF-8');
    expect(declaredEncoding(Buffer.from('\ufeff<?xml version="1.0" encoding="Shift_JIS"?><a/>'))).toBe('UTF-8');
  });

  it('refuses an encoding it cannot read', () => {
    expect(() => declaredEncoding(Buffer.from('<?xml version="1.0" encoding="EUC-JP"?><a/>'))).toThrow(expect.objectContaining({ code: 'OQS_ENCODING_UNSUPPORTED' }));
  });

  it('reads Shift_JIS as CP932, including NEC and IBM extensions', () => {
    const { text, encoding } = decodeXml(sjisDoc('①髙﨑～'));
    expect(encoding).toBe('Shift_JIS');
    expect(text).toContain('①髙﨑～');
  });

  it('drops a UTF-8 BOM', () => {
    expect(decodeXml(Buffer.from('\ufeff<a>あ</a>')).text).toBe('<a>あ</a>');
  });

  it('writes what CP932 cannot hold as 〓 and counts it; keeps the wave dash family', () => {
    const { bytes, replaced } = encodeText('𠮷野家 😀 〜 − 試験', 'Shift_JIS');
    expect(replaced).toBe(2);
    expect(iconv.decode(bytes, 'cp932')).toBe('〓野家 〓 ～ － 試験');
  });

  it('writes UTF-8 unchanged and never replaces', () => {
    const { bytes, replaced } = encodeText('𠮷野家 😀', 'UTF-8');
    expect(replaced).toBe(0);
    expect(bytes.toString('utf8')).toBe('𠮷野家 😀');
  });
});
