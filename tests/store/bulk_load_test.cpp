#include <gtest/gtest.h>

#include <filesystem>

#include "store/store_fixture.hpp"
#include "support/project_header.hpp"

namespace thematica::testing {
namespace {

bool exists(const std::string& path) { return std::filesystem::exists(path); }

class BulkLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("study.thematica");
    store_ = create_store(path_);
    doc_ = add_document(*store_, "interview-01", std::string(400, 'x'));
    auto made = store_->change("code.add", "tester", [&]() -> Result<std::string> {
      TRY(coder, store_->insert_coder("alice"));
      coder_ = coder.id;
      Code c;
      c.name = "Body shame";
      c.colour = "#000000";
      TRY(code, store_->insert_code(c));
      code_ = code;
      return "added";
    });
    ASSERT_TRUE(made) << made.error().message;
  }

  // A hundred codings in one change; `refuse` makes the change fail after inserting them.
  Result<Event> load(std::uint64_t from, bool refuse = false) {
    return store_->change("project.import", "alice", [&]() -> Result<std::string> {
      std::vector<NewCoding> many;
      for (std::uint64_t i = from; i < from + 100; ++i)
        many.push_back(NewCoding{doc_, code_, coder_, {i, i + 5}, {}, {}, {}});
      TRY_STATUS(store_->insert_codings(many));
      journal_during_ = exists(path_ + "-journal");
      log_during_ = exists(path_ + "-wal");
      if (refuse) return fail(ErrorKind::kInvalidInput, "stopped on purpose");
      return "imported";
    });
  }

  std::string count(const std::string& table) {
    return query_text(path_, "SELECT count(*) FROM " + table);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
  Id doc_ = 0, code_ = 0, coder_ = 0;
  bool journal_during_ = false, log_during_ = false;
};

TEST_F(BulkLoadTest, LoadIntoAProjectWithoutCodingsGoesThroughARollbackJournalThenTheLogAgain) {
  ASSERT_EQ(journal_in_header(path_), 2);
  ASSERT_TRUE(store_->prepare_bulk_load());
  EXPECT_EQ(journal_in_header(path_), 1);
  EXPECT_FALSE(exists(path_ + "-wal"));

  auto loaded = load(0);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_TRUE(journal_during_);
  EXPECT_FALSE(log_during_);
  EXPECT_EQ(journal_in_header(path_), 2);
  EXPECT_FALSE(exists(path_ + "-journal"));
  EXPECT_EQ(count("codings"), "100");
  EXPECT_EQ(query_text(path_, "SELECT sum(start_cp) FROM codings"), "4950");
  EXPECT_EQ(query_text(path_, "PRAGMA integrity_check"), "ok");

  // The next change writes through the log as usual, and undo takes the load back.
  ASSERT_TRUE(store_->undo_last("alice"));
  EXPECT_EQ(count("codings"), "0");
  EXPECT_TRUE(exists(path_ + "-wal"));
}

TEST_F(BulkLoadTest, ARefusedLoadChangesNothingAndLeavesTheLogInUse) {
  const std::string events = count("events");
  ASSERT_TRUE(store_->prepare_bulk_load());
  auto loaded = load(0, /*refuse=*/true);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().message, "stopped on purpose");
  EXPECT_TRUE(journal_during_);
  EXPECT_EQ(journal_in_header(path_), 2);
  EXPECT_FALSE(exists(path_ + "-journal"));
  EXPECT_EQ(count("codings"), "0");
  EXPECT_EQ(count("events"), events);
  EXPECT_EQ(query_text(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(BulkLoadTest, AProjectWithCodingsOrAnotherReaderKeepsTheLog) {
  // Another program has read the project: it reads through the log, which must stay.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "SELECT count(*) FROM codings", nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_TRUE(store_->prepare_bulk_load());
  EXPECT_EQ(journal_in_header(path_), 2);
  ASSERT_TRUE(load(0));
  EXPECT_FALSE(journal_during_);
  EXPECT_TRUE(log_during_);
  sqlite3_close(other);

  // Alone now, but the project has codings.
  ASSERT_TRUE(store_->prepare_bulk_load());
  EXPECT_EQ(journal_in_header(path_), 2);
  ASSERT_TRUE(load(100));
  EXPECT_FALSE(journal_during_);
  EXPECT_EQ(count("codings"), "200");
}

// Another program writing when the load's change begins: the change is refused as busy, and the
// log comes back with the first change after that program is done.
TEST_F(BulkLoadTest, AChangeThatCannotBeginLeavesTheLogToTheNextChange) {
  store_.reset();
  auto reopened = SqliteStore::open(path_, StoreOptions{100, 50});
  ASSERT_TRUE(reopened);
  store_ = std::move(*reopened);
  ASSERT_TRUE(store_->prepare_bulk_load());
  ASSERT_EQ(journal_in_header(path_), 1);

  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto refused = load(0);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kBusy);
  EXPECT_EQ(journal_in_header(path_), 1);  // switching needs the other program gone
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);

  ASSERT_TRUE(load(0));
  EXPECT_EQ(journal_in_header(path_), 2);
  EXPECT_EQ(count("codings"), "100");
}

TEST_F(BulkLoadTest, IsPreparedBeforeAChangeNotInsideOne) {
  auto inside = store_->change("project.import", "alice", [&]() -> Result<std::string> {
    TRY_STATUS(store_->prepare_bulk_load());
    return "imported";
  });
  ASSERT_FALSE(inside);
  EXPECT_EQ(inside.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(journal_in_header(path_), 2);
}

// A load cut short (the program stopped during it) leaves the header saying rollback journal;
// opening the project brings the log back.
TEST_F(BulkLoadTest, OpeningAProjectLeftWithARollbackJournalBringsTheLogBack) {
  ASSERT_TRUE(store_->prepare_bulk_load());
  store_.reset();
  ASSERT_EQ(journal_in_header(path_), 1);
  auto reopened = SqliteStore::open(path_);
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_EQ(journal_in_header(path_), 2);
  EXPECT_EQ(count("documents"), "1");
}

}  // namespace
}  // namespace thematica::testing
