#include "report/matrix_chart.hpp"

#include <fmt/format.h>

#include "report/document_portrait_svg.hpp"

namespace thematica::report {

std::string figure_caption(const CodeMatrix& m) {
  std::string what = m.count == MatrixCount::kParticipants ? "participants"
                     : m.count == MatrixCount::kDocuments  ? "documents"
                                                           : "coded segments";
  if (m.by == "document") return fmt::format("Themes in each document: {}", what);
  return fmt::format("Share of each {}'s {} that mention each theme", m.by, what);
}

std::optional<SvgChart> matrix_chart(const CodeMatrix& m) {
  if (m.by == "document") return document_portrait_svg(m, figure_caption(m));
  return themes_by_group_svg(m, figure_caption(m), /*draw_title=*/false);
}

}  // namespace thematica::report
