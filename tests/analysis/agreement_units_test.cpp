// The units agreement on a project compares, built from hand-placed codings.
#include "analysis/agreement_units.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

using Masks = std::vector<std::uint64_t>;
constexpr std::uint32_t kAna = 0, kBen = 1;

AgreementData two_coders(std::vector<std::int64_t> lengths, std::size_t codes) {
  AgreementData data;
  data.coders = 2;
  data.codes = codes;
  data.document_lengths = std::move(lengths);
  return data;
}

TEST(AgreementUnitsTest, DocumentUnitsRecordWhoAppliedEachCodeAnywhere) {
  auto data = two_coders({100, 100, 100}, 2);
  data.spans = {{0, 0, kAna, 0, 10},
                {0, 0, kBen, 50, 60},
                {0, 0, kAna, 70, 80},
                {1, 0, kAna, 0, 10},
                {2, 1, kBen, 5, 9}};
  auto tables = presence_by_code(data, AgreementUnit::kDocument, 0.9);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].present_units(), (Masks{0b11, 0b01}));
  EXPECT_EQ(tables[0].units(), 3u);
  EXPECT_EQ(tables[1].present_units(), (Masks{0b10}));
  EXPECT_EQ(tables[1].units(), 3u);
}

TEST(AgreementUnitsTest, SegmentUnitsMatchCodingsByOverlapAcrossCodes) {
  auto data = two_coders({1000}, 2);
  data.spans = {
      {0, 0, kAna, 0, 100},   {0, 0, kBen, 10, 100},   // 90 of 100 shared: one passage
      {0, 1, kAna, 200, 300}, {0, 1, kBen, 200, 289},  // 89 of 100: two passages
      {0, 0, kBen, 400, 500}, {0, 1, kAna, 400, 500},  // one passage, different codes
  };
  auto tables = presence_by_code(data, AgreementUnit::kSegment, 0.9);
  // Passages in order of their first coding: [0,100), [200,289), [200,300), [400,500).
  EXPECT_EQ(tables[0].present_units(), (Masks{0b11, 0b10}));
  EXPECT_EQ(tables[0].units(), 4u);
  EXPECT_EQ(tables[0].units_all_present(), 1u);
  EXPECT_EQ(tables[1].present_units(), (Masks{0b10, 0b01, 0b01}));
  EXPECT_EQ(tables[1].units(), 4u);
  // A lower threshold joins the second pair.
  auto loose = presence_by_code(data, AgreementUnit::kSegment, 0.85);
  EXPECT_EQ(loose[1].present_units(), (Masks{0b11, 0b01}));
  EXPECT_EQ(loose[1].units(), 3u);
}

TEST(AgreementUnitsTest, CodesNotComparedStillMakePassages) {
  auto data = two_coders({1000}, 1);
  data.spans = {
      {0, 0, kAna, 0, 100}, {0, kOtherCode, kBen, 0, 100}, {0, kOtherCode, kBen, 500, 600}};
  auto tables = presence_by_code(data, AgreementUnit::kSegment, 0.9);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].present_units(), (Masks{0b01}));
  EXPECT_EQ(tables[0].units(), 2u);  // [0,100) and [500,600)
  EXPECT_TRUE(continua_by_code(data)[0].coders[kBen].empty());
}

TEST(AgreementUnitsTest, SegmentPassagesDoNotRunAcrossDocuments) {
  auto data = two_coders({100, 100}, 1);
  data.spans = {{0, 0, kAna, 0, 100}, {1, 0, kBen, 0, 100}};
  auto tables = presence_by_code(data, AgreementUnit::kSegment, 0.9);
  EXPECT_EQ(tables[0].present_units(), (Masks{0b01, 0b10}));
}

TEST(AgreementUnitsTest, TurnUnitsCountEveryTurnACodingTouches) {
  auto data = two_coders({300, 50}, 1);
  data.turns = {{0, 120, 300}, {0, 0, 50}, {0, 50, 120}, {1, 0, 50}};  // any order
  data.spans = {{0, 0, kAna, 40, 60},                                  // turns [0,50) and [50,120)
                {0, 0, kBen, 50, 55},   // starts where the first turn ends: only [50,120)
                {1, 0, kBen, 10, 20}};  // the second document's only turn
  auto tables = presence_by_code(data, AgreementUnit::kTurn, 0.9);
  // Turns sorted by document and start: [0,50), [50,120), [120,300), then document 1.
  EXPECT_EQ(tables[0].present_units(), (Masks{0b01, 0b11, 0b10}));
  EXPECT_EQ(tables[0].units(), 4u);
}

TEST(AgreementUnitsTest, ContinuaLayDocumentsEndToEndAndMergeACodersOverlaps) {
  auto data = two_coders({100, 50}, 2);
  data.spans = {{0, 0, kAna, 0, 10},
                {0, 0, kAna, 5, 20},
                {1, 0, kAna, 0, 5},
                {0, 1, kBen, 30, 40},
                {1, 0, kBen, 10, 20}};
  auto continua = continua_by_code(data);
  ASSERT_EQ(continua.size(), 2u);
  EXPECT_EQ(continua[0].length, 150);
  ASSERT_EQ(continua[0].coders[kAna].size(), 2u);
  EXPECT_EQ(continua[0].coders[kAna][0].start, 0);
  EXPECT_EQ(continua[0].coders[kAna][0].end, 20);
  EXPECT_EQ(continua[0].coders[kAna][1].start, 100);
  EXPECT_EQ(continua[0].coders[kAna][1].end, 105);
  ASSERT_EQ(continua[0].coders[kBen].size(), 1u);
  EXPECT_EQ(continua[0].coders[kBen][0].start, 110);
  EXPECT_TRUE(continua[1].coders[kAna].empty());
  auto any = any_code_continuum(data);
  ASSERT_EQ(any.coders[kBen].size(), 2u);
  EXPECT_EQ(any.coders[kBen][0].start, 30);
  EXPECT_EQ(any.coders[kBen][1].start, 110);
}

}  // namespace
}  // namespace thematica::testing
