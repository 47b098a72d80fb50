/**
 * A strict, small XML reader for terminal files. OQS files are plain elements with text, so the
 * reader allows exactly that (plus attributes it ignores, comments, CDATA and processing
 * instructions) and nothing that can expand: any DOCTYPE or ENTITY is refused before parsing
 * starts, and only the five predefined entities and numeric references are decoded. This closes
 * XXE and billion-laughs by construction rather than by a parser option.
 */
import { TerminalErrors } from './errors';

export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

export interface XmlLimits {
  /** Characters of decoded text. */
  readonly maxChars: number;
  readonly maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 64 * 1024 * 1024, maxDepth: 32 };

const FORBIDDEN = /<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i;
const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTES = /^(\s+[A-Za-z_:][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*'))*\s*\/?$/;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const GT = 0x3e;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function lineOf(text: string, index: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}`;
}

function decodeEntities(raw: string, fail: (why: string) => never): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) fail('unterminated character reference');
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) fail(`undefined entity &${ref.slice(0, 12)};`);
    return String.fromCodePoint(code);
  });
}

/** Comments, CDATA and processing instructions; any other `<!` (a declaration) is malformed. */
function skipMarkup(text: string, pos: number, top: XmlElement | undefined, fail: (why: string) => never): number {
  if (text.startsWith('<!--', pos)) {
    const end = text.indexOf('-->', pos + 4);
    if (end < 0) fail('unterminated comment');
    return end + 3;
  }
  if (text.startsWith('<![CDATA[', pos)) {
    const end = text.indexOf(']]>', pos + 9);
    if (end < 0 || !top) fail('misplaced or unterminated CDATA');
    top!.text += text.slice(pos + 9, end);
    return end + 3;
  }
  if (text.startsWith('<?', pos)) {
    const end = text.indexOf('?>', pos + 2);
    if (end < 0) fail('unterminated processing instruction');
    return end + 2;
  }
  return fail('markup declaration');
}

/** Parses one document into its root element, or throws an AppError that says what was wrong. */
export function parseXml(input: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (input.length > limits.maxChars) throw TerminalErrors.tooLarge(`${input.length} chars > ${limits.maxChars}`);
  if (FORBIDDEN.test(input)) throw TerminalErrors.forbidden('document type or entity declaration');
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const fail = (why: string, at: number = pos): never => {
    throw TerminalErrors.malformed(`${why} at ${lineOf(text, at)}`);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    if (chunk) {
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(chunk, fail);
      else if (chunk.trim()) fail('text outside the root element');
    }
    if (lt < 0) break;
    pos = lt;
    const next = text.charCodeAt(pos + 1);
    if (next === SLASH) {
      // Fast path: the expected closing tag of the open element, then the general check.
      const top = stack.pop();
      const close = top ? pos + 2 + top.name.length : -1;
      if (top && text.startsWith(top.name, pos + 2) && text.charCodeAt(close) === GT) {
        pos = close + 1;
        continue;
      }
      NAME.lastIndex = pos + 2;
      const name = NAME.exec(text)?.[0];
      const end = text.indexOf('>', pos);
      if (!name || end < 0 || text.slice(NAME.lastIndex, end).trim() !== '') fail('broken closing tag');
      if (!top || top.name !== name) fail(`closing tag </${name}> does not match <${top?.name ?? ''}>`);
      pos = end + 1;
    } else if (next === BANG || next === QUESTION) {
      pos = skipMarkup(text, pos, stack[stack.length - 1], fail);
    } else {
      NAME.lastIndex = pos + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) fail('broken opening tag');
      let end = NAME.lastIndex;
      let selfClosing = false;
      if (text.charCodeAt(end) !== GT) {
        end = text.indexOf('>', pos);
        if (end < 0) fail('broken opening tag');
        const attributes = text.slice(NAME.lastIndex, end);
        selfClosing = attributes.endsWith('/');
        if (!ATTRIBUTES.test(attributes)) fail(`broken attributes in <${name}>`);
      }
      const element: XmlElement = { name: name!, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) {
        stack.push(element);
        if (stack.length > limits.maxDepth) fail('elements nested too deeply');
      }
      pos = end + 1;
    }
  }
  if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]!.name}> (file cut short?)`, text.length);
  if (!root) fail('no root element', 0);
  return root!;
}

/** The first child element with the name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
