// libFuzzer target: XLSX workbooks (zip container, XML parts), with a small unpack cap so that
// inflating inputs are refused as zip bombs rather than exhausting the fuzzer's memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/survey.hpp"
#include "ingest/xlsx_reader.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_bytes = 16u << 20;
  auto rows = read_xlsx(bytes, options);
  if (rows) (void)interpret_survey(std::move(*rows), {});
  return 0;
}
