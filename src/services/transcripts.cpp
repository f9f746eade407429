#include "services/transcripts.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "ingest/speaker_text_reader.hpp"
#include "ingest/srt_reader.hpp"
#include "ingest/vtt_reader.hpp"
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

Result<std::string> choose_reader(const std::string& path, const std::optional<std::string>& kind) {
  if (kind) {
    if (*kind == "text" || *kind == "webvtt" || *kind == "srt" || *kind == "speaker-text") {
      return *kind;
    }
    return failf(ErrorKind::kInvalidInput,
                 "unknown --kind '{}'; use text, speaker-text, webvtt or srt", *kind);
  }
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".vtt") return std::string("webvtt");
  if (ext == ".srt") return std::string("srt");
  return std::string("text");
}

Result<Transcript> read_transcript(const TextFile& file, const std::string& reader) {
  const std::string& text = file.text.utf8();
  TRY(cues, reader == "srt"            ? read_srt_cues(text)
            : reader == "speaker-text" ? read_speaker_text_cues(text)
                                       : read_vtt_cues(text));
  return assemble_transcript(cues, reader);
}

Result<TranscriptImport> record_transcript(Store& store, Id document_id,
                                           const Transcript& transcript) {
  std::map<std::string, Id> speakers;  // speaker key -> case
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
    if (!turn.speaker.empty()) {
      std::string key = speaker_key(turn.speaker);
      if (!speakers.contains(key)) {
        TRY(kase, ensure_speaker_case(store, turn.speaker));
        speakers[key] = kase.id;
      }
      u.case_id = speakers[key];
      links.push_back(CaseLink{*u.case_id, document_id, turn.range});
    }
    utterances.push_back(std::move(u));
  }
  TRY_STATUS(store.insert_case_links(links));
  TRY_STATUS(store.insert_utterances(utterances));
  return TranscriptImport{utterances.size(), speakers.size()};
}

}  // namespace thematica
