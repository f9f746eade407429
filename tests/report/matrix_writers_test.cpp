#include <gtest/gtest.h>

#include "report/matrix_csv.hpp"
#include "report/matrix_docx.hpp"
#include "report/report_fixtures.hpp"
#include "support/docx_reading.hpp"
#include "support/temp_dir.hpp"

namespace thematica::report {
namespace {

TEST(MatrixWritersTest, CsvHasCountsPercentagesAndTheTest) {
  EXPECT_EQ(code_matrix_csv(students_and_advisors()),
            "theme,level,MS,MS row %,MS column %,'=SGA,'=SGA row %,'=SGA column %,unknown,"
            "unknown row %,unknown column %,total,participants,test,statistic,df,p\n"
            "Barriers,0,0,,0.0,0,,0.0,0,,,0,0,,,,\n"
            "Barriers/Time,1,4,80.0,66.7,1,20.0,25.0,0,0.0,,5,5,Fisher's exact test,2.1701,1,"
            "0.2619\n");
}

TEST(MatrixWritersTest, WordTableShowsCountsWithColumnPercentagesAndTheTest) {
  testing::TempDir dir;
  std::string path = dir.file("matrix.docx");
  ASSERT_TRUE(code_matrix_docx(students_and_advisors()).write(path));
  auto docx = testing::read_docx(path);
  ASSERT_EQ(docx.tables.size(), 1u);
  const auto& t = docx.tables[0];
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"Theme", "MS (n = 6)", "=SGA (n = 4)",
                                            "unknown (n = 0)", "Total", "Test"}));
  EXPECT_EQ(t[1], (std::vector<std::string>{"Barriers", "0 (0%)", "0 (0%)", "0", "0", ""}));
  EXPECT_EQ(t[2], (std::vector<std::string>{"Time", "4 (67%)", "1 (25%)", "0", "5",
                                            "Fisher's exact, p = .262"}));
  EXPECT_EQ(docx.paragraphs[2], "Each cell counts participants.");
  EXPECT_EQ(docx.paragraphs[1], "Table 1. Themes by role: participants who mentioned each theme");
}

TEST(MatrixWritersTest, TestsAndPercentagesAreWrittenAsResultsSectionsWriteThem) {
  EXPECT_EQ(percent_text(66.666), "67%");
  EXPECT_EQ(percent_text(4.54), "4.5%");
  EXPECT_EQ(percent_text(0.2), "<1%");
  EXPECT_EQ(percent_text(0), "0%");
  EXPECT_EQ(test_text({"chi-square", 30.0701, 2, 2.954e-07, 300}),
            "\u03c7\u00b2(2) = 30.07, p < .001");
  EXPECT_EQ(test_text({"chi-square (expected counts below 5)", 4.1, 4, 0.3926, 1.5}),
            "\u03c7\u00b2(4) = 4.10, p = .393 (expected counts below 5)");
  EXPECT_EQ(test_text({"not applicable", 0, 0, 1, 0}), "");
}

}  // namespace
}  // namespace thematica::report
