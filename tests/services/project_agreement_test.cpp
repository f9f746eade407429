// Agreement between coders on a real project file, with figures worked out by hand.
#include "services/project_agreement.hpp"

#include "service_fixture.hpp"

namespace thematica::testing {
namespace {

constexpr const char* kTime = "Barriers/Time pressure";
constexpr const char* kModels = "Facilitators/Role models";

class ProjectAgreementTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    std::string text;
    while (text.size() < 300) text += "We never had time to stop and think about the patient. ";
    text.resize(300);
    import("fg-students", text);
    import("fg-advisors", text);
    import("fg-leaders", text);
    add(kTime);
    add(kModels);
    // fg-students: one passage both code alike (95 of 100 characters shared), one only Ana
    // codes, one they code with different codes.
    code("fg-students", kTime, {0, 100}, "ana");
    code("fg-students", kTime, {5, 100}, "ben");
    code("fg-students", kModels, {150, 200}, "ana");
    code("fg-students", kModels, {220, 260}, "ben");
    code("fg-students", kTime, {220, 260}, "ana");
    code("fg-advisors", kModels, {0, 50}, "ana");
    code("fg-advisors", kModels, {0, 50}, "ben");
    code("fg-leaders", kTime, {0, 10}, "ana");  // Ben has not coded this one
  }

  void code(const std::string& doc, const std::string& path, Range range,
            const std::string& coder) {
    auto coding = code_range(doc, path, range, coder);
    ASSERT_TRUE(coding) << coding.error().message;
  }

  ProjectAgreement agree(AgreementUnit unit) {
    ProjectAgreementOptions options;
    options.scope.coders = {"ana", "ben"};
    options.unit = unit;
    options.bootstrap->samples = 2000;
    auto result = project_agreement(*store_, options);
    EXPECT_TRUE(result) << result.error().message;
    return result.value_or(ProjectAgreement{});
  }
};

// Passages: [0,100) Time by both; [150,200) Role models by Ana; [220,260) Role models by Ben and
// Time by Ana; fg-advisors [0,50) Role models by both. Four units per code.
TEST_F(ProjectAgreementTest, SegmentUnitsPerCodeAndPooled) {
  auto a = agree(AgreementUnit::kSegment);
  EXPECT_EQ(a.documents, (std::vector<std::string>{"fg-students", "fg-advisors"}));
  ASSERT_EQ(a.excluded.size(), 1u);
  EXPECT_EQ(a.excluded[0].name, "fg-leaders");
  EXPECT_EQ(a.excluded[0].reason, "not coded by ben");
  ASSERT_EQ(a.codes.size(), 2u);
  const auto& time = a.codes[0];
  EXPECT_EQ(time.code, kTime);
  EXPECT_EQ(time.codings, (std::vector<std::int64_t>{2, 1}));  // fg-leaders left out
  EXPECT_EQ(time.units, 4u);
  EXPECT_EQ(time.units_coded, 2u);
  EXPECT_EQ(time.units_all_coded, 1u);
  // n = 8 values, 3 present, one unit split: D_o = 2/8, D_e = 2*5*3/(8*7).
  EXPECT_NEAR(*time.alpha.value, 16.0 / 30, 1e-12);
  EXPECT_NEAR(*time.percent->value, 0.75, 1e-12);
  EXPECT_NEAR(*time.kappa->value, 0.5, 1e-12);  // p_o .75, p_e .5
  ASSERT_TRUE(time.interval);
  EXPECT_LE(time.interval->low, time.interval->high);
  const auto& models = a.codes[1];
  EXPECT_NEAR(*models.alpha.value, 0.125, 1e-12);  // D_o 4/8, D_e 32/56
  EXPECT_NEAR(*models.percent->value, 0.5, 1e-12);
  EXPECT_EQ(a.pooled.units, 8u);
  EXPECT_NEAR(*a.pooled.alpha.value, 2.0 / 7, 1e-12);  // D_o 6/16, D_e 126/240
  EXPECT_NEAR(*a.pooled.percent->value, 5.0 / 8, 1e-12);
}

TEST_F(ProjectAgreementTest, DocumentUnitsSayWhyAlphaIsUndefined) {
  auto a = agree(AgreementUnit::kDocument);
  EXPECT_EQ(a.codes[0].units, 2u);
  EXPECT_NEAR(*a.codes[0].alpha.value, 1.0, 1e-12);
  // Both coders applied Role models in both documents: nothing varies.
  EXPECT_FALSE(a.codes[1].alpha.value);
  EXPECT_NE(a.codes[1].alpha.why_undefined.find("every pairable value is the same (1)"),
            std::string::npos);
  EXPECT_FALSE(a.codes[1].interval);
}

TEST_F(ProjectAgreementTest, MethodsParagraphStatesWhatWasComputed) {
  auto a = agree(AgreementUnit::kSegment);
  auto text = methods_paragraph(a);
  EXPECT_NE(text.find("Agreement between 2 coders (ana and ben) was assessed on 2 documents (1 "
                      "further document was left out: not coded by every coder)."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("at least 90% of the characters either covered"), std::string::npos);
  EXPECT_NE(text.find("Krippendorff's bootstrap (2000 samples, seed 1)"), std::string::npos);
  EXPECT_NE(text.find("The pooled alpha was 0.286"), std::string::npos) << text;
}

TEST_F(ProjectAgreementTest, ACodeNobodyAppliedIsListedAsUndefined) {
  add("Barriers/Hidden curriculum");
  ProjectAgreementOptions options;
  options.scope.coders = {"ana", "ben"};
  options.scope.codes = {kTime, "Barriers/Hidden curriculum"};
  options.bootstrap.reset();
  auto a = project_agreement(*store_, options);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->codes[1].alpha.why_undefined,
            "no compared coder applied this code in the compared documents");
  EXPECT_NEAR(*a->codes[0].alpha.value, 16.0 / 30, 1e-12);
}

TEST_F(ProjectAgreementTest, BadRequestsAreRefusedWithAReason) {
  ProjectAgreementOptions options;
  options.scope.coders = {"ana"};
  auto one = project_agreement(*store_, options);
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(one.error().message.find("two or more coders"), std::string::npos);
  options.scope.coders = {"ana", "zoe"};
  EXPECT_EQ(project_agreement(*store_, options).error().kind, ErrorKind::kNotFound);
  options.scope.coders = {"ana", "ana"};
  EXPECT_NE(project_agreement(*store_, options).error().message.find("named twice"),
            std::string::npos);
  options.scope.coders = {"ana", "ben"};
  options.scope.min_overlap = 0;
  EXPECT_EQ(project_agreement(*store_, options).error().kind, ErrorKind::kInvalidInput);
  options.scope.min_overlap = 0.9;
  options.scope.documents = {"fg-leaders"};
  auto none = project_agreement(*store_, options);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("no document was coded by all the coders"),
            std::string::npos);
  options.scope.documents.clear();
  options.unit = AgreementUnit::kTurn;
  auto turns = project_agreement(*store_, options);
  ASSERT_FALSE(turns);
  EXPECT_NE(turns.error().message.find("none of the compared documents has speaker turns"),
            std::string::npos);
}

}  // namespace
}  // namespace thematica::testing
