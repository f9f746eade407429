#pragma once
// Use cases on memos: notes on the project, a document, a code or a coding.

#include <optional>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "services/context.hpp"

namespace thematica {

struct MemoRequest {
  MemoTarget target = MemoTarget::kProject;
  std::string reference;  // document name, code path or coding id (as text); empty for project
  std::string text;
  std::string coder;
};

// Errors: kNotFound for an unknown target; kInvalidInput for an empty text.
Result<Event> add_memo(const ServiceContext& ctx, const MemoRequest& request);
Result<Event> delete_memo(const ServiceContext& ctx, Id memo_id);

struct MemoSummary {
  Memo memo;
  std::string target;  // what it is attached to, as a user names it ("" for the project)
  std::string coder;
};
Result<std::vector<MemoSummary>> list_memos(Store& store);

}  // namespace thematica
