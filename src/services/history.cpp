#include "services/history.hpp"

namespace thematica {

Result<std::vector<Event>> change_log(Store& store, std::int64_t limit) {
  return store.events(limit);
}

Result<Event> undo_last_change(const ServiceContext& ctx) { return ctx.store.undo_last(ctx.actor); }

}  // namespace thematica
