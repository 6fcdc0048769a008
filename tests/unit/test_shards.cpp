// The sharded form of a large blog's bundle (core/post_shards.hpp): the
// bundle holds an index, each view names the shards of the posts it shows,
// and with them added it renders exactly as from the whole bundle.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "core/bundle.hpp"
#include "core/post_shards.hpp"
#include "core/router.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"

namespace {

// n posts over months of 2024, tags t0..t2 (some posts two), in a bundle of
// one file; `site` and `extra(i)` add the site's and post i's keys.
quire::Bundle posts(int n, const std::string& site = "", std::string (*extra)(int) = nullptr) {
  std::string list;
  for (int i = 1; i <= n; ++i) {
    const std::string k = std::to_string(i);
    const int month = 1 + (i - 1) * 12 / n;
    if (i > 1) list += ",";
    list += R"({"slug":"p)" + k + R"(","title":"Post )" + k + R"(","date":"2024-)" + (month < 10 ? "0" : "") +
            std::to_string(month) + "-" + (i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1) +
            R"(T10:00:00Z","tags":["T)" + std::to_string(i % 3) + "\"" + (i % 4 == 0 ? R"(,"Extra")" : "") +
            R"(],"summary":"Summary of )" + k + R"(.","body":"# Body )" + k + R"(\n\nText of post )" + k + R"(.")" +
            (extra ? extra(i) : "") + "}";
  }
  auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S","posts_per_page":3)" + site + R"(},"posts":[)" +
                              list + "]}");
  REQUIRE_MESSAGE(r.ok, r.message);
  return std::move(r.bundle);
}

struct Sharded {
  quire::SplitBundle split;
  std::map<std::string, std::string> files;  // path -> bytes
  quire::Bundle bundle;
};

Sharded sharded(const quire::Bundle& full, size_t per_shard) {
  Sharded s;
  s.split = quire::write_split_bundle(full, quire::kChunkDir, 2, {}, per_shard);
  for (const auto& c : s.split.chunks) s.files[c.path] = c.json;
  auto r = quire::load_bundle(s.split.index);
  REQUIRE_MESSAGE(r.ok, r.message);
  s.bundle = std::move(r.bundle);
  return s;
}

// Adds each file `needs` names (one a line); the files.
std::vector<std::string> add_needs(Sharded& s, const std::string& needs) {
  std::vector<std::string> files;
  for (size_t at = 0, end; at < needs.size(); at = end + 1) {
    end = std::min(needs.find('\n', at), needs.size());
    const std::string file = needs.substr(at, end - at);
    REQUIRE(s.files.count(file));
    quire::ChunkResult r = quire::add_post_file(s.bundle, file, s.files[file]);
    REQUIRE_MESSAGE(r.ok, r.message);
    files.push_back(file);
  }
  return files;
}

// Renders `path`, adding the files the view names until it needs none (as
// the app does); the files fetched, in order, and (`rounds`) how many
// fetches the reader waited for one after another.
std::vector<std::string> render_fetching(Sharded& s, const std::string& path, quire::View& out, int* rounds = nullptr) {
  std::vector<std::string> fetched;
  if (rounds) *rounds = 0;
  for (int round = 0; round < 5; ++round) {  // app.js: maxNeedRounds
    out = quire::render_view(s.bundle, quire::parse_route(path, s.bundle));
    // What opening a link needs (prefetching): a post's files (or a path's),
    // a home page's shards, in the same rounds; another list's, nothing.
    // A slug file's round of a view being shown also names the slug files
    // a missing page's view would list near posts from; prefetching names
    // the path's own alone.
    const quire::Route route = quire::parse_route(path, s.bundle);
    const std::string prefetch = quire::chunk_needed(s.bundle, route);
    if (route.kind == quire::RouteKind::Post || route.kind == quire::RouteKind::NotFound ||
        route.kind == quire::RouteKind::Home)
      CHECK(prefetch == (out.needs.rfind("chunks/slugs-", 0) == 0 ? out.needs.substr(0, out.needs.find('\n')) : out.needs));
    else
      CHECK(prefetch.empty());
    if (out.needs.empty()) break;
    if (rounds) ++*rounds;
    for (const std::string& file : add_needs(s, out.needs)) fetched.push_back(file);
  }
  return fetched;
}

}  // namespace

TEST_SUITE("shards") {
  TEST_CASE("a sharded bundle round-trips: each view renders as from the whole bundle, fetching only its shards") {
    const quire::Bundle full = posts(40);
    Sharded s = sharded(full, 8);  // 5 shards
    CHECK(s.split.index.find(R"("version":3)") != std::string::npos);
    CHECK(s.split.index.find(R"("posts":)") == std::string::npos);
    CHECK(s.split.index.find("Summary of") == std::string::npos);
    CHECK(s.split.index.find(R"("chunks":)") == std::string::npos);  // named by the shards' posts
    CHECK(s.bundle.chunks.empty());
    REQUIRE(s.bundle.shards.size() == 5);
    REQUIRE(s.bundle.posts.size() == 40);
    for (const quire::Post& p : s.bundle.posts) CHECK(p.stub);
    // Tags, categories and months come from the index, as the whole bundle has them.
    REQUIRE(s.bundle.tags.size() == full.tags.size());
    for (size_t i = 0; i < full.tags.size(); ++i) {
      CHECK(s.bundle.tags[i].name == full.tags[i].name);
      CHECK(s.bundle.tags[i].slug == full.tags[i].slug);
      CHECK(s.bundle.tags[i].posts == full.tags[i].posts);
    }
    REQUIRE(s.bundle.months.size() == full.months.size());
    for (size_t i = 0; i < full.months.size(); ++i) CHECK(s.bundle.months[i].posts == full.months[i].posts);

    SUBCASE("the home page needs the newest shard only; the tags index none") {
      quire::View v;
      CHECK(render_fetching(s, "/", v) == std::vector<std::string>{s.bundle.shards.back()});
      CHECK(render_fetching(s, "/tags/", v).empty());
    }
    SUBCASE("a month needs the shards its posts are in") {
      quire::View v;
      const std::vector<std::string> got = render_fetching(s, "/archive/2024/01/", v);  // posts 1..4: the oldest
      CHECK(got == std::vector<std::string>{s.bundle.shards.front()});
    }
    SUBCASE("a post needs its slug file, its shard, then its chunk (and its neighbours' and related posts' shards)") {
      quire::View v;
      const std::vector<std::string> got = render_fetching(s, "/posts/p20/", v);
      REQUIRE(got.size() >= 3);
      CHECK(got[0].rfind("chunks/slugs-", 0) == 0);
      CHECK(got[1].rfind("chunks/posts-", 0) == 0);
      CHECK(got.back().rfind("chunks/posts-", 0) == std::string::npos);  // the body's chunk, last
      CHECK(v.html.find("Text of post 20.") != std::string::npos);
      // An unknown slug: its slug file (the one there is, added) says so.
      CHECK(render_fetching(s, "/posts/nope/", v).empty());
      CHECK(v.status == 404);
    }
    SUBCASE("every view, its shards added, is the whole bundle's view byte for byte") {
      for (const char* path : {"/", "/page/2/", "/page/14/", "/tags/", "/tags/t1/", "/tags/t0+extra/",
                               "/tags/t2/page/2/", "/archive/", "/archive/2024/05/", "/posts/p1/", "/posts/p40/",
                               "/posts/p17/", "/search/"}) {
        CAPTURE(path);
        quire::View got;
        render_fetching(s, path, got);
        CHECK(got.needs.empty());
        // The whole bundle's bodies come from the same chunks.
        const quire::View want = quire::render_view(full, quire::parse_route(path, full));
        CHECK(got.status == want.status);
        CHECK(got.title == want.title);
        CHECK(got.html == want.html);
      }
    }
    SUBCASE("the widget names the shards too, then renders") {
      quire::WidgetRequest req;
      req.view = "latest";
      quire::WidgetView w = quire::render_widget(s.bundle, req);
      CHECK(w.status == 200);
      CHECK(w.needs == s.bundle.shards.back());
      REQUIRE(quire::add_post_file(s.bundle, w.needs, s.files[w.needs]).ok);
      w = quire::render_widget(s.bundle, req);
      CHECK(w.needs.empty());
      CHECK(w.html == quire::render_widget(full, req).html);
      req.view = "post";
      req.slug = "p3";
      for (int round = 0; round < 4 && !(w = quire::render_widget(s.bundle, req)).needs.empty(); ++round)
        add_needs(s, w.needs);
      CHECK(w.status == 200);
      CHECK(w.html == quire::render_widget(full, req).html);
    }
  }

  TEST_CASE("a large blog's archive (more posts than kArchiveTitlesUpTo) needs no shard: it lists months, not titles") {
    const quire::Bundle full = posts(static_cast<int>(quire::kArchiveTitlesUpTo) + 1);
    Sharded s = sharded(full, quire::kPostsPerShard);
    quire::View v;
    CHECK(render_fetching(s, "/archive/", v).empty());
    CHECK(v.status == 200);
    CHECK(v.html == quire::render_view(full, quire::parse_route("/archive/", full)).html);
    CHECK(v.html.find("href=\"/archive/2024/12/\"") != std::string::npos);
  }

  TEST_CASE("a new post changes the newest shard only") {
    quire::Bundle b = posts(20);
    Sharded before = sharded(b, 8);
    quire::Bundle more = posts(20);
    quire::Post extra = more.posts[0];
    extra.slug = std::string("zz");
    extra.date = std::string("2025-01-01");
    extra.when = *quire::parse_date("2025-01-01");
    more.posts.push_back(extra);
    more.index();
    Sharded after = sharded(more, 8);
    size_t same = 0;
    for (const std::string& shard : before.bundle.shards)
      for (const std::string& other : after.bundle.shards) same += shard == other;
    CHECK(same == 2);  // the two full ones, counted from the oldest
  }

  TEST_CASE("a bad shard is an error value and changes nothing") {
    const quire::Bundle full = posts(20);
    Sharded s = sharded(full, 8);
    const std::string& path = s.bundle.shards[0];
    const std::string good = s.files[path];
    auto refused = [&](const std::string& file, const std::string& bytes, const char* code, const char* message) {
      CAPTURE(bytes.substr(0, 80));
      quire::ChunkResult r = quire::add_post_file(s.bundle, file, bytes);
      CHECK_FALSE(r.ok);
      CHECK(r.code == code);
      CHECK_MESSAGE(r.message.find(message) != std::string::npos, r.message);
      for (const quire::Post& p : s.bundle.posts) CHECK(p.stub);
    };
    refused(path, good.substr(0, good.size() / 2), "parse", "");
    refused(path, "[]", "format", "expected a JSON object");
    std::string wrong = good;
    wrong.replace(wrong.find("quire-posts"), 11, "quire-chunk");
    refused(path, wrong, "format", "format: expected \"quire-posts\"");
    std::string version = good;
    version.replace(version.find("\"version\":2"), 11, "\"version\":3");
    refused(path, version, "version", "version: expected 2, got 3");
    // Another shard's posts at this path.
    refused(path, s.files[s.bundle.shards[1]], "schema", "from: expected 0 (this shard's place), got 8");
    std::string title = good;
    title.replace(title.find("\"title\":\"Post"), 13, "\"title\":5,\"x\":\"");
    refused(path, title, "schema", "posts[0].title: expected string, got number");
    std::string chunk = good;
    chunk.replace(chunk.find("\"chunk\":\"chunks/"), 16, "\"chunk\":\"../");
    refused(path, chunk, "schema", "posts[0].chunk: expected a relative path, got \"../");
    refused("chunks/elsewhere.json", good, "format", "format: expected \"quire-chunk\"");
    // The good one, after all that, loads.
    CHECK(quire::add_post_file(s.bundle, path, good).ok);
  }

  TEST_CASE("the index's lists of posts round-trip, small and large distances alike") {
    quire::Bundle b;
    b.posts.resize(70000);
    quire::TagInfo t;
    t.name = "C++";
    t.slug = quire::tag_slug(t.name);
    t.posts = {0, 1, 2, 33, 34, 1057, 32800, 69999};
    b.tags.push_back(t);
    b.months.push_back(quire::MonthInfo{2024, 5, {31, 32, 1055}});
    const std::string text = quire::write_post_index(b, 1000);
    CHECK(text.find("\nt c-plus-plus 8 AAA4A/4+/4bekO C++") != std::string::npos);
    quire::Bundle back;
    back.shards.resize(70);
    back.slug_files.resize(1);
    REQUIRE(quire::read_post_index(back, text).empty());
    REQUIRE(back.tags.size() == 1);
    CHECK(back.tags[0].posts == t.posts);
    CHECK(back.tags[0].name == "C++");
    REQUIRE(back.months.size() == 1);
    CHECK(back.months[0].posts == b.months[0].posts);
    CHECK(back.posts.size() == 70000);
    // A list cut short, or running past the last post, is refused.
    std::string cut = text;
    cut.replace(cut.find("8 AAA4"), 6, "9 AAA4");
    CHECK(quire::read_post_index(back, cut) == "line 2: expected \"t <slug> <count> <posts> <name>\"");
  }

  TEST_CASE("a bad slug file is an error value and changes nothing") {
    const quire::Bundle full = posts(20);
    Sharded s = sharded(full, 8);
    REQUIRE(s.bundle.slug_files.size() == 1);
    const std::string path = s.bundle.slug_files[0];
    const std::string good = s.files[path];
    CHECK(good.rfind("quire-slugs 3\n0 p1\n= 2024-01-02T10:00:00Z\t\"Post 1\"\n1 p2\n= 2024-01-03T10:00:00Z\t\"Post 2\"\n", 0) == 0);
    auto refused = [&](const std::string& bytes, const char* code, const char* message) {
      quire::ChunkResult r = quire::add_post_file(s.bundle, path, bytes);
      CHECK_FALSE(r.ok);
      CHECK(r.code == code);
      CHECK(r.message == message);
      CHECK(s.bundle.find_post("p1") == nullptr);
    };
    refused("quire-slugs 1\n0 p1", "format", "line 1: expected \"quire-slugs 3\"");
    refused("quire-slugs 2\n0 p1", "format", "line 1: expected \"quire-slugs 3\"");  // a version-2 bundle's
    refused("quire-slugs 3\n20 p1", "schema", "line 2: expected \"<position> <slug>\" (a position below 20)");
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\t\"A\"\n1 p1\n= 2024-01-02\t\"B\"", "schema", "\"p1\" given twice");
    refused("quire-slugs 3\n0 p/1", "schema", "line 2: the slug \"p/1\" does not belong here");
    // Each post's line is followed by its date and title, a tab between.
    const char* want_brief = "expected \"= <date><tab><title>\" (the post's on the line above)";
    refused("quire-slugs 3\n0 p1\n1 p2\n= 2024-01-03\t\"B\"", "schema", (std::string("line 3: ") + want_brief).c_str());
    refused("quire-slugs 3\n0 p1\n= 2024-01-02 \"A\"", "schema", (std::string("line 3: ") + want_brief).c_str());
    refused("quire-slugs 3\n0 p1\n= 2024-01-02", "schema", (std::string("line 3: ") + want_brief).c_str());
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\t\"A\"\n1 p2", "schema", (std::string("line 4: ") + want_brief).c_str());
    refused("quire-slugs 3\n0 p1\n= 2024-13-02\t\"A\"", "schema", "line 3: expected a date, got \"2024-13-02\"");
    const char* want_title = "line 3: expected the title as a JSON string, not empty";
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\tA", "schema", want_title);  // no quotes
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\t\"\"", "schema", want_title);
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\t\"A\\qB\"", "schema", want_title);  // no such escape
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\t\"A\" x", "schema", want_title);
    refused("quire-slugs 3\n0 p1\n= 2024-01-02\t\"A\xff\"", "schema", want_title);  // not UTF-8
    REQUIRE(quire::add_post_file(s.bundle, path, good).ok);
    REQUIRE(s.bundle.find_post("p1") == &s.bundle.posts[19]);
    const quire::Post& p1 = s.bundle.posts[19];
    CHECK(p1.stub);
    CHECK(p1.brief);  // its date and title, for a list of titles
    CHECK(p1.title == "Post 1");
    CHECK(p1.date == "2024-01-02T10:00:00Z");
    CHECK(p1.when.day == 2);
    CHECK(p1.summary.empty());
    // Its shard adds the rest; the post is whole.
    quire::View v;
    render_fetching(s, "/posts/p1/", v);
    CHECK_FALSE(p1.stub);
    CHECK_FALSE(p1.brief);
    CHECK(p1.summary == "Summary of 1.");
  }

  TEST_CASE("a title with a line break, a backslash or a tab is on one line of its slug file (a JSON string), and comes back whole") {
    quire::Bundle full = posts(20);
    const std::string title = "Two\nlines, a \\ and\r\n a\ttab \\n";
    full.posts[19].title = title;  // p1
    Sharded s = sharded(full, 8);
    const std::string& file = s.files[s.bundle.slug_files[0]];
    CHECK(file.rfind("quire-slugs 3\n0 p1\n= 2024-01-02T10:00:00Z\t\"Two\\nlines, a \\\\ and\\r\\n a\\ttab \\\\n\"\n1 p2\n", 0) == 0);
    quire::View v;
    render_fetching(s, "/posts/nope/", v);  // the slug file only
    CHECK(s.bundle.posts[19].stub);
    CHECK(s.bundle.posts[19].brief);
    CHECK(s.bundle.posts[19].title == title);
  }

  TEST_CASE("a 404 view of a blog of a few slug files looks among all their posts, still without shards") {
    // 700 posts: 3 slug files. The path's own file need not hold the post it means.
    const quire::Bundle full = posts(700);
    Sharded s = sharded(full, 64);
    REQUIRE(s.bundle.slug_files.size() == 3);
    REQUIRE(s.bundle.slug_files.size() <= quire::kNearSlugFiles);
    // A mistyped link to post n whose slug file is not the link's own.
    int n = 600;
    while (quire::slug_file_of("post-" + std::to_string(n) + "x", 3) == quire::slug_file_of("p" + std::to_string(n), 3)) ++n;
    const std::string link = "/posts/post-" + std::to_string(n) + "x/";
    quire::View v;
    int rounds = 0;
    const std::vector<std::string> got = render_fetching(s, link, v, &rounds);
    CHECK(v.status == 404);
    CHECK(got.size() == 3);  // the path's file and the two others; no shard
    CHECK(rounds == 1);      // together, not the path's first and the others after it
    for (const std::string& f : got) CHECK(f.rfind("chunks/slugs-", 0) == 0);
    // As the whole bundle suggests: every post is a candidate, post n first.
    CHECK(v.html.find("Post " + std::to_string(n) + "<") != std::string::npos);
    const quire::View whole = quire::render_view(full, quire::parse_route(link, full));
    const size_t at = whole.html.find("<div class=\"near-posts\">");
    REQUIRE(at != std::string::npos);
    CHECK(v.html.substr(v.html.find("<div class=\"near-posts\">")) == whole.html.substr(at));
  }

  TEST_CASE("a version-2 bundle (slug files without dates and titles) still loads and renders") {
    const quire::Bundle full = posts(20);
    Sharded s = sharded(full, 8);
    // Written as version 2 would be: its slug files without the "=" lines.
    std::string index = s.split.index;
    const size_t v = index.find(R"("version":3)");
    REQUIRE(v != std::string::npos);
    index.replace(v, 11, R"("version":2)");
    auto r = quire::load_bundle(index);
    REQUIRE_MESSAGE(r.ok, r.message);
    s.bundle = std::move(r.bundle);
    CHECK_FALSE(s.bundle.slug_briefs);
    const std::string path = s.bundle.slug_files[0];
    std::string v2 = "quire-slugs 2";
    const std::string& v3 = s.files[path];
    for (size_t at = v3.find('\n'), end; at != std::string::npos; at = end) {
      end = v3.find('\n', at + 1);
      const std::string line = v3.substr(at, end == std::string::npos ? std::string::npos : end - at);
      if (line.rfind("\n= ", 0) != 0) v2 += line;
    }
    CHECK(v2.rfind("quire-slugs 2\n0 p1\n1 p2\n", 0) == 0);
    quire::ChunkResult refused = quire::add_post_file(s.bundle, path, v3);
    CHECK_FALSE(refused.ok);
    CHECK(refused.message == "line 1: expected \"quire-slugs 2\"");
    s.files[path] = v2;
    quire::View got;
    for (const char* p : {"/posts/p1/", "/posts/nope/", "/", "/archive/2024/05/"}) {
      CAPTURE(p);
      render_fetching(s, p, got);
      const quire::View want = quire::render_view(full, quire::parse_route(p, full));
      CHECK(got.status == want.status);
      if (want.status == 200) CHECK(got.html == want.html);
    }
    CHECK_FALSE(s.bundle.posts[19].brief);
  }

  TEST_CASE("a 404 view lists the nearest posts its slug file names, with no shard fetched") {
    const quire::Bundle full = posts(40);
    Sharded s = sharded(full, 8);
    quire::View v;
    // A link by title words, no post's slug: the slug file of "post-1" is all that is fetched.
    const std::vector<std::string> got = render_fetching(s, "/posts/post-1/", v);
    REQUIRE(got.size() == 1);
    CHECK(got[0].rfind("chunks/slugs-", 0) == 0);
    CHECK(v.status == 404);
    REQUIRE(v.html.find("<div class=\"near-posts\">\n<h2>") != std::string::npos);
    // Each nearest post as the whole bundle's 404 view lists it: date, title, link.
    const quire::View whole = quire::render_view(full, quire::parse_route("/posts/post-1/", full));
    const size_t from = whole.html.find("<ul class=\"post-index\">");
    REQUIRE(from != std::string::npos);
    const std::string first_item = whole.html.substr(from, whole.html.find("</li>", from) - from);
    CHECK(v.html.find(first_item) != std::string::npos);
    for (const quire::Post& p : s.bundle.posts) CHECK(p.stub);  // no shard added
  }

  TEST_CASE("a bad index is refused with a message naming the line") {
    const quire::Bundle full = posts(10);
    const std::string index = sharded(full, 4).split.index;
    auto message = [&](const std::string& from, const std::string& to) {
      std::string doc = index;
      const size_t at = doc.find(from);
      REQUIRE(at != std::string::npos);
      doc.replace(at, from.size(), to);
      quire::LoadResult r = quire::load_bundle(doc);
      CHECK_FALSE(r.ok);
      return r.code + ": " + r.message;
    };
    CHECK(message(R"("index":"10 4 0)", R"("index":"10 x 0)") ==
          "schema: index: line 1: expected \"<posts: at most 1000000> <posts per shard: at most 1000> <0|1> [<0|1>]\"");
    CHECK(message("\\nt extra ", "\\nt Extra ") ==
          "schema: index: line 2: the slug \"Extra\" is not the name's (\"Extra\")");
    CHECK(message(R"("index":"10 4 0)", R"("index":"10 2 0)") ==
          "schema: index: names 5 shards for 10 posts, \"shards\" has 3");
    CHECK(message("\\nm 2024 11 ", "\\nm 2024 13 ") ==
          "schema: index: line 6: expected \"m <year> <month> <count> <posts>\"");
    // Version 1 knows no index: skipped like any unknown key.
    CHECK(message(R"("version":3)", R"("version":1)") == "schema: posts: missing (expected array)");
    CHECK(message(R"("index":)", R"("posts":[],"index":)") ==
          "schema: posts: not expected beside \"index\" (the posts are in the shards)");
    CHECK(message(R"("version":3)", R"("version":4)") ==
          "version: version: bundle version 4 is newer than this Quire supports (3); upgrade Quire");
  }

  TEST_CASE("a blog with a permalink pattern, own permalinks and aliases is sharded; every path renders as whole") {
    // Moved in from Jekyll/Hugo: dated paths, some posts elsewhere by their
    // own permalink (one not ASCII, one a .html file), old paths as aliases.
    const quire::Bundle full = posts(200, R"(,"permalink":"/:year/:month/:day/:slug/")", [](int i) -> std::string {
      std::string keys;
      if (i % 5 == 0) keys += R"(,"permalink":"/notes/)" + std::string(i % 10 ? "caf\u00e9-" : "n") + std::to_string(i) + "/\"";
      if (i == 7) keys += R"(,"permalink":"/old-site/p7.html")";
      if (i % 3 == 0) keys += R"(,"aliases":["/old/p)" + std::to_string(i) + R"(/","/blog/)" + std::to_string(i) + R"(.html"])";
      return keys;
    });
    Sharded s = sharded(full, 8);
    CHECK(s.split.index.find(R"("version":3)") != std::string::npos);
    CHECK(s.split.index.find(R"("index":"200 8 0 1\n)") != std::string::npos);  // paths 1
    CHECK(s.bundle.slug_files.size() == 3);  // 200 slugs, 200 paths, 132 aliases
    CHECK(s.bundle.slug_paths);
    CHECK(s.bundle.paths.empty());  // learned from slug files and shards
    std::vector<std::string> urls;  // every post's path and alias, as links write them
    for (const quire::Post& p : full.posts) {
      urls.push_back(quire::route_path(quire::post_route(p)));
      for (const quire::Text& a : p.aliases) urls.push_back("/" + quire::encode_path(quire::normal_path(a, false)));
    }
    REQUIRE(urls.size() == 200 + 2 * 66);
    CHECK(std::find(urls.begin(), urls.end(), "/notes/caf%C3%A9-5/") != urls.end());
    CHECK(std::find(urls.begin(), urls.end(), "/2024/01/03/p2/") != urls.end());

    SUBCASE("a post's path: its slug file (and the others, in case it is no post's), its shard, then its chunk") {
      quire::View v;
      int rounds = 0;
      const std::vector<std::string> got = render_fetching(s, "/notes/caf%C3%A9-15/", v, &rounds);
      REQUIRE(got.size() == 5);
      CHECK(rounds == 3);
      // Hovering a link to it (prefetching) fetches its own slug file alone.
      const Sharded fresh = sharded(full, 8);
      const std::string prefetch = quire::chunk_needed(fresh.bundle, quire::parse_route("/notes/caf%C3%A9-15/", fresh.bundle));
      CHECK(prefetch == got[0]);
      for (int k = 0; k < 3; ++k) CHECK(got[k].rfind("chunks/slugs-", 0) == 0);
      CHECK(got[3].rfind("chunks/posts-", 0) == 0);
      CHECK(got.back().rfind("chunks/posts-", 0) == std::string::npos);
      CHECK(v.status == 200);
      CHECK(v.html.find("Text of post 15.") != std::string::npos);
      // An alias: the same, and the view says where the post lives now.
      render_fetching(s, "/blog/9.html", v);
      CHECK(v.status == 200);
      CHECK(v.moved);
      CHECK(v.path == "/2024/01/10/p9/");
    }
    SUBCASE("every path and alias, and the lists, render as the whole bundle's views") {
      std::vector<std::string> all = urls;
      for (const char* path : {"/", "/page/3/", "/tags/t1/", "/archive/2024/05/", "/posts/p1/", "/posts/p5/",
                               "/2024/01/03/p5/", "/notes/nope/", "/old/p4/"})
        all.push_back(path);
      for (const std::string& path : all) {
        CAPTURE(path);
        quire::View got;
        render_fetching(s, path, got);
        CHECK(got.needs.empty());
        const quire::View want = quire::render_view(full, quire::parse_route(path, full));
        CHECK(got.status == want.status);
        CHECK(got.path == want.path);
        CHECK(got.moved == want.moved);
        if (got.status == 200) CHECK(got.html == want.html);  // a 404's nearest posts are those loaded
        CHECK(got.title == want.title);
      }
    }
    SUBCASE("the widget finds a post with a path by its slug") {
      quire::WidgetRequest req;
      req.view = "post";
      req.slug = "p10";
      quire::WidgetView w;
      for (int round = 0; round < 5 && !(w = quire::render_widget(s.bundle, req)).needs.empty(); ++round)
        add_needs(s, w.needs);
      CHECK(w.status == 200);
      CHECK(w.html == quire::render_widget(full, req).html);
    }
  }

  TEST_CASE("slug files with paths: a bad line or a taken path is an error value and changes nothing") {
    const quire::Bundle full = posts(6, R"(,"permalink":"/:year/:slug/")", [](int i) -> std::string {
      return i == 2 ? R"(,"aliases":["/old/two/"])" : "";
    });
    Sharded s = sharded(full, 4);
    REQUIRE(s.bundle.slug_files.size() == 1);
    const std::string path = s.bundle.slug_files[0];
    const std::string good = s.files[path];
    CHECK(good == "quire-slugs 3\n0 p1 /2024/p1/\n= 2024-01-02T10:00:00Z\t\"Post 1\"\n1 p2 /2024/p2/\n"
                  "= 2024-03-03T10:00:00Z\t\"Post 2\"\n1 p2 >/old/two/\n2 p3 /2024/p3/\n= 2024-05-04T10:00:00Z\t\"Post 3\"\n"
                  "3 p4 /2024/p4/\n= 2024-07-05T10:00:00Z\t\"Post 4\"\n4 p5 /2024/p5/\n= 2024-09-06T10:00:00Z\t\"Post 5\"\n"
                  "5 p6 /2024/p6/\n= 2024-11-07T10:00:00Z\t\"Post 6\"");
    auto refused = [&](const std::string& bytes, const char* message) {
      quire::ChunkResult r = quire::add_post_file(s.bundle, path, bytes);
      CHECK_FALSE(r.ok);
      CHECK(r.code == "schema");
      CHECK(r.message == message);
      CHECK(s.bundle.find_post("p1") == nullptr);
      CHECK(s.bundle.paths.empty());
    };
    refused("quire-slugs 3\n0 p1 2024/p1/", "line 2: expected \"<position> <slug> /<path>\" or \"<position> <slug> >/<path>\"");
    refused("quire-slugs 3\n0 p1 /a/\n= 2024-01-02\t\"A\"\n1 p2 /a/\n= 2024-01-02\t\"B\"", "\"a/\" given twice");
    refused("quire-slugs 3\n0 p1 /a/\n= 2024-01-02\t\"A\"\n0 p1 /b/\n= 2024-01-02\t\"A\"", "\"b/\" given twice");
    refused("quire-slugs 3\n0 p1 >/a/\n1 p2 >/a/", "\"a/\" given twice");  // an alias's line has no "=" line
    REQUIRE(quire::add_post_file(s.bundle, path, good).ok);
    CHECK(s.bundle.find_path("old/two/") == &s.bundle.posts[4]);
    CHECK(s.bundle.find_path("2024/p1/") == &s.bundle.posts[5]);
    // A shard whose post lives elsewhere than its slug file said is refused.
    const std::string& shard = s.bundle.shards[0];
    std::string moved = s.files[shard];
    const size_t at = moved.find(R"("slug":"p2")");
    REQUIRE(at != std::string::npos);
    moved.insert(at, R"("permalink":"/elsewhere/",)");
    quire::ChunkResult r = quire::add_post_file(s.bundle, shard, moved);
    CHECK_FALSE(r.ok);
    CHECK(r.message == "posts[2]: at /elsewhere/, its slug file says /2024/p2/");
    CHECK(s.bundle.posts[4].stub);
    CHECK(quire::add_post_file(s.bundle, shard, s.files[shard]).ok);
    CHECK(s.bundle.posts[4].path == "2024/p2/");
  }

  TEST_CASE("a sharded blog of no posts: what a view needs is what prefetching fetches, and no path waits for a post") {
    // fuzz_views found it: no shards but a slug file, and chunk_needed said nothing.
    for (const char* site : {"", R"(,"permalink":"/:year/:slug/")"}) {
      CAPTURE(site);
      Sharded s = sharded(posts(0, site), 8);
      REQUIRE(s.bundle.shards.empty());
      REQUIRE(s.bundle.slug_files.size() == 1);
      for (const char* path : {"/posts/a/", "/2024/a/", "/", "/nope"}) {
        CAPTURE(path);
        const quire::Route route = quire::parse_route(path, s.bundle);
        const quire::View v = quire::render_view(s.bundle, route);
        CHECK(quire::chunk_needed(s.bundle, route) == v.needs);
      }
      CHECK(quire::missing_path_file(s.bundle, "/2024/a/") == nullptr);
    }
  }
}
