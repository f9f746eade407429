// Store::coding_spans_and_turns reads turns on a second connection beside the first; it must
// give what the plain reads give, and inside a change see the change.

#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class ReportReadsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-ward",
           "[00:00:05] Moderator: What gets in the way?\n"
           "[00:00:09] Aisha: Time. We never have time on placement.\n"
           "[00:00:15] Ben: And nobody asks how we are.\n");
    add("Barriers/Time");
    ASSERT_TRUE(code_quote("fg-ward", "Barriers/Time", "We never have time on placement."));
  }
};

TEST_F(ReportReadsTest, GivesTheCodingSpansAndEveryTurnAsThePlainReadsDo) {
  auto both = store_->coding_spans_and_turns({});
  ASSERT_TRUE(both) << both.error().message;
  auto spans = store_->coding_spans({});
  ASSERT_EQ(both->codings.size(), 1u);
  EXPECT_EQ(both->codings[0].id, (*spans)[0].id);
  EXPECT_EQ(both->codings[0].range, (*spans)[0].range);
  auto utterances = store_->utterances({});
  ASSERT_EQ(both->turns.size(), 3u);
  ASSERT_EQ(utterances->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& t = both->turns[i];
    const auto& u = (*utterances)[i];
    EXPECT_EQ(t.document_id, u.document_id);
    EXPECT_EQ(t.position, u.position);
    EXPECT_EQ(t.case_id, u.case_id);
    EXPECT_EQ(t.start_ms, u.start_ms.value_or(-1));
    EXPECT_EQ(t.range, u.range);
  }
  EXPECT_EQ(both->turns[1].start_ms, 9000);
}

// The second connection would not see a change in progress, so inside one both reads are made on
// the first.
TEST_F(ReportReadsTest, InsideAChangeSeesTheChange) {
  std::size_t turns_seen = 0;
  auto event = store_->change("test", "alice", [&]() -> Result<std::string> {
    Utterance extra;
    extra.document_id = (*store_->documents())[0].id;
    extra.position = 3;
    extra.speaker_label = "Aisha";
    extra.range = Range{0, 5};
    TRY_STATUS(store_->insert_utterances({extra}));
    TRY(both, store_->coding_spans_and_turns({}));
    turns_seen = both.turns.size();
    return "added a turn";
  });
  ASSERT_TRUE(event) << event.error().message;
  EXPECT_EQ(turns_seen, 4u);
}

}  // namespace
}  // namespace thematica::testing
