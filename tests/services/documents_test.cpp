#include "services/documents.hpp"

#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class DocumentsTest : public ServiceTest {};

TEST_F(DocumentsTest, ImportNormalisesOnceAndRecordsHashAndLength) {
  std::string path = dir_.write("interview-04.txt", "\xEF\xBB\xBFLine one\r\nLine two\r");
  auto docs = import_documents(ctx(), {path}, {});
  ASSERT_TRUE(docs) << docs.error().message;
  ASSERT_EQ(docs->size(), 1u);
  const Document& d = (*docs)[0];
  EXPECT_EQ(d.name, "interview-04");
  EXPECT_EQ(d.original_name, "interview-04.txt");
  EXPECT_EQ(d.kind, "text");
  EXPECT_EQ(d.length, 18u);
  EXPECT_EQ(d.sha256, "ac98c501f944c7948e6d3b004c195429c1c560027d9f96284ec2d6028d72381b");
  EXPECT_EQ(*document_text(*store_, "interview-04"), "Line one\nLine two\n");
}

TEST_F(DocumentsTest, BadFileInABatchImportsNothing) {
  std::string good = dir_.write("good.txt", "Compassion takes courage.");
  std::string bad = dir_.write("bad.txt", "caf\xE9 au lait");  // Latin-1, not UTF-8
  auto docs = import_documents(ctx(), {good, bad}, {});
  ASSERT_FALSE(docs);
  EXPECT_EQ(docs.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(docs.error().where, bad);
  EXPECT_NE(docs.error().message.find("offset 3"), std::string::npos) << docs.error().message;
  EXPECT_TRUE(store_->documents()->empty());
  EXPECT_EQ(event_count(), 0);
}

TEST_F(DocumentsTest, RefusesEmptyBinaryAndMissingFiles) {
  auto empty = import_documents(ctx(), {dir_.write("empty.txt", "")}, {});
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("is empty"), std::string::npos);
  auto binary = import_documents(ctx(), {dir_.write("audio.txt", std::string("RIFF\0\0", 6))}, {});
  ASSERT_FALSE(binary);
  EXPECT_NE(binary.error().message.find("binary file (a NUL byte at offset 4)"), std::string::npos);
  auto missing = import_documents(ctx(), {dir_.file("nope.txt")}, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(event_count(), 0);
}

TEST_F(DocumentsTest, NameCollisionIsAConflictAndNameOptionAvoidsIt) {
  import("interview-04", "First.");
  std::string again = dir_.write("interview-04.txt", "Second.");
  auto clash = import_documents(ctx(), {again}, {});
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().kind, ErrorKind::kConflict);
  EXPECT_NE(clash.error().message.find("a document named 'interview-04' already exists"),
            std::string::npos);
  ImportOptions named;
  named.name = "interview-04b";
  ASSERT_TRUE(import_documents(ctx(), {again}, named));
  EXPECT_EQ(store_->documents()->size(), 2u);
}

TEST_F(DocumentsTest, RenameDeleteAndGroups) {
  import("fg-students", "We are tired.");
  import("fg-advisors", "We see them struggle.");
  ASSERT_TRUE(assign_to_group(ctx(), "Focus groups", {"fg-students", "fg-advisors"}));
  ASSERT_TRUE(rename_document(ctx(), "fg-students", "fg-MS"));
  auto groups = list_groups(*store_);
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].documents, (std::vector<std::string>{"fg-MS", "fg-advisors"}));
  ASSERT_TRUE(delete_document(ctx(), "fg-advisors"));
  auto docs = list_documents(*store_);
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].groups, (std::vector<std::string>{"Focus groups"}));
  auto missing = delete_document(ctx(), "fg-advisors");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace thematica::testing
