#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

class UndoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("study.thematica");
    store_ = create_store(path_);
  }

  Id add_code(const std::string& name) {
    Id id = 0;
    EXPECT_TRUE(store_->change("code.add", "tester", [&]() -> Result<std::string> {
      Code c;
      c.name = name;
      c.colour = "#000000";
      TRY(inserted, store_->insert_code(c));
      id = inserted;
      return "added " + name;
    }));
    return id;
  }

  Id code_passage(Id doc, Id code, Range range) {
    Id id = 0;
    EXPECT_TRUE(store_->change("coding.apply", "alice", [&]() -> Result<std::string> {
      TRY(coder, store_->find_coder("alice"));
      Id coder_id = 0;
      if (coder) {
        coder_id = coder->id;
      } else {
        TRY(made, store_->insert_coder("alice"));
        coder_id = made.id;
      }
      Coding c;
      c.document_id = doc;
      c.code_id = code;
      c.coder_id = coder_id;
      c.range = range;
      TRY(inserted, store_->insert_coding(c));
      id = inserted;
      return "coded";
    }));
    return id;
  }

  std::string count(const std::string& table) {
    return query_text(path_, "SELECT count(*) FROM " + table);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(UndoTest, UndoOfImportRemovesDocumentTextAndIndex) {
  add_document(*store_, "interview-01", "Shame sits in the body.");
  ASSERT_EQ(search_all(*store_, "shame")->size(), 1u);
  auto undone = store_->undo_last("tester");
  ASSERT_TRUE(undone) << undone.error().message;
  EXPECT_EQ(undone->operation, "undo");
  EXPECT_EQ(undone->summary, "undid: imported interview-01");
  EXPECT_EQ(count("documents"), "0");
  EXPECT_EQ(count("document_texts"), "0");
  EXPECT_EQ(search_all(*store_, "shame")->size(), 0u);
}

TEST_F(UndoTest, UndoOfDeleteBringsBackTextCodingsAndSearch) {
  Id doc = add_document(*store_, "interview-01", "Shame sits in the body.");
  Id code = add_code("Body shame");
  code_passage(doc, code, {0, 5});
  ASSERT_TRUE(store_->change("document.delete", "tester", [&]() -> Result<std::string> {
    TRY_STATUS(store_->delete_document(doc));
    return "deleted";
  }));
  EXPECT_EQ(count("documents"), "0");
  EXPECT_EQ(count("codings"), "0");
  ASSERT_TRUE(store_->undo_last("tester"));
  EXPECT_EQ(count("documents"), "1");
  EXPECT_EQ(count("codings"), "1");
  EXPECT_EQ(*store_->document_text(doc), "Shame sits in the body.");
  EXPECT_EQ(search_all(*store_, "body")->size(), 1u);
  EXPECT_EQ(count("undo_texts"), "0");
}

// A table left out of the changeset would keep its rows when the change that made them is undone.
TEST_F(UndoTest, EveryTableOfTheSchemaIsUndoneExceptTheKnownOnes) {
  // agreement_runs is history: figures computed stay recorded whatever is undone later.
  const std::set<std::string> apart = {"project",       "document_texts", "events",
                                       "undo_data",     "undo_inserted",  "undo_texts",
                                       "agreement_runs"};
  auto tracked = tables_undone_by_changesets();
  std::string tables = query_text(
      path_,
      "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' "
      "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'document_search%' ORDER BY name)");
  std::istringstream names(tables);
  std::string name;
  while (names >> name) {
    if (apart.contains(name)) continue;
    EXPECT_NE(std::find(tracked.begin(), tracked.end(), name), tracked.end())
        << name << " is not undone";
  }
}

TEST_F(UndoTest, UndoOfDeleteBringsBackPagesAndUndoOfASetRemovesIt) {
  Id doc = add_document(*store_, "essay", "Page one.\nPage two.\n");
  Id code = add_code("Shame");
  ASSERT_TRUE(store_->change("pages", "tester", [&]() -> Result<std::string> {
    TRY_STATUS(store_->insert_page_starts(doc, {0, 10}));
    TRY_STATUS(store_->insert_code_set(CodeSet{0, {}, "Emotions", {}, {code}}));
    return "pages and a set";
  }));
  ASSERT_TRUE(store_->change("document.delete", "tester", [&]() -> Result<std::string> {
    TRY_STATUS(store_->delete_document(doc));
    return "deleted";
  }));
  EXPECT_EQ(count("document_pages"), "0");
  ASSERT_TRUE(store_->undo_last("tester"));
  EXPECT_EQ(*store_->page_starts(doc), (std::vector<std::uint64_t>{0, 10}));
  ASSERT_TRUE(store_->undo_last("tester"));
  EXPECT_EQ(count("code_sets"), "0");
  EXPECT_EQ(count("code_set_members"), "0");
  EXPECT_EQ(count("document_pages"), "0");
}

TEST_F(UndoTest, UndoWalksBackOneChangeAtATimeAndLogsEachUndo) {
  Id doc = add_document(*store_, "interview-01", "Shame sits in the body.");
  Id code = add_code("Body shame");
  code_passage(doc, code, {0, 5});
  ASSERT_TRUE(store_->undo_last("tester"));  // the coding (and the coder created with it)
  EXPECT_EQ(count("codings"), "0");
  EXPECT_EQ(count("coders"), "0");
  ASSERT_TRUE(store_->undo_last("tester"));  // the code
  EXPECT_EQ(count("codes"), "0");
  ASSERT_TRUE(store_->undo_last("tester"));  // the import
  auto nothing = store_->undo_last("tester");
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().kind, ErrorKind::kNotFound);
  auto log = store_->events(10);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 6u);
  EXPECT_EQ((*log)[0].undoes, std::optional<Id>(1));
  EXPECT_EQ((*log)[2].undoes, std::optional<Id>(3));
  EXPECT_EQ((*log)[3].coder, "alice");  // the coder's name stays in the log after undo
  EXPECT_FALSE((*log)[3].undoable);
}

TEST_F(UndoTest, FailedChangeLeavesNoTraceAndNoEvent) {
  auto event = store_->change("document.import", "tester", [&]() -> Result<std::string> {
    Document d;
    d.name = "half";
    d.kind = "text";
    TRY_STATUS(store_->insert_document(d, "some text"));
    return fail(ErrorKind::kInvalidInput, "second file was bad");
  });
  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().message, "second file was bad");
  EXPECT_EQ(count("documents"), "0");
  EXPECT_EQ(count("events"), "0");
}

TEST_F(UndoTest, OnlyTheNewestChangesStayUndoable) {
  auto store = SqliteStore::open(path_, StoreOptions{1000, 3});
  ASSERT_TRUE(store);
  for (int i = 0; i < 5; ++i) add_document(**store, "doc-" + std::to_string(i), "text");
  EXPECT_EQ(count("undo_data"), "3");
  for (int i = 0; i < 3; ++i) ASSERT_TRUE((*store)->undo_last("tester"));
  EXPECT_FALSE((*store)->undo_last("tester"));
  EXPECT_EQ(count("documents"), "2");
}

TEST_F(UndoTest, BulkInsertSkipsDuplicatesAcrossBatchesAndUndoesAsOne) {
  Id doc = add_document(*store_, "interview-01", std::string(400, 'x'));
  Id code = add_code("Body shame");
  code_passage(doc, code, {10, 15});  // by alice, so the bulk insert's copy of it is skipped
  Id alice = store_->find_coder("alice")->value().id;
  std::vector<NewCoding> many;
  for (std::uint64_t i = 0; i < 150; ++i)
    many.push_back(NewCoding{doc, code, alice, {i, i + 5}, {}, {}, {}});
  many.push_back(NewCoding{doc, code, alice, {3, 8}, {}, {}, {}});  // a duplicate within the batch
  std::int64_t inserted = 0;
  ASSERT_TRUE(store_->change("coding.code_hits", "alice", [&]() -> Result<std::string> {
    TRY(n, store_->insert_codings(many));
    inserted = n;
    return "coded";
  }));
  EXPECT_EQ(inserted, 149);  // 151 rows: one duplicate of alice's coding, one repeated row
  EXPECT_EQ(count("codings"), "150");
  EXPECT_EQ(query_text(path_,
                       "SELECT start_byte || ':' || end_byte FROM codings "
                       "WHERE start_cp = 140"),
            "140:145");
  auto out_of_range = store_->change("coding.code_hits", "alice", [&]() -> Result<std::string> {
    TRY_STATUS(store_->insert_codings({NewCoding{doc, code, alice, {398, 401}, {}, {}, {}}}));
    return "coded";
  });
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(out_of_range.error().kind, ErrorKind::kInvalidInput);
  ASSERT_TRUE(store_->undo_last("alice"));
  EXPECT_EQ(count("codings"), "1");
  EXPECT_EQ(count("undo_inserted"), "0");
}

// A bulk of codings into a project without codings builds the index of codings by document
// afresh (at a new root page) when it ends, by the end of the change at the latest; a change
// that fails, or a project with codings already, keeps the index as it was.
TEST_F(UndoTest, BulkCodingsRebuildTheDocumentIndexOnlyIntoAProjectWithoutCodings) {
  Id doc = add_document(*store_, "interview-01", std::string(400, 'x'));
  Id code = add_code("Body shame");
  auto root = [&] {
    return query_text(path_,
                      "SELECT rootpage FROM sqlite_schema WHERE name = 'codings_by_document'");
  };
  const std::string sql = "CREATE INDEX codings_by_document ON codings (document_id, start_cp)";
  auto bulk = [&](std::uint64_t from, bool end, bool refuse) {
    return store_->change("coding.code_hits", "alice", [&]() -> Result<std::string> {
      TRY(coder, store_->insert_coder("alice-" + std::to_string(from)));
      TRY_STATUS(store_->begin_bulk_codings());
      std::vector<NewCoding> many;
      for (std::uint64_t i = from; i < from + 100; ++i)
        many.push_back(NewCoding{doc, code, coder.id, {i, i + 5}, {}, {}, {}});
      TRY_STATUS(store_->insert_codings(many));
      if (end) TRY_STATUS(store_->end_bulk_codings());
      if (refuse) return fail(ErrorKind::kInvalidInput, "stopped on purpose");
      return "coded";
    });
  };
  const std::string first_root = root();
  ASSERT_FALSE(bulk(0, true, true));
  EXPECT_EQ(root(), first_root);
  EXPECT_EQ(count("codings"), "0");

  ASSERT_TRUE(bulk(0, false, false));  // ended by the change
  const std::string rebuilt_root = root();
  EXPECT_NE(rebuilt_root, first_root);
  EXPECT_EQ(query_text(path_, "SELECT sql FROM sqlite_schema WHERE name = 'codings_by_document'"),
            sql);
  EXPECT_EQ(count("codings"), "100");
  EXPECT_EQ(query_text(path_,
                       "SELECT count(*) FROM codings INDEXED BY codings_by_document "
                       "WHERE document_id = " +
                           std::to_string(doc) + " AND start_cp >= 50"),
            "50");

  ASSERT_TRUE(bulk(100, true, false));  // codings there already: nothing dropped
  EXPECT_EQ(root(), rebuilt_root);
  EXPECT_EQ(count("codings"), "200");
  EXPECT_EQ(query_text(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(UndoTest, EventLogIsAppendOnly) {
  add_document(*store_, "interview-01", "text");
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET summary = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(query_text(path_, "SELECT summary FROM events"), "imported interview-01");
}

TEST_F(UndoTest, WritesOutsideAChangeAreRefused) {
  auto coder = store_->insert_coder("alice");
  ASSERT_FALSE(coder);
  EXPECT_EQ(coder.error().kind, ErrorKind::kInternal);
}

}  // namespace
}  // namespace thematica::testing
