#pragma once
// The built front end, embedded in the binary at build time (embed_web.cmake).

#include <string_view>
#include <vector>

namespace thematica::server {

struct WebAsset {
  std::string_view path;  // "/index.html", "/assets/index-1a2b3c.js"
  std::string_view content_type;
  std::string_view body;
};

const std::vector<WebAsset>& web_assets();

}  // namespace thematica::server
