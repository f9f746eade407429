#include "services/survey_import.hpp"

#include "services/cases_service.hpp"
#include "services/history.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

const std::string kQualtrics = std::string(THEMATICA_EXAMPLES_DIR) + "/survey-qualtrics.csv";

class SurveyImportTest : public ServiceTest {
 protected:
  std::vector<std::pair<std::string, std::string>> values_of(const std::string& name) {
    auto cases = list_cases(*store_);
    for (const auto& c : *cases) {
      if (c.kase.name == name) return c.values;
    }
    ADD_FAILURE() << "no case " << name;
    return {};
  }
};

TEST_F(SurveyImportTest, RespondentsBecomeCasesAndOpenAnswersAttributedDocuments) {
  auto report = import_survey(ctx(), kQualtrics, {});
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->source, "qualtrics");
  EXPECT_EQ(report->respondents, 12u);
  EXPECT_EQ(report->new_cases, 12u);
  ASSERT_EQ(report->documents.size(), 2u);
  EXPECT_EQ(report->documents[1].document.name, "survey-qualtrics Q7");
  EXPECT_EQ(report->documents[1].answers, 10u);  // two respondents left Q7 empty
  using Values = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(values_of("R_1a2B3c4D5e6F7g8"), (Values{{"Age", "22"},
                                                    {"Compassion scale - after", "6"},
                                                    {"Compassion scale - before", "4"},
                                                    {"Date of the course", "2026-03-14"},
                                                    {"What is your role?", "Medical student"},
                                                    {"Year of training", "3"}}));
  auto text = document_text(*store_, "survey-qualtrics Q7");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->substr(0, text->find('\n')),
            "Q7: What, if anything, makes it hard to be kind to yourself at work?");
  // Each answer is a turn of its respondent's case, so every quote keeps its respondent.
  auto turns = store_->utterances({report->documents[1].document.id});
  ASSERT_EQ(turns->size(), 10u);
  const Utterance& first = (*turns)[0];
  EXPECT_EQ(first.speaker_label, "R_1a2B3c4D5e6F7g8");
  EXPECT_EQ(text->substr(first.range.start, first.range.length()),
            "R_1a2B3c4D5e6F7g8: Feeling like I should already know everything.");
  auto kase = store_->find_case("R_1a2B3c4D5e6F7g8");
  EXPECT_EQ(first.case_id, (*kase)->id);
}

TEST_F(SurveyImportTest, ASecondImportOfTheSameExportChangesNothing) {
  ASSERT_TRUE(import_survey(ctx(), kQualtrics, {}));
  std::int64_t events = event_count();
  auto again = import_survey(ctx(), kQualtrics, {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(event_count(), events);
  EXPECT_EQ(list_documents(*store_)->size(), 2u);
}

TEST_F(SurveyImportTest, UndoRemovesRespondentsVariablesAndDocuments) {
  ASSERT_TRUE(import_survey(ctx(), kQualtrics, {}));
  ASSERT_TRUE(undo_last_change(ctx()));
  EXPECT_TRUE(list_cases(*store_)->empty());
  EXPECT_TRUE(list_variables(*store_)->empty());
  EXPECT_TRUE(list_documents(*store_)->empty());
}

TEST_F(SurveyImportTest, AnAnswerThatDoesNotFitAnExistingVariableRefusesTheWholeFile) {
  ASSERT_TRUE(add_variable(ctx(), "Age", VariableType::kDate, {}));
  std::int64_t events = event_count();
  auto report = import_survey(ctx(), kQualtrics, {});
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().message.substr(0, 23), "row 4, column 'Q2': '22");
  EXPECT_EQ(event_count(), events);
  EXPECT_TRUE(list_cases(*store_)->empty());
}

TEST_F(SurveyImportTest, VariablesAttachToExistingCasesAndUnknownIdsAreListed) {
  ASSERT_TRUE(set_case_values(ctx(), "P02", {{"ward", "B2"}}));
  ASSERT_TRUE(set_case_values(ctx(), "p04", {{"ward", "C3"}}));
  auto report =
      import_variables(ctx(), std::string(THEMATICA_EXAMPLES_DIR) + "/survey-small.xlsx", {});
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->unmatched, (std::vector<std::string>{"P01", "P03"}));
  using Values = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(
      values_of("P02"),
      (Values{
          {"age", "31"}, {"reflection", "Tired but hopeful"}, {"role", "Nurse"}, {"ward", "B2"}}));
  EXPECT_EQ(list_cases(*store_)->size(), 2u);  // nothing made for the unknown ids
}

TEST_F(SurveyImportTest, VariablesForNoKnownCaseAreRefused) {
  auto report = import_variables(ctx(), kQualtrics, {});
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().message,
            "no id in column 'ResponseId' names a case (the first is 'R_1a2B3c4D5e6F7g8'); see "
            "'thematica cases' for the case names");
  EXPECT_EQ(event_count(), 0);
}

}  // namespace
}  // namespace thematica::testing
