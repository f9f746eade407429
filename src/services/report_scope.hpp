#pragma once
// What the report services share: the themes a report covers (codes and their sub-codes), and the
// groups of a case variable: which group each speaker is in and the order tables show them.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.hpp"
#include "services/report_corpus.hpp"
#include "store/store.hpp"

namespace thematica {

// The group of a speaker with no value for the variable, and of a coding with no speaker.
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

// The ids of the named coders. Errors: kNotFound for an unknown coder.
Result<std::vector<Id>> require_coders(Store& store, const std::vector<std::string>& names);

// Every code of the themes, for load_report_corpus.
std::vector<Id> theme_code_ids(const std::vector<ReportTheme>& themes);

// The codings of each theme (the theme and its sub-themes), in the corpus's order.
std::vector<std::vector<const ReportCoding*>> codings_of_themes(
    const std::vector<ReportTheme>& themes, const ReportCorpus& corpus);

// The groups of one case variable over a report's corpus.
class Groups {
 public:
  Groups() = default;  // no variable: no groups, every speaker "unknown"
  // Errors: kIo from the store.
  static Result<Groups> load(Store& store, const Variable& variable, const ReportCorpus& corpus);

  // Every value the variable has among the cases (so a group whose members coded nothing still
  // shows), by name, then "unknown" when some coding's first speaker has no value.
  const std::vector<std::string>& names() const { return names_; }
  // Cases per value (by name), and the cases with no value.
  const std::map<std::string, std::int64_t>& members() const { return members_; }
  std::int64_t without_value() const { return without_value_; }

  // A speaker's group as an index into names(); names().size() when the speaker has no value and
  // no coding starts with such a speaker (so "unknown" is not a column).
  std::uint32_t of_speaker(std::uint32_t speaker) const {
    return speaker < of_speaker_.size() ? of_speaker_[speaker] : unknown_;
  }
  std::uint32_t of_coding(const ReportCorpus& corpus, const ReportCoding& c) const {
    return of_speaker(corpus.first_speaker(c));
  }
  // The speaker's value, or "unknown".
  std::string_view name_of_speaker(std::uint32_t speaker) const {
    std::uint32_t group = of_speaker(speaker);
    return group < names_.size() ? std::string_view(names_[group]) : kUnknownGroup;
  }

 private:
  std::vector<std::string> names_;
  std::map<std::string, std::int64_t> members_;
  std::int64_t without_value_ = 0;
  std::vector<std::uint32_t> of_speaker_;  // by speaker index
  std::uint32_t unknown_ = 0;
};

}  // namespace thematica
