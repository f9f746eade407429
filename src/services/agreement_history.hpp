#pragma once
// The history of agreement figures: every `thematica agree` is recorded with its whole result, so
// that figures from before reconciliation (or before a codebook change) can be reported honestly.

#include <vector>

#include "services/context.hpp"
#include "services/project_agreement.hpp"

namespace thematica {

// Records `agreement` (one change, kept in the history when later changes are undone). Returns
// the run's id.
Result<Id> record_agreement(const ServiceContext& ctx, const ProjectAgreement& agreement);

struct AgreementHistoryEntry {
  AgreementRun run;
  std::size_t decisions_before = 0;  // reconciliation decisions made before this run
};

// Oldest first.
Result<std::vector<AgreementHistoryEntry>> agreement_history(Store& store);

}  // namespace thematica
