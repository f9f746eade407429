#pragma once
// What agreement and reconciliation compare: which coders, over which documents and codes, read
// from the project once and reduced to the form analysis/ works on. Shared by `agree`,
// `agree disagreements` and `reconcile`, so that they always agree on what was compared.

#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/agreement_units.hpp"
#include "core/codebook.hpp"
#include "store/store.hpp"

namespace thematica {

struct AgreementScope {
  std::vector<std::string> coders;     // two or more, by name
  std::vector<std::string> codes;      // code paths; empty: every code a compared coder applied
  std::vector<std::string> documents;  // by name; empty (with no groups): every document
  std::vector<std::string> groups;     // documents of these groups are added to `documents`
  double min_overlap = 0.9;            // segment units: the share of shared characters, in (0, 1]
};

// A document in the selection that was not compared, and why.
struct ExcludedDocument {
  std::string name;
  std::string reason;  // e.g. "not coded by Sam", or kCodedByNone
};
inline constexpr const char* kCodedByNone = "coded by none of the coders";

struct ScopedCodings {
  std::vector<Coder> coders;
  std::vector<Document> documents;  // compared: every coder coded them; in project order
  std::vector<Id> code_ids;         // compared, in codebook order unless named
  Codebook codebook{{}};
  std::vector<CodingSpan> codings;  // of the compared coders in the compared documents
  std::vector<ExcludedDocument> excluded;
};

// Errors: kInvalidInput for fewer than two coders, the same coder twice, more than 64 coders, an
// overlap outside (0, 1], no documents, or no document coded by all the coders (naming what to
// do), or no code applied; kNotFound for an unknown coder, code, document or group.
Result<ScopedCodings> select_scope(Store& store, const AgreementScope& scope);

// Position of each entity's id in `items`.
template <typename T>
std::unordered_map<Id, std::uint32_t> index_of(const std::vector<T>& items) {
  std::unordered_map<Id, std::uint32_t> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.emplace(items[i].id, static_cast<std::uint32_t>(i));
  }
  return out;
}

// The codings as analysis/ takes them (indices into the scope's lists; codings of codes not
// compared carry kOtherCode). `spans[i]` comes from `scope.codings[i]`.
AgreementData agreement_data(const ScopedCodings& scope);

}  // namespace thematica
