#pragma once
// A real project file in a temporary folder, with helpers that go through the services just as
// the CLI does.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "services/codebook_service.hpp"
#include "services/coding_service.hpp"
#include "services/documents.hpp"
#include "services/import_service.hpp"
#include "store/project_file.hpp"
#include "support/temp_dir.hpp"

namespace thematica::testing {

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = create_project_file(dir_.file("study.thematica"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }

  ServiceContext ctx() { return ServiceContext{*store_, "alice"}; }

  // Imports `text` as document `name` (the file is called name.txt).
  void import(const std::string& name, const std::string& text) {
    auto docs = import_documents(ctx(), {dir_.write(name + ".txt", text)}, {});
    ASSERT_TRUE(docs) << docs.error().message;
  }

  void add(const std::string& path) {
    auto event = add_code(ctx(), path, {});
    ASSERT_TRUE(event) << event.error().message;
  }

  Result<AppliedCoding> code_range(const std::string& doc, const std::string& code, Range range,
                                   const std::string& coder = "alice") {
    CodingRequest r;
    r.document = doc;
    r.code = code;
    r.coder = coder;
    r.passage.range = range;
    return apply_coding(ctx(), r);
  }

  Result<AppliedCoding> code_quote(const std::string& doc, const std::string& code,
                                   const std::string& quote, std::optional<int> nth = {}) {
    CodingRequest r;
    r.document = doc;
    r.code = code;
    r.coder = "alice";
    r.passage.quote = quote;
    r.passage.nth = nth;
    return apply_coding(ctx(), r);
  }

  std::int64_t event_count() { return static_cast<std::int64_t>(store_->events(1000)->size()); }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace thematica::testing
