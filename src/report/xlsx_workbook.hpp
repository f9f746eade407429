#pragma once
// An Excel workbook (.xlsx) built up sheet by sheet and written through libxlsxwriter, with the few
// cell styles reports use. The workbook is plain data until write(), so building it cannot fail
// and a half-written file never replaces a good one.
//
// What goes into a cell is made safe for spreadsheets: text is stored as text and, like every CSV
// we write, text beginning with "=", "+", "-", "@", a tab or a carriage return gets a leading "'"
// (spreadsheet_safe), so copying a cell elsewhere never turns a participant's words into a
// formula; other control characters are dropped (Word and Excel mishandle them); text longer than
// a cell holds (32,767 characters) is cut at a character with "…". The file carries a fixed
// creation date, so equal content gives equal bytes.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.hpp"

struct lxw_workbook;

namespace thematica::report {

enum class XlsxStyle {
  kText,     // wrapped text, top-aligned
  kTitle,    // a sheet's caption: bold, larger
  kHeader,   // a column header: bold, bottom border, wrapped
  kBold,     // a theme's name
  kInteger,  // a count
  kPercent,  // a share stored as a fraction (0.25), shown "25.0%"
  kDecimal,  // a statistic, "0.000"
  kNote,     // small italic text under a table
};

// A clustered column chart of one sheet's numbers: categories down a column, one series per
// value column (e.g. themes down the rows, one series per group).
struct XlsxColumnChart {
  std::string title;
  std::string y_axis;
  std::uint32_t first_row = 0;  // the categories' rows, inclusive
  std::uint32_t last_row = 0;
  std::uint16_t category_column = 0;
  std::vector<std::uint16_t> value_columns;
  std::vector<std::string> series_names;  // one per value column
  std::uint32_t at_row = 0;               // where the chart's top left corner sits
  std::uint16_t at_column = 0;
};

class XlsxSheet {
 public:
  void text(std::uint32_t row, std::uint16_t column, std::string_view text,
            XlsxStyle style = XlsxStyle::kText, int indent = 0);
  void number(std::uint32_t row, std::uint16_t column, double value,
              XlsxStyle style = XlsxStyle::kInteger);
  // A paragraph of text across columns 0 to `last_column` (merged and wrapped), the row made tall
  // enough for it: a note under a table that should not widen the first column.
  void paragraph(std::uint32_t row, std::uint16_t last_column, std::string_view text,
                 XlsxStyle style = XlsxStyle::kNote);
  // Column widths in characters, from column 0.
  void widths(std::vector<double> widths) { widths_ = std::move(widths); }
  // Keeps the rows above `row` in view while scrolling, and offers filters on that header row.
  void header_row(std::uint32_t row, std::uint16_t last_column);
  void chart(XlsxColumnChart chart) { charts_.push_back(std::move(chart)); }

  const std::string& name() const { return name_; }

 private:
  friend class XlsxWorkbook;
  struct Cell {
    std::uint32_t row;
    std::uint16_t column;
    std::variant<std::string, double> value;
    XlsxStyle style;
    int indent;
  };
  std::string name_;
  std::vector<Cell> cells_;
  std::vector<std::pair<Cell, std::uint16_t>> paragraphs_;  // with their last column
  std::vector<double> widths_;
  bool has_header_ = false;
  std::uint32_t header_ = 0;
  std::uint16_t header_last_column_ = 0;
  std::vector<XlsxColumnChart> charts_;
};

class XlsxWorkbook {
 public:
  // Adds a sheet named from `name`, made acceptable to Excel: none of []:*?/\, at most 31
  // characters, unique in the workbook (a number is added when needed).
  XlsxSheet& add_sheet(std::string_view name);

  // Writes the workbook to `path` (replaced only when complete). Errors: kIo naming the path.
  Status write(const std::string& path) const;

 private:
  Status fill(lxw_workbook* workbook) const;
  std::deque<XlsxSheet> sheets_;  // a deque: add_sheet's references stay valid
};

// Text as a spreadsheet cell holds it (see the header comment).
std::string spreadsheet_cell_text(std::string_view text);

}  // namespace thematica::report
