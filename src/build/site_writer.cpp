#include "build/site_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include "build/feeds.hpp"
#include "build/fsutil.hpp"
#include "build/output_dir.hpp"
#include "build/redirects.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/math.hpp"
#include "core/search_index.hpp"
#include "core/views.hpp"

namespace quire {
namespace fs = std::filesystem;

const char* const kWebFiles[] = {"app.js", "quire.js", "footnote-preview.js", "math.js", "diagrams.js", "theme.js", "style.css", "favicon.svg",
                                 // the embeddable widget, its types and demo
                                 "quire-widget.js", "quire-widget.d.ts", "quire.d.ts", "embed-demo.html",
                                 nullptr};
const char* const kWasmFiles[] = {"quire-core.js", "quire-core.wasm", nullptr};
const char* const kMathFiles[] = {"temml.min.js", "Temml-Local.css", "Temml.woff2", nullptr};
const char* const kDiagramEntry = "mermaid.esm.min.mjs";
const char* const kDiagramChunks = "chunks/mermaid.esm.min";
const char* const kDiagramDir = "mermaid";

std::vector<Route> all_routes(const Bundle& b) {
  std::vector<Route> routes;
  const size_t per = static_cast<size_t>(std::max(1, b.site.posts_per_page));
  auto pages = [per](size_t n) { return std::max<size_t>(1, (n + per - 1) / per); };
  for (size_t p = 1; p <= pages(b.posts.size()); ++p) routes.push_back(home_route(static_cast<int>(p)));
  for (const Post& p : b.posts) routes.push_back(post_route(p));
  routes.push_back(route_of(RouteKind::TagsIndex));
  for (const TagInfo& t : b.tags)
    for (size_t p = 1; p <= pages(t.posts.size()); ++p) routes.push_back(tag_route(t.slug, static_cast<int>(p)));
  if (b.site.categories) {  // categories.hpp
    routes.push_back(terms_index_route(true));
    for (const TagInfo& t : b.categories)
      for (size_t p = 1; p <= pages(t.posts.size()); ++p) routes.push_back(term_route(t, static_cast<int>(p)));
  }
  routes.push_back(route_of(RouteKind::ArchiveIndex));
  for (const MonthInfo& m : b.months) routes.push_back(month_route(m.year, m.month));
  routes.push_back(route_of(RouteKind::Search));
  for (const Post& p : b.pages) routes.push_back(page_route(p));
  return routes;
}

namespace {

// Renders and writes every route's page on several threads: pages are
// independent and rendering reads the bundle only. Workers take routes in
// small chunks from a shared counter, so slow pages do not idle a thread.
// First they render every post's entry in the summary lists, once: a post
// is on a home page and on each of its tags' pages (three lists each in a
// blog of two tags a post).
bool write_pages(const Bundle& b, const fs::path& root, WriteStats& stats, std::string& error,
                 const WriteProgress& progress) {
  const std::vector<Route> routes = all_routes(b);
  const size_t total = routes.size() + 1;  // and 404.html
  constexpr size_t kChunk = 16;
  std::vector<std::string> entries(b.posts.size());
  std::atomic<size_t> next_entry{0};
  std::atomic<size_t> entry_workers{0};  // workers done with the entries
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards stats, error and progress
  size_t threads = routes.size() < 4 * kChunk ? 1 : build_threads();
  auto work = [&] {
    for (size_t i; (i = next_entry.fetch_add(kChunk)) < entries.size();)
      for (size_t k = i; k < std::min(entries.size(), i + kChunk); ++k) entries[k] = summary_entry(b, k, false);
    // Every page may list any post: wait for the others' last entries.
    entry_workers.fetch_add(1);
    while (entry_workers.load() < threads) std::this_thread::yield();
    std::string problem;
    while (!failed) {
      const size_t start = next.fetch_add(kChunk);
      if (start >= routes.size()) break;
      const size_t end = std::min(routes.size(), start + kChunk);
      size_t bytes = 0;
      for (size_t i = start; i < end && problem.empty(); ++i) {
        View v = render_view(b, routes[i], entries);
        if (v.status != 200) {
          problem = "internal: route " + route_path(routes[i]) + " rendered status " + std::to_string(v.status);
          break;
        }
        // The file path is the route's path without base_path (dist/ is
        // served at base_path). Hosts decode the URL before looking up the
        // file: write the decoded path (a tag "café" lives in tags/café/).
        std::string rel = percent_decode(route_path(routes[i], "/").substr(1));
        std::string html = render_document(b, v);
        // A post at a file name (/:year/:month/:day/:title.html) is that file.
        const bool own_folder = rel.empty() || rel.back() == '/';
        const fs::path file = own_folder ? root / rel / "index.html" : root / rel;
        if (!write_file(file, html, problem, own_folder)) break;
        bytes += html.size();
      }
      std::lock_guard<std::mutex> lock(mutex);
      if (!problem.empty()) {
        if (error.empty()) error = problem;
        failed = true;
        return;
      }
      stats.pages += end - start;
      stats.files += end - start;
      stats.bytes += bytes;
      if (progress) progress(stats.pages, total);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return !failed;
}

// Whether any post or page reads TeX as math (core/math.hpp).
bool has_math(const Bundle& b) {
  if (b.site.math) return true;
  for (const std::vector<Post>* list : {&b.posts, &b.pages})
    for (const Post& p : *list)
      if (post_has_math(b.site, p)) return true;
  return false;
}

// Whether any post or page has a diagram web/diagrams.js draws in the
// reader's browser (its `blocks`): a ```mermaid block, decided as the
// renderer decides, by its <code class="language-mermaid">, or a raw
// <div class="mermaid"> (or <pre>), for the few posts that name it at all.
bool has_diagrams(const Bundle& b) {
  for (const std::vector<Post>* list : {&b.posts, &b.pages})
    for (const Post& p : *list) {
      const std::string_view body = p.body.view();
      if (body.find("mermaid") == std::string_view::npos) continue;
      const std::string html = render_markdown(body);
      if (html.find("<code class=\"language-mermaid\">") != std::string::npos ||
          html.find("<div class=\"mermaid\">") != std::string::npos || html.find("<pre class=\"mermaid\">") != std::string::npos)
        return true;
    }
  return false;
}

// Static files may replace these of the build's files (a favicon, a
// stylesheet, a robots.txt of the author's own), with a warning; any other
// file the build writes is an error to collide with.
bool replaceable(const fs::path& rel) {
  for (const char* f : {kFaviconFile, kStylesheetFile, kRobotsFile})
    if (rel == f) return true;
  return false;
}

// What a file the build wrote is, for an error: " (the page /posts/a/)".
std::string built_as(const fs::path& rel) {
  if (rel == kBundleFile) return " (the bundle the app loads)";
  if (rel.filename() == "index.html") {
    std::string dir = rel.parent_path().generic_string();
    return dir.empty() ? " (the home page)" : " (the page /" + dir + "/)";
  }
  return "";
}

void warn(const WriteOptions& o, const std::string& message) {
  if (o.warn) o.warn(message);
  else std::cerr << message << " (warning)\n";
}

bool write_all(Bundle& b, const WriteOptions& o, const fs::path& root, WriteStats& stats, std::string& error,
               const WriteProgress& progress) {
  auto phase = [&](const char* name) {
    if (o.timings) o.timings->mark(name);
  };
  auto put = [&](const fs::path& rel, const std::string& data) {
    if (!write_file(root / rel, data, error)) return false;
    ++stats.files;
    stats.bytes += data.size();
    return true;
  };
  // A large blog ships an index and content-hashed chunks of bodies.
  const bool split = b.site.split_bundle_over > 0 && b.posts.size() > static_cast<size_t>(b.site.split_bundle_over);
  // The search index: a boundary file and word-range shards, named by
  // content (core/search_index.hpp), for small and split blogs alike.
  phase("search index");
  const auto search_start = std::chrono::steady_clock::now();
  const SearchFiles search = write_search_index(b, kShardBytes, o.plain_texts);
  if (o.plain_texts) std::vector<std::string>().swap(*o.plain_texts);  // not needed again
  stats.search_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - search_start).count();
  if (!put(search.boundary.path, search.boundary.bytes)) return false;
  b.search = search.boundary.path;  // before any page: the search page preloads it
  for (const auto* files : {&search.shards, &search.typo_shards})
    for (const SearchFile& f : *files)
      if (!put(f.path, f.bytes)) return false;
  // The bundle, 404.html and the feeds are each made on one thread: they
  // are written on a thread of their own while the pages render on the
  // pool (independent files; the cores are shared). Same files, same
  // counts as one after the other; side_put counts apart and is merged.
  phase("pages, bundle, feeds");
  WriteStats side_stats;
  std::string side_error;
  auto side_put = [&](const fs::path& rel, const std::string& data) {
    if (!write_file(root / rel, data, side_error)) return false;
    ++side_stats.files;
    side_stats.bytes += data.size();
    return true;
  };
  auto side = [&] {
    if (!split) {
      if (!side_put(kBundleFile, write_bundle_json(b, search.boundary.path))) return false;
    } else {
      SplitBundle parts = write_split_bundle(b, kChunkDir, kPostsPerChunk, search.boundary.path);
      if (!side_put(kBundleFile, parts.index)) return false;
      for (const SplitBundle::Chunk& c : parts.chunks)
        if (!side_put(c.path, c.json)) return false;
    }
    View missing = render_view(b, Route{});
    if (!side_put("404.html", render_document(b, missing))) return false;
    ++side_stats.pages;
    for (const OutputFile& f : feed_files(b))
      if (!side_put(f.path, f.data)) return false;
    return true;
  };
  bool side_ok = true;
  std::thread side_thread([&] { side_ok = side(); });
  const bool pages_ok = write_pages(b, root, stats, error, progress);
  side_thread.join();
  stats.pages += side_stats.pages;
  stats.files += side_stats.files;
  stats.bytes += side_stats.bytes;
  if (!side_ok) {  // the first of the two in the order they once ran
    error = side_error;
    return false;
  }
  if (!pages_ok) return false;
  if (progress) progress(stats.pages, stats.pages);
  phase("redirects");
  for (const RedirectFile& f : redirect_files(b))  // old URLs (aliases), after the pages as before
    if (!put(f.path, f.html)) return false;

  phase("copies");
  auto copy_list = [&](const fs::path& dir, const char* const* names) {
    for (const char* const* n = names; *n; ++n) {
      std::string data;
      if (!read_file(dir / *n, data)) {
        error = (dir / *n).string() + ": cannot read (is the app built? run npm run build)";
        return false;
      }
      if (!put(*n, data)) return false;
    }
    return true;
  };
  if (!copy_list(o.web_dir, kWebFiles) || !copy_list(o.wasm_dir, kWasmFiles)) return false;
  if (has_math(b)) {  // the typesetter web/math.js loads (core/math.hpp)
    std::error_code missing;
    if (fs::is_regular_file(o.math_dir / kMathFiles[0], missing)) {
      if (!copy_list(o.math_dir, kMathFiles)) return false;
    } else {
      warn(o, "math is shown as TeX: Temml (the npm package temml) is not at " + o.math_dir.string() +
                  " (run npm install, or set QUIRE_MATH_DIR to its dist folder)");
    }
  }
  if (has_diagrams(b)) {  // what web/diagrams.js imports: Mermaid's ES module and its chunks (no source maps)
    std::error_code missing;
    if (fs::is_regular_file(o.diagram_dir / kDiagramEntry, missing)) {
      std::string data;
      if (!read_file(o.diagram_dir / kDiagramEntry, data)) {
        error = (o.diagram_dir / kDiagramEntry).string() + ": cannot read";
        return false;
      }
      if (!put(fs::path(kDiagramDir) / kDiagramEntry, data)) return false;
      std::vector<fs::path> chunks;
      for (const auto& entry : fs::directory_iterator(o.diagram_dir / kDiagramChunks, missing))
        if (entry.path().extension() == ".mjs") chunks.push_back(entry.path());
      std::sort(chunks.begin(), chunks.end());
      for (const fs::path& chunk : chunks) {
        if (!read_file(chunk, data)) {
          error = chunk.string() + ": cannot read";
          return false;
        }
        if (!put(fs::path(kDiagramDir) / kDiagramChunks / chunk.filename(), data)) return false;
      }
    } else {
      warn(o, "diagrams are shown as their source: Mermaid (the npm package mermaid) is not at " +
                  o.diagram_dir.string() + " (run npm install, or set QUIRE_DIAGRAM_DIR to its dist folder)");
    }
  }
  std::error_code ec;
  for (const PostFile& f : o.post_files) {
    // The folder the post's page is in: its route's path (a pattern may
    // place it anywhere, or name a file: /2016/10/06/x.html is in /2016/10/06/).
    const Post* post = b.find_post(f.slug);
    std::string page = route_path(post ? post_route(*post) : post_route(f.slug), "/").substr(1);
    page.erase(page.rfind('/') + 1);
    const fs::path rel = fs::path(percent_decode(page)) / f.rel;
    std::string data;
    if (!read_file(f.source, data)) {
      error = f.source.string() + ": cannot read";
      return false;
    }
    if (fs::exists(root / rel, ec)) {
      error = f.source.string() + ": would replace the build's own " + rel.generic_string() + built_as(rel) +
              "; rename it";
      return false;
    }
    if (!put(rel, data)) return false;
  }
  if (!o.static_dir.empty() && fs::is_directory(o.static_dir, ec)) {
    auto taken = [&](const fs::path& rel, const fs::path& built, std::string& problem) {
      if (rel == built && replaceable(rel)) {
        warn(o, (o.static_dir / rel).string() + ": replaces the build's own " + rel.string());
        const std::uintmax_t size = fs::file_size(root / rel, ec);
        if (!ec) stats.bytes -= std::min<size_t>(stats.bytes, static_cast<size_t>(size));
        --stats.files;  // counted again when copied
        return true;
      }
      const bool folder = fs::is_directory(root / built, ec);
      problem = (o.static_dir / rel).string() + ": " + (rel == built ? "would replace" : "collides with") +
                " the build's own " + built.generic_string() + (folder ? "/" : "") + built_as(built) +
                "; rename or move it (static files are copied into the root of the output, beside the build's own)";
      return false;
    };
    if (!copy_tree(o.static_dir, root, taken, stats.files, stats.bytes, error)) return false;
  }
  return true;
}

}  // namespace

bool write_site(Bundle& b, const WriteOptions& o, WriteStats& stats, std::string& error,
                const WriteProgress& progress) {
  std::error_code ec;
  fs::path target;
  fs::path content = o.static_dir.empty() ? fs::path() : o.static_dir.parent_path();
  if (!o.static_dir.empty() && content.empty()) content = ".";
  if (!check_output_dir(o.out_dir, content, target, error)) return false;
  fs::path staged = target;
  staged += ".tmp-" + std::to_string(::getpid());
  fs::remove_all(staged, ec);
  fs::create_directories(staged, ec);
  if (ec) {
    error = "cannot create " + staged.string() + ": " + ec.message();
    return false;
  }
  if (!write_all(b, o, staged, stats, error, progress)) {
    fs::remove_all(staged, ec);
    return false;
  }
  if (o.timings) o.timings->mark("swap into place");
  if (!swap_into_place(staged, target, error)) {
    fs::remove_all(staged, ec);
    return false;
  }
  return true;
}

}  // namespace quire
