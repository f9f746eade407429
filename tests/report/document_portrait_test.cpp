#include "report/document_portrait_svg.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "report/matrix_html.hpp"
#include "report/report_fixtures.hpp"
#include "support/html_reading.hpp"

namespace thematica::report {
namespace {

using Strings = std::vector<std::string>;

// Two themes with a sub-theme each, segments counted in three documents (the last uncoded).
CodeMatrix by_document() {
  CodeMatrix m;
  m.by = "document";
  m.count = MatrixCount::kSegments;
  m.columns = {"fg-students", "fg-advisors", "fg-leaders"};
  m.column_bases = {4, 1, 0};
  MatrixRow barriers{"Barriers", "Barriers", "#17324d", 0, {3, 1, 0}, 4, 3, {}, {}};
  MatrixRow time{"Barriers/Time", "Time", "#2a9d8f", 1, {2, 1, 0}, 3, 2, {}, {}};
  MatrixRow facilitators{"Facilitators", "Facilitators", "#f2e2b8", 0, {1, 0, 0}, 1, 1, {}, {}};
  m.rows = {barriers, time, facilitators};
  for (auto& row : m.rows) row.test.method = "not applicable";
  return m;
}

TEST(DocumentPortraitTest, EachDocumentIsABarSplitIntoItsThemesShares) {
  auto chart = document_portrait_svg(by_document(), "Themes in each document");
  ASSERT_TRUE(chart);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(chart->svg.c_str()));
  auto svg = doc.child("svg");
  EXPECT_EQ(std::string(svg.child("desc").text().get()),
            "fg-students: Barriers 3, Facilitators 1; fg-advisors: Barriers 1, Facilitators 0; "
            "fg-leaders: Barriers 0, Facilitators 0;");
  std::vector<std::pair<std::string, double>> pieces;
  Strings texts;
  for (const auto& node : svg.children()) {
    std::string name = node.name();
    if (name == "rect" && node.attribute("height").as_double() == 16) {
      pieces.emplace_back(node.attribute("fill").as_string(), node.attribute("width").as_double());
    }
    if (name == "text") texts.emplace_back(node.text().get());
  }
  // Only the themes named (not Time, a sub-theme): three quarters and a quarter, then a whole bar.
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].first, "#17324d");
  EXPECT_EQ(pieces[1].first, "#f2e2b8");
  EXPECT_NEAR(pieces[0].second, 3 * pieces[1].second, 0.2);
  EXPECT_NEAR(pieces[2].second, pieces[0].second + pieces[1].second, 0.2);
  EXPECT_EQ(texts, (Strings{"Barriers", "Facilitators", "fg-students", "3", "1", "4", "fg-advisors",
                            "1", "1", "fg-leaders", "no coded segments"}));
  // White on the dark fill, black on the light one.
  EXPECT_NE(chart->svg.find(R"(text-anchor="middle" fill="#ffffff">3<)"), std::string::npos);
}

TEST(DocumentPortraitTest, ASingleThemeShowsItsSubThemesAndGroupsGetNoPortrait) {
  CodeMatrix one = by_document();
  one.rows.pop_back();  // Barriers and Time only
  auto chart = document_portrait_svg(one, "t");
  ASSERT_TRUE(chart);
  EXPECT_NE(chart->svg.find("<desc>fg-students: Time 2; fg-advisors: Time 1; fg-leaders: Time 0;"),
            std::string::npos);
  EXPECT_FALSE(document_portrait_svg(students_and_advisors(), "t"));
  auto html = testing::read_html(code_matrix_html(by_document()));
  EXPECT_EQ(html.figure_captions, (Strings{"Figure 1. Themes in each document: coded segments"}));
  EXPECT_EQ(html.svgs, 1);
}

}  // namespace
}  // namespace thematica::report
