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

// A cell that a spreadsheet will show as text, never run as a formula: text beginning with "=",
// "+", "-", "@", a tab or a carriage return gets a leading "'" (the usual neutralisation; the
// apostrophe is visible in a text editor, hidden by Excel and LibreOffice). Reports use it for
// every cell of text a participant or researcher wrote.
std::string spreadsheet_safe(std::string text);
// The text spreadsheet_safe was given: a leading "'" before one of those characters is removed.
// For files we write and read back (the codebook CSV), so a round trip keeps the text.
std::string spreadsheet_unsafe(std::string text);

}  // namespace thematica
