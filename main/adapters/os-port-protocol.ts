/**
 * The small protocol on which the services process asks the Electron main process for what only
 * the main process can do (safeStorage). Bytes travel as base64; errors carry only a class name.
 */
export interface OsRequest {
  id: number;
  op: 'protect' | 'unprotect';
  data: string;
}

export type OsResponse = { id: number; ok: true; data: string } | { id: number; ok: false; error: string };
