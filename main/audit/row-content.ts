/**
 * What a row stores: the validated event, the row's UTC time and, when OQS reported its own time,
 * the skew against it, as canonical JSON. This runs on every append right after the previous
 * append's fsync, when the CPU is cold and every allocation costs several times its warm price, so
 * each kind's sorted field list is worked out once here and the caller's event is read, not copied.
 */
import { canonicalJson, jsonString, type CanonicalValue } from './canonical';
import { AuditErrors } from './errors';
import { isValidEvent } from './event-check';
import { AuditEventSchema, type AuditEvent } from './events';

/** Fields the log itself writes into every row, in place of `oqsTime`. */
interface RowFields {
  at: string;
  skewMs: number | undefined;
}
const ROW_FIELDS: ReadonlyArray<keyof RowFields> = ['at', 'skewMs'];
const REPLACED = new Set(['oqsTime']);

type Fields = Readonly<Record<string, CanonicalValue | undefined>>;

/** Canonical JSON of an event of one kind with the row's fields: the same bytes as canonicalJson. */
function writerFor(eventKeys: readonly string[]): (event: Fields, row: RowFields) => string {
  const keys = [...eventKeys.filter((key) => !REPLACED.has(key)), ...ROW_FIELDS].sort();
  const sorted = keys.map((key) => ({ key, prefix: `${jsonString(key)}:`, fromRow: (ROW_FIELDS as readonly string[]).includes(key) }));
  return (event, row) => {
    let out = '{';
    for (const { key, prefix, fromRow } of sorted) {
      const value = fromRow ? row[key as keyof RowFields] : event[key];
      if (value === undefined) continue;
      out += (out.length === 1 ? '' : ',') + prefix + canonicalJson(value);
    }
    return `${out}}`;
  };
}

// Strict schemas: a valid event has no key outside its kind's shape, so the writer misses none.
const WRITERS = new Map(AuditEventSchema.options.map((option) => [option.shape.kind.value as string, writerFor(Object.keys(option.shape))]));

export interface RowContent {
  readonly content: string;
  /** The row's time, as stored in it. */
  readonly at: string;
}

function invalid(event: AuditEvent): never {
  const parsed = AuditEventSchema.safeParse(event);
  const detail = parsed.success ? 'rejected' : parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.code}`).join('; ');
  throw AuditErrors.invalidEvent(detail);
}

/** The content of the row recording `event` at `instant`; throws AUDIT_INVALID_EVENT on a bad event. */
export function rowContent(event: AuditEvent, instant: Date): RowContent {
  if (!isValidEvent(event)) invalid(event);
  const oqsTime = 'oqsTime' in event ? event.oqsTime : undefined;
  const at = instant.toISOString();
  const row = { at, skewMs: oqsTime === undefined ? undefined : instant.getTime() - Date.parse(oqsTime) };
  return { content: WRITERS.get(event.kind)!(event as unknown as Fields, row), at };
}
