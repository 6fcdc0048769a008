// Target "import": `quire import` (src/build/import/) on a small blog of
// the fuzzer's making. The input's first byte picks the engine; the rest,
// cut at "\n@@\n", is the blog's config, then up to three posts and a page,
// written where that engine keeps them (below). Checks: never a crash, hang
// or exception; the report is valid UTF-8 and each of its lines names a
// file of the blog and a line within it; and what an import that says ok
// wrote, Quire's own build reads without an error (the import's promise:
// `quire import` then `quire build` works), with every post it counted.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "build/content.hpp"
#include "build/import/import.hpp"
#include "fuzz_check.hpp"

namespace fs = std::filesystem;

namespace {

using quire::fuzz::excerpt;
using quire::fuzz::valid_utf8;

struct Layout {
  quire::Engine engine;
  const char* files[5];  // config, post, post, post, page
};

// Each engine's usual places (a post of each kind of file name it reads).
const Layout kLayouts[] = {
    {quire::Engine::jekyll,
     {"_config.yml", "_posts/2020-01-02-first-post.md", "_posts/2021/2021-03-04-Zweiter Beitrag.markdown",
      "_drafts/draft.md", "about.md"}},
    {quire::Engine::hugo,
     {"hugo.toml", "content/posts/first-post.md", "content/posts/bundle/index.md", "content/blog/third.en.md",
      "content/about.md"}},
    {quire::Engine::zola,
     {"zola.toml", "content/blog/first-post.md", "content/blog/bundle/index.md", "content/blog/_index.md",
      "content/about.md"}},
    {quire::Engine::eleventy,
     {"eleventy.config.js", "posts/first-post.md", "posts/2021-03-04-second.md", "posts/posts.11tydata.json",
      "about.md"}},
};

// A per-process scratch folder (libFuzzer may run jobs side by side).
fs::path scratch() {
  static const fs::path dir = [] {
    std::error_code ec;
    fs::path base = fs::exists("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    return base / ("quire-fuzz-import-" + std::to_string(::getpid()));
  }();
  return dir;
}

std::vector<std::string_view> parts_of(std::string_view s) {
  std::vector<std::string_view> out;
  const std::string_view cut = "\n@@\n";
  while (out.size() < 4) {
    const size_t at = s.find(cut);
    if (at == std::string_view::npos) break;
    out.push_back(s.substr(0, at));
    s.remove_prefix(at + cut.size());
  }
  out.push_back(s);
  return out;
}

int lines_in(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return static_cast<int>(std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r')) + 1;
}

void check_names(const std::vector<quire::Diagnostic>& list, const fs::path& src, const char* what) {
  for (const quire::Diagnostic& d : list) {
    FUZZ_CHECK(valid_utf8(d.message) && !d.message.empty(), std::string(what) + ": invalid UTF-8 or empty: " +
                                                                excerpt(d.message));
    if (d.file.empty()) continue;
    const fs::path f(d.file);
    std::error_code ec;
    if (!fs::is_regular_file(f, ec)) continue;  // a folder or the blog itself
    FUZZ_CHECK(d.file.rfind(src.string(), 0) == 0, std::string(what) + " names a file outside the blog: " + d.file);
    FUZZ_CHECK(d.line >= 0 && d.line <= lines_in(f), std::string(what) + ": line " + std::to_string(d.line) +
                                                         " of " + d.file + ": " + excerpt(d.message));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 16384) return 0;
  const Layout& layout = kLayouts[data[0] % 4];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<std::string_view> parts = parts_of(rest);

  const fs::path root = scratch();
  std::error_code ec;
  fs::remove_all(root, ec);
  const fs::path src = root / "blog";
  const fs::path dest = root / "out" / "content";
  for (size_t i = 0; i < parts.size(); ++i) {
    const fs::path file = src / layout.files[i];
    fs::create_directories(file.parent_path(), ec);
    std::ofstream(file, std::ios::binary).write(parts[i].data(), static_cast<std::streamsize>(parts[i].size()));
  }

  const quire::ImportReport report = quire::import_blog(layout.engine, src, dest, quire::ImportOptions{});
  const std::string text = report.str();
  FUZZ_CHECK(valid_utf8(text), "the report is not valid UTF-8: " + excerpt(text));
  check_names(report.not_converted, src, "not converted");
  check_names(report.errors, src, "an import error");
  for (const quire::Diagnostic& e : report.errors)  // its catch-all: a bug met on the way
    FUZZ_CHECK(e.message.find("did not expect") == std::string::npos, e.str());

  if (report.ok()) {
    quire::ContentOptions o;
    o.drafts = true;
    o.future = true;
    const quire::ContentResult content = quire::load_content(dest, o);
    std::string first;
    if (!content.errors.empty()) {
      const quire::Diagnostic& e = content.errors.front();
      fs::path file(e.file);
      std::ifstream in(file, std::ios::binary);
      std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      first = e.str() + "\n  the file the import wrote:\n" + excerpt(written, 600);
    }
    FUZZ_CHECK(content.errors.empty(), "the import said ok, and the build refuses what it wrote: " + first);
    FUZZ_CHECK(content.bundle.posts.size() == report.posts,  // drafts among them
               "the import counted " + std::to_string(report.posts) + " posts (" +
                   std::to_string(report.drafts) + " drafts); the build reads " +
                   std::to_string(content.bundle.posts.size()));
  }
  fs::remove_all(root, ec);
  return 0;
}
