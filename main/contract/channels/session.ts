/**
 * Set-up and the clerk's session: activating the cart, registering clerks with their passcode,
 * unlocking and locking. Passcodes travel only inside these requests, are checked and wiped in the
 * services host, and never come back in an answer or an event.
 */
import { z } from 'zod';
import { call } from '../define';

const Passcode = z.string().regex(/^\d{4}$/, 'パスコードは数字4桁で入力してください');
const StaffRole = z.enum(['clerk', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const SessionStateSchema = z.object({
  device: z.object({
    state: z.enum(['unactivated', 'activated', 'deactivated']),
    institutionCode: z.string().nullable(),
    userId: z.string().nullable(),
  }),
  staff: z.array(z.object({ id: z.number().int(), displayName: z.string(), role: StaffRole, locked: z.boolean() })),
  /** The clerk who unlocked the cart; null while it is locked. */
  current: z.object({ id: z.number().int(), displayName: z.string(), role: StaffRole }).nullable(),
  /** Why the cart is locked: after 'idle' the screen says patient data was cleared. */
  lockCause: z.enum(['idle', 'manual', 'shutdown']).nullable(),
  idleLockSeconds: z.number().int(),
  /** The audit log found a break and records nothing until an administrator accepts it. */
  auditBreak: z.object({ seq: z.number().int().positive(), problem: z.string() }).nullable(),
  trainingMode: z.boolean(),
  /** 研修モード only: the simulator's ready account, so training can start without a real terminal. */
  trainingAccount: z
    .object({ institutionCode: z.string(), userId: z.string(), password: z.string(), activationCode: z.string() })
    .nullable(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

const Empty = z.object({}).strict();

export const sessionChannels = {
  'session.state': call(Empty, SessionStateSchema),
  'session.unlock': call(z.object({ staffId: z.number().int().positive(), passcode: Passcode }).strict(), SessionStateSchema),
  'session.lock': call(Empty, SessionStateSchema),
  /** Any input on the screen: restarts the idle countdown. */
  'session.activity': call(Empty, z.object({ ok: z.literal(true) })),
  'setup.activate': call(
    z
      .object({
        institutionCode: z.string().regex(/^\d{10}$/, '医療機関コードは10桁の数字です'),
        userId: z.string().regex(/^[A-Za-z0-9]{2,8}$/, 'ユーザーIDは半角英数字2〜8文字です'),
        password: z.string().min(1).max(128),
        activationCode: z.string().min(1).max(64),
      })
      .strict(),
    SessionStateSchema,
  ),
  /** The first administrator during set-up; afterwards only an administrator may add staff. */
  'setup.addStaff': call(z.object({ displayName: z.string().trim().min(1).max(40), role: StaffRole, passcode: Passcode }).strict(), SessionStateSchema),
  /**
   * Only while the store answers STORE_KEY_LOST: deletes what the lost OS key sealed (照会番号, check
   * history, queued jobs, staff and the device credential; settings stay), so set-up runs again.
   */
  'setup.discardAfterKeyLoss': call(z.object({ confirm: z.literal(true) }).strict(), SessionStateSchema),
  'staff.unlock': call(z.object({ staffId: z.number().int().positive() }).strict(), SessionStateSchema),
};

export const sessionEvents = {
  /** The session changed (unlocked, locked, staff added): screens re-read what they show. */
  'session.changed': SessionStateSchema,
};
