#include <gtest/gtest.h>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

// Many codings of chosen codes are read in two halves of the documents on two connections; the
// result must be what one connection reads, in the same order.
class CodingsReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("study.thematica");
    store_ = create_store(path_);
    for (int d = 0; d < 6; ++d) {
      docs_.push_back(
          add_document(*store_, "interview-" + std::to_string(d), std::string(5000, 'x')));
    }
    auto made = store_->change("coding.code_hits", "alice", [&]() -> Result<std::string> {
      TRY(alice, store_->insert_coder("alice"));
      TRY(bob, store_->insert_coder("bob"));
      for (const char* name : {"Shame", "Compassion"}) {
        Code c;
        c.name = name;
        c.colour = "#000000";
        TRY(code, store_->insert_code(c));
        codes_.push_back(code);
      }
      // 6 documents x 2 coders x 2 codes x 1,700 places: 40,800 codings (20,400 of each code, so
      // that each code alone is read in halves too), inserted out of their order.
      std::vector<NewCoding> many;
      for (std::uint64_t i = 0; i < 1700; ++i) {
        for (Id doc : docs_) {
          for (Id coder : {alice.id, bob.id}) {
            for (Id code : codes_) {
              std::uint64_t start = (i * 37) % 4000;
              many.push_back(NewCoding{doc, code, coder, {start, start + 3 + (i % 7)}, {}, {}, {}});
            }
          }
        }
      }
      TRY(inserted, store_->insert_codings(many));
      inserted_ = inserted;
      return "coded";
    });
    ASSERT_TRUE(made) << made.error().message;
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
  std::vector<Id> docs_, codes_;
  std::int64_t inserted_ = 0;
};

std::vector<Id> ids_of(const std::vector<Coding>& codings) {
  std::vector<Id> ids;
  for (const auto& c : codings) ids.push_back(c.id);
  return ids;
}

TEST_F(CodingsReadTest, TwoHalvesReadWhatOneConnectionReads) {
  ASSERT_EQ(inserted_, 40800);
  ASSERT_EQ(query_text(path_, "SELECT count(*) FROM codings"), "40800");
  for (const std::vector<Id>& codes : {std::vector<Id>{codes_[0]}, codes_}) {
    CodingFilter halves{codes, {}, {}};
    CodingFilter whole{codes, {}, docs_};  // naming the documents reads on one connection
    auto read_in_halves = store_->codings(halves);
    auto read_whole = store_->codings(whole);
    ASSERT_TRUE(read_in_halves);
    ASSERT_TRUE(read_whole);
    EXPECT_EQ(read_in_halves->size(), codes.size() == 1 ? inserted_ / 2 : inserted_);
    EXPECT_EQ(ids_of(*read_in_halves), ids_of(*read_whole));
    EXPECT_EQ(read_in_halves->front().document_id, docs_.front());
    EXPECT_EQ(read_in_halves->back().document_id, docs_.back());
    EXPECT_EQ(read_in_halves->front().guid, read_whole->front().guid);
    EXPECT_EQ(read_in_halves->back().created_at, read_whole->back().created_at);
  }
}

TEST_F(CodingsReadTest, InsideAChangeTheChangesOwnCodingsAreRead) {
  auto event = store_->change("coding.code_hits", "alice", [&]() -> Result<std::string> {
    TRY(coder, store_->find_coder("alice"));
    TRY_STATUS(store_->insert_codings(
        {NewCoding{docs_[0], codes_[0], coder->id, {4500, 4510}, {}, {}, {}}}));
    TRY(read, store_->codings(CodingFilter{{codes_[0]}, {}, {}}));
    EXPECT_EQ(static_cast<std::int64_t>(read.size()), inserted_ / 2 + 1);
    return "coded";
  });
  ASSERT_TRUE(event) << event.error().message;
}

}  // namespace
}  // namespace thematica::testing
