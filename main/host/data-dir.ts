/**
 * Where the database and key files live outside the Electron app: --data-dir, else ONSHI_DATA_DIR,
 * else `.data` under the current folder. (The app itself gets %ProgramData% from the shell.)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export function resolveDataDir(fromArgs?: string): string {
  const dir = path.resolve(fromArgs ?? process.env.ONSHI_DATA_DIR ?? '.data');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
