#include "services/pseudonym_lookup.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "core/sha256.hpp"
#include "core/text_edits.hpp"
#include "services/lookup.hpp"

namespace thematica {
namespace {

std::string without_brackets(std::string_view pseudonym, std::string_view brackets) {
  if (brackets.size() == 2 && pseudonym.size() >= 2 && pseudonym.front() == brackets[0] &&
      pseudonym.back() == brackets[1]) {
    pseudonym = pseudonym.substr(1, pseudonym.size() - 2);
  }
  return std::string(pseudonym);
}

}  // namespace

Result<std::vector<LookupMatch>> lookup_pseudonym(Store& store, const KeyAccess& access,
                                                  const std::string& text) {
  TRY(key, require_key(store, access));
  std::string wanted = ascii_lower(without_brackets(text, key.brackets));
  std::vector<LookupMatch> out;
  for (const auto& e : key.entities) {
    bool named = ascii_lower(without_brackets(e.pseudonym, key.brackets)) == wanted;
    bool original = std::any_of(e.originals.begin(), e.originals.end(),
                                [&](const std::string& o) { return ascii_lower(o) == wanted; });
    if (text.empty() || named || original) out.push_back({e.pseudonym, e.category, e.originals});
  }
  if (out.empty() && !text.empty()) {
    return failf(ErrorKind::kNotFound,
                 "the key has no pseudonym or original '{}'; 'pseudonymise audit' lists the "
                 "pseudonyms used",
                 text);
  }
  return out;
}

Result<std::string> restore_document_text(Store& store, const KeyAccess& access,
                                          const std::string& document) {
  TRY(doc, require_document(store, document));
  TRY(key, require_key(store, access));
  auto kept = std::find_if(key.documents.begin(), key.documents.end(),
                           [&](const KeyDocument& d) { return d.guid == doc.guid; });
  if (kept == key.documents.end()) {
    return failf(ErrorKind::kNotFound, "the key holds nothing of '{}': it was not pseudonymised",
                 document);
  }
  TRY(text, store.text_index(doc.id));
  if (sha256_hex(text->utf8()) != kept->sha256) {
    return failf(ErrorKind::kConflict,
                 "'{}' has changed since it was pseudonymised, so the key's positions no longer "
                 "fit it; it cannot be restored",
                 document);
  }
  std::vector<TextEdit> edits;
  edits.reserve(kept->replacements.size());
  for (const auto& r : kept->replacements) edits.push_back({{r.start, r.end}, r.original});
  TRY(restored, apply_edits(*text, edits));
  return std::move(restored.text);
}

}  // namespace thematica
