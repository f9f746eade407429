#pragma once
// Retrieval: the coded segments of codes with their text and context, and code frequencies.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/entities.hpp"
#include "store/store.hpp"

namespace thematica {

struct SegmentQuery {
  std::vector<std::string> codes;  // paths; empty = every code
  bool include_subcodes = false;
  // With several codes: only codings that overlap, in the same document, a coding of every other
  // code named ("where the codes overlap"); otherwise codings of any of them.
  bool overlapping = false;
  std::vector<std::string> coders;     // empty = every coder
  std::vector<std::string> documents;  // empty = every document
  std::optional<std::string> group;    // only documents of this group
  // Only text belonging to cases with all these variable values (a whole document linked to the
  // case, or a coding that overlaps a range linked to it).
  std::vector<std::pair<std::string, std::string>> where;
  std::uint64_t context = 0;  // code points of context on each side
  // Also codings inside turns of speakers left out of analysis (Case::analysed false).
  bool all_speakers = false;
};

struct Segment {
  Coding coding;
  std::string document;
  std::string code;  // path
  std::string coder;
  std::string text;
  std::string before;  // up to `context` code points before the segment
  std::string after;
  std::vector<std::string> speakers;  // transcripts: who speaks in the segment, in turn order
  // Parallel to `speakers`: each speaker's case variable values (name, value), by name.
  std::vector<std::vector<std::pair<std::string, std::string>>> speaker_values;
  std::optional<int> page;  // paginated documents (PDF): the page the segment starts on
  // Transcripts: the first turn the segment overlaps (its position) and that turn's start time.
  std::optional<int> turn;
  std::optional<std::int64_t> turn_start_ms;
};

// Segments in document order, then by position. Errors: kNotFound for unknown names;
// kInvalidInput for a value the variable's type rejects.
Result<std::vector<Segment>> find_segments(Store& store, const SegmentQuery& query);

// CSV (RFC 4180) of segments as a researcher reads them: id, document, code, coder, start, end,
// speakers, speaker_values ("name=value; ..." per speaker, speakers separated by " | "), text,
// comment, important, representative.
std::string segments_csv(const std::vector<Segment>& segments);

struct FrequencyTable {
  FrequencyAxis axis = FrequencyAxis::kDocument;
  std::vector<std::string> columns;  // document or coder names
  struct Row {
    std::string code;                  // path
    std::vector<std::int64_t> counts;  // one per column
    std::int64_t total = 0;
  };
  std::vector<Row> rows;  // every code, in tree order
};

// Codings inside turns of speakers left out of analysis are not counted unless `all_speakers`.
Result<FrequencyTable> code_frequencies(Store& store, FrequencyAxis axis,
                                        bool all_speakers = false);

}  // namespace thematica
