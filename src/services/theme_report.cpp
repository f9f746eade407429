#include "services/theme_report.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <unordered_map>

#include "report/quote_choice.hpp"
#include "report/quote_text.hpp"
#include "services/code_matrix.hpp"
#include "services/lookup.hpp"
#include "services/report_scope.hpp"

namespace thematica {
namespace {

std::vector<report::TagLegend> tag_legend(const Groups& groups,
                                          const std::map<std::string, std::string>& labels) {
  std::vector<report::TagLegend> out;
  out.reserve(groups.names().size());
  for (const auto& group : groups.names()) {
    auto label = labels.find(group);
    auto members = groups.members().find(group);
    out.push_back({group, label == labels.end() ? std::string() : label->second,
                   members == groups.members().end() ? groups.without_value() : members->second});
  }
  return out;
}

// The user's spelled-out tag values. Errors: kInvalidInput for a value the variable lacks.
Result<std::map<std::string, std::string>> checked_labels(const ThemeReportSettings& settings,
                                                          const Variable& variable,
                                                          const Groups& groups) {
  std::map<std::string, std::string> labels;
  for (const auto& [value, label] : settings.labels) {
    if (!groups.members().count(value) && value != kUnknownGroup) {
      std::string known;
      for (const auto& entry : groups.members()) {
        known += (known.empty() ? "" : ", ") + entry.first;
      }
      return failf(ErrorKind::kInvalidInput, "--label {}: '{}' has no value '{}' (its values: {})",
                   value, variable.name, value, known.empty() ? "none" : known);
    }
    labels[value] = label;
  }
  return labels;
}

// Makes each table's rows: counts over a theme's codings, and the choice of its quotes.
// Distinct speakers and documents are counted with stamped arrays (see code_matrix.cpp).
class TableBuilder {
 public:
  TableBuilder(const ThemeReportSettings& settings, const ReportCorpus& corpus,
               const Groups& quote_groups)
      : settings_(settings),
        corpus_(corpus),
        quote_groups_(quote_groups),
        speaker_stamp_(corpus.case_ids.size(), 0),
        document_stamp_(corpus.document_names.size(), 0) {}

  // `counted` are the codings of the theme and its sub-themes; `own` those coded with the theme
  // itself, which give its quotes (a sub-theme's quotes are shown in its own row). The quotes'
  // codings are returned in `chosen`, in the order the table lists them.
  report::ThemeRow row(const Codebook& book, const ReportTheme& theme,
                       const std::vector<const ReportCoding*>& counted,
                       const std::vector<const ReportCoding*>& own,
                       std::vector<const ReportCoding*>& chosen) {
    const Code* code = book.find(theme.id);
    report::ThemeRow row;
    row.path = book.path_of(theme.id);
    row.name = code->name;
    row.depth = theme.depth;
    row.definition = code->description.definition;
    row.colour = code->colour;
    ++stamp_;
    for (const ReportCoding* c : counted) {
      for (std::size_t i = 0; i < corpus_.speaker_count(*c); ++i) {
        std::uint32_t speaker = corpus_.speaker(*c, i);
        if (speaker_stamp_[speaker] == stamp_) continue;
        speaker_stamp_[speaker] = stamp_;
        ++row.participants;
      }
      if (document_stamp_[c->document] != stamp_) {
        document_stamp_[c->document] = stamp_;
        ++row.documents;
      }
    }
    row.segments = static_cast<std::int64_t>(counted.size());
    std::vector<report::QuoteCandidate> candidates;
    candidates.reserve(own.size());
    for (const ReportCoding* c : own) {
      std::uint32_t speaker = corpus_.first_speaker(*c);
      bool known = speaker != ReportCorpus::kNoSpeaker;
      candidates.push_back(
          {corpus_.document_names[c->document], c->range.start, c->range.end - c->range.start,
           c->turn, known ? std::string_view(corpus_.case_names[speaker]) : std::string_view(),
           quote_groups_.name_of_speaker(speaker), c->representative});
    }
    for (std::size_t i : report::choose_quotes(candidates, settings_.quotes)) {
      chosen.push_back(own[i]);
    }
    return row;
  }

 private:
  const ThemeReportSettings& settings_;
  const ReportCorpus& corpus_;
  const Groups& quote_groups_;
  std::uint32_t stamp_ = 0;
  std::vector<std::uint32_t> speaker_stamp_;
  std::vector<std::uint32_t> document_stamp_;
};

// A chosen coding as the table shows it.
class QuoteMaker {
 public:
  QuoteMaker(const ThemeReportSettings& settings, const ReportCorpus& corpus, const Groups& tags,
             bool tagged)
      : settings_(settings), corpus_(corpus), tags_(tags), tagged_(tagged) {}

  Result<report::ThemeQuote> quote(Store& store, const ReportCoding& c, std::string text) {
    if (settings_.without_fillers) text = report::without_fillers(text);
    text = report::trimmed_quote(text, settings_.max_words);
    std::uint32_t speaker = corpus_.first_speaker(c);
    bool known = speaker != ReportCorpus::kNoSpeaker;
    auto pages = pages_.find(c.document_id);
    if (pages == pages_.end()) {
      TRY(starts, store.page_starts(c.document_id));
      pages = pages_.emplace(c.document_id, std::move(starts)).first;
    }
    return report::ThemeQuote{
        std::move(text),
        tagged_ ? std::string(tags_.name_of_speaker(speaker)) : std::string(),
        settings_.speaker_ids && known ? corpus_.case_names[speaker] : std::string(),
        corpus_.document_names[c.document],
        report_position(c, pages->second),
        c.representative};
  }

 private:
  const ThemeReportSettings& settings_;
  const ReportCorpus& corpus_;
  const Groups& tags_;
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

struct ReportVariables {
  std::optional<Variable> group;  // one table per value
  std::optional<Variable> tag;    // the quotes' tags
};

Result<ReportVariables> report_variables(Store& store, const ThemeReportSettings& settings) {
  ReportVariables out;
  if (!settings.group_by.empty()) {
    TRY(variable, require_variable(store, settings.group_by));
    out.group = std::move(variable);
  }
  std::string tag = settings.tag.empty() ? settings.group_by : settings.tag;
  if (!tag.empty()) {
    TRY(variable, require_variable(store, tag));
    out.tag = std::move(variable);
  } else if (!settings.labels.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "--label spells out tag values: name the tag variable with --tag or --group-by");
  }
  return out;
}

// Fills the tables (one per group, or one for everyone) with their rows and quotes.
Status fill_tables(Store& store, const ThemeReportSettings& settings, const Codebook& book,
                   const std::vector<ReportTheme>& themes, const ReportCorpus& corpus,
                   const Groups* groups, const Groups& tags, bool tagged,
                   report::ThemeReport& out) {
  std::size_t tables = groups ? groups->names().size() : 1;
  for (std::size_t g = 0; g < tables; ++g) {
    report::ThemeTable& table = out.tables.emplace_back();
    table.group = groups ? groups->names()[g] : std::string();
    table.title = groups ? fmt::format("{}: {}", settings.group_by, table.group)
                         : std::string("All participants");
  }
  // Quotes spread over the tables' groups, or over the tags' when there is one table.
  TableBuilder builder(settings, corpus, groups ? *groups : tags);
  auto of_theme = codings_of_themes(themes, corpus);
  // Quotes are chosen for every table first; then their texts are read, in one pass.
  std::vector<std::vector<std::vector<const ReportCoding*>>> chosen(tables);
  std::vector<std::vector<const ReportCoding*>> counted(tables), own(tables);
  for (std::size_t t = 0; t < themes.size(); ++t) {
    for (std::size_t g = 0; g < tables; ++g) {
      counted[g].clear();
      own[g].clear();
    }
    for (const ReportCoding* c : of_theme[t]) {
      std::size_t g = groups ? groups->of_coding(corpus, *c) : 0;
      counted[g].push_back(c);
      if (c->code_id == themes[t].id) own[g].push_back(c);
    }
    for (std::size_t g = 0; g < tables; ++g) {
      out.tables[g].rows.push_back(
          builder.row(book, themes[t], counted[g], own[g], chosen[g].emplace_back()));
    }
  }
  std::vector<const ReportCoding*> quoted;
  for (const auto& table : chosen) {
    for (const auto& row : table) quoted.insert(quoted.end(), row.begin(), row.end());
  }
  TRY(texts, report_texts(store, quoted));
  QuoteMaker maker(settings, corpus, tags, tagged);
  std::size_t next = 0;
  for (std::size_t g = 0; g < tables; ++g) {
    for (std::size_t r = 0; r < out.tables[g].rows.size(); ++r) {
      for (const ReportCoding* c : chosen[g][r]) {
        TRY(quote, maker.quote(store, *c, std::move(texts[next++])));
        out.tables[g].rows[r].quotes.push_back(std::move(quote));
      }
    }
  }
  return {};
}

}  // namespace

Result<report::ThemeReport> build_theme_report(Store& store, const ThemeReportSettings& settings) {
  TRY(book, load_codebook(store));
  TRY(themes, report_themes(book, settings.codes));
  TRY(variables, report_variables(store, settings));
  TRY(coders, require_coders(store, settings.coders));
  TRY(corpus, load_report_corpus(store, theme_code_ids(themes), coders));
  Groups groups, tags;
  if (variables.group) {
    TRY(loaded, Groups::load(store, *variables.group, corpus));
    groups = std::move(loaded);
  }
  report::ThemeReport out;
  if (variables.tag) {
    TRY(loaded, Groups::load(store, *variables.tag, corpus));
    tags = std::move(loaded);
    TRY(labels, checked_labels(settings, *variables.tag, tags));
    out.legend = tag_legend(tags, labels);
    out.tag_variable = variables.tag->name;
  }
  out.group_variable = settings.group_by;
  out.speaker_ids = settings.speaker_ids;
  out.quotes_per_theme = settings.quotes;
  out.without_fillers = settings.without_fillers;
  out.max_words = settings.max_words;
  out.coders = settings.coders;
  TRY_STATUS(fill_tables(store, settings, book, themes, corpus, variables.group ? &groups : nullptr,
                         tags, variables.tag.has_value(), out));
  out.methods = methods_paragraph(out);
  for (const auto& theme : themes) {
    const Code* code = book.find(theme.id);
    out.codebook.push_back(
        {book.path_of(theme.id), code->name, code->colour, theme.depth, code->description});
  }
  if (variables.group) {
    CodeMatrixSettings matrix{settings.codes, settings.group_by, report::MatrixCount::kParticipants,
                              settings.coders};
    TRY(built, build_code_matrix(store, matrix, corpus));
    out.matrix = std::move(built);
  }
  return out;
}

}  // namespace thematica
