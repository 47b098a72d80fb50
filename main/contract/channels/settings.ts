/**
 * The institution's settings as the UI edits them. The store validates against the same schema,
 * so a value the screen cannot send can never be saved either.
 */
import { z } from 'zod';
import { CONSENT_ITEMS } from '../../check/consent-items';
import { call } from '../define';

export const SettingsSchema = z.object({
  /** Which consent items the institution has enabled (診療情報, 薬剤情報, 特定健診情報, 手術情報). */
  enabledConsentItems: z.array(z.enum(CONSENT_ITEMS)).min(1).refine((a) => new Set(a).size === a.length, '重複があります'),
  /** The institution uses 電子処方箋, so the patient chooses 処方箋の発行方法. */
  electronicPrescription: z.boolean(),
  /** Seconds without input before the cart locks and clears patient data from the screen. */
  idleLockSeconds: z.number().int().min(30).max(1800),
  defaultIdentityMethod: z.enum(['pin', 'visual']),
  /** The PC/SC reader to use; null picks the only one attached. */
  readerName: z.string().min(1).max(200).nullable(),
  endpoints: z.object({
    /** 居宅同意取得型 consent gateway; null runs against the simulator (研修モード). */
    consentGateway: z.url({ protocol: /^https$/ }).nullable(),
    /** The 資格確認端末's shared folder (req/res). */
    terminalFolder: z.string().min(1).max(400).nullable(),
  }),
  language: z.enum(['ja', 'en']),
  /** Days the day's check history is kept before it is deleted. */
  checkRetentionDays: z.number().int().min(1).max(365),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabledConsentItems: [...CONSENT_ITEMS],
  electronicPrescription: false,
  idleLockSeconds: 120,
  defaultIdentityMethod: 'pin',
  readerName: null,
  endpoints: { consentGateway: null, terminalFolder: null },
  language: 'ja',
  checkRetentionDays: 30,
};

export const SettingsPatchSchema = SettingsSchema.partial().strict();

/**
 * The hospital's audit collector (syslog over TLS). Checked in the services host (host name or IP,
 * port 1–65535, a CA certificate that parses), so the shapes here are only loose bounds.
 */
export const AuditCollectorInputSchema = z
  .object({
    host: z.string().max(253),
    port: z.number(),
    /** The CA certificate as PEM text… */
    caPem: z.string().max(65536).optional(),
    /** …or the full path of its file on this PC. */
    caFile: z.string().max(1000).optional(),
    /** The cart's own certificate and private key, when the collector asks senders for one; each as PEM or a file path. */
    clientCertPem: z.string().max(65536).optional(),
    clientCertFile: z.string().max(1000).optional(),
    clientKeyPem: z.string().max(65536).optional(),
    clientKeyFile: z.string().max(1000).optional(),
  })
  .strict();

const CertificateViewSchema = z.object({ subject: z.string(), validTo: z.iso.datetime(), fingerprint256: z.string() });

export const AuditCollectorViewSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  ca: CertificateViewSchema,
  client: CertificateViewSchema.nullable(),
});

const CollectorAnswer = z.object({ collector: AuditCollectorViewSchema.nullable() });

export const settingsChannels = {
  'settings.get': call(z.object({}).strict(), SettingsSchema),
  'settings.update': call(SettingsPatchSchema, SettingsSchema),
  /** null: no collector configured, nothing is shipped. */
  'settings.auditCollector': call(z.object({}).strict(), CollectorAnswer),
  /** null removes the collector; shipping stops. */
  'settings.setAuditCollector': call(z.object({ collector: AuditCollectorInputSchema.nullable() }).strict(), CollectorAnswer),
};
