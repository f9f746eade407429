#pragma once
// A Word document (.docx, Office Open XML) built up in reading order: headings, paragraphs and
// real Word tables with named styles (so a researcher can restyle a whole report in Word at once).
// The package holds only what Word and LibreOffice need (content types, relationships, styles,
// the document), with no creation date or other clock, so equal content gives equal bytes.
// Text may hold any UTF-8: line breaks and tabs become Word's own, other control characters
// (which Word refuses to open) are dropped.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace thematica::report {

struct DocxRun {
  std::string text;
  bool bold = false;
  bool italic = false;
};

// A paragraph's style is one of the styles the package defines: "Normal", "Title", "Heading1",
// "Heading2", "Caption", "TableText", "ThemeName", "Definition", "QuoteText", "Note".
struct DocxParagraph {
  std::vector<DocxRun> runs;
  std::string style = "Normal";
  int indent_twips = 0;  // left indent (1,440 twips to the inch), for sub-themes
  bool right_aligned = false;
};

class DocxDocument {
 public:
  // Page: A4, portrait or landscape, 2 cm margins.
  explicit DocxDocument(bool landscape = false);

  void paragraph(const DocxParagraph& paragraph);
  void paragraph(std::string_view text, std::string_view style = "Normal");
  // A table's or figure's caption: "Table 1." (`label`, bold) and its text, in the Caption style.
  void caption(std::string_view label, std::string_view text);

  // A table whose columns share the text width in the given proportions; the header row repeats
  // on every page. Rows follow with row(); a cell is one or more paragraphs (none: empty).
  void begin_table(const std::vector<int>& column_weights, const std::vector<std::string>& header);
  void row(const std::vector<std::vector<DocxParagraph>>& cells);
  void end_table();

  // A picture drawn from SVG, in a paragraph of its own: Word shows the SVG, and a PNG drawn from
  // it (at twice its size) goes with it, as the format requires, for readers without SVG. As wide
  // as its pixels at 96 to the inch, or the text width if less. `description` is the alternative
  // text a screen reader speaks.
  void figure(std::string svg, int width_px, int height_px, std::string_view description);

  // The text width in twips, for callers that size things to it.
  int text_width_twips() const;

  // Writes the package to `path` (replaced only when complete). Errors: kIo naming the path.
  Status write(const std::string& path) const;
  // The main part (word/document.xml) as it will be written, for tests and for callers that
  // check the XML.
  std::string document_xml() const;

 private:
  bool landscape_;
  std::string body_;
  std::vector<int> widths_;           // the open table's column widths in twips
  std::vector<std::string> figures_;  // each figure's SVG, in order
};

}  // namespace thematica::report
