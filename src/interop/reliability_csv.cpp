#include "interop/reliability_csv.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "core/csv.hpp"

namespace thematica {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_missing_cell(std::string_view cell) { return cell.empty() || cell == "NA"; }

std::optional<double> number(std::string_view cell) {
  double value = 0;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return value;
}

Result<std::vector<std::string>> coder_names(const CsvRow& header) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name(trimmed(header[i]));
    if (name.empty()) {
      return failf(ErrorKind::kInvalidInput,
                   "line 1: column {} has no coder name; the first row names the coders", i + 1);
    }
    if (!seen.insert(name).second) {
      return failf(ErrorKind::kInvalidInput, "line 1: coder '{}' is named twice", name);
    }
    names.push_back(std::move(name));
  }
  if (names.size() < 2) {
    return fail(ErrorKind::kInvalidInput,
                "line 1: agreement needs two or more coders, one column each (the first row "
                "names them)");
  }
  return names;
}

}  // namespace

Result<ReliabilityTable> parse_reliability_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  TRY(rows, parse_csv(text));
  // Spreadsheets often end with blank rows.
  while (!rows.empty() && std::all_of(rows.back().begin(), rows.back().end(),
                                      [](const auto& c) { return trimmed(c).empty(); })) {
    rows.pop_back();
  }
  if (rows.empty()) return fail(ErrorKind::kInvalidInput, "the table is empty");
  ReliabilityTable table;
  TRY(names, coder_names(rows[0]));
  table.coders = std::move(names);
  if (rows.size() < 2) {
    return fail(ErrorKind::kInvalidInput,
                "the table has coders but no units (rows after the first)");
  }
  std::size_t units = rows.size() - 1, coders = table.coders.size();
  bool all_numbers = true;
  for (std::size_t u = 1; u < rows.size(); ++u) {
    if (rows[u].size() > coders) {
      return failf(ErrorKind::kInvalidInput, "line {}: {} cells, but the header names {} coders",
                   u + 1, rows[u].size(), coders);
    }
    for (const auto& cell : rows[u]) {
      auto v = trimmed(cell);
      if (!is_missing_cell(v) && !number(v)) all_numbers = false;
    }
  }
  table.ratings = Ratings(units, coders);
  std::map<std::string, double, std::less<>> label_index;
  for (std::size_t u = 0; u < units; ++u) {
    const CsvRow& row = rows[u + 1];
    for (std::size_t c = 0; c < row.size(); ++c) {
      auto v = trimmed(row[c]);
      if (is_missing_cell(v)) continue;
      if (all_numbers) {
        table.ratings.set(u, c, *number(v));
        continue;
      }
      auto [it, added] =
          label_index.try_emplace(std::string(v), static_cast<double>(label_index.size() + 1));
      if (added) table.labels.emplace_back(v);
      table.ratings.set(u, c, it->second);
    }
  }
  return table;
}

}  // namespace thematica
