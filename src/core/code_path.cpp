#include "core/code_path.hpp"

namespace thematica {
namespace {

std::string trim(const std::string& s) {
  auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

}  // namespace

Result<std::vector<std::string>> parse_code_path(const std::string& path) {
  std::vector<std::string> names;
  std::string current;
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '\\') {
      if (i + 1 == path.size()) {
        return failf(ErrorKind::kInvalidInput,
                     "code path '{}' ends in a backslash; write '\\/' for a slash in a name", path);
      }
      current.push_back(path[++i]);
    } else if (c == '/') {
      names.push_back(trim(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  names.push_back(trim(current));
  for (const auto& name : names) {
    if (name.empty()) {
      return failf(ErrorKind::kInvalidInput,
                   "code path '{}' has an empty name; write it as Parent/Child", path);
    }
    TRY_STATUS(check_code_name(name));
  }
  return names;
}

std::string format_code_path(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out.push_back('/');
    for (char c : names[i]) {
      if (c == '/' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

Status check_code_name(const std::string& name) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a code name cannot be empty");
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) {
      return failf(ErrorKind::kInvalidInput,
                   "code name '{}' contains a control character; use plain text", name);
    }
  }
  return {};
}

}  // namespace thematica
