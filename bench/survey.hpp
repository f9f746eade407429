#pragma once
// Writes a synthetic Qualtrics CSV export, for timing the survey import.

#include <cstdint>
#include <string>

namespace thematica::bench {

// `respondents` rows after Qualtrics' three header rows: the 17 metadata columns, ResponseId, a
// role (category), age, year, course date, ten scale items and two open questions (one to three
// sentences each, a quarter of them left empty).
void write_qualtrics_export(const std::string& path, int respondents, std::uint64_t seed);

}  // namespace thematica::bench
