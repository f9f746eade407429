#include "report/docx_document.hpp"

#include <numeric>

#include <fmt/format.h>

#include "core/xml_writer.hpp"
#include "interop/zip_writer.hpp"
#include "report/svg_raster.hpp"

namespace thematica::report {
namespace {

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// A4 in twips, and 2 cm margins.
constexpr int kPageShort = 11906;
constexpr int kPageLong = 16838;
constexpr int kMargin = 1134;

constexpr std::string_view kContentTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Default Extension="png" ContentType="image/png"/>)"
    R"(<Default Extension="svg" ContentType="image/svg+xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

constexpr std::string_view kPackageRelationships =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kRelationshipTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Pictures are in DrawingML's units: 914,400 EMU to the inch, so 9,525 to a CSS pixel and 635
// to a twip.
constexpr long kEmuPerPixel = 9525;
constexpr long kEmuPerTwip = 635;
// The PNG next to each SVG is drawn at twice the picture's size, sharp enough to print.
constexpr double kRasterScale = 2;

std::string figure_name(std::size_t number, std::string_view extension) {
  return fmt::format("media/figure{}.{}", number, extension);
}

std::string document_relationships(std::size_t figures) {
  std::string out =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  out += fmt::format(R"(<Relationship Id="rId1" Type="{}styles" Target="styles.xml"/>)",
                     kRelationshipTypes);
  for (std::size_t n = 1; n <= figures; ++n) {
    for (std::string_view extension : {"png", "svg"}) {
      out += fmt::format(R"(<Relationship Id="rIdFigure{}{}" Type="{}image" Target="{}"/>)", n,
                         extension, kRelationshipTypes, figure_name(n, extension));
    }
  }
  out += "</Relationships>";
  return out;
}

// Built-in names ("heading 1", "caption") let Word treat our headings as its own (navigation
// pane, table of contents); sizes are in half points.
constexpr std::string_view kStyles =
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr>)"
    R"(<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>)"
    R"(<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>)"
    R"(</w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/>)"
    R"(<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>)"
    R"(<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/>)"
    R"(<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="120"/></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table text"/><w:basedOn w:val="Normal"/>)"
    R"(<w:qFormat/><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>)"
    R"(<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="ThemeName"><w:name w:val="Theme name"/><w:basedOn w:val="TableText"/>)"
    R"(<w:qFormat/><w:rPr><w:b/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Definition"><w:name w:val="Theme definition"/><w:basedOn w:val="TableText"/>)"
    R"(<w:qFormat/><w:rPr><w:i/><w:color w:val="404040"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="QuoteText"><w:name w:val="Report quote"/><w:basedOn w:val="TableText"/>)"
    R"(<w:qFormat/><w:pPr><w:spacing w:after="100"/></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Report note"/><w:basedOn w:val="Normal"/>)"
    R"(<w:qFormat/><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>)"
    R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>)"
    R"(<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="57" w:type="dxa"/>)"
    R"(<w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>)"
    R"(</w:tblCellMar></w:tblPr></w:style>)"
    R"(</w:styles>)";

// Word refuses a document holding C0 control characters other than tab and line breaks, even
// escaped; line breaks and tabs become Word's own elements.
void write_run_text(XmlWriter& xml, std::string_view text) {
  std::string piece;
  auto flush = [&] {
    if (piece.empty()) return;
    xml.start("w:t");
    xml.attribute("xml:space", "preserve");
    xml.text(piece);
    xml.end("w:t");
    piece.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: one break
      c = '\n';
    }
    if (c == '\n' || c == '\t') {
      flush();
      xml.start(c == '\n' ? "w:br" : "w:tab");
      xml.end(c == '\n' ? "w:br" : "w:tab");
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      piece += c;
    }
  }
  flush();
}

void write_paragraph(XmlWriter& xml, const DocxParagraph& p) {
  xml.start("w:p");
  xml.start("w:pPr");
  xml.start("w:pStyle");
  xml.attribute("w:val", p.style);
  xml.end("w:pStyle");
  if (p.indent_twips > 0) {
    xml.start("w:ind");
    xml.attribute("w:left", std::to_string(p.indent_twips));
    xml.end("w:ind");
  }
  if (p.right_aligned) {
    xml.start("w:jc");
    xml.attribute("w:val", "right");
    xml.end("w:jc");
  }
  xml.end("w:pPr");
  for (const auto& run : p.runs) {
    if (run.text.empty()) continue;
    xml.start("w:r");
    if (run.bold || run.italic) {
      xml.start("w:rPr");
      if (run.bold) {
        xml.start("w:b");
        xml.end("w:b");
      }
      if (run.italic) {
        xml.start("w:i");
        xml.end("w:i");
      }
      xml.end("w:rPr");
    }
    write_run_text(xml, run.text);
    xml.end("w:r");
  }
  xml.end("w:p");
}

void write_cell(XmlWriter& xml, int width, const std::vector<DocxParagraph>& paragraphs,
                bool header) {
  xml.start("w:tc");
  xml.start("w:tcPr");
  xml.start("w:tcW");
  xml.attribute("w:w", std::to_string(width));
  xml.attribute("w:type", "dxa");
  xml.end("w:tcW");
  if (header) {
    // Light grey stays readable when printed in black and white.
    xml.start("w:shd");
    xml.attribute("w:val", "clear");
    xml.attribute("w:color", "auto");
    xml.attribute("w:fill", "E7E6E6");
    xml.end("w:shd");
  }
  xml.end("w:tcPr");
  if (paragraphs.empty()) {
    write_paragraph(xml, DocxParagraph{{}, "TableText"});  // a cell must hold a paragraph
  }
  for (const auto& p : paragraphs) write_paragraph(xml, p);
  xml.end("w:tc");
}

void border(XmlWriter& xml, std::string_view side, int eighths_of_a_point) {
  xml.start(side);
  xml.attribute("w:val", "single");
  xml.attribute("w:sz", std::to_string(eighths_of_a_point));
  xml.attribute("w:space", "0");
  xml.attribute("w:color", "000000");
  xml.end(side);
}

}  // namespace

DocxDocument::DocxDocument(bool landscape) : landscape_(landscape) {}

int DocxDocument::text_width_twips() const {
  return (landscape_ ? kPageLong : kPageShort) - 2 * kMargin;
}

void DocxDocument::paragraph(const DocxParagraph& paragraph) {
  body_ += '\n';
  XmlWriter xml(body_);
  write_paragraph(xml, paragraph);
}

void DocxDocument::paragraph(std::string_view text, std::string_view style) {
  paragraph(DocxParagraph{{DocxRun{std::string(text)}}, std::string(style)});
}

void DocxDocument::caption(std::string_view label, std::string_view text) {
  paragraph(DocxParagraph{{DocxRun{std::string(label) + " ", true}, DocxRun{std::string(text)}},
                          "Caption"});
}

void DocxDocument::begin_table(const std::vector<int>& column_weights,
                               const std::vector<std::string>& header) {
  int total = std::accumulate(column_weights.begin(), column_weights.end(), 0);
  int width = text_width_twips();
  widths_.clear();
  for (int weight : column_weights) widths_.push_back(total > 0 ? width * weight / total : 0);

  // Academic tables: rules above and below the table and under each row, no vertical lines.
  body_ += "\n<w:tbl>";
  XmlWriter xml(body_);
  xml.start("w:tblPr");
  xml.start("w:tblW");
  xml.attribute("w:w", std::to_string(width));
  xml.attribute("w:type", "dxa");
  xml.end("w:tblW");
  xml.start("w:tblBorders");
  border(xml, "w:top", 8);
  border(xml, "w:bottom", 8);
  border(xml, "w:insideH", 4);
  xml.end("w:tblBorders");
  xml.start("w:tblLayout");
  xml.attribute("w:type", "fixed");
  xml.end("w:tblLayout");
  xml.end("w:tblPr");
  xml.start("w:tblGrid");
  for (int w : widths_) {
    xml.start("w:gridCol");
    xml.attribute("w:w", std::to_string(w));
    xml.end("w:gridCol");
  }
  xml.end("w:tblGrid");
  xml.start("w:tr");
  xml.start("w:trPr");
  xml.start("w:tblHeader");  // repeat on every page
  xml.end("w:tblHeader");
  xml.end("w:trPr");
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    std::string title = i < header.size() ? header[i] : std::string();
    write_cell(xml, widths_[i], {DocxParagraph{{DocxRun{title, true}}, "TableText"}}, true);
  }
  xml.end("w:tr");
}

void DocxDocument::row(const std::vector<std::vector<DocxParagraph>>& cells) {
  body_ += "\n<w:tr>";
  XmlWriter xml(body_);
  xml.start("w:trPr");
  xml.start("w:cantSplit");  // a theme's quotes stay together when they fit on a page
  xml.end("w:cantSplit");
  xml.end("w:trPr");
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    write_cell(xml, widths_[i], i < cells.size() ? cells[i] : std::vector<DocxParagraph>{}, false);
  }
  body_ += "</w:tr>";
}

void DocxDocument::end_table() {
  body_ += "\n</w:tbl>";
  widths_.clear();
  // Word needs a paragraph between two tables, or they merge into one.
  paragraph(DocxParagraph{{}, "Note"});
}

void DocxDocument::figure(std::string svg, int width_px, int height_px,
                          std::string_view description) {
  figures_.push_back(std::move(svg));
  std::size_t n = figures_.size();
  long width = width_px * kEmuPerPixel;
  long height = height_px * kEmuPerPixel;
  long room = text_width_twips() * kEmuPerTwip;
  if (width > room) {
    height = height * room / width;
    width = room;
  }
  std::string extent = fmt::format(R"(cx="{}" cy="{}")", width, height);
  std::string descr;
  append_escaped(descr, description, /*attribute=*/true);
  body_ += fmt::format(
      "\n<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>"
      R"(<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent {0}/>)"
      R"(<wp:docPr id="{1}" name="Figure {1}" descr="{2}"/>)"
      R"(<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{3}" noChangeAspect="1"/>)"
      R"(</wp:cNvGraphicFramePr><a:graphic xmlns:a="{3}">)"
      R"(<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">)"
      R"(<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">)"
      R"(<pic:nvPicPr><pic:cNvPr id="{1}" name="figure{1}.png" descr="{2}"/><pic:cNvPicPr/>)"
      R"(</pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdFigure{1}png"><a:extLst>)"
      R"(<a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}">)"
      R"(<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main")"
      R"( r:embed="rIdFigure{1}svg"/></a:ext></a:extLst></a:blip>)"
      R"(<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>)"
      R"(<a:off x="0" y="0"/><a:ext {0}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>)"
      R"(</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>)"
      "</w:drawing></w:r></w:p>",
      extent, n, descr, "http://schemas.openxmlformats.org/drawingml/2006/main");
}

std::string DocxDocument::document_xml() const {
  std::string out(kXmlDeclaration);
  out += "<w:document xmlns:w=\"";
  out += kWordNamespace;
  out += "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  out += " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"";
  out += "><w:body>";
  out += body_;
  out += "\n<w:sectPr><w:pgSz w:w=\"";
  out += std::to_string(landscape_ ? kPageLong : kPageShort);
  out += "\" w:h=\"";
  out += std::to_string(landscape_ ? kPageShort : kPageLong);
  out += landscape_ ? "\" w:orient=\"landscape\"/>" : "\"/>";
  std::string margin = std::to_string(kMargin);
  out += "<w:pgMar w:top=\"" + margin + "\" w:right=\"" + margin + "\" w:bottom=\"" + margin +
         "\" w:left=\"" + margin + "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>";
  out += "</w:sectPr></w:body></w:document>";
  return out;
}

Status DocxDocument::write(const std::string& path) const {
  TRY(zip, ZipWriter::create(path));
  auto part = [](std::string_view xml) {
    std::string out(kXmlDeclaration);
    out += xml;
    return out;
  };
  TRY_STATUS(zip.add("[Content_Types].xml", part(kContentTypes)));
  TRY_STATUS(zip.add("_rels/.rels", part(kPackageRelationships)));
  TRY_STATUS(
      zip.add("word/_rels/document.xml.rels", part(document_relationships(figures_.size()))));
  TRY_STATUS(zip.add("word/styles.xml", part(kStyles)));
  TRY_STATUS(zip.add("word/document.xml", document_xml()));
  for (std::size_t n = 1; n <= figures_.size(); ++n) {
    TRY(png, svg_to_png(figures_[n - 1], kRasterScale));
    TRY_STATUS(zip.add("word/" + figure_name(n, "png"), png));
    TRY_STATUS(zip.add("word/" + figure_name(n, "svg"), figures_[n - 1]));
  }
  return zip.finish();
}

}  // namespace thematica::report
