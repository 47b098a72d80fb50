/**
 * The event schema (events.ts) turned, once at start, into one small check per kind. zod's parse of
 * a discriminated union is quick in a warm loop, but every append runs right after an fsync, cold,
 * where zod's general machinery cost more than the MAC; these checks do the same work with a
 * fraction of the code. Only what the schema uses is understood: a construct it does not know, or
 * a refinement, is left to zod for that kind (refinements) or refused at start (anything else), so
 * the two never disagree on what gets in. The unit tests hold them to zod's verdicts.
 */
import type { z } from 'zod';
import { AuditEventSchema, type AuditEvent } from './events';

type Check = (value: unknown) => boolean;

interface Def {
  readonly type: string;
  readonly checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
  readonly format?: string;
}

interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly value?: number;
  readonly inclusive?: boolean;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def; pattern?: RegExp } })._zod;

function unsupported(what: string): never {
  throw new Error(`audit event schema: ${what} has no compiled check`);
}

// Plain loops rather than every(): a callback closing over the value is allocated on each call.
function allPass(checks: readonly Check[], value: unknown): boolean {
  for (const check of checks) if (!check(value)) return false;
  return true;
}

function allMatch(patterns: readonly RegExp[], text: string): boolean {
  for (const pattern of patterns) if (!pattern.test(text)) return false;
  return true;
}

function numberCheck(def: Def): Check {
  const bounds = (def.checks ?? []).map(({ _zod }) => _zod.def);
  const tests: Check[] = bounds.map((c) => {
    if (c.check === 'number_format' && c.format === 'safeint') return (v) => Number.isSafeInteger(v);
    if (c.check === 'greater_than') return c.inclusive ? (v) => (v as number) >= c.value! : (v) => (v as number) > c.value!;
    if (c.check === 'less_than') return c.inclusive ? (v) => (v as number) <= c.value! : (v) => (v as number) < c.value!;
    return unsupported(`number check ${c.check}`);
  });
  return (v) => typeof v === 'number' && Number.isFinite(v) && allPass(tests, v);
}

function stringCheck(schema: z.ZodType, def: Def): Check {
  // An ISO datetime is a string format of its own with the pattern zod tests it by.
  const patterns: RegExp[] = def.format ? [defOf(schema).pattern ?? unsupported(`string format ${def.format}`)] : [];
  for (const { _zod } of def.checks ?? []) {
    if (_zod.def.check === 'string_format' && _zod.def.format === 'regex' && _zod.def.pattern) patterns.push(_zod.def.pattern);
    else unsupported(`string check ${_zod.def.check}`);
  }
  return (v) => typeof v === 'string' && allMatch(patterns, v);
}

function compile(schema: z.ZodType): Check {
  const def = defOf(schema).def;
  switch (def.type) {
    case 'string':
      return stringCheck(schema, def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal': {
      const values = new Set(def.values);
      return (v) => values.has(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries!));
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'record': {
      const key = compile(def.keyType!);
      const value = compile(def.valueType!);
      return (v) => isPlainObject(v) && Object.keys(v).every((k) => key(k) && value(v[k]));
    }
    default:
      return unsupported(def.type);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A strict object: only its own keys, each passing its check (an absent key reads as undefined). */
function compileObject(schema: z.ZodType): Check {
  const def = defOf(schema).def;
  if (def.type !== 'object' || !def.shape || defOf(def.catchall!).def.type !== 'never') unsupported('a non-strict object');
  const fields = Object.entries(def.shape).map(([key, field]) => ({ key, check: compile(field) }));
  const known = new Set(fields.map((f) => f.key));
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const key in v) if (!known.has(key)) return false;
    for (const { key, check } of fields) if (!check(v[key])) return false;
    return true;
  };
}

interface KindCheck {
  readonly check: Check;
  /** zod's own parse, for a kind whose schema has a refinement. */
  readonly refined: z.ZodType | undefined;
}

const KINDS = new Map<unknown, KindCheck>(
  AuditEventSchema.options.map((option) => [
    option.shape.kind.value,
    { check: compileObject(option), refined: defOf(option).def.checks?.length ? option : undefined },
  ]),
);

/** True when zod would accept the event as it is (the event itself is not copied or changed). */
export function isValidEvent(event: unknown): event is AuditEvent {
  if (!isPlainObject(event)) return false;
  const kind = KINDS.get(event.kind);
  if (!kind || !kind.check(event)) return false;
  return kind.refined ? kind.refined.safeParse(event).success : true;
}
