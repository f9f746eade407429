// libFuzzer target: REFI-QDA project.qde. Besides not crashing, the reader must agree with
// itself: reading the same bytes in small pieces gives the same verdict as reading them whole
// (expat's buffer boundaries must not change what is accepted), and whatever it accepts, the
// writer writes back as a document the reader accepts again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "interop/qde.hpp"

using namespace thematica;

namespace {

// Reads `xml` through the streaming entry point, `piece` bytes at a time.
Result<QdeProject> parse_in_pieces(std::string_view xml, std::size_t piece) {
  std::size_t at = 0;
  QdeChunks next = [&]() -> Result<std::string_view> {
    auto chunk = xml.substr(at, piece);
    at += chunk.size();
    return chunk;
  };
  std::size_t sources = 0;
  QdeSourceSink count = [&](const QdeProject&, QdeTextSource&&) -> Status {
    ++sources;
    return {};
  };
  auto project = parse_qde(next, count);
  if (project) project->sources.resize(sources);
  return project;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto whole = parse_qde(xml);
  auto pieces = parse_in_pieces(xml, 1 + size % 61);
  if (whole.has_value() != pieces.has_value()) __builtin_trap();
  if (!whole) return 0;
  if (whole->sources.size() != pieces->sources.size()) __builtin_trap();
  std::string written = write_qde(*whole);
  auto again = parse_qde(written);
  if (!again) __builtin_trap();
  if (again->sources.size() != whole->sources.size()) __builtin_trap();
  return 0;
}
