#pragma once
// What reading and writing both REFI-QDA formats (.qdc codebooks, .qde projects) share: the
// lenient readings of GUIDs, colours and dates that real exporters need, and a streaming XML
// writer (a project with a million codings is written without building a document tree).

#include <optional>
#include <string>
#include <string_view>

namespace thematica {

// A GUID as REFI-QDA allows it (8-4-4-4-12 hex digits, either case, optionally in braces), in
// lower case without braces; nullopt for anything else.
std::optional<std::string> normalise_guid(std::string_view text);

// "#rrggbb" in lower case from "#RGB", "#RRGGBB" or "#AARRGGBB"; empty for anything else.
std::string normalise_colour(std::string_view text);

// An xsd:dateTime (with or without fractions of a second and a zone; no zone is read as UTC) as
// UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", the form the project file keeps; nullopt when it is not one.
std::optional<std::string> normalise_datetime(std::string_view text);

// Writes XML to a string as it goes. Element and attribute names are trusted; text and attribute
// values are escaped, and characters XML 1.0 cannot hold are refused by the caller beforehand.
class XmlWriter {
 public:
  explicit XmlWriter(std::string& out) : out_(out) {}

  // Opens `<name`; attributes follow until the next start, text or end.
  void start(std::string_view name);
  void attribute(std::string_view name, std::string_view value);
  // Only when `value` is not empty (optional attributes are left out rather than written empty).
  void optional_attribute(std::string_view name, std::string_view value);
  void text(std::string_view value);
  // An element holding only text: <name>value</name>.
  void text_element(std::string_view name, std::string_view value);
  // Closes the innermost open element (as `/>` when nothing was written inside it).
  void end(std::string_view name);
  // Appends XML that is already well formed (an element kept aside on import).
  void raw(std::string_view xml);

 private:
  void close_start_tag();
  void indent();

  std::string& out_;
  bool in_start_tag_ = false;
  bool had_children_ = false;
  int depth_ = 0;
};

// `value` escaped for an attribute or for text.
void append_escaped(std::string& out, std::string_view value, bool attribute);

}  // namespace thematica
