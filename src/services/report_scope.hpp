#pragma once
// What the report services share: the themes a report covers (codes and their sub-codes), which
// group a speaker belongs to, and the groups of a case variable in the order tables show them.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/codebook.hpp"
#include "services/report_corpus.hpp"
#include "store/store.hpp"

namespace thematica {

// The group of a speaker with no value for the variable, and of a segment with no speaker.
constexpr std::string_view kUnknownGroup = "unknown";

struct ReportTheme {
  Id id = 0;
  int depth = 0;         // below the code named (0)
  std::set<Id> subtree;  // the code and everything below it
};

// The named codes and everything below them, each once, in the order named, depth first.
// Errors: kInvalidInput when no code is named; kNotFound for an unknown path.
Result<std::vector<ReportTheme>> report_themes(const Codebook& book,
                                               const std::vector<std::string>& paths);

// Each case's value of one variable: a speaker's group.
class GroupOf {
 public:
  GroupOf() = default;  // no variable: everyone is "unknown"
  // Errors: kIo from the store.
  static Result<GroupOf> load(Store& store, const Variable& variable);
  // The case's value, or "unknown" (also for 0, no speaker). Valid while this lives.
  std::string_view of(Id case_id) const;
  // The group of the coding's first speaker, whose turn it starts in.
  std::string_view of_coding(const ReportCorpus& corpus, const ReportCoding& c) const {
    return of(corpus.first_speaker(c));
  }

 private:
  std::unordered_map<Id, std::string> values_;
};

// Cases per value of the variable (values by name), and the cases with no value.
struct GroupSizes {
  std::map<std::string, std::int64_t> members;
  std::int64_t without_value = 0;
};
Result<GroupSizes> group_sizes(Store& store, const Variable& variable);

// Every value the variable has among the cases (so a group whose members coded nothing still
// shows), by name, then "unknown" when some coding's first speaker has no value.
std::vector<std::string> groups_in_order(const GroupSizes& sizes, const GroupOf& group_of,
                                         const ReportCorpus& corpus);

// The codings of each theme (the theme and its sub-themes), in the corpus's order.
std::vector<std::vector<const ReportCoding*>> codings_of_themes(
    const std::vector<ReportTheme>& themes, const ReportCorpus& corpus);

// Every code of the themes, for load_report_corpus.
std::vector<Id> theme_code_ids(const std::vector<ReportTheme>& themes);

}  // namespace thematica
