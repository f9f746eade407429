#include "report/theme_docx.hpp"

#include <gtest/gtest.h>

#include "report/report_fixtures.hpp"
#include "support/docx_reading.hpp"
#include "support/temp_dir.hpp"

namespace thematica::report {
namespace {

using testing::read_docx;

TEST(ThemeDocxTest, WritesATablePerGroupWithThemesCountsAndTaggedQuotes) {
  testing::TempDir dir;
  std::string path = dir.file("themes.docx");
  ASSERT_TRUE(theme_report_docx(two_groups()).write(path));
  auto docx = read_docx(path);

  ASSERT_EQ(docx.paragraphs.size(), 5u);
  EXPECT_EQ(docx.paragraphs[0], "Themes and representative quotes");
  EXPECT_EQ(docx.paragraph_styles[0], "Title");
  EXPECT_EQ(docx.paragraphs[1], "For each theme the table shows up to 2 quotes.");
  EXPECT_EQ(docx.paragraphs[2],
            "Tags give each speaker's role: MS = medical student (n = 6); SGA (n = 5); unknown "
            "(no value recorded; n = 1). A tag's second part is the speaker's pseudonymous id.");
  EXPECT_EQ(docx.paragraphs[3], "Table 1. Themes and representative quotes: role: MS");
  EXPECT_EQ(docx.paragraph_styles[3], "Caption");
  EXPECT_EQ(docx.paragraphs[4], "Table 2. Themes and representative quotes: role: SGA");

  ASSERT_EQ(docx.tables.size(), 2u);
  const auto& ms = docx.tables[0];
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[0], (std::vector<std::string>{"Theme", "Participants", "Segments",
                                             "Representative quotes"}));
  EXPECT_EQ(ms[1], (std::vector<std::string>{"Barriers\nWhat gets in the way", "2", "3", ""}));
  // A line break in the text stays one; a control character Word refuses is dropped.
  EXPECT_EQ(ms[2], (std::vector<std::string>{
                       "Time", "2", "3",
                       "\u201cWe never have time,\non placement\u201d (MS, P03; fg-students, "
                       "03:12)\n\u201cWard rounds\tare rushed\u201d (MS, P04; fg-students)"}));
  EXPECT_EQ(ms[3], (std::vector<std::string>{"Fear", "0", "0", "No coded segments."}));
  ASSERT_EQ(docx.tables[1].size(), 2u);
  EXPECT_EQ(docx.tables[1][1][3], "\u201cThey copy us\u201d (SGA; fg-advisors, 00:10)");
  // Sub-themes are indented; the header row repeats on every page.
  EXPECT_NE(docx.document_xml.find("<w:ind w:left=\"284\"/>"), std::string::npos);
  EXPECT_NE(docx.document_xml.find("<w:tblHeader/>"), std::string::npos);
}

TEST(ThemeDocxTest, TheSameReportGivesTheSameBytes) {
  testing::TempDir dir;
  ASSERT_TRUE(theme_report_docx(two_groups()).write(dir.file("a.docx")));
  ASSERT_TRUE(theme_report_docx(two_groups()).write(dir.file("b.docx")));
  std::string a = bytes_of(dir.file("a.docx"));
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, bytes_of(dir.file("b.docx")));
}

TEST(ThemeDocxTest, AFileThatCannotBeWrittenIsAnErrorNamingIt) {
  auto written = theme_report_docx(two_groups()).write("/nonexistent-folder/themes.docx");
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("/nonexistent-folder/themes.docx"), std::string::npos);
}

}  // namespace
}  // namespace thematica::report
