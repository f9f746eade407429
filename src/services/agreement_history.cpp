#include "services/agreement_history.hpp"

#include <fmt/format.h>

#include "services/json_codec.hpp"

namespace thematica {

Result<Id> record_agreement(const ServiceContext& ctx, const ProjectAgreement& agreement) {
  AgreementRun run;
  run.actor = ctx.actor;
  run.unit = agreement_unit_name(agreement.options.unit);
  run.coders = agreement.coders;
  run.documents = static_cast<std::int64_t>(agreement.documents.size());
  run.codes = static_cast<std::int64_t>(agreement.codes.size());
  run.pooled = agreement.pooled.alpha.value;
  run.report = Json(agreement).dump();
  Id id = 0;
  TRY_STATUS(ctx.store
                 .change("agreement.record", ctx.actor,
                         [&]() -> Result<std::string> {
                           TRY(made, ctx.store.insert_agreement_run(run));
                           id = made;
                           return fmt::format("agreement of {} at the {} unit recorded as run {}",
                                              fmt::join(run.coders, ", "), run.unit, id);
                         })
                 .map([](const Event&) {}));
  return id;
}

Result<std::vector<AgreementHistoryEntry>> agreement_history(Store& store) {
  TRY(runs, store.agreement_runs());
  TRY(decisions, store.decisions());
  std::vector<AgreementHistoryEntry> out;
  for (auto& run : runs) {
    AgreementHistoryEntry entry{std::move(run), 0};
    // Times are ISO 8601 UTC with milliseconds, so they order as strings do.
    for (const auto& d : decisions) entry.decisions_before += d.time < entry.run.time ? 1 : 0;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace thematica
