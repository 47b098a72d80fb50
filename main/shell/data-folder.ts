/**
 * The app's data folder: %ProgramData%\onshi-cart, because a cart is shared by several Windows users
 * with one OQS account per device. Elsewhere (a developer's macOS or Linux) the user data folder.
 */
import { app } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export function appDataFolder(): string {
  const base = process.platform === 'win32' && process.env.ProgramData ? process.env.ProgramData : app.getPath('userData');
  const dir = path.join(base, 'onshi-cart');
  mkdirSync(dir, { recursive: true });
  return dir;
}
