#pragma once
// How a quote's exact text is shown in a report: optionally without spoken fillers and shortened
// at a word boundary with "…". Both are the researcher's choice, and reports say when they apply.

#include <cstddef>
#include <string>
#include <string_view>

namespace thematica::report {

// The text without the fillers "um", "uh", "uhm", "er", "erm", "hmm", "mm" (lower case or
// capitalised, not "ER"; letters repeated or not: "ummm", "hmmm"), each removed with its own comma
// and the space before it
// ("Well, um, I think" becomes "Well, I think"; a leading "Um, " goes with the space after it). A
// filler that ends a sentence hands its ".", "?" or "!" to the text before it, replacing a comma
// there ("I don't know, um." becomes "I don't know."). All other text, line breaks included, is
// left exactly as it was.
std::string without_fillers(std::string_view text);

// The first `max_words` words (runs of non-space characters) followed by " …", when the text has
// more; otherwise the text unchanged. Commas, semicolons and colons at the cut are dropped.
// `max_words` 0 means no limit.
std::string trimmed_quote(std::string_view text, std::size_t max_words);

}  // namespace thematica::report
