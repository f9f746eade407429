// Disagreements listed with each coder's version, and decisions written as a consensus coder.
#include "services/reconciliation.hpp"

#include "service_fixture.hpp"
#include "services/agreement_history.hpp"
#include "services/history.hpp"

namespace thematica::testing {
namespace {

constexpr const char* kTime = "Barriers/Time pressure";
constexpr const char* kModels = "Facilitators/Role models";
constexpr const char* kText =
    "We never had time to stop and think about the patient. The registrar sat down with her and "
    "listened, and that is what I want to copy.";

class ReconciliationTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-students", kText);
    add(kTime);
    add(kModels);
    code(kTime, {0, 53}, "ana");  // boundaries: Ben codes only the first clause
    code(kTime, {0, 17}, "ben");
    code(kModels, {55, 99}, "ana");  // another code: Ben calls it time pressure
    code(kTime, {55, 99}, "ben");
    code(kModels, {105, 132}, "ana");  // missing: Ben coded nothing here
    code(kModels, {105, 132}, "carol");
  }

  void code(const std::string& path, Range range, const std::string& coder) {
    auto coding = code_range("fg-students", path, range, coder);
    ASSERT_TRUE(coding) << coding.error().message;
  }

  AgreementScope scope() {
    AgreementScope s;
    s.coders = {"ana", "ben"};
    return s;
  }

  DisagreementList list() {
    auto found = list_disagreements(*store_, scope(), 10);
    EXPECT_TRUE(found) << found.error().message;
    return found.value_or(DisagreementList{});
  }

  Result<Event> decide(std::size_t item, Resolution resolution, const std::string& take = "",
                       std::optional<Range> range = {}) {
    ReconcileRequest r;
    r.scope = scope();
    r.item = item;
    r.resolution = resolution;
    r.take = take;
    r.range = range;
    r.memo = "discussed on 12 March";
    return reconcile(ctx(), r);
  }

  std::vector<Coding> consensus_codings() {
    auto coder = store_->find_coder("consensus");
    if (!coder || !*coder) return {};
    CodingFilter filter;
    filter.coder_ids = {(*coder)->id};
    return store_->codings(filter).value_or(std::vector<Coding>{});
  }
};

TEST_F(ReconciliationTest, ListsEachDisagreementWithBothVersionsInContext) {
  auto found = list();
  EXPECT_EQ(found.coders, (std::vector<std::string>{"ana", "ben"}));
  ASSERT_EQ(found.items.size(), 4u);
  const auto& boundaries = found.items[0];
  EXPECT_EQ(boundaries.number, 1u);
  EXPECT_EQ(boundaries.kind, "boundaries");
  EXPECT_EQ(boundaries.code, kTime);
  EXPECT_EQ(boundaries.passage.start, 0u);
  EXPECT_EQ(boundaries.passage.end, 53u);
  ASSERT_EQ(boundaries.versions.size(), 2u);
  EXPECT_EQ(boundaries.versions[0].coder, "ana");
  EXPECT_EQ(boundaries.versions[0].text, "We never had time to stop and think about the patient");
  EXPECT_EQ(boundaries.versions[1].coder, "ben");
  EXPECT_EQ(boundaries.versions[1].text, "We never had time");
  EXPECT_EQ(boundaries.after, ". The regi");
  // The passage [55, 99) was coded by both, with different codes: one item for each code.
  EXPECT_EQ(found.items[1].kind, "other-code");
  EXPECT_EQ(found.items[1].code, kTime);
  EXPECT_EQ(found.items[1].applied_by, (std::vector<std::string>{"ben"}));
  EXPECT_EQ(found.items[2].code, kModels);
  EXPECT_EQ(found.items[2].before, " patient. ");
  EXPECT_EQ(found.items[2].text, "The registrar sat down with her and listened");
  EXPECT_EQ(found.items[3].kind, "missing");
  EXPECT_EQ(found.items[3].not_applied_by, (std::vector<std::string>{"ben"}));
  EXPECT_EQ(found.decided, 0u);
}

TEST_F(ReconciliationTest, DecisionsBecomeConsensusCodingsAndAreLogged) {
  ASSERT_TRUE(decide(1, Resolution::kTake, "ana"));
  ASSERT_TRUE(decide(2, Resolution::kDiscard));
  ASSERT_TRUE(decide(3, Resolution::kAdjust, "", Range{55, 98}));
  auto both = decide(4, Resolution::kBoth);
  ASSERT_TRUE(both);
  EXPECT_EQ(both->summary,
            "disagreement 4 (Facilitators/Role models in fg-students [105:132), missing): kept "
            "every coder's version; 1 coding for consensus");
  auto codings = consensus_codings();
  ASSERT_EQ(codings.size(), 3u);
  EXPECT_EQ(codings[0].range, (Range{0, 53}));   // Ana's version
  EXPECT_EQ(codings[1].range, (Range{55, 98}));  // adjusted, Role models
  EXPECT_EQ(codings[2].range, (Range{105, 132}));
  auto decisions = store_->decisions();
  ASSERT_EQ(decisions->size(), 4u);
  EXPECT_EQ((*decisions)[0].decision, "take");
  EXPECT_EQ((*decisions)[0].taken, "ana");
  EXPECT_EQ((*decisions)[0].memo, "discussed on 12 March");
  EXPECT_EQ((*decisions)[1].decision, "discard");
  auto after = list();
  EXPECT_EQ(after.decided, 4u);
  ASSERT_TRUE(after.items[0].decision);
  EXPECT_EQ(after.items[0].decision->taken, "ana");
}

TEST_F(ReconciliationTest, UndoRemovesTheDecisionWithItsCoding) {
  ASSERT_TRUE(decide(1, Resolution::kTake, "ben"));
  ASSERT_EQ(consensus_codings().size(), 1u);
  ASSERT_TRUE(undo_last_change(ctx()));
  EXPECT_TRUE(consensus_codings().empty());
  EXPECT_TRUE(store_->decisions()->empty());
  EXPECT_TRUE(decide(1, Resolution::kTake, "ben"));  // can be decided again
}

TEST_F(ReconciliationTest, RefusesWhatCannotBeDecided) {
  ASSERT_TRUE(decide(1, Resolution::kTake, "ana"));
  auto again = decide(1, Resolution::kTake, "ben");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_NE(again.error().message.find("was decided already (take ana"), std::string::npos);
  EXPECT_EQ(decide(9, Resolution::kDiscard).error().kind, ErrorKind::kNotFound);
  EXPECT_NE(decide(2, Resolution::kTake, "carol").error().message.find("--take must name one"),
            std::string::npos);
  EXPECT_NE(decide(2, Resolution::kAdjust).error().message.find("--range START:END"),
            std::string::npos);
  EXPECT_EQ(decide(2, Resolution::kAdjust, "", Range{0, 9999}).error().kind,
            ErrorKind::kInvalidInput);
  ReconcileRequest r;
  r.scope = scope();
  r.item = 2;
  r.resolution = Resolution::kDiscard;
  r.consensus = "ben";
  EXPECT_NE(reconcile(ctx(), r).error().message.find("is one of the coders compared"),
            std::string::npos);
  EXPECT_EQ(store_->decisions()->size(), 1u);  // nothing of the refused ones was kept
  EXPECT_EQ(consensus_codings().size(), 1u);
}

TEST_F(ReconciliationTest, AgreedCodingsAreCopiedOnce) {
  AgreementScope with_carol;
  with_carol.coders = {"ana", "carol"};
  auto first = adopt_agreed_codings(ctx(), with_carol, "consensus");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->summary,
            "1 agreed coding of ana and carol copied to consensus (0 there already)");
  auto second = adopt_agreed_codings(ctx(), with_carol, "consensus");
  EXPECT_EQ(second->summary,
            "0 agreed codings of ana and carol copied to consensus (1 there already)");
  ASSERT_EQ(consensus_codings().size(), 1u);
  EXPECT_EQ(consensus_codings()[0].range, (Range{105, 132}));
}

TEST_F(ReconciliationTest, HistoryKeepsFiguresFromBeforeReconciliation) {
  ProjectAgreementOptions options;
  options.scope = scope();
  options.bootstrap.reset();
  auto before = project_agreement(*store_, options);
  ASSERT_TRUE(before);
  ASSERT_TRUE(record_agreement(ctx(), *before));
  ASSERT_TRUE(decide(1, Resolution::kTake, "ana"));
  ASSERT_TRUE(record_agreement(ctx(), *before));
  ASSERT_TRUE(undo_last_change(ctx()));  // undoes the decision; the history stays
  auto history = agreement_history(*store_);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].run.unit, "segment");
  EXPECT_EQ((*history)[0].run.coders, (std::vector<std::string>{"ana", "ben"}));
  EXPECT_EQ((*history)[0].run.pooled, before->pooled.alpha.value);
  EXPECT_EQ((*history)[0].decisions_before, 0u);
  EXPECT_NE((*history)[0].run.report.find("\"methods\""), std::string::npos);
}

}  // namespace
}  // namespace thematica::testing
