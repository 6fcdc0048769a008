#include <doctest/doctest.h>

#include "text_match.hpp"

#include <set>
#include <string>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/router.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"

using quire_test::count;
using quire_test::has;

namespace {

// Every id="..." value of a piece of markup.
std::multiset<std::string> ids(const std::string& html) {
  std::multiset<std::string> out;
  for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
    size_t start = at + 5;
    out.insert(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

// Five posts over three months; "e" has a heading, a footnote, a relative
// image and link.
quire::Bundle sample(const std::string& url = "https://example.com", const std::string& base_path = "/blog/") {
  std::string json = R"({"format":"quire-bundle","version":1,
    "site":{"title":"Notes & <Things>","url":")" + url + R"(","posts_per_page":2,"base_path":")" + base_path + R"("},
    "posts":[
      {"slug":"e","title":"Five","date":"2022-11-20T20:25:00+01:00","tags":["ai"],"summary":"Fifth *post*.",
       "body":"## Intro\n\nText[^n] ![pic](/images/p.png) [next](../d/).\n\n[^n]: A note."},
      {"slug":"d","title":"Four <script>","date":"2022-11-02","tags":["ai","C++"],"summary":"s","body":"b"},
      {"slug":"c","title":"Three","date":"2022-10-09T20:25:00+01:00","tags":["web"],"summary":"s","body":"b"},
      {"slug":"b","title":"Two","date":"2022-10-01","tags":["c++"],"summary":"s","body":"b"},
      {"slug":"a","title":"One","date":"2021-01-15","tags":[],"summary":"s"}]})";
  auto r = quire::load_bundle(json);
  REQUIRE_MESSAGE(r.ok, r.message);
  return r.bundle;
}

// One post "z" whose body links to the site's root, relatively and by scheme.
quire::Bundle links_sample(const std::string& url) {
  auto r = quire::load_bundle(R"json({"format":"quire-bundle","version":1,
    "site":{"title":"T","url":")json" + url + R"json(","base_path":"/blog/"},
    "posts":[{"slug":"z","title":"Links","date":"2020-01-01","tags":["ai"],"summary":"s",
      "body":"![p](/images/p.png) [t](/tags/ai/) [n](1:b) [s](+x:y) [r](rel) [m](MailTo:a@b.test) [h](HTTPS://x.test/a)"}]})json");
  REQUIRE_MESSAGE(r.ok, r.message);
  return r.bundle;
}

quire::WidgetRequest request(const std::string& view) {
  quire::WidgetRequest r;
  r.view = view;
  r.id_prefix = "q1-";
  return r;
}

}  // namespace

TEST_SUITE("widget") {
  TEST_CASE("latest lists the newest posts up to the limit with absolute links") {
    auto b = sample();
    auto r = request("latest");
    r.limit = "3";
    auto v = quire::render_widget(b, r);
    CHECK(v.status == 200);
    CHECK(v.error.empty());
    CHECK(v.title == "Notes & <Things>");
    CHECK(has(v.html, "part=\"heading\"><a href=\"https://example.com/blog/\">Notes &amp; &lt;Things&gt;</a>"));
    CHECK(count(v.html, "part=\"item\"") == 3);
    CHECK(has(v.html, "href=\"https://example.com/blog/posts/e/\" data-slug=\"e\">Five</a>"));
    CHECK(has(v.html, "Four &lt;script&gt;"));
    CHECK_FALSE(has(v.html, ">One<"));
    CHECK(has(v.html, "<p class=\"summary\" part=\"summary\">Fifth post.</p>"));  // plain text
    CHECK(has(v.html, "<time datetime=\"2022-11-20T20:25:00+01:00\">"));
    CHECK(has(v.html, "part=\"more\"><a href=\"https://example.com/blog/\">"));
    SUBCASE("without a limit, the site's posts_per_page") {
      CHECK(count(quire::render_widget(b, request("latest")).html, "part=\"item\"") == 2);
    }
    SUBCASE("an empty view is latest") {
      CHECK(quire::render_widget(b, request("")).html == quire::render_widget(b, request("latest")).html);
    }
    SUBCASE("no more link when everything fits") {
      r.limit = "10";
      CHECK_FALSE(has(quire::render_widget(b, r).html, "part=\"more\""));
    }
  }

  TEST_CASE("links follow link-base, else the site url, else the bundle's directory") {
    auto r = request("latest");
    r.link_base = "http://localhost:8080/mirror";
    CHECK(has(quire::render_widget(sample(), r).html, "href=\"http://localhost:8080/mirror/posts/e/\""));
    r.link_base.clear();
    r.bundle_base = "http://cdn.test/site/";
    CHECK(has(quire::render_widget(sample(), r).html, "href=\"https://example.com/blog/posts/e/\""));
    CHECK(has(quire::render_widget(sample(""), r).html, "href=\"http://cdn.test/site/posts/e/\""));
    r.bundle_base.clear();
    CHECK(has(quire::render_widget(sample(""), r).html, "href=\"/blog/posts/e/\""));
  }

  TEST_CASE("a tag view finds the tag by name or slug") {
    auto b = sample();
    auto r = request("tag");
    r.tag = "C++";
    auto v = quire::render_widget(b, r);
    CHECK(v.status == 200);
    CHECK(v.title == "Posts tagged “C++”");
    CHECK(has(v.html, "href=\"https://example.com/blog/tags/c-plus-plus/\""));
    CHECK(count(v.html, "part=\"item\"") == 2);
    r.tag = "c-plus-plus";
    CHECK(quire::render_widget(b, r).html == v.html);
    r.tag = "nope";
    auto missing = quire::render_widget(b, r);
    CHECK(missing.status == 404);
    CHECK(missing.error == "tag: no posts tagged \"nope\" in this blog");
    CHECK(missing.html.empty());
    r.tag.clear();
    CHECK(quire::render_widget(b, r).status == 400);
  }

  TEST_CASE("a month view lists the month's posts; a month without posts is empty, not an error") {
    auto b = sample();
    auto r = request("month");
    r.month = "2022-10";
    auto v = quire::render_widget(b, r);
    CHECK(v.status == 200);
    CHECK(v.title == "October 2022");
    CHECK(count(v.html, "part=\"item\"") == 2);
    CHECK(has(v.html, "href=\"https://example.com/blog/archive/2022/10/\""));
    r.month = "2023-04";
    auto empty = quire::render_widget(b, r);
    CHECK(empty.status == 200);
    CHECK(has(empty.html, "part=\"empty\""));
  }

  TEST_CASE("the archive view lists every month with its count") {
    auto v = quire::render_widget(sample(), request("archive"));
    CHECK(v.status == 200);
    CHECK(count(v.html, "part=\"item\"") == 3);
    CHECK(has(v.html, "href=\"https://example.com/blog/archive/2022/11/\">November 2022</a> "
                      "<span class=\"count\" part=\"meta\">(2)</span>"));
  }

  TEST_CASE("a post view renders the body with prefixed ids and absolute URLs") {
    auto r = request("post");
    r.slug = "e";
    auto v = quire::render_widget(sample(), r);
    CHECK(v.status == 200);
    CHECK(v.title == "Five");
    CHECK(has(v.html, "<h2 class=\"post-title\" part=\"post-title\" tabindex=\"-1\">"
                      "<a href=\"https://example.com/blog/posts/e/\">Five</a></h2>"));
    CHECK(has(v.html, "id=\"q1-intro\""));
    CHECK(has(v.html, "href=\"#q1-fn-1\""));
    CHECK(has(v.html, "id=\"q1-fn-1\""));
    CHECK(has(v.html, "src=\"https://example.com/blog/images/p.png\""));  // under the base path, as on the post page
    CHECK(has(v.html, "href=\"https://example.com/blog/posts/e/../d/\""));
    CHECK(has(v.html, "part=\"tag\" href=\"https://example.com/blog/tags/ai/\""));
    CHECK(has(v.html, "min read"));
    for (const std::string& id : ids(v.html)) CHECK(id.rfind("q1-", 0) == 0);
    SUBCASE("a post without a body links to the blog") {
      r.slug = "a";
      CHECK(has(quire::render_widget(sample(), r).html, "Read this post on the blog"));
    }
  }

  // The post page writes "/images/p.png" as "/blog/images/p.png" and leaves
  // "1:b" (no scheme: one starts with a letter) for the browser to resolve
  // against the post; the widget's links must lead to the same places.
  TEST_CASE("a post's links in the widget lead where the post page's do, under the base path") {
    auto b = links_sample("https://example.com");
    auto r = request("post");
    r.slug = "z";
    const std::string page = quire::render_view(b, quire::parse_route("/blog/posts/z/", "/blog/")).html;
    CHECK(has(page, "src=\"/blog/images/p.png\""));
    CHECK(has(page, "href=\"/blog/tags/ai/\""));
    CHECK(has(page, "href=\"1:b\""));
    const std::string widget = quire::render_widget(b, r).html;
    CHECK(has(widget, "src=\"https://example.com/blog/images/p.png\""));  // it was https://example.com/images/p.png
    CHECK(has(widget, "href=\"https://example.com/blog/tags/ai/\""));
    CHECK(has(widget, "href=\"https://example.com/blog/posts/z/1:b\""));  // it was left "1:b": the host page's
    CHECK(has(widget, "href=\"https://example.com/blog/posts/z/+x:y\""));
    CHECK(has(widget, "href=\"https://example.com/blog/posts/z/rel\""));
    CHECK(has(widget, "href=\"MailTo:a@b.test\""));  // schemes, in any case, stay
    CHECK(has(widget, "href=\"HTTPS://x.test/a\""));
    SUBCASE("under link-base, the blog's root is link-base") {
      r.link_base = "http://localhost:8080/mirror";
      const std::string mirrored = quire::render_widget(b, r).html;
      CHECK(has(mirrored, "src=\"http://localhost:8080/mirror/images/p.png\""));
      CHECK(has(mirrored, "href=\"http://localhost:8080/mirror/tags/ai/\""));
    }
    SUBCASE("without any absolute address, the links are the post page's") {
      const std::string relative = quire::render_widget(links_sample(""), r).html;
      CHECK(has(relative, "src=\"/blog/images/p.png\""));
      CHECK(has(relative, "href=\"/blog/tags/ai/\""));
      CHECK(has(relative, "href=\"1:b\""));
    }
  }

  // Before deploy, or with the blog served from a CDN under another path, the
  // images are where the bundle is, not at site.url (issue 18.4).
  TEST_CASE("a post's images load from the bundle's folder; its links still follow the link base") {
    auto loaded = quire::load_bundle(R"json({"format":"quire-bundle","version":1,
      "site":{"title":"T","url":"https://example.com","base_path":"/blog/"},
      "posts":[{"slug":"z","title":"Images","date":"2020-01-01","summary":"s",
        "body":"![a](/images/a.png) ![b](/blog/images/b.png) ![c](c.png) ![d](https://x.test/d.png) [t](/tags/ai/)"}]})json");
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    auto r = request("post");
    r.slug = "z";
    r.bundle_base = "http://localhost:8000/dist/";
    for (const char* link_base : {"", "http://mirror.test/notes/"}) {
      CAPTURE(std::string(link_base));
      r.link_base = link_base;
      const std::string html = quire::render_widget(loaded.bundle, r).html;
      CHECK(has(html, "src=\"http://localhost:8000/dist/images/a.png\""));
      // Written under base_path already; under a link-base elsewhere the
      // root is that base's path, for links and images alike (as before).
      if (!*link_base) CHECK(has(html, "src=\"http://localhost:8000/dist/images/b.png\""));
      CHECK(has(html, "src=\"http://localhost:8000/dist/posts/z/c.png\""));  // relative to the post
      CHECK(has(html, "src=\"https://x.test/d.png\""));
      CHECK(has(html, *link_base ? "href=\"http://mirror.test/notes/tags/ai/\"" : "href=\"https://example.com/blog/tags/ai/\""));
    }
    SUBCASE("no usable bundle folder: images follow the links as before") {
      r.bundle_base = "file:///tmp/dist/";
      r.link_base.clear();
      CHECK(has(quire::render_widget(loaded.bundle, r).html, "src=\"https://example.com/blog/images/a.png\""));
    }
  }

  TEST_CASE("raw HTML stays out of the widget even when the site allows it") {
    auto loaded = quire::load_bundle(R"({"format":"quire-bundle","version":1,
      "site":{"title":"T","url":"https://x.example","unsafe_html":true},
      "posts":[{"slug":"p","title":"P","date":"2022-01-01","summary":"s",
                "body":"<img src=x onerror=alert(1)> <b style=\"color:red\">bold</b>"}]})");
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    auto r = request("post");
    r.slug = "p";
    auto v = quire::render_widget(loaded.bundle, r);
    CHECK_FALSE(has(v.html, "<img"));
    CHECK_FALSE(has(v.html, "style=\""));
    CHECK(has(v.html, "bold"));  // the text stays, the tags go
  }

  TEST_CASE("two instances of the same post share no id") {
    auto b = sample();
    auto first = request("post");
    first.slug = "e";
    auto second = first;
    second.id_prefix = "q2-";
    auto all = ids(quire::render_widget(b, first).html);
    auto more = ids(quire::render_widget(b, second).html);
    CHECK_FALSE(all.empty());
    all.insert(more.begin(), more.end());
    CHECK(std::set<std::string>(all.begin(), all.end()).size() == all.size());
  }

  TEST_CASE("the back button comes only when asked for") {
    auto r = request("post");
    r.slug = "e";
    CHECK_FALSE(has(quire::render_widget(sample(), r).html, "data-quire-action=\"back\""));
    r.back = true;
    CHECK(has(quire::render_widget(sample(), r).html, "part=\"back\" data-quire-action=\"back\""));
  }

  TEST_CASE("bad attributes are errors naming the attribute") {
    auto b = sample();
    auto expect = [&](quire::WidgetRequest r, int status, const std::string& error) {
      auto v = quire::render_widget(b, r);
      CHECK(v.status == status);
      CHECK(v.error == error);
      CHECK(v.html.empty());
    };
    expect(request("feed"), 400, "view: expected latest, post, tag, category, archive or month, got \"feed\"");
    auto r = request("post");
    expect(r, 400, "slug: required when view is \"post\"");
    r.slug = "zzz";
    expect(r, 404, "slug: no post \"zzz\" in this blog");
    r = request("month");
    for (const char* bad : {"", "2022-13", "2022-1", "22-10-01", "２０２２-10", "0000-01"}) {
      r.month = bad;
      expect(r, 400, std::string("month: expected YYYY-MM, got \"") + bad + "\"");
    }
    r = request("latest");
    for (const char* bad : {"0", "-1", "abc", "1001", "3.5"}) {
      r.limit = bad;
      expect(r, 400, std::string("limit: expected a whole number from 1 to 1000, got \"") + bad + "\"");
    }
    r = request("latest");
    for (const char* bad : {"javascript:alert(1)", "ftp://x/", "https://x/?a", "https://x/#a", "//x/", "https://x/ y"}) {
      r.link_base = bad;
      expect(r, 400, std::string("link-base: expected an http(s) URL without ? or #, got \"") + bad + "\"");
    }
    // Through the native API a string may hold any bytes (JS strings reach
    // the core as valid UTF-8); the address would be copied into the HTML.
    for (const char* bad : {"https://x.test/\xFF/", "https://x.test/\xC3", "https://\xED\xA0\x80.test/"}) {
      r.link_base = bad;
      expect(r, 400, "link-base: expected valid UTF-8, got " + std::string("\"") + quire::sanitize_utf8(bad) + "\"");
    }
    r.link_base.clear();
    r.bundle_base = "https://x.test/\xFF/";  // not usable: the next choice, the site's url, is taken
    CHECK(has(quire::render_widget(sample(""), r).html, "href=\"/blog/posts/e/\""));
  }

  TEST_CASE("the id prefix keeps only characters safe in ids and selectors") {
    auto r = request("post");
    r.slug = "e";
    r.id_prefix = "a\"b<c d-";
    auto v = quire::render_widget(sample(), r);
    CHECK(has(v.html, "id=\"abcd-intro\""));
  }

  TEST_CASE("an empty bundle renders empty states") {
    auto loaded = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"T"},"posts":[]})");
    REQUIRE(loaded.ok);
    CHECK(has(quire::render_widget(loaded.bundle, request("latest")).html, "No posts yet."));
    CHECK(has(quire::render_widget(loaded.bundle, request("archive")).html, "No posts yet."));
  }
}
