-- Codings marked as representative quotes: reports take them first for their theme.
ALTER TABLE codings ADD COLUMN representative INTEGER NOT NULL DEFAULT 0
  CHECK (representative IN (0, 1));
