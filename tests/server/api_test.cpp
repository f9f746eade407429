// Every API call, as the browser makes it: the answer for good requests, and for bad ones the
// status, the message, and that nothing changed.

#include <fmt/format.h>

#include "server/api_fixture.hpp"
#include "services/cases_service.hpp"
#include "services/pseudonymisation_apply.hpp"

namespace thematica::testing {
namespace {

class EndpointsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    // "😀 " before the words: code points and UTF-8 bytes differ from here on.
    import("fg-ward",
           "Student A: \xF0\x9F\x98\x80 there is never enough time.\nTutor B: We model care.");
    add("Barriers/Time");
    add("Facilitators/Role models");
    log_in();
  }

  Id document_id() { return get("/api/documents").json["documents"][0]["id"].get<Id>(); }

  Answer code(std::uint64_t start, std::uint64_t end, const std::string& path = "Barriers/Time",
              const std::string& coder = "alice") {
    return post("/api/codings",
                Json{{"document", "fg-ward"}, {"code", path}, {"start", start}, {"end", end}},
                coder);
  }
};

TEST_F(EndpointsTest, DocumentListHasGroupsSpeakersAndCoverage) {
  ASSERT_EQ(code(13, 39).status, 201);
  ASSERT_EQ(code(20, 30, "Barriers/Time", "bob").status, 201);
  auto a = get("/api/documents");
  ASSERT_EQ(a.status, 200);
  const Json& d = a.json["documents"][0];
  EXPECT_EQ(d["name"], "fg-ward");
  EXPECT_EQ(d["kind"], "transcript");
  EXPECT_EQ(d["length"], 65);  // the importer ends the text with a line break
  EXPECT_EQ(d["speakers"], Json::array({"Student A", "Tutor B"}));
  EXPECT_EQ(d["codings"], 2);
  EXPECT_EQ(d["coded_characters"], 26);
  EXPECT_EQ(a.json["groups"], Json::array());
}

TEST_F(EndpointsTest, ADocumentComesWithTextCodingsAndTurns) {
  auto plain = code(13, 39);
  ASSERT_EQ(plain.status, 201);
  auto marked = code(41, 48, "Facilitators/Role models", "bob");
  ASSERT_EQ(marked.status, 201);
  const Json& m = marked.json["coding"];
  ASSERT_EQ(patch("/api/codings/" + std::to_string(m["id"].get<Id>()),
                  Json{{"comment", "the tutor"}, {"important", true}})
                .status,
            200);
  auto a = get("/api/documents/" + std::to_string(document_id()));
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.json["text"].get<std::string>().substr(0, 16), "Student A: \xF0\x9F\x98\x80 ");
  // The reading view's codings: what the reader draws, and the comment and marks only when set.
  const Json& p = plain.json["coding"];
  EXPECT_EQ(a.json["codings"],
            Json::parse(fmt::format(
                R"([{{"id":{},"code_id":{},"coder_id":{},"start":13,"end":39}},
                                       {{"id":{},"code_id":{},"coder_id":{},"start":41,"end":48,
                                         "comment":"the tutor","important":true}}])",
                p["id"].get<Id>(), p["code_id"].get<Id>(), p["coder_id"].get<Id>(),
                m["id"].get<Id>(), m["code_id"].get<Id>(), m["coder_id"].get<Id>())));
  ASSERT_EQ(a.json["turns"].size(), 2u);
  EXPECT_EQ(a.json["turns"][1]["speaker"], "Tutor B");
  EXPECT_EQ(a.json["turns"][1]["start"], 41);
  EXPECT_EQ(a.json["turns"][1]["end"], 64);

  auto missing = get("/api/documents/999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(message(missing), "no document #999 in this project (it may have been deleted)");
}

TEST_F(EndpointsTest, CodingAppliesTheExactCodePointRangeAsTheCoder) {
  auto a = code(13, 39);
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(a.json["coding"]["start"], 13);
  EXPECT_EQ(a.json["coding"]["end"], 39);
  EXPECT_EQ(a.json["event"]["summary"], "coded 'fg-ward' 13:39 as 'Barriers/Time'");
  auto segments = get("/api/segments?code=Barriers/Time");
  ASSERT_EQ(segments.json["segments"].size(), 1u);
  EXPECT_EQ(segments.json["segments"][0]["text"], "there is never enough time");
  EXPECT_EQ(segments.json["segments"][0]["coder"], "alice");
}

TEST_F(EndpointsTest, BadCodingRequestsSayWhyAndChangeNothing) {
  std::int64_t before = event_count();
  auto out_of_range = code(50, 66);
  EXPECT_EQ(out_of_range.status, 400);
  EXPECT_EQ(out_of_range.json["error"]["code"], "invalid_input");
  EXPECT_NE(message(out_of_range).find("65"), std::string::npos) << message(out_of_range);

  auto bad_json = post_raw("/api/codings", "{\"document\": ");
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_EQ(message(bad_json), "the request body is not valid JSON");

  auto negative =
      post("/api/codings",
           Json{{"document", "fg-ward"}, {"code", "Barriers/Time"}, {"start", -1}, {"end", 4}});
  EXPECT_EQ(negative.status, 400);
  EXPECT_EQ(message(negative), "'start' must be a position: a whole number of code points from 0");

  auto no_coder =
      post("/api/codings",
           Json{{"document", "fg-ward"}, {"code", "Barriers/Time"}, {"start", 0}, {"end", 4}}, "");
  EXPECT_EQ(no_coder.status, 400);
  EXPECT_EQ(message(no_coder), "choose a coder first (the coder menu at the top)");

  auto unknown_code = code(0, 4, "Nope");
  EXPECT_EQ(unknown_code.status, 404);

  auto deleted_document =
      post("/api/codings",
           Json{{"document", "gone"}, {"code", "Barriers/Time"}, {"start", 0}, {"end", 4}});
  EXPECT_EQ(deleted_document.status, 404);
  EXPECT_EQ(message(deleted_document),
            "no document 'gone' in this project; 'thematica docs' lists them");
  EXPECT_EQ(event_count(), before);
}

TEST_F(EndpointsTest, TheSameCodingTwiceIsAConflict) {
  ASSERT_EQ(code(13, 39).status, 201);
  auto again = code(13, 39);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json["error"]["code"], "conflict");
}

TEST_F(EndpointsTest, TwoTabsCodingAtOnceGetOneCodingAndOneConflict) {
  std::vector<int> statuses(2);
  std::vector<std::thread> tabs;
  for (int i = 0; i < 2; ++i) {
    tabs.emplace_back([this, i, &statuses] {
      httplib::Client tab("127.0.0.1", port_);
      Json body{{"document", "fg-ward"}, {"code", "Barriers/Time"}, {"start", 13}, {"end", 39}};
      auto res = tab.Post("/api/codings", headers(), body.dump(), "application/json");
      statuses[static_cast<std::size_t>(i)] = res ? res->status : -1;
    });
  }
  for (auto& t : tabs) t.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{201, 409}));
  EXPECT_EQ(get("/api/segments").json["segments"].size(), 1u);
}

TEST_F(EndpointsTest, ACodingChangesCodeBoundsAndFlagWithoutBeingDeleted) {
  Id id = code(13, 39).json["coding"]["id"].get<Id>();
  auto a = patch("/api/codings/" + std::to_string(id), Json{{"code", "Facilitators/Role models"},
                                                            {"start", 28},
                                                            {"end", 39},
                                                            {"important", true},
                                                            {"representative", true},
                                                            {"comment", "key line"}});
  ASSERT_EQ(a.status, 200) << a.body;
  auto s = get("/api/segments").json["segments"][0];
  EXPECT_EQ(s["id"], id);
  EXPECT_EQ(s["code"], "Facilitators/Role models");
  EXPECT_EQ(s["text"], "enough time");
  EXPECT_EQ(s["important"], true);
  EXPECT_EQ(s["representative"], true);
  EXPECT_EQ(s["comment"], "key line");
  EXPECT_EQ(message(patch("/api/codings/" + std::to_string(id), Json{{"representative", "yes"}})),
            "'representative' must be true or false");

  EXPECT_EQ(patch("/api/codings/" + std::to_string(id), Json{{"start", 3}}).status, 400);
  EXPECT_EQ(message(patch("/api/codings/" + std::to_string(id), Json{{"start", 3}})),
            "give both 'start' and 'end', or neither");
  EXPECT_EQ(patch("/api/codings/4242", Json{{"important", false}}).status, 404);
}

TEST_F(EndpointsTest, RemovingACodingTwiceIsNotFoundTheSecondTime) {
  Id id = code(13, 39).json["coding"]["id"].get<Id>();
  EXPECT_EQ(del("/api/codings/" + std::to_string(id)).status, 200);
  EXPECT_EQ(del("/api/codings/" + std::to_string(id)).status, 404);
  EXPECT_TRUE(get("/api/segments").json["segments"].empty());
}

TEST_F(EndpointsTest, MemosAttachToCodings) {
  Id id = code(13, 39).json["coding"]["id"].get<Id>();
  auto a = post("/api/memos",
                Json{{"target", "coding"}, {"reference", std::to_string(id)}, {"text", "why"}});
  ASSERT_EQ(a.status, 200) << a.body;
  auto memos = get("/api/memos").json["memos"];
  ASSERT_EQ(memos.size(), 1u);
  EXPECT_EQ(memos[0]["text"], "why");
  EXPECT_EQ(post("/api/memos", Json{{"target", "shelf"}, {"text", "x"}}).status, 400);
}

TEST_F(EndpointsTest, TheCodebookIsBuiltThroughTheApi) {
  ASSERT_EQ(post("/api/codes", Json{{"path", "Barriers/Shame"}, {"colour", "#aa0000"}}).status,
            201);
  EXPECT_EQ(post("/api/codes", Json{{"path", "Barriers/Shame"}}).status, 409);
  auto moved = patch("/api/codes", Json{{"path", "Barriers/Shame"},
                                        {"parent", "Facilitators"},
                                        {"name", "Shame as teacher"},
                                        {"definition", "Shame that teaches"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json["events"].size(), 3u);
  auto codes = get("/api/codes").json["codes"];
  std::vector<std::string> paths;
  for (const auto& c : codes) paths.push_back(c["path"]);
  EXPECT_EQ(paths, (std::vector<std::string>{"Barriers", "Barriers/Time", "Facilitators",
                                             "Facilitators/Role models",
                                             "Facilitators/Shame as teacher"}));
  EXPECT_EQ(codes[4]["definition"], "Shame that teaches");

  ASSERT_EQ(code(13, 39, "Facilitators/Shame as teacher").status, 201);
  EXPECT_EQ(del("/api/codes?path=Facilitators/Shame%20as%20teacher").status, 409);
  auto merged = post("/api/codes/merge", Json{{"source", "Facilitators/Shame as teacher"},
                                              {"target", "Barriers/Time"}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(get("/api/segments?code=Barriers/Time").json["segments"].size(), 1u);
  EXPECT_EQ(del("/api/codes?path=Barriers&force=true").status, 200);
  EXPECT_EQ(get("/api/codes").json["codes"].size(), 2u);
}

TEST_F(EndpointsTest, ACodebookFileIsImportedByItsKind) {
  httplib::MultipartFormDataItems csv = {
      {"file", "path,definition\nEngagement/Attuned,Staying present\n", "codes.csv", "text/csv"}};
  auto a = answer(client_->Post("/api/codes/import", headers(), csv));
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["added"], 2);
  httplib::MultipartFormDataItems odd = {{"file", "x", "codes.txt", "text/plain"}};
  auto refused = answer(client_->Post("/api/codes/import", headers(), odd));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(message(refused),
            "'codes.txt' is not a codebook file: use a REFI-QDA codebook (.qdc) or a CSV "
            "codebook");
}

TEST_F(EndpointsTest, UploadedFilesGoThroughTheImporters) {
  httplib::MultipartFormDataItems files = {
      {"files", "Nurse 1: I stay with the patient.\nNurse 2: Me too.\n", "fg-nurses.txt",
       "text/plain"},
      {"files", "not a zip", "broken.docx", "application/octet-stream"}};
  auto a = answer(client_->Post("/api/documents?group=Nurses", headers(), files));
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(a.json["documents"].size(), 1u);
  EXPECT_EQ(a.json["documents"][0]["name"], "fg-nurses");
  EXPECT_EQ(a.json["documents"][0]["path"], "fg-nurses.txt");
  EXPECT_EQ(a.json["documents"][0]["turns"], 2);
  ASSERT_EQ(a.json["refused"].size(), 1u);
  EXPECT_EQ(a.json["refused"][0]["path"], "broken.docx");
  auto list = get("/api/documents").json;
  EXPECT_EQ(list["documents"][1]["groups"], Json::array({"Nurses"}));

  httplib::MultipartFormDataItems sneaky = {
      {"files", "Nurse 3: Hello.\n", "../../escape.txt", "text/plain"}};
  auto b = answer(client_->Post("/api/documents", headers(), sneaky));
  ASSERT_EQ(b.status, 201) << b.body;
  EXPECT_EQ(b.json["documents"][0]["name"], "escape");
}

TEST_F(EndpointsTest, DeletingADocumentLeavesAStalePageWithNotFound) {
  Id id = document_id();
  ASSERT_EQ(del("/api/documents/" + std::to_string(id)).status, 200);
  EXPECT_EQ(get("/api/documents/" + std::to_string(id)).status, 404);
  EXPECT_EQ(code(0, 4).status, 404);
}

TEST_F(EndpointsTest, RetrievalFiltersByCoderVariableAndOverlap) {
  ASSERT_EQ(code(13, 39).status, 201);                                     // alice, Time
  ASSERT_EQ(code(28, 39, "Facilitators/Role models").status, 201);         // alice, overlaps
  ASSERT_EQ(code(53, 64, "Facilitators/Role models", "bob").status, 201);  // Tutor B's turn
  ASSERT_TRUE(set_case_values(ctx(), "Student A", {{"group", "MS"}}));
  ASSERT_TRUE(set_case_values(ctx(), "Tutor B", {{"group", "SGA"}}));

  auto by_bob = get("/api/segments?coder=bob").json["segments"];
  ASSERT_EQ(by_bob.size(), 1u);
  EXPECT_EQ(by_bob[0]["text"], "model care.");
  EXPECT_EQ(by_bob[0]["speakers"], Json::array({"Tutor B"}));
  EXPECT_EQ(by_bob[0]["speaker_values"][0]["group"], "SGA");

  auto students = get("/api/segments?where=group%3DMS").json["segments"];
  EXPECT_EQ(students.size(), 2u);

  auto overlap =
      get("/api/segments?code=Barriers/Time&code=Facilitators/Role%20models&match=overlap")
          .json["segments"];
  ASSERT_EQ(overlap.size(), 2u);
  EXPECT_EQ(overlap[0]["text"], "there is never enough time");
  EXPECT_EQ(overlap[1]["text"], "enough time");
  auto any = get("/api/segments?code=Barriers/Time&code=Facilitators/Role%20models");
  EXPECT_EQ(any.json["segments"].size(), 3u);

  EXPECT_EQ(get("/api/segments?where=group").status, 400);
  EXPECT_EQ(get("/api/segments?context=lots").status, 400);
}

TEST_F(EndpointsTest, RetrievalExportsCsvWithSpeakersAndTheirValues) {
  ASSERT_EQ(code(13, 39).status, 201);
  ASSERT_TRUE(set_case_values(ctx(), "Student A", {{"group", "MS"}}));
  auto res = client_->Get("/api/segments?format=csv", headers());
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment; filename=\"segments.csv\"");
  EXPECT_EQ(res->body,
            "id,document,code,coder,start,end,speakers,speaker_values,text,comment,important,"
            "representative\n"
            "1,fg-ward,Barriers/Time,alice,13,39,Student A,group=MS,there is never enough "
            "time,,false,false\n");
}

TEST_F(EndpointsTest, SearchFindsAndCodesEveryHit) {
  auto hits = get("/api/search?q=time").json["hits"];
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["start"], 35);
  EXPECT_EQ(hits[0]["end"], 39);
  auto coded = post("/api/search/code", Json{{"query", "care"}, {"code", "Barriers/Time"}});
  ASSERT_EQ(coded.status, 200) << coded.body;
  EXPECT_EQ(coded.json["hits"], 1);
  EXPECT_EQ(coded.json["coded"], 1);
  EXPECT_EQ(get("/api/search").status, 400);
  EXPECT_EQ(get("/api/search?q=%22unclosed").status, 400);
}

TEST_F(EndpointsTest, ParticipantsAreEditedAndMapped) {
  auto set = put("/api/cases/values", Json{{"case", "Student A"}, {"values", {{"group", "MS"}}}});
  ASSERT_EQ(set.status, 200) << set.body;
  auto merged = post("/api/cases/merge", Json{{"source", "Tutor B"}, {"target", "Student A"}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  auto out = post("/api/cases/analysed", Json{{"case", "Student A"}, {"analysed", false}});
  ASSERT_EQ(out.status, 200) << out.body;
  auto cases = get("/api/cases").json;
  ASSERT_EQ(cases["cases"].size(), 1u);
  EXPECT_EQ(cases["cases"][0]["values"]["group"], "MS");
  EXPECT_EQ(cases["cases"][0]["analysed"], false);
  EXPECT_EQ(cases["variables"][0]["name"], "group");
  EXPECT_EQ(put("/api/cases/values", Json{{"case", "Student A"}, {"values", 3}}).status, 400);
}

TEST_F(EndpointsTest, HistoryListsChangesAndUndoRevertsTheLast) {
  ASSERT_EQ(code(13, 39).status, 201);
  auto undone = post("/api/undo", Json::object());
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_TRUE(get("/api/segments").json["segments"].empty());
  auto events = get("/api/history?limit=2").json["events"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["undoes"], events[1]["id"]);
}

TEST_F(EndpointsTest, CodersAreListedAndAdded) {
  ASSERT_EQ(post("/api/coders", Json{{"name", "carol"}}).status, 201);
  EXPECT_EQ(post("/api/coders", Json{{"name", "carol"}}).status, 409);
  auto coders = get("/api/coders").json["coders"];
  ASSERT_EQ(coders.size(), 1u);  // the codebook was made without coding: no coder yet
  EXPECT_EQ(coders[0]["name"], "carol");
}

TEST_F(EndpointsTest, AgreementDisagreementsAndReconciliation) {
  ASSERT_EQ(code(13, 39).status, 201);
  ASSERT_EQ(code(13, 39, "Barriers/Time", "bob").status, 201);
  ASSERT_EQ(code(53, 64, "Facilitators/Role models", "bob").status, 201);
  auto a = post("/api/agreement?coder=alice&coder=bob", Json::object());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["coders"], Json::array({"alice", "bob"}));
  EXPECT_EQ(a.json["unit"], "segment");
  EXPECT_EQ(a.json["run"], 1);
  EXPECT_NE(a.json["methods"].get<std::string>().find("Krippendorff"), std::string::npos);

  auto list = get("/api/agreement/disagreements?coder=alice&coder=bob").json;
  ASSERT_EQ(list["disagreements"].size(), 1u);
  EXPECT_EQ(list["disagreements"][0]["kind"], "missing");
  EXPECT_EQ(list["disagreements"][0]["text"], "model care.");

  auto decided = post("/api/reconcile", Json{{"coders", {"alice", "bob"}},
                                             {"item", 1},
                                             {"resolution", "take"},
                                             {"take", "bob"},
                                             {"memo", "a role model"}});
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(get("/api/segments?coder=consensus").json["segments"].size(), 1u);
  auto twice = post(
      "/api/reconcile",
      Json{{"coders", {"alice", "bob"}}, {"item", 1}, {"resolution", "take"}, {"take", "bob"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(post("/api/reconcile",
                 Json{{"coders", {"alice", "bob"}}, {"item", 1}, {"resolution", "flip"}})
                .status,
            400);
  EXPECT_EQ(post("/api/agreement?coder=alice", Json::object()).status, 400);
}

TEST_F(EndpointsTest, DocumentsAreAssignedToCoders) {
  auto a = post("/api/assignments", Json{{"coder", "bob"}, {"documents", {"fg-ward"}}});
  ASSERT_EQ(a.status, 200) << a.body;
  auto list = get("/api/assignments").json["assignments"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["coder"], "bob");
  EXPECT_EQ(post("/api/assignments", Json{{"coder", "bob"}, {"documents", {"nope"}}}).status, 404);
}

// A server given a pseudonymised project's key stops a report download while a document still
// names someone the key holds.
class GuardedServerTest : public ApiTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-ward", "Priya Raman: Dr Okonjo took me aside.");
    add("Role models");
    key_ = KeyAccess{dir_.file("study.key"), "a long passphrase", KeyStrength::kInteractive};
    ApplyRequest request;
    request.key = key_;
    auto applied = apply_pseudonyms(ctx(), request);
    ASSERT_TRUE(applied) << applied.error().message;
    import("later", "Okonjo rang again.");
    server::ServeOptions options;
    options.key = key_;
    start(options);
    log_in();
  }

  KeyAccess key_;
};

TEST_F(GuardedServerTest, AReportIsNotMadeWhileAnOriginalIsInTheProject) {
  Json report{{"kind", "themes"}, {"format", "csv"}, {"settings", {{"codes", {"Role models"}}}}};
  auto refused = post("/api/reports/render", report);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.json["error"]["message"],
            "nothing was exported: document 'later' at 0:6 holds 'Okonjo', an original of "
            "[Person A]. Pseudonymise it ('thematica pseudonymise apply') or correct it, then "
            "export again");
  ASSERT_TRUE(apply_pseudonyms(ctx(), ApplyRequest{{}, kDefaultApplyConfidence, "[]", key_}));
  auto made = post("/api/reports/render", report);
  EXPECT_EQ(made.status, 200) << made.body;
}

// The pseudonymisation review through the API: decisions, spans and pseudonyms change only the
// review, bad requests are refused whole, and applying needs the key.
class ReviewServerTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    import("fg", "Priya Raman: Dr Okonjo took me aside at Kingsmead General Hospital.");
    log_in();
  }
};

TEST_F(ReviewServerTest, DecisionsChangeTheReviewOnlyAndApplyingNeedsTheKey) {
  auto review = get("/api/pseudonymisation/review");
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(review.json["pending"], 3);
  EXPECT_EQ(review.json["can_apply"], false);
  const Json& okonjo = review.json["items"][1];
  EXPECT_EQ(okonjo["ref"], "1:16:22");
  EXPECT_EQ(okonjo["text"], "Okonjo");
  EXPECT_EQ(okonjo["pseudonym"], "[Person B]");

  auto bad = post("/api/pseudonymisation/review/decisions",
                  Json{{"verdict", "maybe"}, {"refs", {"1:16:22"}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json["error"]["message"],
            "'verdict' must be accept, reject or undecide, not 'maybe'");
  EXPECT_EQ(post("/api/pseudonymisation/review/decisions",
                 Json{{"verdict", "accept"}, {"pending", true}, {"min_confidence", 2}})
                .status,
            400);
  auto accepted = post("/api/pseudonymisation/review/decisions",
                       Json{{"verdict", "accept"}, {"refs", {"1:16:22"}}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json["changed"], 1);
  EXPECT_EQ(accepted.json["event"]["summary"], "pseudonymisation review: accepted 1 suggestion");

  // "Dr Okonjo" overlaps the accepted "Okonjo"; "Okon" cuts a word.
  auto across = post("/api/pseudonymisation/review/spans",
                     Json{{"document", "fg"}, {"start", 13}, {"end", 22}});
  EXPECT_EQ(across.status, 409) << across.body;
  auto cut = post("/api/pseudonymisation/review/spans",
                  Json{{"document", "fg"}, {"start", 16}, {"end", 20}});
  EXPECT_EQ(cut.status, 400) << cut.body;
  auto renamed = put("/api/pseudonymisation/review/pseudonyms",
                     Json{{"entity", "[Person B]"}, {"pseudonym", "[Consultant]"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(get("/api/pseudonymisation/review").json["items"][1]["pseudonym"], "[Consultant]");

  auto apply = post("/api/pseudonymisation/apply", Json::object());
  EXPECT_EQ(apply.status, 400);
  EXPECT_EQ(apply.json["error"]["message"],
            "applying writes the key file: start the workspace with 'thematica serve "
            "--key-file FILE --passphrase-file FILE'");
  EXPECT_EQ(*store_->document_text(1),
            "Priya Raman: Dr Okonjo took me aside at Kingsmead General Hospital.");
}

}  // namespace
}  // namespace thematica::testing
