#pragma once
// Code colours: "#rrggbb". New codes take the next colour of a palette chosen to stay distinct on
// screen and in print, so a fresh codebook is readable without choosing colours by hand.

#include <cstddef>
#include <string>

#include "core/error.hpp"

namespace thematica {

// The palette colour for the `index`-th code (cycles).
std::string palette_colour(std::size_t index);

// Accepts "#rgb" or "#rrggbb" in either case and returns "#rrggbb" in lower case.
// Errors: kInvalidInput with an example of the expected form.
Result<std::string> parse_colour(const std::string& text);

}  // namespace thematica
