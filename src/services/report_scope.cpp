#include "services/report_scope.hpp"

#include <unordered_map>
#include <unordered_set>

#include "services/lookup.hpp"

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

Result<std::vector<Id>> require_coders(Store& store, const std::vector<std::string>& names) {
  std::vector<Id> out;
  out.reserve(names.size());
  for (const auto& name : names) {
    TRY(coder, require_coder(store, name));
    out.push_back(coder.id);
  }
  return out;
}

std::vector<Id> theme_code_ids(const std::vector<ReportTheme>& themes) {
  std::vector<Id> out;
  out.reserve(themes.size());
  for (const auto& theme : themes) out.push_back(theme.id);
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

Result<Groups> Groups::load(Store& store, const Variable& variable, const ReportCorpus& corpus) {
  TRY(values, store.case_values());
  // A speaker left out of analysis (an interviewer) is no participant of their group, so a group
  // of interviewers only is no column and counts no one.
  std::unordered_set<Id> left_out;
  for (std::size_t i = 0; i < corpus.case_ids.size(); ++i) {
    if (!corpus.case_analysed[i]) left_out.insert(corpus.case_ids[i]);
  }
  std::unordered_map<Id, std::string> value_of_case;
  Groups out;
  for (auto& v : values) {
    if (v.variable_id != variable.id || v.value.empty() || left_out.contains(v.case_id)) continue;
    ++out.members_[v.value];
    value_of_case[v.case_id] = std::move(v.value);
  }
  out.without_value_ =
      static_cast<std::int64_t>(corpus.case_ids.size() - left_out.size() - value_of_case.size());
  std::map<std::string, std::uint32_t> index;
  for (const auto& [name, count] : out.members_) {
    index[name] = static_cast<std::uint32_t>(out.names_.size());
    out.names_.push_back(name);
  }
  out.unknown_ = static_cast<std::uint32_t>(out.names_.size());
  out.of_speaker_.reserve(corpus.case_ids.size());
  for (Id case_id : corpus.case_ids) {
    auto value = value_of_case.find(case_id);
    out.of_speaker_.push_back(value == value_of_case.end() ? out.unknown_
                                                           : index.at(value->second));
  }
  bool unknown = false;
  for (const auto& c : corpus.codings) {
    if (out.of_coding(corpus, c) == out.unknown_) {
      unknown = true;
      break;
    }
  }
  if (unknown) out.names_.emplace_back(kUnknownGroup);
  return out;
}

}  // namespace thematica
