#include "services/export_guard.hpp"

#include <fmt/format.h>

#include "analysis/original_mentions.hpp"

namespace thematica {
namespace {

struct Hit {
  std::string where;
  std::string original;
  std::string pseudonym;
};

}  // namespace

Status guard_export(Store& store, const KeyAccess& key) {
  TRY(found, read_key(store, key));
  if (!found) {
    // Before a first pass there is nothing to guard; after one, a missing key is an error.
    TRY(passes, store.pseudonymisation_records());
    if (passes.empty()) return {};
    TRY_STATUS(require_key(store, key));
  }
  const PseudonymKey& kept = *found;
  std::vector<std::string> originals;
  std::vector<std::string> pseudonyms;
  for (const auto& e : kept.entities) {
    for (const auto& o : e.originals) {
      originals.push_back(o);
      pseudonyms.push_back(e.pseudonym);
    }
  }
  OriginalsFinder finder(originals);
  std::vector<Hit> hits;
  TRY(documents, store.documents());
  for (const auto& d : documents) {
    TRY(text, store.text_index(d.id));
    for (const auto& m : finder.find(text->utf8())) {
      hits.push_back({fmt::format("document '{}' at {}:{}", d.name,
                                  text->code_point_offset(m.begin), text->code_point_offset(m.end)),
                      originals[m.original], pseudonyms[m.original]});
    }
  }
  TRY_STATUS(store.visit_free_texts([&](std::string_view where, std::string_view text) {
    for (const auto& m : finder.find(text)) {
      hits.push_back({std::string(where), originals[m.original], pseudonyms[m.original]});
    }
  }));
  if (hits.empty()) return {};
  return failf(ErrorKind::kConflict,
               "nothing was exported: {} holds '{}', an original of {}{}. Pseudonymise it "
               "('thematica pseudonymise apply') or correct it, then export again",
               hits[0].where, hits[0].original, hits[0].pseudonym,
               hits.size() > 1 ? fmt::format(" ({} more places hold originals)", hits.size() - 1)
                               : std::string());
}

}  // namespace thematica
