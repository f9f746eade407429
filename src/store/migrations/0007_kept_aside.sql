-- What exchange files (REFI-QDA projects) held that a project cannot represent: graphs, regions of
-- pictures and PDF pages, media files and their selections, links. Kept as the file wrote them,
-- so an import can report them and an export can write the ones it can back.
CREATE TABLE kept_aside (
  id INTEGER PRIMARY KEY,
  element TEXT NOT NULL,
  guid TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  owner_guid TEXT NOT NULL DEFAULT '',
  xml TEXT NOT NULL
);
