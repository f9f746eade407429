#pragma once
// RFC 4180 CSV: fields separated by commas, quoted with '"' when they hold a comma, quote or line
// break, quotes doubled inside. Reads LF and CRLF rows; writes LF rows.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace thematica {

using CsvRow = std::vector<std::string>;

// Errors: kInvalidInput for an unterminated quoted field or text after a closing quote, naming
// the line.
Result<std::vector<CsvRow>> parse_csv(std::string_view text);

std::string format_csv_row(const CsvRow& row);

}  // namespace thematica
