-- Sets of codes (REFI-QDA's <Set>): a named selection of codes from anywhere in the tree, such as
-- "Emotions", kept when codebooks move between programs.
CREATE TABLE code_sets (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE code_set_members (
  set_id INTEGER NOT NULL REFERENCES code_sets(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, code_id)
) WITHOUT ROWID;
CREATE INDEX code_set_members_by_code ON code_set_members (code_id);
