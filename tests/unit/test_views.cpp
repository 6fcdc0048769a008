#include <doctest/doctest.h>

#include <string>

#include "core/bundle.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace {

bool has(const std::string& html, const std::string& needle) { return html.find(needle) != std::string::npos; }

size_t count(const std::string& html, const std::string& needle) {
  size_t n = 0;
  for (size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
  return n;
}

// Five posts over three months, three tags, two posts a page.
quire::Bundle sample(const std::string& base_path = "/") {
  std::string json = R"({"format":"quire-bundle","version":1,
    "site":{"title":"Notes & <Things>","url":"https://example.com","posts_per_page":2,
            "base_path":")" + base_path + R"(","description":"A blog."},
    "posts":[
      {"slug":"e","title":"Five","date":"2022-11-20T20:25:00+01:00","tags":["ai"],"summary":"Fifth *post*.",
       "body":"## Intro\n\nText[^n].\n\n[^n]: A note."},
      {"slug":"d","title":"Four <script>","date":"2022-11-02","tags":["ai","web"],"summary":"s","body":"b"},
      {"slug":"c","title":"Three","date":"2022-10-09T20:25:00+01:00","tags":["web"],"summary":"s","body":"b",
       "updated":"2022-10-10"},
      {"slug":"b","title":"Two","date":"2022-10-01","tags":["c++"],"summary":"s","body":"b"},
      {"slug":"a","title":"One","date":"2021-01-15","tags":[],"summary":"s","body":"wasm words"}]})";
  auto r = quire::load_bundle(json);
  REQUIRE_MESSAGE(r.ok, r.message);
  return r.bundle;
}

quire::View view(const quire::Bundle& b, const std::string& path) {
  return quire::render_view(b, quire::parse_route(path, b.site.base_path));
}

}  // namespace

TEST_SUITE("views") {
  TEST_CASE("the home page lists the newest posts with pagination") {
    auto b = sample();
    auto v = view(b, "/");
    CHECK(v.status == 200);
    CHECK(v.title == "Notes & <Things>");  // raw text; escaped where it is written
    CHECK(has(v.html, "<a href=\"/posts/e/\">Five</a>"));
    CHECK(has(v.html, "Four &lt;script&gt;"));
    CHECK_FALSE(has(v.html, "Four <script>"));
    CHECK_FALSE(has(v.html, ">Three<"));
    CHECK(has(v.html, "<em>post</em>"));  // summaries are markdown
    CHECK(has(v.html, "href=\"/page/2/\""));
    CHECK(has(v.html, "aria-current=\"page\" aria-label=\"Page 1\""));
    CHECK(v.next_path == "/page/2/");
    CHECK(v.prev_path.empty());
    SUBCASE("the last page links back and has no next") {
      auto last = view(b, "/page/3/");
      CHECK(last.status == 200);
      CHECK(has(last.html, ">One</a>"));
      CHECK(last.prev_path == "/page/2/");
      CHECK(last.next_path.empty());
      CHECK(last.title == "Page 3 — Notes & <Things>");
    }
    SUBCASE("a page past the end is the 404 view") { CHECK(view(b, "/page/4/").status == 404); }
  }

  TEST_CASE("a post shows title, formatted date, tags, body, footnotes and neighbours") {
    auto b = sample();
    auto v = view(b, "/posts/e/");
    CHECK(v.status == 200);
    CHECK(v.title == "Five — Notes & <Things>");
    CHECK(has(v.html, "<h1>Five</h1>"));
    CHECK(has(v.html, "<time datetime=\"2022-11-20T20:25:00+01:00\">8:25pm. November 20, 2022.</time>"));
    CHECK(has(v.html, "<a class=\"tag\" href=\"/tags/ai/\">ai</a>"));
    CHECK(has(v.html, "<h2 id=\"intro\""));
    CHECK(has(v.html, "class=\"footnotes\""));
    CHECK(has(v.html, "rel=\"prev\" href=\"/posts/d/\""));  // the older post
    CHECK_FALSE(has(v.html, "rel=\"next\""));               // newest has no newer
    CHECK(v.description == "Fifth post.");
    SUBCASE("updated dates and date-only posts") {
      auto c = view(b, "/posts/c/");
      CHECK(has(c.html, "Updated <time datetime=\"2022-10-10\">October 10, 2022.</time>"));
      CHECK(has(c.html, "rel=\"next\" href=\"/posts/d/\""));
    }
    SUBCASE("an unknown slug is the 404 view") { CHECK(view(b, "/posts/zzz/").status == 404); }
  }

  TEST_CASE("the tags index lists every tag with its count") {
    auto v = view(sample(), "/tags/");
    CHECK(has(v.html, "<a href=\"/tags/ai/\">ai</a> <span class=\"count\">(2)</span>"));
    CHECK(has(v.html, "<a href=\"/tags/web/\">web</a> <span class=\"count\">(2)</span>"));
    CHECK(has(v.html, "<a href=\"/tags/c-plus-plus/\">c++</a> <span class=\"count\">(1)</span>"));
  }

  TEST_CASE("a tag page lists only that tag's posts, paginated") {
    auto b = sample();
    auto v = view(b, "/tags/web/");
    CHECK(v.status == 200);
    CHECK(has(v.html, ">Three</a>"));
    CHECK(has(v.html, "Four &lt;script&gt;"));
    CHECK_FALSE(has(v.html, ">Five</a>"));
    CHECK(has(v.html, "2 posts"));
    CHECK(view(b, "/tags/c-plus-plus/").status == 200);
    CHECK(view(b, "/tags/web/page/2/").status == 404);
    CHECK(view(b, "/tags/nope/").status == 404);
  }

  TEST_CASE("the archive lists months newest first with counts, grouped by year") {
    auto v = view(sample(), "/archive/");
    auto nov = v.html.find("November 2022</a> <span class=\"count\">(2)</span>");
    auto oct = v.html.find("October 2022</a> <span class=\"count\">(2)</span>");
    auto jan = v.html.find("January 2021</a> <span class=\"count\">(1)</span>");
    CHECK(nov != std::string::npos);
    CHECK(oct > nov);
    CHECK(jan > oct);
    CHECK(count(v.html, "<h2 id=\"year-") == 2);
    CHECK(has(v.html, "href=\"/archive/2022/11/\""));
  }

  TEST_CASE("a month page lists its posts and links to neighbouring months") {
    auto b = sample();
    auto v = view(b, "/archive/2022/10/");
    CHECK(v.status == 200);
    CHECK(v.title == "October 2022 — Notes & <Things>");
    CHECK(has(v.html, ">Three</a>"));
    CHECK(has(v.html, ">Two</a>"));
    CHECK_FALSE(has(v.html, ">Five</a>"));
    CHECK(has(v.html, "href=\"/archive/2021/01/\">← January 2021</a>"));
    CHECK(has(v.html, "href=\"/archive/2022/11/\">November 2022 →</a>"));
    CHECK(view(b, "/archive/2022/09/").status == 404);
  }

  TEST_CASE("search finds posts with every term and escapes the query") {
    auto b = sample();
    auto v = view(b, "/search/?q=WASM");
    CHECK(has(v.html, "1 post matches"));
    CHECK(has(v.html, ">One</a>"));
    auto none = view(b, "/search/?q=%3Cscript%3E+zzz");
    CHECK(has(none.html, "0 posts match"));
    CHECK_FALSE(has(none.html, "<script>"));
    CHECK(has(view(b, "/search/").html, "<form class=\"search-form\""));
    CHECK(quire::search_posts(b, "ai web").size() == 1);
  }

  TEST_CASE("the 404 view has a title and a way home") {
    auto v = view(sample(), "/nope/");
    CHECK(v.status == 404);
    CHECK(v.title == "Page not found — Notes & <Things>");
    CHECK(has(v.html, "<h1 class=\"page-title\">Page not found</h1>"));
    CHECK(has(v.html, "href=\"/\">Go to the home page</a>"));
  }

  TEST_CASE("every view has a page title and an h1") {
    auto b = sample();
    for (const char* p : {"/", "/page/2/", "/posts/a/", "/tags/", "/tags/ai/", "/archive/", "/archive/2022/11/",
                          "/search/?q=x", "/missing"}) {
      CAPTURE(p);
      auto v = view(b, p);
      CHECK_FALSE(v.title.empty());
      CHECK(count(v.html, "<h1") == 1);
    }
  }

  TEST_CASE("the app chrome marks the current section") {
    auto b = sample();
    std::string app = quire::render_app(b, view(b, "/tags/ai/"));
    CHECK(has(app, "<a href=\"/tags/\" aria-current=\"true\">Tags</a>"));
    CHECK(has(app, "<a href=\"/\">Home</a>"));
    CHECK(has(app, "<main id=\"main\""));
    CHECK(has(app, "Notes &amp; &lt;Things&gt;"));
    std::string tags = quire::render_app(b, view(b, "/tags/"));
    CHECK(has(tags, "<a href=\"/tags/\" aria-current=\"page\">Tags</a>"));
  }

  TEST_CASE("a static page is a whole document with head metadata") {
    auto b = sample();
    std::string doc = quire::render_document(b, view(b, "/posts/e/"));
    CHECK(doc.rfind("<!doctype html>", 0) == 0);
    CHECK(has(doc, "<html lang=\"en\">"));
    CHECK(has(doc, "<title>Five — Notes &amp; &lt;Things&gt;</title>"));
    CHECK(has(doc, "<meta name=\"description\" content=\"Fifth post.\">"));
    CHECK(has(doc, "<link rel=\"canonical\" href=\"https://example.com/posts/e/\">"));
    CHECK(has(doc, "<script type=\"module\" src=\"/app.js\"></script>"));
    CHECK(has(doc, "data-route=\"/posts/e/\""));
    CHECK(has(doc, "id=\"quire-status\""));
    std::string home = quire::render_document(b, view(b, "/"));
    CHECK(has(home, "<link rel=\"next\" href=\"/page/2/\">"));
  }

  TEST_CASE("every link and asset respects the base path") {
    auto b = sample("/blog/");
    auto v = view(b, "/blog/posts/e/");
    CHECK(v.status == 200);
    CHECK(has(v.html, "href=\"/blog/tags/ai/\""));
    CHECK(has(v.html, "href=\"/blog/posts/d/\""));
    std::string doc = quire::render_document(b, v);
    CHECK(has(doc, "src=\"/blog/app.js\""));
    CHECK(has(doc, "href=\"/blog/style.css\""));
    CHECK(has(doc, "data-bundle=\"/blog/bundle.json\""));
    CHECK(has(doc, "href=\"https://example.com/blog/posts/e/\""));
    CHECK_FALSE(has(doc, "href=\"/tags/"));
    CHECK(view(b, "/posts/e/").status == 404);
  }

  TEST_CASE("reading time counts words") {
    CHECK(quire::reading_minutes("") == 1);
    CHECK(quire::reading_minutes(std::string(440 * 2, 'a')) == 1);
    std::string words;
    for (int i = 0; i < 660; ++i) words += "word ";
    CHECK(quire::reading_minutes(words) == 3);
  }
}
