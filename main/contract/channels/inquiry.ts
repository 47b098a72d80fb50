/**
 * 照会番号 management for the admin screens: register, edit, delete, search, and CSV in and out.
 * Field limits here are the outer bounds; the store's validation gives the precise reasons.
 */
import { z } from 'zod';
import { call } from '../define';

export const InquiryRecordSchema = z.object({
  referenceNumber: z.string().max(200),
  insurerNumber: z.string().max(20),
  symbol: z.string().max(200),
  number: z.string().max(200),
  branch: z.string().max(20),
  birthDate: z.string().max(20),
}).strict();

export const InquiryEntrySchema = InquiryRecordSchema.extend({ id: z.number().int(), updatedAt: z.string() });

const FieldSchema = z.enum(['referenceNumber', 'insurerNumber', 'symbol', 'number', 'branch', 'birthDate']);
const CsvEncodingSchema = z.enum(['utf8', 'cp932']);
const Id = z.object({ id: z.number().int().positive() }).strict();

export const inquiryChannels = {
  'inquiry.list': call(z.object({ search: z.string().max(50).optional() }).strict(), z.object({ entries: z.array(InquiryEntrySchema) })),
  'inquiry.register': call(InquiryRecordSchema, InquiryEntrySchema),
  'inquiry.edit': call(z.object({ id: z.number().int().positive(), record: InquiryRecordSchema }).strict(), InquiryEntrySchema),
  'inquiry.delete': call(Id, z.object({ deleted: z.literal(true) })),
  /** All rows or none; every bad row comes back with its reason. */
  'inquiry.import': call(
    z.object({ csvBase64: z.base64().max(40_000_000), encoding: z.enum(['auto', 'utf8', 'cp932']).default('auto') }).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), added: z.number().int(), updated: z.number().int(), encoding: CsvEncodingSchema }),
      z.object({
        ok: z.literal(false),
        encoding: CsvEncodingSchema,
        problems: z.array(z.object({ row: z.number().int(), field: FieldSchema.nullable(), reason: z.string() })),
      }),
    ]),
  ),
  'inquiry.export': call(
    z.object({ encoding: CsvEncodingSchema }).strict(),
    z.object({
      csvBase64: z.base64(),
      count: z.number().int(),
      /** Row and column only: which values CP932 could not hold is for the file, not the screen. */
      warnings: z.array(z.object({ row: z.number().int(), field: FieldSchema, reason: z.string() })),
    }),
  ),
};
