#include "ingest/survey.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thematica::testing {
namespace {

const std::string kExamples = THEMATICA_EXAMPLES_DIR;

Survey read_example(const std::string& name, const SurveyColumnChoice& choice = {}) {
  auto rows = read_table_file(kExamples + "/" + name, ReadOptions{});
  EXPECT_TRUE(rows) << rows.error().message;
  auto survey = interpret_survey(*rows, choice);
  EXPECT_TRUE(survey) << survey.error().message;
  return *survey;
}

const SurveyColumn& column(const Survey& s, const std::string& id) {
  for (const auto& c : s.columns) {
    if (c.id == id) return c;
  }
  ADD_FAILURE() << "no column " << id;
  return s.columns.front();
}

std::string refusal(const SheetRows& rows, const SurveyColumnChoice& choice = {}) {
  auto survey = interpret_survey(rows, choice);
  return survey ? "accepted" : survey.error().message;
}

TEST(SurveyTest, ReadsAQualtricsExportWithItsThreeHeaderRows) {
  Survey s = read_example("survey-qualtrics.csv");
  EXPECT_EQ(s.source, "qualtrics");
  ASSERT_EQ(s.rows.size(), 12u);
  EXPECT_EQ(s.first_row, 4u);
  EXPECT_EQ(s.columns[s.id_column].id, "ResponseId");
  EXPECT_EQ(s.rows[0][s.id_column], "R_1a2B3c4D5e6F7g8");
  EXPECT_EQ(column(s, "IPAddress").role, ColumnRole::kMetadata);
  EXPECT_EQ(column(s, "RecipientEmail").role, ColumnRole::kMetadata);
  const SurveyColumn& role = column(s, "Q1");
  EXPECT_EQ(role.label, "What is your role?");
  EXPECT_EQ(role.role, ColumnRole::kVariable);
  EXPECT_EQ(role.type, VariableType::kCategory);
  EXPECT_EQ(role.categories,
            (std::vector<std::string>{"Junior doctor", "Medical student", "Nurse"}));
  EXPECT_EQ(column(s, "Q2").type, VariableType::kNumber);
  EXPECT_EQ(column(s, "Q4").type, VariableType::kDate);
  EXPECT_EQ(column(s, "Q5_2").label, "Compassion scale - after");
  EXPECT_EQ(column(s, "Q6").role, ColumnRole::kOpenText);
  EXPECT_EQ(column(s, "Q7").label,
            "What, if anything, makes it hard to be kind to yourself at work?");
  EXPECT_EQ(column(s, "Q7").role, ColumnRole::kOpenText);
}

TEST(SurveyTest, ReadsARedcapExportAndLeavesItsBookkeepingOut) {
  Survey s = read_example("survey-redcap.csv");
  EXPECT_EQ(s.source, "redcap");
  ASSERT_EQ(s.rows.size(), 6u);
  EXPECT_EQ(s.columns[s.id_column].id, "record_id");
  EXPECT_EQ(column(s, "redcap_event_name").role, ColumnRole::kMetadata);
  EXPECT_EQ(column(s, "survey_complete").role, ColumnRole::kMetadata);
  EXPECT_EQ(column(s, "role").type, VariableType::kNumber);  // raw export: coded answers
  EXPECT_EQ(column(s, "course_date").type, VariableType::kDate);
  EXPECT_EQ(column(s, "reflection").role, ColumnRole::kOpenText);
}

TEST(SurveyTest, ReadsTheFirstSheetOfAWorkbookWithGapsAndRichText) {
  Survey s = read_example("survey-small.xlsx");
  EXPECT_EQ(s.source, "table");
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_EQ(s.columns[s.id_column].id, "participant");
  EXPECT_EQ(s.rows[1], (std::vector<std::string>{"P02", "Nurse", "31", "Tired but hopeful"}));
  EXPECT_EQ(s.rows[2][1], "");  // the cell left out of the sheet
  EXPECT_EQ(s.rows[2][3], "Nobody asked how I was after the cardiac arrest – I wish they had.");
  EXPECT_EQ(column(s, "age").type, VariableType::kNumber);
  EXPECT_EQ(column(s, "role").categories,
            (std::vector<std::string>{"Junior doctor", "Medical student", "Nurse"}));
}

TEST(SurveyTest, TheUserChoosesTheIdColumnAndOverridesOpenOrClosed) {
  SheetRows rows = {{"name", "note", "ward"},
                    {"Aisha", "fine", "A1"},
                    {"Tom", "tired after a run of nights on the stroke ward", "B2"}};
  EXPECT_EQ(refusal(rows),
            "no respondent id column found (ResponseId, record_id, participant, id...); name it "
            "with --id-column");
  SurveyColumnChoice choice;
  choice.id_column = "name";
  choice.open = {"ward"};
  choice.closed = {"note"};
  auto s = interpret_survey(rows, choice);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->id_column, 0u);
  EXPECT_EQ(s->columns[1].role, ColumnRole::kVariable);
  EXPECT_EQ(s->columns[1].type, VariableType::kText);
  EXPECT_EQ(s->columns[2].role, ColumnRole::kOpenText);
  choice.open = {"Q99"};
  EXPECT_EQ(refusal(rows, choice), "the file has no column 'Q99'");
}

TEST(SurveyTest, RefusesRaggedRowsRepeatedOrMissingIdsAndEmptyFiles) {
  EXPECT_EQ(refusal({{"id", "age"}, {"P1", "20"}, {"P2", "21", "extra"}}),
            "row 3 has 3 fields but the header has 2: the file is damaged or was edited by hand");
  EXPECT_EQ(refusal({{"id", "age"}, {"P1", "20"}, {"P2", "21"}, {"p1", "22"}}),
            "respondent id 'p1' appears twice (rows 2 and 4, ignoring case); each row must be one "
            "respondent: name another id column with --id-column");
  EXPECT_EQ(refusal({{"id", "age"}, {"P1", "20"}, {"", "21"}}),
            "row 3 has no respondent id (column 'id')");
  EXPECT_EQ(refusal({{"id", "age"}}), "the file has no data rows");
  EXPECT_EQ(refusal({{"id", "age"}, {"", ""}}), "the file has no data rows");
}

TEST(SurveyTest, ColumnsWithoutAnswersAreLeftOut) {
  auto s = interpret_survey({{"id", "unused", "age"}, {"P1", "", "20"}, {"P2", "", "21"}}, {});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->columns[1].role, ColumnRole::kEmpty);
  EXPECT_EQ(s->columns[2].role, ColumnRole::kVariable);
}

TEST(SurveyTest, OnlyCsvAndXlsxFilesAreSurveyExports) {
  auto rows = read_table_file(kExamples + "/fg-students.txt", ReadOptions{});
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().message,
            "a survey export must be a .csv or .xlsx file (export it as CSV or Excel)");
}

}  // namespace
}  // namespace thematica::testing
