/** Settings as one row per name (JSON), so adding a setting needs no migration. */
import { AppError } from '../contract/errors';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../contract/channels/settings';
import type { StoreDatabase } from './database';

export function readSettings(store: StoreDatabase): Settings {
  const rows = store.db.prepare('SELECT name, value FROM settings').all() as { name: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, row.name)) stored[row.name] = JSON.parse(row.value);
  }
  // A value an older or newer version wrote that no longer fits falls back to the default, key by key.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [name, value] of Object.entries(stored)) {
    const candidate = { ...merged, [name]: value };
    if (SettingsSchema.safeParse(candidate).success) merged[name] = value;
  }
  return SettingsSchema.parse(merged);
}

export function updateSettings(store: StoreDatabase, patch: Partial<Settings>): Settings {
  const next = SettingsSchema.safeParse({ ...readSettings(store), ...patch });
  if (!next.success) {
    const where = next.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError('SETTINGS_INVALID', '設定値に誤りがあります。入力内容をご確認ください。', where);
  }
  const upsert = store.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  store.db.transaction(() => {
    for (const name of Object.keys(patch)) upsert.run(name, JSON.stringify(next.data[name as keyof Settings]));
  })();
  return next.data;
}
