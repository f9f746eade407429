#include "ingest/survey.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/ascii.hpp"
#include "core/csv.hpp"
#include "ingest/encoding.hpp"
#include "ingest/readers.hpp"

namespace thematica {
namespace {

bool is_qualtrics_metadata(const std::string& id) {
  static const std::set<std::string> kColumns = {"startdate",
                                                 "enddate",
                                                 "status",
                                                 "ipaddress",
                                                 "progress",
                                                 "duration (in seconds)",
                                                 "finished",
                                                 "recordeddate",
                                                 "recipientlastname",
                                                 "recipientfirstname",
                                                 "recipientemail",
                                                 "externalreference",
                                                 "externaldatareference",
                                                 "locationlatitude",
                                                 "locationlongitude",
                                                 "distributionchannel",
                                                 "userlanguage",
                                                 "q_recaptchascore",
                                                 "q_relevantidduplicate",
                                                 "q_relevantidduplicatescore",
                                                 "q_relevantidfraudscore",
                                                 "q_relevantidlaststartdate"};
  return kColumns.contains(ascii_lower(id));
}

bool is_redcap_metadata(const std::string& id) {
  std::string h = ascii_lower(id);
  return h.starts_with("redcap_") || h.ends_with("_complete") || h.ends_with("_timestamp");
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    words += !space && !in_word ? 1 : 0;
    in_word = !space;
  }
  return words;
}

// Closed or open, and of which type, from the answers given.
void infer_column(SurveyColumn& column, const std::vector<std::string>& values) {
  std::set<std::string> distinct;
  std::size_t words = 0, longest = 0;
  std::optional<VariableType> common;
  for (const auto& v : values) {
    if (v.empty()) continue;
    distinct.insert(v);
    words += word_count(v);
    longest = std::max(longest, v.size());
    VariableType t = infer_variable_type(v);
    common = !common || *common == t ? t : VariableType::kText;
  }
  if (distinct.empty()) {
    column.role = ColumnRole::kEmpty;
    return;
  }
  column.role = ColumnRole::kVariable;
  column.type = *common;
  if (column.type != VariableType::kText) return;
  std::size_t answers = 0;
  for (const auto& v : values) answers += v.empty() ? 0 : 1;
  double mean_words = static_cast<double>(words) / static_cast<double>(answers);
  bool free_text = mean_words >= 4 || longest >= 80 || distinct.size() > 20;
  if (free_text) {
    column.role = ColumnRole::kOpenText;
  } else {
    column.type = VariableType::kCategory;
    column.categories.assign(distinct.begin(), distinct.end());
  }
}

std::optional<std::size_t> find_column(const std::vector<SurveyColumn>& columns,
                                       const std::string& wanted) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].id == wanted || columns[i].label == wanted) return i;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (ascii_lower(columns[i].id) == ascii_lower(wanted)) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> guess_id_column(const std::vector<SurveyColumn>& columns) {
  static const std::vector<std::string> kNames = {"responseid",  "record_id",      "record id",
                                                  "participant", "participant_id", "participant id",
                                                  "respondent",  "respondent_id",  "respondent id",
                                                  "id",          "case",           "pid"};
  for (const auto& name : kNames) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (ascii_lower(columns[i].id) == name || ascii_lower(columns[i].label) == name) return i;
    }
  }
  return std::nullopt;
}

Status check_ids(const Survey& s) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    const std::string& id = s.rows[r][s.id_column];
    std::size_t row = s.first_row + r;
    if (id.empty()) {
      return failf(ErrorKind::kInvalidInput, "row {} has no respondent id (column '{}')", row,
                   s.columns[s.id_column].id);
    }
    // Case names are matched ignoring ASCII case, so "R_ab" and "R_AB" would be one case.
    auto [it, fresh] = seen.emplace(ascii_lower(id), row);
    if (!fresh) {
      return failf(ErrorKind::kInvalidInput,
                   "respondent id '{}' appears twice (rows {} and {}, ignoring case); each row "
                   "must be one "
                   "respondent: name another id column with --id-column",
                   id, it->second, row);
    }
  }
  return {};
}

Status apply_choice(Survey& s, const SurveyColumnChoice& choice) {
  for (const auto& [names, role] : {std::pair{&choice.open, ColumnRole::kOpenText},
                                    std::pair{&choice.closed, ColumnRole::kVariable}}) {
    for (const auto& name : *names) {
      auto i = find_column(s.columns, name);
      if (!i) return failf(ErrorKind::kInvalidInput, "the file has no column '{}'", name);
      SurveyColumn& c = s.columns[*i];
      if (role == ColumnRole::kVariable && c.role == ColumnRole::kOpenText) {
        c.role = ColumnRole::kVariable;
        c.type = VariableType::kText;
      } else if (role == ColumnRole::kOpenText) {
        c.role = ColumnRole::kOpenText;
        c.type = VariableType::kText;
        c.categories.clear();
      }
    }
  }
  return {};
}

}  // namespace

Result<SheetRows> read_table_file(const std::string& path, const ReadOptions& options) {
  std::string ext = lower_extension(path);
  if (ext != ".csv" && ext != ".xlsx" && ext != ".tsv") {
    return fail(ErrorKind::kInvalidInput,
                "a survey export must be a .csv or .xlsx file (export it as CSV or Excel)");
  }
  TRY(bytes, read_file_bytes(path, options.max_bytes));
  if (ext == ".xlsx") return read_xlsx(bytes, options);
  TRY(decoded, decode_text(bytes, options.encoding));
  return parse_csv(decoded.utf8);
}

Result<Survey> interpret_survey(SheetRows rows, const SurveyColumnChoice& choice) {
  while (!rows.empty() && std::all_of(rows.back().begin(), rows.back().end(),
                                      [](const std::string& c) { return c.empty(); })) {
    rows.pop_back();  // trailing blank lines
  }
  if (rows.size() < 2) return fail(ErrorKind::kInvalidInput, "the file has no data rows");
  Survey s;
  const auto& header = rows[0];
  bool qualtrics = rows.size() >= 3 && !rows[2].empty() && rows[2][0].starts_with("{\"ImportId\"");
  std::size_t header_rows = qualtrics ? 3 : 1;
  s.source = qualtrics ? "qualtrics"
             : std::any_of(header.begin(), header.end(),
                           [](const std::string& h) { return ascii_lower(h) == "record_id"; })
                 ? "redcap"
                 : "table";
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string label = qualtrics && i < rows[1].size() ? rows[1][i] : header[i];
    SurveyColumn column;
    column.id = header[i];
    column.label = label;
    s.columns.push_back(std::move(column));
  }
  s.first_row = header_rows + 1;
  for (std::size_t r = header_rows; r < rows.size(); ++r) {
    auto& row = rows[r];
    if (row.size() < header.size()) row.resize(header.size());  // XLSX leaves trailing gaps
    if (row.size() != header.size()) {
      return failf(ErrorKind::kInvalidInput,
                   "row {} has {} fields but the header has {}: the file is damaged or was "
                   "edited by hand",
                   r + 1, row.size(), header.size());
    }
    s.rows.push_back(std::move(row));
  }
  auto id =
      choice.id_column ? find_column(s.columns, *choice.id_column) : guess_id_column(s.columns);
  if (!id) {
    return fail(ErrorKind::kInvalidInput,
                choice.id_column ? fmt::format("the file has no column '{}'", *choice.id_column)
                                 : "no respondent id column found (ResponseId, record_id, "
                                   "participant, id...); name it with --id-column");
  }
  s.id_column = *id;
  TRY_STATUS(check_ids(s));
  std::vector<std::vector<std::string>> values(s.columns.size());
  for (const auto& row : s.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) values[i].push_back(row[i]);
  }
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    SurveyColumn& c = s.columns[i];
    if (i == s.id_column) {
      c.role = ColumnRole::kId;
    } else if ((qualtrics && is_qualtrics_metadata(c.id)) ||
               (s.source == "redcap" && is_redcap_metadata(c.id))) {
      c.role = ColumnRole::kMetadata;
    } else {
      infer_column(c, values[i]);
    }
  }
  TRY_STATUS(apply_choice(s, choice));
  return s;
}

}  // namespace thematica
