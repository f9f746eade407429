#include "services/code_matrix.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "services/lookup.hpp"
#include "services/report_scope.hpp"
#include "services/retrieval.hpp"

namespace thematica {
namespace {

using report::MatrixCount;

constexpr std::string_view kByDocument = "document";

// Which column a segment, or one of its speakers, falls in.
// Not copied or moved once made: the index holds views into its names.
class Columns {
 public:
  Columns(std::vector<std::string> names, std::string variable)
      : names_(std::move(names)), variable_(std::move(variable)) {
    index_.reserve(names_.size());
    for (std::size_t i = 0; i < names_.size(); ++i) index_[names_[i]] = i;
  }
  Columns(const Columns&) = delete;
  Columns& operator=(const Columns&) = delete;
  const std::vector<std::string>& names() const { return names_; }
  bool by_document() const { return variable_.empty(); }

  // The segment's column: its document, or its first speaker's group.
  std::size_t of(const Segment& s) const {
    return index_.at(by_document() ? std::string_view(s.document) : speaker_group(s, variable_));
  }
  // The column of the segment's `i`-th speaker.
  std::size_t of_speaker(const Segment& s, std::size_t i) const {
    if (by_document()) return index_.at(s.document);
    auto found = index_.find(speaker_group(s, variable_, i));
    // A later speaker with no value while no segment starts with one: counted as unknown only
    // when that column exists.
    return found == index_.end() ? names_.size() : found->second;
  }

 private:
  std::vector<std::string> names_;
  std::string variable_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

struct Tally {
  std::vector<std::int64_t> cells;
  std::int64_t total = 0;
  std::int64_t participants = 0;
  std::vector<std::int64_t> mentioned;  // participants per column
};

Tally tally(const std::vector<const Segment*>& segments, const Columns& columns,
            MatrixCount count) {
  std::size_t n = columns.names().size();
  Tally out{std::vector<std::int64_t>(n, 0), 0, 0, std::vector<std::int64_t>(n, 0)};
  std::vector<std::unordered_set<std::string_view>> documents(n), speakers(n);
  std::unordered_set<std::string_view> all_documents, all_speakers;
  for (const Segment* s : segments) {
    std::size_t column = columns.of(*s);
    if (count == MatrixCount::kSegments) ++out.cells[column];
    documents[column].insert(s->document);
    all_documents.insert(s->document);
    for (std::size_t i = 0; i < s->speakers.size(); ++i) {
      std::size_t speaker_column = columns.of_speaker(*s, i);
      if (speaker_column < n) speakers[speaker_column].insert(s->speakers[i]);
      all_speakers.insert(s->speakers[i]);
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    out.mentioned[c] = static_cast<std::int64_t>(speakers[c].size());
    if (count == MatrixCount::kDocuments)
      out.cells[c] = static_cast<std::int64_t>(documents[c].size());
    if (count == MatrixCount::kParticipants) out.cells[c] = out.mentioned[c];
  }
  out.participants = static_cast<std::int64_t>(all_speakers.size());
  switch (count) {
    case MatrixCount::kSegments:
      out.total = static_cast<std::int64_t>(segments.size());
      break;
    case MatrixCount::kDocuments:
      out.total = static_cast<std::int64_t>(all_documents.size());
      break;
    case MatrixCount::kParticipants:
      out.total = out.participants;
      break;
  }
  return out;
}

// Participants who mentioned the theme against those who did not, per group with members
// ("unknown" left out: its size is not a group's).
stats::IndependenceTest group_test(const std::vector<std::string>& columns,
                                   const std::vector<std::int64_t>& mentioned,
                                   const GroupSizes& sizes) {
  stats::CountTable table(2);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto members = sizes.members.find(columns[c]);
    if (members == sizes.members.end()) continue;
    table[0].push_back(mentioned[c]);
    table[1].push_back(std::max<std::int64_t>(0, members->second - mentioned[c]));
  }
  return stats::independence_test(table);
}

std::string methods_paragraph(const report::CodeMatrix& m, bool tested) {
  std::string what;
  switch (m.count) {
    case MatrixCount::kSegments:
      what = "coded segments";
      break;
    case MatrixCount::kDocuments:
      what = "documents with at least one coded segment";
      break;
    case MatrixCount::kParticipants:
      what = "participants (speakers) who mentioned the theme";
      break;
  }
  std::string text;
  if (m.by == kByDocument) {
    text = fmt::format("Each cell counts {} in a document.", what);
  } else {
    text = fmt::format(
        "Each cell counts {} in a group of participants defined by '{}'; a segment belongs to "
        "the group of the speaker whose turn it starts in, and a participant to their own group.",
        what, m.by);
  }
  text += " A theme's counts include its sub-themes.";
  text += m.count == MatrixCount::kParticipants && m.by != kByDocument
              ? " Column percentages are of the group's participants, row percentages of the "
                "theme's participants."
              : " Column percentages are of the column's total, row percentages of the theme's "
                "total.";
  if (tested) {
    text +=
        " For each theme, whether the share of participants who mentioned it differs between "
        "groups was tested with Pearson's chi-square test when every expected count was at least "
        "5, and otherwise with Fisher's exact test (two-sided); participants with no value were "
        "not tested.";
  }
  return text;
}

}  // namespace

Result<report::CodeMatrix> build_code_matrix(Store& store, const CodeMatrixSettings& settings) {
  if (settings.by.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "name the columns: --by VARIABLE (a case variable such as role) or --by document");
  }
  TRY(book, load_codebook(store));
  TRY(themes, report_themes(book, settings.codes));
  std::optional<Variable> variable;
  if (settings.by != kByDocument) {
    TRY(found, require_variable(store, settings.by));
    variable = std::move(found);
  }
  SegmentQuery query;
  for (const auto& theme : themes) query.codes.push_back(book.path_of(theme.id));
  query.coders = settings.coders;
  query.brief = true;
  TRY(segments, find_segments(store, query));

  report::CodeMatrix out;
  out.by = settings.by;
  out.count = settings.count;
  GroupSizes sizes;
  std::vector<std::string> names;
  if (variable) {
    TRY(found, group_sizes(store, *variable));
    sizes = std::move(found);
    names = groups_in_order(sizes, variable->name, segments);
  } else {
    TRY(documents, store.documents());
    for (const auto& d : documents) names.push_back(d.name);
  }
  Columns columns(names, variable ? variable->name : std::string());
  out.columns = names;

  std::vector<const Segment*> all;
  all.reserve(segments.size());
  for (const auto& s : segments) all.push_back(&s);
  Tally whole = tally(all, columns, settings.count);
  out.column_bases = whole.cells;
  if (variable && settings.count == MatrixCount::kParticipants) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      auto members = sizes.members.find(names[c]);
      out.column_bases[c] = members == sizes.members.end() ? sizes.without_value : members->second;
    }
  }

  auto of_theme = segments_of_themes(themes, segments);
  bool tested = variable && sizes.members.size() >= 2;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    Tally row_tally = tally(of_theme[t], columns, settings.count);
    report::MatrixRow row;
    row.path = book.path_of(themes[t].id);
    row.name = book.find(themes[t].id)->name;
    row.depth = themes[t].depth;
    row.cells = std::move(row_tally.cells);
    row.total = row_tally.total;
    row.participants = row_tally.participants;
    row.mentioned = std::move(row_tally.mentioned);
    row.test.method = "not applicable";
    if (tested) row.test = group_test(names, row.mentioned, sizes);
    out.rows.push_back(std::move(row));
  }
  out.methods = methods_paragraph(out, tested);
  return out;
}

}  // namespace thematica
