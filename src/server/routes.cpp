#include "server/routes.hpp"

#include "server/handlers.hpp"

namespace thematica::server {

const std::vector<Route>& api_routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/coders", get_coders},
      {"POST", "/api/coders", post_coder},
      {"GET", "/api/history", get_history},
      {"POST", "/api/undo", post_undo},

      {"GET", "/api/documents", get_documents},
      {"POST", "/api/documents", upload_documents},
      {"GET", R"(/api/documents/(\d+))", get_document},
      {"DELETE", R"(/api/documents/(\d+))", delete_document},

      {"POST", "/api/codings", post_coding},
      {"PATCH", R"(/api/codings/(\d+))", patch_coding},
      {"DELETE", R"(/api/codings/(\d+))", delete_coding},
      {"GET", "/api/memos", get_memos},
      {"POST", "/api/memos", post_memo},

      {"GET", "/api/codes", get_codes},
      {"POST", "/api/codes", post_code},
      {"PATCH", "/api/codes", patch_code},
      {"DELETE", "/api/codes", delete_code},
      {"POST", "/api/codes/merge", merge_code},
      {"POST", "/api/codes/import", import_codebook},
      {"GET", "/api/codes/starters", get_starter_codebooks},
      {"POST", R"(/api/codes/starters/([a-z-]+)/import)", import_starter},

      {"GET", "/api/segments", get_segments},
      {"GET", "/api/search", get_search},
      {"POST", "/api/search/code", code_search},

      {"GET", "/api/cases", get_cases},
      {"PUT", "/api/cases/values", put_case_values},
      {"POST", "/api/cases/merge", merge_case},
      {"POST", "/api/cases/analysed", set_case_analysed},

      {"POST", "/api/agreement", post_agreement},
      {"GET", "/api/agreement/disagreements", get_disagreements},
      {"POST", "/api/reconcile", post_reconcile},
      {"GET", "/api/assignments", get_assignments},
      {"POST", "/api/assignments", post_assignment},

      {"GET", "/api/reports", get_reports},
      {"PUT", "/api/reports", put_report},
      {"DELETE", "/api/reports", delete_report},
      {"POST", "/api/reports/render", post_report_render},

      {"GET", "/api/pseudonymisation/review", get_review},
      {"POST", "/api/pseudonymisation/review/decisions", post_review_decision},
      {"POST", "/api/pseudonymisation/review/spans", post_review_span},
      {"PUT", "/api/pseudonymisation/review/pseudonyms", put_review_pseudonym},
      {"POST", "/api/pseudonymisation/apply", post_review_apply, true},
  };
  return kRoutes;
}

}  // namespace thematica::server
