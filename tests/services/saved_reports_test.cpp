#include "services/saved_reports.hpp"

#include "services/focus_groups_fixture.hpp"
#include "services/history.hpp"

namespace thematica::testing {
namespace {

class SavedReportsTest : public FocusGroupsTest {
 protected:
  static ReportRequest themes_by_role(const std::string& format) {
    ReportRequest request;
    request.kind = "themes";
    request.format = format;
    request.themes.codes = {"Barriers"};
    request.themes.group_by = "role";
    request.themes.quotes = 2;
    request.themes.speaker_ids = true;
    request.themes.labels = {{"MS", "medical student"}};
    return request;
  }
};

TEST_F(SavedReportsTest, SettingsRoundTripThroughTheirJson) {
  ReportRequest request = themes_by_role("docx");
  Json json = report_request_json(request);
  EXPECT_EQ(
      json.dump(),
      R"({"kind":"themes","format":"docx","settings":{"codes":["Barriers"],"group_by":"role",)"
      R"("tag":"","quotes":2,"speaker_ids":true,"without_fillers":false,"max_words":0,)"
      R"("coders":[],"labels":[["MS","medical student"]]}})");
  auto back = report_request_from_json(json);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(report_request_json(*back), json);

  ReportRequest matrix;
  matrix.kind = "matrix";
  matrix.matrix = {{"Facilitators"}, "document", report::MatrixCount::kSegments, {"alice"}};
  EXPECT_EQ(report_request_json(matrix).dump(),
            R"({"kind":"matrix","format":"csv","settings":{"codes":["Facilitators"],)"
            R"("by":"document","count":"segments","coders":["alice"]}})");
  EXPECT_EQ(report_request_json(*report_request_from_json(report_request_json(matrix))).dump(),
            report_request_json(matrix).dump());
}

TEST_F(SavedReportsTest, BadRequestsAreRefusedNamingTheField) {
  auto message = [](const char* text) {
    auto parsed = report_request_from_json(Json::parse(text));
    return parsed ? std::string("accepted") : parsed.error().message;
  };
  EXPECT_EQ(message(R"({"kind":"pie"})"),
            "'kind' must be themes, matrix or cooccurrence, not 'pie'");
  EXPECT_EQ(message(R"({"kind":"themes","format":"pdf"})"),
            "'format' must be csv, docx, xlsx or html, not 'pdf'");
  EXPECT_EQ(message(R"({"kind":"themes","settings":{"quotes":"three"}})"),
            "report setting 'quotes' has the wrong type");
  EXPECT_EQ(message(R"({"kind":"themes","settings":{"group-by":"role"}})"),
            "unknown report setting 'group-by' (known: codes, group_by, tag, quotes, speaker_ids, "
            "without_fillers, max_words, coders, labels)");
  EXPECT_EQ(message(R"({"kind":"matrix","settings":{"count":"people"}})"),
            "'count' must be participants, segments or documents, not 'people'");
  EXPECT_EQ(message(R"({"kind":"themes","settings":{"labels":[["MS"]]}})"),
            "each of 'labels' is [value, spelled-out form], e.g. [\"MS\", \"medical student\"]");
}

TEST_F(SavedReportsTest, SavedSettingsRunAgainToTheSameBytesInAnyFormat) {
  auto first = render_report(*store_, themes_by_role("docx"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->extension, ".docx");
  EXPECT_EQ(first->content_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(first->bytes.substr(0, 2), "PK");
  EXPECT_EQ(first->tables, 4u);  // FAC, MS, SGA and unknown
  EXPECT_EQ(first->quotes, 2u);  // Ben's (one per turn) and Dev's, both of Time

  auto saved = save_report(ctx(), "Barriers by role", themes_by_role("docx"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->summary, "saved the report settings 'Barriers by role'");
  auto again = saved_report(*store_, "Barriers by role");
  ASSERT_TRUE(again);
  auto second = render_report(*store_, *again);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->bytes, first->bytes);

  // Saving under the same name replaces; another format runs from the same settings.
  ASSERT_TRUE(save_report(ctx(), "Barriers by role", themes_by_role("xlsx")));
  auto list = saved_reports(*store_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].request.format, "xlsx");
  auto html = render_report(*store_, themes_by_role("html"));
  ASSERT_TRUE(html);
  EXPECT_NE(
      html->bytes.find("<strong>Table 2. </strong>Themes and representative quotes: role: MS"),
      std::string::npos);
  EXPECT_EQ(html->content_type, "text/html; charset=utf-8");
}

TEST_F(SavedReportsTest, NamesThatDoNotExistAreRefusedAndNothingIsSaved) {
  ReportRequest bad = themes_by_role("docx");
  bad.themes.group_by = "year";
  auto saved = save_report(ctx(), "By year", bad);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().kind, ErrorKind::kNotFound);
  ReportRequest no_by;
  no_by.kind = "matrix";
  no_by.matrix.codes = {"Barriers"};
  EXPECT_EQ(save_report(ctx(), "matrix", no_by).error().message,
            "a matrix needs 'by': a case variable or 'document'");
  EXPECT_FALSE(save_report(ctx(), "", themes_by_role("docx")));
  EXPECT_TRUE(saved_reports(*store_)->empty());

  auto missing = saved_report(*store_, "Nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "no saved report 'Nope': this project has none yet (save one with --save NAME)");
  ASSERT_TRUE(save_report(ctx(), "Mine", themes_by_role("docx")));
  EXPECT_EQ(delete_saved_report(ctx(), "Nope").error().message,
            "no saved report 'Nope'; saved: Mine");
}

TEST_F(SavedReportsTest, SavingAndDeletingAreChangesThatCanBeUndone) {
  ASSERT_TRUE(save_report(ctx(), "Mine", themes_by_role("docx")));
  auto deleted = delete_saved_report(ctx(), "Mine");
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->summary, "deleted the saved report 'Mine'");
  EXPECT_TRUE(saved_reports(*store_)->empty());
  ASSERT_TRUE(undo_last_change(ctx()));
  ASSERT_EQ(saved_reports(*store_)->size(), 1u);
  EXPECT_EQ(saved_report(*store_, "Mine")->themes.labels.size(), 1u);
}

}  // namespace
}  // namespace thematica::testing
