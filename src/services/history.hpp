#pragma once
// The change log and undo.

#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

// The newest `limit` events, newest first.
Result<std::vector<Event>> change_log(Store& store, std::int64_t limit);
// Undoes the newest change that can be undone. Errors: kNotFound when there is none; kConflict.
Result<Event> undo_last_change(const ServiceContext& ctx);

}  // namespace thematica
