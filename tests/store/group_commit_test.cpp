// Store::group_commit: several changes made durable by one commit, each still its own event and
// undo step, a failing one rolled back alone.

#include <gtest/gtest.h>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("study.thematica");
    store_ = create_store(path_);
  }

  Result<Event> add_code(const std::string& name) {
    return store_->change("code.add", "tester", [&]() -> Result<std::string> {
      Code c;
      c.name = name;
      c.colour = "#000000";
      TRY(id, store_->insert_code(c));
      (void)id;
      return "added " + name;
    });
  }

  std::string codes() {
    return query_text(path_,
                      "SELECT group_concat(name, ',') FROM (SELECT name FROM codes ORDER BY id)");
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(GroupCommitTest, ChangesInAGroupAreEachTheirOwnEventAndUndoStep) {
  std::vector<Result<Event>> events;
  ASSERT_TRUE(store_->group_commit([&] {
    events.push_back(add_code("Shame"));
    events.push_back(add_code("Time"));
  }));
  ASSERT_TRUE(events[0] && events[1]);
  EXPECT_EQ(events[0]->id + 1, events[1]->id);
  EXPECT_EQ(codes(), "Shame,Time");  // read by another connection: committed
  ASSERT_TRUE(store_->undo_last("tester"));
  EXPECT_EQ(codes(), "Shame");
}

TEST_F(GroupCommitTest, AFailingChangeRollsBackAloneAndTheOthersAreKept) {
  std::vector<Result<Event>> events;
  ASSERT_TRUE(store_->group_commit([&] {
    events.push_back(add_code("Shame"));
    events.push_back(store_->change("code.add", "tester", [&]() -> Result<std::string> {
      Code c;
      c.name = "Half";
      c.colour = "#000000";
      TRY(id, store_->insert_code(c));
      (void)id;
      return fail(ErrorKind::kInvalidInput, "refused after writing");
    }));
    events.push_back(add_code("Time"));
  }));
  EXPECT_TRUE(events[0]);
  ASSERT_FALSE(events[1]);
  EXPECT_EQ(events[1].error().message, "refused after writing");
  EXPECT_TRUE(events[2]);
  EXPECT_EQ(codes(), "Shame,Time");
  EXPECT_EQ(query_text(path_, "SELECT count(*) FROM events"), "2");
}

TEST_F(GroupCommitTest, GroupsDoNotNest) {
  Status inner;
  ASSERT_TRUE(store_->group_commit([&] { inner = store_->group_commit([] {}); }));
  ASSERT_FALSE(inner);
  EXPECT_EQ(inner.error().kind, ErrorKind::kInternal);
}

}  // namespace
}  // namespace thematica::testing
