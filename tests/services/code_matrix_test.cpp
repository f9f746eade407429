#include "services/code_matrix.hpp"

#include "services/focus_groups_fixture.hpp"

namespace thematica::testing {
namespace {

using report::MatrixCount;

class CodeMatrixTest : public FocusGroupsTest {
 protected:
  report::CodeMatrix build(std::string by, MatrixCount count) {
    CodeMatrixSettings settings;
    settings.codes = {"Facilitators", "Barriers/Time"};
    settings.by = std::move(by);
    settings.count = count;
    auto built = build_code_matrix(*store_, settings);
    EXPECT_TRUE(built) << built.error().message;
    return built ? *built : report::CodeMatrix{};
  }
};

TEST_F(CodeMatrixTest, ParticipantsWhoMentionedEachThemePerGroupWithTheirTest) {
  auto m = build("role", MatrixCount::kParticipants);
  // Every value among the cases, and "unknown" for Dev, who has none.
  EXPECT_EQ(m.columns, (std::vector<std::string>{"FAC", "MS", "SGA", "unknown"}));
  EXPECT_EQ(m.column_bases, (std::vector<std::int64_t>{1, 2, 1, 1}));
  ASSERT_EQ(m.rows.size(), 4u);
  EXPECT_EQ(m.rows[0].path, "Facilitators");
  EXPECT_EQ(m.rows[0].cells, (std::vector<std::int64_t>{0, 1, 0, 0}));  // Aisha, in two sub-themes
  EXPECT_EQ(m.rows[0].total, 1);
  EXPECT_EQ(m.rows[1].path, "Facilitators/Being noticed");
  EXPECT_EQ(m.rows[1].depth, 1);
  const auto& time = m.rows[3];
  EXPECT_EQ(time.path, "Barriers/Time");
  EXPECT_EQ(time.depth, 0);
  EXPECT_EQ(time.cells, (std::vector<std::int64_t>{0, 1, 0, 1}));
  EXPECT_EQ(time.total, 2);
  EXPECT_EQ(report::column_percent(m, time, 1), 50.0);
  EXPECT_EQ(report::row_percent(time, 1), 50.0);
  // Mentioned 0 of 1, 1 of 2, 0 of 1 (Dev, without a group, is not tested): every table with
  // these margins is at most as probable as the one observed.
  EXPECT_EQ(time.test.method, "Fisher's exact test");
  EXPECT_EQ(time.test.df, 2);
  EXPECT_NEAR(time.test.p_value, 1.0, 1e-12);
  EXPECT_NE(m.methods.find("Fisher's exact test"), std::string::npos);
}

// The moderator's group (FAC) has no one else: left out of analysis, it is no column and counts
// in no base or test.
TEST_F(CodeMatrixTest, ASpeakerLeftOutOfAnalysisIsNoParticipantOfTheirGroup) {
  ASSERT_TRUE(set_case_analysed(ctx(), "Moderator", false));
  auto m = build("role", MatrixCount::kParticipants);
  EXPECT_EQ(m.columns, (std::vector<std::string>{"MS", "SGA", "unknown"}));
  EXPECT_EQ(m.column_bases, (std::vector<std::int64_t>{2, 1, 1}));
  EXPECT_EQ(m.rows[3].cells, (std::vector<std::int64_t>{1, 0, 1}));
  EXPECT_EQ(m.rows[3].test.df, 1);
}

TEST_F(CodeMatrixTest, SegmentsAndDocumentsPerGroupAndPerDocument) {
  auto segments = build("role", MatrixCount::kSegments);
  const auto& time = segments.rows[3];
  EXPECT_EQ(time.cells, (std::vector<std::int64_t>{0, 2, 0, 1}));
  EXPECT_EQ(time.total, 3);
  EXPECT_EQ(time.participants, 2);
  // A column's base is every segment of the reported codes in it.
  EXPECT_EQ(segments.column_bases, (std::vector<std::int64_t>{0, 4, 0, 1}));
  EXPECT_EQ(report::column_percent(segments, time, 1), 50.0);
  EXPECT_EQ(report::column_percent(segments, time, 0), std::nullopt);

  auto documents = build("role", MatrixCount::kDocuments);
  EXPECT_EQ(documents.rows[3].cells, (std::vector<std::int64_t>{0, 1, 0, 1}));
  EXPECT_EQ(documents.rows[3].total, 2);

  auto by_document = build("document", MatrixCount::kSegments);
  EXPECT_EQ(by_document.columns, (std::vector<std::string>{"fg-students", "fg-advisors"}));
  EXPECT_EQ(by_document.rows[0].cells, (std::vector<std::int64_t>{2, 0}));
  EXPECT_EQ(by_document.rows[3].cells, (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(by_document.rows[3].test.method, "not applicable");
  EXPECT_EQ(by_document.methods.find("tested"), std::string::npos);
}

TEST_F(CodeMatrixTest, RefusesWhatItCannotCount) {
  CodeMatrixSettings settings;
  settings.codes = {"Barriers"};
  auto no_by = build_code_matrix(*store_, settings);
  ASSERT_FALSE(no_by);
  EXPECT_EQ(no_by.error().kind, ErrorKind::kInvalidInput);
  settings.by = "cohort";
  auto unknown = build_code_matrix(*store_, settings);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  settings.by = "role";
  settings.codes = {"Barriers/Staffing"};
  EXPECT_EQ(build_code_matrix(*store_, settings).error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace thematica::testing
