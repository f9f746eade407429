#include "services/survey_import.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/ascii.hpp"
#include "core/text.hpp"
#include "services/documents.hpp"
#include "services/lookup.hpp"
#include "services/transcripts.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

Result<Survey> load_survey(const std::string& path, const SurveyImportOptions& options) {
  auto located = [&](Error e) {
    if (e.where.empty()) e.where = path;
    return tl::unexpected(e);
  };
  auto rows = read_table_file(path, options.read);
  if (!rows) return located(rows.error());
  auto survey = interpret_survey(std::move(*rows), options.columns);
  if (!survey) return located(survey.error());
  return survey;
}

// A closed question's variable: named by its question text when that is short (Qualtrics), else
// by its column header.
std::string variable_name(const Survey& s, const SurveyColumn& c) {
  if (s.source == "qualtrics" && !c.label.empty() && c.label.size() <= 40) return c.label;
  return c.id;
}

class SurveyWriter {
 public:
  SurveyWriter(Store& store, const Survey& survey, SurveyImportReport& report)
      : store_(store), survey_(survey), report_(report) {}

  // Every respondent's case: found by name, or created when `create`; else nullopt.
  Status resolve_cases(bool create) {
    TRY(cases, store_.cases());
    std::map<std::string, Id> by_name;
    for (const auto& c : cases) by_name[ascii_lower(c.name)] = c.id;
    for (const auto& row : survey_.rows) {
      const std::string& id = row[survey_.id_column];
      if (auto found = by_name.find(ascii_lower(id)); found != by_name.end()) {
        cases_.emplace_back(found->second);
      } else if (create) {
        TRY(made, store_.insert_case(id));
        cases_.emplace_back(made.id);
        ++report_.new_cases;
      } else {
        cases_.emplace_back();
        report_.unmatched.push_back(id);
      }
    }
    return {};
  }

  Status write_variables() {
    TRY(existing, store_.variables());
    for (std::size_t i = 0; i < survey_.columns.size(); ++i) {
      const SurveyColumn& column = survey_.columns[i];
      report_.variable_names.emplace_back();
      if (column.role != ColumnRole::kVariable) continue;
      std::string name = variable_name(survey_, column);
      auto found = std::find_if(existing.begin(), existing.end(), [&](const Variable& v) {
        return ascii_lower(v.name) == ascii_lower(name);
      });
      Variable variable = found != existing.end() ? *found : Variable{};
      if (found == existing.end()) {
        TRY(made, store_.insert_variable(Variable{0, {}, name, column.type, column.categories}));
        variable = made;
      }
      report_.variable_names.back() = variable.name;
      TRY_STATUS(write_values(i, variable));
    }
    return {};
  }

  Status write_documents(const std::string& stem, const std::optional<std::string>& group) {
    std::optional<DocumentGroup> g;
    if (group) {
      TRY(made, ensure_group(store_, *group));
      g = made;
    }
    for (std::size_t i = 0; i < survey_.columns.size(); ++i) {
      if (survey_.columns[i].role != ColumnRole::kOpenText) continue;
      TRY(doc, write_question(i, stem));
      if (g) TRY_STATUS(store_.add_to_group(g->id, doc.document.id));
      report_.documents.push_back(std::move(doc));
    }
    return {};
  }

 private:
  Status write_values(std::size_t column, const Variable& variable) {
    std::vector<CaseValue> values;
    values.reserve(survey_.rows.size());
    for (std::size_t r = 0; r < survey_.rows.size(); ++r) {
      const std::string& raw = survey_.rows[r][column];
      if (raw.empty() || !cases_[r]) continue;
      auto value = canonical_value(variable, raw);
      if (!value) {
        return failf(ErrorKind::kInvalidInput, "row {}, column '{}': {}", survey_.first_row + r,
                     survey_.columns[column].id, value.error().message);
      }
      values.push_back(CaseValue{*cases_[r], variable.id, std::move(*value)});
    }
    return store_.set_case_values(values);
  }

  // The question as a document: its text on the first line, then one line per answer.
  Result<SurveyQuestionDocument> write_question(std::size_t column, const std::string& stem) {
    const SurveyColumn& c = survey_.columns[column];
    std::vector<Cue> cues;
    std::string question = c.label == c.id ? c.id : c.id + ": " + c.label;
    cues.push_back(Cue{{}, {}, {}, question, 0, true});
    std::vector<std::optional<Id>> answer_cases;
    for (std::size_t r = 0; r < survey_.rows.size(); ++r) {
      std::string answer = survey_.rows[r][column];
      std::replace(answer.begin(), answer.end(), '\n', ' ');  // one answer, one line
      if (answer.find_first_not_of(" \t") == std::string::npos) continue;
      cues.push_back(Cue{{},
                         {},
                         survey_.rows[r][survey_.id_column],
                         answer,
                         static_cast<int>(survey_.first_row + r)});
      answer_cases.push_back(cases_[r]);
    }
    TRY(transcript, assemble_transcript(cues, "survey"));
    TRY(text, Text::from_utf8(transcript.text));
    SurveyQuestionDocument out;
    out.column = c.id;
    Document d;
    d.name = stem + " " + c.id;
    d.kind = "survey";
    d.original_name = std::filesystem::path(report_.path).filename().string();
    TRY(stored, add_document(store_, std::move(d), text));
    out.document = std::move(stored);
    TRY_STATUS(record_attributed_turns(store_, out.document.id, transcript, answer_cases));
    out.answers = transcript.turns.size();
    return out;
  }

  Store& store_;
  const Survey& survey_;
  SurveyImportReport& report_;
  std::vector<std::optional<Id>> cases_;  // per row
};

SurveyImportReport start_report(const std::string& path, const Survey& survey) {
  SurveyImportReport report;
  report.path = path;
  report.source = survey.source;
  report.respondents = survey.rows.size();
  report.columns = survey.columns;
  return report;
}

}  // namespace

Result<SurveyImportReport> import_survey(const ServiceContext& ctx, const std::string& path,
                                         const SurveyImportOptions& options) {
  TRY(survey, load_survey(path, options));
  SurveyImportReport report = start_report(path, survey);
  std::string stem = std::filesystem::path(path).stem().string();
  auto event = ctx.store.change("survey.import", ctx.actor, [&]() -> Result<std::string> {
    SurveyWriter writer(ctx.store, survey, report);
    TRY_STATUS(writer.resolve_cases(true));
    TRY_STATUS(writer.write_variables());
    TRY_STATUS(writer.write_documents(stem, options.group));
    return fmt::format(
        "imported survey '{}': {}, {}", stem,
        count_of(static_cast<std::int64_t>(report.respondents), "respondent"),
        count_of(static_cast<std::int64_t>(report.documents.size()), "open question"));
  });
  if (!event) return tl::unexpected(event.error());
  return report;
}

Result<SurveyImportReport> import_variables(const ServiceContext& ctx, const std::string& path,
                                            const SurveyImportOptions& options) {
  TRY(survey, load_survey(path, options));
  for (auto& column : survey.columns) {  // no documents here: open answers are text values
    if (column.role == ColumnRole::kOpenText) {
      column.role = ColumnRole::kVariable;
      column.type = VariableType::kText;
    }
  }
  SurveyImportReport report = start_report(path, survey);
  auto event = ctx.store.change("case.import_variables", ctx.actor, [&]() -> Result<std::string> {
    SurveyWriter writer(ctx.store, survey, report);
    TRY_STATUS(writer.resolve_cases(false));
    if (report.unmatched.size() == report.respondents) {
      return fail(
          ErrorKind::kInvalidInput,
          fmt::format("no id in column '{}' names a case (the first is '{}'); see "
                      "'thematica cases' for the case names",
                      survey.columns[survey.id_column].id, survey.rows[0][survey.id_column]),
          path);
    }
    TRY_STATUS(writer.write_variables());
    return fmt::format(
        "set variables of {} from '{}'",
        count_of(static_cast<std::int64_t>(report.respondents - report.unmatched.size()), "case"),
        std::filesystem::path(path).filename().string());
  });
  if (!event) return tl::unexpected(event.error());
  return report;
}

}  // namespace thematica
