#include "build/discover.hpp"

#include <algorithm>
#include <map>

#include "build/fsutil.hpp"

namespace quire {
namespace fs = std::filesystem;

bool is_markdown_name(const fs::path& file) {
  const fs::path ext = file.extension();
  return ext == ".md" || ext == ".markdown";
}

namespace {

// Folders of content/ other parts of the build read as a whole (static/:
// site_writer copies it).
const char* const kUsedFolders[] = {"static", "pages"};  // pages: pages_content.hpp

bool is_bundle_index(const fs::path& file) {
  return file.filename() == "index.md" || file.filename() == "index.markdown";
}

// The engine a folder's config files name, and the file that says so.
void recognise_engine(const fs::path& dir, Discovery& d) {
  std::error_code ec;
  auto has = [&](const char* name) { return fs::is_regular_file(dir / name, ec); };
  for (const char* f : {"_config.yml", "_config.yaml", "_config.toml"})
    if (has(f)) { d.engine = "jekyll"; d.engine_sign = f; return; }
  for (const char* f : {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default/hugo.toml",
                        "config/_default/hugo.yaml", "config/_default/config.toml", "config/_default/config.yaml"})
    if (has(f)) { d.engine = "hugo"; d.engine_sign = f; return; }
  for (const char* f : {".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"})
    if (has(f)) { d.engine = "eleventy"; d.engine_sign = f; return; }
  if (has("zola.toml")) { d.engine = "zola"; d.engine_sign = "zola.toml"; return; }
  if (has("config.toml")) {
    std::string text;
    read_file(dir / "config.toml", text);
    if (text.find("base_url") != std::string::npos) { d.engine = "zola"; d.engine_sign = "config.toml"; return; }
    if (text.find("baseURL") != std::string::npos || text.find("baseurl") != std::string::npos) {
      d.engine = "hugo";
      d.engine_sign = "config.toml";
      return;
    }
  }
  for (const fs::path& m : d.foreign_markdown)
    for (const fs::path& part : m)
      if (part == "_posts") { d.engine = "jekyll"; d.engine_sign = "_posts/"; return; }
}

}  // namespace

Discovery discover_content(const fs::path& dir) {
  Discovery d;
  std::error_code ec;
  std::vector<fs::path> files;  // relative to dir
  std::vector<fs::path> bundles;  // folders under posts/ with an index.md, relative
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    fs::path rel = p.lexically_relative(dir);
    files.push_back(rel);
    if (rel.begin() != rel.end() && *rel.begin() == "posts" && is_bundle_index(rel) &&
        std::distance(rel.begin(), rel.end()) >= 3)
      bundles.push_back(rel.parent_path());
  }
  std::sort(files.begin(), files.end());
  std::sort(bundles.begin(), bundles.end());
  // The outermost bundle holding a file (a bundle inside a bundle is its file).
  auto bundle_of = [&](const fs::path& rel) -> const fs::path* {
    for (const fs::path& b : bundles) {
      auto [bi, ri] = std::mismatch(b.begin(), b.end(), rel.begin(), rel.end());
      if (bi == b.end() && ri != rel.end()) return &b;
    }
    return nullptr;
  };
  std::map<fs::path, size_t> bundle_post;  // bundle folder -> index in d.posts
  for (const fs::path& b : bundles) {
    if (bundle_of(b / "index.md") != &b) continue;  // inside another bundle
    fs::path index = fs::exists(dir / b / "index.md", ec) ? b / "index.md" : b / "index.markdown";
    bundle_post[b] = d.posts.size();
    d.posts.push_back({dir / index, b.filename().string(), {}});
  }
  for (const fs::path& rel : files) {
    const std::string top = rel.begin() == rel.end() ? std::string() : rel.begin()->string();
    if (rel == "site.yaml") continue;
    if (std::distance(rel.begin(), rel.end()) > 1 &&
        std::find(std::begin(kUsedFolders), std::end(kUsedFolders), top) != std::end(kUsedFolders))
      continue;
    if (top == "posts" && std::distance(rel.begin(), rel.end()) > 1) {
      if (const fs::path* b = bundle_of(rel)) {
        PostSource& post = d.posts[bundle_post[*b]];
        if (dir / rel == post.file) continue;
        post.files.push_back({"", dir / rel, rel.lexically_relative(*b).generic_string()});
        continue;
      }
      if (is_markdown_name(rel) && rel.stem() != "_index") {
        d.posts.push_back({dir / rel, rel.stem().string(), {}});
        continue;
      }
      d.unused.push_back(dir / rel);
      continue;
    }
    d.unused.push_back(dir / rel);
    if (is_markdown_name(rel)) d.foreign_markdown.push_back(dir / rel);
  }
  std::sort(d.posts.begin(), d.posts.end(), [](const PostSource& a, const PostSource& b) { return a.file < b.file; });
  recognise_engine(dir, d);
  return d;
}

std::string unused_files_message(const std::vector<fs::path>& files, const fs::path& dir, size_t shown) {
  std::string out = std::to_string(files.size()) + (files.size() == 1 ? " file" : " files") + " not used: ";
  for (size_t i = 0; i < files.size() && i < shown; ++i) {
    if (i) out += i + 1 == files.size() ? " and " : ", ";
    out += files[i].lexically_relative(dir).generic_string();
  }
  if (files.size() > shown) out += " and " + std::to_string(files.size() - shown) + " more";
  return out;
}

}  // namespace quire
