#include "services/code_matrix.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_set>

#include "services/lookup.hpp"
#include "services/report_scope.hpp"

namespace thematica {
namespace {

using report::MatrixCount;

constexpr std::string_view kByDocument = "document";

// One row's counts: per column, the theme's total, and its participants per column.
struct Tally {
  std::vector<std::int64_t> cells;
  std::int64_t total = 0;
  std::int64_t participants = 0;
  std::vector<std::int64_t> mentioned;  // participants per column
};

// Counts a set of codings into columns: the groups of a variable, or the documents. Distinct
// speakers and documents are counted with arrays stamped per tally, not hash sets: a matrix over
// a million codings makes tens of millions of these checks.
class Tallier {
 public:
  Tallier(const ReportCorpus& corpus, const Groups* groups)
      : corpus_(corpus),
        groups_(groups),
        columns_(groups ? groups->names().size() : corpus.document_names.size()),
        speaker_stamp_(corpus.case_ids.size(), 0),
        document_stamp_(corpus.document_names.size() * (groups ? columns_ : 1), 0) {}

  Tally tally(const std::vector<const ReportCoding*>& codings, MatrixCount count) {
    ++stamp_;
    Tally out{std::vector<std::int64_t>(columns_, 0), 0, 0, std::vector<std::int64_t>(columns_, 0)};
    std::vector<std::int64_t> documents(columns_, 0);
    std::int64_t all_documents = 0;
    std::unordered_set<std::uint64_t> speaker_in_document;  // by document only
    for (const ReportCoding* c : codings) {
      std::size_t column = groups_ ? groups_->of_coding(corpus_, *c) : c->document;
      ++out.cells[column];
      std::size_t slot = groups_ ? c->document * columns_ + column : c->document;
      if (document_stamp_[slot] != stamp_) {
        document_stamp_[slot] = stamp_;
        ++documents[column];
      }
      for (std::size_t i = 0; i < corpus_.speaker_count(*c); ++i) {
        std::uint32_t speaker = corpus_.speaker(*c, i);
        bool first = speaker_stamp_[speaker] != stamp_;
        speaker_stamp_[speaker] = stamp_;
        out.participants += first ? 1 : 0;
        if (groups_) {
          // A speaker is in one group: distinct speakers are distinct per group.
          std::uint32_t group = groups_->of_speaker(speaker);
          if (first && group < columns_) ++out.mentioned[group];
        } else if (speaker_in_document.insert(std::uint64_t{c->document} << 32 | speaker).second) {
          ++out.mentioned[c->document];
        }
      }
    }
    if (!groups_) {
      for (std::size_t d = 0; d < columns_; ++d) all_documents += documents[d];
    } else {
      all_documents = distinct_documents(codings);
    }
    for (std::size_t c = 0; c < columns_; ++c) {
      if (count == MatrixCount::kDocuments) out.cells[c] = documents[c];
      if (count == MatrixCount::kParticipants) out.cells[c] = out.mentioned[c];
    }
    switch (count) {
      case MatrixCount::kSegments:
        out.total = static_cast<std::int64_t>(codings.size());
        break;
      case MatrixCount::kDocuments:
        out.total = all_documents;
        break;
      case MatrixCount::kParticipants:
        out.total = out.participants;
        break;
    }
    return out;
  }

 private:
  std::int64_t distinct_documents(const std::vector<const ReportCoding*>& codings) {
    ++stamp_;
    std::int64_t n = 0;
    for (const ReportCoding* c : codings) {
      if (document_stamp_[c->document] != stamp_) {
        document_stamp_[c->document] = stamp_;
        ++n;
      }
    }
    return n;
  }

  const ReportCorpus& corpus_;
  const Groups* groups_;
  std::size_t columns_;
  std::uint32_t stamp_ = 0;
  std::vector<std::uint32_t> speaker_stamp_;
  std::vector<std::uint32_t> document_stamp_;  // by document and column
};

// Participants who mentioned the theme against those who did not, per group with members
// ("unknown" left out: its size is not a group's).
stats::IndependenceTest group_test(const Groups& groups,
                                   const std::vector<std::int64_t>& mentioned) {
  stats::CountTable table(2);
  for (std::size_t c = 0; c < groups.names().size(); ++c) {
    auto members = groups.members().find(groups.names()[c]);
    if (members == groups.members().end()) continue;
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
  TRY(book, load_codebook(store));
  TRY(themes, report_themes(book, settings.codes));
  TRY(coders, require_coders(store, settings.coders));
  TRY(corpus, load_report_corpus(store, theme_code_ids(themes), coders));
  return build_code_matrix(store, settings, corpus);
}

Result<report::CodeMatrix> build_code_matrix(Store& store, const CodeMatrixSettings& settings,
                                             const ReportCorpus& corpus) {
  if (settings.by.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "name the columns: --by VARIABLE (a case variable such as role) or --by document");
  }
  TRY(book, load_codebook(store));
  TRY(themes, report_themes(book, settings.codes));
  std::optional<Groups> groups;
  if (settings.by != kByDocument) {
    TRY(variable, require_variable(store, settings.by));
    TRY(loaded, Groups::load(store, variable, corpus));
    groups = std::move(loaded);
  }

  report::CodeMatrix out;
  out.by = settings.by;
  out.count = settings.count;
  out.columns = groups ? groups->names() : corpus.document_names;
  Tallier tallier(corpus, groups ? &*groups : nullptr);
  std::vector<const ReportCoding*> all;
  all.reserve(corpus.codings.size());
  for (const auto& c : corpus.codings) all.push_back(&c);
  out.column_bases = tallier.tally(all, settings.count).cells;
  if (groups && settings.count == MatrixCount::kParticipants) {
    for (std::size_t c = 0; c < out.columns.size(); ++c) {
      auto members = groups->members().find(out.columns[c]);
      out.column_bases[c] =
          members == groups->members().end() ? groups->without_value() : members->second;
    }
  }

  auto of_theme = codings_of_themes(themes, corpus);
  bool tested = groups && groups->members().size() >= 2;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    Tally row_tally = tallier.tally(of_theme[t], settings.count);
    report::MatrixRow row;
    row.path = book.path_of(themes[t].id);
    const Code* code = book.find(themes[t].id);
    row.name = code->name;
    row.colour = code->colour;
    row.depth = themes[t].depth;
    row.cells = std::move(row_tally.cells);
    row.total = row_tally.total;
    row.participants = row_tally.participants;
    row.mentioned = std::move(row_tally.mentioned);
    row.test.method = "not applicable";
    if (tested) row.test = group_test(*groups, row.mentioned);
    out.rows.push_back(std::move(row));
  }
  out.methods = methods_paragraph(out, tested);
  return out;
}

}  // namespace thematica
