#include "services/search_service.hpp"

#include "services/retrieval.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class SearchServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-1", "\xF0\x9F\x98\x94 No time. \xE6\x97\xB6\xE9\x97\xB4 Never enough time.");
    import("fg-2", "Time pressure everywhere.");
    add("Barriers/Time constraints");
  }
};

TEST_F(SearchServiceTest, HitsCarryCodePointPositionsAndContext) {
  auto hits = search_text(*store_, SearchQuery{"time", 100, 4});
  ASSERT_TRUE(hits) << hits.error().message;
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].document, "fg-1");
  EXPECT_EQ((*hits)[0].range, (Range{5, 9}));
  EXPECT_EQ((*hits)[0].before, " No ");
  EXPECT_EQ((*hits)[0].after, ". \xE6\x97\xB6\xE9\x97\xB4");
  EXPECT_EQ((*hits)[1].range, (Range{27, 31}));
  EXPECT_EQ((*hits)[1].text, "time");
  EXPECT_EQ((*hits)[2].document, "fg-2");
  EXPECT_EQ((*hits)[2].text, "Time");
  auto limited = search_text(*store_, SearchQuery{"time", 2, 0});
  EXPECT_EQ(limited->size(), 2u);
}

TEST_F(SearchServiceTest, CodeAllHitsCodesExactlyTheMatches) {
  auto coded =
      code_search_hits(ctx(), "\"enough time\" OR pressure", "Barriers/Time constraints", "carol");
  ASSERT_TRUE(coded) << coded.error().message;
  EXPECT_EQ(coded->hits, 2);
  EXPECT_EQ(coded->coded, 2);
  auto segments = find_segments(*store_, {});
  ASSERT_EQ(segments->size(), 2u);
  EXPECT_EQ((*segments)[0].text, "enough time");
  EXPECT_EQ((*segments)[0].coding.range, (Range{20, 31}));
  EXPECT_EQ((*segments)[0].coder, "carol");
  EXPECT_EQ((*segments)[1].text, "pressure");
  auto again =
      code_search_hits(ctx(), "\"enough time\" OR pressure", "Barriers/Time constraints", "carol");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->coded, 0);
  EXPECT_EQ(find_segments(*store_, {})->size(), 2u);
}

TEST_F(SearchServiceTest, UndoOfCodeAllHitsRemovesThemAndTheNewCoder) {
  ASSERT_TRUE(code_range("fg-2", "Barriers/Time constraints", {0, 4}, "alice"));
  auto coded = code_search_hits(ctx(), "time", "Barriers/Time constraints", "carol");
  ASSERT_TRUE(coded);
  EXPECT_EQ(coded->coded, 3);
  EXPECT_EQ(find_segments(*store_, {})->size(), 4u);
  auto undone = store_->undo_last("alice");
  ASSERT_TRUE(undone) << undone.error().message;
  auto left = find_segments(*store_, {});
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ((*left)[0].coder, "alice");
  auto coders = store_->coders();
  ASSERT_EQ(coders->size(), 1u);
  EXPECT_EQ((*coders)[0].name, "alice");
}

TEST_F(SearchServiceTest, BadQueriesAreInvalidInput) {
  EXPECT_EQ(search_text(*store_, SearchQuery{"", 10, 0}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(search_text(*store_, SearchQuery{"AND AND", 10, 0}).error().kind,
            ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace thematica::testing
