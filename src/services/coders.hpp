#pragma once
// Use cases on coders. Coders are also created on first use by coding and memo commands.

#include <string>
#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

// Errors: kConflict when the coder exists; kInvalidInput for an empty name.
Result<Event> add_coder(const ServiceContext& ctx, const std::string& name);

struct CoderSummary {
  Coder coder;
  std::int64_t codings = 0;
};
Result<std::vector<CoderSummary>> list_coders(Store& store);

}  // namespace thematica
