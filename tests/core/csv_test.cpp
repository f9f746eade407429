#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(CsvTest, ParsesQuotesDoubledQuotesAndLineBreaks) {
  auto rows =
      parse_csv("\xEF\xBB\xBFpath,definition\r\n\"A, B\",\"said \"\"no\"\"\nthen left\"\r\nC,\n");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (CsvRow{"path", "definition"}));
  EXPECT_EQ((*rows)[1], (CsvRow{"A, B", "said \"no\"\nthen left"}));
  EXPECT_EQ((*rows)[2], (CsvRow{"C", ""}));
}

TEST(CsvTest, ReportsUnclosedQuoteWithLine) {
  auto rows = parse_csv("a,b\n\"open,c\n");
  ASSERT_FALSE(rows);
  EXPECT_NE(rows.error().message.find("never closed"), std::string::npos);
  auto stray = parse_csv("\"a\"b,c\n");
  ASSERT_FALSE(stray);
  EXPECT_NE(stray.error().message.find("line 1"), std::string::npos);
}

TEST(CsvTest, FormatsOnlyWhatNeedsQuoting) {
  EXPECT_EQ(format_csv_row({"plain", "a,b", "say \"hi\"", "two\nlines", ""}),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}

TEST(CsvTest, RoundTrips) {
  CsvRow row{"Barriers/Time", "x,\"y\"", "\n", "é😔"};
  auto parsed = parse_csv(format_csv_row(row));
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0], row);
}

TEST(CsvTest, SpreadsheetSafeCellsNeverStartAFormula) {
  EXPECT_EQ(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(spreadsheet_safe("+44 20 7946 0000"), "'+44 20 7946 0000");
  EXPECT_EQ(spreadsheet_safe("- and then she left"), "'- and then she left");
  EXPECT_EQ(spreadsheet_safe("@ward7"), "'@ward7");
  EXPECT_EQ(spreadsheet_safe("\tindented"), "'\tindented");
  EXPECT_EQ(spreadsheet_safe("I felt = to them"), "I felt = to them");
  EXPECT_EQ(spreadsheet_safe(""), "");
  EXPECT_EQ(format_csv_row({spreadsheet_safe("=1+1"), "ok"}), "'=1+1,ok\n");
}

}  // namespace
}  // namespace thematica
