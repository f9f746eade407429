#pragma once
// GUIDs identify entities across projects (exchange files, merging coders' work). New ones are
// UUID version 7 (RFC 9562): time-ordered, so inserting many keeps the project's indexes
// append-only.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thematica {

// A fresh lower-case GUID "xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx". Thread-safe.
std::string new_guid();

// True for the 8-4-4-4-12 hexadecimal form, either case (as REFI-QDA writes them).
bool is_guid(std::string_view text);

// A GUID as its 16 bytes: a compact key where millions are held (a project's selections).
struct GuidBytes {
  std::array<std::uint8_t, 16> bytes{};
  bool operator==(const GuidBytes&) const = default;
};
// Nullopt unless is_guid(text).
std::optional<GuidBytes> guid_bytes(std::string_view text);
// The lower-case 8-4-4-4-12 form.
std::string guid_string(const GuidBytes& guid);

}  // namespace thematica
