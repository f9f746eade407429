#pragma once
// Code × group matrices for a results section: for each theme (a code and its sub-codes), the
// segments, documents or participants per value of a case variable (or per document), with a
// test of whether the share of participants who mentioned the theme differs between groups.

#include <string>
#include <vector>

#include "report/code_matrix.hpp"
#include "services/report_corpus.hpp"
#include "store/store.hpp"

namespace thematica {

struct CodeMatrixSettings {
  std::vector<std::string> codes;  // code paths; each brings its sub-codes as rows
  std::string by;                  // a case variable, or "document"
  report::MatrixCount count = report::MatrixCount::kParticipants;
  std::vector<std::string> coders;  // whose codings count; empty: every coder
};

// How each count is made is in docs/methods/reports.md. Errors: kInvalidInput when no code or
// no `by` is named; kNotFound for an unknown code, variable or coder.
Result<report::CodeMatrix> build_code_matrix(Store& store, const CodeMatrixSettings& settings);
// The same over codings already loaded, which must hold the settings' codes and coders (a theme
// report builds its matrix from the codings it has read).
Result<report::CodeMatrix> build_code_matrix(Store& store, const CodeMatrixSettings& settings,
                                             const ReportCorpus& corpus);

}  // namespace thematica
