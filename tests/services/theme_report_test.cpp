#include "services/theme_report.hpp"

#include "services/focus_groups_fixture.hpp"
#include "services/retrieval.hpp"

namespace thematica::testing {
namespace {

class ThemeReportTest : public FocusGroupsTest {
 protected:
  report::ThemeReport build(const ThemeReportSettings& settings) {
    auto built = build_theme_report(*store_, settings);
    EXPECT_TRUE(built) << built.error().message;
    return built ? *built : report::ThemeReport{};
  }
};

TEST_F(ThemeReportTest, OneTablePerGroupWithThemesSubThemesCountsAndTaggedQuotes) {
  ThemeReportSettings settings;
  settings.codes = {"Facilitators", "Barriers"};
  settings.group_by = "role";
  settings.quotes = 2;
  settings.without_fillers = true;
  auto r = build(settings);
  // Every value of the variable gets a table (FAC coded nothing), and "unknown" for Dev.
  ASSERT_EQ(r.tables.size(), 4u);
  EXPECT_EQ(r.tables[0].title, "role: FAC");
  EXPECT_EQ(r.tables[1].title, "role: MS");
  EXPECT_EQ(r.tables[2].title, "role: SGA");
  EXPECT_EQ(r.tables[3].title, "role: unknown");

  const auto& ms = r.tables[1].rows;
  ASSERT_EQ(ms.size(), 5u);
  EXPECT_EQ(ms[0].path, "Facilitators");
  EXPECT_EQ(ms[0].depth, 0);
  EXPECT_EQ(ms[0].segments, 2);  // its sub-themes' codings
  EXPECT_EQ(ms[0].participants, 1);
  EXPECT_TRUE(ms[0].quotes.empty());
  EXPECT_EQ(ms[1].path, "Facilitators/Being noticed");
  EXPECT_EQ(ms[1].depth, 1);
  ASSERT_EQ(ms[1].quotes.size(), 1u);
  EXPECT_EQ(ms[1].quotes[0].text, "when a tutor, notices you are struggling, you feel seen.");
  EXPECT_EQ(ms[1].quotes[0].tag, "MS");
  EXPECT_EQ(ms[1].quotes[0].document, "fg-students");
  EXPECT_EQ(ms[1].quotes[0].speaker, "");
  EXPECT_EQ(ms[4].path, "Barriers/Time");
  EXPECT_EQ(ms[4].segments, 2);
  EXPECT_EQ(ms[4].participants, 1);
  EXPECT_EQ(ms[4].documents, 1);
  // Both of Ben's codings are in one turn: one quote only.
  ASSERT_EQ(ms[4].quotes.size(), 1u);
  EXPECT_EQ(ms[4].quotes[0].text, "We never have time on placement");

  const auto& unknown = r.tables[3].rows;
  EXPECT_EQ(unknown[4].segments, 1);
  ASSERT_EQ(unknown[4].quotes.size(), 1u);
  EXPECT_EQ(unknown[4].quotes[0].tag, "unknown");
  EXPECT_EQ(r.tables[0].rows[4].segments, 0);
  EXPECT_NE(r.methods.find("up to 2 quotes"), std::string::npos);
  EXPECT_NE(r.methods.find("Fillers"), std::string::npos);
}

TEST_F(ThemeReportTest, OneTableForAllWithRepresentativeQuotesFirstAndSpeakerIds) {
  auto segments = find_segments(*store_, {});
  RecodeRequest mark;
  for (const auto& s : *segments) {
    if (s.text == "so kindness gets rushed") mark.coding_id = s.coding.id;
  }
  mark.representative = true;
  ASSERT_TRUE(recode(ctx(), mark));
  ThemeReportSettings settings;
  settings.codes = {"Barriers/Time"};
  settings.tag = "role";
  settings.quotes = 1;
  settings.speaker_ids = true;
  settings.max_words = 2;
  auto r = build(settings);
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].title, "All participants");
  ASSERT_EQ(r.tables[0].rows.size(), 1u);
  const auto& time = r.tables[0].rows[0];
  EXPECT_EQ(time.segments, 3);
  EXPECT_EQ(time.participants, 2);
  EXPECT_EQ(time.documents, 2);
  ASSERT_EQ(time.quotes.size(), 1u);
  EXPECT_EQ(time.quotes[0].text, "so kindness …");
  EXPECT_EQ(time.quotes[0].speaker, "Ben");
  EXPECT_EQ(time.quotes[0].tag, "MS");
  EXPECT_TRUE(time.quotes[0].representative);
  EXPECT_EQ(time.quotes[0].where, "characters 162-185");
}

TEST_F(ThemeReportTest, RefusesWhatItCannotReport) {
  auto none = build_theme_report(*store_, {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kInvalidInput);
  ThemeReportSettings unknown_code;
  unknown_code.codes = {"Facilitators/Kindness"};
  EXPECT_EQ(build_theme_report(*store_, unknown_code).error().kind, ErrorKind::kNotFound);
  ThemeReportSettings unknown_variable;
  unknown_variable.codes = {"Barriers"};
  unknown_variable.group_by = "cohort";
  auto refused = build_theme_report(*store_, unknown_variable);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "no variable 'cohort'; 'thematica vars' lists them");
}

}  // namespace
}  // namespace thematica::testing
