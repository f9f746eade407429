-- A pseudonymisation under review: what the researcher decided about each suggestion (or a span
-- they added), and the pseudonyms they chose instead of the proposed ones. Nothing in the texts
-- changes until the review is applied, which empties both tables. A decision keeps the digest of
-- the text it was made on, so that a text changed since cannot be applied with old positions.
CREATE TABLE pseudonymisation_decisions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
  category TEXT NOT NULL,   -- person, place, ... (identifier category names)
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'add')),
  text_sha256 TEXT NOT NULL,
  UNIQUE (document_id, start_cp, end_cp)
);

-- Dates, ages and the like share one label, so two entities may be given the same pseudonym.
-- Until applied, an entity's key ("case:<guid>", "person:<folded name>" ...) names the original,
-- as the texts still do.
CREATE TABLE pseudonym_choices (
  entity TEXT PRIMARY KEY,
  pseudonym TEXT NOT NULL
) WITHOUT ROWID;
