#pragma once
// Every JSON form the front doors and exports produce, in one place. core/ never sees JSON.
// Positions are code points; "start"/"end" are half-open.

#include <nlohmann/json.hpp>

#include "core/entities.hpp"
#include "services/agreement_history.hpp"
#include "services/assignments.hpp"
#include "services/cases_service.hpp"
#include "services/code_sets.hpp"
#include "services/codebook_service.hpp"
#include "services/coders.hpp"
#include "services/document_overview.hpp"
#include "services/document_view.hpp"
#include "services/documents.hpp"
#include "services/import_service.hpp"
#include "services/memos.hpp"
#include "services/project_agreement.hpp"
#include "services/pseudonym_lookup.hpp"
#include "services/pseudonymisation_apply.hpp"
#include "services/pseudonymisation_review.hpp"
#include "services/pseudonymisation_scan.hpp"
#include "services/qdc_exchange.hpp"
#include "services/reconciliation.hpp"
#include "services/retrieval.hpp"
#include "services/search_service.hpp"
#include "services/starter_codebooks.hpp"
#include "services/survey_import.hpp"
#include "services/table_agreement.hpp"

namespace thematica {

using Json = nlohmann::ordered_json;

void to_json(Json& j, const Event& e);
void to_json(Json& j, const QdcImport& r);
void to_json(Json& j, const ScanSuggestion& s);
void to_json(Json& j, const PseudonymisationRecord& r);
void to_json(Json& j, const ApplySummary& s);
void to_json(Json& j, const LookupMatch& m);
void to_json(Json& j, const ReviewItem& i);
void to_json(Json& j, const Review& r);
void to_json(Json& j, const ReviewChange& c);
void to_json(Json& j, const StarterCodebook& s);  // without the file
// Agreement (json_codec_agreement.cpp): {"coefficients": {key: value or null}, ...}.
void to_json(Json& j, const AlphaInterval& a);
void to_json(Json& j, const ProjectAgreement& a);
void to_json(Json& j, const DisagreementList& list);
void to_json(Json& j, const AgreementHistoryEntry& entry);
void to_json(Json& j, const CoderAssignments& a);
void to_json(Json& j, const TableAgreement& t);
void to_json(Json& j, const Document& d);
void to_json(Json& j, const Coding& c);
void to_json(Json& j, const Utterance& u);
// {"document": ..., "text": ..., "codings": [...], "turns": [...], "page_starts": [...]}; its
// codings are {id, code_id, coder_id, start, end} with comment, important and representative
// only when they are not empty or false.
void to_json(Json& j, const DocumentView& v);
void to_json(Json& j, const DocumentSummary& d);
void to_json(Json& j, const DocumentOverview& d);
void to_json(Json& j, const ImportedDocument& d);
void to_json(Json& j, const ImportReport& r);
void to_json(Json& j, const SurveyImportReport& r);
void to_json(Json& j, const GroupSummary& g);
void to_json(Json& j, const CodeSetSummary& s);
void to_json(Json& j, const Coder& c);
void to_json(Json& j, const CoderSummary& c);
void to_json(Json& j, const CodeSummary& c);
void to_json(Json& j, const Segment& s);
void to_json(Json& j, const FrequencyTable& t);
void to_json(Json& j, const SearchResult& r);
void to_json(Json& j, const CaseSummary& c);
void to_json(Json& j, const Variable& v);
void to_json(Json& j, const MemoSummary& m);

// {"error": {"code": "not_found", "message": "..."}}
Json error_json(const Error& error);

}  // namespace thematica
