// libFuzzer target: Markdown, from raw bytes through encoding detection to the reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/markdown_reader.hpp"
#include "input_text.hpp"

using namespace thematica;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = fuzz::input_text(data, size);
  if (!input) return 0;
  const std::string& text = *input;
  (void)read_markdown(text);
  return 0;
}
