#include "report/group_chart_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/chart_palette.hpp"
#include "report/svg_drawing.hpp"

namespace thematica::report {
namespace {

constexpr int kWidth = 680;
constexpr double kCharWidth = 6.6;  // an average character at 12 px, for laying out labels
constexpr int kIndent = 12;         // per sub-theme level
constexpr int kBar = 14;
constexpr int kBarGap = 2;
constexpr int kBandPadding = 12;
constexpr int kTitleRoom = 24;
constexpr int kLegendRoom = 40;
constexpr int kValueRoom = 78;
// Where things go: computed once from the matrix, then each part of the chart is drawn.
struct Layout {
  std::vector<std::size_t> groups;  // the matrix columns shown, in order
  double label_width = 0;
  double plot_left = 0;
  double plot_width = 0;
  int band = 0;  // one theme's height
  int plot_top = 0;
  int plot_height = 0;
  int height = 0;
  const char* unit = "participants";
};

Layout layout(const CodeMatrix& m, std::vector<std::size_t> groups, bool draw_title) {
  Layout l;
  l.groups = std::move(groups);
  for (const auto& row : m.rows) {
    // One character to spare: names of top-level themes are bold, and the width is estimated.
    l.label_width = std::max(l.label_width,
                             22 + row.depth * kIndent + (label_length(row.name) + 1) * kCharWidth);
  }
  l.label_width = std::min(l.label_width, kWidth * 0.38);
  l.plot_left = l.label_width + 8;
  l.plot_width = kWidth - l.plot_left - kValueRoom;
  l.band = static_cast<int>(l.groups.size()) * (kBar + kBarGap) - kBarGap + kBandPadding;
  l.plot_height = l.band * static_cast<int>(m.rows.size());
  l.plot_top = (draw_title ? kTitleRoom : 0) + kLegendRoom;
  l.height = l.plot_top + l.plot_height + 34;
  l.unit = m.count == MatrixCount::kParticipants ? "participants"
           : m.count == MatrixCount::kDocuments  ? "documents"
                                                 : "segments";
  return l;
}

// Every figure in words, for screen readers: "Time: MS 67% (4), SGA 25% (1);".
std::string description(const CodeMatrix& m, const Layout& l) {
  std::string out = fmt::format("Share of each group's {} per theme:", l.unit);
  for (const auto& row : m.rows) {
    out += fmt::format(" {}:", row.name);
    for (std::size_t g : l.groups) {
      auto share = column_percent(m, row, g);
      out +=
          fmt::format(" {} {} ({})", m.columns[g], share ? percent_text(*share) : "", row.cells[g]);
      out += g == l.groups.back() ? ";" : ",";
    }
  }
  return out;
}

// Each group's fill with its name and size.
void draw_legend(XmlWriter& xml, const CodeMatrix& m, const Layout& l, double top) {
  double x = 8;
  for (std::size_t i = 0; i < l.groups.size(); ++i) {
    std::size_t g = l.groups[i];
    std::string label = m.count == MatrixCount::kParticipants
                            ? fmt::format("{} (n = {})", m.columns[g], m.column_bases[g])
                            : m.columns[g];
    svg_rect(xml, x, top, 12, 12, group_fill_hex(i));
    svg_text(xml, x + 17, top + 10.5, label);
    x += 17 + label_length(label) * kCharWidth + 18;
  }
}

// Grid lines every 25%, labelled under the plot.
void draw_axis(XmlWriter& xml, const Layout& l) {
  for (int step = 0; step <= 4; ++step) {
    double gx = l.plot_left + l.plot_width * step / 4.0;
    xml.start("line");
    xml.attribute("x1", svg_number(gx));
    xml.attribute("y1", std::to_string(l.plot_top - 4));
    xml.attribute("x2", svg_number(gx));
    xml.attribute("y2", std::to_string(l.plot_top + l.plot_height));
    xml.attribute("stroke", step == 0 ? "#000000" : "#c8c8c8");
    xml.attribute("stroke-width", step == 0 ? "1" : "0.6");
    xml.end("line");
    svg_text(xml, gx, l.plot_top + l.plot_height + 15, fmt::format("{}%", step * 25), {"middle"});
  }
  svg_text(xml, l.plot_left + l.plot_width / 2, l.plot_top + l.plot_height + 29,
           fmt::format("Share of the group's {}", l.unit), {"middle"});
}

// A theme's marker, name and bars, in the band starting at `top`.
void draw_theme(XmlWriter& xml, const CodeMatrix& m, const Layout& l, const MatrixRow& row,
                double top) {
  double middle = top + (l.band - kBandPadding) / 2.0;
  double indent = 8 + row.depth * kIndent;
  svg_rect(xml, indent, middle - 5, 9, 9, row.colour.empty() ? "#ffffff" : row.colour);
  // Long names are cut to the label column, with "…"; the full name is in the description.
  std::string name = fit_label(row.name, std::floor((l.label_width - indent - 14) / kCharWidth));
  svg_text(xml, indent + 14, middle + 4, name, {"start", "#000000", row.depth == 0});
  for (std::size_t i = 0; i < l.groups.size(); ++i) {
    std::size_t g = l.groups[i];
    double share = column_percent(m, row, g).value_or(0);
    double y = top + static_cast<double>(i) * (kBar + kBarGap);
    double w = l.plot_width * std::clamp(share, 0.0, 100.0) / 100.0;
    if (w > 0) svg_rect(xml, l.plot_left, y, w, kBar, group_fill_hex(i));
    svg_text(xml, l.plot_left + w + 4, y + kBar - 3,
             fmt::format("{} ({})", percent_text(share), row.cells[g]));
  }
}

SvgChart draw(const CodeMatrix& m, std::vector<std::size_t> groups, const std::string& title,
              bool draw_title) {
  const Layout l = layout(m, std::move(groups), draw_title);

  SvgChart chart{{}, kWidth, l.height};
  XmlWriter xml(chart.svg);
  svg_open(xml, kWidth, l.height, 12, title, description(m, l));
  svg_rect(xml, 0, 0, kWidth, l.height, "#ffffff", {"none"});
  if (draw_title) svg_text(xml, 8, 20, title, {"start", "#000000", true});
  draw_legend(xml, m, l, draw_title ? kTitleRoom + 8 : 8);
  draw_axis(xml, l);
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    draw_theme(xml, m, l, m.rows[r],
               l.plot_top + static_cast<double>(r) * l.band + kBandPadding / 2.0);
  }
  xml.end("svg");
  return chart;
}

}  // namespace

std::optional<SvgChart> themes_by_group_svg(const CodeMatrix& m, const std::string& title,
                                            bool draw_title) {
  std::vector<std::size_t> groups;
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    if (m.column_bases[c] > 0) groups.push_back(c);
  }
  if (m.by == "document" || m.rows.empty() || groups.empty()) return std::nullopt;
  // A chart of every sub-theme of many themes is a wall of bars: it shows the themes, or, for a
  // single theme, the theme and its sub-themes. The table has the rest.
  CodeMatrix shown = m;
  std::size_t themes = 0;
  for (const auto& row : m.rows) themes += row.depth == 0 ? 1 : 0;
  int deepest = themes >= 2 ? 0 : 1;
  std::erase_if(shown.rows, [&](const MatrixRow& row) { return row.depth > deepest; });
  return draw(shown, std::move(groups), title, draw_title);
}

}  // namespace thematica::report
