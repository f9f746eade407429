#include "interop/pseudonym_key.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

PseudonymKey sample() {
  PseudonymKey key;
  key.project_guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
  key.brackets = "<>";
  key.entities = {{"person", "case:guid-priya", "<P01>", {"Priya Raman", "Priya", "Zo\xC3\xAB"}},
                  {"date", "date:4 march", "<date>", {"4 March"}}};
  key.documents = {{"doc-guid", "abc123", {{10, 15, "Priya"}, {40, 46, "4 March"}}}};
  key.renames = {{"case", "Priya Raman", "P01"}};
  return key;
}

TEST(PseudonymKeyTest, SealsAndOpensWithThePassphrase) {
  auto sealed = seal_key(sample(), "correct horse battery", KeyStrength::kInteractive);
  ASSERT_TRUE(sealed) << sealed.error().message;
  // The originals are nowhere in the file's bytes.
  EXPECT_EQ(sealed->find("Priya"), std::string::npos);
  EXPECT_EQ(sealed->find("March"), std::string::npos);
  auto opened = open_key(*sealed, "correct horse battery", "study.key");
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->project_guid, "0f8fad5b-d9cb-469f-a165-70867728950e");
  EXPECT_EQ(opened->brackets, "<>");
  ASSERT_EQ(opened->entities.size(), 2u);
  EXPECT_EQ(opened->entities[0].originals,
            (std::vector<std::string>{"Priya Raman", "Priya", "Zo\xC3\xAB"}));
  EXPECT_EQ(opened->entities[1].pseudonym, "<date>");
  ASSERT_EQ(opened->documents.size(), 1u);
  EXPECT_EQ(opened->documents[0].replacements[1].start, 40u);
  EXPECT_EQ(opened->documents[0].replacements[1].end, 46u);
  EXPECT_EQ(opened->documents[0].replacements[1].original, "4 March");
  EXPECT_EQ(opened->renames[0].original, "Priya Raman");
  // Sealed twice, the bytes differ (a new salt and nonce each time).
  EXPECT_NE(*seal_key(sample(), "correct horse battery", KeyStrength::kInteractive), *sealed);
}

TEST(PseudonymKeyTest, RefusesAWrongPassphraseAndAnyChangedByte) {
  auto sealed = seal_key(sample(), "correct horse battery", KeyStrength::kInteractive);
  ASSERT_TRUE(sealed);
  auto wrong = open_key(*sealed, "correct horse batterie", "study.key");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(wrong.error().message,
            "cannot open the key file study.key: the passphrase is wrong, or the file was "
            "changed after it was written");
  for (std::size_t at : {std::size_t{30}, sealed->size() / 2, sealed->size() - 1}) {
    std::string changed = *sealed;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    EXPECT_FALSE(open_key(changed, "correct horse battery", "study.key")) << at;
  }
}

TEST(PseudonymKeyTest, NamesFilesThatAreNotKeysOrAreCutShort) {
  auto other = open_key("WEBVTT\n\n1\n", "x", "notes.vtt");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().message,
            "notes.vtt is not a Thematica key file; give the file 'pseudonymise apply' wrote");
  auto sealed = seal_key(sample(), "pass phrase", KeyStrength::kInteractive);
  ASSERT_TRUE(sealed);
  auto cut = open_key(sealed->substr(0, 40), "pass phrase", "study.key");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().kind, ErrorKind::kCorrupt);
  EXPECT_EQ(cut.error().message, "the key file study.key is damaged: it is cut short");
  std::string bad_header = *sealed;
  bad_header[8] = 100;  // 100 passes
  auto header = open_key(bad_header, "pass phrase", "study.key");
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().message, "the key file study.key is damaged: its header is not valid");
  auto empty = seal_key(sample(), "", KeyStrength::kInteractive);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "the passphrase is empty");
}

}  // namespace
}  // namespace thematica
