#include "analysis/pseudonyms.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

TEST(PseudonymsTest, ParticipantsAreNumberedAndKeepTheirNumber) {
  PseudonymBook book;
  EXPECT_EQ(book.participant("guid-priya").pseudonym, "[P01]");
  EXPECT_EQ(book.participant("guid-tom").pseudonym, "[P02]");
  EXPECT_EQ(book.participant("guid-priya").pseudonym, "[P01]");
  // A later pass starts from the book the key file kept.
  PseudonymBook later(book.style(), book.entries());
  EXPECT_EQ(later.participant("guid-leah").pseudonym, "[P03]");
  EXPECT_EQ(later.participant("guid-tom").pseudonym, "[P02]");
}

TEST(PseudonymsTest, OthersAreLetteredByKindAndFoldedMentionsAreOneEntity) {
  PseudonymBook book;
  EXPECT_EQ(book.other(IdentifierCategory::kPerson, "Dr Okonjo").pseudonym, "[Person A]");
  EXPECT_EQ(book.other(IdentifierCategory::kPerson, "Okonjo's").pseudonym, "[Person A]");
  EXPECT_EQ(book.other(IdentifierCategory::kPerson, "Bernie").pseudonym, "[Person B]");
  EXPECT_EQ(book.other(IdentifierCategory::kInstitution, "Kelsford Royal Infirmary").pseudonym,
            "[Infirmary A]");
  EXPECT_EQ(book.other(IdentifierCategory::kInstitution, "Larch Ward").pseudonym, "[Ward A]");
  EXPECT_EQ(book.other(IdentifierCategory::kInstitution, "St Anne's Hospital").pseudonym,
            "[Hospital A]");
  EXPECT_EQ(book.other(IdentifierCategory::kInstitution, "Northfield Medical Centre").pseudonym,
            "[Centre A]");
  EXPECT_EQ(book.other(IdentifierCategory::kInstitution, "Brightwater").pseudonym,
            "[Institution A]");
  EXPECT_EQ(book.other(IdentifierCategory::kPlace, "Eastbury").pseudonym, "[Place A]");
  EXPECT_EQ(book.other(IdentifierCategory::kPlace, "Kelsford").pseudonym, "[Place B]");
  EXPECT_EQ(book.other(IdentifierCategory::kDate, "4 March 2026").pseudonym, "[date]");
  EXPECT_EQ(book.other(IdentifierCategory::kDate, "12/05/2025").pseudonym, "[date]");
  EXPECT_EQ(book.other(IdentifierCategory::kNhsNumber, "943 476 5919").pseudonym, "[NHS number]");
  EXPECT_EQ(book.entries().size(), 12u);  // each date is its own entity, under one label
  EXPECT_EQ(book.entries()[0].entity, "person:okonjo");
}

TEST(PseudonymsTest, LettersGoOnPastZ) {
  PseudonymBook book;
  std::string last;
  for (int i = 0; i < 28; ++i)
    last = book.other(IdentifierCategory::kPlace, std::to_string(i)).pseudonym;
  EXPECT_EQ(last, "[Place AB]");
}

TEST(PseudonymsTest, BracketStylesAndRenaming) {
  auto angle = parse_bracket_style("<>");
  ASSERT_TRUE(angle);
  PseudonymBook book(*angle);
  EXPECT_EQ(book.participant("g1").pseudonym, "<P01>");
  EXPECT_EQ(book.other(IdentifierCategory::kPlace, "Eastbury").pseudonym, "<Place A>");
  ASSERT_TRUE(parse_bracket_style(""));
  EXPECT_EQ(parse_bracket_style("")->open, "");
  auto quote = parse_bracket_style("\"\"");
  ASSERT_FALSE(quote);
  EXPECT_EQ(quote.error().message,
            "unknown bracket style '\"\"': use one of [] () {} <>, or \"\" for none");

  ASSERT_TRUE(book.rename("place:eastbury", "<coastal town>"));
  EXPECT_EQ(book.other(IdentifierCategory::kPlace, "EASTBURY").pseudonym, "<coastal town>");
  auto taken = book.rename("place:eastbury", "<P01>");
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().message,
            "the pseudonym <P01> is taken by another person; choose another");
  EXPECT_EQ(book.find_pseudonym("<P01>")->entity, "case:g1");
}

TEST(PseudonymsTest, EntityTextFoldsCaseTitlesAndPossessives) {
  EXPECT_EQ(entity_text("Dr  Okonjo\xE2\x80\x99s"), "okonjo");
  EXPECT_EQ(entity_text("Sister Fiona"), "fiona");
  EXPECT_EQ(entity_text("St. Anne's Hospital"), "st anne's hospital");
  EXPECT_EQ(entity_text("Dr"), "dr");
}

TEST(PseudonymsTest, ParticipantNamesFindOwnersOfPartsAndMisspellings) {
  ParticipantNames names;
  names.add("priya", "Priya Raman");
  names.add("tom", "Tom Okafor");
  names.add("tom2", "Tom Hale");
  names.add("helen", "Helen Marsh");
  names.add("interviewer", "Interviewer");
  names.add("mark", "Mark Ellison (Guest)");
  EXPECT_EQ(names.owner("Priya Raman"), "priya");
  EXPECT_EQ(names.owner("Raman's"), "priya");
  EXPECT_EQ(names.owner("PRIYA"), "priya");
  EXPECT_EQ(names.owner("Okafor"), "tom");
  EXPECT_EQ(names.owner("Okafur"), "tom");         // misspelt by one letter
  EXPECT_EQ(names.owner("Okafru"), std::nullopt);  // two letters
  EXPECT_EQ(names.owner("Tom"), std::nullopt);     // two participants are called Tom
  EXPECT_EQ(names.owner("Dr Marsh"), "helen");
  EXPECT_EQ(names.owner("Hellen"), "helen");  // one letter off, five letters or more
  EXPECT_EQ(names.owner("Interviewer"), std::nullopt);
  EXPECT_EQ(names.owner("Bernie"), std::nullopt);
  EXPECT_EQ(names.owner("Mark Ellison"), "mark");
  EXPECT_EQ(names.owner("Ellison"), "mark");
}

}  // namespace
}  // namespace thematica
