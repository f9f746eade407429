#pragma once
// Turns the bytes of a text file into UTF-8: byte-order marks are honoured (UTF-8, UTF-16 LE/BE),
// valid UTF-8 is kept as it is, and anything else is either decoded with the encoding the user
// names or, by default, with the encoding uchardet guesses (the guess is reported, never hidden).

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

struct DecodedText {
  std::string utf8;      // the text, BOM removed (line endings untouched)
  std::string encoding;  // what it was read as: "UTF-8", "UTF-16LE", "WINDOWS-1252", ...
  bool guessed = false;  // the encoding was detected, not marked by a BOM or named by the user
};

// `encoding` is "auto" (BOM, else UTF-8 if valid, else a detected legacy encoding), "utf-8"
// (strict: invalid UTF-8 is refused) or any encoding name ICU knows ("windows-1252", "latin1",
// "shift_jis"). Errors: kInvalidInput for an unknown encoding name, for bytes invalid in the
// named encoding (with the byte offset), for a NUL byte outside UTF-16 (a binary file), and for
// non-UTF-8 text whose encoding cannot be detected (asking for --encoding).
Result<DecodedText> decode_text(std::string_view bytes, std::string_view encoding);

}  // namespace thematica
