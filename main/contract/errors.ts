/**
 * The one shape every failure takes when it leaves a service: a short code the clerk can read out
 * to support, a plain Japanese sentence that says what to do next, and an optional technical detail
 * (never patient data, never a PIN).
 */
import { z } from 'zod';

export const AppErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  detail: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

export class AppError extends Error {
  readonly code: string;
  readonly detail: string | undefined;

  constructor(code: string, message: string, detail?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  toShape(): AppErrorShape {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Errors raised by the IPC layer itself, before a service is reached. */
export const IpcErrors = {
  unknownChannel: (channel: string) =>
    new AppError('IPC_UNKNOWN_CHANNEL', 'アプリ内部の呼び出しが正しくありません。アプリを再起動してください。', `unknown channel: ${channel.slice(0, 80)}`),
  invalidRequest: (detail: string) =>
    new AppError('IPC_INVALID_REQUEST', '入力内容に誤りがあります。入力をご確認のうえ、もう一度お試しください。', detail),
  invalidResponse: (detail: string) =>
    new AppError('IPC_INVALID_RESPONSE', 'アプリ内部で想定外の応答がありました。もう一度お試しください。続く場合は管理者へご連絡ください。', detail),
  untrustedSender: () =>
    new AppError('IPC_UNTRUSTED_SENDER', 'この画面からの操作は受け付けられません。アプリを再起動してください。'),
  unauthorized: () =>
    new AppError('IPC_UNAUTHORIZED', '接続が認証されていません。表示されたアドレスから開き直してください。'),
  internal: (detail?: string) =>
    new AppError('INTERNAL', '想定外のエラーが発生しました。もう一度お試しください。続く場合は管理者へご連絡ください。', detail),
  hostUnavailable: () =>
    new AppError('HOST_UNAVAILABLE', 'アプリの処理部が応答していません。アプリを再起動してください。'),
} as const;

/** Anything thrown becomes an AppError; unknown throwables keep only their class name as detail. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.name : typeof err;
  return IpcErrors.internal(detail);
}
