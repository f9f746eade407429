#pragma once
// Code paths name a code by its place in the codebook tree: "Barriers/Time constraints".
// A '/' inside a name is written "\/" and a backslash "\\".

#include <string>
#include <vector>

#include "core/error.hpp"

namespace thematica {

// Splits a path into names, trimming spaces around each. Errors: kInvalidInput for an empty path,
// an empty segment ("a//b") or a dangling backslash.
Result<std::vector<std::string>> parse_code_path(const std::string& path);

// The path of `names`, escaping '/' and '\' inside each name.
std::string format_code_path(const std::vector<std::string>& names);

// Checks one code name: not empty, no control characters. Errors: kInvalidInput.
Status check_code_name(const std::string& name);

}  // namespace thematica
