#pragma once
// Parsing the XML parts of zip-based office files with pugixml, and matching their elements by
// local name (so transitional and strict OOXML, with their different namespaces, read alike).

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

// Parses `xml`, keeping whitespace-only text nodes (pugixml drops them by default, which would
// turn a DOCX run holding one space, or the space between two ODT spans, into nothing and join
// two words). Readers decide which whitespace is content. Errors: kInvalidInput naming
// `part` and the byte offset of the error.
Result<pugi::xml_document> parse_xml_part(const std::string& xml, std::string_view what,
                                          std::string_view part);

// The element name without its namespace prefix: "w:t" -> "t".
std::string_view local_name(const pugi::xml_node& node);

}  // namespace thematica
