// The web workbench's pages, scripts and styles (web/*), embedded in the binary at build time by
// cmake/embed_web.cmake: path → content type and bytes.
#pragma once

#include <string_view>
#include <vector>

namespace casus {

struct WebAsset {
  std::string_view path;          //!< "/index.html", "/app.js", …
  std::string_view content_type;  //!< "text/html; charset=utf-8", …
  std::string_view bytes;
};

//! Every embedded asset.
const std::vector<WebAsset>& WebAssets();

}  // namespace casus
