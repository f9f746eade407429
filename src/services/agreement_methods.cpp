// The methods paragraph of an agreement report: what was computed, in words a paper can adapt.

#include <algorithm>

#include <fmt/format.h>

#include "services/project_agreement.hpp"

namespace thematica {
namespace {

std::string list_names(const std::vector<std::string>& names) {
  if (names.size() <= 1) return names.empty() ? "" : names.front();
  return fmt::format("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
}

std::string codes_phrase(std::size_t codes) {
  return codes == 1 ? "For the one code" : fmt::format("For each of the {} codes", codes);
}

std::string describe_exclusions(const ProjectAgreement& a) {
  if (a.excluded.empty()) return "";
  bool uncoded = false, without_turns = false;
  for (const auto& e : a.excluded) {
    (e.reason == kCodedByNone || e.reason.starts_with("not coded") ? uncoded : without_turns) =
        true;
  }
  std::vector<std::string> reasons;
  if (uncoded) reasons.emplace_back("not coded by every coder");
  if (without_turns) reasons.emplace_back("without speaker turns");
  return fmt::format(" ({} further {} left out: {})", a.excluded.size(),
                     a.excluded.size() == 1 ? "document was" : "documents were",
                     fmt::join(reasons, "; "));
}

std::string describe_unit(const ProjectAgreement& a) {
  switch (a.options.unit) {
    case AgreementUnit::kDocument:
      return "the document: for each code, whether each coder applied it anywhere in the "
             "document";
    case AgreementUnit::kTurn:
      return fmt::format(
          "the speaker turn: for each code, whether each coder applied it to any part of the "
          "turn{}",
          a.turns_left_out == 0
              ? ""
              : fmt::format(" ({} turns of speakers left out of analysis were not compared)",
                            a.turns_left_out));
    case AgreementUnit::kSegment:
      return fmt::format(
          "the coded passage: codings by the coders were taken as one passage when the characters "
          "they shared were at least {:g}% of the characters either covered, and for each code "
          "we recorded whether each coder applied it to the passage",
          a.options.scope.min_overlap * 100);
    case AgreementUnit::kCharacter:
      break;
  }
  return "the character: the coders' codings were compared position by position over the full "
         "text of the documents, uncoded text included";
}

std::string describe_coefficient(const ProjectAgreement& a) {
  if (a.options.unit == AgreementUnit::kCharacter) {
    return fmt::format(
        "{}, Krippendorff's unitizing alpha (u-alpha; Krippendorff 2013) "
        "compared the text each coder assigned to the code (overlapping codings of one coder "
        "merged) with the text they left out; the pooled figure is the same coefficient for text "
        "coded with any of the codes versus text left uncoded. No confidence interval is "
        "reported, as no bootstrap has been established for u-alpha.",
        codes_phrase(a.codes.size()));
  }
  std::string interval = "No confidence interval was computed.";
  if (a.options.bootstrap) {
    const auto& b = *a.options.bootstrap;
    interval = fmt::format(
        "{:g}% confidence intervals were obtained with Krippendorff's bootstrap ({} samples, "
        "seed {}).",
        b.level * 100, b.samples, b.seed);
  }
  return fmt::format(
      "{}, Krippendorff's alpha for nominal data (code applied or not) was "
      "computed over these units, and pooled over all codes. {}",
      codes_phrase(a.codes.size()), interval);
}

std::string describe_result(const ProjectAgreement& a) {
  const auto& p = a.pooled;
  const char* name = a.options.unit == AgreementUnit::kCharacter ? "u-alpha" : "alpha";
  if (!p.alpha.value) {
    return fmt::format("The pooled {} is undefined: {}.", name, p.alpha.why_undefined);
  }
  std::string out = fmt::format("The pooled {} was {:.3f}", name, *p.alpha.value);
  if (p.interval) {
    out += fmt::format(" ({:g}% CI {:.3f} to {:.3f})", p.interval->options.level * 100,
                       p.interval->low, p.interval->high);
  }
  std::size_t reliable = 0, tentative = 0, defined = 0;
  for (const auto& row : a.codes) {
    if (!row.alpha.value) continue;
    ++defined;
    reliable += *row.alpha.value >= 0.8 ? 1 : 0;
    tentative += *row.alpha.value >= 0.667 && *row.alpha.value < 0.8 ? 1 : 0;
  }
  if (a.codes.size() < 2) return out + ".";
  return out + fmt::format(
                   "; {} of the {} codes with a defined value reached .800 and {} lay between "
                   ".667 and .800, the thresholds of Krippendorff (2004, p. 241).",
                   reliable, defined, tentative);
}

}  // namespace

std::string methods_paragraph(const ProjectAgreement& a) {
  return fmt::format(
      "Agreement between {} coders ({}) was assessed on {} {}{}. The unit of analysis was {}. {} "
      "{} Computed with Thematica.",
      a.coders.size(), list_names(a.coders), a.documents.size(),
      a.documents.size() == 1 ? "document" : "documents", describe_exclusions(a), describe_unit(a),
      describe_coefficient(a), describe_result(a));
}

}  // namespace thematica
