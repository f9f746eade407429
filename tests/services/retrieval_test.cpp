#include "services/retrieval.hpp"

#include "services/cases_service.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class RetrievalTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    // Two focus groups; in fg-mixed a student speaks first (0:30), then an advisor.
    import("fg-students", "I never have time to reflect. Exams eat everything.");
    import("fg-mixed", "Student: I feel ashamed asking.\nAdvisor: They hide their distress.");
    add("Barriers/Time constraints");
    add("Barriers/Shame");
    add("Engagement");
    ASSERT_TRUE(code_range("fg-students", "Barriers/Time constraints", {2, 19}));
    ASSERT_TRUE(code_range("fg-students", "Barriers/Time constraints", {30, 50}, "bob"));
    ASSERT_TRUE(code_range("fg-mixed", "Barriers/Shame", {9, 31}));
    ASSERT_TRUE(code_range("fg-mixed", "Barriers/Shame", {41, 66}, "bob"));
    ASSERT_TRUE(code_range("fg-mixed", "Engagement", {41, 66}));
  }

  std::vector<std::string> texts(const SegmentQuery& q) {
    auto segments = find_segments(*store_, q);
    EXPECT_TRUE(segments) << segments.error().message;
    std::vector<std::string> out;
    for (const auto& s : *segments) out.push_back(s.text);
    return out;
  }
};

TEST_F(RetrievalTest, SegmentsOfACodeWithOrWithoutSubcodes) {
  SegmentQuery q;
  q.codes = {"Barriers"};
  EXPECT_TRUE(texts(q).empty());
  q.include_subcodes = true;
  // Document order (fg-students was imported first), then position.
  EXPECT_EQ(texts(q),
            (std::vector<std::string>{"never have time t", "Exams eat everything",
                                      "I feel ashamed asking.", "They hide their distress."}));
}

TEST_F(RetrievalTest, FiltersByCoderDocumentAndGroup) {
  SegmentQuery q;
  q.coders = {"bob"};
  EXPECT_EQ(texts(q),
            (std::vector<std::string>{"Exams eat everything", "They hide their distress."}));
  q.documents = {"fg-mixed"};
  EXPECT_EQ(texts(q), (std::vector<std::string>{"They hide their distress."}));
  ASSERT_TRUE(assign_to_group(ctx(), "Students only", {"fg-students"}));
  SegmentQuery g;
  g.group = "Students only";
  EXPECT_EQ(texts(g), (std::vector<std::string>{"never have time t", "Exams eat everything"}));
  g.documents = {"fg-mixed"};  // not in the group: nothing
  EXPECT_TRUE(texts(g).empty());
}

TEST_F(RetrievalTest, FiltersByCaseVariableOverDocumentsAndRanges) {
  ASSERT_TRUE(set_case_values(ctx(), "S1", {{"role", "student"}}));
  ASSERT_TRUE(set_case_values(ctx(), "A1", {{"role", "advisor"}}));
  ASSERT_TRUE(set_case_values(ctx(), "Students", {{"role", "student"}}));
  ASSERT_TRUE(link_case(ctx(), "Students", "fg-students", std::nullopt));
  ASSERT_TRUE(link_case(ctx(), "S1", "fg-mixed", Range{0, 31}));
  ASSERT_TRUE(link_case(ctx(), "A1", "fg-mixed", Range{32, 66}));
  SegmentQuery q;
  q.codes = {"Barriers/Shame"};
  q.where = {{"role", "student"}};
  EXPECT_EQ(texts(q), (std::vector<std::string>{"I feel ashamed asking."}));
  q.codes.clear();
  EXPECT_EQ(texts(q), (std::vector<std::string>{"never have time t", "Exams eat everything",
                                                "I feel ashamed asking."}));
  q.where = {{"role", "advisor"}};
  EXPECT_EQ(texts(q),
            (std::vector<std::string>{"They hide their distress.", "They hide their distress."}));
}

TEST_F(RetrievalTest, ADocumentLinkedWhollyToOneCaseHasThatCaseAsItsSpeaker) {
  ASSERT_TRUE(set_case_values(ctx(), "Interviewee 4", {{"role", "student"}}));
  ASSERT_TRUE(link_case(ctx(), "Interviewee 4", "fg-students", std::nullopt));
  ASSERT_TRUE(link_case(ctx(), "A1", "fg-mixed", std::nullopt));
  auto segments = find_segments(*store_, {});
  ASSERT_TRUE(segments);
  ASSERT_EQ(segments->size(), 5u);
  const auto& interview = (*segments)[0];
  EXPECT_EQ(interview.document, "fg-students");
  EXPECT_EQ(interview.speakers, (std::vector<std::string>{"Interviewee 4"}));
  ASSERT_EQ(interview.speaker_values.size(), 1u);
  EXPECT_EQ(interview.speaker_values[0],
            (std::vector<std::pair<std::string, std::string>>{{"role", "student"}}));
  // A transcript's turns say who speaks, whatever is linked to the whole document.
  EXPECT_EQ((*segments)[2].speakers, (std::vector<std::string>{"Student"}));
  // Two cases sharing a document without turns: whose words a segment holds is not known.
  ASSERT_TRUE(link_case(ctx(), "Interviewer", "fg-students", std::nullopt));
  segments = find_segments(*store_, {});
  ASSERT_TRUE(segments);
  EXPECT_TRUE((*segments)[0].speakers.empty());
}

TEST_F(RetrievalTest, ContextAroundSegments) {
  SegmentQuery q;
  q.documents = {"fg-students"};
  q.coders = {"alice"};
  q.context = 5;
  auto segments = find_segments(*store_, q);
  ASSERT_EQ(segments->size(), 1u);
  EXPECT_EQ((*segments)[0].before, "I ");
  EXPECT_EQ((*segments)[0].text, "never have time t");
  EXPECT_EQ((*segments)[0].after, "o ref");
}

TEST_F(RetrievalTest, ContextCountsCodePointsInMultiByteText) {
  import("fg-emoji", "\xF0\x9F\x98\x94\xE6\x97\xB6 I am ashamed \xD9\x85\xD8\xB1\xF0\x9F\x98\x94!");
  add("Emoji");
  ASSERT_TRUE(code_range("fg-emoji", "Emoji", {3, 15}));
  SegmentQuery q;
  q.codes = {"Emoji"};
  q.context = 3;
  auto segments = find_segments(*store_, q);
  ASSERT_EQ(segments->size(), 1u);
  EXPECT_EQ((*segments)[0].text, "I am ashamed");
  EXPECT_EQ((*segments)[0].before, "\xF0\x9F\x98\x94\xE6\x97\xB6 ");
  EXPECT_EQ((*segments)[0].after, " \xD9\x85\xD8\xB1");
  EXPECT_EQ((*segments)[0].coding.byte_start, 8u);
  EXPECT_EQ((*segments)[0].coding.byte_end, 20u);
}

TEST_F(RetrievalTest, UnknownNamesAreNotFound) {
  SegmentQuery q;
  q.coders = {"carol"};
  auto segments = find_segments(*store_, q);
  ASSERT_FALSE(segments);
  EXPECT_EQ(segments.error().kind, ErrorKind::kNotFound);
}

TEST_F(RetrievalTest, FrequenciesPerDocumentAndCoder) {
  auto by_doc = code_frequencies(*store_, FrequencyAxis::kDocument);
  ASSERT_TRUE(by_doc);
  EXPECT_EQ(by_doc->columns, (std::vector<std::string>{"fg-students", "fg-mixed"}));
  ASSERT_EQ(by_doc->rows.size(), 4u);
  EXPECT_EQ(by_doc->rows[0].code, "Barriers");
  EXPECT_EQ(by_doc->rows[1].code, "Barriers/Shame");
  EXPECT_EQ(by_doc->rows[1].counts, (std::vector<std::int64_t>{0, 2}));
  EXPECT_EQ(by_doc->rows[2].counts, (std::vector<std::int64_t>{2, 0}));
  EXPECT_EQ(by_doc->rows[3].code, "Engagement");
  EXPECT_EQ(by_doc->rows[3].total, 1);
  auto by_coder = code_frequencies(*store_, FrequencyAxis::kCoder);
  EXPECT_EQ(by_coder->columns, (std::vector<std::string>{"alice", "bob"}));
  EXPECT_EQ(by_coder->rows[1].counts, (std::vector<std::int64_t>{1, 1}));
  EXPECT_EQ(by_coder->rows[3].counts, (std::vector<std::int64_t>{1, 0}));
}

}  // namespace
}  // namespace thematica::testing
