-- Speakers left out of analysis (interviewers, moderators): their turns are still text, but
-- codings inside them are not retrieved or counted unless asked for.
ALTER TABLE cases ADD COLUMN analysed INTEGER NOT NULL DEFAULT 1 CHECK (analysed IN (0, 1));

-- Finding the turn a coding lies in.
CREATE INDEX utterances_by_start ON utterances (document_id, start_cp);
