#include "core/text.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

Text make(const std::string& utf8) {
  auto text = Text::from_utf8(utf8);
  EXPECT_TRUE(text) << text.error().message;
  return *text;
}

TEST(TextTest, CountsCodePointsNotBytes) {
  // "I feel 😔 — 时间 مرحبا e" + combining acute: emoji, dash, CJK, Arabic, combining mark.
  Text text = make(
      "I feel \xF0\x9F\x98\x94 \xE2\x80\x94 \xE6\x97\xB6\xE9\x97\xB4 "
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 e\xCC\x81");
  EXPECT_EQ(text.length(), 22u);
  EXPECT_EQ(text.slice({7, 8}), "\xF0\x9F\x98\x94");
  EXPECT_EQ(text.slice({9, 10}), "\xE2\x80\x94");
  EXPECT_EQ(text.slice({11, 13}), "\xE6\x97\xB6\xE9\x97\xB4");
  EXPECT_EQ(text.slice({14, 19}), "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7");
  // A combining mark is its own code point, as REFI-QDA counts it.
  EXPECT_EQ(text.slice({20, 21}), "e");
  EXPECT_EQ(text.slice({21, 22}), "\xCC\x81");
  EXPECT_EQ(text.slice({0, 22}), text.utf8());
}

TEST(TextTest, ByteAndCodePointOffsetsAreInverse) {
  std::string s;
  for (int i = 0; i < 300; ++i)
    s += (i % 3 == 0) ? "\xF0\x9F\x98\x94" : (i % 3 == 1 ? "\xC3\xA9" : "a");
  Text text = make(s);
  ASSERT_EQ(text.length(), 300u);
  std::size_t byte = 0;
  for (std::uint64_t cp = 0; cp < 300; ++cp) {
    EXPECT_EQ(text.byte_offset(cp), byte) << "code point " << cp;
    EXPECT_EQ(text.code_point_offset(byte), cp) << "byte " << byte;
    byte += cp % 3 == 0 ? 4 : (cp % 3 == 1 ? 2 : 1);
  }
  EXPECT_EQ(text.byte_offset(300), s.size());
  EXPECT_EQ(text.code_point_offset(s.size()), 300u);
}

TEST(TextTest, SlicesAcrossIndexStrides) {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += "\xE6\x97\xB6";  // 1000 CJK characters
  Text text = make(s);
  EXPECT_EQ(text.length(), 1000u);
  EXPECT_EQ(text.slice({63, 65}), "\xE6\x97\xB6\xE6\x97\xB6");
  EXPECT_EQ(text.slice({999, 1000}), "\xE6\x97\xB6");
  EXPECT_EQ(text.byte_offset(640), 1920u);
}

TEST(TextTest, FindsEveryOccurrenceInCodePoints) {
  Text text = make("\xF0\x9F\x98\x94 time, time \xE6\x97\xB6 time");
  std::vector<std::uint64_t> expected = {2, 8, 15};
  EXPECT_EQ(text.find_all("time"), expected);
  EXPECT_TRUE(text.find_all("absent").empty());
  EXPECT_TRUE(text.find_all("").empty());
}

TEST(TextTest, RefusesInvalidUtf8WithOffset) {
  auto bad = Text::from_utf8("ok\xC3(");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("offset 2"), std::string::npos);
}

TEST(TextTest, EmptyTextHasNoCodePoints) {
  Text text = make("");
  EXPECT_EQ(text.length(), 0u);
  EXPECT_EQ(text.byte_offset(0), 0u);
  EXPECT_EQ(text.code_point_offset(0), 0u);
}

}  // namespace
}  // namespace thematica
