#pragma once
// What our SVG charts are drawn with: the opening of a picture (size, font, a title and a
// description for screen readers), text and boxes written with the XML writer (positions to a
// tenth of a pixel, attributes at their SVG defaults left out), and labels laid out without a
// font at hand: lengths in characters (code points), cut to the room they have with "…" (the
// whole name stays in the description).

#include <string>
#include <string_view>
#include <utility>

#include "core/xml_writer.hpp"

namespace thematica::report {

// Opens <svg> (close it with xml.end("svg")).
void svg_open(XmlWriter& xml, int width, int height, int font_size, std::string_view title,
              std::string_view description);

struct SvgTextStyle {
  SvgTextStyle(std::string_view anchor_ = "start", std::string_view fill_ = "#000000",
               bool bold_ = false, std::string transform_ = {})
      : anchor(anchor_), fill(fill_), bold(bold_), transform(std::move(transform_)) {}
  std::string_view anchor;  // start, middle or end
  std::string_view fill;
  bool bold;
  std::string transform;  // e.g. "rotate(-90 10 20)"
};
void svg_text(XmlWriter& xml, double x, double y, std::string_view content,
              const SvgTextStyle& style = {});

struct SvgBoxStyle {
  SvgBoxStyle(std::string_view stroke_ = "#000000", std::string_view stroke_width_ = "0.6")
      : stroke(stroke_), stroke_width(stroke_width_) {}
  std::string_view stroke;
  std::string_view stroke_width;
};
void svg_rect(XmlWriter& xml, double x, double y, double width, double height,
              std::string_view fill, const SvgBoxStyle& style = {});

// A position or length as written: "12.5".
std::string svg_number(double value);

double label_length(std::string_view text);
// `text` when it has at most `characters` characters, else its first characters - 1 and "…".
std::string fit_label(const std::string& text, double characters);

}  // namespace thematica::report
