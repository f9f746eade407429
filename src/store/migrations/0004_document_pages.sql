-- Pages of paginated documents (PDF), so a quote can cite the page it is on.

CREATE TABLE document_pages (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  start_cp INTEGER NOT NULL CHECK (start_cp >= 0),  -- where the page starts in the text
  PRIMARY KEY (document_id, page)
) WITHOUT ROWID;
