#pragma once
// Survey exports as respondents and questions: Qualtrics CSV/XLSX (question ids, question texts
// and an ImportId row on top), REDCap exports (raw or labelled) and plain tables with one header
// row. Each column gets a role: the respondent id, survey-tool metadata (not imported: it holds
// IP addresses, e-mails and locations), a closed question (a typed case variable), an open
// question (a document of answers) or empty.

#include <optional>
#include <string>
#include <vector>

#include "core/variable.hpp"
#include "ingest/extraction.hpp"
#include "ingest/xlsx_reader.hpp"

namespace thematica {

enum class ColumnRole { kId, kMetadata, kVariable, kOpenText, kEmpty };

struct SurveyColumn {
  std::string id;     // the header: "Q6", "age"
  std::string label;  // the question text (Qualtrics' second row), else the header
  ColumnRole role = ColumnRole::kEmpty;
  VariableType type = VariableType::kText;  // closed questions
  std::vector<std::string> categories;      // category questions: the answers given, sorted
};

struct Survey {
  std::string source;  // "qualtrics", "redcap" or "table"
  std::vector<SurveyColumn> columns;
  std::size_t id_column = 0;
  std::vector<std::vector<std::string>> rows;  // one per respondent, as wide as `columns`
  std::size_t first_row = 2;                   // the file's row number of rows[0], for messages
};

struct SurveyColumnChoice {
  std::optional<std::string> id_column;  // header or question text; default: found
  std::vector<std::string> open;         // columns to read as open questions
  std::vector<std::string> closed;       // columns to read as closed questions (variables)
};

// Reads a .csv (any encoding decode_text reads) or .xlsx file as rows. Errors: those of the
// readers; kInvalidInput for another extension.
Result<SheetRows> read_table_file(const std::string& path, const ReadOptions& options);

// Errors (kInvalidInput): no data rows; a row wider or narrower than the header (naming the row);
// an id column that is not found, or has an empty or repeated id (naming the rows); a column
// named in `choice` that does not exist.
Result<Survey> interpret_survey(SheetRows rows, const SurveyColumnChoice& choice);

}  // namespace thematica
