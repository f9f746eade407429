#include "analysis/identifier_detection.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

using Found = std::vector<std::pair<std::string, std::string>>;

Found as_pairs(std::string_view text, const std::vector<IdentifierSpan>& spans) {
  Found out;
  for (const auto& s : spans) {
    out.emplace_back(std::string(category_name(s.category)),
                     std::string(text.substr(s.begin, s.end - s.begin)));
  }
  return out;
}

// A small dictionary as wbritish lists words: ordinary words in lower case, proper nouns
// capitalised.
const WordList& dictionary() {
  static const WordList kWords = WordList::parse(
      "a\nand\nbill\nby\ntoday\nto\nwho\nwrite\ncalled\ncame\ndawn\neverybody\nfrom\ngrace\nhe\nher"
      "\nhim\nhope\ni\nin\n"
      "is\nit\nme\nnight\nof\non\nsaid\nshe\nthe\nwas\nwe\nwill\nwith\nBill\nDawn\nGrace\nHope\n"
      "Will\nWilliam\nLeeds\nLeeds's\n");
  return kWords;
}

TEST(IdentifierDetectionTest, SpeakersAreFoundInEveryFormTheyAreMentioned) {
  std::string text =
      "Grace Obi: I came in with Priya.\n"
      "Priya Raman: Grace's idea, by the grace of God. Okonjoe said so, and priya agreed.\n";
  auto found = find_speaker_mentions(text, {"Grace Obi", "Priya Raman", "Interviewer", "P3"});
  EXPECT_EQ(as_pairs(text, without_overlaps(found)), (Found{{"person", "Grace Obi"},
                                                            {"person", "Priya"},
                                                            {"person", "Priya Raman"},
                                                            {"person", "Grace"},
                                                            {"person", "priya"}}));
}

TEST(IdentifierDetectionTest, WhatMeetingSoftwareAddsToALabelIsLeftOut) {
  std::string text = "Mark Ellison (Guest): We don't mark anything.";
  auto found = without_overlaps(find_speaker_mentions(text, {"Mark Ellison (Guest)"}));
  EXPECT_EQ(as_pairs(text, found), (Found{{"person", "Mark Ellison"}}));
}

TEST(IdentifierDetectionTest, AnInstitutionStartsAfterTheWordBeforeIt) {
  std::string text = "On Larch Ward it was quiet. At Kelsford Royal Infirmary it was not.";
  EXPECT_EQ(as_pairs(text, without_overlaps(find_titled_names_and_institutions(text))),
            (Found{{"institution", "Larch Ward"}, {"institution", "Kelsford Royal Infirmary"}}));
}

TEST(IdentifierDetectionTest, DashesAndQuotesAreNotPartOfAName) {
  std::string text =
      "We were talking and I\xE2\x80\x94 I mean Jess\xE2\x80\x94 she said \xE2\x80\x9C"
      "Priya\xE2\x80\x9D was on.";
  DetectionInput input{text, {"Priya Raman"}, {}, &dictionary()};
  EXPECT_EQ(as_pairs(text, detect_identifiers(input)),
            (Found{{"person", "Jess"}, {"person", "Priya"}}));
}

TEST(IdentifierDetectionTest, MisspeltSpeakerNamesAreFoundWithLowerConfidence) {
  std::string text = "Dr Okonjo: Thanks.\nInterviewer: And Okonjoe said?\n";
  auto found = without_overlaps(find_speaker_mentions(text, {"Dr Okonjo"}));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "Okonjoe");
  EXPECT_EQ(found[1].rule, "speaker's name, misspelt");
  EXPECT_LT(found[1].confidence, found[0].confidence);
}

TEST(IdentifierDetectionTest, KnownIdentifiersAreAlwaysFoundInAnyCase) {
  std::string text = "BERNIE's shift on rowan ward, not Bernadette.";
  auto found = find_known_identifiers(text, {{"Bernie", IdentifierCategory::kPerson, ""},
                                             {"Rowan Ward", guess_category("Rowan Ward"), ""}});
  EXPECT_EQ(as_pairs(text, without_overlaps(found)),
            (Found{{"person", "BERNIE"}, {"institution", "rowan ward"}}));
}

TEST(IdentifierDetectionTest, TitlesAndInstitutions) {
  std::string text =
      "Sister Fiona Mills and dr patel took her to St Aidan's Hospital, then the University of "
      "Wenlow; Dr Will said nothing.";
  EXPECT_EQ(as_pairs(text, without_overlaps(find_titled_names_and_institutions(text))),
            (Found{{"person", "Fiona Mills"},
                   {"person", "patel"},
                   {"institution", "St Aidan's Hospital"},
                   {"institution", "University of Wenlow"}}));
}

TEST(IdentifierDetectionTest, CapitalisedNamesAndPlacesNoListHolds) {
  std::string text =
      "Interviewer: Who came?\n"
      "P1: Everybody called him Bill. Tomek came from Leeds. Hope said we will. William came.\n";
  auto found = find_proper_nouns(text, dictionary());
  EXPECT_EQ(
      as_pairs(text, found),
      (Found{{"person", "Bill"}, {"person", "Tomek"}, {"place", "Leeds"}, {"person", "William"}}));
  EXPECT_TRUE(find_proper_nouns(text, WordList{}).empty());
}

TEST(IdentifierDetectionTest, ANameFoundOnceIsFoundEverywhere) {
  std::string text =
      "P1: We called her Dawn Hartley. Dawn was kind. At dawn she left; hartley rang.\n";
  DetectionInput input{text, {}, {}, &dictionary()};
  EXPECT_EQ(as_pairs(text, detect_identifiers(input)),
            (Found{{"person", "Dawn Hartley"}, {"person", "Dawn"}, {"person", "hartley"}}));
}

TEST(IdentifierDetectionTest, TheWholeAddressWinsOverANameInside) {
  std::string text = "Write to e.pryce@students.kelsford.ac.uk today.";
  DetectionInput input{text, {}, {{"Pryce", IdentifierCategory::kPerson, ""}}, &dictionary()};
  EXPECT_EQ(as_pairs(text, detect_identifiers(input)),
            (Found{{"email", "e.pryce@students.kelsford.ac.uk"}}));
}

}  // namespace
}  // namespace thematica
