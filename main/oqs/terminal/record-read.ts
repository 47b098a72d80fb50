/** Reads an element into a record by its layout; elements the layout does not name are ignored. */
import type { Layout, LooseRecord } from './layout';
import type { XmlElement } from './xml-read';

function byName(element: XmlElement): Map<string, XmlElement[]> {
  const map = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    const list = map.get(child.name);
    if (list) list.push(child);
    else map.set(child.name, [child]);
  }
  return map;
}

export function readRecord(element: XmlElement, layout: Layout): LooseRecord {
  const children = byName(element);
  const record: LooseRecord = {};
  for (const entry of layout) {
    if (typeof entry === 'string') {
      const found = children.get(entry)?.[0];
      if (found) record[entry] = found.text;
    } else if ('group' in entry) {
      const found = children.get(entry.group)?.[0];
      if (found) record[entry.group] = readRecord(found, entry.layout);
    } else if ('list' in entry) {
      const wrapper = children.get(entry.list)?.[0];
      if (wrapper) record[entry.list] = wrapper.children.filter((c) => c.name === entry.item).map((c) => readRecord(c, entry.layout));
    } else {
      const items = children.get(entry.repeat);
      if (items) record[entry.repeat] = items.map((c) => readRecord(c, entry.layout));
    }
  }
  return record;
}
