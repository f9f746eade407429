#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(Utf8Test, AcceptsEveryEncodedLength) {
  EXPECT_TRUE(validate_utf8("plain ascii"));
  EXPECT_TRUE(validate_utf8("caf\xC3\xA9"));               // é, 2 bytes
  EXPECT_TRUE(validate_utf8("\xE6\x97\xB6\xE9\x97\xB4"));  // 时间, 3 bytes each
  EXPECT_TRUE(validate_utf8("\xF0\x9F\x98\x94"));          // 😔, 4 bytes
  EXPECT_TRUE(validate_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
  EXPECT_TRUE(validate_utf8(""));
}

TEST(Utf8Test, ReportsByteOffsetOfFirstBadSequence) {
  auto bad = validate_utf8("Compassion is\xFF here");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(bad.error().message.find("offset 13"), std::string::npos) << bad.error().message;
}

TEST(Utf8Test, ReportsOffsetPastLongAsciiRuns) {
  std::string text(100, 'a');
  text += "\xC3";  // truncated two-byte sequence at the end
  auto bad = validate_utf8(text);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("offset 100"), std::string::npos);
}

TEST(Utf8Test, RejectsOverlongSurrogateAndOutOfRange) {
  EXPECT_FALSE(validate_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(validate_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  EXPECT_FALSE(validate_utf8("\xED\xA0\x80"));      // UTF-16 surrogate U+D800
  EXPECT_FALSE(validate_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(validate_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(validate_utf8("\xE6\x97"));          // truncated
  EXPECT_FALSE(validate_utf8("\xE6\x41\xB6"));      // continuation replaced by ASCII
}

TEST(Utf8Test, NormalisesBomAndLineEndings) {
  EXPECT_EQ(normalise_line_endings("\xEF\xBB\xBFline one\r\nline two\rline three\n"),
            "line one\nline two\nline three\n");
  EXPECT_EQ(normalise_line_endings("a\r\r\nb"), "a\n\nb");
  EXPECT_EQ(normalise_line_endings("no change\n"), "no change\n");
}

TEST(Utf8Test, FirstAndLastCodePointsNeverSplitASequence) {
  std::string_view text =
      "a\xF0\x9F\x98\x94"
      "b\xC3\xA9";  // a 😔 b é
  EXPECT_EQ(first_code_points(text, 2), "a\xF0\x9F\x98\x94");
  EXPECT_EQ(first_code_points(text, 0), "");
  EXPECT_EQ(first_code_points(text, 9), text);
  EXPECT_EQ(last_code_points(text, 2), "b\xC3\xA9");
  EXPECT_EQ(last_code_points(text, 0), "");
  EXPECT_EQ(last_code_points(text, 9), text);
  // Cut through the emoji on either side: the partial sequence is dropped.
  EXPECT_EQ(first_code_points(text.substr(0, 3), 5), "a");
  EXPECT_EQ(last_code_points(text.substr(3), 5), "b\xC3\xA9");
}

}  // namespace
}  // namespace thematica
