#pragma once
// Reads the first worksheet of an Excel workbook (.xlsx) as rows of cell texts: shared and
// inline strings (rich-text runs joined), numbers as written, booleans as true/false, and numbers
// in a date format as YYYY-MM-DD. Missing cells are empty; rows keep their sheet positions.

#include <string>
#include <string_view>
#include <vector>

#include "ingest/extraction.hpp"

namespace thematica {

using SheetRows = std::vector<std::vector<std::string>>;

// Errors: kInvalidInput for a password-protected, damaged, truncated or oversized workbook, one
// without worksheets, and malformed XML (naming the part).
Result<SheetRows> read_xlsx(std::string_view bytes, const ReadOptions& options);

}  // namespace thematica
