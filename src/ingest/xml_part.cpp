#include "ingest/xml_part.hpp"

namespace thematica {

Result<pugi::xml_document> parse_xml_part(const std::string& xml, std::string_view what,
                                          std::string_view part) {
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                pugi::encoding_utf8);
  if (!parsed) {
    return failf(ErrorKind::kInvalidInput, "the {} is damaged: {} at byte {} of its part {}", what,
                 parsed.description(), parsed.offset, part);
  }
  return doc;
}

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace thematica
