-- Report settings saved under a name, so the same report can be run again, from the CLI or the
-- web workspace, and give the same file. `settings` is the JSON the services write and read.
CREATE TABLE saved_reports (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('themes', 'matrix')),
  settings TEXT NOT NULL CHECK (json_valid(settings))
);
