#include "core/xml_writer.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

TEST(XmlWriterTest, WritesEscapedXmlThatKeepsLineBreaksAndCarriageReturns) {
  std::string out;
  XmlWriter xml(out);
  xml.start("A");
  xml.attribute("name", "x < \"y\"\r\n\tz");
  xml.start("B");
  xml.end("B");
  xml.text_element("C", "one\r\ntwo & \x01");
  xml.end("A");
  EXPECT_EQ(out,
            "<A name=\"x &lt; &quot;y&quot;&#13;&#10;&#9;z\">\n  <B/>\n  <C>one&#13;\ntwo &amp; "
            "\xEF\xBF\xBD</C>\n</A>");
}

}  // namespace
}  // namespace thematica::testing
