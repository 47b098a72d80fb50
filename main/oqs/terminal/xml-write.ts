/**
 * Writes records as OQS XML with a fixed element order (the layout's), two-space indentation and
 * the declaration matching the bytes' encoding. Absent values are left out, as the samples do.
 */
import type { Layout, LooseRecord } from './layout';
import type { XmlEncoding } from './encoding';

export function escapeXmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Appends <name>…</name> for the record in layout order; nothing when the record is absent. */
export function writeRecord(out: string[], name: string, record: LooseRecord | undefined, layout: Layout, depth: number): void {
  if (!record) return;
  const indent = '  '.repeat(depth);
  out.push(`${indent}<${name}>\n`);
  writeFields(out, record, layout, depth + 1);
  out.push(`${indent}</${name}>\n`);
}

export function writeFields(out: string[], record: LooseRecord, layout: Layout, depth: number): void {
  const indent = '  '.repeat(depth);
  for (const entry of layout) {
    if (typeof entry === 'string') {
      const value = record[entry];
      if (typeof value === 'string') out.push(`${indent}<${entry}>${escapeXmlText(value)}</${entry}>\n`);
    } else if ('group' in entry) {
      writeRecord(out, entry.group, record[entry.group] as LooseRecord | undefined, entry.layout, depth);
    } else if ('list' in entry) {
      const items = record[entry.list] as LooseRecord[] | undefined;
      if (!items || items.length === 0) continue;
      out.push(`${indent}<${entry.list}>\n`);
      for (const item of items) writeRecord(out, entry.item, item, entry.layout, depth + 1);
      out.push(`${indent}</${entry.list}>\n`);
    } else {
      for (const item of (record[entry.repeat] as LooseRecord[] | undefined) ?? []) writeRecord(out, entry.repeat, item, entry.layout, depth);
    }
  }
}

export interface MessageParts {
  readonly header: { readonly layout: Layout; readonly record: LooseRecord };
  /** Writes the MessageBody's children. */
  readonly body: (out: string[], depth: number) => void;
}

/** A whole XmlMsg document as text, declaring the encoding it will be written in. */
export function renderMessage(parts: MessageParts, encoding: XmlEncoding): string {
  const out: string[] = [`<?xml version="1.0" encoding="${encoding}" standalone="no"?>\n`, '<XmlMsg>\n'];
  writeRecord(out, 'MessageHeader', parts.header.record, parts.header.layout, 1);
  out.push('  <MessageBody>\n');
  parts.body(out, 2);
  out.push('  </MessageBody>\n', '</XmlMsg>\n');
  return out.join('');
}
