#pragma once
// The codings a report covers, held compactly (a million take about 100 MB): where each lies, its
// code, whether it is a representative quote, the turn it starts in and who speaks in it. Reports
// count over these and read text only for the quotes they show.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/entities.hpp"
#include "store/store.hpp"

namespace thematica {

struct ReportCoding {
  Id id = 0;
  Id document_id = 0;
  std::uint32_t document = 0;  // index into ReportCorpus::document_names
  Id code_id = 0;
  Range range;  // code points
  std::uint64_t byte_start = 0;
  std::uint64_t byte_end = 0;
  std::int64_t turn = -1;            // the position of the turn it starts in; -1 outside turns
  std::int64_t turn_start_ms = -1;   // that turn's time; -1 when it has none
  std::uint32_t speakers_begin = 0;  // its speakers: ReportCorpus::speakers[begin, end)
  std::uint32_t speakers_end = 0;
  bool representative = false;
};

// Speakers (cases) and documents are numbered from 0 in the project's order, so counting
// distinct ones takes arrays rather than hash sets.
struct ReportCorpus {
  static constexpr std::uint32_t kNoSpeaker = UINT32_MAX;

  // By document, then in the store's order (the same for the same project file); reports order
  // quotes themselves.
  std::vector<ReportCoding> codings;
  // The codings' speakers (indices into case_ids), in turn order, each once per coding.
  std::vector<std::uint32_t> speakers;
  std::vector<Id> case_ids;  // every case of the project
  std::vector<std::string> case_names;
  std::vector<bool> case_analysed;  // false for a speaker left out of analysis (an interviewer)
  std::vector<Id> document_ids;     // every document of the project
  std::vector<std::string> document_names;

  std::size_t speaker_count(const ReportCoding& c) const {
    return c.speakers_end - c.speakers_begin;
  }
  std::uint32_t speaker(const ReportCoding& c, std::size_t i) const {
    return speakers[c.speakers_begin + i];
  }
  // The first speaker (the one whose turn the coding starts in), or kNoSpeaker.
  std::uint32_t first_speaker(const ReportCoding& c) const {
    return c.speakers_begin < c.speakers_end ? speakers[c.speakers_begin] : kNoSpeaker;
  }
};

// The codings of `code_ids` by `coder_ids` (every coder when empty). As in retrieval, codings
// lying inside a turn of a speaker left out of analysis are not included; a coding's speakers are
// the cases of the turns it overlaps, or, in a document without turns linked as a whole to one
// case, that case. Errors: kIo from the store.
Result<ReportCorpus> load_report_corpus(Store& store, const std::vector<Id>& code_ids,
                                        const std::vector<Id>& coder_ids);

// The texts of the given codings, in the same order, read from their documents.
Result<std::vector<std::string>> report_texts(Store& store,
                                              const std::vector<const ReportCoding*>& codings);

// Where a quote is in its document: the turn's time ("12:05"), the page ("page 3"), or the
// position ("characters 120-180"). `page_starts` as Store::page_starts gives them.
std::string report_position(const ReportCoding& c, const std::vector<std::uint64_t>& page_starts);

}  // namespace thematica
