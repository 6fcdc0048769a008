#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/router.hpp"

using quire::parse_route;
using quire::route_path;
using quire::RouteKind;

TEST_SUITE("router") {
  TEST_CASE("every route of the table parses") {
    CHECK(parse_route("/").kind == RouteKind::Home);
    CHECK(parse_route("").kind == RouteKind::Home);
    auto page = parse_route("/page/3/");
    CHECK(page.kind == RouteKind::Home);
    CHECK(page.page == 3);
    auto post = parse_route("/posts/hello-world/");
    CHECK(post.kind == RouteKind::Post);
    CHECK(post.slug == "hello-world");
    CHECK(parse_route("/tags/").kind == RouteKind::TagsIndex);
    auto tag = parse_route("/tags/ai/");
    CHECK(tag.kind == RouteKind::Tag);
    CHECK(tag.tag == "ai");
    CHECK(tag.page == 1);
    auto tag_page = parse_route("/tags/ai/page/2/");
    CHECK(tag_page.kind == RouteKind::Tag);
    CHECK(tag_page.page == 2);
    CHECK(parse_route("/archive/").kind == RouteKind::ArchiveIndex);
    auto month = parse_route("/archive/2022/10/");
    CHECK(month.kind == RouteKind::Month);
    CHECK(month.year == 2022);
    CHECK(month.month == 10);
    auto search = parse_route("/search/?q=wasm+core");
    CHECK(search.kind == RouteKind::Search);
    CHECK(search.query == "wasm core");
  }

  TEST_CASE("trailing slashes, index.html, queries and fragments are tolerated") {
    CHECK(parse_route("/posts/hello").slug == "hello");
    CHECK(parse_route("/posts/hello/index.html").slug == "hello");
    CHECK(parse_route("/posts/hello/#footnotes").slug == "hello");
    CHECK(parse_route("/posts/hello/?utm=x").slug == "hello");
    CHECK(parse_route("/tags").kind == RouteKind::TagsIndex);
    CHECK(parse_route("/index.html").kind == RouteKind::Home);
    CHECK(parse_route("//posts//hello//").slug == "hello");
  }

  TEST_CASE("segments are percent-decoded") {
    CHECK(parse_route("/tags/c%2B%2B/").tag == "c++");
    CHECK(parse_route("/tags/caf%C3%A9/").tag == "café");
    CHECK(parse_route("/search/?q=a%26b%20c").query == "a&b c");
    CHECK(parse_route("/search/?x=1&q=two").query == "two");
    auto second = parse_route("/search/?q=wasm&page=2");
    CHECK(second.kind == RouteKind::Search);
    CHECK(second.query == "wasm");
    CHECK(second.page == 2);
    // The query string is the reader's to edit: a page that is not one is
    // the first page, not a missing view.
    for (const char* odd : {"/search/?q=w&page=0", "/search/?q=w&page=x", "/search/?q=w&page=", "/search/?q=w&page=01",
                            "/search/?q=w&page=-2", "/search/?q=w&page=99999999999"})
      CHECK(parse_route(odd).page == 1);
    CHECK(parse_route("/search/?page=3&q=w").page == 3);
    SUBCASE("a decoded slash or dot segment is not a route") {
      CHECK(parse_route("/posts/a%2Fb/").kind == RouteKind::NotFound);
      CHECK(parse_route("/posts/%2E%2E/").kind == RouteKind::NotFound);
    }
    SUBCASE("invalid escapes and bytes stay literal but safe") {
      CHECK(parse_route("/tags/100%/").tag == "100%");
      CHECK(parse_route("/tags/%FF/").tag == "\xEF\xBF\xBD");
    }
  }

  TEST_CASE("unknown paths are NotFound") {
    const char* unknown[] = {"/nope/", "/posts/", "/posts/a/b/", "/page/", "/page/0/", "/page/01/",
                             "/page/x/", "/tags/a/page/", "/tags/a/page/0/", "/archive/2022/",
                             "/archive/22/10/", "/archive/2022/13/", "/archive/2022/1/", "/search/x/",
                             "/feed.xml"};
    for (const char* p : unknown) {
      CAPTURE(p);
      CHECK(parse_route(p).kind == RouteKind::NotFound);
    }
  }

  TEST_CASE("routes under a base path") {
    CHECK(parse_route("/blog/", "/blog/").kind == RouteKind::Home);
    CHECK(parse_route("/blog", "/blog/").kind == RouteKind::Home);
    CHECK(parse_route("/blog/posts/x/", "/blog/").slug == "x");
    CHECK(parse_route("/posts/x/", "/blog/").kind == RouteKind::NotFound);
    CHECK(parse_route("/blogger/", "/blog/").kind == RouteKind::NotFound);
  }

  TEST_CASE("a tag combination parses into its tags, in order, without duplicates") {
    auto two = parse_route("/tags/ai+web/");
    CHECK(two.kind == RouteKind::Tag);
    CHECK(two.tags == std::vector<std::string>{"ai", "web"});
    CHECK(two.tag == "ai");
    CHECK(two.page == 1);
    auto paged = parse_route("/blog/tags/web+ai+c-plus-plus/page/2/", "/blog/");
    CHECK(paged.tags == std::vector<std::string>{"web", "ai", "c-plus-plus"});
    CHECK(paged.page == 2);
    CHECK(parse_route("/tags/ai+ai/").tags == std::vector<std::string>{"ai"});
    CHECK(parse_route("/tags/caf%C3%A9+ai/").tags == std::vector<std::string>{"café", "ai"});
    SUBCASE("a single tag is a list of one") { CHECK(parse_route("/tags/ai/").tags == std::vector<std::string>{"ai"}); }
    SUBCASE("an encoded plus is part of a tag, not a join") {
      CHECK(parse_route("/tags/c%2B%2B/").tags == std::vector<std::string>{"c++"});
    }
    SUBCASE("an empty or dot part is not a route") {
      for (const char* p : {"/tags/+/", "/tags/ai+/", "/tags/+ai/", "/tags/ai++web/", "/tags/ai+../", "/tags/ai+./"}) {
        CAPTURE(p);
        CHECK(parse_route(p).kind == RouteKind::NotFound);
      }
    }
  }

  TEST_CASE("a tag combination's path joins the encoded tags with plus") {
    CHECK(route_path(quire::tags_route({"ai", "web"})) == "/tags/ai+web/");
    CHECK(route_path(quire::tags_route({"ai", "café"}, 2), "/blog/") == "/blog/tags/ai+caf%C3%A9/page/2/");
    CHECK(route_path(quire::tags_route({"c++", "ai"})) == "/tags/c%2B%2B+ai/");
    CHECK(parse_route(route_path(quire::tags_route({"c++", "ai"}))).tags == std::vector<std::string>{"c++", "ai"});
    CHECK(route_path(quire::tags_route({"ai"})) == route_path(quire::tag_route("ai")));
  }

  TEST_CASE("route_path is the inverse of parse_route") {
    quire::Route routes[] = {quire::home_route(), quire::home_route(4), quire::post_route("héllo wörld"),
                             quire::route_of(RouteKind::TagsIndex), quire::tag_route("c++"),
                             quire::tag_route("ai", 3), quire::route_of(RouteKind::ArchiveIndex),
                             quire::month_route(2022, 3), quire::route_of(RouteKind::Search)};
    for (const char* base : {"/", "/blog/"}) {
      for (const auto& r : routes) {
        std::string p = route_path(r, base);
        CAPTURE(p);
        auto back = parse_route(p, base);
        CHECK(back.kind == r.kind);
        CHECK(back.slug == r.slug);
        CHECK(back.tag == r.tag);
        CHECK(back.page == r.page);
        CHECK(back.year == r.year);
        CHECK(back.month == r.month);
      }
    }
    CHECK(route_path(quire::home_route(1)) == "/");
    CHECK(route_path(quire::home_route(2)) == "/page/2/");
    CHECK(route_path(quire::month_route(2022, 3), "/blog/") == "/blog/archive/2022/03/");
    CHECK(route_path(quire::tag_route("c++")) == "/tags/c%2B%2B/");
    quire::Route s = quire::route_of(RouteKind::Search);
    s.query = "a b";
    CHECK(route_path(s) == "/search/?q=a%20b");
    s.page = 4;
    CHECK(route_path(s) == "/search/?q=a%20b&page=4");
    CHECK(parse_route(route_path(s)).page == 4);
    s.query.clear();
    CHECK(route_path(s) == "/search/");  // no query, no results to page through
  }
}
