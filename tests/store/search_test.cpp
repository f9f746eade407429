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

  auto words = store->search("time", 10);
  ASSERT_TRUE(words);
  ASSERT_EQ(words->size(), 1u);
  EXPECT_EQ((*words)[0].byte_spans, (Spans{{5, 9}, {23, 27}, {42, 46}}));

  auto phrase = store->search("\"enough time\"", 10);
  ASSERT_EQ(phrase->size(), 1u);
  EXPECT_EQ((*phrase)[0].byte_spans, (Spans{{35, 46}}));

  auto prefix = store->search("burn*", 10);
  ASSERT_EQ(prefix->size(), 1u);
  EXPECT_EQ((*prefix)[0].document_id, 2);
  EXPECT_EQ((*prefix)[0].byte_spans, (Spans{{23, 30}}));

  auto either = store->search("pressure OR fatigue", 10);
  EXPECT_EQ(either->size(), 2u);
  auto neither = store->search("time NOT pressure", 10);
  EXPECT_EQ(neither->size(), 0u);
}

TEST(SearchTest, IgnoresCaseAndDiacritics) {
  TempDir dir;
  auto store = create_store(dir.file("study.thematica"));
  add_document(*store, "a", "Le caf\xC3\xA9 du CAFE.");
  auto hits = store->search("cafe", 10);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].byte_spans, (Spans{{3, 8}, {12, 16}}));
}

TEST(SearchTest, MalformedQueryIsInvalidInput) {
  TempDir dir;
  auto store = create_store(dir.file("study.thematica"));
  add_document(*store, "a", "text");
  auto hits = store->search("\"unclosed", 10);
  ASSERT_FALSE(hits);
  EXPECT_EQ(hits.error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace thematica::testing
