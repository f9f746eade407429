#include "report/svg_drawing.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "core/utf8.hpp"

namespace thematica::report {

void svg_open(XmlWriter& xml, int width, int height, int font_size, std::string_view title,
              std::string_view description) {
  xml.start("svg");
  xml.attribute("xmlns", "http://www.w3.org/2000/svg");
  xml.attribute("width", std::to_string(width));
  xml.attribute("height", std::to_string(height));
  xml.attribute("viewBox", fmt::format("0 0 {} {}", width, height));
  xml.attribute("role", "img");
  xml.attribute("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
  xml.attribute("font-size", std::to_string(font_size));
  xml.text_element("title", title);
  xml.text_element("desc", description);
}

void svg_text(XmlWriter& xml, double x, double y, std::string_view content,
              const SvgTextStyle& style) {
  xml.start("text");
  xml.attribute("x", svg_number(x));
  xml.attribute("y", svg_number(y));
  if (style.anchor != "start") xml.attribute("text-anchor", style.anchor);
  if (style.bold) xml.attribute("font-weight", "bold");
  if (!style.transform.empty()) xml.attribute("transform", style.transform);
  if (style.fill != "#000000") xml.attribute("fill", style.fill);
  xml.text(content);
  xml.end("text");
}

void svg_rect(XmlWriter& xml, double x, double y, double width, double height,
              std::string_view fill, const SvgBoxStyle& style) {
  xml.start("rect");
  xml.attribute("x", svg_number(x));
  xml.attribute("y", svg_number(y));
  xml.attribute("width", svg_number(width));
  xml.attribute("height", svg_number(height));
  xml.attribute("fill", fill);
  xml.attribute("stroke", style.stroke);
  xml.attribute("stroke-width", style.stroke_width);
  xml.end("rect");
}

std::string svg_number(double value) { return fmt::format("{:.1f}", value); }

double label_length(std::string_view text) {
  int n = 0;
  for (unsigned char c : text) n += is_lead_byte(c) ? 1 : 0;
  return n;
}

std::string fit_label(const std::string& text, double characters) {
  if (label_length(text) <= characters || characters < 2) return text;
  auto keep = static_cast<std::uint64_t>(characters) - 1;
  return std::string(first_code_points(text, keep)) + "\u2026";
}

}  // namespace thematica::report
