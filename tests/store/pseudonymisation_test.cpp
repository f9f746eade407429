// Replacing a document's text for pseudonymisation: every position into it moves with the edit,
// the search index follows, free texts are rewritten (the log too), and the old text leaves the
// file.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "store/store_fixture.hpp"

namespace thematica::testing {
namespace {

// "Priya" [0,5) and "Kelsford" [24,32) become "[P01]" and "[Place A]": +0, then +1.
const std::string kText = "Priya said she moved to Kelsford last spring. It was hard.";

class ReplaceTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = create_store(path_);
    doc_ = add_document(*store_, "notes", kText);
    auto made = store_->change("setup", "tester", [&]() -> Result<std::string> {
      TRY(coder, store_->insert_coder("tester"));
      Code code;
      code.name = "Moves";
      code.colour = "#000000";
      TRY(code_id, store_->insert_code(code));
      Coding coding;
      coding.document_id = doc_;
      coding.code_id = code_id;
      coding.coder_id = coder.id;
      coding.range = {11, 44};  // "she moved to Kelsford last spring"
      TRY(id, store_->insert_coding(coding));
      (void)id;
      TRY_STATUS(store_->insert_page_starts(doc_, {0, 46}));
      TRY(c, store_->insert_case("Priya"));
      TRY_STATUS(store_->insert_case_link({c.id, doc_, Range{0, 44}}));
      Memo memo;
      memo.target = MemoTarget::kDocument;
      memo.target_id = doc_;
      memo.coder_id = coder.id;
      memo.text = "Priya's move to Kelsford";
      TRY(memo_id, store_->insert_memo(memo));
      (void)memo_id;
      return std::string("set up Priya's notes");
    });
    ASSERT_TRUE(made) << made.error().message;
  }

  Status replace() {
    Text text = Text::from_utf8(kText).value();
    auto edited = apply_edits(text, {{{0, 5}, "[P01]"}, {{24, 32}, "[Place A]"}}).value();
    Text after = Text::from_utf8(edited.text).value();
    auto changed = store_->change("pseudonymise.apply", "tester", [&]() -> Result<std::string> {
      TRY_STATUS(store_->replace_document_text(doc_, after, edited.map));
      TRY_STATUS(store_->rewrite_free_texts([](std::string_view t) -> std::optional<std::string> {
        std::string out(t);
        bool rewritten = false;
        for (auto [from, to] : {std::pair{"Priya", "[P01]"}, std::pair{"Kelsford", "[Place A]"}}) {
          for (auto at = out.find(from); at != std::string::npos; at = out.find(from)) {
            out.replace(at, std::string_view(from).size(), to);
            rewritten = true;
          }
        }
        return rewritten ? std::optional<std::string>(out) : std::nullopt;
      }));
      TRY_STATUS(store_->forget_undo_history());
      return std::string("pseudonymised 1 document");
    });
    if (!changed) return tl::unexpected(changed.error());
    return store_->compact();
  }

  TempDir dir_;
  std::string path_ = dir_.file("study.thematica");
  std::unique_ptr<SqliteStore> store_;
  Id doc_ = 0;
};

TEST_F(ReplaceTextTest, PositionsMoveWithTheEdit) {
  ASSERT_TRUE(replace());
  auto text = store_->text_index(doc_).value();
  EXPECT_EQ(text->utf8(), "[P01] said she moved to [Place A] last spring. It was hard.");
  auto coding = store_->codings({}).value().at(0);
  EXPECT_EQ(text->slice(coding.range), "she moved to [Place A] last spring");
  EXPECT_EQ(coding.byte_start, 11u);
  EXPECT_EQ(coding.byte_end, 45u);
  EXPECT_EQ(store_->read_text_spans(doc_, {{coding.byte_start, coding.byte_end}}).value().at(0),
            "she moved to [Place A] last spring");
  EXPECT_EQ(store_->page_starts(doc_).value(), (std::vector<std::uint64_t>{0, 47}));
  auto link = store_->case_links().value().at(0);
  EXPECT_EQ(link.range, (std::optional<Range>{Range{0, 45}}));
  auto document = store_->find_document("notes").value().value();
  EXPECT_EQ(document.length, text->length());
  EXPECT_EQ(document.byte_size, text->utf8().size());
}

TEST_F(ReplaceTextTest, SearchNamesAndTheLogFollowAndUndoCannotBringTheTextBack) {
  ASSERT_TRUE(replace());
  EXPECT_TRUE(search_all(*store_, "Kelsford").value().empty());
  EXPECT_EQ(search_all(*store_, "spring").value().size(), 1u);
  EXPECT_EQ(store_->cases().value().at(0).name, "[P01]");
  EXPECT_EQ(store_->memos().value().at(0).text, "[P01]'s move to [Place A]");
  auto events = store_->events(10).value();
  EXPECT_EQ(events.at(1).summary, "set up [P01]'s notes");
  EXPECT_FALSE(store_->undo_last("tester"));
  // Append-only again after the rewrite.
  EXPECT_EQ(query_text(path_,
                       "SELECT count(*) FROM sqlite_master WHERE name = "
                       "'events_no_update'"),
            "1");
  std::ifstream in(path_, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str().find("Kelsford"), std::string::npos);
  EXPECT_EQ(bytes.str().find("Priya"), std::string::npos);
}

}  // namespace
}  // namespace thematica::testing
