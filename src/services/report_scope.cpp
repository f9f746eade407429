#include "services/report_scope.hpp"

#include <algorithm>

namespace thematica {

Result<std::vector<ReportTheme>> report_themes(const Codebook& book,
                                               const std::vector<std::string>& paths) {
  if (paths.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "name the themes to report: --codes PATH (a branch brings its sub-codes)");
  }
  std::vector<ReportTheme> out;
  std::set<Id> seen;
  for (const auto& path : paths) {
    TRY(code, book.resolve(path));
    int top = book.depth_of(code->id);
    for (Id id : book.subtree(code->id)) {
      if (!seen.insert(id).second) continue;
      auto below = book.subtree(id);
      out.push_back({id, book.depth_of(id) - top, std::set<Id>(below.begin(), below.end())});
    }
  }
  return out;
}

Result<GroupOf> GroupOf::load(Store& store, const Variable& variable) {
  TRY(values, store.case_values());
  GroupOf out;
  for (auto& v : values) {
    if (v.variable_id == variable.id && !v.value.empty()) out.values_[v.case_id] = v.value;
  }
  return out;
}

std::string_view GroupOf::of(Id case_id) const {
  auto found = values_.find(case_id);
  return found == values_.end() ? kUnknownGroup : std::string_view(found->second);
}

Result<GroupSizes> group_sizes(Store& store, const Variable& variable) {
  TRY(values, store.case_values());
  TRY(cases, store.cases());
  GroupSizes out;
  std::set<Id> with_value;
  for (const auto& v : values) {
    if (v.variable_id != variable.id || v.value.empty()) continue;
    ++out.members[v.value];
    with_value.insert(v.case_id);
  }
  out.without_value = static_cast<std::int64_t>(cases.size() - with_value.size());
  return out;
}

std::vector<std::string> groups_in_order(const GroupSizes& sizes, const GroupOf& group_of,
                                         const ReportCorpus& corpus) {
  std::vector<std::string> out;
  out.reserve(sizes.members.size() + 1);
  for (const auto& entry : sizes.members) out.push_back(entry.first);
  bool unknown = std::any_of(corpus.codings.begin(), corpus.codings.end(), [&](const auto& c) {
    return group_of.of_coding(corpus, c) == kUnknownGroup;
  });
  if (unknown) out.emplace_back(kUnknownGroup);
  return out;
}

std::vector<std::vector<const ReportCoding*>> codings_of_themes(
    const std::vector<ReportTheme>& themes, const ReportCorpus& corpus) {
  std::unordered_map<Id, std::vector<std::size_t>> themes_of_code;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    for (Id id : themes[t].subtree) themes_of_code[id].push_back(t);
  }
  std::vector<std::vector<const ReportCoding*>> out(themes.size());
  for (const auto& c : corpus.codings) {
    auto found = themes_of_code.find(c.code_id);
    if (found == themes_of_code.end()) continue;
    for (std::size_t t : found->second) out[t].push_back(&c);
  }
  return out;
}

std::vector<Id> theme_code_ids(const std::vector<ReportTheme>& themes) {
  std::vector<Id> out;
  for (const auto& theme : themes) out.push_back(theme.id);
  return out;
}

}  // namespace thematica
