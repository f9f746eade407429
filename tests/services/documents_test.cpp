#include "services/documents.hpp"
#include "services/import_service.hpp"

#include "core/guid.hpp"
#include "services/cases_service.hpp"
#include "services/retrieval.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

class DocumentsTest : public ServiceTest {};

TEST_F(DocumentsTest, ImportNormalisesOnceAndRecordsHashAndLength) {
  std::string path = dir_.write("interview-04.txt", "\xEF\xBB\xBFLine one\r\nLine two\r");
  auto docs = import_documents(ctx(), {path}, {});
  ASSERT_TRUE(docs) << docs.error().message;
  ASSERT_EQ(docs->documents.size(), 1u);
  const Document& d = docs->documents[0].document;
  EXPECT_EQ(docs->documents[0].reader, "text");
  EXPECT_EQ(d.name, "interview-04");
  EXPECT_EQ(d.original_name, "interview-04.txt");
  EXPECT_EQ(d.kind, "text");
  EXPECT_TRUE(is_guid(d.guid)) << d.guid;
  EXPECT_EQ(d.imported_at.size(), 24u) << d.imported_at;  // 2026-11-22T21:00:00.000Z
  EXPECT_EQ(d.length, 18u);
  EXPECT_EQ(d.sha256, "ac98c501f944c7948e6d3b004c195429c1c560027d9f96284ec2d6028d72381b");
  EXPECT_EQ(*document_text(*store_, "interview-04"), "Line one\nLine two\n");
}

TEST_F(DocumentsTest, BadFileInABatchImportsNothing) {
  std::string good = dir_.write("good.txt", "Compassion takes courage.");
  std::string bad = dir_.write("bad.txt", "caf\xE9 au lait");  // Latin-1, not UTF-8
  ImportOptions strict;
  strict.read.encoding = "utf-8";
  auto docs = import_documents(ctx(), {good, bad}, strict);
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
  EXPECT_NE(binary.error().message.find("binary file (a NUL character at offset 4)"),
            std::string::npos);
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

TEST_F(DocumentsTest, TranscriptsBecomeTurnsWithSpeakersAsCases) {
  std::string zoom = dir_.write("fg-1.vtt",
                                "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\n"
                                "Dr Amira Khan: Welcome.\r\n\r\n2\r\n00:00:02.500 --> "
                                "00:00:04.000\r\nJoel: I feel ashamed.\r\n\r\n3\r\n"
                                "00:00:04.000 --> 00:00:05.000\r\nDr Amira Khan: Why?\r\n");
  std::string teams = dir_.write("fg-2.vtt",
                                 "WEBVTT\n\nx/1-0\n00:00:01.000 --> 00:00:02.000\n"
                                 "<v JOEL>Still ashamed.</v>\n");
  auto docs = import_documents(ctx(), {zoom, teams}, {});
  ASSERT_TRUE(docs) << docs.error().describe();
  EXPECT_EQ(docs->documents[0].reader, "webvtt");
  EXPECT_EQ(docs->documents[0].document.kind, "transcript");
  EXPECT_EQ(docs->documents[0].turns, 3u);
  EXPECT_EQ(docs->documents[0].speakers, 2u);
  EXPECT_EQ(*document_text(*store_, "fg-1"),
            "Dr Amira Khan: Welcome.\nJoel: I feel ashamed.\nDr Amira Khan: Why?\n");
  auto turns = store_->utterances({docs->documents[0].document.id});
  ASSERT_EQ(turns->size(), 3u);
  EXPECT_EQ((*turns)[1].speaker_label, "Joel");
  EXPECT_EQ((*turns)[1].start_ms, 2500);
  EXPECT_EQ((*turns)[1].range, (Range{24, 45}));
  // "JOEL" in the second session is the same participant.
  auto cases = store_->cases();
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ((*cases)[0].name, "Dr Amira Khan");
  EXPECT_EQ((*cases)[1].name, "Joel");
  auto second = store_->utterances({docs->documents[1].document.id});
  EXPECT_EQ((*second)[0].case_id, std::optional<Id>((*cases)[1].id));

  // Speakers are cases: their variables select their turns.
  ASSERT_TRUE(add_code(ctx(), "Shame", {}));
  CodingRequest r{"fg-1", "Shame", "alice", {Range{32, 44}, {}, {}}, "", false};
  ASSERT_TRUE(apply_coding(ctx(), r));
  auto segments = find_segments(*store_, {});
  ASSERT_EQ(segments->size(), 1u);
  EXPECT_EQ((*segments)[0].text, "feel ashamed");
  EXPECT_EQ((*segments)[0].speakers, (std::vector<std::string>{"Joel"}));
}

TEST_F(DocumentsTest, UndoOfTranscriptImportRemovesTurnsAndNewSpeakersOnly) {
  ASSERT_TRUE(set_case_values(ctx(), "Joel", {{"group", "MS"}}));  // a participant known before
  std::string zoom = dir_.write("fg-1.vtt",
                                "WEBVTT\n\n00:01.000 --> 00:02.000\nTutor: Welcome.\n\n"
                                "00:02.000 --> 00:03.000\nJOEL: Thanks.\n");
  auto docs = import_documents(ctx(), {zoom}, {});
  ASSERT_TRUE(docs) << docs.error().describe();
  EXPECT_EQ(store_->cases()->size(), 2u);  // Joel reused, Tutor new
  ASSERT_TRUE(store_->undo_last("alice"));
  EXPECT_TRUE(store_->documents()->empty());
  EXPECT_TRUE(store_->utterances({})->empty());
  EXPECT_TRUE(store_->case_links()->empty());
  auto cases = store_->cases();
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ((*cases)[0].name, "Joel");
  EXPECT_EQ(store_->case_values()->size(), 1u);
  EXPECT_FALSE(store_->find_speaker_case("joel").value());  // its speaker key is undone too
}

TEST_F(DocumentsTest, MergedSpeakersStayMergedInLaterImports) {
  auto vtt = [&](const std::string& name, const std::string& speaker) {
    return dir_.write(name, "WEBVTT\n\n00:01.000 --> 00:02.000\n" + speaker +
                                ": Hello.\n\n00:02.000 --> 00:03.000\nTutor: Hi.\n");
  };
  ASSERT_TRUE(import_documents(ctx(), {vtt("s1.vtt", "Student A")}, {}));
  ASSERT_TRUE(import_documents(ctx(), {vtt("s2.vtt", "Stud. A")}, {}));
  ASSERT_TRUE(set_case_values(ctx(), "Student A", {{"group", "MS"}}));
  ASSERT_TRUE(set_case_values(ctx(), "Stud. A", {{"group", "MS"}, {"age", "22"}}));
  ASSERT_EQ(store_->cases()->size(), 3u);
  auto merged = merge_cases(ctx(), "Stud. A", "Student A");
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->summary, "merged case 'Stud. A' into 'Student A'");
  auto cases = list_cases(*store_);
  ASSERT_EQ(cases->size(), 2u);
  const CaseSummary& student = (*cases)[0];
  EXPECT_EQ(student.kase.name, "Student A");
  using Values = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(student.values, (Values{{"age", "22"}, {"group", "MS"}}));
  EXPECT_EQ(student.links.size(), 2u);
  // A third session spelling it "Stud. A" lands on the merged participant.
  ASSERT_TRUE(import_documents(ctx(), {vtt("s3.vtt", "STUD. A")}, {}));
  EXPECT_EQ(store_->cases()->size(), 2u);
  ASSERT_TRUE(rename_case(ctx(), "Student A", "P07"));
  auto turns = store_->utterances({});
  ASSERT_EQ(turns->size(), 6u);
  EXPECT_EQ((*turns)[4].speaker_label, "STUD. A");  // the label as written stays
  EXPECT_EQ((*turns)[4].case_id, (*store_->find_case("P07"))->id);
  EXPECT_FALSE(merge_cases(ctx(), "P07", "p07"));
}

TEST_F(DocumentsTest, MalformedTranscriptImportsNothing) {
  std::string bad = dir_.write("broken.vtt", "WEBVTT\n\n00:00:01.000 --> soon\nHello\n");
  auto docs = import_documents(ctx(), {bad}, {});
  ASSERT_FALSE(docs);
  EXPECT_EQ(docs.error().where, bad);
  EXPECT_NE(docs.error().message.find("line 3: malformed cue timing"), std::string::npos);
  EXPECT_TRUE(store_->documents()->empty());
  EXPECT_TRUE(store_->cases()->empty());
  ImportOptions as_text;
  as_text.kind = "text";
  ASSERT_TRUE(import_documents(ctx(), {bad}, as_text));  // --kind text takes it as it is
}

TEST_F(DocumentsTest, SpeakersLeftOutOfAnalysisAreNotRetrievedOrCounted) {
  import("fg-3", "Moderator: What does compassion mean here?\nJoel: Time to listen.\n");
  add("Compassion");
  ASSERT_TRUE(code_range("fg-3", "Compassion", Range{11, 24}));  // in the moderator's turn
  ASSERT_TRUE(code_range("fg-3", "Compassion", Range{57, 63}));  // "listen": Joel's
  ASSERT_TRUE(code_range("fg-3", "Compassion", Range{37, 56}));  // spans both turns
  ASSERT_TRUE(set_case_analysed(ctx(), "moderator", false));
  auto segments = find_segments(*store_, SegmentQuery{});
  ASSERT_TRUE(segments) << segments.error().message;
  ASSERT_EQ(segments->size(), 2u);
  EXPECT_EQ((*segments)[0].text, "here?\nJoel: Time to");
  EXPECT_EQ((*segments)[1].text, "listen");
  auto freq = code_frequencies(*store_, FrequencyAxis::kDocument);
  EXPECT_EQ(freq->rows[0].total, 2);
  SegmentQuery all;
  all.all_speakers = true;
  EXPECT_EQ(find_segments(*store_, all)->size(), 3u);
  EXPECT_EQ(code_frequencies(*store_, FrequencyAxis::kDocument, true)->rows[0].total, 3);
  ASSERT_TRUE(set_case_analysed(ctx(), "Moderator", true));
  EXPECT_EQ(find_segments(*store_, SegmentQuery{})->size(), 3u);
}

TEST_F(DocumentsTest, SplittingASpeakerMovesOneDocumentsTurnsToANewCase) {
  import("session-1", "Jane: I was exhausted.\nTutor: Why?\n");
  import("session-2", "Jane: Nobody noticed.\nTutor: Go on.\n");
  ASSERT_TRUE(split_case(ctx(), "Jane", {"session-2"}, "Jane (session 2)"));
  auto turns = store_->utterances({});
  auto jane = *store_->find_case("Jane");
  auto other = *store_->find_case("Jane (session 2)");
  ASSERT_EQ(turns->size(), 4u);
  EXPECT_EQ((*turns)[0].case_id, jane->id);
  EXPECT_EQ((*turns)[2].case_id, other->id);
  EXPECT_EQ((*turns)[2].speaker_label, "Jane");  // the label as the file wrote it
  auto bad = split_case(ctx(), "Jane", {"session-9"}, "Someone");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kNotFound);
  EXPECT_FALSE(*store_->find_case("Someone"));
}

}  // namespace
}  // namespace thematica::testing
