#include <gtest/gtest.h>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(SearchTest, ReportsByteSpansOfWordsPhrasesAndPrefixes) {
  TempDir dir;
  auto store = create_store(dir.file("study.thematica"));
  // 😔 is four bytes: every span after it is shifted by 3 against a code-point count.
  add_document(*store, "a", "\xF0\x9F\x98\x94 Time pressure. No time, never enough time.");
  add_document(*store, "b", "Compassion fatigue and burnout.");

  auto words = search_all(*store, "time");
  ASSERT_TRUE(words);
  ASSERT_EQ(words->size(), 1u);
  EXPECT_EQ((*words)[0].byte_spans, (Spans{{5, 9}, {23, 27}, {42, 46}}));

  auto phrase = search_all(*store, "\"enough time\"");
  ASSERT_EQ(phrase->size(), 1u);
  EXPECT_EQ((*phrase)[0].byte_spans, (Spans{{35, 46}}));

  auto prefix = search_all(*store, "burn*");
  ASSERT_EQ(prefix->size(), 1u);
  EXPECT_EQ((*prefix)[0].document_id, 2);
  EXPECT_EQ((*prefix)[0].byte_spans, (Spans{{23, 30}}));

  auto either = search_all(*store, "pressure OR fatigue");
  EXPECT_EQ(either->size(), 2u);
  auto neither = search_all(*store, "time NOT pressure");
  EXPECT_EQ(neither->size(), 0u);
}

TEST(SearchTest, IgnoresCaseAndDiacritics) {
  TempDir dir;
  auto store = create_store(dir.file("study.thematica"));
  add_document(*store, "a", "Le caf\xC3\xA9 du CAFE.");
  auto hits = search_all(*store, "cafe");
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].byte_spans, (Spans{{3, 8}, {12, 16}}));
}

TEST(SearchTest, MalformedQueryIsInvalidInput) {
  TempDir dir;
  auto store = create_store(dir.file("study.thematica"));
  add_document(*store, "a", "text");
  auto hits = search_all(*store, "\"unclosed");
  ASSERT_FALSE(hits);
  EXPECT_EQ(hits.error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace thematica::testing
