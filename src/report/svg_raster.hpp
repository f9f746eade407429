#pragma once
// Renders an SVG picture to PNG with librsvg, for formats that need a raster next to the SVG
// (Word shows the SVG and keeps the PNG for older readers, which the format requires).

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica::report {

// The picture at `scale` times its own size in pixels (2 for print). The PNG holds no date or
// other clock, so the same SVG gives the same bytes on the same machine (fonts are the system's).
// Errors: kInvalidInput when librsvg cannot read the SVG, with its message.
Result<std::string> svg_to_png(std::string_view svg, double scale);

}  // namespace thematica::report
