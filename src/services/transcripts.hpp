#pragma once
// Transcripts in a project: the import of a read transcript with its
// speakers as cases (one project-wide case per speaker key) and one utterance per turn.

#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "ingest/transcript.hpp"
#include "store/store.hpp"

namespace thematica {

struct TranscriptImport {
  std::size_t turns = 0;
  std::size_t speakers = 0;
};

// Records the turns of document `document_id` (whose text is transcript.text): each speaker
// becomes (or is matched to) a case, each turn an utterance and a link from that case to the
// turn's range. Call inside a change.
Result<TranscriptImport> record_transcript(Store& store, Id document_id,
                                           const Transcript& transcript);

// Records turns whose cases are already known (`cases` parallel to transcript.turns; nullopt for
// turns nobody is credited with): survey answers, whose respondent ids must not be matched as
// speaker labels. Call inside a change.
Status record_attributed_turns(Store& store, Id document_id, const Transcript& transcript,
                               const std::vector<std::optional<Id>>& cases);

}  // namespace thematica
