// libFuzzer target: survey CSV exports (Qualtrics, REDCap, plain), from raw bytes through encoding
// detection to the reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/csv.hpp"
#include "ingest/survey.hpp"
#include "input_text.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = fuzz::input_text(data, size);
  if (!input) return 0;
  const std::string& text = *input;
  auto rows = parse_csv(text);
  if (rows) (void)interpret_survey(std::move(*rows), {});
  return 0;
}
