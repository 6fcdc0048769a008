#include <doctest/doctest.h>

#include "content_support.hpp"

#include <filesystem>
#include <string>
#include <unistd.h>

#include "build/content.hpp"
#include "build/fsutil.hpp"
#include "build/import/common.hpp"
#include "build/site_writer.hpp"
#include "core/bundle.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace fs = std::filesystem;
using quire::Diagnostic;

namespace {

using quire::testing::all;
using quire::testing::TempDir;

struct Parsed {
  quire::ParsedPost post;
  std::vector<Diagnostic> errors, warnings;
};

Parsed parse(const std::string& text, const std::string& file = "content/posts/2022-10-09-x.md") {
  Parsed p;
  p.post = quire::parse_post(text, file, p.errors, p.warnings);
  return p;
}

}  // namespace

TEST_SUITE("content") {
  TEST_CASE("a post with complete front matter parses") {
    auto p = parse("---\ntitle: \"Hello: world\"\ndate: 2022-10-09T20:25:00+01:00\ntags: [ai, web]\n"
                   "updated: 2022-10-10\nmood: happy\n---\nFirst para[^1].\n\nSecond.\n\n[^1]: note\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.title == "Hello: world");
    CHECK(p.post.post.slug == "x");
    CHECK(p.post.post.tags == std::vector<quire::Text>{std::string("ai"), std::string("web")});
    CHECK(p.post.post.updated == "2022-10-10");
    CHECK(p.post.post.summary == "First para.");
    CHECK(p.post.post.params_json == R"({"mood":"happy"})");  // unknown keys kept
    CHECK_FALSE(p.post.draft);
  }

  TEST_CASE("front-matter errors name the file and the line") {
    struct Case {
      const char* name;
      std::string text;
      std::string expected;
    };
    // No date in the file name: it would give the date and title (Jekyll's way).
    const std::string f = "content/posts/x.md";
    const Case cases[] = {
        {"bad date", "---\ntitle: T\ndate: yesterday\n---\n",
         f + ":3: date: expected YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS] with an optional offset (Z, +01:00, -0700), "
             "got \"yesterday\""},
        {"missing title", "---\ndate: 2022-01-01\n---\n", f + ":2: title: missing"},
        {"missing date", "---\ntitle: T\n---\n", f + ":2: date: missing"},
        {"no front matter", "# Just markdown\n", f + ":1: expected front matter"},
        {"unclosed front matter", "---\ntitle: T\ndate: 2022-01-01\n", f + ":1: front matter is not closed"},
        {"title as a list", "---\ntitle: [a, b]\ndate: 2022-01-01\n---\n", f + ":2: title: expected a single value"},
        {"draft not a boolean", "---\ntitle: T\ndate: 2022-01-01\ndraft: maybe\n---\n",
         f + ":4: draft: expected true or false, got \"maybe\""},
        {"invalid YAML", "---\ntitle: T\ndate: 2022-01-01\ntags: [a, b\n---\n", f + ":5: invalid YAML"},
        {"bad slug", "---\ntitle: T\ndate: 2022-01-01\nslug: a/b\n---\n", f + ":4: slug: expected letters"},
        {"bad updated", "---\ntitle: T\ndate: 2022-01-01\nupdated: 2022-02-30\n---\n", f + ":4: updated: expected"},
        {"nested tag", "---\ntitle: T\ndate: 2022-01-01\ntags:\n  - a\n  - [b]\n---\n", f + ":6: tags: expected"},
        // Regressions: an empty value was "expected a single value (text), got a
        // map" at the next line; a repeated key was taken silently; a bad tag in
        // a block list was reported at the first item's line.
        {"empty title", "---\ntitle:\ndate: 2022-01-01\n---\n", f + ":2: title: empty (write its value after \"title:\")"},
        {"empty date, last", "---\ntitle: T\ndate:\n---\n", f + ":3: date: empty"},
        {"empty slug", "---\ntitle: T\ndate: 2022-01-01\nslug:\n\n---\n", f + ":4: slug: empty"},
        {"title written as null", "---\ntitle: Null\ndate: 2022-01-01\n---\n",
         f + ":2: title: no value (YAML reads ~ and null, in any case, as none; quote the word if you mean it)"},
        {"slug written as ~", "---\ntitle: T\ndate: 2022-01-01\nslug: ~\n---\n", f + ":4: slug: no value"},
        {"title given twice", "---\ntitle: T\ndate: 2022-01-01\ntags: [a]\ntitle: U\n---\n",
         f + ":5: \"title\" given twice (first on line 2)"},
        {"tags given twice", "---\ntags: [a]\ntitle: T\ndate: 2022-01-01\ntags:\n  - b\n---\n",
         f + ":5: \"tags\" given twice (first on line 2)"},
        {"bad tag in a block list", "---\ntitle: T\ndate: 2022-01-01\ntags:\n  - good\n  - \"!!!\"\n---\n",
         f + ":6: tags: \"!!!\" needs at least one letter or digit"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      auto p = parse(c.text, f);
      CHECK_FALSE(p.post.ok);
      REQUIRE_FALSE(p.errors.empty());
      CHECK_MESSAGE(p.errors[0].str().rfind(c.expected, 0) == 0, p.errors[0].str());
    }
  }

  TEST_CASE("an empty or repeated site.yaml key is an error at the key's line") {
    std::vector<Diagnostic> errors, warnings;
    quire::Site site;
    quire::parse_site_yaml("title: T\nurl:\nposts_per_page: 3\ntitle: U\n", "site.yaml", site, errors, warnings);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].str() == "site.yaml:2: url: empty (write its value after \"url:\")");
    CHECK(errors[1].str() == "site.yaml:4: \"title\" given twice (first on line 1)");
  }

  TEST_CASE("tags that share a tag page are kept once, as first spelled") {
    // Regression: "c++" and "C++" (both /tags/c-plus-plus/) showed twice on the post.
    auto p = parse("---\ntitle: T\ndate: 2022-01-01\ntags: [c++, Go, C++, C Plus Plus, go, c#]\n---\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.tags == std::vector<quire::Text>{std::string("c++"), std::string("Go"), std::string("c#")});
  }

  TEST_CASE("an unknown key that looks like a typo is kept with a warning") {
    auto p = parse("---\ntitle: T\ndate: 2022-01-01\ntag: [a]\n---\n");
    CHECK(p.post.ok);
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].str() ==
          "content/posts/2022-10-09-x.md:4: unknown key \"tag\" kept in params (did you mean \"tags\"?)");
    CHECK(p.post.post.params_json == R"({"tag":["a"]})");
  }

  TEST_CASE("every error of a post is reported, not just the first") {
    auto p = parse("---\ntitle: [x]\ndate: soon\ndraft: perhaps\n---\n");
    CHECK(p.errors.size() == 3);
  }

  TEST_CASE("slugs come from the file name unless set") {
    CHECK(quire::default_slug("2022-10-09-hello-world.md") == "hello-world");
    CHECK(quire::default_slug("about.md") == "about");
    CHECK(quire::default_slug("2022-10-09.md") == "2022-10-09");
    auto p = parse("---\ntitle: T\ndate: 2022-01-01\nslug: custom\n---\n");
    CHECK(p.post.post.slug == "custom");
  }

  TEST_CASE("a file name that gives no slug (not ASCII, a space) gets the import's ASCII slug, with a note") {
    const std::string text = "---\ntitle: T\ndate: 2020-01-01\n---\nBody.\n";
    SUBCASE("another script: transliterated, the same for the same name") {
      auto p = parse(text, "content/posts/2020-01-01-\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E.md");
      CHECK(p.errors.empty());
      const std::string slug = p.post.post.slug.str();
      CHECK(slug == "ri-ben-yu");
      CHECK(quire::valid_slug(slug));
      CHECK(slug == quire::import::ascii_slug("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"));  // what `quire import` writes
      CHECK(parse(text, "content/posts/2021-05-05-\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E.md").post.post.slug == slug);
      CHECK(parse(text, "content/posts/2020-01-01-\xE6\x97\xA5\xE6\x9C\xAC.md").post.post.slug != slug);
      REQUIRE(p.warnings.size() == 1);
      CHECK(p.warnings[0].message.find("which is not a slug; using \"" + slug + "\"") != std::string::npos);
    }
    SUBCASE("Latin letters lose their accents") {
      auto p = parse(text, "content/posts/2020-01-01-Cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e.md");
      CHECK(p.errors.empty());
      CHECK(p.post.post.slug == "creme-brulee");
    }
    SUBCASE("a slug: in the front matter is taken as it is, silently") {
      auto p = parse("---\ntitle: T\ndate: 2020-01-01\nslug: nihongo\n---\n", "content/posts/2020-01-01-\xE6\x97\xA5.md");
      CHECK(p.post.post.slug == "nihongo");
      CHECK(p.warnings.empty());
    }
  }

  TEST_CASE("summaries: front matter, then the more marker, then the first paragraph") {
    SUBCASE("the more marker splits and is removed from the body") {
      std::string body = "Intro *text*.\n\nMore intro.\n<!--more-->\nRest.";
      CHECK(quire::take_summary(body) == "Intro *text*.\n\nMore intro.");
      CHECK(body.find("<!--more-->") == std::string::npos);
      std::string noted = "Aside[^1] here.\n<!--more-->\nRest.\n\n[^1]: Note.";
      CHECK(quire::take_summary(noted) == "Aside here.");  // no definition in a summary
    }
    SUBCASE("the first paragraph skips headings, code and images") {
      std::string body = "## Heading\n\n```\ncode\n```\n\n![img](x.png)\n\nReal paragraph\ncontinues.\n\nNext.";
      CHECK(quire::take_summary(body) == "Real paragraph\ncontinues.");
    }
    SUBCASE("a first paragraph that starts with emphasis or a number is the summary") {
      // Regression: a line starting with '*', '-', '+' or a digit was taken
      // for a list item, and the summary became a later paragraph.
      for (const char* first : {"**Update:** this is the intro.", "*Emphasis* first.", "2024 was a good year."}) {
        CAPTURE(first);
        std::string body = std::string(first) + "\n\nSecond paragraph.\n";
        CHECK(quire::take_summary(body) == first);
      }
      std::string listed = "- a list\n\n* * *\n\nThe paragraph.\n";
      CHECK(quire::take_summary(listed) == "The paragraph.");
    }
    SUBCASE("a summary in front matter wins") {
      auto p = parse("---\ntitle: T\ndate: 2022-01-01\nsummary: Given.\n---\nBody para.\n");
      CHECK(p.post.post.summary == "Given.");
    }
  }

  TEST_CASE("site.yaml keys, defaults and errors") {
    std::vector<Diagnostic> errors, warnings;
    quire::Site site;
    SUBCASE("valid input") {
      quire::parse_site_yaml("title: My blog\nurl: https://x.org/\nposts_per_page: 3\nbase_path: blog\n"
                             "unsafe_html: true\nlanguage: fr\n",
                             "site.yaml", site, errors, warnings);
      CHECK(errors.empty());
      CHECK(site.title == "My blog");
      CHECK(site.url == "https://x.org");
      CHECK(site.posts_per_page == 3);
      CHECK(site.base_path == "/blog/");
      CHECK(site.unsafe_html);
      CHECK(site.language == "fr");
    }
    SUBCASE("invalid input") {
      quire::parse_site_yaml("title: T\nurl: example.com\nposts_per_page: ten\ntitel: typo\n", "site.yaml", site,
                             errors, warnings);
      REQUIRE(errors.size() == 2);
      CHECK(errors[0].str().rfind("site.yaml:2: url: expected an absolute http(s) URL", 0) == 0);
      CHECK(errors[1].str().rfind("site.yaml:3: posts_per_page: expected a whole number", 0) == 0);
      REQUIRE(warnings.size() == 1);
      CHECK(warnings[0].str() == "site.yaml:4: unknown key \"titel\" ignored (did you mean \"title\"?)");
    }
  }

  TEST_CASE("a folder in site.yaml's url is the base path, never doubled") {
    // Regression: url https://example.com/blog/ with base_path /blog/ gave
    // https://example.com/blog/blog/... in canonical links, sitemap and feeds.
    auto site_of = [](const std::string& yaml, std::vector<Diagnostic>& errors) {
      std::vector<Diagnostic> warnings;
      quire::Site site;
      quire::parse_site_yaml(yaml, "site.yaml", site, errors, warnings);
      return site;
    };
    SUBCASE("valid input") {
      std::vector<Diagnostic> errors;
      for (const char* yaml : {"url: https://example.com/blog/\nbase_path: /blog/\n",
                               "base_path: blog\nurl: https://example.com/blog\n",
                               "url: https://example.com/blog/\n"}) {
        CAPTURE(yaml);
        quire::Site site = site_of(yaml, errors);
        CHECK_MESSAGE(errors.empty(), all(errors));
        CHECK(site.url == "https://example.com");
        CHECK(site.base_path == "/blog/");
      }
      quire::Site root = site_of("url: http://localhost:8080/\n", errors);
      CHECK(errors.empty());
      CHECK(root.url == "http://localhost:8080");
      CHECK(root.base_path == "/");
    }
    SUBCASE("invalid input") {
      const std::pair<const char*, const char*> cases[] = {
          {"title: T\nurl: https://example.com/blog/\nbase_path: /notes/\n",
           "site.yaml:2: url: its path \"/blog/\" is not base_path \"/notes/\" (give the site's folder in base_path, "
           "and url with the same folder or none)"},
          {"base_path: /notes/\nurl: https://example.com/a\n", "site.yaml:2: url: its path \"/a/\" is not"},
          {"url: https://example.com/blog?x=1\n", "site.yaml:1: url: expected an absolute http(s) URL"},
          {"url: https://example.com/#top\n", "site.yaml:1: url: expected an absolute http(s) URL"},
          {"url: https:///blog/\n", "site.yaml:1: url: expected an absolute http(s) URL"},
          // What the bundle's reader refuses (valid_site_url): the build accepted it and wrote a bundle no reader loads.
          {"url: https://example\\com/blog/\n", "site.yaml:1: url: expected an absolute http(s) URL"},
          {"url: 'https://example.com/\"x/'\n", "site.yaml:1: url: expected an absolute http(s) URL"},
          {"url: https://example.com//\n", "site.yaml:1: url: expected a path like /blog/ (ASCII letters, digits, '-', "
                                            "'.', '_' or '~' between slashes) after the host, got \"//\""},
      };
      for (const auto& yaml_expected : cases) {
        const auto& yaml = yaml_expected.first;  // not a structured binding: CAPTURE's lambda needs C++20 for that (clang)
        const auto& expected = yaml_expected.second;
        CAPTURE(yaml);
        std::vector<Diagnostic> errors;
        site_of(yaml, errors);
        REQUIRE_FALSE(errors.empty());
        CHECK_MESSAGE(errors.back().str().rfind(expected, 0) == 0, errors.back().str());
      }
    }
  }

  TEST_CASE("site.yaml refuses a base_path a browser would percent-encode, at its line") {
    // The same check as the bundle loader's (valid_base_path): "/blög/"
    // reaches the app as "/bl%C3%B6g/", and routes rendered there would 404.
    for (const char* bad : {"/blög/", "/日記/", "\"/a b/\"", "/a{b}/", "\"/a`b/\"", "/a+b/", "/a/../"}) {
      CAPTURE(bad);
      std::vector<Diagnostic> errors, warnings;
      quire::Site site;
      quire::parse_site_yaml(std::string("title: T\nbase_path: ") + bad + "\n", "site.yaml", site, errors, warnings);
      REQUIRE(errors.size() == 1);
      CHECK_MESSAGE(errors[0].str().rfind("site.yaml:2: base_path: expected a path like /blog/", 0) == 0,
                    errors[0].str());
      CHECK(site.base_path == "/");
    }
  }

  TEST_CASE("a content folder loads with drafts, future posts and duplicate slugs handled") {
    TempDir dir;
    dir.write("site.yaml", "title: T\n");
    dir.write("posts/2022-01-01-a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nA.\n");
    dir.write("posts/2022-01-02-b.md", "---\ntitle: B\ndate: 2022-01-02\ndraft: true\n---\nB.\n");
    dir.write("posts/2099-01-01-c.md", "---\ntitle: C\ndate: 2099-01-01\n---\nC.\n");
    dir.write("posts/notes.txt", "not a post");
    quire::ContentOptions o;
    o.now = 1700000000;  // 2023-11-14: the 2099 post is in the future
    auto r = quire::load_content(dir.path, o);
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    CHECK(r.bundle.posts.size() == 1);
    CHECK(r.skipped_drafts == 1);
    CHECK(r.skipped_future == 1);
    o.drafts = o.future = true;
    CHECK(quire::load_content(dir.path, o).bundle.posts.size() == 3);

    dir.write("posts/2022-02-01-a.md", "---\ntitle: A again\ndate: 2022-02-01\nslug: a\n---\n");
    auto dup = quire::load_content(dir.path, o);
    REQUIRE(dup.errors.size() == 1);
    CHECK(dup.errors[0].message.find("slug \"a\" is already used by") != std::string::npos);
    CHECK(dup.errors[0].line == 4);  // the slug: line
  }

  // mbarker84's css-irl, moved in from Eleventy: 320 images named from the
  // site's root, which a bundler had put there, were in no folder the import
  // read, and the build said nothing of them.
  TEST_CASE("images and links into the site that lead to no file or page are a warning at their post's line") {
    TempDir dir;
    dir.write("site.yaml", "title: T\nbase_path: /blog/\n");
    dir.write("static/here.png", "png");
    dir.write("static/café.png", "png");
    dir.write("static/demo/index.html", "<p>demo</p>");
    dir.write("posts/2022-01-01-other.md", "---\ntitle: Other\ndate: 2022-01-01\ntags: [x, y]\naliases: [/old/]\n---\nO.\n");
    dir.write("posts/2022-01-02-trip/index.md",
              "---\ntitle: Trip\ndate: 2022-01-02\n---\n![ridge](ridge.png) ![lost](lost.png) [up](../other/)\n");
    dir.write("posts/2022-01-02-trip/ridge.png", "png");
    dir.write("pages/about.md", "---\ntitle: About\n---\n[home](/) [me](/me.jpg)\n");
    dir.write("posts/2022-01-03-a.md",
              "---\ntitle: A\ndate: 2022-01-03\n---\n"
              "A picture:\n\n"
              "<img src=\"/cat.png\" alt=\"a cat\">\n\n"  // line 7
              "![dog](/dog.png) ![here](/here.png?v=2) ![café](/caf%C3%A9.png) ![base](/blog/here.png)\n\n"
              "[other](/posts/other/#top) [tag](/tags/x/) [both](/tags/x+y/) [old](/old/) [page](/about/) "
              "[demo](/demo/) [feed](/feed.xml) [out](https://example.com/x.png) [mail](mailto:a@b.c) [top](#top)\n\n"
              "```html\n<img src=\"/in-code.png\">\n```\n\n"
              "[talk](/notes/talk.pdf) [again](/dog.png)\n\n"  // line 17
              "<img src=\"/here.png\" srcset=\"/here.png 1x, /big.png 2x\">\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const std::string w = all(r.warnings);
    CHECK(w.find((dir.path / "posts/2022-01-03-a.md").string() +
                 ":7: local links: 4 lead to no file or page of the built site: image /blog/cat.png (line 7), "
                 "image /blog/dog.png (line 9), link /blog/notes/talk.pdf (line 17), image /blog/big.png (line 19)\n") != std::string::npos);
    CHECK(w.find((dir.path / "posts/2022-01-02-trip/index.md").string() +
                 ":5: local links: 1 leads to no file or page of the built site: image lost.png (line 5)\n") != std::string::npos);
    CHECK(w.find((dir.path / "pages/about.md").string() +
                 ":4: local links: 1 leads to no file or page of the built site: link /blog/me.jpg (line 4)\n") != std::string::npos);
    CHECK(w.find("in-code") == std::string::npos);
    CHECK(w.find("other") == std::string::npos);
  }

  // The tester's Jekyll blog of future: true: its 2030 post was left out
  // of the imported blog, which could not say what the old config did.
  TEST_CASE("site.yaml's future: true publishes posts dated after the build, as --future does") {
    TempDir dir;
    dir.write("site.yaml", "title: T\nfuture: true\n");
    dir.write("posts/2022-01-01-a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nA.\n");
    dir.write("posts/2099-01-01-c.md", "---\ntitle: C\ndate: 2099-01-01\n---\nC.\n");
    quire::ContentOptions o;
    o.now = 1700000000;
    auto r = quire::load_content(dir.path, o);
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    CHECK(r.bundle.posts.size() == 2);
    CHECK(r.skipped_future == 0);
    CHECK_FALSE(all(r.warnings).find("future") != std::string::npos);  // a known key
    dir.write("site.yaml", "title: T\nfuture: maybe\n");
    CHECK_FALSE(quire::load_content(dir.path, o).ok());
  }

  TEST_CASE("errors in several posts are all reported") {
    TempDir dir;
    dir.write("posts/a.md", "---\ntitle: A\ndate: nope\n---\n");
    dir.write("posts/b.md", "no front matter\n");
    auto r = quire::load_content(dir.path, {});
    CHECK(r.errors.size() == 2);
  }

  TEST_CASE("a failed write leaves the previous output untouched") {
    TempDir dir;
    fs::path out = dir.path / "dist";
    dir.write("dist/keep.txt", "previous build");
    dir.write("dist/bundle.json", R"({"format":"quire-bundle"})");  // a previous build
    quire::Bundle b;
    b.index();
    quire::WriteOptions o;
    o.out_dir = out;
    o.web_dir = dir.path / "missing-web";  // the copy of the app fails
    o.wasm_dir = dir.path / "missing-wasm";
    quire::WriteStats stats;
    std::string error;
    CHECK_FALSE(quire::write_site(b, o, stats, error));
    CHECK(error.find("cannot read") != std::string::npos);
    std::string kept;
    CHECK(quire::read_file(out / "keep.txt", kept));
    CHECK(kept == "previous build");
    size_t entries = 0;
    for (auto& e : fs::directory_iterator(dir.path)) { (void)e; ++entries; }
    CHECK(entries == 1);  // no temporary directory left behind
  }

  TEST_CASE("a successful write replaces the output with every route's page") {
    TempDir dir;
    for (const char* const* f = quire::kWebFiles; *f; ++f) dir.write(std::string("web/") + *f, "web file");
    dir.write("wasm/quire-core.js", "//");
    dir.write("wasm/quire-core.wasm", "\0asm");
    dir.write("content/static/images/x.svg", "<svg/>");
    dir.write("dist/stale.html", "old");
    dir.write("dist/bundle.json", R"({"format":"quire-bundle"})");  // a previous build
    dir.write("content/posts/2022-01-01-a.md", "---\ntitle: A\ndate: 2022-01-01\ntags: [t]\n---\nA.\n");
    auto r = quire::load_content(dir.path / "content", {});
    REQUIRE(r.ok());
    quire::WriteOptions o{dir.path / "dist", dir.path / "web", dir.path / "wasm", dir.path / "content/static"};
    quire::WriteStats stats;
    std::string error;
    REQUIRE_MESSAGE(quire::write_site(r.bundle, o, stats, error), error);
    for (const char* f : {"index.html", "posts/a/index.html", "tags/index.html", "tags/t/index.html",
                          "archive/index.html", "archive/2022/01/index.html", "search/index.html", "404.html",
                          "bundle.json", "app.js", "theme.js", "quire-widget.js", "embed-demo.html", "quire-core.wasm",
                          "images/x.svg"}) {
      CAPTURE(f);
      CHECK(fs::exists(dir.path / "dist" / f));
    }
    CHECK_FALSE(fs::exists(dir.path / "dist/stale.html"));
    CHECK(stats.pages == quire::all_routes(r.bundle).size() + 1);
  }
}

TEST_SUITE("content") {
  // yaml-cpp loads an alias as its anchor's node: read as a tree, "&a [*a]"
  // never ended (stack overflow, exit 139) and nested aliases grew
  // exponentially (~300 bytes: seconds and gigabytes, then bad_alloc).
  TEST_CASE("front matter whose aliases hold themselves or explode is refused at its line") {
    const std::string f = "content/posts/2022-10-09-x.md";
    SUBCASE("a list or map that holds itself") {
      for (const char* extra : {"extra: &a [*a]", "extra: &a {k: *a}", "extra: &a [1, [2, {k: [*a]}]]"}) {
        CAPTURE(extra);
        auto p = parse(std::string("---\ntitle: T\ndate: 2022-01-01\n") + extra + "\n---\nBody.\n", f);
        CHECK_FALSE(p.post.ok);
        REQUIRE(p.errors.size() == 1);
        CHECK(p.errors[0].str() == f + ":4: extra: an alias refers to the list or map that holds it (its anchor is "
                                       "on line 4), which would repeat it without end");
      }
    }
    SUBCASE("a billion laughs") {
      std::string yaml = "a: &a [x,x,x,x,x,x,x,x,x]\n";
      for (char c = 'b'; c <= 'i'; ++c) {
        const std::string prev(1, static_cast<char>(c - 1));
        yaml += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" +
                prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
      }
      const std::string post = "---\ntitle: T\ndate: 2022-01-01\n" + yaml + "---\n";
      CHECK(post.size() < 400);
      auto p = parse(post, f);
      CHECK_FALSE(p.post.ok);
      REQUIRE(p.errors.size() == 1);
      // The values under "f" (9^6) pass the cap: the error names that key's line.
      CHECK(p.errors[0].str() == f + ":9: f: aliases expand it to more than 100000 values (each *alias repeats all "
                                     "its anchor holds); write the values out or use fewer aliases");
    }
    SUBCASE("lists and maps nested past 100 levels") {
      auto p = parse("---\ntitle: T\ndate: 2022-01-01\nextra: " + std::string(101, '[') + std::string(101, ']') +
                     "\n---\n", f);
      CHECK_FALSE(p.post.ok);
      REQUIRE(p.errors.size() == 1);
      CHECK(p.errors[0].str() == f + ":4: extra: lists and maps nested more than 100 deep");
      CHECK(parse("---\ntitle: T\ndate: 2022-01-01\nextra: " + std::string(99, '[') + std::string(99, ']') +
                  "\n---\n", f).post.ok);
    }
    SUBCASE("aliases within the limit are fine") {
      auto p = parse("---\ntitle: &t T\ndate: 2022-01-01\nextra: {a: &l [1, 2], b: *l, c: *t}\n---\n", f);
      REQUIRE_MESSAGE(p.post.ok, all(p.errors));
      CHECK(p.post.post.params_json == R"({"extra":{"a":["1","2"],"b":["1","2"],"c":"T"}})");
    }
    SUBCASE("site.yaml goes through the same check") {
      std::vector<Diagnostic> errors, warnings;
      quire::Site site;
      quire::parse_site_yaml("title: T\nmenu: &m [*m]\n", "site.yaml", site, errors, warnings);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].str() == "site.yaml:2: menu: an alias refers to the list or map that holds it (its anchor is "
                               "on line 2), which would repeat it without end");
    }
  }
}

TEST_SUITE("content") {
  // A YAML escape ("\0", "\x00", "\u0000") put a NUL into accepted text: the
  // static pages held raw NULs while the app (which reads the bundle, where
  // the loader makes \u0000 U+FFFD) showed U+FFFD. Now the build replaces
  // it as it does a raw NUL byte, with a warning, and both paths agree.
  TEST_CASE("a NUL written as a YAML escape becomes U+FFFD, on the static pages as in the app") {
    const std::string fffd = "\xEF\xBF\xBD";
    auto p = parse("---\ntitle: \"a\\0b\"\ndate: 2022-01-01\ntags: [\"x\\x00y\"]\nsummary: \"s\\u0000\"\n"
                   "extra: {\"k\\0\": \"v\\0\"}\n---\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.title == "a" + fffd + "b");
    CHECK(p.post.post.tags == std::vector<quire::Text>{std::string("x" + fffd + "y")});
    CHECK(p.post.post.summary == "s" + fffd);
    CHECK(p.post.post.params_json == "{\"extra\":{\"k" + fffd + "\":\"v" + fffd + "\"}}");
    CHECK(all(p.warnings).find("content/posts/2022-10-09-x.md:2: title: a NUL (\\0) or an invalid character written "
                               "as a YAML escape replaced by U+FFFD") != std::string::npos);
    CHECK(parse("---\ntitle: \"a\\ud800b\"\ndate: 2022-01-01\n---\n").errors.size() == 1);  // yaml-cpp refuses a lone surrogate
    // YAML's 8-bit escapes are their characters (yaml-cpp wrote the byte: jonnung's "검색(\_search)" showed U+FFFD)
    auto nbsp = parse("---\ntitle: \"검색(\\_search) caf\\xE9\"\ndate: 2022-01-01\n---\nBody.\n");
    REQUIRE_MESSAGE(nbsp.post.ok, all(nbsp.errors));
    CHECK(nbsp.post.post.title == "검색(\xC2\xA0search) caf\xC3\xA9");
    CHECK(all(nbsp.warnings).find("YAML escape") == std::string::npos);

    // TOML front matter: the same rule (toml++ reads "\u0000" as a NUL).
    auto t = parse("+++\ntitle = \"a\\u0000b\"\ndate = 2022-01-01\n+++\nBody.\n");
    REQUIRE_MESSAGE(t.post.ok, all(t.errors));
    CHECK(t.post.post.title == "a" + fffd + "b");
    CHECK(all(t.warnings).find("content/posts/2022-10-09-x.md:2: a NUL (\\u0000) or an invalid character written "
                               "as a TOML escape replaced by U+FFFD") != std::string::npos);

    TempDir dir;
    dir.write("content/site.yaml", "title: \"Site\\0\"\nurl: https://example.com\n");
    dir.write("content/posts/2022-01-01-a.md", "---\ntitle: \"a\\0b\"\ndate: 2022-01-01\ntags: [\"x\\0y\"]\n---\nA.\n");
    auto built = quire::load_content(dir.path / "content", {});
    REQUIRE_MESSAGE(built.ok(), all(built.errors));
    CHECK(built.bundle.site.title == "Site" + fffd);
    // The app's path: the bundle as written, loaded again.
    auto loaded = quire::load_bundle(quire::write_bundle_json(built.bundle));
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    for (const quire::Route& route : quire::all_routes(built.bundle)) {
      CAPTURE(quire::route_path(route, "/"));
      const std::string page = quire::render_document(built.bundle, quire::render_view(built.bundle, route));
      CHECK(page.find('\0') == std::string::npos);
      CHECK(page == quire::render_document(loaded.bundle, quire::render_view(loaded.bundle, route)));
    }
    const std::string post = quire::render_view(built.bundle, quire::parse_route("/posts/a/")).html;
    CHECK(post.find("a" + fffd + "b") != std::string::npos);
  }
}
