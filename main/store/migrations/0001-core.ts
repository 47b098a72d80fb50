import type { Migration } from '../migration';

/** The wrapped data key and the settings table. */
export const coreMigration: Migration = {
  version: 1,
  name: 'core',
  up: `
    CREATE TABLE store_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      wrapped BLOB NOT NULL,
      key_check BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE settings (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
