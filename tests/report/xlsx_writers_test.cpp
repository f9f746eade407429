#include <gtest/gtest.h>

#include <filesystem>

#include "report/matrix_xlsx.hpp"
#include "report/report_fixtures.hpp"
#include "report/theme_xlsx.hpp"
#include "support/temp_dir.hpp"
#include "support/xlsx_reading.hpp"

namespace thematica::report {
namespace {

using testing::read_xlsx_file;

TEST(XlsxWritersTest, MatrixSheetHoldsCountsPercentagesAsNumbersAndTheTest) {
  testing::TempDir dir;
  std::string path = dir.file("matrix.xlsx");
  ASSERT_TRUE(code_matrix_xlsx(students_and_advisors()).write(path));
  auto book = read_xlsx_file(path);
  ASSERT_EQ(book.sheets.size(), 1u);
  const auto& s = book.sheets[0];
  EXPECT_EQ(s.name, "Themes by role");
  EXPECT_EQ(s.at("A1"), "Table 1. Themes by role: participants who mentioned each theme");
  std::vector<std::string> header;
  for (char c = 'A'; c <= 'R'; ++c) header.push_back(s.at(std::string(1, c) + "3"));
  EXPECT_EQ(header, (std::vector<std::string>{"Theme", "Code path", "MS (n = 6)", "MS row %",
                                              "MS column %", "'=SGA (n = 4)", "'=SGA row %",
                                              "'=SGA column %", "unknown (n = 0)", "unknown row %",
                                              "unknown column %", "Total", "Participants", "Test",
                                              "Method", "Statistic", "df", "p"}));
  // The theme with no codings: zeros, and no row percentage (nothing to divide by).
  EXPECT_EQ(s.at("A4"), "Barriers");
  EXPECT_EQ(s.at("C4"), "0");
  EXPECT_EQ(s.at("D4"), "");
  EXPECT_EQ(s.at("E4"), "0");
  EXPECT_EQ(s.at("K4"), "");  // "unknown" has no participants
  EXPECT_EQ(s.at("N4"), "");
  // The sub-theme: 4 of 6 students and 1 of 4 advisors, with Fisher's test.
  EXPECT_EQ(s.at("A5"), "Time");
  EXPECT_EQ(s.at("B5"), "Barriers/Time");
  EXPECT_EQ(s.at("C5"), "4");
  EXPECT_EQ(s.at("D5"), "0.8");
  EXPECT_NEAR(std::stod(s.at("E5")), 4.0 / 6, 1e-12);
  EXPECT_EQ(s.at("F5"), "1");
  EXPECT_EQ(s.at("G5"), "0.2");
  EXPECT_EQ(s.at("H5"), "0.25");
  EXPECT_EQ(s.at("I5"), "0");
  EXPECT_EQ(s.at("J5"), "0");
  EXPECT_EQ(s.at("L5"), "5");
  EXPECT_EQ(s.at("M5"), "5");
  EXPECT_EQ(s.at("N5"), "Fisher's exact, p = .262");
  EXPECT_EQ(s.at("O5"), "Fisher's exact test");
  EXPECT_EQ(s.at("P5"), "2.1701");
  EXPECT_EQ(s.at("Q5"), "1");
  EXPECT_EQ(s.at("R5"), "0.2619");
  EXPECT_EQ(s.at("A7"), "Each cell counts participants.");
}

TEST(XlsxWritersTest, MatrixChartComparesTheGroupsThatHaveParticipants) {
  testing::TempDir dir;
  std::string path = dir.file("matrix.xlsx");
  ASSERT_TRUE(code_matrix_xlsx(students_and_advisors()).write(path));
  auto book = read_xlsx_file(path);
  ASSERT_NE(std::find(book.parts.begin(), book.parts.end(), "xl/charts/chart1.xml"),
            book.parts.end());
  ZipArchive zip = *ZipArchive::open_file(path, "XLSX", 1 << 24);
  std::string chart = **zip.read("xl/charts/chart1.xml");
  // Two series (the empty "unknown" column is left out): each group's column percentages, by
  // theme, named after the group.
  std::size_t series = 0;
  for (auto at = chart.find("<c:ser>"); at != std::string::npos;
       at = chart.find("<c:ser>", at + 1)) {
    ++series;
  }
  EXPECT_EQ(series, 2u);
  EXPECT_NE(chart.find("<c:f>'Themes by role'!$A$4:$A$5</c:f>"), std::string::npos);
  EXPECT_NE(chart.find("<c:f>'Themes by role'!$E$4:$E$5</c:f>"), std::string::npos);
  EXPECT_NE(chart.find("<c:f>'Themes by role'!$H$4:$H$5</c:f>"), std::string::npos);
  EXPECT_EQ(chart.find("$K$4"), std::string::npos);
  EXPECT_NE(chart.find("<c:v>'=SGA</c:v>"), std::string::npos);
}

TEST(XlsxWritersTest, ThemeWorkbookHasASheetPerGroupWithARowPerQuote) {
  testing::TempDir dir;
  std::string path = dir.file("themes.xlsx");
  ThemeReport report = two_groups();
  report.matrix = students_and_advisors();
  ASSERT_TRUE(theme_report_xlsx(report).write(path));
  auto book = read_xlsx_file(path);
  ASSERT_EQ(book.sheets.size(), 4u);
  EXPECT_EQ(book.sheets[0].name, "MS");
  EXPECT_EQ(book.sheets[1].name, "SGA");
  EXPECT_EQ(book.sheets[2].name, "Themes by role");
  EXPECT_EQ(book.sheets[3].name, "Methods");

  const auto& ms = book.sheets[0];
  EXPECT_EQ(ms.at("A1"), "Table 1. Themes and representative quotes: role: MS");
  std::vector<std::string> header;
  for (char c = 'A'; c <= 'L'; ++c) header.push_back(ms.at(std::string(1, c) + "3"));
  EXPECT_EQ(header, (std::vector<std::string>{"Theme", "Code path", "Definition", "Participants",
                                              "Segments", "Documents", "Quote", "role", "Speaker",
                                              "Document", "Where", "Representative"}));
  auto row = [&](const testing::XlsxSheetContent& s, int r) {
    std::vector<std::string> cells;
    for (char c = 'A'; c <= 'L'; ++c) cells.push_back(s.at(c + std::to_string(r)));
    return cells;
  };
  EXPECT_EQ(row(ms, 4), (std::vector<std::string>{"Barriers", "Barriers", "What gets in the way",
                                                  "2", "3", "1", "", "", "", "", "", ""}));
  EXPECT_EQ(row(ms, 5), (std::vector<std::string>{"Time", "Barriers/Time", "", "2", "3", "1",
                                                  "We never have time,\non placement", "MS", "P03",
                                                  "fg-students", "03:12", "yes"}));
  // The control character is dropped; the tab is kept.
  EXPECT_EQ(row(ms, 6), (std::vector<std::string>{"Time", "Barriers/Time", "", "2", "3", "1",
                                                  "Ward rounds\tare rushed", "MS", "P04",
                                                  "fg-students", "", "no"}));
  EXPECT_EQ(row(ms, 7), (std::vector<std::string>{"Fear", "Barriers/Fear", "", "0", "0", "0", "",
                                                  "", "", "", "", ""}));
  EXPECT_EQ(ms.at("A8"), "");

  const auto& sga = book.sheets[1];
  EXPECT_EQ(sga.at("A1"), "Table 2. Themes and representative quotes: role: SGA");
  EXPECT_EQ(row(sga, 4),
            (std::vector<std::string>{"Barriers", "Barriers", "What gets in the way", "2", "3", "1",
                                      "They copy us", "SGA", "", "fg-advisors", "00:10", "no"}));
  EXPECT_EQ(book.sheets[2].at("A1"),
            "Table 3. Themes by role: participants who mentioned each theme");
  EXPECT_EQ(book.sheets[3].at("A3"), "For each theme the table shows up to 2 quotes.");
  EXPECT_EQ(book.sheets[3].at("A5"),
            "Tags give each speaker's role: MS = medical student (n = 6); SGA (n = 5); unknown "
            "(no value recorded; n = 1). A tag's second part is the speaker's pseudonymous id.");
}

TEST(XlsxWritersTest, TheSameReportGivesTheSameBytes) {
  testing::TempDir dir;
  ThemeReport report = two_groups();
  report.matrix = students_and_advisors();
  ASSERT_TRUE(theme_report_xlsx(report).write(dir.file("a.xlsx")));
  ASSERT_TRUE(theme_report_xlsx(report).write(dir.file("b.xlsx")));
  std::string a = bytes_of(dir.file("a.xlsx"));
  EXPECT_GT(a.size(), 5000u);
  EXPECT_EQ(a, bytes_of(dir.file("b.xlsx")));
}

TEST(XlsxWritersTest, CellsNeverBecomeFormulasAndDropControlCharacters) {
  EXPECT_EQ(spreadsheet_cell_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(spreadsheet_cell_text("+44 20"), "'+44 20");
  EXPECT_EQ(spreadsheet_cell_text("- well, I think"), "'- well, I think");
  EXPECT_EQ(spreadsheet_cell_text("@here"), "'@here");
  EXPECT_EQ(spreadsheet_cell_text("\x01=1+1"), "'=1+1");
  EXPECT_EQ(spreadsheet_cell_text("it\x7f's \x1b fine\r\n"), "it\x7f's  fine\n");
  EXPECT_EQ(spreadsheet_cell_text("a = b"), "a = b");
}

TEST(XlsxWritersTest, TextLongerThanACellHoldsIsCutWithAnEllipsis) {
  std::string cut = spreadsheet_cell_text(std::string(40000, 'a'));
  EXPECT_TRUE(cut == std::string(32766, 'a') + "\u2026") << cut.size();
  // Excel counts UTF-16 units: an emoji takes two.
  std::string emoji;
  for (int i = 0; i < 20000; ++i) emoji += "\U0001F600";
  std::string cut_emoji = spreadsheet_cell_text(emoji);
  EXPECT_EQ(cut_emoji.size(), 16383u * 4 + 3);
  EXPECT_EQ(cut_emoji.substr(cut_emoji.size() - 7), "\U0001F600\u2026");
  std::string fits(32767, 'b');
  EXPECT_TRUE(spreadsheet_cell_text(fits) == fits);
}

TEST(XlsxWritersTest, SheetNamesAreMadeAcceptableToExcelAndUnique) {
  testing::TempDir dir;
  XlsxWorkbook book;
  EXPECT_EQ(book.add_sheet("a/b[c]:d*e?f\\g").name(), "a-b-c--d-e-f-g");
  EXPECT_EQ(book.add_sheet("MS").name(), "MS");
  EXPECT_EQ(book.add_sheet("ms").name(), "ms (2)");
  EXPECT_EQ(book.add_sheet(std::string(40, 'x')).name(), std::string(31, 'x'));
  EXPECT_EQ(book.add_sheet(std::string(40, 'x')).name(), std::string(27, 'x') + " (2)");
  EXPECT_EQ(book.add_sheet("'quoted'").name(), "quoted");
  EXPECT_EQ(book.add_sheet("").name(), "Sheet");
  EXPECT_EQ(book.add_sheet("Étudiants en médecine de quatrième année").name(),
            "Étudiants en médecine de quatri");
  ASSERT_TRUE(book.write(dir.file("names.xlsx")));
  auto read = read_xlsx_file(dir.file("names.xlsx"));
  ASSERT_EQ(read.sheets.size(), 8u);
  EXPECT_EQ(read.sheets[2].name, "ms (2)");
}

TEST(XlsxWritersTest, AFileThatCannotBeWrittenIsAnErrorNamingItAndLeavesNothing) {
  auto written = code_matrix_xlsx(students_and_advisors()).write("/nonexistent-folder/m.xlsx");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().kind, ErrorKind::kIo);
  EXPECT_NE(written.error().message.find("/nonexistent-folder/m.xlsx"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists("/nonexistent-folder/m.xlsx.partial"));
}

}  // namespace
}  // namespace thematica::report
