// Assigning documents to coders for independent double coding.
#include "services/assignments.hpp"

#include "service_fixture.hpp"
#include "services/history.hpp"

namespace thematica::testing {
namespace {

class AssignmentsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-students", "We never had time to stop.");
    import("fg-advisors", "They copy what we do on the wards.");
    import("fg-leaders", "The curriculum is full.");
    add("Barriers/Time pressure");
  }

  Result<Event> assign(const std::string& coder, std::vector<std::string> documents,
                       bool remove = false) {
    AssignRequest r;
    r.coder = coder;
    r.documents = std::move(documents);
    r.remove = remove;
    return assign_documents(ctx(), r);
  }
};

TEST_F(AssignmentsTest, ListsEachCodersDocumentsWithTheirOwnCodings) {
  auto first = assign("ben", {"fg-leaders", "fg-students"});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->summary, "assigned 2 documents to ben (0 already assigned)");
  ASSERT_TRUE(assign("ana", {"fg-students"}));
  EXPECT_EQ(assign("ana", {"fg-students"})->summary,
            "assigned 0 documents to ana (1 already assigned)");
  ASSERT_TRUE(code_range("fg-students", "Barriers/Time pressure", {3, 17}, "ben"));
  ASSERT_TRUE(code_range("fg-students", "Barriers/Time pressure", {0, 26}, "ben"));
  ASSERT_TRUE(code_range("fg-students", "Barriers/Time pressure", {0, 17}, "ana"));
  auto list = list_assignments(*store_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].coder, "ana");
  ASSERT_EQ((*list)[0].documents.size(), 1u);
  EXPECT_EQ((*list)[0].documents[0].codings, 1);
  EXPECT_EQ((*list)[1].coder, "ben");
  ASSERT_EQ((*list)[1].documents.size(), 2u);
  EXPECT_EQ((*list)[1].documents[0].document, "fg-students");  // project order
  EXPECT_EQ((*list)[1].documents[0].codings, 2);
  EXPECT_EQ((*list)[1].documents[1].document, "fg-leaders");
  EXPECT_EQ((*list)[1].documents[1].codings, 0);
}

TEST_F(AssignmentsTest, RemovingAndUndoing) {
  ASSERT_TRUE(assign("ben", {"fg-leaders", "fg-students"}));
  auto removed = assign("ben", {"fg-leaders", "fg-advisors"}, true);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->summary, "took 1 document off ben (1 already not assigned)");
  EXPECT_EQ((*list_assignments(*store_))[0].documents.size(), 1u);
  ASSERT_TRUE(undo_last_change(ctx()));
  EXPECT_EQ((*list_assignments(*store_))[0].documents.size(), 2u);
}

TEST_F(AssignmentsTest, RefusesUnknownDocumentsAndChangesNothing) {
  auto unknown = assign("ben", {"fg-students", "fg-nurses"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(assign("ben", {}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(assign("", {"fg-students"}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(list_assignments(*store_)->empty());
}

}  // namespace
}  // namespace thematica::testing
