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
#include "services/retrieval.hpp"
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

// The value of `variable` for the segment's `speaker`-th speaker (default: the first, whose turn
// the segment starts in), or "unknown". A view into the segment, valid while it lives.
std::string_view speaker_group(const Segment& s, std::string_view variable,
                               std::size_t speaker = 0);

// Cases per value of the variable (values by name), and the cases with no value.
struct GroupSizes {
  std::map<std::string, std::int64_t> members;
  std::int64_t without_value = 0;
};
Result<GroupSizes> group_sizes(Store& store, const Variable& variable);

// Every value the variable has among the cases (so a group whose members coded nothing still
// shows), by name, then "unknown" when some segment's speaker has no value.
std::vector<std::string> groups_in_order(const GroupSizes& sizes, const std::string& variable,
                                         const std::vector<Segment>& segments);

// The segments of each theme (the theme and its sub-themes), in the segments' order.
std::vector<std::vector<const Segment*>> segments_of_themes(const std::vector<ReportTheme>& themes,
                                                            const std::vector<Segment>& segments);

}  // namespace thematica
