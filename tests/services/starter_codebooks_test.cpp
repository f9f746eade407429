#include "services/starter_codebooks.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "interop/qdc.hpp"
#include "services/codebook_service.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {
namespace {

using StarterCodebooksTest = ServiceTest;

void collect(const std::vector<QdcCode>& codes, const std::string& parent,
             std::vector<const QdcCode*>& all, std::vector<std::string>& paths) {
  for (const auto& c : codes) {
    all.push_back(&c);
    std::string path = parent.empty() ? c.name : parent + "/" + c.name;
    paths.push_back(path);
    collect(c.children, path, all, paths);
  }
}

TEST_F(StarterCodebooksTest, TheCatalogueListsFiveFrameworksWithTheirCodeCounts) {
  auto starters = starter_codebooks();
  ASSERT_TRUE(starters) << starters.error().message;
  std::vector<std::pair<std::string, int>> listed;
  for (const auto& s : *starters) {
    listed.emplace_back(s.name, s.codes);
    EXPECT_FALSE(s.title.empty());
    EXPECT_FALSE(s.summary.empty());
  }
  EXPECT_EQ(listed, (std::vector<std::pair<std::string, int>>{{"compassion-competencies", 22},
                                                              {"shame-and-guilt", 7},
                                                              {"sustaining-compassionate-care", 6},
                                                              {"engagement-states", 3},
                                                              {"facilitators-and-barriers", 13}}));
}

TEST_F(StarterCodebooksTest, EveryFileValidatesAgainstTheRefiQdaSchema) {
  std::string schema = std::string(THEMATICA_SHARED_DIR) + "/refi-qda/schema/Codebook.xsd";
  ASSERT_TRUE(std::filesystem::exists(schema)) << "the shared REFI-QDA schema is missing";
  auto starters = starter_codebooks();
  ASSERT_TRUE(starters);
  for (const auto& s : *starters) {
    std::string file = dir_.write(s.name + ".qdc", std::string(s.qdc));
    std::string command = fmt::format("xmllint --noout --schema '{}' '{}' 2>&1", schema, file);
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
}

// A starter codebook is only a start if every code says what it means and how to apply it, and
// colours tell its codes apart.
TEST_F(StarterCodebooksTest, EveryCodeIsDescribedInFullAndHasItsOwnColour) {
  auto starters = starter_codebooks();
  ASSERT_TRUE(starters);
  for (const auto& s : *starters) {
    auto project = create_project_file(dir_.file(s.name + ".thematica"));
    ASSERT_TRUE(project);
    auto imported = import_starter_codebook(ServiceContext{**project, "alice"}, s.name);
    ASSERT_TRUE(imported) << s.name << ": " << imported.error().message;
    EXPECT_EQ(imported->added, s.codes);
    auto codes = list_codes(**project);
    ASSERT_EQ(codes->size(), static_cast<std::size_t>(s.codes));
    std::set<std::string> colours;
    for (const auto& c : *codes) {
      const auto& d = c.code.description;
      EXPECT_FALSE(d.definition.empty()) << s.name << ": " << c.path;
      EXPECT_FALSE(d.when_to_use.empty()) << s.name << ": " << c.path;
      EXPECT_FALSE(d.when_not_to_use.empty()) << s.name << ": " << c.path;
      EXPECT_TRUE(d.example.starts_with('"')) << s.name << ": " << c.path << ": " << d.example;
      EXPECT_EQ(d.definition.find("When to use"), std::string::npos) << c.path;
      colours.insert(c.code.colour);
    }
    EXPECT_EQ(colours.size(), codes->size()) << s.name << ": codes share a colour";
  }
}

TEST_F(StarterCodebooksTest, FacilitatorsAndBarriersHasTheDemoStudysCodes) {
  auto starter = find_starter_codebook("facilitators-and-barriers");
  ASSERT_TRUE(starter);
  auto parsed = parse_qdc(starter->qdc);
  ASSERT_TRUE(parsed);
  std::vector<const QdcCode*> all;
  std::vector<std::string> paths;
  collect(parsed->codes, "", all, paths);
  EXPECT_EQ(paths,
            (std::vector<std::string>{
                "Defining compassion", "Defining compassion/More than empathy",
                "Defining compassion/Felt in the body", "Defining compassion/Can be cultivated",
                "Facilitators", "Facilitators/Self-care", "Facilitators/Life experiences",
                "Facilitators/Role models", "Barriers", "Barriers/Time constraints",
                "Barriers/Training culture and pedagogy", "Barriers/Burnout and futility",
                "Barriers/Disrespect and incivility"}));
}

TEST_F(StarterCodebooksTest, GuidsAreUniqueAcrossTheStarters) {
  std::set<std::string> guids;
  std::size_t codes = 0;
  auto starters = starter_codebooks();
  ASSERT_TRUE(starters);
  for (const auto& s : *starters) {
    auto parsed = parse_qdc(s.qdc);
    std::vector<const QdcCode*> all;
    std::vector<std::string> paths;
    collect(parsed->codes, "", all, paths);
    for (const auto* c : all) guids.insert(c->guid);
    codes += all.size();
  }
  EXPECT_EQ(guids.size(), codes);
}

TEST_F(StarterCodebooksTest, ImportingTwiceAddsNothingAndAnUnknownNameListsTheNames) {
  auto first = import_starter_codebook(ctx(), "compassion-competencies");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->added, 22);
  EXPECT_EQ(first->sets_added, 1);
  auto again = import_starter_codebook(ctx(), "compassion-competencies");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->matched, 22);
  std::int64_t before = event_count();
  auto unknown = import_starter_codebook(ctx(), "compassion");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(unknown.error().message,
            "no starter codebook 'compassion'; there are: compassion-competencies, "
            "shame-and-guilt, sustaining-compassionate-care, engagement-states, "
            "facilitators-and-barriers");
  EXPECT_EQ(event_count(), before);
}

}  // namespace
}  // namespace thematica::testing
