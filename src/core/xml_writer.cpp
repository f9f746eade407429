#include "core/xml_writer.hpp"

namespace thematica {

void append_escaped(std::string& out, std::string_view value, bool attribute) {
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      // Parsers turn a CR into LF and, in attributes, every newline and tab into a space;
      // character references survive both.
      case '\r':
        out += "&#13;";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        // XML 1.0 cannot hold other control characters, not even as references.
        if (byte < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
}

void XmlWriter::close_start_tag() {
  if (in_start_tag_) out_ += '>';
  in_start_tag_ = false;
}

void XmlWriter::indent() {
  out_ += '\n';
  out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
}

void XmlWriter::start(std::string_view name) {
  close_start_tag();
  if (depth_ > 0) indent();
  out_ += '<';
  out_ += name;
  in_start_tag_ = true;
  had_children_ = false;
  ++depth_;
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  append_escaped(out_, value, true);
  out_ += '"';
}

void XmlWriter::optional_attribute(std::string_view name, std::string_view value) {
  if (!value.empty()) attribute(name, value);
}

void XmlWriter::text(std::string_view value) {
  close_start_tag();
  append_escaped(out_, value, false);
}

void XmlWriter::text_element(std::string_view name, std::string_view value) {
  start(name);
  text(value);
  --depth_;
  out_ += "</";
  out_ += name;
  out_ += '>';
  had_children_ = true;
}

void XmlWriter::end(std::string_view name) {
  --depth_;
  if (in_start_tag_) {
    out_ += "/>";
    in_start_tag_ = false;
  } else {
    if (had_children_) indent();
    out_ += "</";
    out_ += name;
    out_ += '>';
  }
  had_children_ = true;
}

void XmlWriter::raw(std::string_view xml) {
  close_start_tag();
  indent();
  out_ += xml;
  had_children_ = true;
}

}  // namespace thematica
