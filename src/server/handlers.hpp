#pragma once
// Every API handler: decode the request, call one service, encode the reply. The route table
// (routes.cpp) maps methods and paths to them; docs/api.md documents each.

#include "server/api.hpp"

namespace thematica::server {

// handlers_documents.cpp
Result<Reply> get_documents(Store& store, const ApiRequest& request);
Result<Reply> get_document(Store& store, const ApiRequest& request);
Result<Reply> upload_documents(Store& store, const ApiRequest& request);
Result<Reply> delete_document(Store& store, const ApiRequest& request);

// handlers_coding.cpp
Result<Reply> post_coding(Store& store, const ApiRequest& request);
Result<Reply> patch_coding(Store& store, const ApiRequest& request);
Result<Reply> delete_coding(Store& store, const ApiRequest& request);
Result<Reply> get_memos(Store& store, const ApiRequest& request);
Result<Reply> post_memo(Store& store, const ApiRequest& request);

// handlers_codebook.cpp
Result<Reply> get_codes(Store& store, const ApiRequest& request);
Result<Reply> post_code(Store& store, const ApiRequest& request);
Result<Reply> patch_code(Store& store, const ApiRequest& request);
Result<Reply> merge_code(Store& store, const ApiRequest& request);
Result<Reply> delete_code(Store& store, const ApiRequest& request);
Result<Reply> import_codebook(Store& store, const ApiRequest& request);
Result<Reply> get_starter_codebooks(Store& store, const ApiRequest& request);
Result<Reply> import_starter(Store& store, const ApiRequest& request);

// handlers_retrieval.cpp
Result<Reply> get_segments(Store& store, const ApiRequest& request);
Result<Reply> get_search(Store& store, const ApiRequest& request);
Result<Reply> code_search(Store& store, const ApiRequest& request);

// handlers_cases.cpp
Result<Reply> get_cases(Store& store, const ApiRequest& request);
Result<Reply> put_case_values(Store& store, const ApiRequest& request);
Result<Reply> merge_case(Store& store, const ApiRequest& request);
Result<Reply> set_case_analysed(Store& store, const ApiRequest& request);

// handlers_project.cpp
Result<Reply> get_coders(Store& store, const ApiRequest& request);
Result<Reply> post_coder(Store& store, const ApiRequest& request);
Result<Reply> get_history(Store& store, const ApiRequest& request);
Result<Reply> post_undo(Store& store, const ApiRequest& request);

// handlers_agreement.cpp
Result<Reply> post_agreement(Store& store, const ApiRequest& request);
Result<Reply> get_disagreements(Store& store, const ApiRequest& request);
Result<Reply> post_reconcile(Store& store, const ApiRequest& request);
Result<Reply> get_assignments(Store& store, const ApiRequest& request);
Result<Reply> post_assignment(Store& store, const ApiRequest& request);

// handlers_reports.cpp
Result<Reply> get_reports(Store& store, const ApiRequest& request);
Result<Reply> put_report(Store& store, const ApiRequest& request);
Result<Reply> delete_report(Store& store, const ApiRequest& request);
Result<Reply> post_report_render(Store& store, const ApiRequest& request);

// handlers_pseudonymisation.cpp
Result<Reply> get_review(Store& store, const ApiRequest& request);
Result<Reply> post_review_decision(Store& store, const ApiRequest& request);
Result<Reply> post_review_span(Store& store, const ApiRequest& request);
Result<Reply> put_review_pseudonym(Store& store, const ApiRequest& request);
Result<Reply> post_review_apply(Store& store, const ApiRequest& request);

}  // namespace thematica::server
