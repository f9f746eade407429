#pragma once
// Sets of codes: named selections of codes from anywhere in the tree ("Emotions"), as REFI-QDA
// codebooks carry them between programs.

#include <string>
#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

struct CodeSetSummary {
  CodeSet set;
  std::vector<std::string> paths;  // the members' code paths, in tree order
};

Result<std::vector<CodeSetSummary>> list_code_sets(Store& store);

// Adds codes to the set `name`, creating the set if it is new. Errors: kInvalidInput for an empty
// name or no codes; kNotFound for a code path.
Result<Event> add_to_code_set(const ServiceContext& ctx, const std::string& name,
                              const std::vector<std::string>& paths);

}  // namespace thematica
