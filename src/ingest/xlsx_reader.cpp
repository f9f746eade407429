#include "ingest/xlsx_reader.hpp"

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>

#include "ingest/xml_part.hpp"
#include "ingest/zip_archive.hpp"

namespace thematica {
namespace {

std::string run_text(const pugi::xml_node& node) {
  std::string out;
  for (auto child : node.children()) {
    std::string_view name = local_name(child);
    if (name == "t") {
      out += child.child_value();
    } else if (name == "r") {
      out += run_text(child);
    }
  }
  return out;
}

Result<std::vector<std::string>> shared_strings(ZipArchive& zip) {
  TRY(xml, zip.read("xl/sharedStrings.xml"));
  std::vector<std::string> out;
  if (!xml) return out;
  TRY(doc, parse_xml_part(*xml, "XLSX", "xl/sharedStrings.xml"));
  for (auto si : doc.document_element().children()) {
    if (local_name(si) == "si") out.push_back(run_text(si));
  }
  return out;
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  if (id < 164) return false;
  bool quoted = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == 'y' || c == 'd' || c == 'Y' || c == 'D')) return true;
  }
  return false;
}

// The cell styles (indexes into cellXfs) whose number format shows a date.
Result<std::set<int>> date_styles(ZipArchive& zip) {
  TRY(xml, zip.read("xl/styles.xml"));
  std::set<int> out;
  if (!xml) return out;
  TRY(doc, parse_xml_part(*xml, "XLSX", "xl/styles.xml"));
  auto root = doc.document_element();
  std::map<int, std::string> custom;
  for (auto fmt : root.child("numFmts").children("numFmt")) {
    custom[fmt.attribute("numFmtId").as_int()] = fmt.attribute("formatCode").value();
  }
  int index = 0;
  for (auto xf : root.child("cellXfs").children("xf")) {
    int id = xf.attribute("numFmtId").as_int();
    if (is_date_format(id, custom[id])) out.insert(index);
    ++index;
  }
  return out;
}

// Excel's day count (1900 system, with its fictitious 29 February 1900) as YYYY-MM-DD.
std::string excel_date(double serial) {
  using namespace std::chrono;
  auto days = static_cast<int>(serial);
  sys_days date =
      sys_days(year_month_day(year(1899), month(12), day(30))) + std::chrono::days(days);
  year_month_day ymd(date);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// "C12" -> column 2 (zero-based).
std::size_t column_of(std::string_view ref) {
  std::size_t column = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  return column == 0 ? 0 : column - 1;
}

std::string cell_text(const pugi::xml_node& c, const std::vector<std::string>& strings,
                      const std::set<int>& dates) {
  std::string_view type = c.attribute("t").value();
  std::string value = c.child("v").child_value();
  if (type == "s") {
    auto i = static_cast<std::size_t>(std::atol(value.c_str()));
    return i < strings.size() ? strings[i] : std::string();
  }
  if (type == "inlineStr") return run_text(c.child("is"));
  if (type == "b") return value == "1" ? "true" : "false";
  if (type.empty() || type == "n") {
    if (!value.empty() && dates.contains(c.attribute("s").as_int())) {
      return excel_date(std::atof(value.c_str()));
    }
  }
  return value;  // numbers as written; "str" formula results; "e" errors such as #N/A
}

Result<std::string> first_sheet_part(ZipArchive& zip) {
  TRY(workbook_xml, zip.read("xl/workbook.xml"));
  TRY(rels_xml, zip.read("xl/_rels/workbook.xml.rels"));
  if (!workbook_xml || !rels_xml) {
    return fail(ErrorKind::kInvalidInput, "not an Excel workbook: it has no xl/workbook.xml");
  }
  TRY(workbook, parse_xml_part(*workbook_xml, "XLSX", "xl/workbook.xml"));
  TRY(rels, parse_xml_part(*rels_xml, "XLSX", "xl/_rels/workbook.xml.rels"));
  auto sheet = workbook.document_element().child("sheets").first_child();
  if (!sheet) return fail(ErrorKind::kInvalidInput, "the workbook has no worksheet");
  std::string id = sheet.attribute("r:id").value();
  for (auto rel : rels.document_element().children()) {
    if (id == rel.attribute("Id").value()) {
      std::string target = rel.attribute("Target").value();
      return target.starts_with('/') ? target.substr(1) : "xl/" + target;
    }
  }
  return fail(ErrorKind::kInvalidInput, "the workbook is damaged: its first sheet has no part");
}

}  // namespace

Result<SheetRows> read_xlsx(std::string_view bytes, const ReadOptions& options) {
  TRY(zip, ZipArchive::open(bytes, "XLSX", options.max_bytes));
  TRY(part, first_sheet_part(zip));
  TRY(strings, shared_strings(zip));
  TRY(dates, date_styles(zip));
  TRY(xml, zip.read(part));
  if (!xml) return failf(ErrorKind::kInvalidInput, "the workbook is damaged: {} is missing", part);
  TRY(sheet, parse_xml_part(*xml, "XLSX", part));
  SheetRows rows;
  for (auto row : sheet.document_element().child("sheetData").children("row")) {
    auto number = static_cast<std::size_t>(row.attribute("r").as_ullong(rows.size() + 1));
    if (number == 0 || number > 1'048'576) {
      return fail(ErrorKind::kInvalidInput, "the workbook is damaged: a row number is invalid");
    }
    rows.resize(std::max(rows.size(), number));
    auto& cells = rows[number - 1];
    for (auto c : row.children("c")) {
      std::size_t column = c.attribute("r") ? column_of(c.attribute("r").value()) : cells.size();
      if (column >= 16'384) {
        return fail(ErrorKind::kInvalidInput, "the workbook is damaged: a cell is out of range");
      }
      if (cells.size() <= column) cells.resize(column + 1);
      cells[column] = cell_text(c, strings, dates);
    }
  }
  return rows;
}

}  // namespace thematica
