#pragma once
// Reads back the Excel files the report writers produce, sheet by sheet, as a reader sees them:
// each cell's text by its reference ("A1"), shared strings resolved, numbers as written in the
// XML. Uses pugixml and our zip reader, independent of libxlsxwriter.

#include <pugixml.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/zip_archive.hpp"

namespace thematica::testing {

struct XlsxSheetContent {
  std::string name;
  std::map<std::string, std::string> cells;  // "B3" → text or number
  std::string xml;

  std::string at(const std::string& reference) const {
    auto found = cells.find(reference);
    return found == cells.end() ? std::string() : found->second;
  }
};

struct XlsxContent {
  std::vector<XlsxSheetContent> sheets;  // in workbook order
  std::vector<std::string> parts;        // every part's name, in archive order
};

inline pugi::xml_document parse_part(ZipArchive& zip, const std::string& name) {
  auto bytes = zip.read(name);
  if (!bytes || !*bytes) throw std::runtime_error("no " + name + " in the workbook");
  pugi::xml_document doc;
  if (!doc.load_string((**bytes).c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) {
    throw std::runtime_error(name + " is not well formed");
  }
  return doc;
}

inline std::string string_item_text(const pugi::xml_node& si) {
  std::string out = si.child("t").text().get();
  for (const auto& run : si.children("r")) out += run.child("t").text().get();
  return out;
}

// Throws std::runtime_error when the file is not a readable workbook (a failed test).
inline XlsxContent read_xlsx_file(const std::string& path) {
  auto zip = ZipArchive::open_file(path, "XLSX", 1 << 28);
  if (!zip) throw std::runtime_error(zip.error().message);
  XlsxContent out;
  for (const auto& entry : zip->entries()) out.parts.push_back(entry.name);
  std::vector<std::string> shared;
  if (auto sst = zip->read("xl/sharedStrings.xml"); sst && *sst) {
    auto doc = parse_part(*zip, "xl/sharedStrings.xml");
    for (const auto& si : doc.child("sst").children("si")) shared.push_back(string_item_text(si));
  }
  auto rels = parse_part(*zip, "xl/_rels/workbook.xml.rels");
  std::map<std::string, std::string> targets;
  for (const auto& rel : rels.child("Relationships").children("Relationship")) {
    targets[rel.attribute("Id").as_string()] = rel.attribute("Target").as_string();
  }
  auto workbook = parse_part(*zip, "xl/workbook.xml");
  for (const auto& s : workbook.child("workbook").child("sheets").children("sheet")) {
    XlsxSheetContent sheet;
    sheet.name = s.attribute("name").as_string();
    std::string part = "xl/" + targets.at(s.attribute("r:id").as_string());
    sheet.xml = **zip->read(part);
    auto doc = parse_part(*zip, part);
    for (const auto& row : doc.child("worksheet").child("sheetData").children("row")) {
      for (const auto& c : row.children("c")) {
        std::string type = c.attribute("t").as_string();
        std::string value = c.child("v").text().get();
        if (type == "s") value = shared.at(std::stoul(value));
        if (type == "inlineStr") value = string_item_text(c.child("is"));
        sheet.cells[c.attribute("r").as_string()] = value;
      }
    }
    out.sheets.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace thematica::testing
