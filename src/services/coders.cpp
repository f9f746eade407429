#include "services/coders.hpp"

#include <map>

namespace thematica {

Result<Event> add_coder(const ServiceContext& ctx, const std::string& name) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a coder name cannot be empty");
  return ctx.store.change("coder.add", ctx.actor, [&]() -> Result<std::string> {
    TRY_STATUS(ctx.store.insert_coder(name));
    return fmt::format("added coder '{}'", name);
  });
}

Result<std::vector<CoderSummary>> list_coders(Store& store) {
  TRY(coders, store.coders());
  TRY(freq, store.frequencies(FrequencyAxis::kCoder, false));
  std::map<Id, std::int64_t> counts;
  for (const auto& cell : freq) counts[cell.other_id] += cell.count;
  std::vector<CoderSummary> out;
  for (auto& c : coders) out.push_back(CoderSummary{c, counts[c.id]});
  return out;
}

}  // namespace thematica
