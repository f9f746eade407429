#include "core/text_edits.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace thematica {
namespace {

std::uint64_t code_points(std::string_view utf8) {
  return static_cast<std::uint64_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return is_lead_byte(static_cast<unsigned char>(c));
  }));
}

}  // namespace

std::uint64_t EditMap::start(std::uint64_t cp) const {
  // The last step starting at or before cp decides.
  auto after =
      std::upper_bound(steps_.begin(), steps_.end(), cp,
                       [](std::uint64_t p, const Step& s) { return p < s.old_range.start; });
  if (after == steps_.begin()) return cp;
  const Step& s = *std::prev(after);
  if (cp < s.old_range.end) return s.new_range.start;
  return cp - s.old_range.end + s.new_range.end;
}

std::uint64_t EditMap::end(std::uint64_t cp) const {
  // The last step starting before cp decides: an end at a span's start stays before it.
  auto after =
      std::lower_bound(steps_.begin(), steps_.end(), cp,
                       [](const Step& s, std::uint64_t p) { return s.old_range.start < p; });
  if (after == steps_.begin()) return cp;
  const Step& s = *std::prev(after);
  if (cp < s.old_range.end) return s.new_range.end;
  return cp - s.old_range.end + s.new_range.end;
}

std::optional<std::size_t> EditMap::edit_inside(std::uint64_t cp) const {
  auto after =
      std::lower_bound(steps_.begin(), steps_.end(), cp,
                       [](const Step& s, std::uint64_t p) { return s.old_range.start < p; });
  if (after == steps_.begin()) return std::nullopt;
  auto index = static_cast<std::size_t>(std::prev(after) - steps_.begin());
  if (cp < steps_[index].old_range.end) return index;
  return std::nullopt;
}

Result<EditedText> apply_edits(const Text& text, const std::vector<TextEdit>& edits) {
  std::vector<const TextEdit*> sorted;
  sorted.reserve(edits.size());
  for (const auto& e : edits) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const TextEdit* a, const TextEdit* b) { return a->range.start < b->range.start; });
  EditedText out;
  out.text.reserve(text.utf8().size());
  std::uint64_t copied_to = 0;  // code points of the old text already copied or replaced
  std::uint64_t new_length = 0;
  for (const TextEdit* e : sorted) {
    TRY_STATUS(check_range(e->range, text.length()));
    if (e->range.start < copied_to) {
      return failf(ErrorKind::kInvalidInput,
                   "the replacements at {}-{} and the one before it overlap; keep one of them",
                   e->range.start, e->range.end);
    }
    out.text += text.slice({copied_to, e->range.start});
    new_length += e->range.start - copied_to;
    std::uint64_t replacement_length = code_points(e->replacement);
    out.map.steps_.push_back({e->range, {new_length, new_length + replacement_length}});
    out.text += e->replacement;
    new_length += replacement_length;
    copied_to = e->range.end;
  }
  out.text += text.slice({copied_to, text.length()});
  return out;
}

}  // namespace thematica
