-- The core schema: documents, codebook, coders, codings, memos, cases and variables, groups, and
-- the append-only event log. Positions are Unicode code points, half-open [start_cp, end_cp).

CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  guid TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL,
  original_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  length INTEGER NOT NULL CHECK (length >= 0),
  byte_size INTEGER NOT NULL CHECK (byte_size >= 0)
);

-- The canonical text lives apart from the metadata, so renaming or listing documents never reads
-- or rewrites a transcript. It never changes after import.
CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL
);

CREATE TABLE codes (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES codes(id),
  name TEXT NOT NULL COLLATE NOCASE,
  colour TEXT NOT NULL,
  definition TEXT NOT NULL DEFAULT '',
  when_to_use TEXT NOT NULL DEFAULT '',
  when_not_to_use TEXT NOT NULL DEFAULT '',
  example TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX codes_sibling_name ON codes (coalesce(parent_id, 0), name);

-- Clustered by code: a code's segments are one contiguous run of the table, which makes
-- retrieval and the code-by-document table sequential reads. The key is also the rule that one
-- coder cannot code the same span with the same code twice. The id is assigned by the store.
CREATE TABLE codings (
  id INTEGER NOT NULL UNIQUE,
  guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id),
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
  -- The same span in bytes of the UTF-8 text: derived from the code points by the store, kept so
  -- a segment is read without loading the whole text.
  start_byte INTEGER NOT NULL CHECK (start_byte >= 0),
  end_byte INTEGER NOT NULL CHECK (end_byte > start_byte),
  comment TEXT NOT NULL DEFAULT '',
  important INTEGER NOT NULL DEFAULT 0 CHECK (important IN (0, 1)),
  created_at TEXT NOT NULL,
  PRIMARY KEY (code_id, document_id, start_cp, end_cp, coder_id)
) WITHOUT ROWID;
CREATE INDEX codings_by_document ON codings (document_id, start_cp);

CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  target TEXT NOT NULL CHECK (target IN ('project', 'document', 'code', 'coding')),
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  coding_id INTEGER REFERENCES codings(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE document_groups (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE document_group_members (
  group_id INTEGER NOT NULL REFERENCES document_groups(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, document_id)
) WITHOUT ROWID;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE variables (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'category'))
);

CREATE TABLE variable_categories (
  variable_id INTEGER NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (variable_id, position)
) WITHOUT ROWID;

CREATE TABLE case_values (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  variable_id INTEGER NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (case_id, variable_id)
) WITHOUT ROWID;

-- A case owns a whole document (no range) or a span of one.
CREATE TABLE case_links (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_cp INTEGER,
  end_cp INTEGER,
  CHECK ((start_cp IS NULL) = (end_cp IS NULL)),
  CHECK (start_cp IS NULL OR (start_cp >= 0 AND end_cp > start_cp))
);
CREATE UNIQUE INDEX case_links_exact
  ON case_links (case_id, document_id, coalesce(start_cp, -1), coalesce(end_cp, -1));
CREATE INDEX case_links_by_document ON case_links (document_id);

-- One row per committed change. Never updated or deleted.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  coder TEXT NOT NULL DEFAULT '',  -- the name at the time, so undoing a coder's creation keeps it
  operation TEXT NOT NULL,
  summary TEXT NOT NULL,
  undoes INTEGER REFERENCES events(id)
);
CREATE UNIQUE INDEX events_undoes ON events (undoes) WHERE undoes IS NOT NULL;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- The inverse of recent changes (SQLite session changesets), for undo. Only the newest are kept.
CREATE TABLE undo_data (
  event_id INTEGER PRIMARY KEY REFERENCES events(id),
  changeset BLOB NOT NULL
);

-- Rows a change inserted in bulk, undone by deleting the id range rather than through a
-- changeset (which would hold a copy of every row).
CREATE TABLE undo_inserted (
  event_id INTEGER NOT NULL,
  table_name TEXT NOT NULL CHECK (table_name IN ('codings')),
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  PRIMARY KEY (event_id, table_name)
);

-- Texts of deleted documents, kept while the deletion can still be undone (changesets leave
-- canonical texts out).
CREATE TABLE undo_texts (
  event_id INTEGER NOT NULL,
  document_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (event_id, document_id)
);
