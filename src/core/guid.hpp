#pragma once
// GUIDs identify entities across projects (exchange files, merging coders' work). New ones are
// UUID version 7 (RFC 9562): time-ordered, so inserting many keeps the project's indexes
// append-only.

#include <string>
#include <string_view>

namespace thematica {

// A fresh lower-case GUID "xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx". Thread-safe.
std::string new_guid();

// True for the 8-4-4-4-12 hexadecimal form, either case (as REFI-QDA writes them).
bool is_guid(std::string_view text);

}  // namespace thematica
