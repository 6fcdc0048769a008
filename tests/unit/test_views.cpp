#include <doctest/doctest.h>

#include "text_match.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

using quire_test::count;
using quire_test::has;

namespace {

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
  TEST_CASE("a summary's relative links and images are under its post, on the home and tag pages; on the post, as written") {
    // A page bundle's ![](ridge.png) in its summary loaded /ridge.png on the home page (Lruihao's list pages).
    for (const std::string& base : {std::string("/"), std::string("/blog/")}) {
      const std::string json = R"J({"format":"quire-bundle","version":1,"site":{"title":"T","base_path":")J" + base + R"J("},
        "posts":[{"slug":"trip","title":"Trip","date":"2022-11-20","tags":["t"],
                  "summary":"![ridge](ridge.png), [notes](../trip/notes.txt), [top](#x), ![abs](/a.png), [w](https://w.example/)",
                  "body":"![ridge](ridge.png)"}]})J";
      auto r = quire::load_bundle(json);
      REQUIRE_MESSAGE(r.ok, r.message);
      for (const std::string& path : {base, base + "tags/t/"}) {
        const quire::View home = view(r.bundle, path);
        CHECK(has(home.html, "src=\"" + base + "posts/trip/ridge.png\""));
        CHECK(has(home.html, "href=\"" + base + "posts/trip/../trip/notes.txt\""));
        CHECK(has(home.html, "href=\"#x\""));
        CHECK(has(home.html, "src=\"" + base + "a.png\""));
        CHECK(has(home.html, "href=\"https://w.example/\""));
      }
      CHECK(has(view(r.bundle, base + "posts/trip/").html, "src=\"ridge.png\""));
    }
  }

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

  TEST_CASE("lists built from entries rendered once per post are the lists rendered as they go") {
    auto b = sample();
    std::vector<std::string> entries;
    for (size_t i = 0; i < b.posts.size(); ++i) entries.push_back(quire::summary_entry(b, i, false));
    for (const char* path : {"/", "/page/2/", "/page/3/", "/tags/ai/", "/tags/web/", "/tags/ai+web/", "/posts/d/"}) {
      CAPTURE(path);
      const quire::Route route = quire::parse_route(path, b.site.base_path);
      CHECK(quire::render_view(b, route, entries).html == quire::render_view(b, route).html);
    }
  }

  TEST_CASE("a post shows title, formatted date, tags, body, footnotes and neighbours") {
    auto b = sample();
    auto v = view(b, "/posts/e/");
    CHECK(v.status == 200);
    CHECK(v.title == "Five — Notes & <Things>");
    CHECK(has(v.html, "<h1>Five</h1>"));
    CHECK(has(v.html, "<time datetime=\"2022-11-20T20:25:00+01:00\">November 20, 2022</time>"));
    CHECK(has(v.html, "<a class=\"tag\" href=\"/tags/ai/\">ai</a>"));
    CHECK(has(v.html, "<h2 id=\"intro\""));
    CHECK(has(v.html, "class=\"footnotes\""));
    CHECK(has(v.html, "rel=\"prev\" href=\"/posts/d/\""));  // the older post
    CHECK_FALSE(has(v.html, "rel=\"next\""));               // newest has no newer
    CHECK(v.description == "Fifth post.");
    SUBCASE("updated dates and date-only posts") {
      auto c = view(b, "/posts/c/");
      CHECK(has(c.html, "Updated <time datetime=\"2022-10-10\">October 10, 2022</time>"));
      CHECK(has(c.html, "rel=\"next\" href=\"/posts/d/\""));
    }
    SUBCASE("an unknown slug is the 404 view") { CHECK(view(b, "/posts/zzz/").status == 404); }
  }

  TEST_CASE("a post with neither body nor chunk shows its summary, not a Loading… that never ends") {
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S"},"posts":[
      {"slug":"a","title":"A","date":"2022-01-02","summary":"Just *this*."},
      {"slug":"b","title":"B","date":"2022-01-01"}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    auto a = view(r.bundle, "/posts/a/");
    CHECK(a.status == 200);
    CHECK(a.needs.empty());  // nothing to wait for
    CHECK_FALSE(has(a.html, "pending"));
    CHECK_FALSE(has(a.html, "Loading"));
    CHECK(has(a.html, "<div class=\"post-body\">\n<p>Just <em>this</em>.</p>\n</div>"));
    auto b = view(r.bundle, "/posts/b/");
    CHECK(b.status == 200);
    CHECK(b.needs.empty());
    CHECK_FALSE(has(b.html, "Loading"));
    CHECK(has(b.html, "<div class=\"post-body\">\n</div>"));
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

  TEST_CASE("a tag combination lists exactly the posts having every tag") {
    auto b = sample();
    auto v = view(b, "/tags/ai+web/");
    CHECK(v.status == 200);
    CHECK(v.kind == quire::RouteKind::Tag);
    CHECK(v.path == "/tags/ai+web/");
    CHECK(v.title == "Posts tagged “ai” and “web” — Notes & <Things>");
    CHECK(has(v.html, "Four &lt;script&gt;"));
    CHECK(count(v.html, "class=\"post-summary\"") == 1);
    CHECK(has(v.html, "1 post with all 2 tags"));
    SUBCASE("each tag has a link that removes it") {
      CHECK(has(v.html, "<a class=\"tag tag-remove\" href=\"/tags/web/\"><span class=\"sr-only\">Remove </span>ai"));
      CHECK(has(v.html, "<a class=\"tag tag-remove\" href=\"/tags/ai/\"><span class=\"sr-only\">Remove </span>web"));
    }
    SUBCASE("the order of the tags does not change the posts") {
      auto swapped = view(b, "/tags/web+ai/");
      CHECK(count(swapped.html, "class=\"post-summary\"") == 1);
      CHECK(has(swapped.html, "Four &lt;script&gt;"));
    }
    SUBCASE("no post with all the tags is an empty view, not an error") {
      auto none = view(b, "/tags/ai+c-plus-plus/");
      CHECK(none.status == 200);
      CHECK(has(none.html, "0 posts with all 2 tags"));
      CHECK(count(none.html, "class=\"post-summary\"") == 0);
      CHECK(has(none.html, "href=\"/tags/c-plus-plus/\""));
    }
    SUBCASE("an unknown tag in a combination is the 404 view") { CHECK(view(b, "/tags/ai+nope/").status == 404); }
    SUBCASE("under a base path") {
      auto bb = sample("/blog/");
      auto in_blog = view(bb, "/blog/tags/ai+web/");
      CHECK(has(in_blog.html, "href=\"/blog/tags/web/\""));
    }
  }

  TEST_CASE("a tag page offers the tags its posts share, to narrow it down, with counts") {
    auto b = sample();
    auto ai = view(b, "/tags/ai/");
    CHECK(has(ai.html, "Narrow down"));
    CHECK(has(ai.html, "href=\"/tags/ai+web/\"><span class=\"sr-only\">Add </span>web <span class=\"count\">1"));
    CHECK_FALSE(has(ai.html, "/tags/ai+c-plus-plus/"));  // no post has both
    CHECK_FALSE(has(ai.html, "/tags/ai+ai/"));
    CHECK_FALSE(has(view(b, "/tags/ai+web/").html, "Narrow down"));  // nothing left to add
    CHECK_FALSE(has(view(b, "/tags/c-plus-plus/").html, "Narrow down"));
  }

  TEST_CASE("the tags to narrow down by come most posts first, then in tag order") {
    std::string json = R"({"format":"quire-bundle","version":1,"site":{"title":"T"},"posts":[
      {"slug":"p4","title":"4","date":"2022-04-01","tags":["t","d","c"],"summary":"s","body":"b"},
      {"slug":"p3","title":"3","date":"2022-03-01","tags":["t","d","b","a"],"summary":"s","body":"b"},
      {"slug":"p2","title":"2","date":"2022-02-01","tags":["t","d","c"],"summary":"s","body":"b"},
      {"slug":"p1","title":"1","date":"2022-01-01","tags":["t","b"],"summary":"s","body":"b"},
      {"slug":"p0","title":"0","date":"2021-01-01","tags":["e"],"summary":"s","body":"b"}]})";
    auto r = quire::load_bundle(json);
    REQUIRE_MESSAGE(r.ok, r.message);
    const std::string html = view(r.bundle, "/tags/t/").html;
    const size_t narrow = html.find("class=\"narrow\"");
    REQUIRE(narrow != std::string::npos);
    size_t d = html.find("/tags/t+d/", narrow), b = html.find("/tags/t+b/", narrow),
           c = html.find("/tags/t+c/", narrow), a = html.find("/tags/t+a/", narrow);
    REQUIRE(a != std::string::npos);
    CHECK(d < b);  // 3 posts
    CHECK(b < c);  // 2 each: tag order
    CHECK(c < a);  // 1
    CHECK_FALSE(has(html, "/tags/t+e/"));  // no post of the view has it
  }

  TEST_CASE("a post lists up to three related posts, most shared tags first, then newest") {
    std::string json = R"({"format":"quire-bundle","version":1,"site":{"title":"T"},"posts":[
      {"slug":"p6","title":"Six","date":"2022-06-01","tags":["x"],"summary":"s","body":"b"},
      {"slug":"p5","title":"Five","date":"2022-05-01","tags":["x","y"],"summary":"s","body":"b"},
      {"slug":"p4","title":"Four","date":"2022-04-01","tags":["z"],"summary":"s","body":"b"},
      {"slug":"p3","title":"Three","date":"2022-03-01","tags":["X","y","z"],"summary":"s","body":"b"},
      {"slug":"p2","title":"Two","date":"2022-02-01","tags":["y"],"summary":"s","body":"b"},
      {"slug":"p1","title":"One","date":"2022-01-01","tags":["x","y","z"],"summary":"s","body":"b"}]})";
    auto r = quire::load_bundle(json);
    REQUIRE_MESSAGE(r.ok, r.message);
    auto v = view(r.bundle, "/posts/p1/");
    REQUIRE(has(v.html, "Related posts"));
    size_t three = v.html.find(">Three</a>"), five = v.html.find(">Five</a>"), six = v.html.find(">Six</a>");
    size_t related = v.html.find("class=\"related-posts\"");
    REQUIRE(three != std::string::npos);
    REQUIRE(five != std::string::npos);
    REQUIRE(six != std::string::npos);
    CHECK(related < three);  // Three shares 3 tags ("X" is "x")
    CHECK(three < five);     // Five shares 2
    CHECK(five < six);       // Six, Four and Two share 1: the newest wins
    CHECK_FALSE(has(v.html.substr(related), ">Four</a>"));
    CHECK_FALSE(has(v.html.substr(related), ">Two</a>"));
    CHECK_FALSE(has(v.html.substr(related), ">One</a>"));
    SUBCASE("a post sharing no tag has no related section") {
      CHECK_FALSE(has(view(sample(), "/posts/a/").html, "Related posts"));
    }
  }

  TEST_CASE("tags of one slug show once on a post, in its head, and count once for related posts") {
    // Regression: "Rust", "rust" and "RUST" were three links to /tags/rust/,
    // and a post carrying them looked three tags closer to every Rust post.
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"T"},"posts":[
      {"slug":"p4","title":"Four","date":"2022-04-01","tags":["x","y"],"summary":"s","body":"b"},
      {"slug":"p3","title":"Three","date":"2022-03-01","tags":["Rust","rust","RUST"],"summary":"s","body":"b"},
      {"slug":"p2","title":"Two","date":"2022-02-01","tags":["x","y"],"summary":"s","body":"b"},
      {"slug":"p1","title":"One","date":"2022-01-01","tags":["rust","x","y"],"summary":"s","body":"b"}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    auto three = view(r.bundle, "/posts/p3/");
    CHECK(count(three.html, "href=\"/tags/rust/\"") == 1);
    CHECK(has(three.html, ">Rust</a>"));
    CHECK(count(quire::render_document(r.bundle, three), "article:tag") == 1);
    auto one = view(r.bundle, "/posts/p1/");
    const size_t related = one.html.find("class=\"related-posts\"");
    REQUIRE(related != std::string::npos);
    const std::string list = one.html.substr(related);
    CHECK(list.find(">Four</a>") < list.find(">Two</a>"));   // two shared tags each: the newest first
    CHECK(list.find(">Two</a>") < list.find(">Three</a>"));  // one shared tag, however often written
  }

  TEST_CASE("pagination shows the pages near the current one, the first and the last") {
    std::string posts;
    for (int i = 0; i < 40; ++i) {
      if (i) posts += ",";
      char date[16];
      std::snprintf(date, sizeof date, "2022-%02d-%02d", 12 - i / 28, 28 - i % 28);
      posts += R"({"slug":"p)" + std::to_string(i) + R"(","title":"P","date":")" + date + R"(","summary":"s"})";
    }
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"T","posts_per_page":2},"posts":[)" +
                                posts + "]}");
    REQUIRE_MESSAGE(r.ok, r.message);
    auto v = view(r.bundle, "/page/10/");
    for (int p : {1, 8, 9, 10, 11, 12, 20}) {
      CAPTURE(p);
      CHECK(has(v.html, "aria-label=\"Page " + std::to_string(p) + "\""));
    }
    for (int p : {2, 7, 13, 19}) {
      CAPTURE(p);
      CHECK_FALSE(has(v.html, "aria-label=\"Page " + std::to_string(p) + "\""));
    }
    CHECK(count(v.html, "class=\"gap\"") == 2);
    SUBCASE("a gap of one page shows the page instead") {
      auto p5 = view(r.bundle, "/page/5/");
      CHECK(has(p5.html, "aria-label=\"Page 2\""));
      CHECK(count(p5.html, "class=\"gap\"") == 1);
    }
  }

  TEST_CASE("the tags index sizes each tag by its number of posts") {
    auto v = view(sample(), "/tags/");
    CHECK(has(v.html, "<li class=\"weight-5\"><a href=\"/tags/ai/\">ai</a>"));
    CHECK(has(v.html, "<li class=\"weight-1\"><a href=\"/tags/c-plus-plus/\">c++</a>"));
    CHECK(has(v.html, "3 tags"));
  }

  TEST_CASE("the tags index weighs tags on a log scale and rounds a half step up") {
    // 256 posts: tag "nK" on the first K of them. Weight = 1 + 4·log(K)/log(256)
    // rounded; K = 2, 8, 32 and 128 are exactly half-way between two steps.
    std::string posts;
    for (int i = 0; i < 256; ++i) {
      std::string tags = "\"n256\"";
      for (int k : {1, 2, 3, 8, 16, 32, 128})
        if (i < k) tags += ",\"n" + std::to_string(k) + "\"";
      posts += std::string(i ? "," : "") + R"({"slug":"p)" + std::to_string(i) +
               R"(","title":"T","date":"2022-01-01","summary":"s","body":"b","tags":[)" + tags + "]}";
    }
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S"},"posts":[)" + posts + "]}");
    REQUIRE_MESSAGE(r.ok, r.message);
    auto v = view(r.bundle, "/tags/");
    for (auto kw : {std::pair{1, 1}, {2, 2}, {3, 2}, {8, 3}, {16, 3}, {32, 4}, {128, 5}, {256, 5}}) {
      const int k = kw.first, weight = kw.second;  // not a structured binding: CAPTURE's lambda needs C++20 for that (clang)
      CAPTURE(k);
      CHECK(has(v.html, "<li class=\"weight-" + std::to_string(weight) + "\"><a href=\"/tags/n" + std::to_string(k) + "/\">"));
    }
  }

  TEST_CASE("the archive lists months newest first with counts, grouped by year") {
    auto v = view(sample(), "/archive/");
    auto nov = v.html.find("November</a> <span class=\"count\">(2<span class=\"sr-only\"> posts</span>)</span>");
    auto oct = v.html.find("October</a> <span class=\"count\">(2<span class=\"sr-only\"> posts</span>)</span>");
    auto jan = v.html.find("January</a> <span class=\"count\">(1<span class=\"sr-only\"> post</span>)</span>");
    CHECK(nov != std::string::npos);
    CHECK(oct > nov);
    CHECK(jan > oct);
    CHECK(count(v.html, "<h2 id=\"year-") == 2);
    CHECK(has(v.html, "href=\"/archive/2022/11/\""));
  }

  TEST_CASE("a blog of more posts than kArchiveTitlesUpTo: the archive lists its months with counts, not every title") {
    // kArchiveTitlesUpTo + 1 posts, 40 a month from January 2000.
    const size_t n = quire::kArchiveTitlesUpTo + 1;
    std::string posts;
    for (size_t i = 0; i < n; ++i) {
      const size_t k = n - 1 - i;  // newest first
      char date[11];
      std::snprintf(date, sizeof date, "%04zu-%02zu-01", 2000 + k / 40 / 12, k / 40 % 12 + 1);
      posts += std::string(i ? "," : "") + R"({"slug":"p)" + std::to_string(k) + R"(","title":"Post )" +
               std::to_string(k) + R"(","date":")" + date + R"(","summary":"s","body":"b"})";
    }
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"Big"},"posts":[)" + posts + "]}");
    REQUIRE_MESSAGE(r.ok, r.message);
    auto v = view(r.bundle, "/archive/");
    CHECK(v.status == 200);
    CHECK_FALSE(has(v.html, "post-index"));
    CHECK_FALSE(has(v.html, ">Post 1</a>"));
    CHECK(has(v.html, "<p class=\"count\">1001 posts in 26 months.</p>"));
    CHECK(count(v.html, "<h2 id=\"year-") == 3);  // 2000, 2001, 2002
    CHECK(has(v.html, "<li id=\"year-2000-01\"><a href=\"/archive/2000/01/\">January</a> <span class=\"count\">(40"
                      "<span class=\"sr-only\"> posts</span>)</span></li>"));
    CHECK(has(v.html, "<li id=\"year-2002-02\"><a href=\"/archive/2002/02/\">February</a> <span class=\"count\">(1"
                      "<span class=\"sr-only\"> post</span>)</span></li>"));
    CHECK(count(v.html, "<li id=\"year-") == 26);
    SUBCASE("a month's page still lists its posts") { CHECK(has(view(r.bundle, "/archive/2000/01/").html, ">Post 0</a>")); }
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

  TEST_CASE("search matches terms in any field, letters in any case, and nothing else loosely") {
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S"},"posts":[
      {"slug":"a","title":"WebAssembly notes","date":"2022-01-03","tags":["Café"],"summary":"s","body":"b"},
      {"slug":"b","title":"t","date":"2022-01-02","tags":[],"summary":"Rust \u0026 WASM","body":"b"},
      {"slug":"c","title":"t","date":"2022-01-01","tags":[],"summary":"s","body":"deep in the wAsM body"}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    const quire::Bundle& b = r.bundle;
    using V = std::vector<size_t>;
    CHECK(quire::search_posts(b, "wasm") == V{1, 2});        // summary (escaped in the JSON) and body
    CHECK(quire::search_posts(b, "WEBASSEMBLY") == V{0});    // title, whatever the case
    CHECK(quire::search_posts(b, "café notes") == V{0});     // one term in a tag, one in the title
    CHECK(quire::search_posts(b, "CAFÉ") == V{0});           // Latin letters beyond ASCII fold too
    CHECK(quire::search_posts(b, "rust & wasm") == V{1});
    CHECK(quire::search_posts(b, "wasm notes").empty());     // every term, in one post
    CHECK(quire::search_posts(b, "body\nwasm") == V{2});     // any whitespace separates terms
    CHECK(quire::search_posts(b, " \t ").empty());
    CHECK(quire::search_posts(b, "bodyy").empty());          // no match past the end of a text
  }

  TEST_CASE("search folds the case of Latin, Greek and Cyrillic letters in the query and the text") {
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S"},"posts":[
      {"slug":"a","title":"Über café","date":"2022-01-05","summary":"s","body":"b"},
      {"slug":"b","title":"t","date":"2022-01-04","summary":"ÇA ÉTÉ À L'ŒUVRE, ŁÓDŹ","body":"b"},
      {"slug":"c","title":"t","date":"2022-01-03","summary":"s","body":"Ἀθῆναι, ΑΘΗΝΑ και ΟΔΟΣ"},
      {"slug":"d","title":"t","date":"2022-01-02","tags":["Москва"],"summary":"s","body":"b"},
      {"slug":"e","title":"ueber cafe MOCKBA","date":"2022-01-01","summary":"s","body":"b"},
      {"slug":"f","title":"t","date":"2021-12-31","summary":"s","body":"Waſſer ſchön"}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    const quire::Bundle& b = r.bundle;
    using V = std::vector<size_t>;
    CHECK(quire::search_posts(b, "CAFÉ") == V{0});
    CHECK(quire::search_posts(b, "über") == V{0});
    CHECK(quire::search_posts(b, "ÜBER CAFÉ") == V{0});
    CHECK(quire::search_posts(b, "ber") == V{0, 4});          // ASCII inside a word with accents
    CHECK(quire::search_posts(b, "été à") == V{1});
    CHECK(quire::search_posts(b, "œuvre łódź") == V{1});      // Latin Extended-A
    CHECK(quire::search_posts(b, "ÇA") == V{1});
    CHECK(quire::search_posts(b, "αθηνα") == V{2});           // Greek capitals
    CHECK(quire::search_posts(b, "οδοσ") == V{2});            // final sigma folds like sigma
    CHECK(quire::search_posts(b, "ΟΔΌΣ").empty());             // accents are not folded away
    CHECK(quire::search_posts(b, "москва") == V{3});          // Cyrillic, in a tag
    CHECK(quire::search_posts(b, "МОСКВА") == V{3});
    CHECK(quire::search_posts(b, "cafe").size() == 1);        // é is not e
    CHECK(quire::search_posts(b, "mockba") == V{4});          // Latin letters are not Cyrillic ones
    CHECK(quire::search_posts(b, "caféx").empty());           // no match past the end of a text
    CHECK(quire::search_posts(b, "\xC3").empty());            // a broken query byte finds nothing...
    CHECK(quire::search_posts(b, "caf\xC3").empty());         // ...and never reads past a text
    // Regression: ſ folded to an ASCII s, and the ASCII term then missed
    // the very text it was copied from.
    CHECK(quire::search_posts(b, "Waſſer") == V{5});
    CHECK(quire::search_posts(b, "WAſſER ſchön") == V{5});
  }

  TEST_CASE("search drops repeated words and cuts a long query to its first 32 words and 256 bytes a word") {
    // Regression: a /search/?q= link of 20,000 words checked every word
    // against every post (seconds); "lorem" 20,000 times took a minute.
    using W = std::vector<std::string>;
    CHECK(quire::search_words("lorem LOREM lorem ipsum Lorem").words == W{"lorem", "ipsum"});
    CHECK_FALSE(quire::search_words("lorem LOREM lorem ipsum Lorem").dropped);
    CHECK(quire::search_words("Über ÜBER über").words == W{"über"});
    std::string many, first32;
    for (int i = 0; i < 1000; ++i) {
      const std::string word = "w" + std::to_string(i % 500);  // each word twice
      many += word + " ";
      if (i < 32) first32 += word + " ";
    }
    const quire::SearchWords cut = quire::search_words(many);
    CHECK(cut.words.size() == quire::kMaxSearchWords);
    CHECK(cut.words.front() == "w0");
    CHECK(cut.words.back() == "w31");
    CHECK(cut.dropped);
    CHECK_FALSE(cut.shortened);
    CHECK(quire::search_words(first32).words == cut.words);
    CHECK_FALSE(quire::search_words(first32 + first32).dropped);  // repeats are not a cut
    CHECK(quire::search_words(std::string(300, 'a')).words == W{std::string(256, 'a')});
    CHECK(quire::search_words(std::string(300, 'a')).shortened);
    CHECK_FALSE(quire::search_words(std::string(300, 'a')).dropped);
    std::string accents;  // "é" is two bytes: the cut keeps whole characters
    for (int i = 0; i < 150; ++i) accents += "É";
    std::string cut_accents = "x";  // 1 + 127 × 2 bytes: a 128th "é" would end past byte 256
    for (int i = 0; i < 127; ++i) cut_accents += "é";
    CHECK(quire::search_words("x" + accents).words == W{cut_accents});

    std::string posts;
    for (int i = 0; i < 40; ++i)
      posts += std::string(i ? "," : "") + R"({"slug":"p)" + std::to_string(i) + R"(","title":"t","date":"2022-01-01",)" +
               R"("summary":")" + (i % 2 ? first32 : "lorem ipsum") + R"(","body":"b"})";
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S"},"posts":[)" + posts + "]}");
    REQUIRE_MESSAGE(r.ok, r.message);
    const quire::Bundle& b = r.bundle;
    CHECK(quire::search_posts(b, "lorem lorem") == quire::search_posts(b, "lorem"));
    CHECK(quire::search_posts(b, "lorem").size() == 20);
    CHECK(quire::search_posts(b, many) == quire::search_posts(b, first32));
    CHECK(quire::search_posts(b, many).size() == 20);  // the posts holding the first 32 words
    auto v = view(b, "/search/?q=" + many);
    CHECK(has(v.html, "20 posts match"));
    CHECK(has(v.html, " · a long query: only its first 32 different words were searched.</p>"));
    CHECK_FALSE(has(view(b, "/search/?q=lorem+lorem").html, "a long query"));
    // Regression: one long word was said to be "only its first 32 words"
    // (a word is searched by its first kMaxTermBytes bytes, as indexed).
    CHECK_FALSE(has(view(b, "/search/?q=" + std::string(300, 'a')).html, "a long query"));
    CHECK(has(view(b, "/search/?q=" + many + std::string(300, 'a')).html,
              " · a long query: only its first 32 different words were searched.</p>"));  // the long word was not searched
  }

  TEST_CASE("search lists its hits a page at a time and counts them all") {
    std::string posts;
    for (int i = 0; i < 120; ++i) {
      char date[16];
      std::snprintf(date, sizeof date, "2022-%02d-%02d", 1 + i / 28, 1 + i % 28);
      posts += std::string(i ? "," : "") + R"({"slug":"p)" + std::to_string(i) + R"(","title":"Common )" +
               std::to_string(i) + R"(","date":")" + date + R"(","summary":"s","body":"b"})";
    }
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S"},"posts":[)" + posts + "]}");
    REQUIRE_MESSAGE(r.ok, r.message);
    const quire::Bundle& b = r.bundle;
    static_assert(quire::kSearchHitsPerPage == 10, "the counts below assume 10 a page");
    auto first = view(b, "/search/?q=common");
    CHECK(first.status == 200);
    CHECK(has(first.html, "120 posts match “common” · 1–10 shown."));
    CHECK(count(first.html, "<li class=\"search-hit\">") == 10);
    CHECK(has(first.html, ">Common 119</a>"));  // newest first
    CHECK(has(first.html, "href=\"/search/?q=common&amp;page=2\""));
    CHECK(first.next_path == "/search/?q=common&page=2");
    CHECK(first.title == "Search: common — S");
    auto last = view(b, "/search/?q=common&page=12");
    CHECK(last.status == 200);
    CHECK(has(last.html, "· 111–120 shown."));
    CHECK(count(last.html, "<li class=\"search-hit\">") == 10);
    CHECK(has(last.html, ">Common 0</a>"));
    CHECK(last.prev_path == "/search/?q=common&page=11");
    CHECK(last.next_path.empty());
    CHECK(last.title == "Search: common, page 12 — S");
    CHECK(view(b, "/search/?q=common&page=13").status == 404);
    auto more = view(b, "/search/?q=common+11");  // Common 11 and 110 to 119: one more than a page
    CHECK(has(more.html, "11 posts match “common 11” · 1–10 shown."));
    CHECK(has(more.html, "class=\"pagination\""));
    auto full = view(b, "/search/?q=common+-110+11");  // a page exactly (the last word is a prefix)
    CHECK(has(full.html, "10 posts match “common -110 11”."));
    CHECK(count(full.html, "<li class=\"search-hit\">") == 10);
    CHECK_FALSE(has(full.html, "class=\"pagination\""));
    // -word on a bundle without a search index (the text scan) too.
    CHECK(has(view(b, "/search/?q=common+-Common").html, "0 posts match"));
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

  TEST_CASE("a post is in no section of the menu: Home is not marked current there") {
    auto b = sample();
    std::string post = quire::render_app(b, view(b, "/posts/e/"));
    CHECK(has(post, "<a href=\"/\">Home</a>"));
    CHECK_FALSE(has(post, "aria-current"));
    CHECK(has(post, "data-view=\"post\""));
    CHECK(has(quire::render_app(b, view(b, "/page/2/")), "<a href=\"/\" aria-current=\"true\">Home</a>"));
  }

  TEST_CASE("the footer says the site's description on the home page only, and links the feed") {
    auto b = sample();
    std::string home = quire::render_app(b, view(b, "/"));
    std::string footer = home.substr(home.find("<footer"));
    CHECK(has(footer, "A blog."));
    CHECK(has(footer, "<a href=\"/feed.xml\" type=\"application/atom+xml\">RSS feed</a>"));
    for (const char* path : {"/posts/e/", "/page/2/", "/tags/ai/", "/archive/"}) {
      std::string app = quire::render_app(b, view(b, path));
      CHECK_MESSAGE(!has(app.substr(app.find("<footer")), "A blog."), path);
      CHECK_MESSAGE(has(app, "href=\"/feed.xml\""), path);
    }
    b.site.url.clear();  // no feeds without a url: no link to one
    CHECK_FALSE(has(quire::render_app(b, view(b, "/")), "feed.xml"));
  }

  TEST_CASE("a tag page links its feed, says its page number and offers to narrow down on every page") {
    auto b = sample();
    auto ai = view(b, "/tags/ai/");
    CHECK(has(ai.html, "<a href=\"/tags/ai/feed.xml\" type=\"application/atom+xml\">RSS feed of “ai”</a>"));
    CHECK_FALSE(has(view(b, "/tags/ai+web/").html, "feed.xml"));  // a combination has no feed
    b.site.posts_per_page = 1;
    auto second = view(b, "/tags/ai/page/2/");
    CHECK(second.status == 200);
    CHECK(has(second.html, "<h1 class=\"page-title\">Posts tagged <span class=\"tag-name\">ai</span>, page 2</h1>"));
    CHECK(has(second.html, "Narrow down by tag"));
    CHECK(has(second.html, "href=\"/tags/ai+web/\""));
    CHECK(has(second.html, "<a href=\"/tags/ai/feed.xml\""));  // the feed sits beside the first page
  }

  TEST_CASE("a combination of tags is kept out of search engines; links to one are nofollow") {
    auto b = sample();
    auto both = view(b, "/tags/ai+web/");
    CHECK(both.noindex);
    CHECK(has(quire::render_document(b, both), "<meta name=\"robots\" content=\"noindex\">"));
    CHECK(has(quire::render_app(b, both), "data-view=\"tags\" data-noindex>"));
    auto ai = view(b, "/tags/ai/");
    CHECK_FALSE(ai.noindex);
    CHECK_FALSE(has(quire::render_document(b, ai), "robots"));
    CHECK_FALSE(has(quire::render_app(b, ai), "data-noindex"));
    CHECK(has(ai.html, "<a class=\"tag\" rel=\"nofollow\" href=\"/tags/ai+web/\">"));
  }

  TEST_CASE("a long post ends with a link back to the top; a short one does not") {
    std::string words;
    for (int i = 0; i < 1000; ++i) words += "word ";
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"T"},"posts":[
      {"slug":"long","title":"Long","date":"2022-11-20","body":")" + words + R"("},
      {"slug":"short","title":"Short","date":"2022-11-19","body":"A few words."}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    const std::string link = "<p class=\"back-to-top\"><a href=\"#top\">Back to top";
    CHECK(has(view(r.bundle, "/posts/long/").html, link));
    CHECK_FALSE(has(view(r.bundle, "/posts/short/").html, link));
  }

  TEST_CASE("the chrome has a theme toggle button and the head loads the theme script") {
    auto b = sample("/blog/");
    auto v = view(b, "/blog/");
    std::string app = quire::render_app(b, v);
    CHECK(has(app, "<button type=\"button\" class=\"theme-toggle\" aria-label=\"Theme: follow the system\">"));
    for (const char* icon : {"icon-auto", "icon-sun", "icon-moon"}) CHECK(has(app, icon));
    std::string doc = quire::render_document(b, v);
    size_t script = doc.find(std::string("<script src=\"/blog/") + quire::kThemeScriptFile + "\"></script>");
    REQUIRE(script != std::string::npos);
    CHECK(script < doc.find("</head>"));
    CHECK(doc.find("<script>") == std::string::npos);  // no inline script: strict CSP works
  }

  TEST_CASE("404.html and the search page fetch the app first, then the core and the bundle at low priority (no render blocking)") {
    auto b = sample("/blog/");
    // The search page too: its results are rendered by the core (issue 19.4).
    for (const char* page : {"/blog/nowhere/", "/blog/search/"}) {
      CAPTURE(page);
      std::string doc = quire::render_document(b, view(b, page));
      auto at = [&doc](const std::string& s) { return doc.find(s); };
      const std::string pre = "<link rel=\"modulepreload\" href=\"/blog/";
      size_t app = at(pre + quire::kAppScriptFile + "\">");
      REQUIRE(app != std::string::npos);
      // app.js as shipped holds what it imports (scripts/minify-web.mjs):
      // its modules are not fetched apart.
      CHECK_FALSE(has(doc, quire::kApiScriptFile));
      CHECK_FALSE(has(doc, quire::kFootnoteScriptFile));
      // Every view of this page needs the core: it downloads while the page
      // as it arrived paints, at low priority; the app starts it as soon as
      // it runs (web/app.js). The module is fetched as
      // compileStreaming fetches it (CORS mode, same credentials), so that
      // the preloaded response is the one used.
      size_t glue = at(pre + quire::kCoreScriptFile + "\" fetchpriority=\"low\">");
      size_t wasm = at(std::string("<link rel=\"preload\" href=\"/blog/") + quire::kCoreWasmFile +
                       "\" as=\"fetch\" type=\"application/wasm\" crossorigin fetchpriority=\"low\">");
      size_t bundle = at(std::string("<link rel=\"preload\" href=\"/blog/") + quire::kBundleFile +
                         "\" as=\"fetch\" crossorigin fetchpriority=\"low\">");
      REQUIRE(glue != std::string::npos);
      REQUIRE(wasm != std::string::npos);
      REQUIRE(bundle != std::string::npos);
      CHECK(app < glue);
      CHECK(std::max({glue, wasm, bundle}) < at("</head>"));
      CHECK_FALSE(has(doc, "blocking="));
      CHECK(has(doc, std::string("<script type=\"module\" src=\"/blog/") + quire::kAppScriptFile + "\"></script>"));
    }
  }

  TEST_CASE("a pre-rendered page neither preloads the core nor blocks rendering on the app") {
    auto b = sample();
    std::string doc = quire::render_document(b, view(b, "/posts/e/"));
    CHECK(has(doc, std::string("<script type=\"module\" src=\"/") + quire::kAppScriptFile + "\"></script>"));
    CHECK_FALSE(has(doc, quire::kApiScriptFile));  // inside app.js as shipped
    CHECK_FALSE(has(doc, quire::kFootnoteScriptFile));
    CHECK_FALSE(has(doc, std::string("href=\"/") + quire::kAppScriptFile));
    CHECK_FALSE(has(doc, quire::kCoreScriptFile));
    CHECK_FALSE(has(doc, quire::kCoreWasmFile));
    CHECK_FALSE(has(doc, std::string("href=\"/") + quire::kBundleFile));
    CHECK_FALSE(has(doc, "blocking="));
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

  TEST_CASE("a post's head carries OpenGraph, Twitter card, feed links and BlogPosting JSON-LD") {
    auto b = sample();
    std::string doc = quire::render_document(b, view(b, "/posts/c/"));
    CHECK(has(doc, "<meta property=\"og:title\" content=\"Three\">"));
    CHECK(has(doc, "<meta property=\"og:type\" content=\"article\">"));
    CHECK(has(doc, "<meta property=\"og:url\" content=\"https://example.com/posts/c/\">"));
    CHECK(has(doc, "<meta property=\"og:site_name\" content=\"Notes &amp; &lt;Things&gt;\">"));
    CHECK(has(doc, "<meta property=\"article:modified_time\" content=\"2022-10-10\">"));
    CHECK(has(doc, "<meta property=\"article:tag\" content=\"web\">"));
    CHECK(has(doc, "<meta name=\"twitter:card\" content=\"summary\">"));
    CHECK(has(doc, "<meta name=\"twitter:description\" content=\"s\">"));
    CHECK(has(doc, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Notes &amp; &lt;Things&gt;\" href=\"/feed.xml\">"));
    CHECK(has(doc, "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Notes &amp; &lt;Things&gt;\" href=\"/feed.json\">"));
    CHECK(has(doc, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\","
                   "\"headline\":\"Three\",\"datePublished\":\"2022-10-09T20:25:00+01:00\",\"dateModified\":\"2022-10-10\""));
    CHECK(has(doc, "\"url\":\"https://example.com/posts/c/\""));
  }

  TEST_CASE("JSON-LD cannot be closed early by a title") {
    auto b = sample();
    std::string doc = quire::render_document(b, view(b, "/posts/d/"));
    CHECK(has(doc, "\"headline\":\"Four \\u003cscript\\u003e\""));
    const size_t open = doc.find("<script type=\"application/ld+json\">");
    REQUIRE(open != std::string::npos);
    const size_t body = open + std::string("<script type=\"application/ld+json\">").size();
    const std::string ld = doc.substr(body, doc.find("</script>", body) - body);
    CHECK(ld.find('<') == std::string::npos);
    CHECK(ld.back() == '}');  // the whole object, not cut short by the title
  }

  TEST_CASE("the home page is a Blog in JSON-LD; tag pages link their own feeds") {
    auto b = sample();
    std::string home = quire::render_document(b, view(b, "/"));
    CHECK(has(home, "\"@type\":\"Blog\",\"name\":\"Notes \\u0026 \\u003cThings\\u003e\""));
    CHECK(has(home, "<meta property=\"og:type\" content=\"website\">"));
    CHECK_FALSE(has(quire::render_document(b, view(b, "/page/2/")), "ld+json"));
    std::string tag = quire::render_document(b, view(b, "/tags/c-plus-plus/"));
    CHECK(has(tag, "title=\"Notes &amp; &lt;Things&gt; — c++\" href=\"/tags/c-plus-plus/feed.xml\">"));
    CHECK(has(tag, "href=\"/tags/c-plus-plus/feed.json\">"));
    CHECK(has(tag, "href=\"/feed.xml\">"));
    CHECK_FALSE(has(tag, "ld+json"));
  }

  TEST_CASE("a post's image becomes an absolute og:image and a large Twitter card") {
    auto r = quire::load_bundle(R"J({"format":"quire-bundle","version":1,"site":{"url":"https://e.org","base_path":"/b/"},
      "posts":[{"slug":"p","title":"P","date":"2022-01-01","params":{"image":"/images/x.png"}},
               {"slug":"q","title":"Q","date":"2022-01-02","params":{"image":"javascript:alert(1)"}}]})J");
    REQUIRE(r.ok);
    std::string doc = quire::render_document(r.bundle, view(r.bundle, "/b/posts/p/"));
    CHECK(has(doc, "<meta property=\"og:image\" content=\"https://e.org/b/images/x.png\">"));
    CHECK(has(doc, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    CHECK_FALSE(has(quire::render_document(r.bundle, view(r.bundle, "/b/posts/q/")), "og:image"));
  }

  TEST_CASE("without a site URL there are no feed links, canonical or og:url") {
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{},
      "posts":[{"slug":"p","title":"P","date":"2022-01-01"}]})");
    REQUIRE(r.ok);
    std::string doc = quire::render_document(r.bundle, view(r.bundle, "/posts/p/"));
    CHECK_FALSE(has(doc, "feed.xml"));
    CHECK_FALSE(has(doc, "og:url"));
    CHECK_FALSE(has(doc, "rel=\"canonical\""));
    CHECK(has(doc, "og:title"));
  }

  TEST_CASE("the 404 page has no social or structured metadata") {
    auto b = sample();
    std::string doc = quire::render_document(b, view(b, "/nope/"));
    CHECK_FALSE(has(doc, "og:"));
    CHECK_FALSE(has(doc, "ld+json"));
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
    CHECK(has(doc, "href=\"/blog/feed.xml\""));
    CHECK_FALSE(has(doc, "href=\"/tags/"));
    CHECK_FALSE(has(doc, "href=\"/feed"));
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
