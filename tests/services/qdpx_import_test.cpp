#include "services/qdpx_import.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "services/service_fixture.hpp"
#include "support/zip_writer.hpp"

namespace thematica::testing {
namespace {

std::string sample(const std::string& name) {
  return std::string(THEMATICA_SHARED_DIR) + "/refi-qda/samples/" + name;
}

class QdpxImportTest : public ServiceTest {
 protected:
  QdpxImportReport import_ok(const std::string& path, QdpxImportOptions options = {}) {
    auto report = import_qdpx(ctx(), path, options);
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : QdpxImportReport{};
  }

  std::string refusal(const std::string& path, QdpxImportOptions options = {}) {
    auto report = import_qdpx(ctx(), path, options);
    return report ? "accepted" : report.error().message;
  }

  // The coding with `guid`: its range and the text it selects.
  std::pair<Range, std::string> coding(const std::string& guid) {
    auto id = store_->find_coding_id(guid);
    EXPECT_TRUE(id && *id) << guid;
    if (!id || !*id) return {};
    auto c = store_->find_coding(**id);
    auto text = Text::from_utf8(*store_->document_text((*c)->document_id));
    return {(*c)->range, std::string(text->slice((*c)->range))};
  }

  std::int64_t count_codings() { return *store_->count_codings({}); }

  // A .qdpx holding `qde` and the given sources, written to the temporary folder.
  std::string qdpx(const std::string& name, const std::string& qde,
                   std::vector<ZipEntry> sources = {}) {
    sources.insert(sources.begin(), ZipEntry{"project.qde", qde});
    return dir_.write(name, make_zip(sources));
  }
};

TEST_F(QdpxImportTest, NvivoPositionsAreUtf16UnitsAndLandOnTheirSentences) {
  auto report = import_ok(sample("nvivo/nvivo12.6-win-oltas0517.qdpx"));
  EXPECT_EQ(report.origin, "NVivo for Windows 12.6");
  EXPECT_EQ(report.documents_added, 2);
  EXPECT_EQ(report.codings_added, 303);
  EXPECT_EQ(report.coders_added, 2);
  EXPECT_EQ(report.codes_added, 152);
  ASSERT_EQ(report.countings.size(), 2u);
  EXPECT_EQ(report.countings[1],
            "videos_10_selected: UTF-16 units, CRLF = 2 (no selection names its text, so the "
            "exporting program's default; 300 of 303 selections start and end on word "
            "boundaries)");
  // The file says 79859-79942 in UTF-16 units; emoji before it make that 79780-79863.
  auto [range, quote] = coding("b28afaef-429d-4222-95e6-43540cbd4d4a");
  EXPECT_EQ(range, (Range{79780, 79863}));
  EXPECT_EQ(quote,
            "CDC announces 79% of all U.S. omicron cases have occurred in vaccinated individuals");
  auto first = coding("5455686c-0b03-4199-ab94-a4a9c8f63883");
  EXPECT_EQ(first.first, (Range{233, 409}));
  EXPECT_TRUE(first.second.starts_with("Na mi van? Nem mertétek kötelezővé tenni?"));
  EXPECT_TRUE(first.second.ends_with("Akkor biztis hogy nem haltok meg covidban."));

  // The text is kept byte for byte: CRLF line ends stay, only the byte-order mark goes.
  auto doc = store_->find_document("videos_10_selected");
  ASSERT_TRUE(doc && *doc);
  EXPECT_EQ((*doc)->byte_size, 633213u);  // the file's 633216 bytes less the 3-byte BOM
  auto text = store_->document_text((*doc)->id);
  EXPECT_NE(text->find("\r\n"), std::string::npos);
  EXPECT_FALSE(text->starts_with("\xEF\xBB\xBF"));
}

TEST_F(QdpxImportTest, QualCoderSelectionsWithBareFileNames) {
  auto report = import_ok(sample("qc/qc-1.3.2-demo.qdpx"));
  EXPECT_EQ(report.documents_added, 2);
  EXPECT_EQ(report.codings_added, 205);
  EXPECT_EQ(report.codes_added, 262);
  auto [range, quote] = coding("66323339-6466-3364-3266-616537386633");
  EXPECT_EQ(range, (Range{320, 400}));
  EXPECT_EQ(quote,
            "This district goal is engage every student in joyful, purposeful learning that \n");
  auto coders = store_->coders();
  ASSERT_EQ(coders->size(), 1u);
  EXPECT_EQ((*coders)[0].name, "cp");
  EXPECT_EQ((*coders)[0].guid, "39633935-3331-3962-6632-373436373264");
}

TEST_F(QdpxImportTest, AtlasTiCodebookAndBlankProjectsImport) {
  auto report = import_ok(sample("atlasti/target-atlas-project.qdpx"));
  EXPECT_EQ(report.codes_added, 3);
  EXPECT_EQ(report.coders_added, 2);
  auto blank = import_ok(sample("atlasti/blank-atlas-project.qdpx"));
  EXPECT_EQ(blank.codes_added, 0);
  EXPECT_EQ(blank.coders_added, 0);  // the same two users, matched by GUID
}

TEST_F(QdpxImportTest, ABareQdeWithoutItsSourcesIsRefusedOrImportedWithKeepGoing) {
  std::string atlas = sample("atlasti/atlasti-8.4-mac-standard-project.qde");
  EXPECT_EQ(refusal(atlas),
            "line 42: <TextSource> the source file '01106019-2518-43DD-BBD1-8F0252BACB30.txt' "
            "is not in the project's sources folder");
  EXPECT_EQ(count_codings(), 0);
  EXPECT_TRUE(store_->codes()->empty());  // nothing changed

  QdpxImportOptions keep_going;
  keep_going.keep_going = true;
  auto report = import_ok(atlas, keep_going);
  EXPECT_EQ(report.skipped.size(), 11u);
  EXPECT_EQ(report.codes_added, 14);
  EXPECT_EQ(report.memos, 2);
  EXPECT_EQ(report.groups, 12);
  EXPECT_EQ(report.code_sets, 4);
  ASSERT_EQ(report.kept_aside.size(), 11u);
  EXPECT_EQ(report.kept_aside.back(), "line 262: Graph 'Netzwerk'");
  auto kept = store_->kept_aside();
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->size(), 12u);  // and the link, kept to be written back
  auto sets = store_->code_sets();
  ASSERT_EQ(sets->size(), 4u);
  EXPECT_EQ((*sets)[0].name, "Breakfast food");
  EXPECT_EQ((*sets)[0].code_ids.size(), 6u);
}

TEST_F(QdpxImportTest, SourcesBesideABareQdeAreFound) {
  std::filesystem::create_directories(dir_.file("Sources"));
  dir_.write("Sources/333e1cde-f6c3-46c8-98cb-6e92eb1169a1.txt", "fifteen minutes");
  dir_.write("Sources/fb212a01-b4b5-41ba-bd9f-b66bb210b204.txt", "thirty minutes");
  std::string sixty(1300, '.');
  sixty.replace(320, 9, "Compassion");
  dir_.write("Sources/834517f4-6e9f-4425-9bdd-a4be2d36e7a0.txt", sixty);
  dir_.write("Sources/87c38791-4e98-494a-a0f9-905a813921b4.txt", "test");
  dir_.write("Sources/768169b3-d336-4ef3-8060-83bcb776a23d.txt", "A note on the code");
  dir_.write("Sources/7b5e2e19-bae9-4450-97d0-f548e3e4ec76.txt", "A note on a coded passage");
  dir_.write("Sources/b4352c05-1171-41d9-9d27-401fd25cd8e7.txt", "A note on a passage");
  std::string qde = dir_.write("f4.qde", [] {
    std::ifstream in(sample("f4/f4-2025.2.9-project.qde"));
    return std::string(std::istreambuf_iterator<char>(in), {});
  }());
  auto report = import_ok(qde);
  EXPECT_EQ(report.documents_added, 4);
  EXPECT_EQ(report.codings_added, 2);
  // Two passage memos from Description, three notes: on the code, a coding, a passage.
  EXPECT_EQ(report.memos, 5);
  EXPECT_EQ(coding("35febc96-efd3-4431-9dd9-b818ea0198e6").first, (Range{320, 416}));
  auto memos = store_->memos();
  ASSERT_TRUE(memos);
  auto count = [&](MemoTarget target, const std::string& text) {
    return std::count_if(memos->begin(), memos->end(),
                         [&](const Memo& m) { return m.target == target && m.text == text; });
  };
  EXPECT_EQ(count(MemoTarget::kCode, "A note on the code"), 1);
  // f4 anchors this note on an uncoded selection of the coded span: a memo saying where it is.
  EXPECT_EQ(count(MemoTarget::kDocument, "[995:1260] A note on a coded passage"), 1);
  EXPECT_EQ(count(MemoTarget::kDocument, "[603:812] A note on a passage"), 1);
}

constexpr const char* kOneSource = R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="bad" origin="MAXQDA 2022">
  <CodeBook><Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="Shame" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="0a1b2c3d-0000-4000-8000-000000000002" name="Interview" plainTextPath="internal://0a1b2c3d-0000-4000-8000-000000000002.txt">
      <PlainTextSelection guid="0a1b2c3d-0000-4000-8000-000000000003" startPosition="0" endPosition="5">
        <Coding guid="0a1b2c3d-0000-4000-8000-000000000004"><CodeRef targetGUID="0a1b2c3d-0000-4000-8000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="0a1b2c3d-0000-4000-8000-000000000005" startPosition="20" endPosition="90">
        <Coding guid="0a1b2c3d-0000-4000-8000-000000000006"><CodeRef targetGUID="0a1b2c3d-0000-4000-8000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="0a1b2c3d-0000-4000-8000-000000000007" startPosition="6" endPosition="9">
        <Coding guid="0a1b2c3d-0000-4000-8000-000000000008"><CodeRef targetGUID="0a1b2c3d-0000-4000-8000-0000000000ff"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
)";

TEST_F(QdpxImportTest, BadSelectionsRefuseTheImportOrAreSkippedWithKeepGoing) {
  std::string file =
      qdpx("bad.qdpx", kOneSource,
           {{"sources/0a1b2c3d-0000-4000-8000-000000000002.txt", "Shame\r\nis felt alone."}});
  EXPECT_EQ(refusal(file),
            "line 9: <PlainTextSelection> 20:90 lies outside the text of 'Interview' (20 "
            "positions long)");
  EXPECT_TRUE(store_->documents()->empty());
  QdpxImportOptions keep_going;
  keep_going.keep_going = true;
  auto report = import_ok(file, keep_going);
  EXPECT_EQ(report.codings_added, 1);
  EXPECT_EQ(report.skipped,
            (std::vector<std::string>{
                "line 9: <PlainTextSelection> 20:90 lies outside the text of 'Interview' (20 "
                "positions long)",
                "line 13: <Coding> names no code of the codebook: "
                "0a1b2c3d-0000-4000-8000-0000000000ff"}));
}

TEST_F(QdpxImportTest, ArchivesThatEscapeNestOrHaveNoProjectAreRefused) {
  EXPECT_EQ(refusal(qdpx("escape.qdpx", kOneSource, {{"sources/../../evil.txt", "x"}})),
            "the project holds an entry whose path leaves its folder (sources/../../evil.txt); "
            "it is refused rather than unpacked");
  EXPECT_EQ(refusal(qdpx("nested.qdpx", kOneSource, {{"sources/inner.zip", "PK"}})),
            "the project holds another archive (sources/inner.zip); REFI-QDA projects hold "
            "their sources directly, so it is refused");
  EXPECT_EQ(refusal(dir_.write("none.qdpx", make_zip({{"sources/a.txt", "x"}}))),
            "the archive holds no project file (*.qde) at its root; is it a REFI-QDA project "
            "(.qdpx)?");
  QdpxImportOptions small;
  small.max_bytes = 1000;
  EXPECT_EQ(refusal(qdpx("bomb.qdpx", kOneSource, {zero_entry("sources/big.txt", 4000)}), small),
            "the project unpacks to 5.2 kB, more than the limit of 1.0 kB; it is refused as a "
            "possible zip bomb; raise --max-size if it is genuine");
  EXPECT_EQ(refusal(qdpx("missing.qdpx", kOneSource)),
            "line 5: <TextSource> the source file '0a1b2c3d-0000-4000-8000-000000000002.txt' is "
            "not in the project's sources folder");
}

// A project of many sources, as a .qdpx: source k is "Interview k" with the text "Source k feels
// shame.", one selection of "shame" coded, and a case that refers to the selection of the last.
// `tail` replaces the file's ending (to break it), `missing` leaves out that source's file.
std::pair<std::string, std::vector<ZipEntry>> many_sources(
    int count, int missing = -1, const std::string& tail = "</Project>\n") {
  auto guid = [](int kind, int k) {
    return fmt::format("1b2c3d4e-0000-4000-8{:03d}-{:012d}", kind, k);
  };
  std::string qde = R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="many" origin="Thematica">
  <Users><User guid="1b2c3d4e-0000-4000-8000-000000000001" name="Ana"/></Users>
  <CodeBook><Codes><Code guid="1b2c3d4e-0000-4000-8000-000000000002" name="Shame" isCodable="true"/></Codes></CodeBook>
  <Cases><Case guid="1b2c3d4e-0000-4000-8000-000000000003" name="P01">)";
  qde += fmt::format(R"(<SelectionRef targetGUID="{}"/></Case></Cases>
  <Sources>
)",
                     guid(2, count - 1));
  std::vector<ZipEntry> files;
  for (int k = 0; k < count; ++k) {
    std::string text = fmt::format("Source {} feels shame.", k);
    auto at = text.find("shame");
    qde += fmt::format(
        R"(    <TextSource guid="{0}" name="Interview {1}" plainTextPath="internal://{0}.txt">
      <PlainTextSelection guid="{2}" startPosition="{3}" endPosition="{4}" creatingUser="1b2c3d4e-0000-4000-8000-000000000001">
        <Coding guid="{5}"><CodeRef targetGUID="1b2c3d4e-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
)",
        guid(1, k), k, guid(2, k), at, at + 5, guid(3, k));
    if (k != missing) files.push_back(ZipEntry{fmt::format("sources/{}.txt", guid(1, k)), text});
  }
  qde += "  </Sources>\n" + tail;
  return {qde, files};
}

// The reading thread runs ahead of the storing one by a few sources: a failure on either side
// must still stop both, refuse the whole import, and leave the project as it was.
TEST_F(QdpxImportTest, AProjectOfManySourcesIsReadWhileStoredAndRefusedWhole) {
  auto [qde, files] = many_sources(40);
  auto report = import_ok(qdpx("many.qdpx", qde, files));
  EXPECT_EQ(report.documents_added, 40);
  EXPECT_EQ(report.codings_added, 40);
  EXPECT_EQ(coding("1b2c3d4e-0000-4000-8003-000000000027"),
            (std::pair<Range, std::string>{Range{16, 21}, "shame"}));
  // The case's selection lies in the last source: linked to that document's span.
  auto links = store_->case_links();
  ASSERT_TRUE(links);
  ASSERT_EQ(links->size(), 1u);
  auto last = store_->find_document("Interview 39");
  ASSERT_TRUE(last && *last);
  EXPECT_EQ((*links)[0].document_id, (*last)->id);
  EXPECT_EQ((*links)[0].range, (std::optional<Range>(Range{16, 21})));
}

TEST_F(QdpxImportTest, AFailureEarlyOrLateInAProjectOfManySourcesChangesNothing) {
  // Early: the second source's file is missing, while the reader has sources to spare.
  auto [early, early_files] = many_sources(40, 1);
  EXPECT_EQ(refusal(qdpx("early.qdpx", early, early_files)),
            "line 12: <TextSource> the source file '1b2c3d4e-0000-4000-8001-000000000001.txt' is "
            "not in the project's sources folder");
  // Late: the file breaks off after its sources, once they are all stored.
  auto [late, late_files] = many_sources(40, -1, "<Notes>");
  EXPECT_EQ(refusal(qdpx("late.qdpx", late, late_files)),
            "line 208: malformed XML (no element found)");
  EXPECT_TRUE(store_->documents()->empty());
  EXPECT_EQ(count_codings(), 0);
}

TEST_F(QdpxImportTest, ImportingTheSameProjectTwiceNeedsMerge) {
  std::string file = sample("qc/qc-1.3.2-demo.qdpx");
  import_ok(file);
  EXPECT_EQ(refusal(file),
            "line 1: <TextSource> the project already holds this document ('board_2017', same "
            "GUID); to bring in another copy's work, import with --merge");
  QdpxImportOptions merge;
  merge.merge = true;
  auto report = import_ok(file, merge);
  EXPECT_EQ(report.documents_matched, 2);
  EXPECT_EQ(report.documents_added, 0);
  EXPECT_EQ(report.codings_added, 0);
  EXPECT_EQ(report.codings_already, 205);
  EXPECT_EQ(report.codes_matched, 262);
  EXPECT_EQ(count_codings(), 205);
}

}  // namespace
}  // namespace thematica::testing
