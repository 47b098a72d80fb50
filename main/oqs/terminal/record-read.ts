/**
 * Reads an element into a record by its layout, in one pass over the children (a batch answer has
 * hundreds of thousands of elements); elements the layout does not name are ignored, and where
 * an element repeats that should not, the first one counts.
 */
import type { Layout, LayoutEntry, LooseRecord } from './layout';
import type { XmlElement } from './xml-read';

const indexes = new WeakMap<Layout, Map<string, LayoutEntry>>();

function indexOf(layout: Layout): Map<string, LayoutEntry> {
  let index = indexes.get(layout);
  if (!index) {
    index = new Map();
    for (const entry of layout) {
      const name = typeof entry === 'string' ? entry : 'group' in entry ? entry.group : 'list' in entry ? entry.list : entry.repeat;
      index.set(name, entry);
    }
    indexes.set(layout, index);
  }
  return index;
}

export function readRecord(element: XmlElement, layout: Layout): LooseRecord {
  const index = indexOf(layout);
  const record: LooseRecord = {};
  for (const child of element.children) {
    const entry = index.get(child.name);
    if (entry === undefined) continue;
    if (typeof entry === 'string') {
      if (record[entry] === undefined) record[entry] = child.text;
    } else if ('group' in entry) {
      if (record[entry.group] === undefined) record[entry.group] = readRecord(child, entry.layout);
    } else if ('list' in entry) {
      if (record[entry.list] === undefined) record[entry.list] = child.children.filter((c) => c.name === entry.item).map((c) => readRecord(c, entry.layout));
    } else {
      const items = (record[entry.repeat] as LooseRecord[] | undefined) ?? (record[entry.repeat] = []);
      items.push(readRecord(child, entry.layout));
    }
  }
  return record;
}
