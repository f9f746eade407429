#include "core/csv.hpp"

namespace thematica {

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel writes a BOM
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, after_quote = false;
  std::size_t line = 1;
  auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
    row.clear();
    after_quote = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else if (after_quote) {
      return failf(ErrorKind::kInvalidInput,
                   "CSV line {}: text after a closing quote; double quotes inside a quoted field",
                   line);
    } else {
      field.push_back(c);
    }
  }
  if (quoted) {
    return failf(ErrorKind::kInvalidInput, "CSV line {}: a quoted field is never closed", line);
  }
  if (!field.empty() || !row.empty() || after_quote) end_row();
  return rows;
}

std::string format_csv_row(const CsvRow& row) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& f = row[i];
    if (f.find_first_of(",\"\n\r") == std::string::npos) {
      out += f;
      continue;
    }
    out.push_back('"');
    for (char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out.push_back('\n');
  return out;
}

namespace {
constexpr std::string_view kFormulaStarts = "=+-@\t\r";
}  // namespace

std::string spreadsheet_safe(std::string text) {
  if (!text.empty() && kFormulaStarts.find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  return text;
}

std::string spreadsheet_unsafe(std::string text) {
  if (text.size() >= 2 && text[0] == '\'' &&
      kFormulaStarts.find(text[1]) != std::string_view::npos) {
    text.erase(text.begin());
  }
  return text;
}

}  // namespace thematica
