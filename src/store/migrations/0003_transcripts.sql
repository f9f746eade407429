-- Transcripts: the speaker turns of a document, and speakers as cases.

-- A case that stands for a speaker carries the key its label is matched by (see speaker_key()),
-- so "Jane Doe" in two sessions is one participant.
ALTER TABLE cases ADD COLUMN speaker_key TEXT;
CREATE UNIQUE INDEX cases_speaker_key ON cases (speaker_key) WHERE speaker_key IS NOT NULL;

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
