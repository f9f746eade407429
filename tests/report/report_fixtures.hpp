#pragma once
// Reports built by hand for the writers' tests: every format must show the same tables.

#include <fstream>
#include <sstream>
#include <string>

#include "report/code_matrix.hpp"
#include "report/theme_table.hpp"

namespace thematica::report {

// A theme table per role (MS with three themes, SGA with one), quotes with a line break, a
// control character and a tab, and a legend with "unknown".
inline ThemeReport two_groups() {
  ThemeReport report;
  report.tag_variable = "role";
  report.group_variable = "role";
  report.speaker_ids = true;
  report.legend = {{"MS", "medical student", 6}, {"SGA", "", 5}, {"unknown", "", 1}};
  report.methods = "For each theme the table shows up to 2 quotes.";
  ThemeRow barriers{"Barriers", "Barriers", 0, "What gets in the way", 3, 2, 1, {}, "#e76f51"};
  ThemeRow time{"Barriers/Time", "Time", 1, "", 3, 2, 1, {}, "#2a9d8f"};
  time.quotes = {{"We never have time,\non placement", "MS", "P03", "fg-students", "03:12", true},
                 {"Ward\x01 rounds\tare rushed", "MS", "P04", "fg-students", "", false}};
  ThemeRow fear{"Barriers/Fear", "Fear", 1, "", 0, 0, 0, {}, "#264653"};
  report.tables = {{"role: MS", "MS", {barriers, time, fear}},
                   {"role: SGA", "SGA", {barriers, {}, {}}}};
  report.tables[1].rows[0].quotes = {{"They copy us", "SGA", "", "fg-advisors", "00:10", false}};
  report.tables[1].rows.resize(1);
  return report;
}

inline std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Participants by role: a theme without codings and a sub-theme with Fisher's test; a column
// named like a formula and an empty "unknown" column.
inline CodeMatrix students_and_advisors() {
  CodeMatrix m;
  m.by = "role";
  m.count = MatrixCount::kParticipants;
  m.columns = {"MS", "=SGA", "unknown"};
  m.column_bases = {6, 4, 0};
  m.methods = "Each cell counts participants.";
  MatrixRow time{"Barriers/Time", "Time", "#2a9d8f", 1, {4, 1, 0}, 5, 5, {}, {4, 1, 0}};
  time.test = {"Fisher's exact test", 2.1701, 1, 0.2619, 2};
  MatrixRow fear{"Barriers", "Barriers", "#e76f51", 0, {0, 0, 0}, 0, 0, {}, {0, 0, 0}};
  fear.test.method = "not applicable";
  m.rows = {fear, time};
  return m;
}

}  // namespace thematica::report
