#pragma once
// Reads back the Word files the report writers produce, as a reader would see them: the text of
// each body paragraph and of each table cell (its paragraphs joined with "\n"; a <w:br/> is a
// "\n" and a <w:tab/> a "\t"). Uses pugixml, independent of the writer's own XML code.

#include <pugixml.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/zip_archive.hpp"

namespace thematica::testing {

struct DocxContent {
  std::string document_xml;
  std::vector<std::string> paragraphs;  // body paragraphs outside tables, with text
  std::vector<std::string> paragraph_styles;
  std::vector<std::vector<std::vector<std::string>>> tables;  // table, row, cell
};

inline std::string paragraph_text(const pugi::xml_node& p) {
  std::string out;
  for (const auto& run : p.children("w:r")) {
    for (const auto& piece : run.children()) {
      std::string name = piece.name();
      if (name == "w:t") out += piece.text().get();
      if (name == "w:br") out += '\n';
      if (name == "w:tab") out += '\t';
    }
  }
  return out;
}

// Throws std::runtime_error when the file is not a readable DOCX (a failed test, not a result).
inline DocxContent read_docx(const std::string& path) {
  auto zip = ZipArchive::open_file(path, "DOCX", 1 << 28);
  if (!zip) throw std::runtime_error(zip.error().message);
  auto xml = zip->read("word/document.xml");
  if (!xml || !*xml) throw std::runtime_error("no word/document.xml in " + path);
  DocxContent out;
  out.document_xml = **xml;
  pugi::xml_document doc;
  if (!doc.load_string(out.document_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) {
    throw std::runtime_error("word/document.xml is not well formed");
  }
  for (const auto& node : doc.child("w:document").child("w:body").children()) {
    std::string name = node.name();
    if (name == "w:p") {
      std::string text = paragraph_text(node);
      if (text.empty()) continue;
      out.paragraphs.push_back(text);
      out.paragraph_styles.push_back(
          node.child("w:pPr").child("w:pStyle").attribute("w:val").as_string());
    } else if (name == "w:tbl") {
      auto& table = out.tables.emplace_back();
      for (const auto& tr : node.children("w:tr")) {
        auto& row = table.emplace_back();
        for (const auto& tc : tr.children("w:tc")) {
          std::string cell;
          for (const auto& p : tc.children("w:p")) {
            if (!cell.empty()) cell += '\n';
            cell += paragraph_text(p);
          }
          row.push_back(cell);
        }
      }
    }
  }
  return out;
}

}  // namespace thematica::testing
