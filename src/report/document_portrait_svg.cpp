#include "report/document_portrait_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "report/svg_drawing.hpp"

namespace thematica::report {
namespace {

constexpr int kWidth = 680;
constexpr int kBar = 16;
constexpr int kRowGap = 8;
constexpr double kCharWidth = 6.6;
constexpr int kLegendRow = 18;

// Pieces have a thinner outline than the group chart's bars: they sit side by side.
const SvgBoxStyle kPiece{"#000000", "0.5"};

// Black or white, whichever reads on the fill ("#rrggbb").
std::string_view ink_on(const std::string& fill) {
  if (fill.size() != 7) return "#000000";
  auto channel = [&](int at) { return std::stoi(fill.substr(at, 2), nullptr, 16); };
  double luminance = 0.299 * channel(1) + 0.587 * channel(3) + 0.114 * channel(5);
  return luminance < 128 ? "#ffffff" : "#000000";
}

// One document's bar: its name, its themes' pieces with their counts, its total.
void draw_document(XmlWriter& xml, const std::vector<const MatrixRow*>& rows, std::size_t d,
                   const std::string& name, double y, double label_width) {
  const double bar_left = label_width;
  const double bar_width = kWidth - bar_left - 50;
  svg_text(xml, bar_left - 8, y + kBar - 4, fit_label(name, (label_width - 16) / kCharWidth),
           {"end"});
  std::int64_t total = 0;
  for (const MatrixRow* row : rows) total += row->cells[d];
  if (total == 0) {
    svg_text(xml, bar_left, y + kBar - 4, "no coded segments", {"start", "#555555"});
    return;
  }
  double at = bar_left;
  for (const MatrixRow* row : rows) {
    if (row->cells[d] == 0) continue;
    double w = bar_width * static_cast<double>(row->cells[d]) / static_cast<double>(total);
    std::string fill = row->colour.empty() ? "#ffffff" : row->colour;
    svg_rect(xml, at, y, w, kBar, fill, kPiece);
    std::string count = std::to_string(row->cells[d]);
    if (w >= label_length(count) * kCharWidth + 4) {
      svg_text(xml, at + w / 2, y + kBar - 4, count, {"middle", ink_on(fill)});
    }
    at += w;
  }
  svg_text(xml, bar_left + bar_width + 6, y + kBar - 4, std::to_string(total));
}

// Every count in words, for screen readers: "fg-1: Barriers 3, Facilitators 1; …".
std::string description(const CodeMatrix& m, const std::vector<const MatrixRow*>& rows) {
  std::string out;
  for (std::size_t d = 0; d < m.columns.size(); ++d) {
    out += fmt::format("{}:", m.columns[d]);
    for (const MatrixRow* row : rows) out += fmt::format(" {} {},", row->name, row->cells[d]);
    out.back() = ';';
    out += ' ';
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace

std::optional<SvgChart> document_portrait_svg(const CodeMatrix& m, const std::string& title) {
  if (m.by != "document" || m.rows.empty() || m.columns.empty()) return std::nullopt;
  std::size_t themes = 0;
  for (const auto& row : m.rows) themes += row.depth == 0 ? 1 : 0;
  int shown_depth = themes >= 2 ? 0 : 1;
  std::vector<const MatrixRow*> rows;
  for (const auto& row : m.rows) {
    if (row.depth == shown_depth) rows.push_back(&row);
  }
  if (rows.empty()) return std::nullopt;

  double label_width = 0;
  for (const auto& name : m.columns) {
    label_width = std::max(label_width, label_length(name) * kCharWidth + 16);
  }
  label_width = std::min(label_width, kWidth * 0.3);
  // The legend wraps over as many lines as it needs.
  std::vector<std::pair<double, int>> legend_at;  // x and line of each theme
  double x = 8;
  int line = 0;
  for (const MatrixRow* row : rows) {
    double w = 17 + label_length(row->name) * kCharWidth + 16;
    if (x + w > kWidth && x > 8) {
      x = 8;
      ++line;
    }
    legend_at.emplace_back(x, line);
    x += w;
  }
  const int top = (line + 1) * kLegendRow + 12;
  const int height = top + static_cast<int>(m.columns.size()) * (kBar + kRowGap) + 8;

  SvgChart chart{{}, kWidth, height};
  XmlWriter xml(chart.svg);
  svg_open(xml, kWidth, height, 11, title, description(m, rows));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto [lx, ly] = legend_at[i];
    double y = 8 + ly * kLegendRow;
    svg_rect(xml, lx, y, 12, 12, rows[i]->colour.empty() ? "#ffffff" : rows[i]->colour, kPiece);
    svg_text(xml, lx + 17, y + 10, rows[i]->name);
  }
  for (std::size_t d = 0; d < m.columns.size(); ++d) {
    draw_document(xml, rows, d, m.columns[d], top + static_cast<double>(d) * (kBar + kRowGap),
                  label_width);
  }
  xml.end("svg");
  return chart;
}

}  // namespace thematica::report
