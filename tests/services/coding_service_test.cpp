#include "services/coding_service.hpp"

#include <fmt/format.h>

#include "services/retrieval.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

// Emoji, CJK and Arabic before the quotes: byte and code-point positions differ.
const std::string kText =
    "P1: \xF0\x9F\x98\x94 \xE6\x97\xB6\xE9\x97\xB4 \xD9\x85\xD8\xB1 There is never enough time.\n"
    "P2: Never enough time, and no time to care.\n";

class CodingServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("interview-04", kText);
    add("Barriers/Time constraints");
  }
};

TEST_F(CodingServiceTest, CodesExactQuoteAtCodePointPositions) {
  auto coded = code_quote("interview-04", "Barriers/Time constraints", "There is never");
  ASSERT_TRUE(coded) << coded.error().message;
  EXPECT_EQ(coded->coding.range, (Range{12, 26}));
  auto segments = find_segments(*store_, {});
  ASSERT_EQ(segments->size(), 1u);
  EXPECT_EQ((*segments)[0].text, "There is never");
  EXPECT_EQ((*segments)[0].coder, "alice");
}

TEST_F(CodingServiceTest, AmbiguousQuoteSaysHowOftenAndNthPicksOne) {
  auto ambiguous = code_quote("interview-04", "Barriers/Time constraints", "enough time");
  ASSERT_FALSE(ambiguous);
  EXPECT_EQ(ambiguous.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(ambiguous.error().message.find("occurs 2 times in 'interview-04' (at code points 27, "
                                           "50); add --nth 1..2"),
            std::string::npos)
      << ambiguous.error().message;
  auto second = code_quote("interview-04", "Barriers/Time constraints", "enough time", 2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->coding.range, (Range{50, 61}));
  auto third = code_quote("interview-04", "Barriers/Time constraints", "enough time", 3);
  ASSERT_FALSE(third);
  EXPECT_NE(third.error().message.find("--nth 3 is out of range"), std::string::npos);
}

TEST_F(CodingServiceTest, BadPassagesChangeNothing) {
  std::int64_t before = event_count();
  auto absent = code_quote("interview-04", "Barriers/Time constraints", "plenty of time");
  ASSERT_FALSE(absent);
  EXPECT_NE(absent.error().message.find("the quote is not in 'interview-04'"), std::string::npos);
  auto past = code_range("interview-04", "Barriers/Time constraints", {80, 200});
  ASSERT_FALSE(past);
  EXPECT_NE(past.error().message.find("which has 84 code points"), std::string::npos)
      << past.error().message;
  auto reversed = code_range("interview-04", "Barriers/Time constraints", {20, 10});
  ASSERT_FALSE(reversed);
  EXPECT_NE(reversed.error().message.find("reversed"), std::string::npos);
  auto unknown = code_range("interview-04", "Barriers/Staffing", {0, 3});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  auto nodoc = code_range("interview-99", "Barriers/Time constraints", {0, 3});
  ASSERT_FALSE(nodoc);
  EXPECT_EQ(nodoc.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(event_count(), before);
  EXPECT_TRUE(store_->coders()->empty());  // the coder is not created by a refused coding
}

TEST_F(CodingServiceTest, OverlapsAllowedExactDuplicateRefused) {
  ASSERT_TRUE(code_range("interview-04", "Barriers/Time constraints", {12, 38}));
  ASSERT_TRUE(code_range("interview-04", "Barriers/Time constraints", {20, 38}));
  ASSERT_TRUE(code_range("interview-04", "Barriers/Time constraints", {12, 38}, "bob"));
  auto duplicate = code_range("interview-04", "Barriers/Time constraints", {12, 38});
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(find_segments(*store_, {})->size(), 3u);
}

TEST_F(CodingServiceTest, RecodeKeepsTheCodingAndRemoveDeletesIt) {
  add("Barriers/Burnout");
  auto coded = code_range("interview-04", "Barriers/Time constraints", {12, 38});
  ASSERT_TRUE(coded);
  RecodeRequest change;
  change.coding_id = coded->coding.id;
  change.code = "Barriers/Burnout";
  change.range = Range{12, 26};
  change.important = true;
  change.comment = "key quote";
  auto event = recode(ctx(), change);
  ASSERT_TRUE(event) << event.error().message;
  auto segments = find_segments(*store_, {});
  ASSERT_EQ(segments->size(), 1u);
  const Segment& s = (*segments)[0];
  EXPECT_EQ(s.coding.id, coded->coding.id);
  EXPECT_EQ(s.coding.guid, coded->coding.guid);
  EXPECT_EQ(s.code, "Barriers/Burnout");
  EXPECT_EQ(s.text, "There is never");
  EXPECT_TRUE(s.coding.important);
  EXPECT_FALSE(s.coding.representative);
  EXPECT_EQ(s.coding.comment, "key quote");
  // Marking it a representative quote changes that alone, and says so in the log.
  RecodeRequest mark;
  mark.coding_id = coded->coding.id;
  mark.representative = true;
  auto marked = recode(ctx(), mark);
  ASSERT_TRUE(marked) << marked.error().message;
  EXPECT_EQ(marked->summary, fmt::format("recoded #{}: representative", coded->coding.id));
  auto again = find_segments(*store_, {});
  EXPECT_TRUE((*again)[0].coding.representative);
  EXPECT_TRUE((*again)[0].coding.important);
  EXPECT_EQ((*again)[0].text, "There is never");
  change.range = Range{0, 500};
  EXPECT_FALSE(recode(ctx(), change));
  ASSERT_TRUE(remove_coding(ctx(), coded->coding.id));
  EXPECT_TRUE(find_segments(*store_, {})->empty());
  auto gone = remove_coding(ctx(), coded->coding.id);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace thematica::testing
