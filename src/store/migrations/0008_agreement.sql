-- Agreement figures as they were computed (`thematica agree`), so that a paper can report the
-- figures from before reconciliation honestly. Not undone with the changes around them: the
-- history of what was computed stays whatever is undone later.
CREATE TABLE agreement_runs (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  unit TEXT NOT NULL,
  coders TEXT NOT NULL,         -- the compared coders' names, one per line
  documents INTEGER NOT NULL,   -- compared
  codes INTEGER NOT NULL,       -- compared
  pooled REAL,                  -- the pooled coefficient; NULL when undefined
  report TEXT NOT NULL          -- the whole result, as `agree --json` prints it
);

-- The team's decision on each disagreement between coders, with its reason. The consensus
-- coder's codings it produced are ordinary codings; undoing a decision removes both.
CREATE TABLE reconciliation_decisions (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  start_cp INTEGER NOT NULL,    -- the disputed passage, [start_cp, end_cp)
  end_cp INTEGER NOT NULL,
  coders TEXT NOT NULL,         -- the compared coders' names, one per line
  consensus_coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,           -- missing, other-code, boundaries
  decision TEXT NOT NULL,       -- take, both, adjust, discard
  taken TEXT NOT NULL DEFAULT '',  -- take: whose version
  memo TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reconciliation_decisions_by_passage
  ON reconciliation_decisions (document_id, code_id, start_cp);
