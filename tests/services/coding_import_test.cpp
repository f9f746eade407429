#include "services/coding_import.hpp"

#include "services/retrieval.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

// An emoji first, so code points and bytes differ.
const std::string kText =
    "P1: \xF0\x9F\x98\x94 There is never enough time.\n"
    "P2: Never enough time, and no time to care.\n";

class CodingImportTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("interview-04", kText);
    add("Barriers/Time constraints");
    add("Facilitators/Role models");
  }

  std::vector<Segment> segments() { return *find_segments(*store_, {}); }
};

TEST_F(CodingImportTest, AppliesEveryRowAsOneChangeAtExactPositions) {
  std::int64_t before = event_count();
  auto report = import_codings_csv(ctx(),
                                   "coder,document,code,quote,nth,representative,comment\n"
                                   "nadia,interview-04,Barriers/Time constraints,There is never "
                                   "enough time.,,yes,\n"
                                   "owen,interview-04,Barriers/Time constraints,enough time,2,,"
                                   "\"second, shorter\"\n"
                                   ",interview-04,Facilitators/Role models,no time to care,,no,\n",
                                   "alice");
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->codings, 3);
  EXPECT_EQ(report->by_coder,
            (std::map<std::string, int>{{"alice", 1}, {"nadia", 1}, {"owen", 1}}));
  EXPECT_EQ(report->event.summary, "imported 3 codings (alice 1, nadia 1, owen 1)");
  EXPECT_EQ(event_count(), before + 1);
  auto found = segments();
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].coder, "nadia");
  EXPECT_EQ(found[0].coding.range, (Range{6, 33}));
  EXPECT_TRUE(found[0].coding.representative);
  EXPECT_EQ(found[1].coder, "owen");
  EXPECT_EQ(found[1].coding.range, (Range{44, 55}));
  EXPECT_EQ(found[1].coding.comment, "second, shorter");
  EXPECT_FALSE(found[1].coding.representative);
  EXPECT_EQ(found[2].coder, "alice");
  EXPECT_EQ(found[2].text, "no time to care");
}

TEST_F(CodingImportTest, ABadRowNamesItsRowAndChangesNothing) {
  std::int64_t before = event_count();
  auto absent = import_codings_csv(ctx(),
                                   "document,code,quote\n"
                                   "interview-04,Barriers/Time constraints,There is never\n"
                                   "interview-04,Barriers/Time constraints,plenty of time\n",
                                   "alice");
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(
      absent.error().message.rfind("codings CSV row 3: the quote is not in 'interview-04'", 0), 0u)
      << absent.error().message;
  auto ambiguous = import_codings_csv(
      ctx(), "document,code,quote\ninterview-04,Barriers/Time constraints,enough time\n", "alice");
  ASSERT_FALSE(ambiguous);
  EXPECT_NE(ambiguous.error().message.find("row 2: the quote occurs 2 times"), std::string::npos)
      << ambiguous.error().message;
  auto unknown_code =
      import_codings_csv(ctx(), "document,code,quote\ninterview-04,Barriers/Staffing,time\n", "a");
  ASSERT_FALSE(unknown_code);
  EXPECT_EQ(unknown_code.error().kind, ErrorKind::kNotFound);
  auto unknown_doc = import_codings_csv(
      ctx(), "document,code,quote\ninterview-05,Barriers/Time constraints,time\n", "a");
  ASSERT_FALSE(unknown_doc);
  EXPECT_EQ(unknown_doc.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(event_count(), before);
  EXPECT_TRUE(segments().empty());
}

TEST_F(CodingImportTest, RefusesABadHeaderFlagNthOrDuplicate) {
  auto missing = import_codings_csv(ctx(), "document,quote\ninterview-04,time\n", "alice");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "the codings CSV needs a header row with the columns document, code and quote "
            "(missing: code)");
  auto typo = import_codings_csv(ctx(), "document,code,qoute\n", "alice");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("unknown column 'qoute'"), std::string::npos);
  auto flag = import_codings_csv(
      ctx(),
      "document,code,quote,important\ninterview-04,Barriers/Time constraints,There is,maybe\n",
      "alice");
  ASSERT_FALSE(flag);
  EXPECT_EQ(flag.error().message, "codings CSV row 2: important must be yes or no, not 'maybe'");
  auto nth = import_codings_csv(
      ctx(), "document,code,quote,nth\ninterview-04,Barriers/Time constraints,time,0\n", "alice");
  ASSERT_FALSE(nth);
  EXPECT_EQ(nth.error().message, "codings CSV row 2: nth must be a whole number from 1, not '0'");
  auto coderless = import_codings_csv(
      ctx(), "document,code,quote\ninterview-04,Barriers/Time constraints,There is\n", "");
  ASSERT_FALSE(coderless);
  EXPECT_EQ(coderless.error().message,
            "codings CSV row 2: no coder: fill the coder column or give --coder NAME");
  auto twice = import_codings_csv(ctx(),
                                  "document,code,quote\n"
                                  "interview-04,Barriers/Time constraints,There is\n"
                                  "interview-04,Barriers/Time constraints,There is\n",
                                  "alice");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  EXPECT_NE(twice.error().message.find("codings CSV row 3"), std::string::npos);
  auto empty = import_codings_csv(ctx(), "document,code,quote\n", "alice");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "the codings CSV has no codings");
  EXPECT_TRUE(segments().empty());
}

}  // namespace
}  // namespace thematica::testing
