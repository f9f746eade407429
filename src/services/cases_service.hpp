#pragma once
// Use cases on cases (participants and other units of analysis) and their typed variables.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

// Sets variable values on a case, creating the case and any new variable (typed from its first
// value: number, date, boolean, else text). An empty value clears it. Errors: kInvalidInput for a
// value the variable's type rejects.
Result<Event> set_case_values(const ServiceContext& ctx, const std::string& case_name,
                              const std::vector<std::pair<std::string, std::string>>& values);
// Errors: kConflict when the variable exists; kInvalidInput for a category variable without
// categories or a bad type.
Result<Event> add_variable(const ServiceContext& ctx, const std::string& name, VariableType type,
                           const std::vector<std::string>& categories);
// Links a case to a whole document, or to a range of it. Creates the case if it is new.
Result<Event> link_case(const ServiceContext& ctx, const std::string& case_name,
                        const std::string& document, const std::optional<Range>& range);
Result<Event> delete_case(const ServiceContext& ctx, const std::string& case_name);
// Errors: kNotFound; kConflict when the new name is taken.
Result<Event> rename_case(const ServiceContext& ctx, const std::string& case_name,
                          const std::string& new_name);
// Merges `source` into `target` (e.g. two spellings of one speaker): its transcript turns,
// document links, speaker labels and the variable values `target` lacks move to `target`, and
// `source` is deleted. Errors: kNotFound; kInvalidInput when both name the same case.
Result<Event> merge_cases(const ServiceContext& ctx, const std::string& source,
                          const std::string& target);

// Leaves a speaker (an interviewer, a moderator) out of analysis, or takes them back in: codings
// inside their turns are then not retrieved by segments or counted by frequencies unless asked
// for. Errors: kNotFound.
Result<Event> set_case_analysed(const ServiceContext& ctx, const std::string& case_name,
                                bool analysed);
// Splits a case that stands for two people: its turns and links in `documents` move to a new case
// `new_name` (e.g. two participants both called "Jane" in different sessions). Its variable
// values and speaker labels stay. Errors: kNotFound; kConflict when `new_name` is taken.
Result<Event> split_case(const ServiceContext& ctx, const std::string& case_name,
                         const std::vector<std::string>& documents, const std::string& new_name);

struct CaseSummary {
  Case kase;
  std::vector<std::pair<std::string, std::string>> values;  // variable name, value; by name
  struct Link {
    std::string document;
    std::optional<Range> range;
  };
  std::vector<Link> links;
};
Result<std::vector<CaseSummary>> list_cases(Store& store);
Result<std::vector<Variable>> list_variables(Store& store);

}  // namespace thematica
