/**
 * The audit log over IPC, for the administrator's screen: its state (and whether appends are
 * stopped by a break), verification, acknowledging a break, and "who viewed this patient" from the
 * insurance identifiers. Rows carry staff IDs and keyed patient hashes only.
 */
import { z } from 'zod';
import { call } from '../define';

const StaffId = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);
const ChainBreakSchema = z.object({
  seq: z.number().int().positive(),
  problem: z.enum(['mac-mismatch', 'missing-row', 'truncated', 'anchor-mismatch']),
});

export const AuditStatusSchema = z.object({
  state: z.enum(['ok', 'broken']),
  lastSeq: z.number().int().nonnegative(),
  break: ChainBreakSchema.optional(),
  /** The newest anchor could not be written (rows are still durable); an error code. */
  anchorProblem: z.string().optional(),
  shipping: z
    .object({
      confirmedThrough: z.number().int().nonnegative(),
      failures: z.number().int().nonnegative(),
      lastError: z.string().optional(),
      nextAttemptAt: z.iso.datetime().optional(),
    })
    .nullable(),
});

/** Shipping to the hospital's collector as the audit screen shows it; `message` is the sentence to show. */
export const AuditShippingStatusSchema = z.object({
  state: z.enum(['not-configured', 'up-to-date', 'sending', 'retrying']),
  collector: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  confirmedThrough: z.number().int().nonnegative(),
  backlog: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  lastError: z.object({ cause: z.string(), message: z.string() }).nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  message: z.string(),
});

export const AuditVerifyReportSchema = z.object({
  ok: z.boolean(),
  mode: z.enum(['full', 'from-anchor']),
  from: z.number().int(),
  through: z.number().int(),
  checked: z.number().int(),
  firstBad: ChainBreakSchema.optional(),
  acknowledged: z.array(ChainBreakSchema),
  anchor: z.object({ seq: z.number().int() }).optional(),
});

export const AuditFindRequestSchema = z
  .object({
    insurer: z.string().min(1).max(12),
    symbol: z.string().max(20).optional(),
    number: z.string().min(1).max(20),
    branch: z.string().max(2).optional(),
    birthdate: z.string().min(8).max(10),
  })
  .strict();

export const AuditRowSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  atTokyo: z.iso.datetime({ offset: true }),
  kind: z.string(),
  actor: z.string(),
});

export const auditChannels = {
  'audit.status': call(z.object({}).strict(), AuditStatusSchema),
  'audit.verify': call(z.object({ full: z.boolean().default(false) }).strict(), AuditVerifyReportSchema),
  /** The administrator accepts the break the last verification named; recorded as the next row. */
  'audit.acknowledge': call(z.object({ admin: StaffId, breakAt: z.number().int().positive() }).strict(), z.object({ seq: z.number().int().positive() })),
  'audit.find': call(AuditFindRequestSchema, z.object({ rows: z.array(AuditRowSchema) })),
  'audit.shipping': call(z.object({}).strict(), AuditShippingStatusSchema),
  /** The log as a file for the institution's reviews, from a Tokyo date on; the export is itself recorded. */
  'audit.export': call(
    z.object({ format: z.enum(['jsonl', 'csv']), since: z.iso.date().optional() }).strict(),
    z.object({ filename: z.string(), contentBase64: z.string(), rows: z.number().int().nonnegative() }),
  ),
};
