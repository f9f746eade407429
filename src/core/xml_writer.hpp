#pragma once
// A streaming XML writer: a project with a million codings, or a report, is written without
// building a document tree.

#include <string>
#include <string_view>

namespace thematica {

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
