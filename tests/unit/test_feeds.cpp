#include <doctest/doctest.h>

#include "text_match.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include "build/feeds.hpp"
#include "core/bundle.hpp"
#include "core/views.hpp"

using quire_test::count;
using quire_test::has;

namespace {

quire::Bundle sample(const std::string& base_path = "/blog/", const std::string& url = "https://example.com",
                     int feed_entries = 3) {
  std::string json = R"J({"format":"quire-bundle","version":1,
    "site":{"title":"Notes & <Things>","url":")J" + url + R"J(","posts_per_page":2,"feed_entries":)J" +
                     std::to_string(feed_entries) + R"J(,
            "base_path":")J" + base_path + R"J(","description":"A blog.","author":"Ada"},
    "posts":[
      {"slug":"e","title":"Five & <b>","date":"2022-11-20T20:25:00+01:00","tags":["ai"],"summary":"Fifth *post*.",
       "body":"## Intro\n\nSee [the archive](/archive/), [a sibling](../d/), [here](#intro) and ![x](/images/a.svg).\n\nText[^n].\n\n[^n]: A note."},
      {"slug":"d","title":"Four","date":"2022-11-02","tags":["ai","c++"],"summary":"s","body":"b\u0001c"},
      {"slug":"c","title":"Three","date":"2022-10-09T20:25:00+01:00","tags":["web"],"summary":"s","body":"b",
       "updated":"2023-01-05T10:00:00Z"},
      {"slug":"b","title":"Two","date":"2022-10-01","tags":["c++"],"summary":"s","body":"b"},
      {"slug":"a","title":"One","date":"2021-01-15","tags":[],"summary":"s","body":"[abs](https://other.example/x)"}]})J";
  auto r = quire::load_bundle(json);
  REQUIRE_MESSAGE(r.ok, r.message);
  return r.bundle;
}

const quire::OutputFile* find(const std::vector<quire::OutputFile>& files, const std::string& path) {
  for (const auto& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

}  // namespace

TEST_SUITE("feeds") {
  TEST_CASE("the site's Atom feed has the required elements and the newest entries") {
    auto b = sample();
    quire::FeedWriter w(b);
    std::string atom = w.atom(nullptr);
    CHECK(atom.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", 0) == 0);
    CHECK(has(atom, "<title>Notes &amp; &lt;Things&gt;</title>"));
    CHECK(has(atom, "<id>https://example.com/blog/</id>"));
    CHECK(has(atom, "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.com/blog/feed.xml\"/>"));
    CHECK(has(atom, "<author><name>Ada</name></author>"));
    CHECK(count(atom, "<entry>") == 3);  // feed_entries
    CHECK(has(atom, "<title>Five &amp; &lt;b&gt;</title>"));
    CHECK(has(atom, "<id>https://example.com/blog/posts/e/</id>"));
    CHECK(has(atom, "<published>2022-11-20T20:25:00+01:00</published>"));
    CHECK(has(atom, "<updated>2023-01-05T10:00:00Z</updated>\n<category term=\"web\"/>"));
    // The feed's updated is the latest change of its entries, `updated` included.
    CHECK(has(atom, ">Quire</generator>"));
    CHECK(atom.find("<updated>2023-01-05T10:00:00Z</updated>") < atom.find("<entry>"));
    CHECK_FALSE(has(atom, "Two"));
  }

  TEST_CASE("feed content is the full rendered post with every URL absolute") {
    auto b = sample();
    quire::FeedWriter w(b);
    std::string atom = w.atom(nullptr);
    CHECK(has(atom, "href=&quot;https://example.com/blog/archive/&quot;"));
    CHECK(has(atom, "href=&quot;https://example.com/blog/posts/d/&quot;"));
    CHECK(has(atom, "href=&quot;https://example.com/blog/posts/e/#intro&quot;"));
    CHECK(has(atom, "src=&quot;https://example.com/blog/images/a.svg&quot;"));
    CHECK(has(atom, "href=&quot;https://example.com/blog/posts/e/#fn-"));  // footnote links
    CHECK(has(atom, "A note."));
    CHECK_FALSE(has(atom, "href=&quot;/"));
    CHECK_FALSE(has(atom, "\x01"));  // not allowed in XML
  }

  TEST_CASE("a tag's feeds hold only that tag's posts and link to the tag page") {
    auto b = sample();
    quire::FeedWriter w(b);
    const quire::TagInfo* cpp = b.find_tag("c-plus-plus");
    REQUIRE(cpp);
    std::string atom = w.atom(cpp);
    CHECK(has(atom, "<id>https://example.com/blog/tags/c-plus-plus/</id>"));
    CHECK(has(atom, "href=\"https://example.com/blog/tags/c-plus-plus/feed.xml\""));
    CHECK(has(atom, "<title>Notes &amp; &lt;Things&gt; — c++</title>"));
    CHECK(count(atom, "<entry>") == 2);
    auto feed = nlohmann::json::parse(w.json_feed(cpp));
    CHECK(feed["feed_url"] == "https://example.com/blog/tags/c-plus-plus/feed.json");
    CHECK(feed["items"].size() == 2);
    CHECK(feed["items"][0]["id"] == "https://example.com/blog/posts/d/");
  }

  TEST_CASE("the JSON feed has the JSON Feed 1.1 fields") {
    auto b = sample();
    quire::FeedWriter w(b);
    auto feed = nlohmann::json::parse(w.json_feed(nullptr));
    CHECK(feed["version"] == "https://jsonfeed.org/version/1.1");
    CHECK(feed["title"] == "Notes & <Things>");
    CHECK(feed["home_page_url"] == "https://example.com/blog/");
    CHECK(feed["feed_url"] == "https://example.com/blog/feed.json");
    CHECK(feed["authors"][0]["name"] == "Ada");
    REQUIRE(feed["items"].size() == 3);
    const auto& first = feed["items"][0];
    CHECK(first["id"] == "https://example.com/blog/posts/e/");
    CHECK(first["url"] == "https://example.com/blog/posts/e/");
    CHECK(first["title"] == "Five & <b>");
    CHECK(first["date_published"] == "2022-11-20T20:25:00+01:00");
    CHECK(first["summary"] == "Fifth post.");
    CHECK(has(first["content_html"].get<std::string>(), "<h2 id=\"intro\">Intro"));
    CHECK(feed["items"][2]["date_modified"] == "2023-01-05T10:00:00Z");
  }

  TEST_CASE("the sitemap lists every page with lastmod and leaves search out") {
    auto b = sample();
    std::string map = quire::sitemap_xml(b);
    CHECK(has(map, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    CHECK(has(map, "<url><loc>https://example.com/blog/</loc><lastmod>2022-11-20T20:25:00+01:00</lastmod></url>"));
    CHECK(has(map, "<loc>https://example.com/blog/posts/c/</loc><lastmod>2023-01-05T10:00:00Z</lastmod>"));
    CHECK(has(map, "<loc>https://example.com/blog/posts/a/</loc><lastmod>2021-01-15T00:00:00Z</lastmod>"));
    CHECK(has(map, "<loc>https://example.com/blog/page/2/</loc><lastmod>2023-01-05T10:00:00Z</lastmod>"));
    CHECK(has(map, "<loc>https://example.com/blog/archive/2022/10/</loc>"));
    CHECK(has(map, "<loc>https://example.com/blog/tags/c-plus-plus/</loc>"));
    CHECK_FALSE(has(map, "search"));
  }

  TEST_CASE("robots.txt points at the sitemap by absolute URL") {
    CHECK(quire::robots_txt(sample()) == "User-agent: *\nAllow: /\n\nSitemap: https://example.com/blog/sitemap.xml\n");
  }

  TEST_CASE("without a site URL only robots.txt is written, without a sitemap line") {
    auto files = quire::feed_files(sample("/", ""));
    REQUIRE(files.size() == 1);
    CHECK(files[0].path == "robots.txt");
    CHECK(files[0].data == "User-agent: *\nAllow: /\n");
  }

  TEST_CASE("feed files cover the site and every tag, at decoded paths") {
    auto files = quire::feed_files(sample());
    for (const char* p : {"robots.txt", "sitemap.xml", "feed.xml", "feed.json", "tags/ai/feed.xml",
                          "tags/ai/feed.json", "tags/c-plus-plus/feed.xml", "tags/web/feed.json"})
      CHECK_MESSAGE(find(files, p), p);
    CHECK(files.size() == 4 + 2 * 3);
  }

  TEST_CASE("relative URLs resolve like a browser's against the page") {
    auto abs = [](const std::string& html) { return quire::absolute_urls(html, "https://x.org", "/b/posts/p/"); };
    CHECK(abs("<a href=\"/b/tags/\">") == "<a href=\"https://x.org/b/tags/\">");
    CHECK(abs("<a href=\"q/\">") == "<a href=\"https://x.org/b/posts/p/q/\">");
    CHECK(abs("<a href=\"../q\">") == "<a href=\"https://x.org/b/posts/q\">");
    CHECK(abs("<a href=\"../../../../q?a=1&amp;b=2#f\">") == "<a href=\"https://x.org/q?a=1&amp;b=2#f\">");
    CHECK(abs("<a href=\"./\">") == "<a href=\"https://x.org/b/posts/p/\">");
    CHECK(abs("<a href=\"#f\">") == "<a href=\"https://x.org/b/posts/p/#f\">");
    CHECK(abs("<a href=\"?page=2\">") == "<a href=\"https://x.org/b/posts/p/?page=2\">");
    CHECK(abs("<a href=\"mailto:a@b.c\">") == "<a href=\"mailto:a@b.c\">");
    CHECK(abs("<img src='//cdn.x/i.png'>") == "<img src='https://cdn.x/i.png'>");
    CHECK(abs("<p>href=\"x\" stays: it is text</p>") == "<p>href=\"x\" stays: it is text</p>");
    CHECK(abs("<a data-href=\"x\">") == "<a data-href=\"x\">");
    CHECK(abs("<a href=\"unclosed") == "<a href=\"unclosed");
    CHECK(abs("<IMG alt='a > b' SRC=i.png>") == "<IMG alt='a > b' SRC=https://x.org/b/posts/p/i.png>");
  }

  TEST_CASE("only attributes of tags are made absolute, not text or code that looks like one") {
    // Regression: href='...' and src='...' anywhere in the HTML were
    // rewritten, text and code blocks included (the renderer escapes '"'
    // but not '\'').
    auto abs = [](const std::string& html) { return quire::absolute_urls(html, "https://x.org", "/b/posts/p/"); };
    for (const char* same : {"<p>The text href='x.html' here.</p>",
                             "<pre><code>&lt;img src='a.png'&gt;\n</code></pre>",
                             "<p>x src='a' y</p><!-- <a href='c'> --><p>href=\"d\"</p>",
                             "<script>s = \"<img src='a.png'>\";</SCRIPT><p>src='b'</p>"}) {
      CAPTURE(same);
      CHECK(abs(same) == same);
    }
    CHECK(abs("<p>href='t' <a title=\"href='u'\" href='q'>src='v'</a></p>") ==
          "<p>href='t' <a title=\"href='u'\" href='https://x.org/b/posts/p/q'>src='v'</a></p>");
    CHECK(abs("<p>1 < 2 <a href=q>3</a></p>") == "<p>1 < 2 <a href=https://x.org/b/posts/p/q>3</a></p>");

    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"url":"https://e.org","smart_punctuation":false},"posts":[
      {"slug":"p","title":"P","date":"2022-01-01","summary":"s",
       "body":"The text href='x.html' here, [a link](y.html).\n\n```\n<img src='a.png'>\n```\n"}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    quire::FeedWriter w(r.bundle);
    const std::string html = nlohmann::json::parse(w.json_feed(nullptr))["items"][0]["content_html"].get<std::string>();
    CHECK(has(html, "The text href='x.html' here, <a href=\"https://e.org/posts/p/y.html\">a link</a>."));
    CHECK(has(html, "&lt;img src='a.png'&gt;"));
  }

  TEST_CASE("RFC 3339 dates: midnight for a date, Z without an offset") {
    CHECK(quire::rfc3339(*quire::parse_date("2022-10-09")) == "2022-10-09T00:00:00Z");
    CHECK(quire::rfc3339(*quire::parse_date("2022-10-09T20:25")) == "2022-10-09T20:25:00Z");
    CHECK(quire::rfc3339(*quire::parse_date("2022-10-09T20:25:07-05:30")) == "2022-10-09T20:25:07-05:30");
    CHECK(quire::rfc3339(*quire::parse_date("2022-10-09T20:25:07+00:00")) == "2022-10-09T20:25:07Z");
  }

  TEST_CASE("an empty blog still has a valid site feed") {
    auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"url":"https://e.org"},"posts":[]})");
    REQUIRE(r.ok);
    quire::FeedWriter w(r.bundle);
    std::string atom = w.atom(nullptr);
    CHECK(has(atom, "<updated>1970-01-01T00:00:00Z</updated>"));
    CHECK_FALSE(has(atom, "<entry>"));
    CHECK(nlohmann::json::parse(w.json_feed(nullptr))["items"].empty());
  }

  TEST_CASE("a site's hard_breaks reaches the feeds' content") {
    for (const bool on : {false, true}) {
      auto r = quire::load_bundle(std::string(R"({"format":"quire-bundle","version":1,"site":{"url":"https://e.org","hard_breaks":)") +
                                  (on ? "true" : "false") +
                                  R"(},"posts":[{"slug":"p","title":"P","date":"2022-01-01","summary":"s","body":"one\ntwo"}]})");
      REQUIRE_MESSAGE(r.ok, r.message);
      quire::FeedWriter w(r.bundle);
      const std::string html = nlohmann::json::parse(w.json_feed(nullptr))["items"][0]["content_html"].get<std::string>();
      CHECK(html == (on ? "<p>one<br>\ntwo</p>\n" : "<p>one\ntwo</p>\n"));
    }
  }
}
