#include "analysis/original_mentions.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "analysis/name_mentions.hpp"
#include "core/ascii.hpp"

namespace thematica {
namespace {

// Letters and digits: ASCII ones, and every byte of a multi-byte UTF-8 character.
bool word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

OriginalsFinder::OriginalsFinder(std::vector<std::string> originals)
    : originals_(std::move(originals)) {
  for (std::size_t i = 0; i < originals_.size(); ++i) {
    if (originals_[i].empty()) continue;
    std::string lower = ascii_lower(originals_[i]);
    forms_.emplace_back(originals_[i], i);
    forms_.emplace_back(upper(originals_[i]), i);
    // "mark" in lower case is the word, not Mark.
    if (!is_ordinary_word_name(lower)) forms_.emplace_back(std::move(lower), i);
  }
  std::sort(forms_.begin(), forms_.end());
  forms_.erase(std::unique(forms_.begin(), forms_.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               forms_.end());
  std::vector<const std::string*> by_length;
  for (const auto& f : forms_) by_length.push_back(&f.first);
  std::stable_sort(
      by_length.begin(), by_length.end(),
      [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
  std::string alternation;
  for (const std::string* f : by_length) {
    if (!alternation.empty()) alternation += '|';
    alternation += RE2::QuoteMeta(*f);
  }
  if (alternation.empty()) return;
  RE2::Options options;
  options.set_max_mem(std::int64_t{256} << 20);
  pattern_ = std::make_unique<RE2>("(" + alternation + ")", options);
}

OriginalsFinder::~OriginalsFinder() = default;
OriginalsFinder::OriginalsFinder(OriginalsFinder&&) noexcept = default;
OriginalsFinder& OriginalsFinder::operator=(OriginalsFinder&&) noexcept = default;

std::vector<OriginalMention> OriginalsFinder::find(std::string_view text) const {
  std::vector<OriginalMention> out;
  if (!pattern_) return out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece hit;
  std::size_t at = 0;
  while (at < text.size() && pattern_->Match(input, at, text.size(), RE2::UNANCHORED, &hit, 1)) {
    auto begin = static_cast<std::size_t>(hit.data() - text.data());
    auto whole = [&](std::size_t end) {
      return (begin == 0 || !word_byte(text[begin - 1])) &&
             (end == text.size() || !word_byte(text[end]));
    };
    std::optional<std::size_t> form;
    if (whole(begin + hit.size())) {
      form = form_index(text.substr(begin, hit.size()));
    } else {
      // "Priya Raman" in "Priya Ramanathan": a shorter form ("Priya") may still be whole here.
      form = longest_whole_form(text, begin, whole);
    }
    if (!form) {
      at = begin + 1;
      continue;
    }
    std::size_t end = begin + forms_[*form].first.size();
    out.push_back({begin, end, forms_[*form].second});
    at = end;
  }
  return out;
}

std::size_t OriginalsFinder::form_index(std::string_view matched) const {
  auto form = std::lower_bound(
      forms_.begin(), forms_.end(), matched,
      [](const std::pair<std::string, std::size_t>& f, std::string_view m) { return f.first < m; });
  return static_cast<std::size_t>(form - forms_.begin());
}

std::optional<std::size_t> OriginalsFinder::longest_whole_form(
    std::string_view text, std::size_t begin, const std::function<bool(std::size_t)>& whole) const {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < forms_.size(); ++i) {
    const std::string& f = forms_[i].first;
    if (text.substr(begin).starts_with(f) && whole(begin + f.size()) &&
        (!best || f.size() > forms_[*best].first.size())) {
      best = i;
    }
  }
  return best;
}

std::optional<std::string> OriginalsFinder::replace(
    std::string_view text, const std::vector<std::string>& replacements) const {
  auto mentions = find(text);
  if (mentions.empty()) return std::nullopt;
  std::string out;
  std::size_t copied = 0;
  for (const auto& m : mentions) {
    out.append(text.substr(copied, m.begin - copied));
    out += replacements[m.original];
    copied = m.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace thematica
