/**
 * The audit tables. `content` is the canonical JSON of one event and `mac` its chain MAC; the
 * columns used for searching are generated from `content`, so they cannot disagree with what the
 * MAC covers. There is deliberately no index on `patient`: every index page is one more WAL frame
 * written and synced per append, while "who viewed this patient" is a rare administrator query
 * that can afford a scan. `audit_shipping` remembers how far the collector has confirmed receipt.
 */
export const AUDIT_SCHEMA_SQL = `
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    content TEXT NOT NULL,
    mac BLOB NOT NULL CHECK (length(mac) = 32),
    patient TEXT GENERATED ALWAYS AS (json_extract(content, '$.patient')) VIRTUAL
  ) STRICT;
  CREATE TABLE audit_shipping (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    confirmed_through INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
`;
