#include "services/cooccurrence.hpp"

#include "services/focus_groups_fixture.hpp"

namespace thematica::testing {
namespace {

using Cells = std::vector<std::optional<std::int64_t>>;

class CooccurrenceTest : public FocusGroupsTest {
 protected:
  void SetUp() override {
    FocusGroupsTest::SetUp();
    // Ben's turn: "Time. We never have time on placement, so kindness gets rushed." holds two
    // Time codings; this Role models coding overlaps the first of them.
    ASSERT_TRUE(code_quote("fg-students", "Facilitators/Role models", "Time. We never have time"));
  }
  report::Cooccurrence build(report::Within within) {
    auto built = build_cooccurrence(*store_, {{"Facilitators", "Barriers"}, within, {}});
    EXPECT_TRUE(built) << built.error().message;
    return built ? *built : report::Cooccurrence{};
  }
};

TEST_F(CooccurrenceTest, CountsEachThemesSegmentsThatOverlapAnotherTheme) {
  auto c = build(report::Within::kOverlap);
  EXPECT_EQ(c.paths,
            (std::vector<std::string>{"Facilitators", "Facilitators/Being noticed",
                                      "Facilitators/Role models", "Barriers", "Barriers/Time"}));
  EXPECT_EQ(c.segments, (std::vector<std::int64_t>{3, 1, 2, 3, 3}));
  // A theme against itself and its own line is left blank.
  EXPECT_EQ(c.cells[0], (Cells{std::nullopt, std::nullopt, std::nullopt, 1, 1}));
  EXPECT_EQ(c.cells[1], (Cells{std::nullopt, std::nullopt, 0, 0, 0}));
  EXPECT_EQ(c.cells[2], (Cells{std::nullopt, 0, std::nullopt, 1, 1}));
  EXPECT_EQ(c.cells[3], (Cells{1, 0, 1, std::nullopt, std::nullopt}));
  EXPECT_EQ(c.cells[4], (Cells{1, 0, 1, std::nullopt, std::nullopt}));
  EXPECT_DOUBLE_EQ(*report::cooccurrence_percent(c, 2, 4), 50.0);
  EXPECT_NEAR(*report::cooccurrence_percent(c, 4, 2), 100.0 / 3, 1e-12);
  EXPECT_FALSE(report::cooccurrence_percent(c, 0, 0));
  std::string csv = report::cooccurrence_csv(c);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "theme,segments,Facilitators,Facilitators %,Facilitators/Being noticed,Facilitators/"
            "Being noticed %,Facilitators/Role models,Facilitators/Role models %,Barriers,"
            "Barriers %,Barriers/Time,Barriers/Time %");
  EXPECT_NE(csv.find("\nFacilitators/Role models,2,,,0,0.0,,,1,50.0,1,50.0\n"), std::string::npos);
}

TEST_F(CooccurrenceTest, WithinATurnCountsSegmentsStartingInTheSameTurn) {
  auto c = build(report::Within::kTurn);
  // Both of Ben's Time codings share his turn with the Role models coding.
  EXPECT_EQ(c.cells[4], (Cells{2, 0, 2, std::nullopt, std::nullopt}));
  EXPECT_EQ(c.cells[2], (Cells{std::nullopt, 0, std::nullopt, 1, 1}));
  EXPECT_EQ(c.cells[1], (Cells{std::nullopt, std::nullopt, 0, 0, 0}));
  EXPECT_NE(c.methods.find("start in a speaker turn"), std::string::npos);
}

TEST_F(CooccurrenceTest, RefusesUnknownCodesAndCoders) {
  auto unknown = build_cooccurrence(*store_, {{"Barriers/Staffing"}, report::Within::kOverlap, {}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  auto none = build_cooccurrence(*store_, {{}, report::Within::kOverlap, {}});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kInvalidInput);
  auto coder = build_cooccurrence(*store_, {{"Barriers"}, report::Within::kOverlap, {"nobody"}});
  ASSERT_FALSE(coder);
  EXPECT_EQ(coder.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace thematica::testing
