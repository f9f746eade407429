#include <gtest/gtest.h>

#include <string>

#include "ingest/html_reader.hpp"
#include "ingest/markdown_reader.hpp"

namespace thematica {
namespace {

TEST(HtmlReaderTest, SkipsHeadScriptAndStyleAndCollapsesWhitespace) {
  auto doc = read_html(
      "<!DOCTYPE html><html><head><title>Hidden title</title><style>p { color: red; }</style>"
      "<script>var x = \"hidden\";</script></head><body><p>Visible   text\n  over two lines.</p>"
      "<script>alert(1)</script><noscript>No script</noscript></body></html>");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "html");
  EXPECT_EQ(doc->text, "Visible text over two lines.\n");
  EXPECT_FALSE(doc->transcript);
}

TEST(HtmlReaderTest, PutsBreaksAndBlocksOnTheirOwnLines) {
  auto doc = read_html(
      "<div>First line<br>Second line</div><h2>Heading</h2>"
      "<p>A <b>bold</b> and <i>italic</i> word.</p><ul><li>One</li><li>Two</li></ul>");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "First line\nSecond line\nHeading\nA bold and italic word.\nOne\nTwo\n");
}

TEST(HtmlReaderTest, KeepsPreformattedTextAsWritten) {
  auto doc =
      read_html("<p>Before</p><pre>line one\n  indented  line\n\nafter blank</pre><p>After</p>");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Before\nline one\n  indented  line\n\nafter blank\nAfter\n");
}

TEST(HtmlReaderTest, SeparatesTableCellsWithTabs) {
  auto doc = read_html(
      "<table><tr><th>Ward</th><th>Beds</th></tr><tr><td>A</td><td> 12 </td></tr></table>");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Ward\tBeds\nA\t12\n");
}

TEST(HtmlReaderTest, DecodesEntities) {
  auto doc = read_html("<p>Fish &amp; chips at the caf&eacute; &lt;3 &#8217; &nbsp;end</p>");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->text, "Fish & chips at the caf\u00e9 <3 \u2019 \u00a0end\n");
}

TEST(HtmlReaderTest, RefusesAPageWithoutVisibleText) {
  auto doc = read_html(
      "<html><head><title>Only a title</title></head><body>  <script>x()</script> </body></html>");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message, "the HTML page has no visible text");
}

TEST(MarkdownReaderTest, KeepsTheTextAReaderSees) {
  auto doc = read_markdown(
      "# Field notes\n"
      "\n"
      "The *ward* was **calm** and `quiet`.\n"
      "A soft break here.\n"
      "\n"
      "## Links\n"
      "\n"
      "See [the report](https://example.org/report) for more.  \n"
      "Hard break above.\n"
      "\n"
      "- First item\n"
      "- Second item\n"
      "\n"
      "1. Numbered\n"
      "\n"
      "```\n"
      "code line 1\n"
      "code line 2\n"
      "```\n"
      "\n"
      "<div>raw html</div>\n"
      "\n"
      "Inline <span>html</span> text.\n");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->reader, "markdown");
  EXPECT_EQ(doc->text,
            "Field notes\n"
            "The ward was calm and quiet. A soft break here.\n"
            "Links\n"
            "See the report for more.\n"
            "Hard break above.\n"
            "First item\n"
            "Second item\n"
            "Numbered\n"
            "code line 1\n"
            "code line 2\n"
            "Inline html text.\n");
  EXPECT_FALSE(doc->transcript);
}

TEST(MarkdownReaderTest, RefusesAFileWithoutText) {
  auto doc = read_markdown("<!-- just a comment -->\n\n---\n");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(doc.error().message, "the Markdown file has no text");
}

}  // namespace
}  // namespace thematica
