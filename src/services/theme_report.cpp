#include "services/theme_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

#include "report/quote_choice.hpp"
#include "report/quote_text.hpp"
#include "services/code_matrix.hpp"
#include "services/lookup.hpp"
#include "services/report_scope.hpp"

namespace thematica {
namespace {

std::vector<report::TagLegend> tag_legend(const GroupSizes& sizes,
                                          const std::vector<std::string>& groups,
                                          const std::map<std::string, std::string>& labels) {
  std::vector<report::TagLegend> out;
  out.reserve(groups.size());
  for (const auto& group : groups) {
    auto label = labels.find(group);
    auto members = sizes.members.find(group);
    out.push_back({group, label == labels.end() ? std::string() : label->second,
                   members == sizes.members.end() ? sizes.without_value : members->second});
  }
  return out;
}

// The user's spelled-out tag values. Errors: kInvalidInput for a value the variable lacks.
Result<std::map<std::string, std::string>> checked_labels(const ThemeReportSettings& settings,
                                                          const Variable& variable,
                                                          const GroupSizes& sizes) {
  std::map<std::string, std::string> labels;
  for (const auto& [value, label] : settings.labels) {
    if (!sizes.members.count(value) && value != kUnknownGroup) {
      std::string known;
      for (const auto& entry : sizes.members) known += (known.empty() ? "" : ", ") + entry.first;
      return failf(ErrorKind::kInvalidInput, "--label {}: '{}' has no value '{}' (its values: {})",
                   value, variable.name, value, known.empty() ? "none" : known);
    }
    labels[value] = label;
  }
  return labels;
}

// Makes each table's rows: counts over a theme's codings, and the choice of its quotes.
class TableBuilder {
 public:
  TableBuilder(const ThemeReportSettings& settings, const ReportCorpus& corpus,
               const GroupOf& quote_groups)
      : settings_(settings), corpus_(corpus), quote_groups_(quote_groups) {}

  // `counted` are the codings of the theme and its sub-themes; `own` those coded with the theme
  // itself, which give its quotes (a sub-theme's quotes are shown in its own row). The quotes'
  // codings are returned in `chosen`, in the order the table lists them.
  report::ThemeRow row(const Codebook& book, const ReportTheme& theme,
                       const std::vector<const ReportCoding*>& counted,
                       const std::vector<const ReportCoding*>& own,
                       std::vector<const ReportCoding*>& chosen) const {
    const Code* code = book.find(theme.id);
    report::ThemeRow row;
    row.path = book.path_of(theme.id);
    row.name = code->name;
    row.depth = theme.depth;
    row.definition = code->description.definition;
    std::unordered_set<Id> speakers, documents;
    for (const ReportCoding* c : counted) {
      for (std::size_t i = 0; i < corpus_.speaker_count(*c); ++i) {
        speakers.insert(corpus_.speaker(*c, i));
      }
      documents.insert(c->document_id);
    }
    std::vector<report::QuoteCandidate> candidates;
    candidates.reserve(own.size());
    for (const ReportCoding* c : own) {
      Id speaker = corpus_.first_speaker(*c);
      candidates.push_back({corpus_.document_names.at(c->document_id), c->range.start,
                            c->range.end - c->range.start, c->turn,
                            speaker ? std::string_view(corpus_.case_names.at(speaker))
                                    : std::string_view(),
                            quote_groups_.of(speaker), c->representative});
    }
    row.segments = static_cast<std::int64_t>(counted.size());
    row.participants = static_cast<std::int64_t>(speakers.size());
    row.documents = static_cast<std::int64_t>(documents.size());
    for (std::size_t i : report::choose_quotes(candidates, settings_.quotes)) {
      chosen.push_back(own[i]);
    }
    return row;
  }

 private:
  const ThemeReportSettings& settings_;
  const ReportCorpus& corpus_;
  const GroupOf& quote_groups_;
};

// A chosen coding as the table shows it.
class QuoteMaker {
 public:
  QuoteMaker(const ThemeReportSettings& settings, const ReportCorpus& corpus, const GroupOf& tags,
             bool tagged)
      : settings_(settings), corpus_(corpus), tags_(tags), tagged_(tagged) {}

  Result<report::ThemeQuote> quote(Store& store, const ReportCoding& c, std::string text) {
    if (settings_.without_fillers) text = report::without_fillers(text);
    text = report::trimmed_quote(text, settings_.max_words);
    Id speaker = corpus_.first_speaker(c);
    auto pages = pages_.find(c.document_id);
    if (pages == pages_.end()) {
      TRY(starts, store.page_starts(c.document_id));
      pages = pages_.emplace(c.document_id, std::move(starts)).first;
    }
    return report::ThemeQuote{
        std::move(text),
        tagged_ ? std::string(tags_.of(speaker)) : std::string(),
        settings_.speaker_ids && speaker ? corpus_.case_names.at(speaker) : std::string(),
        corpus_.document_names.at(c.document_id),
        report_position(c, pages->second),
        c.representative};
  }

 private:
  const ThemeReportSettings& settings_;
  const ReportCorpus& corpus_;
  const GroupOf& tags_;
  bool tagged_;
  std::unordered_map<Id, std::vector<std::uint64_t>> pages_;
};

std::string methods_paragraph(const report::ThemeReport& r) {
  std::string text = fmt::format(
      "For each theme the table shows up to {} quote{}: those the analysts marked as "
      "representative, then quotes chosen to spread over participant groups and speakers, at "
      "most one per speaker turn.",
      r.quotes_per_theme, r.quotes_per_theme == 1 ? "" : "s");
  if (!r.group_variable.empty()) {
    text += fmt::format(" Participants are grouped by '{}', with one table per group.",
                        r.group_variable);
  }
  if (!r.tag_variable.empty()) {
    text += fmt::format(" Each quote is tagged with its speaker's '{}'.", r.tag_variable);
  }
  text +=
      " Counts are of coded segments, of distinct participants (speakers) and of documents; a "
      "theme's counts include its sub-themes.";
  if (r.without_fillers) text += " Fillers (um, uh, er, erm, hmm) were removed from quotes.";
  if (r.max_words > 0) {
    text +=
        fmt::format(" Quotes longer than {} words were shortened, marked with \"…\".", r.max_words);
  }
  return text;
}

}  // namespace

Result<report::ThemeReport> build_theme_report(Store& store, const ThemeReportSettings& settings) {
  TRY(book, load_codebook(store));
  TRY(themes, report_themes(book, settings.codes));
  std::optional<Variable> group_variable;
  if (!settings.group_by.empty()) {
    TRY(variable, require_variable(store, settings.group_by));
    group_variable = std::move(variable);
  }
  std::string tag_name = settings.tag.empty() ? settings.group_by : settings.tag;
  std::optional<Variable> tag_variable;
  if (!tag_name.empty()) {
    TRY(variable, require_variable(store, tag_name));
    tag_variable = std::move(variable);
  } else if (!settings.labels.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "--label spells out tag values: name the tag variable with --tag or --group-by");
  }
  std::vector<Id> coders;
  for (const auto& name : settings.coders) {
    TRY(coder, require_coder(store, name));
    coders.push_back(coder.id);
  }
  TRY(corpus, load_report_corpus(store, theme_code_ids(themes), coders));
  GroupOf groups_of, tags_of;
  if (group_variable) {
    TRY(loaded, GroupOf::load(store, *group_variable));
    groups_of = std::move(loaded);
  }
  if (tag_variable) {
    TRY(loaded, GroupOf::load(store, *tag_variable));
    tags_of = std::move(loaded);
  }

  report::ThemeReport out;
  out.group_variable = settings.group_by;
  out.tag_variable = tag_name;
  if (tag_variable) {
    TRY(sizes, group_sizes(store, *tag_variable));
    TRY(labels, checked_labels(settings, *tag_variable, sizes));
    out.legend = tag_legend(sizes, groups_in_order(sizes, tags_of, corpus), labels);
  }
  out.speaker_ids = settings.speaker_ids;
  out.quotes_per_theme = settings.quotes;
  out.without_fillers = settings.without_fillers;
  out.max_words = settings.max_words;
  out.coders = settings.coders;
  std::vector<std::string> groups{""};
  if (group_variable) {
    TRY(sizes, group_sizes(store, *group_variable));
    groups = groups_in_order(sizes, groups_of, corpus);
  }
  // Quotes spread over the tables' groups, or over the tags' when there is one table.
  TableBuilder builder(settings, corpus, group_variable ? groups_of : tags_of);
  auto of_theme = codings_of_themes(themes, corpus);
  // Quotes are chosen for every table first; then their texts are read, in one pass.
  std::vector<std::vector<std::vector<const ReportCoding*>>> chosen;
  for (const auto& group : groups) {
    report::ThemeTable table;
    table.group = group;
    table.title =
        group.empty() ? "All participants" : fmt::format("{}: {}", settings.group_by, group);
    auto& table_chosen = chosen.emplace_back();
    for (std::size_t t = 0; t < themes.size(); ++t) {
      std::vector<const ReportCoding*> counted, own;
      for (const ReportCoding* c : of_theme[t]) {
        if (!group.empty() && groups_of.of_coding(corpus, *c) != group) continue;
        counted.push_back(c);
        if (c->code_id == themes[t].id) own.push_back(c);
      }
      table.rows.push_back(builder.row(book, themes[t], counted, own, table_chosen.emplace_back()));
    }
    out.tables.push_back(std::move(table));
  }
  std::vector<const ReportCoding*> quoted;
  for (const auto& table : chosen) {
    for (const auto& row : table) quoted.insert(quoted.end(), row.begin(), row.end());
  }
  TRY(texts, report_texts(store, quoted));
  QuoteMaker maker(settings, corpus, tags_of, tag_variable.has_value());
  std::size_t next = 0;
  for (std::size_t t = 0; t < out.tables.size(); ++t) {
    for (std::size_t r = 0; r < out.tables[t].rows.size(); ++r) {
      for (const ReportCoding* c : chosen[t][r]) {
        TRY(quote, maker.quote(store, *c, std::move(texts[next++])));
        out.tables[t].rows[r].quotes.push_back(std::move(quote));
      }
    }
  }
  out.methods = methods_paragraph(out);
  if (group_variable) {
    CodeMatrixSettings matrix{settings.codes, settings.group_by,
                              report::MatrixCount::kParticipants, settings.coders};
    TRY(built, build_code_matrix(store, matrix));
    out.matrix = std::move(built);
  }
  return out;
}

}  // namespace thematica
