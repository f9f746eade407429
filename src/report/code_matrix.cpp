#include "report/code_matrix.hpp"

#include <fmt/format.h>

#include <cmath>

namespace thematica::report {
namespace {

// APA style: no leading zero for a p-value, three decimals, "< .001" below that.
std::string p_text(double p) {
  if (p < 0.001) return "p < .001";
  std::string digits = fmt::format("{:.3f}", p);
  if (digits.rfind("0.", 0) == 0) digits.erase(0, 1);
  return "p = " + digits;
}

}  // namespace

std::optional<double> row_percent(const MatrixRow& row, std::size_t column) {
  if (row.total <= 0 || column >= row.cells.size()) return std::nullopt;
  return 100.0 * static_cast<double>(row.cells[column]) / static_cast<double>(row.total);
}

std::optional<double> column_percent(const CodeMatrix& m, const MatrixRow& row,
                                     std::size_t column) {
  if (column >= m.column_bases.size() || m.column_bases[column] <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(row.cells[column]) /
         static_cast<double>(m.column_bases[column]);
}

std::string percent_text(double percent) {
  if (percent > 0 && percent < 1) return "<1%";
  if (percent < 10 && std::round(percent) != percent) return fmt::format("{:.1f}%", percent);
  return fmt::format("{:.0f}%", percent);
}

std::string test_text(const stats::IndependenceTest& test) {
  if (test.method == "not applicable") return "";
  if (test.method.rfind("Fisher", 0) == 0) return "Fisher's exact, " + p_text(test.p_value);
  std::string out =
      fmt::format("\u03c7\u00b2({}) = {:.2f}, {}", test.df, test.statistic, p_text(test.p_value));
  if (test.method != "chi-square") out += " (expected counts below 5)";
  return out;
}

}  // namespace thematica::report
