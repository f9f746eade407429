#include "report/html_page.hpp"

#include "core/xml_writer.hpp"

namespace thematica::report {
namespace {

// Screen and print: a serif body like a manuscript, tables ruled like a journal's (lines above,
// below and between rows, none between columns), the header row repeated on each printed page.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 2cm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.35;
  color: #000; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 .6em; }
h2 { font-size: 1.15em; margin: 2em 0 .5em; break-after: avoid; }
p.note, p.legend { font-size: .9em; }
table { border-collapse: collapse; width: 100%; border-top: 1.5pt solid #000;
  border-bottom: 1.5pt solid #000; margin: .3em 0 .6em; }
thead { display: table-header-group; }
th { text-align: left; vertical-align: bottom; background: #e7e6e6; border-bottom: 1pt solid #000; }
th, td { padding: .3em .45em; }
td { vertical-align: top; border-top: .5pt solid #999; }
tr { break-inside: avoid; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.theme-name { font-weight: bold; }
.sub .theme-name { font-weight: normal; }
.definition { font-style: italic; margin: .2em 0 0; }
.swatch { display: inline-block; width: .7em; height: .7em; border: .5pt solid #000;
  margin-right: .35em; vertical-align: baseline; }
ul.quotes { list-style: none; margin: 0; padding: 0; }
ul.quotes li { margin: 0 0 .45em; white-space: pre-line; }
.source { white-space: normal; }
.none { font-style: italic; color: #555; }
figure { margin: 1em 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; font-size: .95em; margin-bottom: .4em; }
dl.codebook dt { font-weight: bold; margin-top: .8em; }
dl.codebook dd { margin: .2em 0 0 1.4em; }
dl.codebook dd p { margin: .15em 0; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
)";

// Control characters other than tab and line break are dropped, as in the Word reports (XML's
// escaping would show them as replacement characters).
void escape(std::string& out, std::string_view text, bool attribute) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') kept += c;
  }
  append_escaped(out, kept, attribute);
}

}  // namespace

void HtmlPage::open(std::string_view tag, const HtmlAttributes& attributes) {
  body_ += '<';
  body_ += tag;
  for (const auto& [name, value] : attributes) {
    body_ += ' ';
    body_ += name;
    body_ += "=\"";
    escape(body_, value, /*attribute=*/true);
    body_ += '"';
  }
  body_ += '>';
}

void HtmlPage::close(std::string_view tag) {
  body_ += "</";
  body_ += tag;
  body_ += ">";
  // A line break after blocks keeps the file readable in a text editor and in diffs.
  if (tag != "span" && tag != "strong" && tag != "em") body_ += '\n';
}

void HtmlPage::text(std::string_view text) { escape(body_, text, /*attribute=*/false); }

void HtmlPage::element(std::string_view tag, std::string_view text, std::string_view css_class) {
  HtmlAttributes attributes;
  if (!css_class.empty()) attributes.emplace_back("class", std::string(css_class));
  open(tag, attributes);
  this->text(text);
  close(tag);
}

void HtmlPage::raw(std::string_view markup) { body_ += markup; }

void HtmlPage::caption_heading(std::string_view label, std::string_view text) {
  open("h2");
  element("strong", std::string(label) + " ");
  this->text(text);
  close("h2");
}

void HtmlPage::figure(std::string_view label, std::string_view caption, std::string_view svg) {
  open("figure");
  open("figcaption");
  element("strong", std::string(label) + " ");
  text(caption);
  close("figcaption");
  raw(svg);
  raw("\n");
  close("figure");
}

std::string HtmlPage::finish(std::string_view title) const {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  escape(out, title, /*attribute=*/false);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  out += body_;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace thematica::report
