#include "services/agreement_scope.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "services/lookup.hpp"
#include "stats/presence.hpp"

namespace thematica {
namespace {

Status check_options(const AgreementScope& options) {
  if (options.coders.size() < 2) {
    return fail(ErrorKind::kInvalidInput,
                "agreement needs two or more coders: name them with --coders A,B");
  }
  if (options.coders.size() > kMaxPresenceCoders) {
    return failf(ErrorKind::kInvalidInput, "at most {} coders can be compared at once",
                 kMaxPresenceCoders);
  }
  if (!(options.min_overlap > 0 && options.min_overlap <= 1)) {
    return failf(ErrorKind::kInvalidInput, "the overlap must be above 0% and at most 100%, not {}%",
                 options.min_overlap * 100);
  }
  return {};
}

Result<std::vector<Coder>> resolve_coders(Store& store, const std::vector<std::string>& names) {
  std::vector<Coder> out;
  for (const auto& name : names) {
    TRY(coder, require_coder(store, name));
    if (std::any_of(out.begin(), out.end(), [&](const Coder& c) { return c.id == coder.id; })) {
      return failf(ErrorKind::kInvalidInput, "coder '{}' is named twice", name);
    }
    out.push_back(std::move(coder));
  }
  return out;
}

Result<std::vector<Document>> resolve_documents(Store& store, const AgreementScope& options) {
  TRY(all, store.documents());
  if (options.documents.empty() && options.groups.empty()) return all;
  TRY(wanted, require_documents(store, options.documents, options.groups));
  std::erase_if(all, [&](const Document& d) { return !wanted.contains(d.id); });
  return all;
}

// Keeps the documents every coder coded (any code) and reports the others.
Status keep_documents_all_coded(ScopedCodings& s) {
  std::unordered_map<Id, std::uint64_t> coded_by;  // document: a bit for each coder
  std::unordered_map<Id, std::size_t> coder_index;
  for (std::size_t i = 0; i < s.coders.size(); ++i) coder_index.emplace(s.coders[i].id, i);
  for (const auto& c : s.codings) {
    coded_by[c.document_id] |= std::uint64_t{1} << coder_index.at(c.coder_id);
  }
  std::vector<Document> kept;
  for (auto& d : s.documents) {
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < s.coders.size(); ++i) {
      if ((coded_by[d.id] >> i & 1) == 0) missing.push_back(s.coders[i].name);
    }
    if (missing.empty()) {
      kept.push_back(std::move(d));
    } else if (missing.size() == s.coders.size()) {
      s.excluded.push_back({d.name, kCodedByNone});
    } else {
      s.excluded.push_back({d.name, fmt::format("not coded by {}", fmt::join(missing, ", "))});
    }
  }
  s.documents = std::move(kept);
  std::set<Id> compared;
  for (const auto& d : s.documents) compared.insert(d.id);
  std::erase_if(s.codings, [&](const CodingSpan& c) { return !compared.contains(c.document_id); });
  if (!s.documents.empty()) return {};
  return fail(ErrorKind::kInvalidInput,
              "no document was coded by all the coders compared, so there is nothing to compare; "
              "see 'thematica freq --by coder' for who coded what");
}

Status resolve_codes(const AgreementScope& options, ScopedCodings& s) {
  if (!options.codes.empty()) {
    for (const auto& path : options.codes) {
      TRY(code, s.codebook.resolve(path));
      if (std::find(s.code_ids.begin(), s.code_ids.end(), code->id) == s.code_ids.end()) {
        s.code_ids.push_back(code->id);
      }
    }
    return {};
  }
  std::set<Id> applied;
  for (const auto& c : s.codings) applied.insert(c.code_id);
  for (const Code* code : s.codebook.in_tree_order()) {
    if (applied.contains(code->id)) s.code_ids.push_back(code->id);
  }
  if (!s.code_ids.empty()) return {};
  return fail(ErrorKind::kInvalidInput, "the coders applied no code in the compared documents");
}

Result<ScopedCodings> select(Store& store, const AgreementScope& options) {
  ScopedCodings s;
  TRY(coders, resolve_coders(store, options.coders));
  s.coders = std::move(coders);
  TRY(documents, resolve_documents(store, options));
  s.documents = std::move(documents);
  CodingFilter filter;
  for (const auto& c : s.coders) filter.coder_ids.push_back(c.id);
  for (const auto& d : s.documents) filter.document_ids.push_back(d.id);
  if (s.documents.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "there are no documents to compare: the project has none, or the groups named "
                "are empty");
  }
  TRY(codings, store.coding_spans(filter));
  s.codings = std::move(codings);
  TRY_STATUS(keep_documents_all_coded(s));
  TRY(codebook, load_codebook(store));
  s.codebook = std::move(codebook);
  TRY_STATUS(resolve_codes(options, s));
  return s;
}

}  // namespace

Result<ScopedCodings> select_scope(Store& store, const AgreementScope& scope) {
  TRY_STATUS(check_options(scope));
  return select(store, scope);
}

AgreementData agreement_data(const ScopedCodings& s) {
  AgreementData data;
  data.coders = s.coders.size();
  data.codes = s.code_ids.size();
  for (const auto& d : s.documents)
    data.document_lengths.push_back(static_cast<std::int64_t>(d.length));
  auto document = index_of(s.documents);
  auto coder = index_of(s.coders);
  std::unordered_map<Id, std::uint32_t> code;
  for (std::size_t i = 0; i < s.code_ids.size(); ++i) {
    code.emplace(s.code_ids[i], static_cast<std::uint32_t>(i));
  }
  data.spans.reserve(s.codings.size());
  for (const auto& c : s.codings) {
    auto k = code.find(c.code_id);
    data.spans.push_back({document.at(c.document_id), k == code.end() ? kOtherCode : k->second,
                          coder.at(c.coder_id), static_cast<std::int64_t>(c.range.start),
                          static_cast<std::int64_t>(c.range.end)});
  }
  return data;
}

}  // namespace thematica
