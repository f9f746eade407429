#include "report/group_chart_svg.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "report/matrix_docx.hpp"
#include "report/report_fixtures.hpp"
#include "support/docx_reading.hpp"
#include "support/temp_dir.hpp"

namespace thematica::report {
namespace {

struct Drawn {
  std::vector<std::string> texts;
  std::vector<std::pair<double, std::string>> bars;  // width and fill of each bar
  std::vector<std::string> markers;                  // fills of the 9 × 9 theme markers
  std::string title, description;
};

Drawn read_chart(const std::string& svg) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(svg.c_str()));
  Drawn out;
  auto root = doc.child("svg");
  out.title = root.child("title").text().get();
  out.description = root.child("desc").text().get();
  for (const auto& node : root.children()) {
    std::string name = node.name();
    if (name == "text") out.texts.emplace_back(node.text().get());
    if (name != "rect") continue;
    double height = node.attribute("height").as_double();
    if (height == 14)
      out.bars.emplace_back(node.attribute("width").as_double(),
                            node.attribute("fill").as_string());
    if (height == 9) out.markers.emplace_back(node.attribute("fill").as_string());
  }
  return out;
}

TEST(GroupChartTest, DrawsABarPerGroupAndThemeLabelledWithShareAndCount) {
  auto chart = themes_by_group_svg(students_and_advisors(), "Themes by role", true);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->width, 680);
  // Title, legend, two themes of two bars each (the empty "unknown" group is left out), axis.
  EXPECT_EQ(chart->height, 24 + 40 + 2 * 42 + 34);
  Drawn drawn = read_chart(chart->svg);
  EXPECT_EQ(drawn.title, "Themes by role");
  EXPECT_EQ(drawn.description,
            "Share of each group's participants per theme: Barriers: MS 0% (0), =SGA 0% (0); "
            "Time: MS 67% (4), =SGA 25% (1);");
  EXPECT_EQ(drawn.texts, (std::vector<std::string>{
                             "Themes by role", "MS (n = 6)", "=SGA (n = 4)", "0%", "25%", "50%",
                             "75%", "100%", "Share of the group's participants", "Barriers",
                             "0% (0)", "0% (0)", "Time", "67% (4)", "25% (1)"}));
  // Bars only where there is something to show, as long as the share: two thirds and a quarter
  // of the plot's width, in the groups' fills.
  ASSERT_EQ(drawn.bars.size(), 2u);
  double plot = drawn.bars[0].first * 3 / 2;
  EXPECT_NEAR(drawn.bars[1].first, plot / 4, 0.1);
  EXPECT_EQ(drawn.bars[0].second, "#17324d");
  EXPECT_EQ(drawn.bars[1].second, "#d9a43a");
  EXPECT_EQ(drawn.markers, (std::vector<std::string>{"#e76f51", "#2a9d8f"}));
}

TEST(GroupChartTest, WithSeveralThemesOnlyTheThemesAreCharted) {
  CodeMatrix m = students_and_advisors();
  MatrixRow facilitators = m.rows[0];
  facilitators.path = facilitators.name = "Facilitators";
  facilitators.cells = {3, 0, 0};
  m.rows.push_back(facilitators);  // Barriers, its sub-theme Time, Facilitators
  auto chart = themes_by_group_svg(m, "t", false);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->height, 40 + 2 * 42 + 34);
  Drawn drawn = read_chart(chart->svg);
  EXPECT_EQ(drawn.markers, (std::vector<std::string>{"#e76f51", "#e76f51"}));
  EXPECT_EQ(std::count(drawn.texts.begin(), drawn.texts.end(), "Time"), 0);
  EXPECT_EQ(std::count(drawn.texts.begin(), drawn.texts.end(), "50% (3)"), 1);
}

TEST(GroupChartTest, NothingToChartForDocumentsOrGroupsWithoutMembers) {
  CodeMatrix by_document = students_and_advisors();
  by_document.by = "document";
  EXPECT_FALSE(themes_by_group_svg(by_document, "t", true));
  CodeMatrix empty = students_and_advisors();
  empty.column_bases = {0, 0, 0};
  EXPECT_FALSE(themes_by_group_svg(empty, "t", true));
  CodeMatrix no_rows = students_and_advisors();
  no_rows.rows.clear();
  EXPECT_FALSE(themes_by_group_svg(no_rows, "t", true));
}

TEST(GroupChartTest, ALongThemeNameIsCutInTheLabelAndKeptWholeInTheDescription) {
  CodeMatrix m = students_and_advisors();
  m.rows[1].name = std::string(120, 'w');
  auto chart = themes_by_group_svg(m, "t", false);
  ASSERT_TRUE(chart);
  Drawn drawn = read_chart(chart->svg);
  EXPECT_NE(drawn.description.find(std::string(120, 'w')), std::string::npos);
  std::string label = drawn.texts[drawn.texts.size() - 3];
  EXPECT_LT(label.size(), 50u);
  EXPECT_EQ(label.substr(label.size() - 3), "\u2026");
}

TEST(GroupChartTest, WordFileCarriesTheChartAsSvgWithAPngDrawnFromIt) {
  testing::TempDir dir;
  std::string path = dir.file("matrix.docx");
  ASSERT_TRUE(code_matrix_docx(students_and_advisors()).write(path));
  auto docx = testing::read_docx(path);
  EXPECT_EQ(docx.paragraphs.back(),
            "Figure 1. Share of each role's participants that mention each theme");
  // The picture fills the text width (17 cm), keeping the chart's proportions.
  EXPECT_NE(docx.document_xml.find(R"(<wp:extent cx="6120130" cy="1422030"/>)"), std::string::npos);
  EXPECT_NE(docx.document_xml.find(
                R"(descr="Share of each role's participants that mention each theme")"),
            std::string::npos);

  auto zip = ZipArchive::open_file(path, "DOCX", 1 << 26);
  ASSERT_TRUE(zip);
  auto svg = zip->read("word/media/figure1.svg");
  ASSERT_TRUE(svg && *svg);
  auto expected =
      themes_by_group_svg(students_and_advisors(), figure_caption(students_and_advisors()), false);
  EXPECT_EQ(**svg, expected->svg);
  auto png = zip->read("word/media/figure1.png");
  ASSERT_TRUE(png && *png);
  const std::string& bytes = **png;
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  EXPECT_EQ(be32(16), 2u * 680);  // drawn at twice the chart's size
  EXPECT_EQ(be32(20), 2u * expected->height);
  auto rels = zip->read("word/_rels/document.xml.rels");
  EXPECT_NE((**rels).find(R"(Id="rIdFigure1svg")"), std::string::npos);
  EXPECT_NE((**rels).find(R"(Target="media/figure1.png")"), std::string::npos);
}

}  // namespace
}  // namespace thematica::report
