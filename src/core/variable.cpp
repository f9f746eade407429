#include "core/variable.hpp"

#include "core/ascii.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/ranges.h>

namespace thematica {
namespace {

bool is_number(const std::string& s) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  int max_day = kDays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
  return d <= max_day;
}

// "true"/"false" for the spellings researchers use in spreadsheets, empty otherwise.
std::string as_boolean(const std::string& s) {
  std::string l = ascii_lower(s);
  if (l == "true" || l == "yes" || l == "y" || l == "1") return "true";
  if (l == "false" || l == "no" || l == "n" || l == "0") return "false";
  return {};
}

}  // namespace

const char* variable_type_name(VariableType type) {
  switch (type) {
    case VariableType::kText:
      return "text";
    case VariableType::kNumber:
      return "number";
    case VariableType::kDate:
      return "date";
    case VariableType::kBoolean:
      return "boolean";
    case VariableType::kCategory:
      return "category";
  }
  return "text";
}

Result<VariableType> parse_variable_type(const std::string& name) {
  for (auto type : {VariableType::kText, VariableType::kNumber, VariableType::kDate,
                    VariableType::kBoolean, VariableType::kCategory}) {
    if (ascii_lower(name) == variable_type_name(type)) return type;
  }
  return failf(ErrorKind::kInvalidInput,
               "unknown variable type '{}'; use text, number, date, boolean or category", name);
}

VariableType infer_variable_type(const std::string& value) {
  if (is_number(value)) return VariableType::kNumber;
  if (is_date(value)) return VariableType::kDate;
  std::string l = ascii_lower(value);
  if (l == "true" || l == "false" || l == "yes" || l == "no") return VariableType::kBoolean;
  return VariableType::kText;
}

Result<std::string> canonical_value(const Variable& variable, const std::string& raw) {
  switch (variable.type) {
    case VariableType::kText:
      return raw;
    case VariableType::kNumber:
      if (is_number(raw)) return raw;
      return failf(ErrorKind::kInvalidInput, "'{}' is not a number, and {} is a number variable",
                   raw, variable.name);
    case VariableType::kDate:
      if (is_date(raw)) return raw;
      return failf(ErrorKind::kInvalidInput,
                   "'{}' is not a date; {} takes dates written YYYY-MM-DD", raw, variable.name);
    case VariableType::kBoolean: {
      std::string b = as_boolean(raw);
      if (!b.empty()) return b;
      return failf(ErrorKind::kInvalidInput,
                   "'{}' is not true or false (nor yes/no, 1/0), and {} "
                   "is a boolean variable",
                   raw, variable.name);
    }
    case VariableType::kCategory: {
      const auto& cats = variable.categories;
      if (std::find(cats.begin(), cats.end(), raw) != cats.end()) return raw;
      return failf(ErrorKind::kInvalidInput, "'{}' is not a category of {}; use one of: {}", raw,
                   variable.name, fmt::join(cats, ", "));
    }
  }
  return fail(ErrorKind::kInternal, "unknown variable type");
}

}  // namespace thematica
