#pragma once
// Case variables are typed, so values can be compared, sorted and grouped reliably. Each value is
// stored in a canonical text form: numbers as written (validated), dates as YYYY-MM-DD, booleans
// as "true"/"false", categories exactly as one of the declared categories.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace thematica {

enum class VariableType { kText, kNumber, kDate, kBoolean, kCategory };

struct Variable {
  std::int64_t id = 0;
  std::string guid;
  std::string name;
  VariableType type = VariableType::kText;
  std::vector<std::string> categories;  // allowed values of a category variable, in order
};

const char* variable_type_name(VariableType type);

// Errors: kInvalidInput naming the accepted types.
Result<VariableType> parse_variable_type(const std::string& name);

// The type a new variable gets from its first value: number, date or boolean when the value reads
// as one, otherwise text.
VariableType infer_variable_type(const std::string& value);

// Validates `raw` for `variable` and returns its canonical form. Errors: kInvalidInput saying what
// the type accepts (for categories, listing them).
Result<std::string> canonical_value(const Variable& variable, const std::string& raw);

}  // namespace thematica
