// libFuzzer target: DOCX documents (zip container, XML parts), with a small unpack cap so that
// inflating inputs are refused as zip bombs rather than exhausting the fuzzer's memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/docx_reader.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_bytes = 16u << 20;
  (void)read_docx(bytes, options);
  return 0;
}
