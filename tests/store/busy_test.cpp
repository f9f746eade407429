#include <gtest/gtest.h>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

TEST(BusyTest, SecondWriterGetsBusyAfterBoundedWaitAndChangesNothing) {
  TempDir dir;
  std::string path = dir.file("study.thematica");
  create_store(path).reset();
  auto store = SqliteStore::open(path, StoreOptions{100, 50});
  ASSERT_TRUE(store);

  // Another program holds the write lock.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

  auto event = (*store)->change("coder.add", "alice", [&]() -> Result<std::string> {
    TRY_STATUS((*store)->insert_coder("alice"));
    return "added";
  });
  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().kind, ErrorKind::kBusy);
  EXPECT_NE(event.error().message.find("project is busy"), std::string::npos);
  // Reading still works while the other program writes (WAL).
  EXPECT_TRUE((*store)->coders());

  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(query_text(path, "SELECT count(*) FROM coders"), "0");
  EXPECT_EQ(query_text(path, "SELECT count(*) FROM events"), "0");
  // Once the other program is done, the same change goes through.
  auto retried = (*store)->change("coder.add", "alice", [&]() -> Result<std::string> {
    TRY_STATUS((*store)->insert_coder("alice"));
    return "added";
  });
  EXPECT_TRUE(retried);
}

}  // namespace
}  // namespace thematica::testing
