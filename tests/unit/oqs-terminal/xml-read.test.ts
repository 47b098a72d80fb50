import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../main/oqs/terminal/xml-read';
import { readAnswer } from '../../../main/oqs/terminal/answers';
import { thrownCode } from '../../helpers/error-code';

describe('strict XML reader', () => {
  it('reads elements, keeps leading spaces and decodes the predefined and numeric references', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1"><b>  123456</b><c>A &amp; B &#x3013;&#12354;</c><d><![CDATA[<raw>]]></d><e/></a>');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([['b', '  123456'], ['c', 'A & B 〓あ'], ['d', '<raw>'], ['e', '']]);
  });

  it('accepts whitespace inside a closing tag and a self-closing tag with attributes', () => {
    const root = parseXml('<a><b>1</b ><c x="y" /></a >');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
  });

  it('refuses an external entity (XXE) before parsing', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><XmlMsg>&xxe;</XmlMsg>';
    expect(thrownCode(() => parseXml(xxe))).toBe('OQS_XML_FORBIDDEN');
    expect(thrownCode(() => parseXml('<!doctype x SYSTEM "http://127.0.0.1/x.dtd"><x/>'))).toBe('OQS_XML_FORBIDDEN');
  });

  it('refuses billion laughs at the declaration, before any expansion', () => {
    const lol = ['<!DOCTYPE lolz [<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
    const doc = `${lol.join('')}]><lolz>&lol9;</lolz>`;
    expect(thrownCode(() => parseXml(doc))).toBe('OQS_XML_FORBIDDEN');
  });

  it('refuses an entity it does not know, since only declarations could define one', () => {
    expect(thrownCode(() => parseXml('<a>&nbsp;</a>'))).toBe('OQS_XML_MALFORMED');
    expect(thrownCode(() => parseXml('<a>&amp</a>'))).toBe('OQS_XML_MALFORMED');
  });

  it.each([
    ['a truncated file', '<XmlMsg><MessageHeader><A>1</A>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'junk<a/>'],
    ['a broken tag', '<a><b</a>'],
    ['broken attributes', '<a x=1></a>'],
    ['empty input', ''],
  ])('reports %s as OQS_XML_MALFORMED', (_what, xml) => {
    expect(thrownCode(() => parseXml(xml))).toBe('OQS_XML_MALFORMED');
  });

  it('enforces the size and depth limits', () => {
    expect(thrownCode(() => parseXml('<a>xxxxxxxxxx</a>', { maxChars: 10, maxDepth: 32 }))).toBe('OQS_FILE_TOO_LARGE');
    expect(thrownCode(() => parseXml(`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`))).toBe('OQS_XML_MALFORMED');
  });

  it('tells the line of a problem in the technical detail', () => {
    try {
      parseXml('<a>\n<b>\n</c>\n</a>');
    } catch (err) {
      expect((err as { detail: string }).detail).toContain('line 3');
    }
    expect.assertions(1);
  });

  it('refuses a document that is not an OQS message', () => {
    expect(thrownCode(() => readAnswer('qualification', Buffer.from('<html><body/></html>')))).toBe('OQS_XML_MALFORMED');
  });
});
