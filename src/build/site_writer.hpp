// Writes a built site: the bundle, one pre-rendered index.html per route,
// 404.html, the web app, the WASM module and the author's static files.
// Everything goes to a temporary sibling of the output directory first and
// is swapped in only when complete, so a failed build leaves the previous
// output untouched. Only a folder check_output_dir allows is replaced.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "build/build_timings.hpp"
#include "build/discover.hpp"
#include "core/bundle.hpp"
#include "core/router.hpp"

namespace quire {

struct WriteOptions {
  std::filesystem::path out_dir;
  std::filesystem::path web_dir;     // app.js, quire.js, style.css, ...
  std::filesystem::path wasm_dir;    // quire-core.js, quire-core.wasm
  // <content>/static, copied verbatim (may not exist); its parent is the
  // content folder, which the output must keep clear of (output_dir.hpp).
  std::filesystem::path static_dir;
  // Page bundles' files (images, downloads), each published in its post's
  // page folder, so the post's relative links find them.
  std::vector<PostFile> post_files = {};
  // Warnings (a static file replacing one of the app's); null: printed to
  // stderr, with " (warning)" after them.
  std::function<void(const std::string&)> warn = nullptr;
  // Phase times (build_timings.hpp), when not null: the writer marks its phases.
  BuildTimings* timings = nullptr;
  // ContentResult::plain_texts, when not null: the search index's input,
  // released once the index is written.
  std::vector<std::string>* plain_texts = nullptr;
  // Temml's dist folder (npm temml: kMathFiles), copied beside the app
  // into a site with math (core/math.hpp); missing, math stays TeX (a warning).
  std::filesystem::path math_dir = {};
  // Mermaid's dist folder (npm mermaid), whose ES module and chunks are
  // copied into mermaid/ of a site with a ```mermaid block (web/diagrams.js
  // draws them); missing, diagrams stay source (a warning).
  std::filesystem::path diagram_dir = {};
};

// Called after each page written with (pages done, pages in all).
using WriteProgress = std::function<void(size_t, size_t)>;

struct WriteStats {
  size_t pages = 0;
  size_t files = 0;
  size_t bytes = 0;
  double search_seconds = 0;  // building the search index (part of the build)
};

// Every route the site has, in a stable order.
std::vector<Route> all_routes(const Bundle& bundle);

// The files of web/ that ship with the site.
extern const char* const kWebFiles[];
extern const char* const kWasmFiles[];
extern const char* const kMathFiles[];  // web/math.js loads them

// Writes the site; sets bundle.search to the search index's boundary file
// it wrote (the search page's head names it for preloading).
bool write_site(Bundle& bundle, const WriteOptions& options, WriteStats& stats, std::string& error,
                const WriteProgress& progress = {});

}  // namespace quire
