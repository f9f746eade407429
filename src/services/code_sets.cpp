#include "services/code_sets.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {

Result<std::vector<CodeSetSummary>> list_code_sets(Store& store) {
  TRY(book, load_codebook(store));
  TRY(sets, store.code_sets());
  std::vector<const Code*> order = book.in_tree_order();
  std::vector<CodeSetSummary> out;
  for (auto& set : sets) {
    CodeSetSummary summary{std::move(set), {}};
    for (const Code* code : order) {
      const auto& members = summary.set.code_ids;
      if (std::find(members.begin(), members.end(), code->id) != members.end()) {
        summary.paths.push_back(book.path_of(code->id));
      }
    }
    out.push_back(std::move(summary));
  }
  return out;
}

Result<Event> add_to_code_set(const ServiceContext& ctx, const std::string& name,
                              const std::vector<std::string>& paths) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a code set needs a name");
  if (paths.empty()) return fail(ErrorKind::kInvalidInput, "name at least one code to add");
  return ctx.store.change("codeset.add", ctx.actor, [&]() -> Result<std::string> {
    TRY(book, load_codebook(ctx.store));
    std::vector<Id> ids;
    for (const auto& path : paths) {
      TRY(code, book.resolve(path));
      ids.push_back(code->id);
    }
    TRY(sets, ctx.store.code_sets());
    auto found = std::find_if(sets.begin(), sets.end(),
                              [&](const CodeSet& s) { return iequals_ascii(s.name, name); });
    if (found == sets.end()) {
      TRY_STATUS(ctx.store.insert_code_set(CodeSet{0, {}, name, {}, ids}));
    } else {
      TRY_STATUS(ctx.store.add_to_code_set(found->id, ids));
    }
    return fmt::format("added {} to code set '{}'",
                       count_of(static_cast<std::int64_t>(ids.size()), "code"), name);
  });
}

}  // namespace thematica
