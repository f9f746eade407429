#pragma once
// Where known originals (the names and places a pseudonymisation replaced) still occur in a text:
// to rewrite the project's free texts (memos, case names, the log) and to stop an export that
// would carry one out.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace thematica {

struct OriginalMention {
  std::size_t begin = 0;  // bytes, [begin, end)
  std::size_t end = 0;
  std::size_t original = 0;  // index into the list the finder was made with
};

class OriginalsFinder {
 public:
  // Each original is found as whole words (no letter or digit just before or after it), as
  // written, in upper case and in lower case (unless it is a name that is also a word, as "Mark"
  // is); the longest wins where two start together.
  explicit OriginalsFinder(std::vector<std::string> originals);
  ~OriginalsFinder();
  OriginalsFinder(OriginalsFinder&&) noexcept;
  OriginalsFinder& operator=(OriginalsFinder&&) noexcept;

  // In text order, not overlapping.
  std::vector<OriginalMention> find(std::string_view text) const;
  // `text` with each mention replaced by replacements[mention.original]; nothing when there is
  // no mention.
  std::optional<std::string> replace(std::string_view text,
                                     const std::vector<std::string>& replacements) const;
  const std::vector<std::string>& originals() const { return originals_; }

 private:
  std::size_t form_index(std::string_view matched) const;
  std::optional<std::size_t> longest_whole_form(
      std::string_view text, std::size_t begin,
      const std::function<bool(std::size_t)>& whole) const;

  std::vector<std::string> originals_;
  std::vector<std::pair<std::string, std::size_t>> forms_;  // sorted by text, for lookup
  std::unique_ptr<re2::RE2> pattern_;
};

}  // namespace thematica
