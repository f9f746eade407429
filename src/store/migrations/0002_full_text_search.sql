-- Full-text search over canonical texts. An external-content FTS5 index: the text is stored once
-- (in document_texts) and the index follows it through triggers, which also keeps undo (which
-- re-applies row changes) in step.

CREATE VIRTUAL TABLE document_search USING fts5(
  text,
  content = 'document_texts',
  content_rowid = 'document_id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER document_texts_indexed AFTER INSERT ON document_texts BEGIN
  INSERT INTO document_search (rowid, text) VALUES (new.document_id, new.text);
END;
CREATE TRIGGER document_texts_unindexed AFTER DELETE ON document_texts BEGIN
  INSERT INTO document_search (document_search, rowid, text)
    VALUES ('delete', old.document_id, old.text);
END;
CREATE TRIGGER document_texts_reindexed AFTER UPDATE OF text ON document_texts BEGIN
  INSERT INTO document_search (document_search, rowid, text)
    VALUES ('delete', old.document_id, old.text);
  INSERT INTO document_search (rowid, text) VALUES (new.document_id, new.text);
END;

-- Projects written before this migration already hold texts.
INSERT INTO document_search (document_search) VALUES ('rebuild');
