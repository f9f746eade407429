#include "interop/qdc.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/ascii.hpp"
#include "interop/qda_xml.hpp"

namespace thematica {
namespace {

constexpr std::string_view kNamespace = "urn:QDA-XML:codebook:1.0";

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::size_t line_at(std::string_view text, std::size_t offset) {
  text = text.substr(0, std::min(offset, text.size()));
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The namespace URI the element's prefix (or the default namespace) is bound to on it.
std::string namespace_of(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  std::string attribute =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  return node.attribute(attribute.c_str()).value();
}

class Reader {
 public:
  explicit Reader(std::string_view xml) : xml_(xml) {}

  std::size_t line_of(const pugi::xml_node& node) const {
    return line_at(xml_,
                   static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0)));
  }

  tl::unexpected<Error> refuse(const pugi::xml_node& node, const std::string& what) const {
    return fail(ErrorKind::kInvalidInput,
                fmt::format("line {}: <{}> {}", line_of(node), local_name(node), what));
  }

  Result<std::string> guid(const pugi::xml_node& node, const char* attribute = "guid") {
    if (auto g = normalise_guid(node.attribute(attribute).value())) return *g;
    return refuse(
        node, fmt::format("has no valid {} ('{}')", attribute, node.attribute(attribute).value()));
  }

  Result<std::string> unique_guid(const pugi::xml_node& node) {
    TRY(g, guid(node));
    if (!seen_.insert(g).second) return refuse(node, "repeats the GUID " + g);
    return g;
  }

  static std::string description(const pugi::xml_node& node) {
    for (auto child : node.children()) {
      if (local_name(child) == "Description") return child.text().get();
    }
    return {};
  }

  // What codes and sets share: a GUID of their own, a name and a description.
  template <class Element>
  Status read_identity(const pugi::xml_node& node, Element& out) {
    TRY(g, unique_guid(node));
    out.guid = g;
    out.name = node.attribute("name").value();
    if (out.name.empty()) return refuse(node, "has no name");
    out.description = description(node);
    return {};
  }

  Result<QdcCode> code(const pugi::xml_node& node) {
    QdcCode out;
    TRY_STATUS(read_identity(node, out));
    out.colour = normalise_colour(node.attribute("color").value());
    out.codable = std::string_view(node.attribute("isCodable").value()) != "false";
    for (auto child : node.children()) {
      if (local_name(child) != "Code") continue;
      TRY(sub, code(child));
      out.children.push_back(std::move(sub));
    }
    return out;
  }

  Result<QdcSet> set(const pugi::xml_node& node) {
    QdcSet out;
    TRY_STATUS(read_identity(node, out));
    for (auto child : node.children()) {
      if (local_name(child) != "MemberCode") continue;
      TRY(member, guid(child, child.attribute("targetGUID") ? "targetGUID" : "guid"));
      members_.emplace_back(member, child);
      out.members.push_back(member);
    }
    return out;
  }

  Status check_members() const {
    for (const auto& [member, node] : members_) {
      if (!seen_.contains(member)) return refuse(node, "names no code of the codebook: " + member);
    }
    return {};
  }

 private:
  std::string_view xml_;
  std::set<std::string> seen_;
  std::vector<std::pair<std::string, pugi::xml_node>> members_;
};

void write_code(pugi::xml_node parent, const QdcCode& code) {
  auto node = parent.append_child("Code");
  node.append_attribute("guid") = code.guid.c_str();
  node.append_attribute("name") = code.name.c_str();
  node.append_attribute("isCodable") = code.codable;
  if (!code.colour.empty()) node.append_attribute("color") = code.colour.c_str();
  if (!code.description.empty()) {
    node.append_child("Description").text() = code.description.c_str();
  }
  for (const auto& child : code.children) write_code(node, child);
}

}  // namespace

Result<QdcCodebook> parse_qdc(std::string_view xml) {
  // Entities are never expanded and nothing is ever fetched: a DOCTYPE has no business here.
  if (xml.find("<!DOCTYPE") != std::string_view::npos) {
    return fail(ErrorKind::kInvalidInput,
                "the codebook declares a DOCTYPE; REFI-QDA files have none, and it is refused "
                "rather than read");
  }
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  Reader reader(xml);
  if (!parsed) {
    return failf(ErrorKind::kInvalidInput, "line {}: malformed XML ({})",
                 line_at(xml, static_cast<std::size_t>(parsed.offset)), parsed.description());
  }
  auto root = doc.document_element();
  std::string ns = namespace_of(root);
  if (local_name(root) != "CodeBook") {
    return reader.refuse(root, "is not a REFI-QDA codebook (its root must be <CodeBook>)");
  }
  if (!ns.empty() && !ns.starts_with("urn:QDA-XML:codebook:")) {
    return reader.refuse(root, "has the namespace '" + ns + "', not urn:QDA-XML:codebook:1.0");
  }
  QdcCodebook out;
  out.origin = root.attribute("origin").value();
  for (auto section : root.children()) {
    for (auto child : section.children()) {
      if (local_name(section) == "Codes" && local_name(child) == "Code") {
        TRY(code, reader.code(child));
        out.codes.push_back(std::move(code));
      } else if (local_name(section) == "Sets" && local_name(child) == "Set") {
        TRY(set, reader.set(child));
        out.sets.push_back(std::move(set));
      }
    }
  }
  TRY_STATUS(reader.check_members());
  return out;
}

std::string write_qdc(const QdcCodebook& codebook) {
  pugi::xml_document doc;
  auto declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  auto root = doc.append_child("CodeBook");
  root.append_attribute("xmlns") = std::string(kNamespace).c_str();
  if (!codebook.origin.empty()) root.append_attribute("origin") = codebook.origin.c_str();
  auto codes = root.append_child("Codes");  // required by the schema, even when empty
  for (const auto& code : codebook.codes) write_code(codes, code);
  if (!codebook.sets.empty()) {
    auto sets = root.append_child("Sets");
    for (const auto& set : codebook.sets) {
      auto node = sets.append_child("Set");
      node.append_attribute("guid") = set.guid.c_str();
      node.append_attribute("name") = set.name.c_str();
      if (!set.description.empty()) {
        node.append_child("Description").text() = set.description.c_str();
      }
      for (const auto& member : set.members) {
        node.append_child("MemberCode").append_attribute("guid") = member.c_str();
      }
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace thematica
