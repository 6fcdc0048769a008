#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bundle_reference.hpp"
#include "core/bundle.hpp"

using quire::load_bundle;

namespace {

// A small valid bundle; tests replace pieces of it.
std::string bundle_with(const std::string& site, const std::string& posts) {
  return R"({"format":"quire-bundle","version":1,"site":)" + site + R"(,"posts":)" + posts + "}";
}

// params_json is kept as written by the streaming loader and re-dumped by
// the reference: the same JSON value either way.
bool same_params(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a == b;
  return nlohmann::json::parse(a, nullptr, false) == nlohmann::json::parse(b, nullptr, false);
}

const std::string kSite = R"({"title":"Notes","url":"https://example.com/","posts_per_page":2})";
const std::string kPosts = R"([
  {"slug":"older","title":"Older","date":"2022-10-01","tags":["ai","web"],"summary":"s","body":"b"},
  {"slug":"newer","title":"Newer","date":"2022-11-03T08:00:00+01:00","tags":["ai"],"summary":"s","body":"b"},
  {"slug":"middle","title":"Middle","date":"2022-10-09T20:25:00+01:00","tags":["Web"],"summary":"s"}
])";

}  // namespace

TEST_SUITE("bundle") {
  TEST_CASE("a valid bundle loads with its site, posts, tags and months") {
    auto r = load_bundle(bundle_with(kSite, kPosts));
    REQUIRE_MESSAGE(r.ok, r.message);
    CHECK(r.bundle.site.title == "Notes");
    CHECK(r.bundle.site.url == "https://example.com");  // trailing slash dropped
    CHECK(r.bundle.site.posts_per_page == 2);
    CHECK(r.bundle.site.base_path == "/");
    REQUIRE(r.bundle.posts.size() == 3);

    SUBCASE("posts are ordered newest first whatever the input order") {
      CHECK(r.bundle.posts[0].slug == "newer");
      CHECK(r.bundle.posts[1].slug == "middle");
      CHECK(r.bundle.posts[2].slug == "older");
    }
    SUBCASE("a post without body is kept and marked as not loaded") {
      CHECK_FALSE(r.bundle.find_post("middle")->has_body);
      CHECK(r.bundle.find_post("older")->has_body);
    }
    SUBCASE("tags are grouped by slug with their posts newest first") {
      REQUIRE(r.bundle.tags.size() == 2);
      CHECK(r.bundle.tags[0].slug == "ai");
      CHECK(r.bundle.tags[0].posts.size() == 2);
      const quire::TagInfo* web = r.bundle.find_tag("web");
      REQUIRE(web);
      CHECK(web->posts.size() == 2);  // "web" and "Web" are one tag
    }
    SUBCASE("months are newest first with their posts") {
      REQUIRE(r.bundle.months.size() == 2);
      CHECK(r.bundle.months[0].year == 2022);
      CHECK(r.bundle.months[0].month == 11);
      CHECK(r.bundle.months[1].posts.size() == 2);
      CHECK(r.bundle.find_month(2022, 10) != nullptr);
      CHECK(r.bundle.find_month(2022, 9) == nullptr);
    }
  }

  TEST_CASE("posts, tags and months of a bundle in any order come out sorted, posts of one instant in bundle order") {
    // 53 posts over 29 dates (so that many share one), 17 tags and months
    // of three years, in a scrambled order: more than any merge width.
    struct In {
      std::string slug, date, tag;
    };
    std::vector<In> in;
    std::string posts = "[";
    for (int i = 0; i < 53; ++i) {
      const int k = (i * 7919) % 29;
      char date[11];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + k % 3, 1 + (k * 5) % 12, 1 + k % 27);
      in.push_back({"p" + std::to_string(i), date, "t" + std::to_string((i * 13) % 17)});
      posts += std::string(i ? "," : "") + R"({"slug":")" + in.back().slug + R"(","title":"T","date":")" +
               date + R"(","tags":[")" + in.back().tag + R"("]})";
    }
    posts += "]";
    auto r = load_bundle(bundle_with(kSite, posts));
    REQUIRE_MESSAGE(r.ok, r.message);

    std::vector<In> expected = in;
    std::stable_sort(expected.begin(), expected.end(), [](const In& a, const In& b) { return a.date > b.date; });
    REQUIRE(r.bundle.posts.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) CHECK(r.bundle.posts[i].slug == expected[i].slug);
    for (const In& post : in) CHECK(r.bundle.find_post(post.slug)->slug == post.slug);  // the slug table follows

    std::vector<std::string> tags;
    for (const In& post : in) tags.push_back(post.tag);
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    REQUIRE(r.bundle.tags.size() == tags.size());
    for (size_t i = 0; i < tags.size(); ++i) CHECK(r.bundle.tags[i].slug == tags[i]);

    std::vector<std::string> months;
    for (const In& post : expected) months.push_back(post.date.substr(0, 7));
    months.erase(std::unique(months.begin(), months.end()), months.end());
    REQUIRE(r.bundle.months.size() == months.size());
    for (size_t i = 0; i < months.size(); ++i) {
      char month[8];
      std::snprintf(month, sizeof month, "%04d-%02d", r.bundle.months[i].year, r.bundle.months[i].month);
      CHECK(month == months[i]);
      for (size_t post : r.bundle.months[i].posts) CHECK(r.bundle.posts[post].date.view().substr(0, 7) == months[i]);
    }
  }

  TEST_CASE("unknown fields are ignored and optional fields default") {
    auto r = load_bundle(R"({"format":"quire-bundle","version":1,"extra":true,"site":{"future":1},
      "posts":[{"slug":"a","title":"A","date":"2022-01-01","whatever":[1,2]}]})");
    REQUIRE_MESSAGE(r.ok, r.message);
    CHECK(r.bundle.site.title == "Untitled blog");
    CHECK(r.bundle.site.posts_per_page == 10);
    CHECK(r.bundle.posts[0].tags.empty());
  }

  TEST_CASE("tag slugs keep C, C++ and C# apart") {
    CHECK(quire::tag_slug("C") == "c");
    CHECK(quire::tag_slug("C++") == "c-plus-plus");
    CHECK(quire::tag_slug("C#") == "c-sharp");
    CHECK(quire::tag_slug("Web Components") == "web-components");
    CHECK(quire::tag_slug("café") == "café");
  }

  // Found by fuzz_views: a bundle's site.url went unchecked into canonical
  // links and JSON-LD ("javascript:alert(1)" as the document's url).
  TEST_CASE("a site url that is not an absolute http(s) URL is refused") {
    for (const char* bad : {"javascript:alert(1)", " https://e.org", "data:text/html,x", "https:", "https://",
                            "//e.org", "e.org", "https://e.org/a b", "https://e.org/\"", "ftp://e.org"}) {
      CAPTURE(bad);
      CHECK_FALSE(quire::valid_site_url(bad));
      auto r = load_bundle(bundle_with(R"({"url":)" + nlohmann::json(bad).dump() + "}", "[]"));
      CHECK_FALSE(r.ok);
      CHECK(r.code == "schema");
      CHECK_MESSAGE(r.message.rfind("site.url: expected an absolute http(s) URL", 0) == 0, r.message);
    }
    for (const char* good : {"", "https://example.com", "http://localhost:8080", "HTTPS://E.org/blog"}) {
      CAPTURE(good);
      CHECK(quire::valid_site_url(good));
      CHECK(load_bundle(bundle_with(R"({"url":)" + nlohmann::json(good).dump() + "}", "[]")).ok);
    }
  }

  TEST_CASE("a base_path with characters a browser would percent-encode is refused, naming the field") {
    // The app matches base_path against location.pathname, which the browser
    // percent-encodes: "/blög/" arrives as "/bl%C3%B6g/" and every route
    // rendered in the browser would be "not found".
    for (const char* bad : {"/blög/", "/日記/", "/a b/", "/a{b}/", "/a`b/", "/a|b/", "/a^b/", "/a%20b/", "/a\"b/",
                            "/a<b>/", "/a\\b/", "/a?b/", "/a#b/", "/a'b/", "/a+b/", "/a;b/", "/a(b)/", "/a,b/",
                            "/a/../", "/a/./", "/../", "/./", "//", "/a//b/", "blog", "/blog", "blog/", ""}) {
      CAPTURE(bad);
      CHECK_FALSE(quire::valid_base_path(bad));
      std::string json = bundle_with(R"({"base_path":)" + nlohmann::json(bad).dump() + "}", "[]");
      auto r = load_bundle(json);
      CHECK_FALSE(r.ok);
      CHECK(r.code == "schema");
      CHECK_MESSAGE(r.message.rfind("site.base_path: expected a path like /blog/", 0) == 0, r.message);
    }
    for (const char* good : {"/", "/blog/", "/my-blog/2024/", "/a.b_c~d/", "/Blog/Notes/", "/v1.2/"}) {
      CAPTURE(good);
      CHECK(quire::valid_base_path(good));
      auto r = load_bundle(bundle_with(std::string(R"({"base_path":")") + good + "\"}", "[]"));
      CHECK_MESSAGE(r.ok, r.message);
    }
  }

  TEST_CASE("a post's tags that share a slug are one tag, spelled as first written") {
    auto r = load_bundle(bundle_with(kSite, R"([
      {"slug":"a","title":"A","date":"2022-01-02","tags":["Rust","rust","Go","RUST","go","rust!"]},
      {"slug":"b","title":"B","date":"2022-01-01","tags":["rust"],"tags":["go","Go","rust"]}])"));
    REQUIRE_MESSAGE(r.ok, r.message);
    const quire::Bundle& b = r.bundle;
    const quire::Post* a = b.find_post("a");
    REQUIRE(a);
    REQUIRE(a->tags.size() == 2);
    CHECK(a->tags[0] == "Rust");
    CHECK(a->tags[1] == "Go");
    const quire::Post* second = b.find_post("b");  // the last "tags" counts, de-duplicated on its own
    REQUIRE(second);
    REQUIRE(second->tags.size() == 2);
    CHECK(second->tags[0] == "go");
    CHECK(second->tags[1] == "rust");
    REQUIRE(b.tags.size() == 2);
    const quire::TagInfo* rust = b.find_tag("rust");
    REQUIRE(rust);
    CHECK(rust->name == "Rust");
    CHECK(rust->posts == std::vector<size_t>{0, 1});

    SUBCASE("index() of a bundle made in memory drops them too") {
      quire::Bundle made;
      quire::Post p;
      p.slug = std::string("m");
      p.title = std::string("M");
      p.date = std::string("2022-01-01");
      p.when = *quire::parse_date("2022-01-01");
      p.tags = {std::string("C++"), std::string("c++"), std::string("C"), std::string("c plus plus")};
      made.posts.push_back(std::move(p));
      made.index();
      REQUIRE(made.posts[0].tags.size() == 2);
      CHECK(made.posts[0].tags[0] == "C++");
      CHECK(made.posts[0].tags[1] == "C");
      CHECK(made.tags.size() == 2);
    }
  }

  TEST_CASE("a post with tens of thousands of tags loads them all, each slug once") {
    // Regression: each tag was looked for among the post's tags so far
    // (quadratic: 40,000 tags took 10 s).
    std::string tags;
    for (int i = 0; i < 40000; ++i) tags += (i ? ",\"T" : "\"T") + std::to_string(i % 20000) + "\"";
    auto r = load_bundle(bundle_with(kSite, R"([{"slug":"a","title":"A","date":"2022-01-01","tags":[)" + tags + "]}]"));
    REQUIRE_MESSAGE(r.ok, r.message);
    CHECK(r.bundle.posts[0].tags.size() == 20000);
    CHECK(r.bundle.posts[0].tags[19999] == "T19999");
    CHECK(r.bundle.tags.size() == 20000);
  }

  TEST_CASE("many posts with a bad chunk are refused with the first one's error") {
    // Regression: each post's "chunk" searched every bad one before it.
    std::string posts;
    for (int i = 0; i < 30000; ++i)
      posts += std::string(i ? "," : "") + R"({"slug":"p)" + std::to_string(i) +
               R"(","title":"P","date":"2022-01-01","chunk":"x"})";
    auto r = load_bundle(R"({"format":"quire-bundle","version":1,"site":{},"chunks":["c/1.json"],"posts":[)" + posts + "]}");
    CHECK_FALSE(r.ok);
    CHECK(r.message == "posts[0].chunk: expected integer, got string");
    auto message = [](const std::string& chunks) {
      return load_bundle(R"({"format":"quire-bundle","version":1,"site":{},"chunks":["c/1.json"],"posts":[
        {"slug":"p","title":"P","date":"2022-01-01","chunk":0},
        {"slug":"q","title":"Q","date":"2022-01-01",)" + chunks + "}]}").message;
    };
    CHECK(message(R"("chunk":"x","chunk":0)") == "");  // a key given twice counts with its last value
    CHECK(message(R"("chunk":0,"chunk":"x")") == "posts[1].chunk: expected integer, got string");
    CHECK(message(R"("chunk":"x","chunk":1.5)") == "posts[1].chunk: expected integer, got number");
    CHECK(message(R"("chunk":"x","chunk":null)") == "");
  }

  TEST_CASE("a byte order mark before the JSON is accepted") {
    auto r = load_bundle("\xEF\xBB\xBF" + bundle_with(kSite, "[]"));
    CHECK_MESSAGE(r.ok, r.message);
  }

  TEST_CASE("writing then loading a bundle gives the same bundle back") {
    auto first = load_bundle(bundle_with(kSite, kPosts));
    REQUIRE(first.ok);
    first.bundle.posts[0].params_json = R"({"mood":"happy"})";
    first.bundle.posts[1].authors = {std::string("Ada"), std::string("Grace \"G\" H")};
    auto second = load_bundle(quire::write_bundle_json(first.bundle));
    REQUIRE_MESSAGE(second.ok, second.message);
    REQUIRE(second.bundle.posts.size() == first.bundle.posts.size());
    for (size_t i = 0; i < first.bundle.posts.size(); ++i) {
      CHECK(second.bundle.posts[i].slug == first.bundle.posts[i].slug);
      CHECK(second.bundle.posts[i].date == first.bundle.posts[i].date);
      CHECK(second.bundle.posts[i].tags == first.bundle.posts[i].tags);
      CHECK(second.bundle.posts[i].has_body == first.bundle.posts[i].has_body);
    }
    CHECK(second.bundle.posts[0].params_json == R"({"mood":"happy"})");
    CHECK(second.bundle.posts[1].authors == first.bundle.posts[1].authors);
    CHECK(second.bundle.posts[0].authors.empty());
    CHECK(second.bundle.site.url == first.bundle.site.url);
  }

  TEST_CASE("malformed bundles give an error naming the path and the problem") {
    struct Case {
      const char* name;
      std::string json;
      const char* code;
      const char* message;
    };
    const std::string post_ok = R"({"slug":"a","title":"A","date":"2022-01-01"})";
    auto posts1 = [&](const std::string& post) { return bundle_with(kSite, "[" + post_ok + "," + post + "]"); };
    const Case cases[] = {
        {"empty input", "", "parse", "not valid JSON"},
        {"truncated JSON", R"({"format":"quire-bundle",)", "parse", "syntax error at byte"},
        {"not an object", "[1,2]", "format", "expected a JSON object, got array"},
        {"missing format", R"({"version":1})", "format", "format: expected \"quire-bundle\""},
        {"wrong format", R"({"format":"hugo","version":1})", "format", "format: expected \"quire-bundle\""},
        {"missing version", R"({"format":"quire-bundle"})", "schema", "version: expected integer"},
        {"version as string", R"({"format":"quire-bundle","version":"1"})", "schema", "version: expected integer"},
        {"newer major version", R"({"format":"quire-bundle","version":4,"site":{},"posts":[]})", "version",
         "bundle version 4 is newer than this Quire supports (3)"},
        {"version zero", R"({"format":"quire-bundle","version":0})", "version", "version: expected 1, got 0"},
        {"missing site", R"({"format":"quire-bundle","version":1,"posts":[]})", "schema", "site: missing"},
        {"site not an object", bundle_with("[]", "[]"), "schema", "site: expected object, got array"},
        {"site title a number", bundle_with(R"({"title":5})", "[]"), "schema",
         "site.title: expected string, got number"},
        {"posts_per_page zero", bundle_with(R"({"posts_per_page":0})", "[]"), "schema",
         "site.posts_per_page: expected 1..1000, got 0"},
        {"posts_per_page a float", bundle_with(R"({"posts_per_page":2.5})", "[]"), "schema",
         "site.posts_per_page: expected integer, got number"},
        {"unsafe_html a string", bundle_with(R"({"unsafe_html":"yes"})", "[]"), "schema",
         "site.unsafe_html: expected boolean, got string"},
        {"bad base_path", bundle_with(R"({"base_path":"blog"})", "[]"), "schema",
         "site.base_path: expected a path like /blog/"},
        {"missing posts", R"({"format":"quire-bundle","version":1,"site":{}})", "schema", "posts: missing"},
        {"posts not an array", bundle_with("{}", "{}"), "schema", "posts: expected array, got object"},
        {"post not an object", posts1("7"), "schema", "posts[1]: expected object, got number"},
        {"post without slug", posts1(R"({"title":"B","date":"2022-01-01"})"), "schema",
         "posts[1].slug: missing (expected string)"},
        {"post with a slash in its slug", posts1(R"({"slug":"a/b","title":"B","date":"2022-01-01"})"), "schema",
         "posts[1].slug: expected letters, digits"},
        {"post title a number", posts1(R"({"slug":"b","title":3,"date":"2022-01-01"})"), "schema",
         "posts[1].title: expected string, got number"},
        {"post title empty", posts1(R"({"slug":"b","title":"","date":"2022-01-01"})"), "schema",
         "posts[1].title: must not be empty"},
        {"post date a number", posts1(R"({"slug":"b","title":"B","date":20220101})"), "schema",
         "posts[1].date: expected string, got number"},
        {"post date not a date", posts1(R"({"slug":"b","title":"B","date":"yesterday"})"), "schema",
         "posts[1].date: expected YYYY-MM-DD[THH:MM[:SS][±HH:MM]], got \"yesterday\""},
        {"post date February 30", posts1(R"({"slug":"b","title":"B","date":"2022-02-30"})"), "schema",
         "posts[1].date: expected"},
        {"post updated not a date", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","updated":"soon"})"),
         "schema", "posts[1].updated: expected"},
        {"tags not an array", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","tags":"ai"})"), "schema",
         "posts[1].tags: expected array, got string"},
        {"tag not a string", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","tags":["ai",4]})"), "schema",
         "posts[1].tags[1]: expected string, got number"},
        {"tag of punctuation only", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","tags":["!!"]})"),
         "schema", "posts[1].tags[0]: expected a tag with a letter or digit"},
        {"authors not an array", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","authors":"Ada"})"),
         "schema", "posts[1].authors: expected array, got string"},
        {"author not a string", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","authors":["Ada",{}]})"),
         "schema", "posts[1].authors[1]: expected string, got object"},
        {"body not a string", posts1(R"({"slug":"b","title":"B","date":"2022-01-01","body":["x"]})"), "schema",
         "posts[1].body: expected string, got array"},
        {"duplicate slug", posts1(R"({"slug":"a","title":"B","date":"2022-01-01"})"), "schema",
         "posts[1].slug: duplicate \"a\" (also posts[0])"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      auto r = load_bundle(c.json);
      CHECK_FALSE(r.ok);
      CHECK(r.code == c.code);
      CHECK_MESSAGE(r.message.find(c.message) != std::string::npos, r.message);
      CHECK(r.bundle.posts.empty());  // nothing half-loaded
    }
  }

  TEST_CASE("invalid UTF-8 in a bundle is refused with its position") {
    auto r = load_bundle(bundle_with("{\"title\":\"Bad \xff byte\"}", "[]"));
    CHECK_FALSE(r.ok);
    CHECK(r.code == "parse");
    CHECK_MESSAGE(r.message.find("ill-formed UTF-8") != std::string::npos, r.message);
    CHECK(r.message.find("\xff") == std::string::npos);  // the message itself is valid UTF-8
  }
}

TEST_SUITE("bundle") {
  // load_bundle() streams the bytes straight into structs, without a JSON
  // library; the reference loader (bundle_reference.hpp) reads a
  // nlohmann-json DOM. Both must agree.
  TEST_CASE("the streaming loader and the reference DOM loader give the same bundle") {
    const std::string cases[] = {
        bundle_with(kSite, kPosts),
        bundle_with(kSite, "[]"),
        R"({"posts":[{"date":"2022-01-01","title":"T","slug":"s","x":{"y":[1,{"z":null}]},"tags":["a","A","a"]}],
           "site":{"title":null,"unknown":[{}],"unsafe_html":true,"base_path":"/blog/"},"version":1,
           "format":"quire-bundle","extra":[1,2,{"a":"b"}]})",
        bundle_with(R"({"title":"Nul \u0000 here, é and 😀"})",
                    R"([{"slug":"p","title":"P","date":"2022-01-01","body":null,"summary":"a\u0000b",
                         "params":{"b":[1.5,2,true,null,"x"],"a":{"nested":-3},"c":1e300}}])"),
        R"({"format":"quire-bundle","version":1,"site":{},"chunks":["c/1.json"],
            "posts":[{"slug":"p","title":"P","date":"2022-01-01","chunk":0,"minutes":4}]})",
        bundle_with(kSite, R"([{"slug":"p","title":"P","date":"2022-01-01","authors":["Ada","L\u00e9a"]}])"),
        // Version 1 defines no "index", "shards" or "slugs" (the sharded
        // form of version 2): skipped like any unknown key (found by fuzz_bundle).
        R"({"format":"quire-bundle","version":1,"site":{},"index":[{"slug":"q"}],"shards":["s/1.json"],
            "slugs":"x","posts":[{"slug":"p","title":"P","date":"2022-01-01"}]})",
    };
    for (const std::string& json : cases) {
      CAPTURE(json);
      auto fast = load_bundle(json);
      auto checked = reference::load_bundle(json);
      REQUIRE_MESSAGE(fast.ok, fast.message);
      REQUIRE_MESSAGE(checked.ok, checked.message);
      const quire::Site& a = fast.bundle.site;
      const quire::Site& b = checked.bundle.site;
      CHECK(a.title == b.title);
      CHECK(a.url == b.url);
      CHECK(a.base_path == b.base_path);
      CHECK(a.posts_per_page == b.posts_per_page);
      CHECK(a.unsafe_html == b.unsafe_html);
      CHECK(fast.bundle.chunks == checked.bundle.chunks);
      REQUIRE(fast.bundle.posts.size() == checked.bundle.posts.size());
      for (size_t i = 0; i < fast.bundle.posts.size(); ++i) {
        const quire::Post& p = fast.bundle.posts[i];
        const quire::Post& q = checked.bundle.posts[i];
        CHECK(p.slug == q.slug);
        CHECK(p.title == q.title);
        CHECK(p.date == q.date);
        CHECK(p.tags == q.tags);
        CHECK(p.summary == q.summary);
        CHECK(p.body == q.body);
        CHECK(p.has_body == q.has_body);
        CHECK(p.chunk == q.chunk);
        CHECK(p.minutes == q.minutes);
        CHECK(p.authors == q.authors);
        CHECK(same_params(p.params_json, q.params_json));
      }
      CHECK(fast.bundle.tags.size() == checked.bundle.tags.size());
      CHECK(fast.bundle.months.size() == checked.bundle.months.size());
    }
  }
}

TEST_SUITE("bundle") {
  // Found by fuzz_bundle: the reference reader took any site.url.
  TEST_CASE("both loaders refuse a site.url that is not an absolute http(s) URL") {
    for (const char* url : {"httpsxe/:/ample.com/blog/", "javascript:alert(1)", "/blog/"}) {
      CAPTURE(url);
      const std::string json = bundle_with(std::string(R"({"url":")") + url + "\"}", "[]");
      CHECK_FALSE(load_bundle(json).ok);
      CHECK_FALSE(reference::load_bundle(json).ok);
    }
    const std::string good = bundle_with(R"({"url":"https://example.com/blog/"})", "[]");
    CHECK(load_bundle(good).ok);
    CHECK(reference::load_bundle(good).ok);
  }
}

TEST_SUITE("bundle") {
  TEST_CASE("the streaming loader agrees with the reference DOM loader on escapes, numbers and mutated bundles") {
    const std::string base = std::string(R"( { "format" : "quire-bundle" , "version" : 1 ,
      "site" : { "title" : "T\"q\\s\/\b\f\n\r\t\u00e9\ud83d\ude00", "posts_per_page" : 3 , "x" : [ ] , "y" : { } } ,
      "posts" : [ { "slug" : "a" , "title" : "A é 😀" , "date" : "2022-01-01" , "tags" : [ "x" , "y" ] ,
        "summary" : "s" , "body" : "# B\n\nText" , "params" : { "n" : -12 , "u" : 18446744073709551615 ,
        "big" : 184467440737095516150 , "f" : -1.5e-3 , "z" : 0 , "neg0" : -0 , "t" : true , "l" : [ null , { } ] } } ,
        { "slug" : "b" , "title" : "B" , "date" : "2022-02-01T10:00:00+01:00" } ] } )");
    // Same verdict, same code; the same message for a schema problem (a
    // syntax error is worded by each parser its own way, at its position).
    auto same = [](const std::string& json) {
      auto fast = load_bundle(json);
      auto checked = reference::load_bundle(json);
      CHECK(fast.ok == checked.ok);
      CHECK(fast.code == checked.code);
      if (fast.code == "parse") {
        CHECK(fast.message.rfind("not valid JSON (syntax error at byte ", 0) == 0);
        CHECK(checked.message.rfind("not valid JSON (syntax error at byte ", 0) == 0);
      } else {
        CHECK(fast.message == checked.message);
      }
      REQUIRE(fast.bundle.posts.size() == checked.bundle.posts.size());
      CHECK(fast.bundle.site.title == checked.bundle.site.title);
      CHECK(fast.bundle.site.posts_per_page == checked.bundle.site.posts_per_page);
      for (size_t i = 0; i < fast.bundle.posts.size(); ++i) {
        CHECK(fast.bundle.posts[i].slug == checked.bundle.posts[i].slug);
        CHECK(fast.bundle.posts[i].title == checked.bundle.posts[i].title);
        CHECK(fast.bundle.posts[i].date == checked.bundle.posts[i].date);
        CHECK(fast.bundle.posts[i].summary == checked.bundle.posts[i].summary);
        CHECK(fast.bundle.posts[i].body == checked.bundle.posts[i].body);
        CHECK(fast.bundle.posts[i].has_body == checked.bundle.posts[i].has_body);
        CHECK(fast.bundle.posts[i].tags == checked.bundle.posts[i].tags);
        CHECK(same_params(fast.bundle.posts[i].params_json, checked.bundle.posts[i].params_json));
      }
    };
    {
      CAPTURE(base);
      REQUIRE(load_bundle(base).ok);
      same(base);
    }
    // Every single-byte deletion, and replacements by bytes that matter to
    // JSON: the two loaders accept and refuse the same documents.
    const std::string significant = "{}[],:\"\\ 0-.eE+tfnu\x01\x80\xC3\xFF";
    uint32_t seed = 12345;
    for (size_t i = 0; i < base.size(); ++i) {
      std::string cut = base;
      cut.erase(i, 1);
      CAPTURE(cut);
      same(cut);
      seed = seed * 1103515245u + 12345u;
      std::string swapped = base;
      swapped[i] = significant[(seed >> 16) % significant.size()];
      CAPTURE(swapped);
      same(swapped);
    }
  }
}

TEST_SUITE("bundle") {
  // nlohmann-json's lexer takes a NUL byte for the end of its input, so the
  // reference read "valid bundle, NUL, garbage" as the valid bundle, while
  // the product refuses it: the differential tests above could not have
  // seen a difference there.
  TEST_CASE("the reference loader refuses a NUL byte anywhere, as the product does") {
    const std::string valid = bundle_with(kSite, kPosts);
    REQUIRE(reference::load_bundle(valid).ok);
    const std::string nul(1, '\0');
    std::vector<std::string> documents = {valid + nul, valid + nul + "garbage", valid + " " + nul + "{",
                                          nul + valid};
    for (size_t i = 0; i <= valid.size(); i += 7) documents.push_back(valid.substr(0, i) + nul + valid.substr(i));
    for (const std::string& json : documents) {
      CAPTURE(json);
      auto fast = load_bundle(json);
      auto checked = reference::load_bundle(json);
      CHECK_FALSE(fast.ok);
      CHECK_FALSE(checked.ok);
      CHECK(fast.code == "parse");
      CHECK(checked.code == "parse");
      CHECK(checked.message.rfind("not valid JSON (syntax error at byte ", 0) == 0);
    }
  }
}

TEST_SUITE("bundle") {
  TEST_CASE("summaries and bodies are views of the loaded bytes, decoded when used") {
    auto r = load_bundle(bundle_with(kSite, R"([{"slug":"a","title":"A","date":"2022-01-01",
      "summary":"Plain words.","body":"# Head\n\nTab\there, \"quoted\", \u00e9 and \ud83d\ude00, nul \u0000."}])"));
    REQUIRE_MESSAGE(r.ok, r.message);
    const quire::Post& p = r.bundle.posts[0];
    SUBCASE("a text without escapes is not copied") {
      const char* bytes = r.bundle.source.get();
      REQUIRE(bytes != nullptr);
      std::string_view summary = p.summary.view();
      CHECK(summary == "Plain words.");
      CHECK(summary.data() > bytes);
      CHECK(std::string_view(summary.data() - 1, 1) == "\"");  // inside the bundle's own bytes
    }
    SUBCASE("a text with escapes reads decoded, NUL made U+FFFD") {
      CHECK(p.body == "# Head\n\nTab\there, \"quoted\", \xC3\xA9 and \xF0\x9F\x98\x80, nul \xEF\xBF\xBD.");
      CHECK(p.body.view() == p.body.str());  // the same once decoded
    }
    SUBCASE("a copy of the bundle outlives the loaded one") {
      quire::Bundle copy;
      {
        auto again = load_bundle(bundle_with(kSite, kPosts));
        REQUIRE(again.ok);
        copy = again.bundle;
      }
      CHECK(copy.find_post("older")->summary == "s");
      CHECK(copy.find_post("older")->body == "b");
    }
    SUBCASE("an assigned text is its own string") {
      quire::Post q = p;
      q.summary = std::string("Other.");
      CHECK(q.summary == "Other.");
      CHECK(p.summary == "Plain words.");
      CHECK(quire::Text().empty());
      CHECK_FALSE(quire::Text::json("\\n", 2, true).empty());
    }
  }

  TEST_CASE("posts are found by slug through the slug table, and not found when absent") {
    std::string posts = "[";
    for (int i = 0; i < 300; ++i)
      posts += std::string(i ? "," : "") + R"({"slug":"post-)" + std::to_string(i) + R"(","title":"T","date":"2022-01-)" +
               (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + R"("})";
    auto r = load_bundle(bundle_with(kSite, posts + "]"));
    REQUIRE_MESSAGE(r.ok, r.message);
    for (int i = 0; i < 300; ++i) {
      const quire::Post* p = r.bundle.find_post("post-" + std::to_string(i));
      REQUIRE(p != nullptr);
      CHECK(p->slug == "post-" + std::to_string(i));
    }
    CHECK(r.bundle.find_post("post-300") == nullptr);
    CHECK(r.bundle.find_post("") == nullptr);
    CHECK(r.bundle.posts.front().date.view() >= r.bundle.posts.back().date.view());  // reordered newest first
  }
}

TEST_SUITE("bundle") {
  TEST_CASE("slugs, titles, dates and tags are views of the loaded bytes, escapes decoded at load") {
    const std::string json = bundle_with(kSite, R"([{"slug":"plain-slug","title":"Plain title","date":"2022-01-01",
      "updated":"2022-01-02","tags":["plain-tag","C\u002B\u002B"]},
      {"slug":"\u0065scaped","title":"\"Quoted\" \u00e9","date":"2022-01-0\u0033","tags":["a\/b"]}])");
    auto r = load_bundle(json);
    REQUIRE_MESSAGE(r.ok, r.message);
    const char* begin = r.bundle.source.get();
    const char* end = begin + json.size();  // the loader's copy has no terminator (strlen read past it: ASan)
    auto in_bytes = [&](const quire::Text& t) { return t.view().data() > begin && t.view().data() < end; };
    const quire::Post* plain = r.bundle.find_post("plain-slug");
    REQUIRE(plain != nullptr);
    for (const quire::Text* t : {&plain->slug, &plain->title, &plain->date, &plain->updated, &plain->tags[0]})
      CHECK(in_bytes(*t));
    CHECK(plain->title == "Plain title");
    CHECK(plain->updated == "2022-01-02");
    CHECK(plain->tags[1] == "C++");
    CHECK(r.bundle.find_tag("c-plus-plus") != nullptr);
    const quire::Post* escaped = r.bundle.find_post("escaped");
    REQUIRE(escaped != nullptr);
    CHECK(escaped->slug == "escaped");
    CHECK(escaped->title == "\"Quoted\" \xC3\xA9");
    CHECK(escaped->date == "2022-01-03");
    CHECK(escaped->when.day == 3);
    CHECK(escaped->tags[0] == "a/b");
    CHECK_FALSE(in_bytes(escaped->title));  // its own decoded string
    SUBCASE("the posts outlive the load result they were moved from") {
      quire::Bundle kept = std::move(r.bundle);
      r = load_bundle(bundle_with(kSite, "[]"));
      REQUIRE(kept.find_post("plain-slug") != nullptr);
      CHECK(kept.find_post("plain-slug")->title == "Plain title");
      CHECK(kept.find_post("plain-slug")->tags[0] == "plain-tag");
    }
  }

  TEST_CASE("dates load as parse_date reads them, in every form and at every edge") {
    std::vector<std::string> dates;
    for (int year : {1900, 1970, 2000, 2023, 2024, 9999})
      for (int month = 0; month <= 13; ++month)
        for (int day = 0; day <= 32; ++day) {
          char d[16];
          std::snprintf(d, sizeof d, "%04d-%02d-%02d", year, month, day);
          dates.push_back(d);
          dates.push_back(std::string(d) + "T12:34:56Z");
        }
    for (const char* time : {"00:00:00", "23:59:59", "23:59:60", "24:00:00", "12:60:00", "12:00:61", "1:00:00",
                             "12:0a:00", "12-00-00", "12:00", "12:00:00.5"})
      for (const char* zone : {"", "Z", "z", "X", "+00:00", "-00:00", "+05:30", "-11:45", "+23:59", "+24:00", "-12:60",
                               "+0530", "+05-30", "*05:30", "+5:30", "+05:3x"})
        for (const char* t : {"T", "t", " ", "x"}) dates.push_back(std::string("2024-02-28") + t + time + zone);
    for (const char* odd : {"", "2024", "2024-02-2", "2024/02/28", "20a4-02-28", "2024-0b-28", "2024-02-28T",
                            "2024-02-28T12:00:00+05:30x", "-024-02-28", "+2024-02-28", "2024-02-29T10:00:00+01:00",
                            "2023-02-29T10:00:00+01:00", "2024-02-28T10:00:00+01:00 "})
      dates.push_back(odd);
    for (const std::string& date : dates) {
      CAPTURE(date);
      const auto expected = quire::parse_date(date);
      auto r = load_bundle(bundle_with(kSite, R"([{"slug":"a","title":"A","date":")" + date + R"(",
        "updated":")" + (date.empty() ? "2024-01-01" : date) + R"("}])"));
      CHECK(r.ok == expected.has_value());
      if (!expected || !r.ok) continue;
      const quire::DateTime& w = r.bundle.posts[0].when;
      CHECK(w.year == expected->year);
      CHECK(w.month == expected->month);
      CHECK(w.day == expected->day);
      CHECK(w.hour == expected->hour);
      CHECK(w.minute == expected->minute);
      CHECK(w.second == expected->second);
      CHECK(w.has_time == expected->has_time);
      CHECK(w.has_offset == expected->has_offset);
      CHECK(w.offset_minutes == expected->offset_minutes);
    }
    CHECK(load_bundle(bundle_with(kSite, R"([{"slug":"a","title":"A","date":"2024-01-01","updated":"2024-02-30"}])"))
              .message == "posts[0].updated: expected YYYY-MM-DD[THH:MM[:SS][±HH:MM]], got \"2024-02-30\"");
  }

  TEST_CASE("slugs that share long prefixes are all found, and a duplicate among them is refused") {
    std::string posts = "[";
    std::vector<std::string> slugs;
    for (size_t n = 1; n <= 40; ++n) {
      slugs.push_back(std::string(n, 'a'));
      slugs.push_back(std::string(n, 'a') + "b");
      slugs.push_back(std::string(24, 'x') + std::to_string(n));
    }
    for (size_t i = 0; i < slugs.size(); ++i)
      posts += std::string(i ? "," : "") + R"({"slug":")" + slugs[i] + R"(","title":"T","date":"2022-01-01"})";
    auto r = load_bundle(bundle_with(kSite, posts + "]"));
    REQUIRE_MESSAGE(r.ok, r.message);
    for (const std::string& slug : slugs) {
      const quire::Post* p = r.bundle.find_post(slug);
      REQUIRE(p != nullptr);
      CHECK(p->slug == slug);
    }
    CHECK(r.bundle.find_post(std::string(41, 'a')) == nullptr);
    CHECK(r.bundle.find_post(std::string(24, 'x') + "41") == nullptr);
    auto twice = load_bundle(bundle_with(kSite, posts + R"(,{"slug":")" + std::string(24, 'x') +
                                                    R"(7","title":"T","date":"2022-01-01"}])"));
    CHECK(twice.message == "posts[120].slug: duplicate \"xxxxxxxxxxxxxxxxxxxxxxxx7\" (also posts[20])");
  }
}

namespace {

// 2^1024 - 2^970: the least number that strtod rounds to infinity (halfway
// between DBL_MAX and 2^1024, a tie that rounds to even: up).
const std::string kOverflow =
    "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416"
    "692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959"
    "622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

std::string with_param(const std::string& number) {
  return bundle_with(kSite, R"([{"slug":"a","title":"A","date":"2022-01-01","params":{"n":)" + number + "}}]");
}

}  // namespace

TEST_SUITE("bundle") {
  TEST_CASE("a number overflows a double exactly where strtod makes it infinite") {
    std::string below = kOverflow;
    below.back() = '1';  // one less in the last digit
    const std::string cases[] = {
        "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315807937289714053e308",
        "1.7976931348623159e308", "1.8e308", "-1.8e308", "1e309", "-1e309", "1e308", "100e306", "1000e306",
        "0.001e311", "0.01e311", "0.0000e999999", "0e400", "-0e400", "1e-400", "1E+308", "1E+309",
        "1e99999999999999999999", "1e-99999999999999999999", "0.00000000000000000000001e330", kOverflow,
        "-" + kOverflow, below, kOverflow + "0", below + "9999", below + ".9999", kOverflow + ".0", kOverflow + "e-1",
        "0." + kOverflow + "e309", "0." + below + "e309", "0." + kOverflow + "e308", "184467440737095516150",
        "-9223372036854775809", "18446744073709551616", std::string(400, '9'), "0." + std::string(400, '9') + "e309",
        std::string(308, '9'), std::string(309, '9') + "e-1", "1.5", "-0.0", "12.5e-3"};
    for (const std::string& number : cases) {
      CAPTURE(number);
      const bool finite = std::isfinite(std::strtod(number.c_str(), nullptr));
      auto r = load_bundle(with_param(number));
      CHECK(r.ok == finite);
      if (!finite) CHECK(r.message.find("number overflows a double") != std::string::npos);
      CHECK(reference::load_bundle(with_param(number)).ok == finite);
    }
  }

  TEST_CASE("an integer field refuses fractions, exponents, negatives and numbers too large, as before") {
    auto message = [](const std::string& minutes, const std::string& chunk = "0") {
      return load_bundle(R"({"format":"quire-bundle","version":1,"site":{},"chunks":["c/1.json"],
        "posts":[{"slug":"p","title":"P","date":"2022-01-01","chunk":)" + chunk + R"(,"minutes":)" + minutes + "}]}")
          .message;
    };
    CHECK(message("4") == "");
    CHECK(message("1.0") == "posts[0].minutes: expected integer, got number");
    CHECK(message("1e2") == "posts[0].minutes: expected integer, got number");
    CHECK(message("-1") == "posts[0].minutes: expected 1..100000, got -1");
    CHECK(message("-0") == "posts[0].minutes: expected 1..100000, got 0");
    CHECK(message("100001") == "posts[0].minutes: expected 1..100000, got 100001");
    CHECK(message("9223372036854775807") == "posts[0].minutes: expected 1..100000, got 9223372036854775807");
    CHECK(message("9223372036854775808") == "posts[0].minutes: expected 1..100000, got -9223372036854775808");
    CHECK(message("18446744073709551615") == "posts[0].minutes: expected 1..100000, got -1");
    CHECK(message("18446744073709551616") == "posts[0].minutes: expected integer, got number");
    CHECK(message("-9223372036854775808") == "posts[0].minutes: expected 1..100000, got -9223372036854775808");
    CHECK(message("-9223372036854775809") == "posts[0].minutes: expected integer, got number");
    CHECK(message("1e999") == "not valid JSON (syntax error at byte 156: number overflows a double)");
    CHECK(message("4", "0.5") == "posts[0].chunk: expected integer, got number");
    CHECK(message("4", "1") == "posts[0].chunk: expected 0..0, got 1");
    CHECK(message("4", "-1") == "posts[0].chunk: expected 0..0, got -1");
    CHECK(message("4", "2e0") == "posts[0].chunk: expected integer, got number");
    CHECK(message("4", "99999999999999999999") == "posts[0].chunk: expected integer, got number");
    CHECK(load_bundle(R"({"format":"quire-bundle","version":1.0,"site":{},"posts":[]})").message ==
          "version: expected integer");
    CHECK(load_bundle(R"({"format":"quire-bundle","version":1,"site":{"posts_per_page":2.5},"posts":[]})").message ==
          "site.posts_per_page: expected integer, got number");
  }
}
