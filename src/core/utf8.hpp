#pragma once
// Strict UTF-8 validation and the byte-level helpers the text model is built on.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

// Accepts only well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
// Errors: kInvalidInput naming the byte offset of the first bad sequence.
Status validate_utf8(std::string_view bytes);

// True for bytes that start a code point (everything but continuation bytes 10xxxxxx).
inline bool is_lead_byte(unsigned char byte) { return (byte & 0xC0) != 0x80; }

// The last `n` code points of `bytes` (fewer if it holds fewer). A partial sequence at the start
// of `bytes` is never returned.
std::string_view last_code_points(std::string_view bytes, std::uint64_t n);
// The first `n` code points of `bytes`; a partial sequence at the end is never returned.
std::string_view first_code_points(std::string_view bytes, std::uint64_t n);

// Removes a leading byte-order mark and turns CRLF and lone CR into LF. Positions always refer to
// the result, which is the canonical text of an imported file.
std::string normalise_line_endings(std::string_view bytes);

}  // namespace thematica
