#include <gtest/gtest.h>

#include "report/codebook_table.hpp"
#include "report/matrix_html.hpp"
#include "report/report_fixtures.hpp"
#include "report/theme_html.hpp"
#include "support/docx_reading.hpp"
#include "support/html_reading.hpp"
#include "support/temp_dir.hpp"

namespace thematica::report {
namespace {

using testing::read_html;
using Strings = std::vector<std::string>;

std::vector<CodebookEntry> barriers_codebook() {
  return {{"Barriers",
           "Barriers",
           "#e76f51",
           0,
           {"What gets in the way", "When care is blocked", "", "A ward with no time"}},
          {"Barriers/Time", "Time", "#2a9d8f", 1, {}}};
}

ThemeReport full_report() {
  ThemeReport report = two_groups();
  report.matrix = students_and_advisors();
  report.codebook = barriers_codebook();
  return report;
}

TEST(HtmlWritersTest, ThemeReportHasTheTablesTheMatrixItsChartAndTheCodebook) {
  auto html = read_html(theme_report_html(full_report()));
  EXPECT_EQ(html.title, "Themes and representative quotes");
  EXPECT_EQ(
      html.headings,
      (Strings{"Themes and representative quotes",
               "Table 1. Themes and representative quotes: role: MS",
               "Table 2. Themes and representative quotes: role: SGA",
               "Table 3. Themes by role: participants who mentioned each theme", "Codebook"}));
  EXPECT_EQ(html.paragraphs,
            (Strings{"For each theme the table shows up to 2 quotes.",
                     "Tags give each speaker's role: MS = medical student (n = 6); SGA (n = 5); "
                     "unknown (no value recorded; n = 1). A tag's second part is the speaker's "
                     "pseudonymous id.",
                     "Each cell counts participants.", "Definition: What gets in the way",
                     "When to use: When care is blocked", "Example: A ward with no time",
                     "No description yet."}));
  ASSERT_EQ(html.tables.size(), 3u);
  const auto& ms = html.tables[0];
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[0], (Strings{"Theme", "Participants", "Segments", "Representative quotes"}));
  EXPECT_EQ(ms[1], (Strings{"BarriersWhat gets in the way", "2", "3", ""}));
  // Quotes keep their line breaks and tabs; the control character is dropped.
  EXPECT_EQ(ms[2], (Strings{"Time", "2", "3",
                            "\u201cWe never have time,\non placement\u201d (MS, P03; fg-students, "
                            "03:12)\n\u201cWard rounds\tare rushed\u201d (MS, P04; fg-students)"}));
  EXPECT_EQ(ms[3], (Strings{"Fear", "0", "0", "No coded segments."}));
  EXPECT_EQ(html.tables[1][1], (Strings{"BarriersWhat gets in the way", "2", "3",
                                        "\u201cThey copy us\u201d (SGA; fg-advisors, 00:10)"}));
  const auto& matrix = html.tables[2];
  EXPECT_EQ(matrix[0],
            (Strings{"Theme", "MS (n = 6)", "=SGA (n = 4)", "unknown (n = 0)", "Total", "Test"}));
  EXPECT_EQ(matrix[2],
            (Strings{"Time", "4 (67%)", "1 (25%)", "0", "5", "Fisher's exact, p = .262"}));
  EXPECT_EQ(html.figure_captions,
            (Strings{"Figure 1. Share of each role's participants that mention each theme"}));
  EXPECT_EQ(html.svgs, 1);
  // Self-contained: no script, nothing fetched from elsewhere.
  EXPECT_EQ(html.scripts, 0);
  EXPECT_EQ(html.external_links, 0);
}

TEST(HtmlWritersTest, ParticipantsWordsAreTextNeverMarkup) {
  ThemeReport report = full_report();
  report.tables[0].rows[1].quotes[0].text = "<script>alert('x')</script> & <b>bold</b>";
  std::string page = theme_report_html(report);
  auto html = read_html(page);
  EXPECT_EQ(html.scripts, 0);
  EXPECT_NE(page.find("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;"),
            std::string::npos);
  EXPECT_EQ(html.tables[0][2][3].substr(0, 44), "\u201c<script>alert('x')</script> & <b>bold</b>");
}

TEST(HtmlWritersTest, MatrixPageByDocumentHasItsPortrait) {
  CodeMatrix m = students_and_advisors();
  m.by = "document";
  auto html = read_html(code_matrix_html(m));
  EXPECT_EQ(html.headings, (Strings{"Themes by document: participants who mentioned each theme",
                                    "Table 1. Themes by document: participants who mentioned "
                                    "each theme"}));
  EXPECT_EQ(html.svgs, 1);
  EXPECT_EQ(html.figure_captions, (Strings{"Figure 1. Themes in each document: participants"}));
  EXPECT_EQ(html.tables.at(0).at(0), (Strings{"Theme", "MS", "=SGA", "unknown", "Total", "Test"}));
}

TEST(HtmlWritersTest, CodebookAsWordAndAsAPage) {
  testing::TempDir dir;
  std::string path = dir.file("codebook.docx");
  ASSERT_TRUE(codebook_docx(barriers_codebook(), "Codebook").write(path));
  auto docx = testing::read_docx(path);
  EXPECT_EQ(docx.paragraphs,
            (Strings{"Codebook", "Barriers", "Definition: What gets in the way",
                     "When to use: When care is blocked", "Example: A ward with no time",
                     "Barriers/Time", "No description yet."}));
  EXPECT_EQ(docx.paragraph_styles,
            (Strings{"Title", "Heading1", "Normal", "Normal", "Normal", "Heading2", "Normal"}));

  auto html = read_html(codebook_html(barriers_codebook(), "Codebook"));
  EXPECT_EQ(html.title, "Codebook");
  EXPECT_EQ(html.headings, (Strings{"Codebook", "Codes"}));
  EXPECT_EQ(html.paragraphs,
            (Strings{"Definition: What gets in the way", "When to use: When care is blocked",
                     "Example: A ward with no time", "No description yet."}));
}

}  // namespace
}  // namespace thematica::report
