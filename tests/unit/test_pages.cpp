// Pages (content/pages) and the site menu: loading, routes, the page view,
// the bundle's "pages" and site "menu", the header's navigation.
#include <doctest/doctest.h>

#include "content_support.hpp"

#include <unistd.h>

#include <filesystem>
#include <string>

#include "build/content.hpp"
#include "build/feeds.hpp"
#include "build/fsutil.hpp"
#include "build/site_writer.hpp"
#include "core/bundle.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace fs = std::filesystem;
using quire::RouteKind;

namespace {

using quire::testing::all;
using quire::testing::TempDir;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

quire::ContentResult blog(TempDir& dir, const std::string& site_yaml) {
  dir.write("site.yaml", site_yaml);
  dir.write("posts/2020-01-01-a.md", "---\ntitle: Post A\ndate: 2020-01-01\ntags: [rust]\n---\nA.\n");
  dir.write("pages/about.md", "---\ntitle: About me\n---\nI write [here](/).\n");
  dir.write("pages/now.markdown", "---\ntitle: Now\npermalink: /now-page/\ndate: 2021-02-03\n---\nNow.\n");
  return quire::load_content(dir.path, {});
}

const char* const kMenu =
    "title: T\nbase_path: /blog/\nmenu:\n  - {title: About, page: about}\n  - {title: Rust, tag: rust}\n"
    "  - {title: Archive, path: /archive/}\n  - {title: GitHub, url: https://github.com/x}\n";

}  // namespace

TEST_SUITE("pages") {
  TEST_CASE("a page's code is highlighted and its raw HTML kept, the same from the bundle") {
    // Regression: pages carried no token runs, so their code was plain.
    TempDir dir;
    dir.write("site.yaml", "title: T\n");
    dir.write("posts/2020-01-01-a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA.\n");
    dir.write("pages/about.md",
              "---\ntitle: About\n---\n```yaml\nposts_per_page: 5\n```\n\n"
              "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const quire::View v = quire::render_view(r.bundle, quire::parse_route("/about/", r.bundle));
    CHECK(has(v.html, "<span class=\"tok-"));
    CHECK(has(v.html, "<iframe src=\"https://www.youtube-nocookie.com/embed/x\""));
    auto loaded = quire::load_bundle(quire::write_bundle_json(r.bundle));
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    CHECK(quire::render_view(loaded.bundle, quire::parse_route("/about/", loaded.bundle)).html == v.html);
  }

  TEST_CASE("pages load without a date, at /<slug>/ or their permalink, and nowhere in the lists") {
    TempDir dir;
    auto r = blog(dir, "title: T\nbase_path: /blog/\n");
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const quire::Bundle& b = r.bundle;
    REQUIRE(b.pages.size() == 2);
    CHECK(b.posts.size() == 1);
    auto about = quire::parse_route("/blog/about/", b);
    CHECK(about.kind == RouteKind::Page);
    CHECK(about.slug == "about");
    CHECK(quire::parse_route("/blog/now-page/", b).slug == "now");
    CHECK(quire::parse_route("/blog/now/", b).kind == RouteKind::NotFound);
    quire::View v = quire::render_view(b, about);
    CHECK(v.status == 200);
    CHECK(v.path == "/blog/about/");
    CHECK(v.title == "About me — T");
    CHECK(has(v.html, "<h1>About me</h1>"));
    CHECK(has(v.html, "href=\"/blog/\""));  // root-relative under base_path
    CHECK_FALSE(has(v.html, "<time"));
    CHECK_FALSE(has(v.html, "post-nav"));
    CHECK(has(quire::render_document(b, v), "data-view=\"page\""));
    // not in the home page, the archive or search
    CHECK_FALSE(has(quire::render_view(b, quire::home_route()).html, "About me"));
    CHECK_FALSE(has(quire::render_view(b, quire::route_of(RouteKind::ArchiveIndex)).html, "About me"));
    // pre-rendered: a route of the site's
    int pages = 0;
    for (const quire::Route& route : quire::all_routes(b)) pages += route.kind == RouteKind::Page;
    CHECK(pages == 2);
    // in the sitemap, not in the feeds
    quire::Bundle with_url = b;
    with_url.site.url = "https://e.org";
    with_url.index();
    CHECK(has(quire::sitemap_xml(with_url), "<loc>https://e.org/blog/about/</loc>"));
    CHECK(has(quire::sitemap_xml(with_url), "<loc>https://e.org/blog/now-page/</loc>"));
    for (const quire::OutputFile& f : quire::feed_files(with_url))
      if (f.path.find("feed") != std::string::npos) CHECK_MESSAGE(!has(f.data, "About me"), f.path);
    // the bundle carries them
    auto loaded = quire::load_bundle(quire::write_bundle_json(b));
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    CHECK(loaded.bundle.pages.size() == 2);
    CHECK(quire::parse_route("/blog/now-page/", loaded.bundle).kind == RouteKind::Page);
    CHECK(quire::write_bundle_json(loaded.bundle) == quire::write_bundle_json(b));
  }

  TEST_CASE("a page on a post's URL or a page of the build's is an error naming both files") {
    TempDir dir;
    dir.write("pages/tags.md", "---\ntitle: Tags\n---\n");
    auto r = blog(dir, "title: T\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(has(r.errors[0].str(), "pages/tags.md: URL /tags/ is the tag pages /tags/"));
    fs::remove(dir.path / "pages/tags.md");
    dir.write("pages/clash.md", "---\ntitle: Clash\npermalink: /posts/a/\n---\n");
    r = blog(dir, "title: T\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(has(r.errors[0].str(), "pages/clash.md: URL /posts/a/ is also claimed by "));
    CHECK(has(r.errors[0].message, "2020-01-01-a.md"));
  }

  TEST_CASE("the default menu: home, tags, archive; search is the header's box, not a second entry") {
    TempDir dir;
    auto r = blog(dir, "title: T\n");
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const std::string home = quire::render_document(r.bundle, quire::render_view(r.bundle, quire::parse_route("/", r.bundle)));
    CHECK(has(home, "<li><a href=\"/tags/\">Tags</a></li>"));
    CHECK(has(home, "<li><a href=\"/archive/\">Archive</a></li>"));
    CHECK(has(home, "<form class=\"site-search\" role=\"search\""));
    CHECK_FALSE(has(home, ">Search</a>"));
  }

  TEST_CASE("the menu: in the header of every view, the current entry marked") {
    TempDir dir;
    auto r = blog(dir, kMenu);
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const quire::Bundle& b = r.bundle;
    auto doc = [&](const char* path) { return quire::render_document(b, quire::render_view(b, quire::parse_route(path, b))); };
    const std::string about = doc("/blog/about/");
    CHECK(has(about, "<li><a href=\"/blog/about/\" aria-current=\"page\">About</a></li>"));
    CHECK(has(about, "<li><a href=\"/blog/tags/rust/\">Rust</a></li>"));
    CHECK(has(about, "<li><a href=\"/blog/archive/\">Archive</a></li>"));
    CHECK(has(about, "<li><a href=\"https://github.com/x\">GitHub</a></li>"));
    CHECK_FALSE(has(about, ">Search</a>"));
    CHECK(has(doc("/blog/tags/rust/"), "<a href=\"/blog/tags/rust/\" aria-current=\"page\">Rust</a>"));
    CHECK(has(doc("/blog/posts/a/"), "<a href=\"/blog/about/\">About</a>"));
    // a path entry to a section's first page marks the section
    CHECK(has(doc("/blog/archive/2020/01/"), "<a href=\"/blog/archive/\" aria-current=\"true\">Archive</a>"));
    CHECK(has(doc("/blog/archive/"), "<a href=\"/blog/archive/\" aria-current=\"page\">Archive</a>"));
    CHECK(has(doc("/blog/about/"), "<a href=\"/blog/archive/\">Archive</a>"));
    // carried in the bundle's site
    auto loaded = quire::load_bundle(quire::write_bundle_json(b));
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    REQUIRE(loaded.bundle.site.menu.size() == 4);
    CHECK(loaded.bundle.site.menu[3].kind == "url");
    CHECK(quire::write_bundle_json(loaded.bundle) == quire::write_bundle_json(b));
    // without a menu: the header of before
    TempDir plain;
    auto d = blog(plain, "title: T\n");
    const std::string home = quire::render_document(d.bundle, quire::render_view(d.bundle, quire::home_route()));
    CHECK(has(home, "<li><a href=\"/\" aria-current=\"page\">Home</a></li>\n<li><a href=\"/tags/\">Tags</a></li>"));
  }

  TEST_CASE("menu errors: at their line in site.yaml, and in a bundle") {
    TempDir dir;
    auto r = blog(dir, "title: T\nmenu:\n  - {title: Gone, page: gone}\n  - {title: X}\n  - {title: Y, url: ftp://x}\n"
                       "  - {title: Z, path: /a/, url: https://x.org}\n");
    const std::string e = all(r.errors);
    CHECK_MESSAGE(has(e, "site.yaml:4: menu[1]: expected one of page, tag, path or url"), e);
    CHECK_MESSAGE(has(e, "site.yaml:5: menu[2]: url: expected an http(s) or mailto: URL, got \"ftp://x\""), e);
    CHECK_MESSAGE(has(e, "site.yaml:6: menu[3]: one target only, got path and url"), e);
    CHECK_MESSAGE(has(e, "site.yaml: menu: \"Gone\" names the page \"gone\", which content/pages/ does not have"), e);
    auto bad = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"menu":[{"title":"A","nope":"x"}]},"posts":[]})");
    CHECK(bad.message == "site.menu[0]: expected one of page, tag, path or url");
    bad = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{},"posts":[],"pages":[{"slug":"a"}]})");
    CHECK(bad.message == "pages[0].title: missing (expected string)");
    bad = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{},"posts":[],"pages":[{"slug":"a","title":7}]})");
    CHECK(bad.message == "pages[0].title: expected string, got number");
    bad = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{},"posts":[],"pages":{}})");
    CHECK(bad.message == "pages: expected array, got object");
  }

  TEST_CASE("a bundle's pages and menu: escapes decoded, other keys skipped") {
    auto r = quire::load_bundle(
        R"({"format":"quire-bundle","version":1,"site":{"menu":[{"x":{"y":[1,"]"]},"title":"Caf\u00e9 \ud83d\ude00 \"q\"","page":"a\/b"}]},)"
        R"("posts":[],"pages":[{"extra":[{"a":"}"}],"slug":"a","title":"T\n\\","body":"# Hi"}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    REQUIRE(r.bundle.site.menu.size() == 1);
    CHECK(r.bundle.site.menu[0].title == "Café \xF0\x9F\x98\x80 \"q\"");
    CHECK(r.bundle.site.menu[0].target == "a/b");
    REQUIRE(r.bundle.pages.size() == 1);
    CHECK(r.bundle.pages[0].title == "T\n\\");
    CHECK(r.bundle.pages[0].body == "# Hi");
  }
}
