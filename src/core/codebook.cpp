#include "core/codebook.hpp"

#include "core/ascii.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/code_path.hpp"

namespace thematica {
namespace {

bool same_name(const std::string& a, const std::string& b) { return iequals_ascii(a, b); }

}  // namespace

Codebook::Codebook(std::vector<Code> codes) : codes_(std::move(codes)) {
  for (std::size_t i = 0; i < codes_.size(); ++i) by_id_[codes_[i].id] = i;
}

const Code* Codebook::find(Id id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &codes_[it->second];
}

const Code* Codebook::child(std::optional<Id> parent, const std::string& name) const {
  for (const auto& code : codes_) {
    if (code.parent_id == parent && same_name(code.name, name)) return &code;
  }
  return nullptr;
}

Result<const Code*> Codebook::resolve(const std::string& path) const {
  TRY(names, parse_code_path(path));
  std::optional<Id> parent;
  const Code* code = nullptr;
  for (const auto& name : names) {
    code = child(parent, name);
    if (code != nullptr) {
      parent = code->id;
      continue;
    }
    std::string hint;
    for (const auto& other : codes_) {
      if (same_name(other.name, name)) {
        hint = fmt::format(" (did you mean '{}'?)", path_of(other.id));
        break;
      }
    }
    return failf(ErrorKind::kNotFound,
                 "no code '{}' in the codebook{}; add it with 'thematica codes add \"{}\"'", path,
                 hint, path);
  }
  return code;
}

std::string Codebook::path_of(Id id) const {
  std::vector<std::string> names;
  for (const Code* code = find(id); code != nullptr;
       code = code->parent_id ? find(*code->parent_id) : nullptr) {
    names.push_back(code->name);
  }
  std::reverse(names.begin(), names.end());
  return format_code_path(names);
}

std::vector<Id> Codebook::children_of(std::optional<Id> parent) const {
  std::vector<Id> out;
  for (const auto& code : codes_) {
    if (code.parent_id == parent) out.push_back(code.id);
  }
  return out;
}

std::vector<Id> Codebook::subtree(Id id) const {
  std::vector<Id> out;
  std::function<void(Id)> walk = [&](Id node) {
    out.push_back(node);
    for (Id kid : children_of(node)) walk(kid);
  };
  if (find(id) != nullptr) walk(id);
  return out;
}

int Codebook::depth_of(Id id) const {
  int depth = 0;
  for (const Code* code = find(id); code != nullptr && code->parent_id;
       code = find(*code->parent_id)) {
    ++depth;
  }
  return depth;
}

Status Codebook::check_move(Id id, std::optional<Id> parent) const {
  for (std::optional<Id> at = parent; at; at = find(*at) ? find(*at)->parent_id : std::nullopt) {
    if (*at == id) {
      return failf(ErrorKind::kConflict, "cannot move '{}' below itself", path_of(id));
    }
  }
  return {};
}

std::vector<const Code*> Codebook::in_tree_order() const {
  std::vector<const Code*> out;
  std::function<void(std::optional<Id>)> walk = [&](std::optional<Id> parent) {
    std::vector<const Code*> level;
    for (Id kid : children_of(parent)) level.push_back(find(kid));
    std::sort(level.begin(), level.end(),
              [](const Code* a, const Code* b) { return a->name < b->name; });
    for (const Code* code : level) {
      out.push_back(code);
      walk(code->id);
    }
  };
  walk(std::nullopt);
  return out;
}

}  // namespace thematica
