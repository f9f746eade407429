// Disagreements between coders at the segment unit, from hand-placed codings.
#include "analysis/disagreements.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

constexpr std::uint32_t kAna = 0, kBen = 1;

TEST(DisagreementsTest, ListsEachPassageAndCodeNotEveryCoderApplied) {
  AgreementData data;
  data.coders = 2;
  data.codes = 2;
  data.document_lengths = {1000};
  data.spans = {
      {0, 0, kAna, 0, 100},   {0, 0, kBen, 10, 100},   // 0, 1: agreed at 90%
      {0, 1, kAna, 200, 300}, {0, 1, kBen, 200, 289},  // 2, 3: boundaries, 89%
      {0, 0, kBen, 400, 500}, {0, 1, kAna, 400, 500},  // 4, 5: different codes
      {0, 0, kAna, 600, 650},                          // 6: Ben coded nothing there
  };
  auto found = disagreements(data, 0.9);
  ASSERT_EQ(found.size(), 4u);
  // One item for the two passages of the boundary disagreement, widened to both codings.
  EXPECT_EQ(found[0].kind, DisagreementKind::kBoundaries);
  EXPECT_EQ(found[0].code, 1u);
  EXPECT_EQ(found[0].start, 200);
  EXPECT_EQ(found[0].end, 300);
  EXPECT_EQ(found[0].applied, 0b11u);  // both applied the code, with other bounds
  EXPECT_EQ(found[0].spans, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(found[1].kind, DisagreementKind::kAnotherCode);
  EXPECT_EQ(found[1].code, 0u);
  EXPECT_EQ(found[1].applied, 0b10u);
  EXPECT_EQ(found[1].spans, (std::vector<std::size_t>{5, 4}));  // same start: Ana first
  EXPECT_EQ(found[2].kind, DisagreementKind::kAnotherCode);
  EXPECT_EQ(found[2].code, 1u);
  EXPECT_EQ(found[2].applied, 0b01u);
  EXPECT_EQ(found[3].kind, DisagreementKind::kNotCoded);
  EXPECT_EQ(found[3].start, 600);
  EXPECT_EQ(found[3].spans, (std::vector<std::size_t>{6}));
  EXPECT_STREQ(disagreement_kind_name(found[3].kind), "missing");
}

TEST(DisagreementsTest, OverlappingCodingsOfACodeAreOneBoundaryItem) {
  AgreementData data;
  data.coders = 2;
  data.codes = 1;
  data.document_lengths = {300};
  // Ben coded the sentence and, again, the words inside it; Ana a part: three passages.
  data.spans = {{0, 0, kAna, 109, 147}, {0, 0, kBen, 109, 205}, {0, 0, kBen, 118, 135}};
  auto found = disagreements(data, 0.9);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, DisagreementKind::kBoundaries);
  EXPECT_EQ(found[0].start, 109);
  EXPECT_EQ(found[0].end, 205);
  EXPECT_EQ(found[0].spans, (std::vector<std::size_t>{0, 1, 2}));
}

TEST(DisagreementsTest, CodesNotComparedAreNotDisputedButCountAsAnotherCode) {
  AgreementData data;
  data.coders = 2;
  data.codes = 1;
  data.document_lengths = {100};
  data.spans = {{0, 0, kAna, 0, 50}, {0, kOtherCode, kBen, 0, 50}, {0, kOtherCode, kAna, 60, 70}};
  auto found = disagreements(data, 0.9);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, DisagreementKind::kAnotherCode);
}

}  // namespace
}  // namespace thematica::testing
