#include "ingest/docx_reader.hpp"

#include <map>

#include "ingest/xml_part.hpp"
#include "ingest/zip_archive.hpp"

namespace thematica {
namespace {

// Notes referenced from the body, numbered in order of first reference as Word shows them.
struct NoteNumbers {
  std::map<std::string, int> by_id;
  int number(const std::string& id) {
    return by_id.try_emplace(id, static_cast<int>(by_id.size()) + 1).first->second;
  }
};

class BodyWalker {
 public:
  int deletions = 0;
  NoteNumbers footnotes, endnotes;

  void inline_text(const pugi::xml_node& node, std::string& out) {
    for (auto child : node.children()) {
      if (child.type() == pugi::node_pcdata) continue;
      std::string_view name = local_name(child);
      if (name == "t") {
        out += child.child_value();
      } else if (name == "tab" || name == "ptab") {
        out += '\t';
      } else if (name == "br" || name == "cr") {
        out += '\n';
      } else if (name == "noBreakHyphen") {
        out += '-';
      } else if (name == "del" || name == "moveFrom") {
        ++deletions;
      } else if (name == "footnoteReference") {
        out += "[" + std::to_string(footnotes.number(child.attribute("w:id").value())) + "]";
      } else if (name == "endnoteReference") {
        out += "[e" + std::to_string(endnotes.number(child.attribute("w:id").value())) + "]";
      } else if (name == "AlternateContent") {
        // Both branches hold the same content (a text box in DrawingML and again in VML).
        auto branch =
            child.find_child([](const pugi::xml_node& n) { return local_name(n) == "Choice"; });
        if (!branch)
          branch =
              child.find_child([](const pugi::xml_node& n) { return local_name(n) == "Fallback"; });
        if (branch) inline_text(branch, out);
      } else if (name == "p") {  // a paragraph inside a text box
        if (!out.empty() && out.back() != '\n') out += '\n';
        inline_text(child, out);
      } else if (name == "tbl") {
        for (const auto& row : table_rows(child)) {
          if (!out.empty() && out.back() != '\n') out += '\n';
          for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "\t" : "") + row[i];
        }
      } else if (!is_skipped(name)) {
        inline_text(child, out);
      }
    }
  }

  std::vector<std::vector<std::string>> table_rows(const pugi::xml_node& table) {
    std::vector<std::vector<std::string>> rows;
    for (auto row : table.children()) {
      if (local_name(row) != "tr") continue;
      std::vector<std::string> cells;
      for (auto c : row.children()) {
        if (local_name(c) == "tc") cells.push_back(cell_text(c));
      }
      rows.push_back(std::move(cells));
    }
    return rows;
  }

  void blocks(const pugi::xml_node& container, std::vector<DocumentBlock>& out) {
    for (auto child : container.children()) {
      std::string_view name = local_name(child);
      if (name == "p") {
        DocumentBlock b;
        inline_text(child, b.text);
        out.push_back(std::move(b));
      } else if (name == "tbl") {
        DocumentBlock b;
        b.rows = table_rows(child);
        if (!b.rows.empty()) out.push_back(std::move(b));
      } else if (name == "sdt" || name == "sdtContent" || name == "customXml" || name == "ins") {
        blocks(child, out);
      }
    }
  }

 private:
  static bool is_skipped(std::string_view name) {
    return name == "delText" || name == "instrText" || name == "fldData" || name == "rPr" ||
           name == "pPr" || name == "tblPr" || name == "sectPr" || name == "commentReference";
  }

  std::string cell_text(const pugi::xml_node& cell) {
    std::vector<DocumentBlock> paragraphs;
    blocks(cell, paragraphs);
    std::string out;
    for (const auto& p : paragraphs) {
      std::string text = p.is_table() ? std::string() : p.text;
      if (text.empty()) continue;
      out += (out.empty() ? "" : "\n") + text;
    }
    return out;
  }
};

std::string paragraphs_text(BodyWalker& walker, const pugi::xml_node& node) {
  std::vector<DocumentBlock> paragraphs;
  walker.blocks(node, paragraphs);
  std::string out;
  for (const auto& p : paragraphs) {
    if (!p.text.empty()) out += (out.empty() ? "" : " ") + p.text;
  }
  return out;
}

// "Footnotes\n[1] text\n[2] text" in reference order; notes never referenced come last.
Result<std::optional<std::string>> notes_section(ZipArchive& zip, BodyWalker& walker,
                                                 NoteNumbers& numbers, const std::string& part,
                                                 std::string_view title, std::string_view mark) {
  TRY(xml, zip.read(part));
  if (!xml) return std::optional<std::string>();
  TRY(doc, parse_xml_part(*xml, "DOCX", part));
  std::map<int, std::string> lines;
  for (auto note : doc.document_element().children()) {
    std::string_view type = note.attribute("w:type").value();
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
      continue;
    }
    std::string text = paragraphs_text(walker, note);
    // Word writes a space between the note's own number and its text.
    text.erase(0, text.find_first_not_of(" \t"));
    if (text.empty()) continue;
    int n = numbers.number(note.attribute("w:id").value());
    lines[n] = fmt::format("[{}{}] {}", mark, n, text);
  }
  if (lines.empty()) return std::optional<std::string>();
  std::string out(title);
  for (const auto& [n, line] : lines) out += '\n' + line;
  return std::optional<std::string>(out);
}

Result<std::optional<std::string>> comments_section(ZipArchive& zip, BodyWalker& walker) {
  TRY(xml, zip.read("word/comments.xml"));
  if (!xml) return std::optional<std::string>();
  TRY(doc, parse_xml_part(*xml, "DOCX", "word/comments.xml"));
  std::string out;
  int n = 0;
  for (auto comment : doc.document_element().children()) {
    std::string text = paragraphs_text(walker, comment);
    if (text.empty()) continue;
    std::string author = comment.attribute("w:author").value();
    out += fmt::format("\n[comment {}{}] {}", ++n, author.empty() ? "" : ", " + author, text);
  }
  if (out.empty()) return std::optional<std::string>();
  return std::optional<std::string>("Comments" + out);
}

}  // namespace

Result<Extraction> read_docx(std::string_view bytes, const ReadOptions& options) {
  TRY(zip, ZipArchive::open(bytes, "DOCX", options.max_bytes));
  TRY(xml, zip.read("word/document.xml"));
  if (!xml) {
    return fail(ErrorKind::kInvalidInput,
                "not a Word document: it has no word/document.xml (is it another Office file?)");
  }
  TRY(doc, parse_xml_part(*xml, "DOCX", "word/document.xml"));
  auto body = doc.document_element().find_child(
      [](const pugi::xml_node& n) { return local_name(n) == "body"; });
  BodyWalker walker;
  std::vector<DocumentBlock> blocks;
  walker.blocks(body, blocks);
  std::vector<std::string> sections;
  TRY(footnotes,
      notes_section(zip, walker, walker.footnotes, "word/footnotes.xml", "Footnotes", ""));
  TRY(endnotes, notes_section(zip, walker, walker.endnotes, "word/endnotes.xml", "Endnotes", "e"));
  TRY(comments, comments_section(zip, walker));
  for (auto* section : {&footnotes, &endnotes, &comments}) {
    if (*section) sections.push_back(std::move(**section));
  }
  Extraction out = lay_out_blocks(blocks, sections, "docx");
  if (walker.deletions > 0) {
    out.warnings.push_back(fmt::format(
        "{} tracked deletion{} dropped: the text is imported as last edited; accept or reject "
        "the changes in Word first if that is not what you want",
        walker.deletions, walker.deletions == 1 ? " was" : "s were"));
  }
  return out;
}

}  // namespace thematica
