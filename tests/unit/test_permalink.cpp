// Permalinks, aliases and the route table that follows them: patterns with
// each token, parse/route_path round trips (every route kind, base_path),
// the bundle's new fields, front matter and site.yaml keys, collisions,
// redirect pages and where the build writes posts.
#include <doctest/doctest.h>

#include "content_support.hpp"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/fsutil.hpp"
#include "build/redirects.hpp"
#include "build/site_writer.hpp"
#include "core/bundle.hpp"
#include "core/permalink.hpp"
#include "core/post_shards.hpp"
#include "core/router.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"

namespace fs = std::filesystem;
using quire::RouteKind;

namespace {

using quire::testing::all;
using quire::testing::TempDir;

quire::Post post(const std::string& slug, const std::string& date, const std::string& title = "T") {
  quire::Post p;
  p.slug = slug;
  p.title = title;
  p.date = date;
  p.when = *quire::parse_date(date);
  p.body = "Body.";
  p.has_body = true;
  return p;
}

// Three posts under a site pattern; "own" has its own permalink, "old" two
// aliases (one a Jekyll .html file).
quire::Bundle sample(const std::string& pattern, const std::string& base = "/") {
  quire::Bundle b;
  b.site.permalink = pattern;
  b.site.base_path = base;
  b.posts.push_back(post("hello", "2016-10-06T11:10:38-07:00"));
  b.posts.push_back(post("own", "2017-01-02"));
  b.posts.back().permalink = "/about-me/";
  b.posts.push_back(post("old", "2018-03-04"));
  b.posts.back().aliases = {quire::Text("/2018/03/04/old-title.html"), quire::Text("/old/")};
  b.posts.back().tags = {quire::Text("rust")};
  b.index();
  return b;
}

}  // namespace

TEST_SUITE("permalink") {
  TEST_CASE("each token expands from the post's date, slug and categories") {
    const quire::Post p = post("my-post", "2016-01-06T09:05:03+01:00");
    auto x = [&](const char* pattern, std::vector<std::string> categories = {}) {
      CHECK_MESSAGE(quire::permalink_problem(pattern).empty(), pattern);
      return quire::expand_permalink(pattern, p, categories);
    };
    CHECK(x("/:year/:month/:day/:slug/") == "2016/01/06/my-post/");
    CHECK(x("/:short_year/:i_month/:i_day/:title") == "16/1/6/my-post/");
    CHECK(x("/:year/:month/:day/:hour:minute:second/:filename/") == "2016/01/06/090503/my-post/");
    CHECK(x("/blog/:slugorfilename/") == "blog/my-post/");
    CHECK(x("/:categories/:year/:month/:day/:title.html", {"Rust", "Web Dev", "rust"}) ==
          "rust/web dev/2016/01/06/my-post.html");
    CHECK(x("/:categories/:year/:month/:day/:title.html") == "2016/01/06/my-post.html");  // none: dropped
    CHECK(x("/posts/:slug/index.html") == "posts/my-post/");
    // A token an underscore follows ends there; a whole name still wins.
    CHECK(x("/:year-:month-:day_:slug/") == "2016-01-06_my-post/");
    CHECK(x("/:short_year_:i_day_x/") == "16_6_x/");
    CHECK(quire::permalink_uses_categories("/:categories/:slug/"));
    CHECK_FALSE(quire::permalink_uses_categories(quire::kDefaultPermalink));
  }

  TEST_CASE("bad patterns say why") {
    CHECK(quire::permalink_problem("/:yaer/:slug/").find("unknown token \":yaer\" (known: :year") == 0);
    CHECK(quire::permalink_problem("/:days_x/").find("unknown token \":days_x\"") == 0);
    CHECK(quire::permalink_problem(":slug/").find("starting with '/'") != std::string::npos);
    CHECK(quire::permalink_problem("/../:slug/").find("\"..\"") != std::string::npos);
    CHECK(quire::permalink_problem("/:slug/?x").find("'?'") != std::string::npos);
  }

  TEST_CASE("normal paths: decoded segments, index.html dropped, file names kept") {
    CHECK(quire::normal_path("/a//b", false) == "a/b/");
    CHECK(quire::normal_path("/a/b/index.html", false) == "a/b/");
    CHECK(quire::normal_path("/a/b.HTML", false) == "a/b.HTML");
    CHECK(quire::normal_path("/caf%C3%A9/", true) == "café/");
    CHECK(quire::normal_path("/", false).empty());
    bool ok = true;
    quire::normal_path("/a/../b", true, &ok);
    CHECK_FALSE(ok);
    CHECK(quire::encode_path("café/x y.html") == "caf%C3%A9/x%20y.html");
  }

  TEST_CASE("every route kind round-trips under each pattern and base path") {
    for (const char* pattern : {"/posts/:slug/", "/:year/:month/:day/:slug/", "/blog/:title/", "/:year/:slug.html"}) {
      for (const char* base : {"/", "/blog/"}) {
        CAPTURE(pattern);
        CAPTURE(base);
        quire::Bundle b = sample(pattern, base);
        std::vector<quire::Route> routes = quire::all_routes(b);
        routes.push_back(quire::tags_route({"rust", "go"}, 2));
        routes.push_back(quire::month_route(2018, 3));
        for (const quire::Route& r : routes) {
          const std::string path = quire::route_path(r, base);
          const quire::Route back = quire::parse_route(path, b);
          CHECK_MESSAGE(back.kind == r.kind, path);
          CHECK(quire::route_path(back, base) == path);
          CHECK_FALSE(back.alias);
        }
      }
    }
  }

  TEST_CASE("a post is at its pattern's path, and only there") {
    quire::Bundle b = sample("/:year/:month/:day/:slug/", "/blog/");
    const quire::Post* hello = b.find_post("hello");
    REQUIRE(hello);
    CHECK(quire::route_path(quire::post_route(*hello), "/blog/") == "/blog/2016/10/06/hello/");
    auto r = quire::parse_route("/blog/2016/10/06/hello/", b);
    CHECK(r.kind == RouteKind::Post);
    CHECK(r.slug == "hello");
    CHECK(quire::parse_route("/blog/2016/10/06/hello", b).slug == "hello");
    CHECK(quire::parse_route("/blog/2016/10/06/hello/index.html?utm=x#top", b).slug == "hello");
    // the default place is not the post's any more
    CHECK(quire::parse_route("/blog/posts/hello/", b).kind == RouteKind::NotFound);
    CHECK(quire::parse_route("/2016/10/06/hello/", b).kind == RouteKind::NotFound);  // outside base_path
    // its own permalink wins over the pattern
    CHECK(quire::parse_route("/blog/about-me/", b).slug == "own");
    CHECK(quire::parse_route("/blog/2017/01/02/own/", b).kind == RouteKind::NotFound);
    // the views link to where posts are
    quire::View home = quire::render_view(b, quire::parse_route("/blog/", b));
    CHECK(home.html.find("href=\"/blog/2016/10/06/hello/\"") != std::string::npos);
    CHECK(home.html.find("href=\"/blog/about-me/\"") != std::string::npos);
    CHECK(home.html.find("/posts/") == std::string::npos);
    quire::View v = quire::render_view(b, quire::parse_route("/blog/2016/10/06/hello/", b));
    CHECK(v.status == 200);
    CHECK(v.path == "/blog/2016/10/06/hello/");
    CHECK_FALSE(v.moved);
  }

  TEST_CASE("a large table finds every post and alias") {
    quire::Bundle b;
    b.site.permalink = "/:year/:month/:day/:slug/";
    for (int i = 0; i < 300; ++i) {
      const int k = (i * 37) % 300;  // not in order
      b.posts.push_back(post("p" + std::to_string(k), "20" + std::to_string(10 + k % 10) + "-0" +
                                                           std::to_string(1 + k % 9) + "-1" + std::to_string(k % 9)));
      b.posts.back().aliases = {quire::Text("/old/" + std::to_string(k) + "/")};
    }
    b.index();
    REQUIRE(b.paths.size() == 600);
    for (size_t i = 1; i < b.paths.size(); ++i) CHECK(b.paths[i - 1].path <= b.paths[i].path);
    for (const quire::Post& p : b.posts) {
      CHECK(quire::parse_route(quire::route_path(quire::post_route(p)), b).slug == p.slug);
      bool alias = false;
      const quire::Post* found = b.find_path(quire::normal_path(p.aliases[0], false), &alias);
      CHECK(found == &p);
      CHECK(alias);
    }
  }

  TEST_CASE("the widget links to where posts are") {
    quire::Bundle b = sample("/:year/:month/:day/:slug/", "/blog/");
    b.site.url = "https://e.org";
    quire::WidgetRequest latest;
    const std::string html = quire::render_widget(b, latest).html;
    CHECK(html.find("href=\"https://e.org/blog/2016/10/06/hello/\"") != std::string::npos);
    CHECK(html.find("href=\"https://e.org/blog/about-me/\"") != std::string::npos);
    CHECK(html.find("/posts/") == std::string::npos);
    quire::WidgetRequest one;
    one.view = "post";
    one.slug = "hello";
    CHECK(quire::render_widget(b, one).html.find("href=\"https://e.org/blog/2016/10/06/hello/\"") != std::string::npos);
  }

  TEST_CASE("an alias leads to its post, which the view says has moved") {
    quire::Bundle b = sample(quire::kDefaultPermalink);
    auto r = quire::parse_route("/2018/03/04/old-title.html", b);
    CHECK(r.kind == RouteKind::Post);
    CHECK(r.slug == "old");
    CHECK(r.alias);
    CHECK(quire::parse_route("/old", b).alias);
    quire::View v = quire::render_view(b, r);
    CHECK(v.status == 200);
    CHECK(v.moved);
    CHECK(v.path == "/posts/old/");
    CHECK_FALSE(quire::parse_route("/posts/old/", b).alias);
    // the default pattern needs no table but for own permalinks and aliases
    CHECK(b.paths.size() == 3);
  }

  TEST_CASE("the bundle carries the pattern, own permalinks and aliases") {
    quire::Bundle b = sample("/:year/:slug/");
    const std::string json = quire::write_bundle_json(b);
    CHECK(json.find("\"permalink\":\"/:year/:slug/\"") != std::string::npos);
    CHECK(json.find("\"permalink\":\"/about-me/\"") != std::string::npos);
    CHECK(json.find("\"aliases\":[\"/2018/03/04/old-title.html\",\"/old/\"]") != std::string::npos);
    auto loaded = quire::load_bundle(json);
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    CHECK(loaded.bundle.site.permalink == "/:year/:slug/");
    CHECK(quire::write_bundle_json(loaded.bundle) == json);
    CHECK(quire::parse_route("/2016/hello/", loaded.bundle).slug == "hello");
    CHECK(quire::parse_route("/about-me/", loaded.bundle).slug == "own");
    CHECK(quire::parse_route("/old/", loaded.bundle).alias);
    // the split form too (version 1's)
    quire::SplitBundle split = quire::write_split_bundle(b, "chunks/", quire::kPostsPerChunk, {}, 0);
    auto index = quire::load_bundle(split.index);
    REQUIRE(index.ok);
    CHECK(quire::parse_route("/old/", index.bundle).slug == "old");
    // and sharded (post_shards.hpp): the path is known once its slug file is added
    split = quire::write_split_bundle(b, "chunks/");
    index = quire::load_bundle(split.index);
    REQUIRE_MESSAGE(index.ok, index.message);
    CHECK(index.bundle.slug_paths);
    CHECK(quire::parse_route("/old/", index.bundle).kind == quire::RouteKind::NotFound);
    const std::string* file = quire::missing_path_file(index.bundle, "/old/");
    REQUIRE(file);
    for (const auto& c : split.chunks)
      if (c.path == *file) REQUIRE(quire::add_post_file(index.bundle, c.path, c.json).ok);
    CHECK(quire::parse_route("/old/", index.bundle).slug == "old");
    CHECK(quire::parse_route("/old/", index.bundle).alias);
    // wrong types are named
    auto bad = [](const std::string& site, const std::string& post) {
      return quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{)" + site +
                                R"(},"posts":[{"slug":"a","title":"A","date":"2020-01-01")" + post + "}]}")
          .message;
    };
    CHECK(bad(R"("permalink":"/:nope/")", "").find("site.permalink: unknown token \":nope\"") == 0);
    CHECK(bad("", R"(,"permalink":3)") == "posts[0].permalink: expected string, got number");
    CHECK(bad("", R"(,"permalink":"x/")") == "posts[0].permalink: expected a path starting with '/', got \"x/\"");
    CHECK(bad("", R"(,"aliases":"/x/")") == "posts[0].aliases: expected array, got string");
    CHECK(bad("", R"(,"aliases":["/x/",1])") == "posts[0].aliases[1]: expected string, got number");
  }

  TEST_CASE("front matter: permalink, aliases and redirect_from; site.yaml: permalink") {
    std::vector<quire::Diagnostic> errors, warnings;
    auto p = quire::parse_post("---\ntitle: T\ndate: 2020-01-02\npermalink: /:year/x/\naliases: /a/\n"
                               "redirect_from:\n  - /b.html\n  - c/\ncategories: [One, Two]\n---\nBody.\n",
                               "content/posts/t.md", errors, warnings);
    REQUIRE_MESSAGE(p.ok, all(errors));
    CHECK(p.post.permalink == "/:year/x/");
    REQUIRE(p.post.aliases.size() == 3);
    CHECK(p.post.aliases[2] == "/c/");
    CHECK(p.post.params_json.find("permalink") == std::string::npos);  // not an unknown key
    CHECK(p.post.categories == std::vector<std::string>{"One", "Two"});
    errors.clear();
    quire::parse_post("---\ntitle: T\ndate: 2020-01-02\npermalink: /:nope/\naliases:\n  - /ok/\n  - /a?b\n---\n",
                      "content/posts/t.md", errors, warnings);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].str().find("content/posts/t.md:4: permalink: unknown token \":nope\"") == 0);
    CHECK(errors[1].str().find("content/posts/t.md:7: aliases: a path only") == 0);

    quire::Site site;
    errors.clear();
    quire::parse_site_yaml("title: T\npermalink: /:year/:month/:day/:slug/\n", "site.yaml", site, errors, warnings);
    CHECK(errors.empty());
    CHECK(site.permalink == "/:year/:month/:day/:slug/");
    quire::parse_site_yaml("permalink: pretty\n", "site.yaml", site, errors, warnings);
    CHECK(site.permalink == "/:categories/:year/:month/:day/:title/");  // Jekyll's named style
    quire::parse_site_yaml("title: T\npermalink: /:yy/\n", "site.yaml", site, errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].str().find("site.yaml:2: permalink: unknown token") == 0);
  }

  TEST_CASE("site.yaml redirects: old addresses of lists and terms get a redirect page; one that shows something is an error at its line") {
    TempDir dir;
    dir.write("site.yaml", "title: T\nurl: https://e.org\nredirects:\n  /archives/: /archive/\n  /categories/systeme/: /tags/système/\n"
                           "  /zh/: /\n  /gone/: /nowhere/\n");
    dir.write("posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [système]\n---\nA\n");
    auto r = quire::load_content(dir.path, {});
    CHECK_MESSAGE(r.errors.empty(), all(r.errors));
    CHECK(all(r.warnings).find("site.yaml:7: redirects: /gone/ goes to /nowhere/, where the blog has nothing") != std::string::npos);
    std::map<std::string, std::string> files;
    for (const quire::RedirectFile& f : quire::redirect_files(r.bundle)) files[f.path] = f.html;
    REQUIRE(files.count("archives/index.html"));
    CHECK(files["archives/index.html"].find("url=/archive/\"") != std::string::npos);
    CHECK(files["categories/systeme/index.html"].find("url=/tags/système/\"") != std::string::npos);
    CHECK(files["zh/index.html"].find("url=/\"") != std::string::npos);

    // From an address the blog has, or not a path: errors at their lines.
    dir.write("site.yaml", "title: T\nredirects:\n  /posts/a/: /archive/\n  /tags/système/: /\n  /x/: https://e.org/\n  /y/: /y/\n");
    r = quire::load_content(dir.path, {});
    const std::string e = all(r.errors);
    CHECK_MESSAGE(e.find("site.yaml:3: redirects: /posts/a/ is an address the blog has") != std::string::npos, e);
    CHECK(e.find("site.yaml:4: redirects: /tags/syst") != std::string::npos);
    CHECK(e.find("site.yaml:5: redirects: expected a path starting with '/'") != std::string::npos);
    CHECK(e.find("site.yaml:6: redirects: a path redirected to itself") != std::string::npos);
    dir.write("site.yaml", "title: T\nredirects: [/a/]\n");
    r = quire::load_content(dir.path, {});
    CHECK(all(r.errors).find("site.yaml:2: redirects: expected old paths and where each went") != std::string::npos);
  }

  TEST_CASE("site.yaml redirects: a list's page 1 again at <list>/page/1/ (Hugo's and Zola's) may redirect; page 2 may not") {
    // Every Hugo list wrote /page/1/ (a redirect to the list): 115 of ouuan's 557 addresses had nothing.
    TempDir dir;
    dir.write("site.yaml", "title: T\nredirects:\n  /page/1/: /\n  /tags/go/page/1/: /tags/go/\n  /tags/page/1/: /tags/\n");
    dir.write("posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [go]\n---\nA\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.errors.empty(), all(r.errors));
    std::map<std::string, std::string> files;
    for (const quire::RedirectFile& f : quire::redirect_files(r.bundle)) files[f.path] = f.html;
    CHECK(files["page/1/index.html"].find("url=/\"") != std::string::npos);
    CHECK(files["tags/go/page/1/index.html"].find("url=/tags/go/\"") != std::string::npos);
    CHECK(files["tags/page/1/index.html"].find("url=/tags/\"") != std::string::npos);
    // A page the build writes (a second page, the list itself) stays the build's.
    dir.write("site.yaml", "title: T\nposts_per_page: 1\nredirects:\n  /page/2/: /\n  /tags/go/: /\n  /tags/go/page/1/x/: /\n");
    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-01-02\n---\nB\n");
    r = quire::load_content(dir.path, {});
    const std::string e = all(r.errors);
    CHECK_MESSAGE(e.find("site.yaml:4: redirects: /page/2/ is an address the blog has") != std::string::npos, e);
    CHECK(e.find("site.yaml:5: redirects: /tags/go/ is an address the blog has") != std::string::npos);
    CHECK(e.find("/tags/go/page/1/x/") == std::string::npos);  // shows nothing: free
  }

  TEST_CASE("two posts on one URL, or a post on a page of the build's, is an error naming both files") {
    TempDir dir;
    dir.write("site.yaml", "title: T\npermalink: /:year/:slug/\n");
    dir.write("posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n");
    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-05-01\npermalink: /2020/a/\n---\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].str().find("b.md: URL /2020/a/ is also claimed by ") != std::string::npos);
    CHECK(r.errors[0].message.find("posts/a.md") != std::string::npos);

    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-05-01\naliases: [/2020/a/]\n---\n");
    r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("alias /2020/a/ is also claimed by ") == 0);

    // One post listing an address twice ("/2020/b" and "/2020/b/", as Hugo
    // sites do), or its own URL: kept once, no error
    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-05-01\naliases: [/old/b, /old/b/, /2020/b/]\n---\n");
    r = quire::load_content(dir.path, {});
    CHECK_MESSAGE(r.errors.empty(), all(r.errors));
    for (const quire::Post& p : r.bundle.posts)
      if (p.slug == "b") CHECK(p.aliases.size() == 1);

    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-05-01\npermalink: /tags/b/\n---\n");
    r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == "URL /tags/b/ is the tag pages /tags/, which the build writes itself; choose another");

    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-05-01\npermalink: /feed.xml\n---\n");
    r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("URL /feed.xml/ is one of the site's files") == 0);

    dir.write("posts/b.md", "---\ntitle: B\ndate: 2020-05-01\nredirect_from: /archive/\n---\n");
    r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("alias /archive/ is the archive") == 0);
  }

  TEST_CASE(":categories: the build stores each post's path, which a loaded bundle reads back") {
    TempDir dir;
    dir.write("site.yaml", "title: T\npermalink: /:categories/:year/:month/:day/:title.html\n");
    dir.write("posts/2016-10-06-x.md", "---\ntitle: X\ndate: 2016-10-06\ncategories: [Code, Rust]\n---\n");
    dir.write("posts/2016-10-07-y.md", "---\ntitle: Y\ndate: 2016-10-07\n---\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const quire::Post* x = r.bundle.find_post("x");
    REQUIRE(x);
    CHECK(x->permalink == "/code/rust/2016/10/06/x.html");
    auto loaded = quire::load_bundle(quire::write_bundle_json(r.bundle));
    REQUIRE(loaded.ok);
    CHECK(quire::parse_route("/code/rust/2016/10/06/x.html", loaded.bundle).slug == "x");
    CHECK(quire::parse_route("/2016/10/07/y.html", loaded.bundle).slug == "y");
  }

  TEST_CASE("redirect pages: canonical, refresh, a plain link, noindex") {
    quire::Bundle b = sample(quire::kDefaultPermalink, "/blog/");
    b.site.url = "https://e.org";
    auto files = quire::redirect_files(b);
    REQUIRE(files.size() == 2);
    CHECK(files[0].path == "2018/03/04/old-title.html");
    CHECK(files[1].path == "old/index.html");
    const std::string& html = files[1].html;
    CHECK(html.find("<link rel=\"canonical\" href=\"https://e.org/blog/posts/old/\">") != std::string::npos);
    // The reader stays on this host (a local preview lands on its own page).
    CHECK(html.find("<meta http-equiv=\"refresh\" content=\"0; url=/blog/posts/old/\">") != std::string::npos);
    CHECK(html.find("<a href=\"/blog/posts/old/\">") != std::string::npos);
    CHECK(html.find("<meta name=\"robots\" content=\"noindex\">") != std::string::npos);
  }
}
