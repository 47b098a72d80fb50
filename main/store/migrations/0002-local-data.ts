import type { Migration } from '../migration';

/**
 * Staff, the device, 照会番号, check records and the job queue. Columns named `sealed` hold
 * AES-GCM ciphertext of everything that identifies a patient; `*_hash` columns are keyed hashes,
 * so exact lookups and uniqueness work without the plain value.
 */
export const localDataMigration: Migration = {
  version: 2,
  name: 'local-data',
  up: `
    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('clerk', 'admin')),
      passcode_hash BLOB NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE device (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      institution_code TEXT,
      user_id TEXT,
      credential BLOB,
      state TEXT NOT NULL CHECK (state IN ('unactivated', 'activated', 'deactivated')),
      activated_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE inquiry_numbers (
      id INTEGER PRIMARY KEY,
      institution_code TEXT NOT NULL,
      reference_hash BLOB NOT NULL,
      identity_hash BLOB NOT NULL,
      sealed BLOB NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (institution_code, reference_hash)
    ) STRICT;
    CREATE INDEX inquiry_numbers_identity ON inquiry_numbers (institution_code, identity_hash);
    CREATE TABLE check_records (
      id INTEGER PRIMARY KEY,
      checked_at TEXT NOT NULL,
      staff_id INTEGER,
      outcome TEXT NOT NULL,
      sealed BLOB NOT NULL
    ) STRICT;
    CREATE INDEX check_records_checked_at ON check_records (checked_at);
    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      key_hash BLOB UNIQUE,
      sealed BLOB NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL,
      next_run_at INTEGER NOT NULL,
      lease_until INTEGER,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX jobs_due ON jobs (state, next_run_at);
  `,
};
