-- Transcripts: the speaker turns of a document, and speakers as cases.

-- The speaker labels a case stands for, by the key they are matched with (see speaker_key()), so
-- "Jane Doe" in two sessions is one participant, and merging two speakers keeps both labels.
CREATE TABLE speaker_keys (
  key TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE
);
CREATE INDEX speaker_keys_by_case ON speaker_keys (case_id);

CREATE TABLE utterances (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),  -- the turn's number in its document
  case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,  -- the speaker, when known
  speaker_label TEXT NOT NULL,  -- as the file wrote it (kept for pseudonymisation keys)
  start_ms INTEGER CHECK (start_ms >= 0),
  end_ms INTEGER CHECK (end_ms >= start_ms),
  start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
  UNIQUE (document_id, position)
);
