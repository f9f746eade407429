#pragma once
// Survey exports in a project. import_survey: every respondent becomes a case (matched by name
// to an existing one), closed questions become typed case variables, and each open question
// becomes a document in which every answer is one line, "respondent: answer", linked to the
// respondent's case, so answers can be coded one by one and every quote keeps its respondent.
// import_variables: attaches the columns of a table to existing cases by id (demographics).

#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "ingest/survey.hpp"
#include "services/context.hpp"

namespace thematica {

struct SurveyImportOptions {
  SurveyColumnChoice columns;
  ReadOptions read;
  std::optional<std::string> group;  // add the question documents to this group
};

struct SurveyQuestionDocument {
  std::string column;  // "Q6"
  Document document;   // named "<file name> <column>"
  std::size_t answers = 0;
};

struct SurveyImportReport {
  std::string path;
  std::string source;  // "qualtrics", "redcap", "table"
  std::size_t respondents = 0;
  std::size_t new_cases = 0;
  std::vector<SurveyColumn> columns;        // every column with the role and type it was read with
  std::vector<std::string> variable_names;  // parallel to columns: the variable made of it
  std::vector<SurveyQuestionDocument> documents;
  std::vector<std::string> unmatched;  // import_variables: ids that named no case
};

// One change. Errors: those of read_table_file and interpret_survey (with the path); kConflict
// when a question document's name is taken; kInvalidInput when an answer does not fit an
// existing variable's type (naming row and column).
Result<SurveyImportReport> import_survey(const ServiceContext& ctx, const std::string& path,
                                         const SurveyImportOptions& options);

// One change. Rows whose id names no case are listed in `unmatched` and change nothing. Errors:
// as import_survey; kInvalidInput when no id matches any case.
Result<SurveyImportReport> import_variables(const ServiceContext& ctx, const std::string& path,
                                            const SurveyImportOptions& options);

}  // namespace thematica
