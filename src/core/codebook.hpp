#pragma once
// A read-only view of the code tree built from a flat list of codes: resolves paths, lists
// children and descendants, and checks that a rename or move keeps the tree valid. Holds copies,
// so it stays valid after the store changes (rebuild it to see the changes).

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/entities.hpp"
#include "core/error.hpp"

namespace thematica {

class Codebook {
 public:
  explicit Codebook(std::vector<Code> codes);

  const std::vector<Code>& codes() const { return codes_; }
  const Code* find(Id id) const;

  // Errors: kInvalidInput for a malformed path; kNotFound naming the first missing level and, for
  // a near miss, a code of the same name elsewhere in the tree.
  Result<const Code*> resolve(const std::string& path) const;
  // The code named `name` under `parent` (nullopt: top level), compared without regard to ASCII
  // case, as the project file compares them.
  const Code* child(std::optional<Id> parent, const std::string& name) const;

  std::string path_of(Id id) const;
  std::vector<Id> children_of(std::optional<Id> parent) const;  // in creation order
  // `id` and everything below it, depth first.
  std::vector<Id> subtree(Id id) const;
  int depth_of(Id id) const;  // 0 for a top-level code

  // Errors: kConflict when `parent` is `id` itself or lies below it.
  Status check_move(Id id, std::optional<Id> parent) const;
  // Codes in tree order (parents before children, siblings by name), for listings.
  std::vector<const Code*> in_tree_order() const;

 private:
  std::vector<Code> codes_;
  std::unordered_map<Id, std::size_t> by_id_;
};

}  // namespace thematica
