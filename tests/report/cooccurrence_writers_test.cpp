#include "report/cooccurrence_writers.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "support/docx_reading.hpp"
#include "support/html_reading.hpp"
#include "support/temp_dir.hpp"
#include "support/xlsx_reading.hpp"

namespace thematica::report {
namespace {

using Strings = std::vector<std::string>;

// Barriers (with its sub-theme Time) and Role models: Time's 4 segments, 1 meeting Role models.
Cooccurrence three_themes() {
  Cooccurrence c;
  c.paths = {"Barriers", "Barriers/Time", "Role models"};
  c.names = {"Barriers", "Time", "Role models"};
  c.colours = {"#e76f51", "#2a9d8f", "#264653"};
  c.depths = {0, 1, 0};
  c.segments = {5, 4, 2};
  c.cells = {
      {std::nullopt, std::nullopt, 2}, {std::nullopt, std::nullopt, 1}, {2, 1, std::nullopt}};
  c.methods = "Each cell counts the row theme's coded segments that overlap.";
  return c;
}

TEST(CooccurrenceWritersTest, CsvHasCountsAndPercentagesOfTheRowTheme) {
  EXPECT_EQ(cooccurrence_csv(three_themes()),
            "theme,segments,Barriers,Barriers %,Barriers/Time,Barriers/Time %,Role models,"
            "Role models %\n"
            "Barriers,5,,,,,2,40.0\n"
            "Barriers/Time,4,,,,,1,25.0\n"
            "Role models,2,2,100.0,1,50.0,,\n");
}

TEST(CooccurrenceWritersTest, WordTableAndHeatmap) {
  testing::TempDir dir;
  std::string path = dir.file("meet.docx");
  ASSERT_TRUE(cooccurrence_docx(three_themes()).write(path));
  auto docx = testing::read_docx(path);
  ASSERT_EQ(docx.tables.size(), 1u);
  const auto& t = docx.tables[0];
  EXPECT_EQ(t[0], (Strings{"Theme", "Segments", "Barriers", "Time", "Role models"}));
  EXPECT_EQ(t[1], (Strings{"Barriers", "5", "\u2013", "\u2013", "2 (40%)"}));
  EXPECT_EQ(t[2], (Strings{"Time", "4", "\u2013", "\u2013", "1 (25%)"}));
  EXPECT_EQ(t[3], (Strings{"Role models", "2", "2 (100%)", "1 (50%)", "\u2013"}));
  EXPECT_EQ(docx.paragraphs.back(), "Figure 1. Themes that meet: coded segments overlapping");

  auto heatmap = cooccurrence_heatmap_svg(three_themes());
  ASSERT_TRUE(heatmap);
  pugi::xml_document svg;
  ASSERT_TRUE(svg.load_string(heatmap->svg.c_str()));
  Strings fills, labels;
  for (const auto& rect : svg.child("svg").children("rect")) {
    fills.emplace_back(rect.attribute("fill").as_string());
  }
  for (const auto& text : svg.child("svg").children("text")) labels.emplace_back(text.text().get());
  // White where not compared, darker with the share: 40% #a9a9a9, 25% #c9c9c9, 100% #282828.
  EXPECT_EQ(fills, (Strings{"#ffffff", "#ffffff", "#a9a9a9", "#ffffff", "#ffffff", "#c9c9c9",
                            "#282828", "#949494", "#ffffff"}));
  EXPECT_EQ(
      Strings(labels.begin() + 6, labels.end()),
      (Strings{"\u2013", "\u2013", "40%", "\u2013", "\u2013", "25%", "100%", "50%", "\u2013"}));
  EXPECT_FALSE(cooccurrence_heatmap_svg(Cooccurrence{}));
}

TEST(CooccurrenceWritersTest, ExcelHoldsNumbersAndHtmlTheTableWithItsHeatmap) {
  testing::TempDir dir;
  std::string path = dir.file("meet.xlsx");
  ASSERT_TRUE(cooccurrence_xlsx(three_themes()).write(path));
  auto book = testing::read_xlsx_file(path);
  const auto& s = book.sheets.at(0);
  EXPECT_EQ(s.name, "Co-occurrence");
  EXPECT_EQ(s.at("A1"), "Table 1. Themes that meet: coded segments overlapping");
  EXPECT_EQ(s.at("D3"), "Barriers");
  EXPECT_EQ(s.at("E3"), "Barriers %");
  EXPECT_EQ(s.at("C4"), "5");
  EXPECT_EQ(s.at("D4"), "");
  EXPECT_EQ(s.at("H4"), "2");
  EXPECT_EQ(s.at("I4"), "0.4");
  EXPECT_EQ(s.at("D6"), "2");
  EXPECT_EQ(s.at("E6"), "1");

  auto html = testing::read_html(cooccurrence_html(three_themes()));
  ASSERT_EQ(html.tables.size(), 1u);
  EXPECT_EQ(html.tables[0][3], (Strings{"Role models", "2", "2 (100%)", "1 (50%)", "\u2013"}));
  EXPECT_EQ(html.svgs, 1);
  EXPECT_EQ(html.figure_captions,
            (Strings{"Figure 1. Themes that meet: coded segments overlapping"}));
}

}  // namespace
}  // namespace thematica::report
