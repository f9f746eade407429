#include "services/transcripts.hpp"

#include <map>

#include "services/lookup.hpp"

namespace thematica {
namespace {

// The case for a speaker label: the one with the same key, else a case already named so (which
// then stands for the speaker), else a new case named after the label.
Result<Case> ensure_speaker_case(Store& store, const std::string& label) {
  std::string key = speaker_key(label);
  TRY(found, store.find_speaker_case(key));
  if (found) return *found;
  auto named = require_case(store, label);
  if (!named && named.error().kind != ErrorKind::kNotFound) return named;
  Case kase;
  if (named) {
    kase = *named;
  } else {
    TRY(made, store.insert_case(label));
    kase = made;
  }
  TRY_STATUS(store.set_speaker_key(kase.id, key));
  return kase;
}

}  // namespace

Result<TranscriptImport> record_transcript(Store& store, Id document_id,
                                           const Transcript& transcript) {
  std::map<std::string, Id> speakers;  // speaker key -> case
  std::vector<std::optional<Id>> cases;
  for (const Turn& turn : transcript.turns) {
    if (turn.speaker.empty()) {
      cases.emplace_back();
      continue;
    }
    std::string key = speaker_key(turn.speaker);
    if (!speakers.contains(key)) {
      TRY(kase, ensure_speaker_case(store, turn.speaker));
      speakers[key] = kase.id;
    }
    cases.push_back(speakers[key]);
  }
  TRY_STATUS(record_attributed_turns(store, document_id, transcript, cases));
  return TranscriptImport{transcript.turns.size(), speakers.size()};
}

Status record_attributed_turns(Store& store, Id document_id, const Transcript& transcript,
                               const std::vector<std::optional<Id>>& cases) {
  std::vector<Utterance> utterances;
  std::vector<CaseLink> links;
  for (std::size_t i = 0; i < transcript.turns.size(); ++i) {
    const Turn& turn = transcript.turns[i];
    Utterance u;
    u.document_id = document_id;
    u.position = static_cast<int>(i);
    u.speaker_label = turn.speaker;
    u.start_ms = turn.start_ms;
    u.end_ms = turn.end_ms;
    u.range = turn.range;
    u.case_id = cases[i];
    if (u.case_id) links.push_back(CaseLink{*u.case_id, document_id, turn.range});
    utterances.push_back(std::move(u));
  }
  TRY_STATUS(store.insert_case_links(links));
  TRY_STATUS(store.insert_utterances(utterances));
  return {};
}

}  // namespace thematica
