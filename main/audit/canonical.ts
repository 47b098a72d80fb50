/**
 * The canonical form of a row's content: JSON with keys sorted at every level and no whitespace,
 * so the same event always gives the same bytes and the MAC can be recomputed from the stored text.
 * JSON never contains a raw line break, which lets exports and batch reads use one row per line.
 * Values are written by hand rather than by JSON.stringify: appends run cold, right after the
 * previous fsync, and entering the engine's serializer once per field cost more than the MAC.
 * The bytes are JSON.stringify's, checked against it in the unit tests.
 */
export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

/** A JSON string literal: plain printable ASCII as it is, anything else as JSON.stringify writes it. */
export function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return JSON.stringify(text);
  }
  return `"${text}"`;
}

export function canonicalJson(value: CanonicalValue | undefined): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('non-finite number in audit content');
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  let out = '{';
  for (const key of Object.keys(value).sort()) {
    const field = value[key];
    if (field !== undefined) out += `${out.length === 1 ? '' : ','}${jsonString(key)}:${canonicalJson(field)}`;
  }
  return `${out}}`;
}
