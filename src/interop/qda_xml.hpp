#pragma once
// What reading and writing both REFI-QDA formats (.qdc codebooks, .qde projects) share: the
// lenient readings of GUIDs, colours and dates that real exporters need; they write XML with
// core/xml_writer.

#include <optional>
#include <string>
#include <string_view>

#include "core/xml_writer.hpp"

namespace thematica {

// A GUID as REFI-QDA allows it (8-4-4-4-12 hex digits, either case, optionally in braces), in
// lower case without braces; nullopt for anything else.
std::optional<std::string> normalise_guid(std::string_view text);

// "#rrggbb" in lower case from "#RGB", "#RRGGBB" or "#AARRGGBB"; empty for anything else.
std::string normalise_colour(std::string_view text);

// An xsd:dateTime (with or without fractions of a second and a zone; no zone is read as UTC) as
// UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", the form the project file keeps; nullopt when it is not one.
std::optional<std::string> normalise_datetime(std::string_view text);

}  // namespace thematica
