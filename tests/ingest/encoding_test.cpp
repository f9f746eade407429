#include "ingest/encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace thematica {
namespace {

using namespace std::string_literals;  // "...\0..."s keeps NUL bytes

TEST(EncodingTest, KeepsUtf8AsItIs) {
  auto decoded = decode_text("Caf\u00e9 \u2019ok\u2019\r\n", "auto");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->utf8, "Caf\u00e9 \u2019ok\u2019\r\n");  // line endings are not its business
  EXPECT_EQ(decoded->encoding, "UTF-8");
  EXPECT_FALSE(decoded->guessed);
}

TEST(EncodingTest, RemovesTheUtf8ByteOrderMark) {
  auto decoded = decode_text("\xEF\xBB\xBFhello\n", "auto");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->utf8, "hello\n");
  EXPECT_EQ(decoded->encoding, "UTF-8");
  EXPECT_FALSE(decoded->guessed);
}

TEST(EncodingTest, DecodesUtf16LittleEndianWithItsMark) {
  // "Café ’ok’\n"
  auto decoded = decode_text(
      "\xFF\xFE"
      "C\0a\0f\0\xE9\0 \0\x19\x20o\0k\0\x19\x20\n\0"s,
      "auto");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->utf8, "Caf\u00e9 \u2019ok\u2019\n");
  EXPECT_EQ(decoded->encoding, "UTF-16LE");
  EXPECT_FALSE(decoded->guessed);
}

TEST(EncodingTest, DecodesUtf16BigEndianWithItsMark) {
  auto decoded = decode_text("\xFE\xFF\0C\0a\0f\0\xE9\0 \x20\x19\0o\0k\x20\x19\0\n"s, "auto");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->utf8, "Caf\u00e9 \u2019ok\u2019\n");
  EXPECT_EQ(decoded->encoding, "UTF-16BE");
  EXPECT_FALSE(decoded->guessed);
}

TEST(EncodingTest, RefusesUtf16WithAnOddNumberOfBytes) {
  auto decoded = decode_text("\xFF\xFEH\0i"s, "auto");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(decoded.error().message,
            "the file starts as UTF-16LE but has an odd number of bytes: it is truncated");
}

TEST(EncodingTest, DetectsWindows1252AndSaysItGuessed) {
  // uchardet needs a few sentences to tell Windows-1252 from its neighbours.
  std::string bytes =
      "Caf\xE9 cr\xE8me, cr\xEApe, fa\xE7"
      "ade, d\xE9j\xE0 vu: the students\x92 na\xEFve "
      "r\xE9sum\xE9s were left at the caf\xE9. I didn\x92t know anyone, but the team\x92s welcome "
      "was warm. We talked about the ward\x92s history and the sister\x92s routine.\n";
  auto decoded = decode_text(bytes, "auto");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->utf8,
            "Caf\u00e9 cr\u00e8me, cr\u00eape, fa\u00e7ade, d\u00e9j\u00e0 vu: the "
            "students\u2019 na\u00efve r\u00e9sum\u00e9s were left at the caf\u00e9. I "
            "didn\u2019t know anyone, but the team\u2019s welcome was warm. We talked about the "
            "ward\u2019s history and the sister\u2019s routine.\n");
  EXPECT_EQ(decoded->encoding, "WINDOWS-1252");
  EXPECT_TRUE(decoded->guessed);
}

TEST(EncodingTest, StrictUtf8RefusesLatin1WithTheOffset) {
  auto decoded = decode_text(
      "abc\xE9"
      "def",
      "utf-8");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(decoded.error().message,
            "the text is not valid UTF-8 (first bad byte at offset 3); save the file as UTF-8 and "
            "import it again");
}

TEST(EncodingTest, DecodesTheEncodingTheUserNames) {
  auto decoded = decode_text(
      "abc\xE9"
      "def \x92quoted\x92",
      "windows-1252");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->utf8, "abc\u00e9def \u2019quoted\u2019");
  EXPECT_EQ(decoded->encoding, "windows-1252");
  EXPECT_FALSE(decoded->guessed);
}

TEST(EncodingTest, RefusesAnUnknownEncodingName) {
  auto decoded = decode_text("abc", "foo-bar");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(decoded.error().message,
            "unknown encoding 'foo-bar'; name one such as utf-8, windows-1252, latin1 or utf-16le");
}

TEST(EncodingTest, RefusesANulByteAsBinary) {
  auto decoded = decode_text("ab\0cd"s, "auto");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(decoded.error().message,
            "looks like a binary file (a NUL character at offset 2); import text, DOCX, ODT, PDF, "
            "HTML or Markdown");
}

TEST(EncodingTest, RefusesBytesInvalidInTheNamedEncodingWithTheOffset) {
  // 0x81 starts a two-byte Shift_JIS character; a space cannot be its second byte.
  auto decoded = decode_text("ab\x81 cd", "shift_jis");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(decoded.error().message,
            "byte offset 2: not valid shift_jis text; name the file's encoding with --encoding");
}

}  // namespace
}  // namespace thematica
