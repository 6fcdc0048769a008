// Where a build writes: the output folder it may replace, and the author's
// static files beside the files the build makes.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <filesystem>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/fsutil.hpp"
#include "build/output_dir.hpp"
#include "build/remove_tree.hpp"
#include "build/site_writer.hpp"
#include "core/search_index.hpp"

namespace fs = std::filesystem;

namespace {

const char* const kPreviousBundle = R"({"format":"quire-bundle","version":1,"site":{},"posts":[]})";

// A scratch folder with a content folder (one post), the app's files, and
// room for outputs beside them; removed at the end of the test.
struct Site {
  fs::path root, content, web, wasm;
  Site() {
    root = fs::temp_directory_path() / ("quire-output-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(root);
    content = root / "content";
    web = root / "web";
    wasm = root / "wasm";
    for (const char* const* f = quire::kWebFiles; *f; ++f) write(web / *f, std::string("web ") + *f);
    for (const char* const* f = quire::kWasmFiles; *f; ++f) write(wasm / *f, "wasm");
    write(content / "site.yaml", "title: T\n");
    write(content / "posts/2022-01-01-a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nA.\n");
  }
  ~Site() { fs::remove_all(root); }
  static void write(const fs::path& path, const std::string& text) {
    std::string error;
    REQUIRE_MESSAGE(quire::write_file(path, text, error), error);
  }
  static std::string read(const fs::path& path) {
    std::string text;
    CHECK_MESSAGE(quire::read_file(path, text), path.string());
    return text;
  }
  // Builds content/ into `out`; false with `error` set on failure.
  bool build(const fs::path& out, std::string& error, quire::WriteStats* stats_out = nullptr,
             std::vector<std::string>* warnings = nullptr) const {
    auto r = quire::load_content(content, {});
    REQUIRE(r.ok());
    quire::WriteOptions o{out, web, wasm, content / "static"};
    std::vector<std::string> ignored;
    std::vector<std::string>* sink = warnings ? warnings : &ignored;
    o.warn = [sink](const std::string& w) { sink->push_back(w); };
    quire::WriteStats stats;
    bool ok = quire::write_site(r.bundle, o, stats, error);
    if (stats_out) *stats_out = stats;
    return ok;
  }
  // The entries of `dir`, sorted.
  static std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  static inline int n = 0;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs the test in `dir` as the current folder, and goes back after.
struct InFolder {
  fs::path before = fs::current_path();
  explicit InFolder(const fs::path& dir) { fs::current_path(dir); }
  ~InFolder() { fs::current_path(before); }
};

}  // namespace

TEST_SUITE("output") {
  TEST_CASE("the build writes every search file its index names, typo shards included") {
    Site site;
    Site::write(site.content / "posts/2022-02-01-b.md", "---\ntitle: Performance\ndate: 2022-02-01\n---\nMeasured.\n");
    const fs::path out = site.root / "out";
    std::string error;
    REQUIRE_MESSAGE(site.build(out, error), error);
    const std::vector<std::string> files = Site::entries(out / "search");
    const std::string boundary = *std::find_if(files.begin(), files.end(),
                                               [](const std::string& f) { return f.rfind("index-", 0) == 0; });
    quire::SearchIndex index;
    index.path = "search/" + boundary;
    REQUIRE(quire::read_search_boundary(Site::read(out / "search" / boundary), index).ok);
    CHECK(!index.typo_shards.empty());
    for (const auto& s : index.shards) CHECK_MESSAGE(fs::exists(out / s.path), s.path);
    for (const auto& s : index.typo_shards) CHECK_MESSAGE(fs::exists(out / s.path), s.path);
  }

  TEST_CASE("the search page preloads the search index's boundary file (a search needs it first); other pages do not") {
    Site site;
    const fs::path out = site.root / "out";
    std::string error;
    REQUIRE_MESSAGE(site.build(out, error), error);
    std::string boundary;
    for (const std::string& f : Site::entries(out / "search"))
      if (f.rfind("index-", 0) == 0) boundary = f;
    REQUIRE(!boundary.empty());
    const std::string preload = "<link rel=\"preload\" href=\"/search/" + boundary + "\" as=\"fetch\" crossorigin";
    CHECK(has(Site::read(out / "search/index.html"), preload));
    CHECK_FALSE(has(Site::read(out / "index.html"), "/search/" + boundary));
    CHECK_FALSE(has(Site::read(out / "404.html"), "/search/" + boundary));
    // and the bundle names the same file
    CHECK(has(Site::read(out / "bundle.json"), "\"search/" + boundary + "\""));
  }

  TEST_CASE("an output path ending in a slash or a dot names the folder itself") {
    Site s;
    for (const std::string spelling : {"dist/", "dist/.", "dist//", "./dist/./", "dist/../dist/"}) {
      CAPTURE(spelling);
      fs::path target;
      std::string error;
      REQUIRE_MESSAGE(quire::check_output_dir(s.root / spelling, s.content, target, error), error);
      CHECK(target == s.root / "dist");
    }
  }

  TEST_CASE("a build into dist/ with a trailing slash writes dist and leaves nothing else behind") {
    Site s;
    std::string error;
    REQUIRE_MESSAGE(s.build(s.root.string() + "/dist/", error), error);
    CHECK(fs::exists(s.root / "dist/posts/a/index.html"));
    REQUIRE_MESSAGE(s.build(s.root.string() + "/dist/", error), error);  // and again, over the first
    REQUIRE_MESSAGE(s.build(s.root / "out/.", error), error);
    CHECK(fs::exists(s.root / "out/index.html"));
    CHECK(Site::entries(s.root) == std::vector<std::string>{"content", "dist", "out", "wasm", "web"});
    CHECK(Site::entries(s.root / "dist") == Site::entries(s.root / "out"));
  }

  TEST_CASE("the current folder and its parents are refused as output") {
    Site s;
    Site::write(s.root / "here/keep.txt", "mine");
    InFolder in(s.root / "here");
    for (const char* spelling : {".", "./", "..", "../..", "sub/..", "/"}) {
      CAPTURE(spelling);
      std::string error;
      CHECK_FALSE(s.build(spelling, error));
      CHECK(has(error, spelling == std::string("/") ? "cannot be the output folder" : "may not be the current folder"));
      CHECK(has(error, "name a folder of its own, e.g. -o dist"));
    }
    CHECK(Site::read(s.root / "here/keep.txt") == "mine");
    CHECK(fs::exists(s.content / "posts/2022-01-01-a.md"));
  }

  TEST_CASE("the content folder, a folder holding it and a folder inside it are refused as output") {
    Site s;
    Site::write(s.content / "static/images/x.svg", "<svg/>");
    struct Case {
      fs::path out;
      const char* problem;
    };
    const Case cases[] = {
        {s.content, "is the content folder"},
        {s.content / ".", "is the content folder"},
        {s.root, "holds the content folder"},
        {s.content / "dist", "lies inside the content folder"},
        {s.content / "static", "lies inside the content folder"},
        {s.content / "posts", "lies inside the content folder"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.out);
      std::string error;
      CHECK_FALSE(s.build(c.out, error));
      CHECK(has(error, c.problem));
      CHECK(has(error, fs::weakly_canonical(s.content).string()));
      CHECK(has(error, "pick a folder outside it"));
    }
    CHECK(fs::exists(s.content / "posts/2022-01-01-a.md"));
    CHECK(fs::exists(s.content / "static/images/x.svg"));
    CHECK(Site::entries(s.root) == std::vector<std::string>{"content", "wasm", "web"});
    CHECK(Site::entries(s.content) == std::vector<std::string>{"posts", "site.yaml", "static"});
  }

  TEST_CASE("a folder that holds files and is not a previous Quire build is not replaced") {
    Site s;
    Site::write(s.root / "mine/notes.txt", "precious");
    std::string error;
    CHECK_FALSE(s.build(s.root / "mine", error));
    CHECK(has(error, (s.root / "mine").string() + ": not empty and not a previous Quire build"));
    CHECK(has(error, "pick another output folder with -o, or empty this one"));
    CHECK(Site::read(s.root / "mine/notes.txt") == "precious");
    CHECK(Site::entries(s.root / "mine") == std::vector<std::string>{"notes.txt"});

    SUBCASE("a bundle.json of another kind does not make it a build") {
      Site::write(s.root / "mine/bundle.json", R"({"name":"my-package","format":"npm"})");
      CHECK_FALSE(s.build(s.root / "mine", error));
      CHECK(Site::read(s.root / "mine/notes.txt") == "precious");
    }
    SUBCASE("a file is not a folder") {
      CHECK_FALSE(s.build(s.root / "mine/notes.txt", error));
      CHECK(has(error, "notes.txt: exists and is not a folder"));
      CHECK(Site::read(s.root / "mine/notes.txt") == "precious");
    }
  }

  TEST_CASE("an empty folder or a previous Quire build is replaced") {
    Site s;
    fs::create_directories(s.root / "empty");
    std::string error;
    REQUIRE_MESSAGE(s.build(s.root / "empty", error), error);
    CHECK(fs::exists(s.root / "empty/index.html"));

    Site::write(s.root / "old/bundle.json", kPreviousBundle);
    Site::write(s.root / "old/stale.html", "from an older build");
    REQUIRE_MESSAGE(s.build(s.root / "old", error), error);
    CHECK(fs::exists(s.root / "old/posts/a/index.html"));
    CHECK_FALSE(fs::exists(s.root / "old/stale.html"));
    CHECK(Site::entries(s.root) == std::vector<std::string>{"content", "empty", "old", "wasm", "web"});
  }

  TEST_CASE("a previous output is removed on several threads, its links removed and never followed") {
    Site s;
    const fs::path old = s.root / "dist.old";
    Site::write(s.root / "outside/keep.txt", "mine");
    Site::write(old / "index.html", "home");
    Site::write(old / "bundle.json", "{}");
    for (int i = 0; i < 40; ++i) Site::write(old / "posts" / ("p" + std::to_string(i)) / "index.html", "post");
    Site::write(old / "posts/deep/a/b/c/index.html", "deep");
    Site::write(old / "tags/x/page/2/index.html", "tag");
    fs::create_directory_symlink(s.root / "outside", old / "linked");
    fs::create_directory_symlink(s.root / "outside", old / "posts/linked");
    fs::create_symlink(s.root / "outside/keep.txt", old / "posts/keep.txt");
    for (const size_t threads : {size_t{1}, size_t{4}}) {
      CAPTURE(threads);
      fs::path tree = old;
      tree += std::to_string(threads);
      fs::copy(old, tree, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
      std::error_code ec;
      quire::remove_tree(tree, threads, ec);
      CHECK_MESSAGE(!ec, ec.message());
      CHECK_FALSE(fs::exists(fs::symlink_status(tree)));
      CHECK(Site::read(s.root / "outside/keep.txt") == "mine");
      CHECK(Site::entries(s.root / "outside") == std::vector<std::string>{"keep.txt"});
    }
  }

  TEST_CASE("a previous build is recognised by its bundle's format, wherever the field is") {
    Site s;
    struct Case {
      const char* name;
      const char* bundle;
      bool build;
    };
    const Case cases[] = {
        {"whole bundle", kPreviousBundle, true},
        {"split index, chunks first", R"({"chunks":["chunks/a.json",{"x":[1,2]}],"format":"quire-bundle"})", true},
        {"another format", R"({"format":"quire-chunk"})", false},
        {"format not at the top", R"({"posts":[{"format":"quire-bundle"}],"format":"x"})", false},
        {"format not a string", R"({"format":["quire-bundle"]})", false},
        {"not JSON", "quire-bundle", false},
        {"empty", "", false},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      Site::write(s.root / "out/bundle.json", c.bundle);
      CHECK(quire::is_quire_build(s.root / "out") == c.build);
    }
    CHECK_FALSE(quire::is_quire_build(s.root / "nowhere"));
  }

  TEST_CASE("a static file in the place of a file the build writes is an error naming both") {
    Site s;
    std::string error;
    REQUIRE_MESSAGE(s.build(s.root / "dist", error), error);
    const std::string before = Site::read(s.root / "dist/index.html");
    const std::string stat = (s.content / "static").string();
    struct Case {
      const char* file;
      std::string expected;
    };
    const Case cases[] = {
        {"index.html", stat + "/index.html: would replace the build's own index.html (the home page); rename or move it"},
        {"bundle.json", stat + "/bundle.json: would replace the build's own bundle.json (the bundle the app loads)"},
        {"posts/a/index.html", stat + "/posts/a/index.html: would replace the build's own posts/a/index.html (the page /posts/a/)"},
        {"posts/a", stat + "/posts/a: would replace the build's own posts/a/;"},
        {"404.html", stat + "/404.html: would replace the build's own 404.html;"},
        {"app.js", stat + "/app.js: would replace the build's own app.js;"},
        {"quire-core.wasm", stat + "/quire-core.wasm: would replace the build's own quire-core.wasm;"},
        {"robots.txt/x.txt", stat + "/robots.txt/x.txt: collides with the build's own robots.txt;"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.file);
      fs::remove_all(s.content / "static");
      Site::write(s.content / "static" / c.file, "the author's");
      CHECK_FALSE(s.build(s.root / "dist", error));
      CHECK_MESSAGE(has(error, c.expected), error);
      CHECK(Site::read(s.root / "dist/index.html") == before);  // the previous build stays
      CHECK(Site::entries(s.root) == std::vector<std::string>{"content", "dist", "wasm", "web"});
    }
  }

  TEST_CASE("a static favicon, stylesheet or robots.txt replaces the build's, with a warning") {
    Site s;
    Site::write(s.content / "static/favicon.svg", "<svg>mine</svg>");
    Site::write(s.content / "static/style.css", "body{}");
    Site::write(s.content / "static/robots.txt", "User-agent: *\nDisallow: /\n");
    std::string error;
    std::vector<std::string> warnings;
    REQUIRE_MESSAGE(s.build(s.root / "dist", error, nullptr, &warnings), error);
    CHECK(Site::read(s.root / "dist/favicon.svg") == "<svg>mine</svg>");
    CHECK(Site::read(s.root / "dist/style.css") == "body{}");
    CHECK(Site::read(s.root / "dist/robots.txt") == "User-agent: *\nDisallow: /\n");
    std::sort(warnings.begin(), warnings.end());
    CHECK(warnings == std::vector<std::string>{
                          (s.content / "static/favicon.svg").string() + ": replaces the build's own favicon.svg",
                          (s.content / "static/robots.txt").string() + ": replaces the build's own robots.txt",
                          (s.content / "static/style.css").string() + ": replaces the build's own style.css"});
  }

  TEST_CASE("every static file counts once in the files and bytes written") {
    Site s;
    std::string error;
    quire::WriteStats plain, with_static, replacing;
    REQUIRE_MESSAGE(s.build(s.root / "dist", error, &plain), error);
    Site::write(s.content / "static/images/a.svg", "12345");
    Site::write(s.content / "static/images/b.svg", "123");
    Site::write(s.content / "static/_headers", "/*\n");
    REQUIRE_MESSAGE(s.build(s.root / "dist", error, &with_static), error);
    CHECK(with_static.files == plain.files + 3);
    CHECK(with_static.bytes == plain.bytes + 5 + 3 + 3);
    CHECK(with_static.pages == plain.pages);

    // A favicon of one's own replaces a file: the count stays.
    const size_t app_favicon = Site::read(s.web / "favicon.svg").size();
    Site::write(s.content / "static/favicon.svg", "12");
    REQUIRE_MESSAGE(s.build(s.root / "dist", error, &replacing), error);
    CHECK(replacing.files == with_static.files);
    CHECK(replacing.bytes == with_static.bytes - app_favicon + 2);
  }

  TEST_CASE("a build on several threads writes the same files, byte for byte, as one on a single thread") {
    // Pages render on a pool while the bundle, 404.html and the feeds are
    // written beside them; posts are parsed on several threads. Enough
    // posts for every pool to start, with code to highlight, tags, aliases,
    // feeds and a split bundle.
    Site s;
    Site::write(s.content / "site.yaml", "title: T\nurl: https://example.com\nsplit_bundle_over: 40\nposts_per_page: 5\n");
    for (int i = 1; i <= 300; ++i) {
      const std::string n = std::to_string(i);
      const std::string day = (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
      Site::write(s.content / ("posts/2021-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-" +
                               day + "-p" + n + ".md"),
                  "---\ntitle: Post " + n + "\ntags: [t" + std::to_string(i % 7) + ", all]\naliases: [/old/" + n +
                      "/]\n---\nWords of post " + n + " and [a link](https://example.com/" + n +
                      ").[^1]\n\n```cpp\nint f() { return " + n + "; }  // post\n```\n\n[^1]: A note.\n");
    }
    auto tree = [](const fs::path& dir) {
      std::map<std::string, std::string> files;
      for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = Site::read(e.path());
      return files;
    };
    std::string error;
    quire::WriteStats one, many;
    ::setenv("QUIRE_JOBS", "1", 1);
    const bool built_one = s.build(s.root / "one", error, &one);
    ::setenv("QUIRE_JOBS", "4", 1);
    const bool built_many = s.build(s.root / "many", error, &many);
    ::unsetenv("QUIRE_JOBS");
    REQUIRE_MESSAGE(built_one, error);
    REQUIRE_MESSAGE(built_many, error);
    const auto a = tree(s.root / "one"), b = tree(s.root / "many");
    CHECK(a.size() > 600);  // pages, chunks, search shards, feeds, redirects
    CHECK(a.count("404.html"));
    CHECK(a.count("tags/t3/feed.xml"));
    CHECK(a.count("old/7/index.html"));
    CHECK(a.size() == b.size());
    for (const auto& entry : a) {  // no structured binding: clang 14 cannot capture one in doctest's lambdas
      const std::string& name = entry.first;
      const auto other = b.find(name);
      REQUIRE_MESSAGE(other != b.end(), name);
      CHECK_MESSAGE(other->second == entry.second, name);
    }
    CHECK(one.pages == many.pages);
    CHECK(one.files == many.files);
    CHECK(one.bytes == many.bytes);
    CHECK(one.files == a.size());
  }
}
