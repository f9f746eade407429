#include "report/theme_csv.hpp"

#include <gtest/gtest.h>

namespace thematica::report {
namespace {

TEST(ThemeCsvTest, OneRowPerQuoteAndOneForAThemeWithoutQuotes) {
  ThemeReport report;
  report.tag_variable = "role";
  ThemeTable table{"role: MS", "MS", {}};
  ThemeRow barriers;
  barriers.path = "Barriers";
  ThemeRow time;
  time.path = "Barriers/Time";
  time.depth = 1;
  time.definition = "Not enough time, said as \"rushed\"";
  time.segments = 3;
  time.participants = 2;
  time.documents = 1;
  time.quotes = {{"We never have time, on placement", "MS", "Ben", "fg-students", "03:12", true},
                 {"=SUM(A1) - an attack", "MS", "", "fg-students", "characters 9-30", false}};
  table.rows = {barriers, time};
  report.tables = {table};
  EXPECT_EQ(theme_report_csv(report),
            "table,theme,level,definition,segments,participants,documents,quote,role,speaker,"
            "document,where,representative\n"
            "role: MS,Barriers,0,,0,0,0,,,,,,\n"
            "role: MS,Barriers/Time,1,\"Not enough time, said as \"\"rushed\"\"\",3,2,1,"
            "\"We never have time, on placement\",MS,Ben,fg-students,03:12,yes\n"
            "role: MS,Barriers/Time,1,\"Not enough time, said as \"\"rushed\"\"\",3,2,1,"
            "'=SUM(A1) - an attack,MS,,fg-students,characters 9-30,no\n");
}

}  // namespace
}  // namespace thematica::report
