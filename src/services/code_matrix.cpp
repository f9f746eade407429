#include "services/code_matrix.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "services/lookup.hpp"
#include "services/report_scope.hpp"

namespace thematica {
namespace {

using report::MatrixCount;

constexpr std::string_view kByDocument = "document";

// Which column a segment, or one of its speakers, falls in.
// Which column a coding, or one of its speakers, falls in.
class Columns {
 public:
  // By document: `documents` are the columns' document ids. By group: `names` are the groups.
  Columns(const std::vector<std::string>& names, const std::vector<Id>& documents,
          const GroupOf& group_of, const ReportCorpus& corpus)
      : group_of_(group_of), corpus_(corpus), by_document_(!documents.empty()) {
    for (std::size_t i = 0; i < documents.size(); ++i) of_document_[documents[i]] = i;
    for (std::size_t i = 0; i < names.size(); ++i) of_group_[names[i]] = i;
    size_ = by_document_ ? documents.size() : names.size();
  }
  std::size_t size() const { return size_; }

  // The coding's column: its document, or its first speaker's group.
  std::size_t of(const ReportCoding& c) const {
    if (by_document_) return of_document_.at(c.document_id);
    return of_group_.at(std::string(group_of_.of_coding(corpus_, c)));
  }
  // The column of the coding's `i`-th speaker; size() when that group has no column.
  std::size_t of_speaker(const ReportCoding& c, std::size_t i) const {
    if (by_document_) return of_document_.at(c.document_id);
    auto found = of_group_.find(std::string(group_of_.of(corpus_.speaker(c, i))));
    return found == of_group_.end() ? size_ : found->second;
  }

 private:
  const GroupOf& group_of_;
  const ReportCorpus& corpus_;
  bool by_document_;
  std::size_t size_ = 0;
  std::unordered_map<Id, std::size_t> of_document_;
  std::unordered_map<std::string, std::size_t> of_group_;
};

struct Tally {
  std::vector<std::int64_t> cells;
  std::int64_t total = 0;
  std::int64_t participants = 0;
  std::vector<std::int64_t> mentioned;  // participants per column
};

Tally tally(const std::vector<const ReportCoding*>& codings, const Columns& columns,
            const ReportCorpus& corpus, MatrixCount count) {
  std::size_t n = columns.size();
  Tally out{std::vector<std::int64_t>(n, 0), 0, 0, std::vector<std::int64_t>(n, 0)};
  std::vector<std::unordered_set<Id>> documents(n), speakers(n);
  std::unordered_set<Id> all_documents, all_speakers;
  for (const ReportCoding* c : codings) {
    std::size_t column = columns.of(*c);
    if (count == MatrixCount::kSegments) ++out.cells[column];
    documents[column].insert(c->document_id);
    all_documents.insert(c->document_id);
    for (std::size_t i = 0; i < corpus.speaker_count(*c); ++i) {
      std::size_t speaker_column = columns.of_speaker(*c, i);
      if (speaker_column < n) speakers[speaker_column].insert(corpus.speaker(*c, i));
      all_speakers.insert(corpus.speaker(*c, i));
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    out.mentioned[c] = static_cast<std::int64_t>(speakers[c].size());
    if (count == MatrixCount::kDocuments) {
      out.cells[c] = static_cast<std::int64_t>(documents[c].size());
    }
    if (count == MatrixCount::kParticipants) out.cells[c] = out.mentioned[c];
  }
  out.participants = static_cast<std::int64_t>(all_speakers.size());
  switch (count) {
    case MatrixCount::kSegments:
      out.total = static_cast<std::int64_t>(codings.size());
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
  std::vector<Id> coders;
  for (const auto& name : settings.coders) {
    TRY(coder, require_coder(store, name));
    coders.push_back(coder.id);
  }
  TRY(corpus, load_report_corpus(store, theme_code_ids(themes), coders));

  report::CodeMatrix out;
  out.by = settings.by;
  out.count = settings.count;
  GroupSizes sizes;
  GroupOf group_of;
  std::vector<std::string> names;
  std::vector<Id> document_ids;
  if (variable) {
    TRY(found, group_sizes(store, *variable));
    sizes = std::move(found);
    TRY(loaded, GroupOf::load(store, *variable));
    group_of = std::move(loaded);
    names = groups_in_order(sizes, group_of, corpus);
  } else {
    TRY(documents, store.documents());
    for (const auto& d : documents) {
      names.push_back(d.name);
      document_ids.push_back(d.id);
    }
  }
  Columns columns(names, document_ids, group_of, corpus);
  out.columns = names;

  std::vector<const ReportCoding*> all;
  all.reserve(corpus.codings.size());
  for (const auto& c : corpus.codings) all.push_back(&c);
  Tally whole = tally(all, columns, corpus, settings.count);
  out.column_bases = whole.cells;
  if (variable && settings.count == MatrixCount::kParticipants) {
    for (std::size_t c = 0; c < names.size(); ++c) {
      auto members = sizes.members.find(names[c]);
      out.column_bases[c] =
          members == sizes.members.end() ? sizes.without_value : members->second;
    }
  }

  auto of_theme = codings_of_themes(themes, corpus);
  bool tested = variable && sizes.members.size() >= 2;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    Tally row_tally = tally(of_theme[t], columns, corpus, settings.count);
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
