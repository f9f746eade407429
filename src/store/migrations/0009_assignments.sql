-- Which documents each coder is asked to code: the lead's plan for independent (blind) double
-- coding, and what the workspace shows a coder first.
CREATE TABLE assignments (
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (coder_id, document_id)
) WITHOUT ROWID;
