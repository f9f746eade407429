#include "report/theme_wording.hpp"

#include <fmt/format.h>

namespace thematica::report {

std::string quote_source(const ThemeQuote& quote) {
  std::string who = quote.tag;
  if (!quote.speaker.empty()) who += who.empty() ? quote.speaker : ", " + quote.speaker;
  std::string from = quote.document;
  if (!quote.where.empty()) from += from.empty() ? quote.where : ", " + quote.where;
  std::string source = who;
  if (!from.empty()) source += source.empty() ? from : "; " + from;
  return source.empty() ? source : fmt::format("({})", source);
}

std::string quote_with_source(const ThemeQuote& quote) {
  std::string out = fmt::format("\u201c{}\u201d", quote.text);
  if (std::string source = quote_source(quote); !source.empty()) out += " " + source;
  return out;
}

std::string legend_text(const ThemeReport& report) {
  if (report.tag_variable.empty()) return {};
  std::string out = fmt::format("Tags give each speaker's {}:", report.tag_variable);
  const char* separator = " ";
  for (const auto& entry : report.legend) {
    out += separator;
    out += entry.value;
    if (!entry.label.empty()) out += " = " + entry.label;
    out += entry.value == "unknown" && entry.label.empty()
               ? fmt::format(" (no value recorded; n = {})", entry.participants)
               : fmt::format(" (n = {})", entry.participants);
    separator = "; ";
  }
  out += '.';
  if (report.speaker_ids) out += " A tag's second part is the speaker's pseudonymous id.";
  return out;
}

}  // namespace thematica::report
