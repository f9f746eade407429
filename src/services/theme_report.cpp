#include "services/theme_report.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "report/quote_choice.hpp"
#include "report/quote_text.hpp"
#include "services/code_matrix.hpp"
#include "services/lookup.hpp"
#include "services/report_scope.hpp"
#include "services/retrieval.hpp"

namespace thematica {
namespace {

std::string clock(std::int64_t ms) {
  std::int64_t seconds = ms / 1000;
  if (seconds >= 3600) {
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
  return fmt::format("{:02}:{:02}", seconds / 60, seconds % 60);
}

std::string where_of(const Segment& s) {
  if (s.turn_start_ms) return clock(*s.turn_start_ms);
  if (s.page) return fmt::format("page {}", *s.page);
  return fmt::format("characters {}-{}", s.coding.range.start, s.coding.range.end);
}

// The tag variable's values with how many cases have each, labelled as the user asked; "unknown"
// last when some quoted speaker has no value.
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

class TableBuilder {
 public:
  TableBuilder(const ThemeReportSettings& settings, std::string tag_variable)
      : settings_(settings), tag_variable_(std::move(tag_variable)) {}

  // `counted` are the segments of the theme and its sub-themes; `own` those coded with the
  // theme itself, which give its quotes (a sub-theme's quotes are shown in its own row). The
  // quotes' segments are returned in `chosen`; quote() makes them once their text is read.
  report::ThemeRow row(const Codebook& book, const ReportTheme& theme,
                       const std::vector<const Segment*>& counted,
                       const std::vector<const Segment*>& own,
                       std::vector<const Segment*>& chosen) const {
    const Code* code = book.find(theme.id);
    report::ThemeRow row;
    row.path = book.path_of(theme.id);
    row.name = code->name;
    row.depth = theme.depth;
    row.definition = code->description.definition;
    std::unordered_set<std::string_view> speakers, documents;
    for (const Segment* s : counted) {
      speakers.insert(s->speakers.begin(), s->speakers.end());
      documents.insert(s->document);
    }
    std::vector<report::QuoteCandidate> candidates;
    candidates.reserve(own.size());
    const std::string& grouping = settings_.group_by.empty() ? tag_variable_ : settings_.group_by;
    for (const Segment* s : own) {
      candidates.push_back(
          {s->document, s->coding.range.start, s->coding.range.end - s->coding.range.start,
           s->turn.value_or(-1),
           s->speakers.empty() ? std::string_view() : std::string_view(s->speakers.front()),
           speaker_group(*s, grouping), s->coding.representative});
    }
    row.segments = static_cast<std::int64_t>(counted.size());
    row.participants = static_cast<std::int64_t>(speakers.size());
    row.documents = static_cast<std::int64_t>(documents.size());
    for (std::size_t i : report::choose_quotes(candidates, settings_.quotes)) {
      chosen.push_back(own[i]);
    }
    return row;
  }

  report::ThemeQuote quote(const Segment& s) const {
    std::string text = settings_.without_fillers ? report::without_fillers(s.text) : s.text;
    text = report::trimmed_quote(text, settings_.max_words);
    std::string speaker =
        settings_.speaker_ids && !s.speakers.empty() ? s.speakers.front() : std::string();
    return {std::move(text),
            tag_variable_.empty() ? std::string() : std::string(speaker_group(s, tag_variable_)),
            speaker,
            s.document,
            where_of(s),
            s.coding.representative};
  }

 private:
  const ThemeReportSettings& settings_;
  std::string tag_variable_;
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
  SegmentQuery query;
  for (const auto& theme : themes) query.codes.push_back(book.path_of(theme.id));
  query.coders = settings.coders;
  query.brief = true;  // read below for the quotes chosen only
  TRY(segments, find_segments(store, query));

  report::ThemeReport out;
  out.group_variable = settings.group_by;
  out.tag_variable = tag_name;
  if (tag_variable) {
    TRY(sizes, group_sizes(store, *tag_variable));
    TRY(labels, checked_labels(settings, *tag_variable, sizes));
    out.legend = tag_legend(sizes, groups_in_order(sizes, tag_name, segments), labels);
  }
  out.speaker_ids = settings.speaker_ids;
  out.quotes_per_theme = settings.quotes;
  out.without_fillers = settings.without_fillers;
  out.max_words = settings.max_words;
  out.coders = settings.coders;
  TableBuilder builder(settings, out.tag_variable);
  std::vector<std::string> groups{""};
  if (group_variable) {
    TRY(sizes, group_sizes(store, *group_variable));
    groups = groups_in_order(sizes, settings.group_by, segments);
  }
  auto of_theme = segments_of_themes(themes, segments);
  // Quotes are chosen for every table first; then their texts are read, in one pass.
  std::vector<std::vector<std::vector<const Segment*>>> chosen;
  for (const auto& group : groups) {
    report::ThemeTable table;
    table.group = group;
    table.title =
        group.empty() ? "All participants" : fmt::format("{}: {}", settings.group_by, group);
    auto& table_chosen = chosen.emplace_back();
    for (std::size_t t = 0; t < themes.size(); ++t) {
      std::vector<const Segment*> counted, own;
      for (const Segment* s : of_theme[t]) {
        if (!group.empty() && speaker_group(*s, settings.group_by) != group) continue;
        counted.push_back(s);
        if (s->coding.code_id == themes[t].id) own.push_back(s);
      }
      table.rows.push_back(builder.row(book, themes[t], counted, own, table_chosen.emplace_back()));
    }
    out.tables.push_back(std::move(table));
  }
  std::vector<Segment*> quoted;
  for (const auto& table : chosen) {
    for (const auto& row : table) {
      for (const Segment* s : row) quoted.push_back(&segments[s - segments.data()]);
    }
  }
  std::sort(quoted.begin(), quoted.end());
  quoted.erase(std::unique(quoted.begin(), quoted.end()), quoted.end());
  TRY_STATUS(read_segment_texts(store, quoted));
  for (std::size_t t = 0; t < out.tables.size(); ++t) {
    for (std::size_t r = 0; r < out.tables[t].rows.size(); ++r) {
      for (const Segment* s : chosen[t][r])
        out.tables[t].rows[r].quotes.push_back(builder.quote(*s));
    }
  }
  out.methods = methods_paragraph(out);
  if (group_variable) {
    CodeMatrixSettings matrix{settings.codes, settings.group_by, report::MatrixCount::kParticipants,
                              settings.coders};
    TRY(built, build_code_matrix(store, matrix));
    out.matrix = std::move(built);
  }
  return out;
}

}  // namespace thematica
