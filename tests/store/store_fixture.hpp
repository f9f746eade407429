#pragma once
// Helpers for store tests: a project in a temporary folder and a raw SQLite handle on it, for
// checking what is on disk independently of the code under test.

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace thematica::testing {

// Runs one query and returns the first column of the first row as text ("" when no row).
inline std::string query_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// Every hit of `query`, or the error.
inline Result<std::vector<SearchHit>> search_all(Store& store, std::string_view query) {
  std::vector<SearchHit> hits;
  TRY_STATUS(store.search(query, [&](const SearchHit& hit) {
    hits.push_back(hit);
    return true;
  }));
  return hits;
}

inline std::unique_ptr<SqliteStore> create_store(const std::string& path) {
  auto store = SqliteStore::create(path);
  EXPECT_TRUE(store) << store.error().message;
  return std::move(*store);
}

// Imports `text` as a document named `name` in its own change; returns the document id.
inline Id add_document(Store& store, const std::string& name, const std::string& text) {
  Id id = 0;
  auto event = store.change("document.import", "tester", [&]() -> Result<std::string> {
    Document d;
    d.name = name;
    d.kind = "text";
    d.original_name = name + ".txt";
    d.sha256 = "0";
    d.byte_size = text.size();
    TRY(inserted, store.insert_document(d, text));
    id = inserted;
    return "imported " + name;
  });
  EXPECT_TRUE(event) << event.error().message;
  return id;
}

}  // namespace thematica::testing
