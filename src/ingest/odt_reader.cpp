#include "ingest/odt_reader.hpp"

#include <cstdlib>

#include "ingest/xml_part.hpp"
#include "ingest/zip_archive.hpp"

namespace thematica {
namespace {

// ODF collapses white space in text like HTML does; repeated spaces are written as <text:s/>.
void append_collapsed(std::string_view text, std::string& out) {
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
      out += ' ';
    }
  }
}

class ContentWalker {
 public:
  std::vector<std::string> notes, comments;
  int deletions = 0;

  void inline_text(const pugi::xml_node& node, std::string& out) {
    for (auto child : node.children()) {
      if (child.type() == pugi::node_pcdata) {
        append_collapsed(child.value(), out);
        continue;
      }
      std::string_view name = local_name(child);
      if (name == "s") {
        int count = std::max(1, std::atoi(child.attribute("text:c").value()));
        out.append(static_cast<std::size_t>(count), ' ');
      } else if (name == "tab") {
        out += '\t';
      } else if (name == "line-break") {
        out += '\n';
      } else if (name == "note") {
        notes.push_back(
            fmt::format("[{}] {}", notes.size() + 1, paragraphs(child.child("text:note-body"))));
        out += "[" + std::to_string(notes.size()) + "]";
      } else if (name == "annotation") {
        std::string author = child.child("dc:creator").child_value();
        comments.push_back(fmt::format("[comment {}{}] {}", comments.size() + 1,
                                       author.empty() ? "" : ", " + author, paragraphs(child)));
      } else if (name != "note-citation" && name != "annotation-end" && name != "bookmark-ref") {
        inline_text(child, out);
      }
    }
  }

  void blocks(const pugi::xml_node& container, std::vector<DocumentBlock>& out) {
    for (auto child : container.children()) {
      std::string_view name = local_name(child);
      if (name == "p" || name == "h") {
        DocumentBlock b;
        inline_text(child, b.text);
        out.push_back(std::move(b));
      } else if (name == "table") {
        DocumentBlock b;
        table_rows(child, b.rows);
        if (!b.rows.empty()) out.push_back(std::move(b));
      } else if (name == "tracked-changes") {  // deleted text lives here, outside the flow
        for (auto region : child.children()) deletions += region.child("text:deletion") ? 1 : 0;
      } else if (name == "list" || name == "list-item" || name == "list-header" ||
                 name == "section" || name == "text") {
        blocks(child, out);
      }
    }
  }

 private:
  void table_rows(const pugi::xml_node& table, std::vector<std::vector<std::string>>& rows) {
    for (auto child : table.children()) {
      std::string_view name = local_name(child);
      if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
        table_rows(child, rows);
      } else if (name == "table-row") {
        std::vector<std::string> cells;
        for (auto c : child.children()) {
          if (local_name(c) == "table-cell") cells.push_back(paragraphs(c, "\n"));
        }
        rows.push_back(std::move(cells));
      }
    }
  }

  std::string paragraphs(const pugi::xml_node& node, std::string_view separator = " ") {
    std::vector<DocumentBlock> found;
    blocks(node, found);
    std::string out;
    for (const auto& b : found) {
      if (!b.is_table() && !b.text.empty())
        out += (out.empty() ? "" : std::string(separator)) + b.text;
    }
    return out;
  }
};

}  // namespace

Result<Extraction> read_odt(std::string_view bytes, const ReadOptions& options) {
  TRY(zip, ZipArchive::open(bytes, "ODT", options.max_bytes));
  TRY(manifest, zip.read("META-INF/manifest.xml"));
  if (manifest && manifest->find("encryption-data") != std::string::npos) {
    return fail(ErrorKind::kInvalidInput,
                "this ODT is password-protected; save a copy without a password and import that");
  }
  TRY(xml, zip.read("content.xml"));
  if (!xml)
    return fail(ErrorKind::kInvalidInput, "not an OpenDocument text: it has no content.xml");
  TRY(doc, parse_xml_part(*xml, "ODT", "content.xml"));
  auto text = doc.child("office:document-content").child("office:body").child("office:text");
  ContentWalker walker;
  std::vector<DocumentBlock> blocks;
  walker.blocks(text, blocks);
  std::vector<std::string> sections;
  auto section = [&](std::string title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    for (const auto& line : lines) title += '\n' + line;
    sections.push_back(std::move(title));
  };
  section("Notes", walker.notes);
  section("Comments", walker.comments);
  Extraction out = lay_out_blocks(blocks, sections, "odt");
  if (walker.deletions > 0) {
    out.warnings.push_back(
        fmt::format("{} tracked deletion{} dropped: the text is imported as last edited",
                    walker.deletions, walker.deletions == 1 ? " was" : "s were"));
  }
  return out;
}

}  // namespace thematica
