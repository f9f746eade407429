#pragma once
// Replacing spans of a text, and where each position of the old text lands in the new one, so
// what points into a text (codings, turns, pages, case links) follows it through the edit.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/range.hpp"
#include "core/text.hpp"

namespace thematica {

struct TextEdit {
  Range range;              // code points of the old text
  std::string replacement;  // UTF-8
};

struct EditedText;

// Positions of the old text mapped to the new. A position outside every replaced span moves by
// the change in length before it; one strictly inside a replaced span has no counterpart, so a
// start lands on the start of the replacement and an end on its end: whatever covered part of
// a replaced name covers the whole of what replaced it.
class EditMap {
 public:
  EditMap() = default;
  std::uint64_t start(std::uint64_t cp) const;
  std::uint64_t end(std::uint64_t cp) const;
  // The index of the edit whose span holds `cp` strictly inside it, if any: a boundary there
  // would cut the replaced text in two.
  std::optional<std::size_t> edit_inside(std::uint64_t cp) const;
  Range range(const Range& r) const { return {start(r.start), end(r.end)}; }

 private:
  friend Result<EditedText> apply_edits(const Text&, const std::vector<TextEdit>&);
  struct Step {
    Range old_range;
    Range new_range;
  };
  std::vector<Step> steps_;  // by position
};

struct EditedText {
  std::string text;
  EditMap map;
};

// Applies `edits`, given in any order. Errors: kInvalidInput when two overlap, one is empty, or
// one reaches past the end of the text.
Result<EditedText> apply_edits(const Text& text, const std::vector<TextEdit>& edits);

}  // namespace thematica
