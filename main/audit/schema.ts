/**
 * The audit tables. `content` is the canonical JSON of one event and `mac` its chain MAC; the
 * columns used for searching are generated from `content`, so they cannot disagree with what the
 * MAC covers. `audit_shipping` remembers how far the collector has confirmed receipt.
 */
export const AUDIT_SCHEMA_SQL = `
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    content TEXT NOT NULL,
    mac BLOB NOT NULL CHECK (length(mac) = 32),
    patient TEXT GENERATED ALWAYS AS (json_extract(content, '$.patient')) VIRTUAL
  ) STRICT;
  CREATE INDEX audit_log_patient ON audit_log (patient) WHERE patient IS NOT NULL;
  CREATE TABLE audit_shipping (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    confirmed_through INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
`;
