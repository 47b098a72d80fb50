/**
 * Bytes ⇄ text for terminal files. The XML declaration decides: Shift_JIS is read and written as
 * CP932 (Windows' Shift_JIS, which the terminal and レセコン actually use, with NEC/IBM extensions),
 * anything else supported is UTF-8. A character CP932 cannot hold becomes 〓 (the customary
 * 下駄記号) and is counted, so the caller can warn instead of silently sending '?'.
 */
import iconv from 'iconv-lite';
import { TerminalErrors } from './errors';

export type XmlEncoding = 'Shift_JIS' | 'UTF-8';

export const REPLACEMENT_CHARACTER = '〓';

const SHIFT_JIS_NAMES = new Set(['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'windows-31j', 'cp932', 'ms932', 'ms_kanji']);
const UTF8_NAMES = new Set(['utf-8', 'utf8']);

/**
 * JIS-style code points that CP932 holds under another code point (the well-known wave dash
 * family); mapping them first keeps e.g. 〜 as ～ instead of replacing it.
 */
const CP932_EQUIVALENTS: Readonly<Record<string, string>> = {
  '\u301c': '\uff5e', '\u2212': '\uff0d', '\u2016': '\u2225', '\u00a2': '\uffe0', '\u00a3': '\uffe1', '\u00ac': '\uffe2', '\u2014': '\u2015',
};

export function normalizeEncodingName(name: string): XmlEncoding {
  const lower = name.trim().toLowerCase();
  if (SHIFT_JIS_NAMES.has(lower)) return 'Shift_JIS';
  if (UTF8_NAMES.has(lower)) return 'UTF-8';
  throw TerminalErrors.encoding(`declared encoding: ${name.slice(0, 40)}`);
}

/** The encoding a file declares; UTF-8 when there is no declaration (the XML default) or a BOM. */
export function declaredEncoding(bytes: Uint8Array): XmlEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  if (!head.startsWith('<?xml')) return 'UTF-8';
  const end = head.indexOf('?>');
  const match = /encoding\s*=\s*["']([^"']+)["']/.exec(end >= 0 ? head.slice(0, end) : head);
  return match ? normalizeEncodingName(match[1]!) : 'UTF-8';
}

export function decodeXml(bytes: Uint8Array): { text: string; encoding: XmlEncoding } {
  const encoding = declaredEncoding(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'Shift_JIS') return { text: iconv.decode(buffer, 'cp932'), encoding };
  const text = buffer.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

function toCp932Safe(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out = '';
  for (const ch of text) {
    const mapped = CP932_EQUIVALENTS[ch] ?? ch;
    if (iconv.decode(iconv.encode(mapped, 'cp932'), 'cp932') === mapped) out += mapped;
    else {
      out += REPLACEMENT_CHARACTER;
      replaced++;
    }
  }
  return { text: out, replaced };
}

function countOf(haystack: Buffer | string, needle: number | string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle as never); i >= 0; i = haystack.indexOf(needle as never, i + 1)) count++;
  return count;
}

/** Text to bytes; `replaced` counts the characters that became 〓 (always 0 for UTF-8). */
export function encodeText(text: string, encoding: XmlEncoding): { bytes: Buffer; replaced: number } {
  if (encoding === 'UTF-8') return { bytes: Buffer.from(text, 'utf8'), replaced: 0 };
  const direct = iconv.encode(text, 'cp932');
  // Fast path: iconv-lite writes '?' (0x3F) for what CP932 lacks, and 0x3F is never a trail byte,
  // so equal counts of '?' in text and bytes mean nothing was replaced.
  if (countOf(direct, 0x3f) === countOf(text, '?')) return { bytes: direct, replaced: 0 };
  const safe = toCp932Safe(text);
  return { bytes: iconv.encode(safe.text, 'cp932'), replaced: safe.replaced };
}
