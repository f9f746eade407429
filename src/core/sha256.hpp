#pragma once
// SHA-256 digests of canonical texts, so a project can prove a text never changed after import.

#include <string>
#include <string_view>

namespace thematica {

// Lower-case hexadecimal SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace thematica
