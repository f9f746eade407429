// Applying pseudonyms to a real project file: new texts, codings over the same words, names
// rewritten outside the texts, originals only in the key, and refusals that change nothing.

#include "services/pseudonymisation_apply.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "service_fixture.hpp"
#include "services/memos.hpp"
#include "services/pseudonym_lookup.hpp"

namespace thematica::testing {
namespace {

const std::string kTranscript =
    "WEBVTT\n\n"
    "1\n00:00:01.000 --> 00:00:05.000\n<v Helen Marsh>Thanks for coming, Priya.\n\n"
    "2\n00:00:05.000 --> 00:00:12.000\n<v Priya Raman>Priya here. On the 4 March 2026 Dr Okonjo "
    "took me aside at Kingsmead General Hospital.\n\n"
    "3\n00:00:12.000 --> 00:00:18.000\n<v Priya Raman>Helen, you can email me at "
    "priya.raman@example.ac.uk if you like.\n";

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

class PseudonymisationApplyTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auto docs = import_documents(ctx(), {dir_.write("fg.vtt", kTranscript)}, {});
    ASSERT_TRUE(docs) << docs.error().message;
    add("Role models");
    add("Shame");
    // "Priya here. On the 4 March 2026 Dr Okonjo took me aside" and "took me aside at Kingsmead
    // General Hospital."
    ASSERT_TRUE(
        code_quote("fg", "Role models", "Priya here. On the 4 March 2026 Dr Okonjo took me aside"));
    ASSERT_TRUE(code_quote("fg", "Shame", "took me aside at Kingsmead General Hospital."));
    ASSERT_TRUE(add_memo(ctx(), {MemoTarget::kDocument, "fg", "Priya was upset here", "alice"}));
    original_text_ = *store_->document_text(1);
  }

  ApplyRequest request() {
    ApplyRequest r;
    r.key = {dir_.file("study.key"), "a long passphrase", KeyStrength::kInteractive};
    return r;
  }

  std::vector<std::string> quotes() {
    std::vector<std::string> out;
    auto text = store_->text_index(1);
    auto codings = store_->codings({}).value();  // kept: a range-for would outlive a temporary
    for (const auto& c : codings) out.emplace_back(text.value()->slice(c.range));
    return out;
  }

  std::string original_text_;
};

TEST_F(PseudonymisationApplyTest, ReplacesIdentifiersAndCodingsCoverTheSameWords) {
  auto applied = apply_pseudonyms(ctx(), request());
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(applied->documents, 1);
  EXPECT_TRUE(applied->new_key);
  EXPECT_EQ(*store_->document_text(1),
            "[P01]: Thanks for coming, [P02].\n"
            "[P02]: [P02] here. On the [date] Dr [Person A] took me aside at [Hospital A]. [P01], "
            "you can email me at [email address] if you like.\n");
  EXPECT_EQ(quotes(),
            (std::vector<std::string>{"[P02] here. On the [date] Dr [Person A] took me aside",
                                      "took me aside at [Hospital A]."}));
  // The turns still start and end where their speakers' words do.
  auto turns = *store_->utterances({});
  ASSERT_EQ(turns.size(), 2u);
  auto text = *store_->text_index(1);
  EXPECT_EQ(text->slice(turns[0].range), "[P01]: Thanks for coming, [P02].");
  EXPECT_EQ(text->slice(turns[1].range),
            "[P02]: [P02] here. On the [date] Dr [Person A] took me aside at [Hospital A]. [P01], "
            "you can "
            "email me at [email address] if you like.");
  EXPECT_EQ(turns[1].speaker_label, "[P02]");
  // Names outside the texts: the cases, the memo.
  std::vector<std::string> cases;
  auto all = store_->cases().value();
  for (const auto& c : all) cases.push_back(c.name);
  EXPECT_EQ(cases, (std::vector<std::string>{"[P01]", "[P02]"}));
  EXPECT_EQ(store_->memos()->at(0).text, "[P02] was upset here");
  EXPECT_EQ(store_->pseudonymisation_records()->size(), 6u);
}

TEST_F(PseudonymisationApplyTest, NoOriginalIsLeftInTheProjectFileAndTheKeyRestoresThem) {
  ASSERT_TRUE(apply_pseudonyms(ctx(), request()));
  std::string project =
      file_bytes(dir_.file("study.thematica")) + file_bytes(dir_.file("study.thematica-wal"));
  for (std::string original : {"Priya", "priya", "Raman", "Helen", "Marsh", "Okonjo", "Kingsmead",
                               "4 March 2026", "example.ac.uk"}) {
    EXPECT_EQ(project.find(original), std::string::npos) << original;
  }
  EXPECT_EQ(file_bytes(dir_.file("study.key")).find("Priya"), std::string::npos);
  auto key = request().key;
  auto restored = restore_document_text(*store_, key, "fg");
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(*restored, original_text_);
  auto looked_up = lookup_pseudonym(*store_, key, "P02");
  ASSERT_TRUE(looked_up);
  ASSERT_EQ(looked_up->size(), 1u);
  EXPECT_EQ(looked_up->at(0).originals, (std::vector<std::string>{"Priya", "Priya Raman"}));
  auto by_original = lookup_pseudonym(*store_, key, "okonjo");
  ASSERT_TRUE(by_original);
  EXPECT_EQ(by_original->at(0).pseudonym, "[Person A]");
  // Nothing before it can be undone any more: undo would bring the originals back.
  auto undone = store_->undo_last("alice");
  ASSERT_FALSE(undone);
  EXPECT_EQ(undone.error().kind, ErrorKind::kNotFound);
}

TEST_F(PseudonymisationApplyTest, ALaterPassKeepsThePseudonymsAndTheFirstRestore) {
  ASSERT_TRUE(apply_pseudonyms(ctx(), request()));
  import("notes", "Later Priya Raman said Dr Okonjo had moved to Eastbury.");
  auto again = apply_pseudonyms(ctx(), request());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->new_key);
  EXPECT_EQ(again->documents, 1);
  EXPECT_EQ(*store_->document_text(2), "Later [P02] said Dr [Person A] had moved to [Place A].");
  auto restored = restore_document_text(*store_, request().key, "fg");
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(*restored, original_text_);
}

TEST_F(PseudonymisationApplyTest, TheSameListOfKnownIdentifiersServesALaterPass) {
  auto first = request();
  first.known = {{"Pri", IdentifierCategory::kPerson, "Priya Raman"}};
  ASSERT_TRUE(apply_pseudonyms(ctx(), first));
  import("notes", "Pri said Dr Okonjo had left.");
  auto again = apply_pseudonyms(ctx(), first);  // the case is called [P02] now
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*store_->document_text(2), "[P02] said Dr [Person A] had left.");
}

TEST_F(PseudonymisationApplyTest, AWrongPassphraseOrAnotherProjectsKeyChangesNothing) {
  ASSERT_TRUE(apply_pseudonyms(ctx(), request()));
  import("notes", "Later Priya said so.");
  auto wrong = request();
  wrong.key.passphrase = "not the passphrase";
  auto refused = apply_pseudonyms(ctx(), wrong);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            fmt::format("cannot open the key file {}: the passphrase is wrong, or the file was "
                        "changed after it was written",
                        wrong.key.path));
  EXPECT_EQ(*store_->document_text(2), "Later Priya said so.");

  auto other = create_project_file(dir_.file("other.thematica"));
  ASSERT_TRUE(other);
  ServiceContext other_ctx{**other, "alice"};
  auto foreign = apply_pseudonyms(other_ctx, request());
  ASSERT_FALSE(foreign);
  EXPECT_NE(foreign.error().message.find("is the key of another project"), std::string::npos)
      << foreign.error().message;
}

TEST_F(PseudonymisationApplyTest, ACodingBoundaryInsideANameStopsItAll) {
  // "Okon" of "Okonjo": a boundary inside a name that would be replaced.
  ASSERT_TRUE(code_quote("fg", "Shame", "Okon"));
  auto refused = apply_pseudonyms(ctx(), request());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.find("'Okonjo' at "), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("(Shame, "), std::string::npos);
  EXPECT_EQ(*store_->document_text(1), original_text_);
  std::ifstream key(dir_.file("study.key"));
  EXPECT_FALSE(key.good());
  std::ifstream pending(dir_.file("study.key.new"));
  EXPECT_FALSE(pending.good());
}

}  // namespace
}  // namespace thematica::testing
