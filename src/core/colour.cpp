#include "core/colour.hpp"

#include <array>
#include <cctype>

namespace thematica {

std::string palette_colour(std::size_t index) {
  // Okabe–Ito's colour-blind-safe set, then a few more hues of similar weight.
  static constexpr std::array<const char*, 12> kPalette = {
      "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
      "#cc79a7", "#999999", "#8c564b", "#17becf", "#bcbd22", "#7f3c8d"};
  return kPalette[index % kPalette.size()];
}

Result<std::string> parse_colour(const std::string& text) {
  bool ok = (text.size() == 4 || text.size() == 7) && text[0] == '#';
  for (std::size_t i = 1; ok && i < text.size(); ++i) {
    ok = std::isxdigit(static_cast<unsigned char>(text[i])) != 0;
  }
  if (!ok) {
    return failf(ErrorKind::kInvalidInput, "colour '{}' is not of the form #rrggbb, e.g. #e69f00",
                 text);
  }
  std::string out = "#";
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    out.push_back(c);
    if (text.size() == 4) out.push_back(c);
  }
  return out;
}

}  // namespace thematica
