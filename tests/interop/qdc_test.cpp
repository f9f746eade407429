#include "interop/qdc.hpp"

#include <gtest/gtest.h>

#include <string>

namespace thematica::testing {
namespace {

// As ATLAS.ti and NVivo write them: braces and upper-case GUIDs, #RGB colours, a set.
constexpr const char* kCodebook = R"(<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another QDA tool">
  <Codes>
    <Code guid="{0A1B2C3D-0000-4000-8000-000000000001}" name="Barriers" isCodable="false" color="#C33">
      <Description>What gets in the way of compassion.</Description>
      <Code guid="0a1b2c3d-0000-4000-8000-000000000002" name="Time/rota" isCodable="true" color="#1f77b4"/>
    </Code>
    <Code guid="0a1b2c3d-0000-4000-8000-000000000003" name="Shame 😔" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="0a1b2c3d-0000-4000-8000-000000000009" name="Emotions">
      <MemberCode guid="0A1B2C3D-0000-4000-8000-000000000003"/>
    </Set>
  </Sets>
</CodeBook>
)";

std::string refusal(const std::string& xml) {
  auto book = parse_qdc(xml);
  return book ? "accepted" : book.error().message;
}

TEST(QdcTest, ReadsNestedCodesColoursDescriptionsAndSets) {
  auto book = parse_qdc(kCodebook);
  ASSERT_TRUE(book) << book.error().message;
  EXPECT_EQ(book->origin, "Another QDA tool");
  ASSERT_EQ(book->codes.size(), 2u);
  const QdcCode& barriers = book->codes[0];
  EXPECT_EQ(barriers.guid, "0a1b2c3d-0000-4000-8000-000000000001");
  EXPECT_EQ(barriers.name, "Barriers");
  EXPECT_EQ(barriers.colour, "#cc3333");
  EXPECT_FALSE(barriers.codable);
  EXPECT_EQ(barriers.description, "What gets in the way of compassion.");
  ASSERT_EQ(barriers.children.size(), 1u);
  EXPECT_EQ(barriers.children[0].name, "Time/rota");
  EXPECT_EQ(barriers.children[0].colour, "#1f77b4");
  EXPECT_EQ(book->codes[1].name, "Shame 😔");
  EXPECT_EQ(book->codes[1].colour, "");
  ASSERT_EQ(book->sets.size(), 1u);
  EXPECT_EQ(book->sets[0].name, "Emotions");
  EXPECT_EQ(book->sets[0].members,
            (std::vector<std::string>{"0a1b2c3d-0000-4000-8000-000000000003"}));
}

TEST(QdcTest, AcceptsTheNamespacesRealExportersWrite) {
  std::string body =
      R"(<Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="A" isCodable="true"/></Codes>)";
  for (std::string open : {"<CodeBook xmlns=\"urn:QDA-XML:codebook:1:0\">", "<CodeBook>",
                           "<qdc:CodeBook xmlns:qdc=\"urn:QDA-XML:codebook:1.0\">"}) {
    std::string close = open.starts_with("<qdc:") ? "</qdc:CodeBook>" : "</CodeBook>";
    std::string xml = open + body + close;
    if (open.starts_with("<qdc:")) {
      xml =
          open +
          R"(<qdc:Codes><qdc:Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="A" isCodable="true"/></qdc:Codes>)" +
          close;
    }
    auto book = parse_qdc(xml);
    ASSERT_TRUE(book) << open << ": " << book.error().message;
    ASSERT_EQ(book->codes.size(), 1u) << open;
  }
}

TEST(QdcTest, RefusesWhatIsNotASafeValidCodebook) {
  EXPECT_EQ(refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "
                    "\"file:///etc/passwd\">]>\n<CodeBook/>"),
            "the codebook declares a DOCTYPE; REFI-QDA files have none, and it is refused rather "
            "than read");
  EXPECT_EQ(refusal("<CodeBook>\n<Codes>\n<Code name=\"A\">\n</CodeBook>"),
            "line 4: malformed XML (Start-end tags mismatch)");
  EXPECT_EQ(refusal("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>"),
            "line 1: <Project> is not a REFI-QDA codebook (its root must be <CodeBook>)");
  EXPECT_EQ(refusal("<CodeBook xmlns=\"urn:example\"/>"),
            "line 1: <CodeBook> has the namespace 'urn:example', not urn:QDA-XML:codebook:1.0");
  EXPECT_EQ(refusal("<CodeBook><Codes>\n<Code guid=\"nope\" name=\"A\" isCodable=\"true\"/>"
                    "</Codes></CodeBook>"),
            "line 2: <Code> has no valid guid ('nope')");
  EXPECT_EQ(
      refusal(
          "<CodeBook><Codes>\n"
          "<Code guid=\"0a1b2c3d-0000-4000-8000-000000000001\" name=\"A\" isCodable=\"true\"/>\n"
          "<Code guid=\"0A1B2C3D-0000-4000-8000-000000000001\" name=\"B\" isCodable=\"true\"/>"
          "</Codes></CodeBook>"),
      "line 3: <Code> repeats the GUID 0a1b2c3d-0000-4000-8000-000000000001");
  EXPECT_EQ(refusal("<CodeBook><Codes>\n"
                    "<Code guid=\"0a1b2c3d-0000-4000-8000-000000000001\" isCodable=\"true\"/>"
                    "</Codes></CodeBook>"),
            "line 2: <Code> has no name");
  EXPECT_EQ(refusal("<CodeBook><Codes><Code guid=\"0a1b2c3d-0000-4000-8000-000000000001\" "
                    "name=\"A\" isCodable=\"true\"/></Codes><Sets><Set "
                    "guid=\"0a1b2c3d-0000-4000-8000-000000000002\" name=\"S\">\n<MemberCode "
                    "guid=\"0a1b2c3d-0000-4000-8000-000000000009\"/></Set></Sets></CodeBook>"),
            "line 2: <MemberCode> names no code of the codebook: "
            "0a1b2c3d-0000-4000-8000-000000000009");
}

TEST(QdcTest, WritesTheSchemaOrderAndNoEmptyLists) {
  QdcCodebook book;
  book.origin = "Thematica";
  book.codes.push_back(
      QdcCode{"0a1b2c3d-0000-4000-8000-000000000001",
              "Barriers & fears",
              "#cc3333",
              "Obstacles.",
              true,
              {QdcCode{"0a1b2c3d-0000-4000-8000-000000000002", "Time", "", "", true, {}}}});
  EXPECT_EQ(write_qdc(book),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Thematica\">\n"
            "  <Codes>\n"
            "    <Code guid=\"0a1b2c3d-0000-4000-8000-000000000001\" name=\"Barriers &amp; fears\" "
            "isCodable=\"true\" color=\"#cc3333\">\n"
            "      <Description>Obstacles.</Description>\n"
            "      <Code guid=\"0a1b2c3d-0000-4000-8000-000000000002\" name=\"Time\" "
            "isCodable=\"true\" />\n"
            "    </Code>\n"
            "  </Codes>\n"
            "</CodeBook>\n");
}

TEST(QdcTest, WhatIsWrittenReadsBack) {
  auto book = parse_qdc(kCodebook);
  ASSERT_TRUE(book);
  auto again = parse_qdc(write_qdc(*book));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->codes[0].children[0].name, "Time/rota");
  EXPECT_EQ(again->codes[0].colour, "#cc3333");
  EXPECT_FALSE(again->codes[0].codable);
  EXPECT_EQ(again->codes[1].name, "Shame 😔");
  EXPECT_EQ(again->sets[0].members, book->sets[0].members);
}

}  // namespace
}  // namespace thematica::testing
