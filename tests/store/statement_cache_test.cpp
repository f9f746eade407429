// Statements kept for reuse: the same compiled statement comes back for the same SQL, clean, and
// a kept statement follows schema changes and outlives nothing it should not.

#include <gtest/gtest.h>

#include "store/sqlite_db.hpp"
#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

using sqlite::Database;
using sqlite::StatementCache;

Database open_scratch(TempDir& dir) {
  auto db = Database::open(dir.file("scratch.db"), true);
  EXPECT_TRUE(db);
  EXPECT_TRUE(db->exec("CREATE TABLE words (id INTEGER PRIMARY KEY, word TEXT)"));
  EXPECT_TRUE(db->exec("INSERT INTO words (word) VALUES ('care'), ('shame'), ('time')"));
  return std::move(*db);
}

sqlite3_stmt* compiled(Database& db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr), SQLITE_OK);
  return stmt;
}

TEST(StatementCacheTest, GivesBackTheSameStatementForTheSameSqlResetAndUnbound) {
  TempDir dir;
  Database db = open_scratch(dir);
  StatementCache cache(4);
  const char* sql = "SELECT word FROM words WHERE id = ?";
  EXPECT_EQ(cache.take(sql), nullptr);
  sqlite3_stmt* stmt = compiled(db, sql);
  sqlite3_bind_int64(stmt, 1, 2);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);  // left in the middle of its rows
  cache.give_back(stmt);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.take("SELECT word FROM words WHERE id = 7"), nullptr);
  ASSERT_EQ(cache.take(sql), stmt);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(sqlite3_stmt_busy(stmt));
  char* expanded = sqlite3_expanded_sql(stmt);
  EXPECT_STREQ(expanded, "SELECT word FROM words WHERE id = NULL");
  sqlite3_free(expanded);
  sqlite3_finalize(stmt);
}

TEST(StatementCacheTest, KeepsTheMostRecentlyReturnedAndFinalizesAfterClosing) {
  TempDir dir;
  Database db = open_scratch(dir);
  StatementCache cache(2);
  const char* a = "SELECT 1";
  const char* b = "SELECT 2";
  const char* c = "SELECT 3";
  sqlite3_stmt* first = compiled(db, a);
  sqlite3_stmt* second = compiled(db, a);  // two of one SQL, as for a query inside a loop
  cache.give_back(first);
  cache.give_back(second);
  cache.give_back(compiled(db, b));  // full: the oldest (`first`) is finalized
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.take(a), second);
  EXPECT_EQ(cache.take(a), nullptr);
  cache.give_back(second);
  cache.give_back(compiled(db, c));  // now `b` is the oldest
  EXPECT_EQ(cache.take(b), nullptr);
  cache.close();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.take(c), nullptr);
  cache.give_back(compiled(db, c));  // finalized at once
  EXPECT_EQ(cache.size(), 0u);
}

TEST(StatementCacheTest, AKeptStatementFollowsTheSchemaAndMayOutliveItsConnection) {
  TempDir dir;
  auto db = std::make_unique<Database>(open_scratch(dir));
  const std::string sql = "SELECT * FROM words ORDER BY id";
  {
    auto stmt = db->prepare(sql);
    ASSERT_TRUE(stmt);
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->text(1), "care");
  }
  ASSERT_TRUE(db->exec("ALTER TABLE words ADD COLUMN note TEXT DEFAULT 'kept'"));
  ASSERT_TRUE(db->exec("UPDATE words SET word = 'compassion' WHERE id = 1"));
  {
    auto stmt = db->prepare(sql);  // the kept statement, recompiled by SQLite for the new column
    ASSERT_TRUE(stmt);
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->text(1), "compassion");
    EXPECT_EQ(stmt->text(2), "kept");
  }
  auto outliving = db->prepare("SELECT count(*) FROM words");
  ASSERT_TRUE(outliving);
  ASSERT_TRUE(*outliving->step());
  EXPECT_EQ(outliving->integer(0), 3);
  db.reset();  // closes the connection (and its cache) while a statement is still out
  // Going out of scope finalizes it; under ASan this would show a use after free.
}

TEST(StatementCacheTest, ExecRunsOneStatementThroughAKeptOneAndSeveralAsBefore) {
  TempDir dir;
  Database db = open_scratch(dir);
  const std::string insert = "INSERT INTO words (word) VALUES ('listen')";
  ASSERT_TRUE(db.exec(insert));
  ASSERT_TRUE(db.exec(insert));  // the kept statement, run again
  ASSERT_TRUE(
      db.exec("INSERT INTO words (word) VALUES ('rushed'); DELETE FROM words WHERE id = 1;"));
  EXPECT_EQ(*db.scalar("SELECT count(*) FROM words"), 5);
  EXPECT_EQ(*db.scalar("SELECT count(*) FROM words WHERE word = 'listen'"), 2);

  ASSERT_FALSE(db.exec("CREATE UNIQUE INDEX one_word ON words (word)"));  // "listen" twice
  auto refused = db.exec("INSERT INTO words (id, word) VALUES (2, 'again')");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(refused.error().message, "UNIQUE constraint failed: words.id");
  auto no_transaction = db.exec("ROLLBACK");
  ASSERT_FALSE(no_transaction);
  EXPECT_EQ(no_transaction.error().message, "cannot rollback - no transaction is active");
  // A failed statement goes back clean: the same text runs once its cause is gone.
  ASSERT_TRUE(db.exec("DELETE FROM words WHERE id = 2"));
  EXPECT_TRUE(db.exec("INSERT INTO words (id, word) VALUES (2, 'again')"));
}

}  // namespace
}  // namespace thematica::testing
