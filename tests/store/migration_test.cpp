#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

// Makes a project file as a build that knew only `version` migrations would have left it, with
// one document in it.
void make_project_at_version(const std::string& path, int version) {
  auto db = sqlite::Database::open(path, true);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("PRAGMA journal_mode = WAL; PRAGMA application_id = 1414024513;"));
  ASSERT_TRUE(sqlite::migrate(*db, version));
  ASSERT_TRUE(db->exec(
      "INSERT INTO project VALUES (1, 'p', '2025-01-01T00:00:00.000Z');"
      "INSERT INTO documents (id, guid, name, kind, original_name, imported_at, sha256, length, "
      "byte_size) VALUES (1, 'g', 'focus-group-1', 'text', 'fg1.txt', '2025-01-01', 'x', 27, 27);"
      "INSERT INTO document_texts VALUES (1, 'We never have time to care.');"));
}

TEST(MigrationTest, OpensProjectsOfEveryEarlierSchemaVersion) {
  ASSERT_GE(sqlite::latest_schema_version(), 2);
  for (int version = 1; version < sqlite::latest_schema_version(); ++version) {
    SCOPED_TRACE("schema version " + std::to_string(version));
    TempDir dir;
    std::string path = dir.file("old.thematica");
    make_project_at_version(path, version);
    auto store = SqliteStore::open(path);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(query_text(path, "PRAGMA user_version"),
              std::to_string(sqlite::latest_schema_version()));
    auto docs = (*store)->documents();
    ASSERT_TRUE(docs);
    ASSERT_EQ(docs->size(), 1u);
    EXPECT_EQ((*docs)[0].name, "focus-group-1");
    // Text imported before search existed is found after the upgrade.
    auto hits = search_all(**store, "care");
    ASSERT_TRUE(hits) << hits.error().message;
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].byte_spans, (std::vector<std::pair<std::size_t, std::size_t>>{{22, 26}}));
  }
}

TEST(MigrationTest, RefusesNewerSchemaAndLeavesFileAlone) {
  TempDir dir;
  std::string path = dir.file("future.thematica");
  create_store(path).reset();
  {
    auto db = sqlite::Database::open(path, false);
    ASSERT_TRUE(db->exec("PRAGMA user_version = 99"));
  }
  auto store = SqliteStore::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kUnsupported);
  EXPECT_NE(store.error().message.find("newer Thematica (schema version 99"), std::string::npos);
  EXPECT_EQ(query_text(path, "PRAGMA user_version"), "99");
}

TEST(MigrationTest, RefusesFilesThatAreNotProjects) {
  TempDir dir;
  auto text = SqliteStore::open(dir.write("notes.thematica", "just some notes, not SQLite"));
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().kind, ErrorKind::kCorrupt);

  std::string other = dir.file("other.db");
  { ASSERT_TRUE(sqlite::Database::open(other, true)->exec("CREATE TABLE t (x)")); }
  auto foreign = SqliteStore::open(other);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().kind, ErrorKind::kCorrupt);
  EXPECT_NE(foreign.error().message.find("not a Thematica project"), std::string::npos);

  auto missing = SqliteStore::open(dir.file("absent.thematica"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST(MigrationTest, CreateRefusesExistingFile) {
  TempDir dir;
  std::string path = dir.write("study.thematica", "precious");
  auto store = SqliteStore::create(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kConflict);
}

TEST(MigrationTest, NewProjectUsesWalAndForeignKeys) {
  TempDir dir;
  std::string path = dir.file("study.thematica");
  auto store = create_store(path);
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_text(path, "PRAGMA application_id"), "1414024513");
  // Foreign keys are enforced: a coding cannot point at a document that does not exist.
  auto event = store->change("test", "tester", [&]() -> Result<std::string> {
    Coding c;
    c.document_id = 42;
    c.code_id = 1;
    c.coder_id = 1;
    c.range = {0, 1};
    TRY_STATUS(store->insert_coding(c));
    return "x";
  });
  EXPECT_FALSE(event);
}

}  // namespace
}  // namespace thematica::testing
