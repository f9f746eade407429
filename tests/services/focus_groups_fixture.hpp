#pragma once
// Two small focus groups for the report tests: students (Aisha and Ben, role MS, with a moderator
// whose role is FAC) and advisors (Carla, SGA, and Dev, who has no role), coded with facilitators
// and a barrier. Ben's two codings of Time are in one turn.

#include "services/cases_service.hpp"
#include "services/service_fixture.hpp"

namespace thematica::testing {

class FocusGroupsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    import("fg-students",
           "Moderator: What helps you stay compassionate?\n"
           "Aisha: Um, when a tutor, er, notices you are struggling, you feel seen.\n"
           "Ben: Time. We never have time on placement, so kindness gets rushed.\n"
           "Aisha: Role models on the ward show you how to stay kind.\n");
    import("fg-advisors",
           "Carla: I watch students lose their warmth in the third year.\n"
           "Dev: Nobody has time to notice them.\n");
    add("Facilitators/Being noticed");
    add("Facilitators/Role models");
    add("Barriers/Time");
    ASSERT_TRUE(set_case_values(ctx(), "Aisha", {{"role", "MS"}}));
    ASSERT_TRUE(set_case_values(ctx(), "Ben", {{"role", "MS"}}));
    ASSERT_TRUE(set_case_values(ctx(), "Carla", {{"role", "SGA"}}));
    ASSERT_TRUE(set_case_values(ctx(), "Moderator", {{"role", "FAC"}}));
    ASSERT_TRUE(code_quote("fg-students", "Facilitators/Being noticed",
                           "Um, when a tutor, er, notices you are struggling, you feel seen."));
    ASSERT_TRUE(code_quote("fg-students", "Facilitators/Role models",
                           "Role models on the ward show you how to stay kind."));
    ASSERT_TRUE(code_quote("fg-students", "Barriers/Time", "We never have time on placement"));
    ASSERT_TRUE(code_quote("fg-students", "Barriers/Time", "so kindness gets rushed"));
    ASSERT_TRUE(code_quote("fg-advisors", "Barriers/Time", "Nobody has time to notice them."));
  }
};

}  // namespace thematica::testing
