#pragma once
// What a reader shows of one document: its canonical text, every coding on it and, for
// transcripts, its turns. The workspace's reading view is built from this.

#include <string>
#include <vector>

#include "core/entities.hpp"
#include "store/store.hpp"

namespace thematica {

struct DocumentView {
  Document document;
  std::string text;              // canonical text; positions below are code points into it
  std::vector<Coding> codings;   // every coder's, by start then end
  std::vector<Utterance> turns;  // transcripts: in turn order; empty otherwise
  std::vector<std::uint64_t> page_starts;  // paginated documents (PDF)
};

// Errors: kNotFound for an unknown id.
Result<DocumentView> document_view(Store& store, Id document_id);

}  // namespace thematica
