#include "services/theme_report.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "report/quote_choice.hpp"
#include "report/quote_text.hpp"
#include "services/lookup.hpp"
#include "services/retrieval.hpp"

namespace thematica {
namespace {

constexpr std::string_view kUnknown = "unknown";

struct ThemeCode {
  Id id = 0;
  int depth = 0;
  std::set<Id> subtree;  // the code and everything below it
};

// The named codes and everything below them, each once, in the order named, depth first.
Result<std::vector<ThemeCode>> theme_codes(const Codebook& book,
                                           const std::vector<std::string>& paths) {
  if (paths.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "name the themes to report: --codes PATH (a branch "
                "brings its sub-codes)");
  }
  std::vector<ThemeCode> out;
  std::set<Id> seen;
  for (const auto& path : paths) {
    TRY(code, book.resolve(path));
    int top = book.depth_of(code->id);
    for (Id id : book.subtree(code->id)) {
      if (!seen.insert(id).second) continue;
      auto below = book.subtree(id);
      out.push_back({id, book.depth_of(id) - top, std::set<Id>(below.begin(), below.end())});
    }
  }
  return out;
}

// The value of `variable` for the segment's first speaker, or "unknown".
std::string value_of(const Segment& s, const std::string& variable) {
  if (variable.empty() || s.speaker_values.empty()) return std::string(kUnknown);
  for (const auto& [name, value] : s.speaker_values.front()) {
    if (name == variable && !value.empty()) return value;
  }
  return std::string(kUnknown);
}

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

// The tables' groups: every value the variable has among the cases (so a group whose members
// coded nothing still gets its table), by name, then "unknown" when some segment has no value.
Result<std::vector<std::string>> groups_in_order(Store& store, const Variable& variable,
                                                 const std::vector<Segment>& segments) {
  TRY(values, store.case_values());
  std::set<std::string> named;
  for (const auto& v : values) {
    if (v.variable_id == variable.id && !v.value.empty()) named.insert(v.value);
  }
  std::vector<std::string> out(named.begin(), named.end());
  bool unknown = std::any_of(segments.begin(), segments.end(), [&](const Segment& s) {
    return value_of(s, variable.name) == kUnknown;
  });
  if (unknown) out.emplace_back(kUnknown);
  return out;
}

// The tag variable's values with how many cases have each, labelled as the user asked; "unknown"
// last when some quoted speaker has no value.
Result<std::vector<report::TagLegend>> tag_legend(Store& store, const Variable& variable,
                                                  const std::vector<Segment>& segments,
                                                  const ThemeReportSettings& settings) {
  TRY(values, store.case_values());
  std::map<std::string, std::int64_t> counts;
  std::set<Id> with_value;
  for (const auto& v : values) {
    if (v.variable_id != variable.id || v.value.empty()) continue;
    ++counts[v.value];
    with_value.insert(v.case_id);
  }
  std::map<std::string, std::string> labels;
  for (const auto& [value, label] : settings.labels) {
    if (!counts.count(value) && value != kUnknown) {
      std::string known;
      for (const auto& entry : counts) known += (known.empty() ? "" : ", ") + entry.first;
      return failf(ErrorKind::kInvalidInput, "--label {}: '{}' has no value '{}' (its values: {})",
                   value, variable.name, value, known.empty() ? "none" : known);
    }
    labels[value] = label;
  }
  std::vector<report::TagLegend> out;
  out.reserve(counts.size() + 1);
  for (const auto& [value, n] : counts) out.push_back({value, labels[value], n});
  bool unknown = std::any_of(segments.begin(), segments.end(), [&](const Segment& s) {
    return value_of(s, variable.name) == kUnknown;
  });
  if (unknown) {
    TRY(cases, store.cases());
    auto without = static_cast<std::int64_t>(cases.size() - with_value.size());
    out.push_back({std::string(kUnknown), labels[std::string(kUnknown)], without});
  }
  return out;
}

class TableBuilder {
 public:
  TableBuilder(const ThemeReportSettings& settings, std::string tag_variable)
      : settings_(settings), tag_variable_(std::move(tag_variable)) {}

  // `counted` are the segments of the theme and its sub-themes; `own` those coded with the
  // theme itself, which give its quotes (a sub-theme's quotes are shown in its own row).
  report::ThemeRow row(const Codebook& book, const ThemeCode& theme,
                       const std::vector<const Segment*>& counted,
                       const std::vector<const Segment*>& segments) const {
    const Code* code = book.find(theme.id);
    report::ThemeRow row;
    row.path = book.path_of(theme.id);
    row.name = code->name;
    row.depth = theme.depth;
    row.definition = code->description.definition;
    std::set<std::string> speakers, documents;
    for (const Segment* s : counted) {
      speakers.insert(s->speakers.begin(), s->speakers.end());
      documents.insert(s->document);
    }
    std::vector<report::QuoteCandidate> candidates;
    candidates.reserve(segments.size());
    for (const Segment* s : segments) {
      candidates.push_back(
          {s->document, s->coding.range.start, s->coding.range.end - s->coding.range.start,
           s->turn.value_or(-1), s->speakers.empty() ? std::string() : s->speakers.front(),
           value_of(*s, settings_.group_by.empty() ? tag_variable_ : settings_.group_by),
           s->coding.representative});
    }
    row.segments = static_cast<std::int64_t>(counted.size());
    row.participants = static_cast<std::int64_t>(speakers.size());
    row.documents = static_cast<std::int64_t>(documents.size());
    for (std::size_t i : report::choose_quotes(candidates, settings_.quotes)) {
      row.quotes.push_back(quote(*segments[i]));
    }
    return row;
  }

 private:
  report::ThemeQuote quote(const Segment& s) const {
    std::string text = settings_.without_fillers ? report::without_fillers(s.text) : s.text;
    text = report::trimmed_quote(text, settings_.max_words);
    std::string speaker =
        settings_.speaker_ids && !s.speakers.empty() ? s.speakers.front() : std::string();
    return {std::move(text), tag_variable_.empty() ? std::string() : value_of(s, tag_variable_),
            speaker,         s.document,
            where_of(s),     s.coding.representative};
  }

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
  TRY(themes, theme_codes(book, settings.codes));
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
  TRY(segments, find_segments(store, query));

  report::ThemeReport out;
  out.group_variable = settings.group_by;
  out.tag_variable = tag_name;
  if (tag_variable) {
    TRY(legend, tag_legend(store, *tag_variable, segments, settings));
    out.legend = std::move(legend);
  }
  out.speaker_ids = settings.speaker_ids;
  out.quotes_per_theme = settings.quotes;
  out.without_fillers = settings.without_fillers;
  out.max_words = settings.max_words;
  out.coders = settings.coders;
  TableBuilder builder(settings, out.tag_variable);
  std::vector<std::string> groups{""};
  if (group_variable) {
    TRY(found, groups_in_order(store, *group_variable, segments));
    groups = std::move(found);
  }
  for (const auto& group : groups) {
    report::ThemeTable table;
    table.group = group;
    table.title =
        group.empty() ? "All participants" : fmt::format("{}: {}", settings.group_by, group);
    for (const auto& theme : themes) {
      std::vector<const Segment*> counted, own;
      for (const auto& s : segments) {
        if (!theme.subtree.count(s.coding.code_id)) continue;
        if (!group.empty() && value_of(s, settings.group_by) != group) continue;
        counted.push_back(&s);
        if (s.coding.code_id == theme.id) own.push_back(&s);
      }
      table.rows.push_back(builder.row(book, theme, counted, own));
    }
    out.tables.push_back(std::move(table));
  }
  out.methods = methods_paragraph(out);
  return out;
}

}  // namespace thematica
