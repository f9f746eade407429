#include "report/xlsx_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <utility>

#include "core/csv.hpp"
#include "core/utf8.hpp"
#include "report/chart_palette.hpp"

namespace thematica::report {
namespace {

// Excel holds at most 32,767 UTF-16 units in a cell; longer text is cut to leave room for "…".
constexpr std::size_t kCellLimit = 32767;

std::size_t utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }

// The first days of 2000: a fixed creation date, so equal workbooks are equal files.
constexpr std::time_t kFixedCreated = 946684800;

// One format per style and indent level, made on first use (libxlsxwriter keeps them).
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}

  lxw_format* get(XlsxStyle style, int indent) {
    auto key = std::make_pair(style, indent);
    auto found = formats_.find(key);
    if (found != formats_.end()) return found->second;
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, "Calibri");
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    switch (style) {
      case XlsxStyle::kText:
        format_set_text_wrap(f);
        break;
      case XlsxStyle::kTitle:
        format_set_bold(f);
        format_set_font_size(f, 13);
        break;
      case XlsxStyle::kHeader:
        format_set_bold(f);
        format_set_text_wrap(f);
        format_set_bottom(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
        break;
      case XlsxStyle::kBold:
        format_set_bold(f);
        format_set_text_wrap(f);
        break;
      case XlsxStyle::kInteger:
        format_set_num_format(f, "0");
        break;
      case XlsxStyle::kPercent:
        format_set_num_format(f, "0.0%");
        break;
      case XlsxStyle::kDecimal:
        format_set_num_format(f, "0.000");
        break;
      case XlsxStyle::kNote:
        format_set_italic(f);
        format_set_font_size(f, 9);
        format_set_text_wrap(f);
        break;
    }
    if (indent > 0) format_set_indent(f, static_cast<std::uint8_t>(indent));
    formats_.emplace(key, f);
    return f;
  }

 private:
  lxw_workbook* workbook_;
  std::map<std::pair<XlsxStyle, int>, lxw_format*> formats_;
};

std::string sheet_name(std::string_view wanted, const std::deque<XlsxSheet>& taken) {
  std::string base;
  for (char c : wanted) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
    if (static_cast<unsigned char>(c) >= 0x20) base += c;
  }
  // Excel also refuses a name beginning or ending with an apostrophe.
  while (!base.empty() && base.front() == '\'') base.erase(base.begin());
  while (!base.empty() && base.back() == '\'') base.pop_back();
  if (base.empty()) base = "Sheet";
  auto fits = [](const std::string& name, std::string_view suffix) {
    // 31 characters, counted as Excel counts them (code points; a cut never splits one).
    std::string_view head = first_code_points(name, 31 - suffix.size());
    return std::string(head) + std::string(suffix);
  };
  auto used = [&](const std::string& name) {
    for (const auto& sheet : taken) {
      // Excel compares sheet names without regard to ASCII case.
      if (sheet.name().size() == name.size() &&
          std::equal(name.begin(), name.end(), sheet.name().begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
          })) {
        return true;
      }
    }
    return false;
  };
  std::string name = fits(base, "");
  for (int n = 2; used(name); ++n) name = fits(base, " (" + std::to_string(n) + ")");
  return name;
}

Status fail_io(const std::string& path, std::string_view what) {
  return failf(ErrorKind::kIo, "could not write {}: {}", path, what);
}

void add_chart(lxw_workbook* workbook, lxw_worksheet* worksheet, const std::string& sheet,
               const XlsxColumnChart& c) {
  lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_COLUMN);
  chart_title_set_name(chart, spreadsheet_cell_text(c.title).c_str());
  chart_axis_set_name(chart->y_axis, spreadsheet_cell_text(c.y_axis).c_str());
  chart_axis_set_num_format(chart->y_axis, "0%");
  chart_axis_set_min(chart->y_axis, 0);
  chart_axis_set_max(chart->y_axis, 1);  // shares: the axis ends at 100%
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  for (std::size_t i = 0; i < c.value_columns.size(); ++i) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet.c_str(), c.first_row, c.category_column, c.last_row,
                                c.category_column);
    chart_series_set_values(series, sheet.c_str(), c.first_row, c.value_columns[i], c.last_row,
                            c.value_columns[i]);
    chart_series_set_name(series, spreadsheet_cell_text(c.series_names[i]).c_str());
    lxw_chart_fill fill{};
    fill.color = group_fill(i);
    chart_series_set_fill(series, &fill);
    lxw_chart_line line{};
    line.color = 0x000000;
    line.width = 0.75F;
    chart_series_set_line(series, &line);
  }
  lxw_chart_options where{};
  where.x_scale = 1.6;
  where.y_scale = 1.4;
  worksheet_insert_chart_opt(worksheet, c.at_row, c.at_column, chart, &where);
}

}  // namespace

std::string spreadsheet_cell_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 || c == '\n' || c == '\t') out += c;
  }
  std::size_t units = 0;
  std::size_t cut = out.size();  // where the text leaves room for "…" within the limit
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto byte = static_cast<unsigned char>(out[i]);
    if (!is_lead_byte(byte)) continue;
    if (units + utf16_units(byte) > kCellLimit - 1 && cut == out.size()) cut = i;
    units += utf16_units(byte);
  }
  if (units > kCellLimit) {
    out.resize(cut);
    out += "\u2026";
  }
  return spreadsheet_safe(std::move(out));
}

void XlsxSheet::text(std::uint32_t row, std::uint16_t column, std::string_view text,
                     XlsxStyle style, int indent) {
  cells_.push_back({row, column, spreadsheet_cell_text(text), style, indent});
}

void XlsxSheet::paragraph(std::uint32_t row, std::uint16_t last_column, std::string_view text,
                          XlsxStyle style) {
  paragraphs_.push_back({Cell{row, 0, spreadsheet_cell_text(text), style, 0}, last_column});
}

void XlsxSheet::number(std::uint32_t row, std::uint16_t column, double value, XlsxStyle style) {
  cells_.push_back({row, column, value, style, 0});
}

void XlsxSheet::header_row(std::uint32_t row, std::uint16_t last_column) {
  has_header_ = true;
  header_ = row;
  header_last_column_ = last_column;
}

XlsxSheet& XlsxWorkbook::add_sheet(std::string_view name) {
  std::string unique = sheet_name(name, sheets_);
  XlsxSheet& sheet = sheets_.emplace_back();
  sheet.name_ = std::move(unique);
  return sheet;
}

Status XlsxWorkbook::write(const std::string& path) const {
  // libxlsxwriter writes the whole file at workbook_close; it goes to a neighbour first and
  // replaces `path` only when complete.
  std::string partial = path + ".partial";
  lxw_workbook_options options{};
  lxw_workbook* workbook = workbook_new_opt(partial.c_str(), &options);
  if (workbook == nullptr) return fail_io(path, "could not start the workbook");
  Status filled = fill(workbook);
  lxw_error closed = workbook_close(workbook);
  if (!filled || closed != LXW_NO_ERROR || std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    if (!filled) return fail_io(path, filled.error().message);
    return fail_io(path, closed != LXW_NO_ERROR ? lxw_strerror(closed) : "could not replace it");
  }
  return {};
}

Status XlsxWorkbook::fill(lxw_workbook* workbook) const {
  lxw_doc_properties properties{};
  properties.created = kFixedCreated;
  workbook_set_properties(workbook, &properties);
  Formats formats(workbook);
  for (const auto& sheet : sheets_) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name_.c_str());
    if (ws == nullptr) return failf(ErrorKind::kIo, "Excel refused the sheet name {}", sheet.name_);
    for (std::size_t c = 0; c < sheet.widths_.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           sheet.widths_[c], nullptr);
    }
    for (const auto& cell : sheet.cells_) {
      lxw_format* format = formats.get(cell.style, cell.indent);
      lxw_error error = LXW_NO_ERROR;
      if (const auto* text = std::get_if<std::string>(&cell.value)) {
        error = worksheet_write_string(ws, cell.row, cell.column, text->c_str(), format);
      } else {
        error =
            worksheet_write_number(ws, cell.row, cell.column, std::get<double>(cell.value), format);
      }
      if (error != LXW_NO_ERROR) return failf(ErrorKind::kIo, "{}", lxw_strerror(error));
    }
    for (const auto& [cell, last_column] : sheet.paragraphs_) {
      const auto& text = std::get<std::string>(cell.value);
      // Spreadsheets do not grow merged rows to their text: estimate the lines it needs.
      double width = 0;
      for (std::size_t c = 0; c <= last_column; ++c) {
        width += c < sheet.widths_.size() ? sheet.widths_[c] : 8.43;
      }
      double lines = std::ceil(static_cast<double>(text.size()) * 1.15 / std::max(width, 1.0));
      worksheet_set_row(ws, cell.row, std::max(1.0, lines) * 13, nullptr);
      lxw_format* format = formats.get(cell.style, 0);
      lxw_error error =
          last_column == 0
              ? worksheet_write_string(ws, cell.row, 0, text.c_str(), format)
              : worksheet_merge_range(ws, cell.row, 0, cell.row, last_column, text.c_str(), format);
      if (error != LXW_NO_ERROR) return failf(ErrorKind::kIo, "{}", lxw_strerror(error));
    }
    if (sheet.has_header_) {
      worksheet_freeze_panes(ws, sheet.header_ + 1, 0);
      worksheet_repeat_rows(ws, sheet.header_, sheet.header_);
      worksheet_autofilter(ws, sheet.header_, 0, sheet.header_, sheet.header_last_column_);
    }
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    for (const auto& chart : sheet.charts_) add_chart(workbook, ws, sheet.name_, chart);
  }
  return {};
}

}  // namespace thematica::report
