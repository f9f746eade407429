#include "services/document_view.hpp"

#include <algorithm>

#include "services/lookup.hpp"

namespace thematica {

Result<DocumentView> document_view(Store& store, Id document_id) {
  TRY(document, require_document_id(store, document_id));
  TRY(text, store.document_text(document_id));
  CodingFilter filter;
  filter.document_ids = {document_id};
  TRY(codings, store.codings(filter));
  std::sort(codings.begin(), codings.end(), [](const Coding& a, const Coding& b) {
    return std::tie(a.range.start, a.range.end, a.id) < std::tie(b.range.start, b.range.end, b.id);
  });
  TRY(turns, store.utterances({document_id}));
  TRY(pages, store.page_starts(document_id));
  return DocumentView{std::move(document), std::move(text), std::move(codings), std::move(turns),
                      std::move(pages)};
}

}  // namespace thematica
