-- What each pseudonymisation replaced, for the ethics file: by document, category and pseudonym,
-- how many times. Never the originals, which live in the key file only.
CREATE TABLE pseudonymisation_log (
  event_id INTEGER NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,  -- logged last
  document TEXT NOT NULL,   -- the document's name (pseudonymised too) when it was applied
  category TEXT NOT NULL,   -- person, place, ... (identifier category names)
  pseudonym TEXT NOT NULL,
  replaced INTEGER NOT NULL CHECK (replaced > 0),
  PRIMARY KEY (event_id, document, category, pseudonym)
) WITHOUT ROWID;
