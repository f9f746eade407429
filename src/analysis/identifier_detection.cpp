#include "analysis/identifier_detection.hpp"

#include "analysis/structured_identifiers.hpp"

namespace thematica {

std::vector<IdentifierSpan> detect_identifiers(const DetectionInput& input) {
  std::vector<IdentifierSpan> all = find_structured_identifiers(input.text);
  auto add = [&](std::vector<IdentifierSpan> found) {
    all.insert(all.end(), found.begin(), found.end());
  };
  add(find_known_identifiers(input.text, input.known));
  add(find_speaker_mentions(input.text, input.speakers));
  add(find_titled_names_and_institutions(input.text));
  if (input.words == nullptr) return without_overlaps(std::move(all));
  add(find_proper_nouns(input.text, *input.words));
  return repeat_names(input.text, without_overlaps(std::move(all)), *input.words);
}

}  // namespace thematica
