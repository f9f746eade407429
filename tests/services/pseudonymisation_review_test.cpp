// Reviewing a pseudonymisation on a real project file: suggestions in context with the pseudonym
// each would get, decisions one by one or by entity, spans added, pseudonyms chosen; nothing in
// the texts changes until the review is applied, and stale or conflicting decisions are refused.

#include "services/pseudonymisation_review.hpp"

#include <gtest/gtest.h>

#include "service_fixture.hpp"
#include "services/pseudonymisation_apply.hpp"

namespace thematica::testing {
namespace {

const std::string kTranscript =
    "WEBVTT\n\n"
    "1\n00:00:01.000 --> 00:00:05.000\n<v Helen Marsh>Thanks for coming, Priya.\n\n"
    "2\n00:00:05.000 --> 00:00:12.000\n<v Priya Raman>Priya here. On the 4 March 2026 Dr Okonjo "
    "took me aside at Kingsmead General Hospital.\n";

class PseudonymisationReviewTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auto docs = import_documents(ctx(), {dir_.write("fg.vtt", kTranscript)}, {});
    ASSERT_TRUE(docs) << docs.error().message;
    original_text_ = *store_->document_text(1);
  }

  Review review() {
    auto r = review_pseudonyms(*store_, {});
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : Review();
  }

  // "ref status text -> pseudonym" for each item.
  std::vector<std::string> listing() {
    std::vector<std::string> out;
    for (const auto& i : review().items) {
      out.push_back(
          fmt::format("{} {} {} -> {}", i.ref, review_status_name(i.status), i.text, i.pseudonym));
    }
    return out;
  }

  Result<ReviewChange> decide(ReviewSelection selection, ReviewVerdict verdict) {
    return decide_review(ctx(), {}, selection, verdict);
  }

  std::string original_text_;
};

ReviewSelection by_refs(std::vector<std::string> refs) {
  ReviewSelection s;
  s.refs = std::move(refs);
  return s;
}

ReviewSelection by_entity(std::string entity) {
  ReviewSelection s;
  s.entity = std::move(entity);
  return s;
}

ReviewSelection pending_from(double min_confidence) {
  ReviewSelection s;
  s.pending = true;
  s.min_confidence = min_confidence;
  return s;
}

PassageRef quote(std::string words) {
  PassageRef p;
  p.quote = std::move(words);
  return p;
}

PassageRef at(std::uint64_t start, std::uint64_t end) {
  PassageRef p;
  p.range = Range{start, end};
  return p;
}

TEST_F(PseudonymisationReviewTest, ListsEverySuggestionInContextWithThePseudonymItWouldGet) {
  EXPECT_EQ(listing(), (std::vector<std::string>{
                           "1:0:11 pending Helen Marsh -> [P01]",
                           "1:32:37 pending Priya -> [P02]",
                           "1:39:50 pending Priya Raman -> [P02]",
                           "1:52:57 pending Priya -> [P02]",
                           "1:71:83 pending 4 March 2026 -> [date]",
                           "1:87:93 pending Okonjo -> [Person A]",
                           "1:111:137 pending Kingsmead General Hospital -> [Hospital A]",
                       }));
  Review r = review();
  EXPECT_EQ(r.pending, 7);
  EXPECT_EQ(r.items[5].before, "man: Priya here. On the 4 March 2026 Dr ");
  EXPECT_EQ(r.items[5].after, " took me aside at Kingsmead General Hosp");
  EXPECT_EQ(r.items[5].confidence, 0.85);
  EXPECT_EQ(r.items[5].entity, "person:okonjo");
  EXPECT_EQ(r.items[1].before, "Helen Marsh: Thanks for coming, ");  // on one line
  EXPECT_EQ(r.items[1].after, ". Priya Raman: Priya here. On the 4 Marc");
}

TEST_F(PseudonymisationReviewTest, ApplyingReplacesWhatWasAcceptedWithTheChosenPseudonyms) {
  auto entity = decide(by_entity("[P02]"), ReviewVerdict::kAccept);
  ASSERT_TRUE(entity) << entity.error().message;
  EXPECT_EQ(entity->changed, 3);
  EXPECT_EQ(entity->summary, "pseudonymisation review: accepted 3 suggestions");
  EXPECT_EQ(decide(by_refs({"1:0:11"}), ReviewVerdict::kAccept)->changed, 1);
  // Every pending one at or above 0.9: the date.
  EXPECT_EQ(decide(pending_from(0.9), ReviewVerdict::kAccept)->changed, 1);
  EXPECT_EQ(decide(pending_from(0), ReviewVerdict::kReject)->changed, 2);
  auto renamed = choose_review_pseudonym(ctx(), {}, "[P02]", "[Student 1]");
  ASSERT_TRUE(renamed) << renamed.error().message;
  EXPECT_EQ(renamed->summary, "pseudonymisation review: '[P02]' becomes '[Student 1]'");
  EXPECT_EQ(listing(), (std::vector<std::string>{
                           "1:0:11 accepted Helen Marsh -> [P01]",
                           "1:32:37 accepted Priya -> [Student 1]",
                           "1:39:50 accepted Priya Raman -> [Student 1]",
                           "1:52:57 accepted Priya -> [Student 1]",
                           "1:71:83 accepted 4 March 2026 -> [date]",
                           "1:87:93 rejected Okonjo -> [Person A]",
                           "1:111:137 rejected Kingsmead General Hospital -> [Hospital A]",
                       }));
  EXPECT_EQ(*store_->document_text(1), original_text_);  // nothing changes until applied

  ApplyRequest request;
  request.key = {dir_.file("study.key"), "a long passphrase", KeyStrength::kInteractive};
  request.automatic = false;
  auto applied = apply_pseudonyms(ctx(), request);
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(applied->replaced, 5);
  EXPECT_EQ(*store_->document_text(1),
            "[P01]: Thanks for coming, [Student 1].\n"
            "[Student 1]: [Student 1] here. On the [date] Dr Okonjo took me aside at Kingsmead "
            "General Hospital.\n");
  // The review's positions were in the old text: it is gone with it.
  EXPECT_TRUE(store_->pseudonymisation_decisions()->empty());
  EXPECT_TRUE(store_->pseudonym_choices()->empty());
}

TEST_F(PseudonymisationReviewTest, AddedSpansAreWholeWordsAndNeverOverlapWhatIsReplaced) {
  ASSERT_TRUE(decide(by_refs({"1:87:93"}), ReviewVerdict::kReject));
  auto added = add_review_span(ctx(), {}, "fg", quote("Dr Okonjo"), std::nullopt);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->ref, "1:84:93");
  EXPECT_EQ(added->status, ReviewStatus::kAdded);
  EXPECT_EQ(added->category, IdentifierCategory::kPerson);  // guessed
  EXPECT_EQ(added->pseudonym, "[Person A]");

  auto cut = add_review_span(ctx(), {}, "fg", at(87, 91), std::nullopt);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().message,
            "'Okon' (87:91 in 'fg') starts or ends inside a word or on a space; select whole "
            "words");
  auto overlapping = decide(by_refs({"1:87:93"}), ReviewVerdict::kAccept);
  ASSERT_FALSE(overlapping);
  EXPECT_EQ(overlapping.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(overlapping.error().message,
            "'Okonjo' (1:87:93) overlaps 'Dr Okonjo' (1:84:93), which is added already; take "
            "that back first ('thematica pseudonymise review undecide 1:84:93'); nothing was "
            "changed");

  // A span inside a pending suggestion leaves that suggestion covered, not pending.
  auto part =
      add_review_span(ctx(), {}, "fg", quote("Kingsmead"), IdentifierCategory::kInstitution);
  ASSERT_TRUE(part) << part.error().message;
  Review r = review();
  EXPECT_EQ(r.items.back().ref, "1:111:137");
  EXPECT_EQ(r.items.back().status, ReviewStatus::kCovered);
  EXPECT_EQ(r.pending, 5);
  EXPECT_EQ(r.to_replace, 2);
  // Taking an added span back removes it.
  ASSERT_TRUE(decide(by_refs({"1:84:93"}), ReviewVerdict::kUndecided));
  EXPECT_EQ(review().items.size(), 8u);  // the seven suggestions and "Kingsmead"
}

TEST_F(PseudonymisationReviewTest, ApplyingWhileSuggestionsArePendingChangesNothing) {
  ASSERT_TRUE(decide(by_refs({"1:0:11"}), ReviewVerdict::kAccept));
  ApplyRequest request;
  request.key = {dir_.file("study.key"), "a long passphrase", KeyStrength::kInteractive};
  request.automatic = false;
  auto refused = apply_pseudonyms(ctx(), request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.error().message,
            "6 suggestions are not decided yet, the first 'Priya' (1:32:37, person) in 'fg'; "
            "accept or reject them ('thematica pseudonymise review accept|reject ...'), or apply "
            "--auto; nothing was changed");
  EXPECT_EQ(*store_->document_text(1), original_text_);
  EXPECT_EQ(store_->pseudonymisation_decisions()->size(), 1u);
}

TEST_F(PseudonymisationReviewTest, DecisionsOnATextThatChangedSinceAreRefusedUntilReset) {
  // A decision made on another text of the document (as after a pass applied elsewhere).
  ASSERT_TRUE(store_->change("test", "alice", [&]() -> Result<std::string> {
    TRY_STATUS(store_->record_pseudonymisation_decisions(
        {{0, 1, {0, 11}, "person", "accept", std::string(64, '0')}}));
    return std::string("stale");
  }));
  Review r = review();
  EXPECT_EQ(r.changed_documents, (std::vector<std::string>{"fg"}));
  EXPECT_EQ(r.pending, 7);  // its decisions do not count
  auto decided = decide(by_refs({"1:32:37"}), ReviewVerdict::kAccept);
  ASSERT_FALSE(decided);
  EXPECT_EQ(decided.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(decided.error().message,
            "'fg' changed since it was reviewed: its decisions were made on another text. Start "
            "its review again with 'thematica pseudonymise review reset --doc \"fg\"'; nothing "
            "was changed");
  EXPECT_FALSE(decide(pending_from(0), ReviewVerdict::kReject));
  ApplyRequest request;
  request.key = {dir_.file("study.key"), "a long passphrase", KeyStrength::kInteractive};
  request.automatic = false;
  auto refused = apply_pseudonyms(ctx(), request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(*store_->document_text(1), original_text_);

  auto reset = reset_review(ctx(), {"fg"});
  ASSERT_TRUE(reset) << reset.error().message;
  EXPECT_EQ(reset->changed, 1);
  EXPECT_TRUE(review().changed_documents.empty());
  EXPECT_TRUE(decide(by_refs({"1:32:37"}), ReviewVerdict::kAccept));
}

TEST_F(PseudonymisationReviewTest, ChosenPseudonymsAreOneLineAndNobodyElses) {
  auto taken = choose_review_pseudonym(ctx(), {}, "[P02]", "[P01]");
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(taken.error().message, "'[P01]' is the pseudonym of another person; choose another");
  auto unknown = choose_review_pseudonym(ctx(), {}, "[P09]", "[Nurse]");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kInvalidInput);
  auto two_lines = choose_review_pseudonym(ctx(), {}, "[P02]", "[Student\n1]");
  ASSERT_FALSE(two_lines);
  EXPECT_EQ(two_lines.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(store_->pseudonym_choices()->empty());

  ASSERT_TRUE(choose_review_pseudonym(ctx(), {}, "[Hospital A]", "[a teaching hospital]"));
  EXPECT_EQ(review().items.back().pseudonym, "[a teaching hospital]");
  // Decisions and choices are changes like any other: undone one at a time.
  ASSERT_TRUE(decide(by_refs({"1:0:11"}), ReviewVerdict::kReject));
  ASSERT_TRUE(store_->undo_last("alice"));
  EXPECT_EQ(review().items.front().status, ReviewStatus::kPending);
  ASSERT_TRUE(store_->undo_last("alice"));
  EXPECT_EQ(review().items.back().pseudonym, "[Hospital A]");
}

TEST_F(PseudonymisationReviewTest, OneDocumentShowsThePseudonymsOfTheWholeProject) {
  import("notes",
         "Later Dr Imrie and Dr Okonjo rang the ward sister\xE2\x80\x94Marguerite"
         "\xE2\x80\x94twice.");
  auto notes = review_pseudonyms(*store_, {}, {"notes"});
  ASSERT_TRUE(notes) << notes.error().message;
  std::vector<std::string> shown;
  for (const auto& i : notes->items) shown.push_back(i.text + " -> " + i.pseudonym);
  // Okonjo was met first in 'fg': [Person A] there and here, as applying will write.
  EXPECT_EQ(shown, (std::vector<std::string>{"Imrie -> [Person B]", "Okonjo -> [Person A]"}));
  EXPECT_EQ(notes->pending, 2);
  // A name between dashes is a whole word.
  auto added = add_review_span(ctx(), {}, "notes", quote("Marguerite"), std::nullopt);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->ref, "2:50:60");
  EXPECT_EQ(added->pseudonym, "[Person C]");
}

}  // namespace
}  // namespace thematica::testing
