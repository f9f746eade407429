#pragma once
// A self-contained HTML page built up in reading order: one file with its styles and pictures
// inside, that opens in any browser without a network and prints well (A4, tables that repeat
// their header and keep rows whole). Text is escaped; control characters other than tab and line
// break are dropped, as in the Word reports.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thematica::report {

using HtmlAttributes = std::vector<std::pair<std::string_view, std::string>>;

class HtmlPage {
 public:
  void open(std::string_view tag, const HtmlAttributes& attributes = {});
  void close(std::string_view tag);
  void text(std::string_view text);
  // <tag class="css_class">text</tag>; no class attribute when `css_class` is empty.
  void element(std::string_view tag, std::string_view text, std::string_view css_class = {});
  // A table's heading: <h2><strong>Table 1.</strong> text</h2>.
  void caption_heading(std::string_view label, std::string_view text);
  // A chart with its caption: <figure><figcaption><strong>Figure 1.</strong> text</figcaption>
  // SVG</figure>.
  void figure(std::string_view label, std::string_view caption, std::string_view svg);
  // Markup we wrote ourselves and trust, such as a chart's SVG.
  void raw(std::string_view markup);

  // The whole page: doctype, head with `title` and the report style sheet, and the body.
  std::string finish(std::string_view title) const;

 private:
  std::string body_;
};

}  // namespace thematica::report
