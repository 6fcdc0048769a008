// The search index, queries and snippets (src/core/search_*.hpp), and the
// quality set: queries with known answers over the sample blog (content/)
// and a generated blog.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "core/bundle.hpp"
#include "core/router.hpp"
#include "core/search_index.hpp"
#include "core/search_query.hpp"
#include "core/search_snippet.hpp"
#include "core/search_text.hpp"
#include "core/views.hpp"

namespace {

std::vector<std::string> terms(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : quire::search_tokens(text)) out.push_back(t.term);
  return out;
}
using S = std::vector<std::string>;

quire::Post post(std::string slug, std::string title, std::string date, std::vector<std::string> tags,
                 std::string body, std::string summary = "") {
  quire::Post p;
  p.slug = std::move(slug);
  p.title = std::move(title);
  p.date = std::move(date);
  for (auto& t : tags) p.tags.emplace_back(std::move(t));
  p.body = std::move(body);
  p.has_body = true;
  p.summary = std::move(summary);
  return p;
}

quire::Bundle small_blog() {
  quire::Bundle b;
  b.posts.push_back(post("perf", "Performance notes", "2026-09-30", {"performance"},
                         "## Caching\n\nWe measured the cold start. Performance matters for every reader.\n"));
  b.posts.push_back(post("foot", "Footnotes, properly", "2026-04-18", {"markdown", "footnotes"},
                         "Footnotes[^1] are numbered.\n\n[^1]: A note.\n"));
  b.posts.push_back(post("tokyo", "旅行の記録", "2026-03-01", {"travel"}, "東京都に行きました。Café au lait in Zürich.\n"));
  b.posts.push_back(post("quick", "A quick test", "2026-02-01", {"misc"},
                         "The quick brown fox jumps over the lazy dog. Footnotes are mentioned here too.\n"));
  b.posts.push_back(post("brown", "Brown and quick", "2026-01-01", {"misc", "markdown"},
                         "A fox, brown; it was quick. The zebra is unique to this post.\n"));
  b.index();
  return b;
}

quire::Bundle indexed(quire::Bundle b, size_t shard_bytes = quire::kShardBytes) {
  quire::attach_search_index(b, quire::write_search_index(b, shard_bytes));
  return b;
}

std::vector<std::string> slugs(const quire::Bundle& b, std::string_view q) {
  std::vector<std::string> out;
  const quire::SearchRun r = quire::run_search(b, q);
  REQUIRE(r.needs.empty());
  for (size_t i : r.hits) out.push_back(b.posts[i].slug.str());
  return out;
}

std::string first(const quire::Bundle& b, std::string_view q) {
  auto s = slugs(b, q);
  return s.empty() ? std::string("(none)") : s[0];
}

}  // namespace

TEST_SUITE("search") {
  TEST_CASE("terms are folded for case and Latin accents, split at punctuation") {
    CHECK(terms("Hello, WORLD!") == S{"hello", "world"});
    CHECK(terms("Café Zürich ŒUVRE naïve") == S{"cafe", "zurich", "œuvre", "naive"});
    CHECK(terms("ΣΟΦΙΑ Москва") == S{"σοφια", "москва"});
    CHECK(terms("e-mail don't snake_case") == S{"e", "mail", "don", "t", "snake", "case"});
    CHECK(terms("Cafe\xCC\x81") == S{"cafe"});  // a combining accent is dropped
    CHECK(terms("emoji🙂inside") == S{"emoji", "inside"});
    CHECK(terms("") == S{});
    CHECK(terms("\xFF\xFE bad") == S{"bad"});  // invalid UTF-8 separates
    CHECK(terms(std::string(100, 'a'))[0].size() == quire::kMaxTermBytes);
    CHECK(terms(std::string(100, 'A') + " B") == S{std::string(quire::kMaxTermBytes, 'a'), "b"});
  }

  TEST_CASE("a token's offsets span its word as written, ASCII and not") {
    const auto t = quire::search_tokens("  Hello, W\xC3\xB6rld42!x");
    REQUIRE(t.size() == 3);
    CHECK(t[0].term == "hello");
    CHECK(t[0].begin == 2);
    CHECK(t[0].end == 7);
    CHECK(t[1].term == "world42");
    CHECK(t[1].begin == 9);
    CHECK(t[1].end == 17);
    CHECK(t[2].term == "x");
    CHECK(t[2].begin == 18);
    CHECK(t[2].end == 19);
  }

  TEST_CASE("CJK text becomes character bigrams, with offsets into the text") {
    CHECK(terms("東京都") == S{"東京", "京都"});
    CHECK(terms("東") == S{"東"});
    CHECK(terms("abc東京def") == S{"abc", "東京", "def"});
    auto t = quire::search_tokens("x 東京都");
    REQUIRE(t.size() == 3);
    CHECK(t[1].begin == 2);
    CHECK(t[1].end == 8);
  }

  TEST_CASE("one edit: insert, delete, change, swap") {
    CHECK(quire::one_edit_apart("performence", "performance"));
    CHECK(quire::one_edit_apart("footnote", "footnotes"));
    CHECK(quire::one_edit_apart("footnotes", "footnote"));
    CHECK(quire::one_edit_apart("fotonotes", "footnotes"));
    CHECK_FALSE(quire::one_edit_apart("footnotes", "footnotes"));
    CHECK_FALSE(quire::one_edit_apart("fotnoets", "footnotes"));
    CHECK(quire::one_edit_apart("zürich", "zurich"));
  }

  TEST_CASE("the index round-trips through its files, in one shard or many") {
    for (size_t bytes : {size_t(1) << 20, size_t(64)}) {
      CAPTURE(bytes);
      quire::Bundle b = small_blog();
      const quire::SearchFiles files = quire::write_search_index(b, bytes);
      if (bytes == 64) CHECK(files.shards.size() > 3);
      else CHECK(files.shards.size() == 1);
      quire::attach_search_index(b, files);
      REQUIRE(b.search_index);
      for (auto& s : b.search_index->shards) CHECK(s.shard);
      CHECK(slugs(b, "zebra") == S{"brown"});
      S fox = slugs(b, "fox");
      std::sort(fox.begin(), fox.end());
      CHECK(fox == S{"brown", "quick"});
    }
  }

  TEST_CASE("the bundle names its search index; a bad name is a schema error") {
    const std::string head = R"({"format":"quire-bundle","version":1,"site":{"title":"S"},)";
    const std::string posts = R"("posts":[{"slug":"a","title":"A","date":"2024-01-01"}]})";
    auto ok = quire::load_bundle(head + R"("search":"search/index-0123456789abcdef.bin",)" + posts);
    REQUIRE(ok.ok);
    CHECK(ok.bundle.search == "search/index-0123456789abcdef.bin");
    auto number = quire::load_bundle(head + R"("search":3,)" + posts);
    CHECK(number.message == "search: expected string, got number");
    auto up = quire::load_bundle(head + R"("search":"../x.bin",)" + posts);
    CHECK(up.message == "search: expected a relative path, got \"../x.bin\"");
    // Written back as read.
    CHECK(quire::write_bundle_json(ok.bundle).find(R"("search":"search/index-0123456789abcdef.bin")") != std::string::npos);
  }

  TEST_CASE("a query names the files it needs, and runs once they are added") {
    quire::Bundle b = small_blog();
    const quire::SearchFiles files = quire::write_search_index(b, 64);
    b.search = files.boundary.path;
    auto r = quire::run_search(b, "zebra");
    REQUIRE(r.needs == S{files.boundary.path});
    REQUIRE(quire::add_search_file(b, r.needs[0], files.boundary.bytes).ok);
    r = quire::run_search(b, "zebra");
    REQUIRE(r.needs.size() == 1);
    CHECK(r.needs[0] != files.boundary.path);
    for (const auto& f : files.shards)
      if (f.path == r.needs[0]) REQUIRE(quire::add_search_file(b, f.path, f.bytes).ok);
    r = quire::run_search(b, "zebra");
    CHECK(r.needs.empty());
    REQUIRE(r.hits.size() == 1);
    // Only one of the many shards was read.
    size_t loaded = 0;
    for (auto& s : b.search_index->shards) loaded += s.shard != nullptr;
    CHECK(loaded == 1);
  }

  TEST_CASE("a corrupt or foreign file is an error value, never a read past its end") {
    quire::Bundle b = small_blog();
    const quire::SearchFiles files = quire::write_search_index(b, 64);
    quire::SearchIndex index;
    index.path = "search/x.bin";
    SUBCASE("valid input") { CHECK(quire::read_search_boundary(files.boundary.bytes, index).ok); }
    SUBCASE("invalid input") {
      CHECK(quire::read_search_boundary("", index).message == "search/x.bin: not a search index file");
      std::string newer = files.boundary.bytes;
      newer[3] = 9;
      CHECK(quire::read_search_boundary(newer, index).message.find("version 9, this Quire reads version " +
                                                                  std::to_string(quire::kSearchIndexVersion)) !=
            std::string::npos);
      // Every cut and every flipped byte of a typo shard.
      REQUIRE(!files.typo_shards.empty());
      const std::string& typo = files.typo_shards[0].bytes;
      for (size_t cut = 0; cut < typo.size(); ++cut) {
        quire::TypoShard t;
        auto r = quire::read_typo_shard(typo.substr(0, cut), t, "t");
        CHECK_FALSE(r.ok);
        CHECK(r.code == "search-index");
      }
      for (size_t at = 0; at < typo.size(); ++at) {
        std::string bad = typo;
        bad[at] = static_cast<char>(bad[at] ^ 0xA5);
        quire::TypoShard t;
        if (quire::read_typo_shard(bad, t, "t").ok)
          for (auto& e : t.entries) CHECK(e.key.find('\0') != std::string::npos);
      }
      // Every cut and every flipped byte of a shard and the boundary file.
      for (const std::string& whole : {files.boundary.bytes, files.shards[1].bytes}) {
        const bool boundary = &whole == &files.boundary.bytes || whole == files.boundary.bytes;
        for (size_t cut = 0; cut < whole.size(); ++cut) {
          const std::string part = whole.substr(0, cut);
          quire::SearchShard s;
          auto r = boundary ? quire::read_search_boundary(part, index) : quire::read_search_shard(part, 5, s, "s");
          CHECK_FALSE(r.ok);
          CHECK(r.code == "search-index");
        }
        for (size_t at = 0; at < whole.size(); ++at) {
          std::string bad = whole;
          bad[at] = static_cast<char>(bad[at] ^ 0xA5);
          quire::SearchShard s;
          if (boundary) (void)quire::read_search_boundary(bad, index);
          else if (quire::read_search_shard(bad, 5, s, "s").ok)
            for (auto& t : s.terms) {  // what passes the checks decodes within bounds
              std::vector<quire::Posting> p;
              s.decode(t, p);
              CHECK(p.size() == t.df);
              for (auto& x : p) CHECK(x.post < 5);
            }
        }
      }
      // A shard whose postings name a post the bundle does not have.
      quire::SearchShard s;
      CHECK_FALSE(quire::read_search_shard(files.shards[1].bytes, 0, s, "s").ok);
      // A stale index (another post count).
      quire::Bundle other = small_blog();
      other.posts.pop_back();
      other.index();
      other.search = files.boundary.path;
      CHECK(quire::add_search_file(other, files.boundary.path, files.boundary.bytes).message.find("stale") !=
            std::string::npos);
      CHECK_FALSE(quire::add_search_file(b, "search/nope.bin", "x").ok);
    }
  }

  TEST_CASE("ranking, prefix, typo, phrase, exclusion, tag filter, CJK") {
    const quire::Bundle b = indexed(small_blog());
    CHECK(first(b, "performance") == "perf");        // title beats body
    CHECK(first(b, "footnotes") == "foot");
    CHECK(slugs(b, "quick brown") == S{"brown", "quick"});  // both hold both; "brown" has both in its title
    CHECK(slugs(b, "measu") == S{"perf"});           // the last word as a prefix
    CHECK(slugs(b, "measu ").empty());               // not once a space follows
    auto typo = quire::run_search(b, "performence");
    CHECK(typo.corrected == "performance");
    CHECK(!typo.hits.empty());
    CHECK(b.posts[typo.hits[0]].slug == "perf");
    CHECK(quire::run_search(b, "perf").corrected.empty());
    // A typo in the first letter: changed, missing, one too many, swapped.
    CHECK(quire::run_search(b, "gerformance").corrected == "performance");
    CHECK(quire::run_search(b, "erformance").corrected == "performance");
    CHECK(quire::run_search(b, "aperformance").corrected == "performance");
    CHECK(quire::run_search(b, "eprformance").corrected == "performance");
    CHECK(first(b, "gerformance") == "perf");
    CHECK(quire::run_search(b, "xyzformance").corrected.empty());  // two edits
    CHECK(slugs(b, "\"quick brown\"") == S{"quick"});  // the words in that order
    CHECK(slugs(b, "fox -lazy") == S{"brown"});
    CHECK(slugs(b, "quick tag:markdown") == S{"brown"});
    CHECK(slugs(b, "tag:misc") == S{"quick", "brown"});  // newest first
    CHECK(slugs(b, "tag:nosuch").empty());
    CHECK(slugs(b, "東京") == S{"tokyo"});
    CHECK(slugs(b, "京都") == S{"tokyo"});
    CHECK(slugs(b, "zurich cafe") == S{"tokyo"});
    CHECK(slugs(b, "ZÜRICH") == S{"tokyo"});
    CHECK(slugs(b, "zebra quick fox brown unique") == S{"brown"});
    CHECK(slugs(b, "zebra lazy").empty());           // every word
  }

  TEST_CASE("snippets mark the matched words in escaped text") {
    std::vector<quire::SearchMark> m{{"fox", false}, {"qui", true}};
    CHECK(quire::search_snippet("The quick <b> fox.", m) == "The <mark>quick</mark> &lt;b&gt; <mark>fox</mark>.");
    const std::string long_text = std::string(300, 'x') + " and then the fox ran " + std::string(300, 'y');
    const std::string s = quire::search_snippet(long_text, m, 60);
    CHECK(s.find("<mark>fox</mark>") != std::string::npos);
    CHECK(s.rfind("…", 0) == 0);
    // A mark far into a text of many words is in its snippet.
    std::string words;
    for (int i = 0; i < 40; ++i) words += "Some words. ";
    CHECK(quire::search_snippet(words + "Later the fox ran off.", m).find("<mark>fox</mark> ran") != std::string::npos);
    CHECK(quire::search_snippet("nothing here", m) == "nothing here");
    std::vector<quire::SearchMark> cjk{{"東京", false}, {"京都", false}};
    CHECK(quire::search_snippet("東京都です", cjk) == "<mark>東京</mark><mark>都</mark>です");
  }

  TEST_CASE("snippets come from prose; from code only when the match is only there") {
    const std::vector<quire::SearchMark> m{{"fox", false}};
    std::string filler;
    for (int i = 0; i < 40; ++i) filler += "Some words. ";
    const std::string body = "Intro words here.\n\n```js\nfox(fox, fox); // fox\n```\n\n" + filler +
                             "\n\nLater the brown fox ran off.\n";
    const std::string s = quire::markdown_snippet(body, m);
    CHECK(s.find("brown <mark>fox</mark> ran") != std::string::npos);
    CHECK(s.find("<mark>fox</mark>(") == std::string::npos);
    const std::string code_only = "Intro words here.\n\n```js\nlet zebra = 1;\n```\n";
    CHECK(quire::markdown_snippet(code_only, {{"zebra", false}}).find("<mark>zebra</mark>") != std::string::npos);
    CHECK(quire::markdown_snippet(code_only, {{"nothing", false}}) == "Intro words here.");
    CHECK(quire::markdown_snippet("", m).empty());
    // The search view takes its snippets from the prose too.
    quire::Bundle b = small_blog();
    b.posts[0].body = "```\ncold cold cold cold\n```\n\n" + filler + "\n\nThe cold start, measured.\n";
    b = indexed(std::move(b));
    auto v = quire::render_view(b, quire::parse_route("/search/?q=cold", b));
    CHECK(v.html.find("The <mark>cold</mark> start") != std::string::npos);
    CHECK(v.html.find("<mark>cold</mark> <mark>cold</mark>") == std::string::npos);
  }

  TEST_CASE("categories kept apart are indexed like tags, with a category: filter") {
    quire::Bundle b = small_blog();
    b.site.categories = true;
    b.posts[0].categories = {"Kitchen Recipes"};
    b.posts[3].categories = {"Garden"};
    b.index();
    b = indexed(std::move(b));
    CHECK(slugs(b, "recipes") == S{"perf"});
    CHECK(slugs(b, "kitchen") == S{"perf"});
    CHECK(slugs(b, "quick category:garden") == S{"quick"});
    CHECK(slugs(b, "quick category:nosuch").empty());
    CHECK(slugs(b, "category:kitchen-recipes") == S{"perf"});
  }

  TEST_CASE("the search view shows ranked results with snippets, a correction, and help when empty") {
    const quire::Bundle b = indexed(small_blog());
    auto v = quire::render_view(b, quire::parse_route("/search/?q=performence", b));
    CHECK(v.needs.empty());
    CHECK(v.html.find("Showing results for “<a href=\"/search/?q=performance\">performance</a>”") != std::string::npos);
    CHECK(v.html.find("<mark>Performance</mark>") != std::string::npos);
    auto empty = quire::render_view(b, quire::parse_route("/search/", b));
    CHECK(empty.html.find("class=\"search-help\"") != std::string::npos);
    CHECK(empty.html.find("Newest posts") != std::string::npos);
    auto none = quire::render_view(b, quire::parse_route("/search/?q=qqqqqqqq", b));
    CHECK(none.html.find("0 posts match") != std::string::npos);
    CHECK(none.html.find("browse the tags") != std::string::npos);
  }

  TEST_CASE("the 404 view suggests the nearest posts and fills the box with the path's words") {
    const quire::Bundle b = indexed(small_blog());
    auto v = quire::render_view(b, quire::parse_route("/posts/footnote-properly/", b));
    CHECK(v.status == 404);
    CHECK(v.html.find("Were you looking for") != std::string::npos);
    CHECK(v.html.find("href=\"/posts/foot/\"") != std::string::npos);
    CHECK(v.html.find("value=\"footnote properly\"") != std::string::npos);
  }
}

// ---- the quality set: queries with known answers -------------------------

namespace {

struct Expect {
  const char* query;
  const char* first;     // the post ranked first ("" when only `holds` is checked)
  const char* holds;     // a post among the results ("" none)
  int at_most = -1;      // results at most (-1: any number)
};

// Runs a query as the browser does: adding only the files it names, until
// it names none; counts the files fetched.
quire::SearchRun run_fetching(quire::Bundle& b, const quire::SearchFiles& files, std::string_view q, size_t& fetched) {
  for (int round = 0; round < 6; ++round) {
    quire::SearchRun r = quire::run_search(b, q);
    if (r.needs.empty()) return r;
    for (const std::string& need : r.needs) {
      ++fetched;
      if (need == files.boundary.path) REQUIRE(quire::add_search_file(b, need, files.boundary.bytes).ok);
      for (const auto* list : {&files.shards, &files.typo_shards})
        for (const auto& f : *list)
          if (f.path == need) REQUIRE(quire::add_search_file(b, need, f.bytes).ok);
    }
  }
  FAIL("a query kept asking for files");
  return {};
}

size_t score(quire::Bundle& b, const quire::SearchFiles& files, const std::vector<Expect>& set) {
  size_t passed = 0;
  for (const Expect& e : set) {
    size_t fetched = 0;
    const quire::SearchRun r = run_fetching(b, files, e.query, fetched);
    std::vector<std::string> got;
    for (size_t i : r.hits) got.push_back(b.posts[i].slug.str());
    bool ok = !got.empty() || (!*e.first && !*e.holds);
    if (*e.first) ok = ok && got[0] == e.first;
    if (*e.holds) ok = ok && std::find(got.begin(), got.end(), e.holds) != got.end();
    if (e.at_most >= 0) ok = ok && got.size() <= static_cast<size_t>(e.at_most);
    if (!ok) {
      std::string list;
      for (size_t k = 0; k < got.size() && k < 5; ++k) list += got[k] + " ";
      MESSAGE("quality miss: ", std::string(e.query), " -> ", list);
    }
    passed += ok;
  }
  return passed;
}

}  // namespace

TEST_SUITE("search") {
  TEST_CASE("quality set over the sample blog: titles first, body words, typos, prefixes, phrases, filters") {
    quire::ContentOptions o;
    o.future = true;
    quire::ContentResult c = quire::load_content(QUIRE_SOURCE_DIR "/content", o);
    REQUIRE(c.ok());
    quire::Bundle& b = c.bundle;
    const quire::SearchFiles files = quire::write_search_index(b, 4096);
    b.search = files.boundary.path;
    const std::vector<Expect> set = {
        {"Hello, Quire", "hello-quire", ""},
        {"Getting started", "getting-started", ""},
        {"Writing posts and front matter", "front-matter", ""},
        {"Footnotes, properly", "footnotes-properly", ""},
        {"A tour of Quire markdown", "a-tour-of-quire-markdown", ""},
        {"Tags and archives", "tags-and-archives", ""},
        {"Links for May", "links-for-may", ""},
        {"Deploying to a CDN", "deploying-to-a-cdn", ""},
        {"Embedding the widget", "embedding-the-widget", ""},
        {"configuration", "configuration", ""},
        {"Security, by default", "security-by-default", ""},
        {"The command line", "cli", ""},
        {"Performance notes", "performance-notes", ""},
        {"Links for October", "links-for-october", ""},
        {"security", "security-by-default", ""},
        {"footnotes", "footnotes-properly", ""},  // was 8th by date before ranking
        {"blockquotes", "", "a-tour-of-quire-markdown"},  // words only in a body
        {"abbreviated", "configuration", "", 1},
        {"callbacks", "", "links-for-may"},
        {"clickable", "", "security-by-default"},
        {"compilers", "", "cli"},
        {"ambiguity", "", "links-for-may"},
        {"performence", "performance-notes", ""},  // one typo
        {"cloudfrnt", "", "deploying-to-a-cdn"},
        {"blockqoutes", "", "a-tour-of-quire-markdown"},
        {"ferformance", "performance-notes", ""},  // a typo in the first letter
        {"lbockquotes", "", "a-tour-of-quire-markdown"},
        {"loudfront", "", "deploying-to-a-cdn"},
        {"netl", "", "deploying-to-a-cdn"},  // prefix while typing
        {"bookbind", "", "footnotes-properly"},
        {"\"non-zero exit code\"", "cli", "", 1},  // phrase
        {"\"exit code\"", "", "cli"},
        {"cloudfront -shadow", "deploying-to-a-cdn", "", 1},  // exclusion
        {"markdown tag:links", "links-for-may", "", 2},   // tag filter
        {"quire tag:footnotes", "", "footnotes-properly"},
        {"zzzzqqq", "", "", 0},
    };
    const size_t passed = score(b, files, set);
    MESSAGE("sample blog quality: ", passed, "/", set.size());
    CHECK(passed == set.size());
  }

  TEST_CASE("quality set over a generated blog of 2,000 posts, read a shard at a time") {
    // Words from syllables, a deterministic PRNG; every post a unique word,
    // some CJK sentences.
    uint32_t seed = 12345;
    auto next = [&] {
      seed = seed * 1664525u + 1013904223u;
      return seed >> 8;
    };
    const char* syllables[] = {"ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "pe", "du", "ga", "fo", "ze", "hu",
                               "ri", "wa", "be", "xo", "ly", "qua"};
    std::vector<std::string> vocab;
    for (int i = 0; i < 3000; ++i) {
      std::string w;
      const int n = 2 + static_cast<int>(next() % 3);
      for (int k = 0; k < n; ++k) w += syllables[next() % 20];
      vocab.push_back(w);
    }
    auto unique_word = [](size_t i) {
      std::string w = "uniq";
      for (size_t k = i + 1; k; k /= 26) w += static_cast<char>('a' + k % 26);
      return w;
    };
    quire::Bundle b;
    const size_t n = 2000;
    for (size_t i = 0; i < n; ++i) {
      std::string title = vocab[next() % 3000] + " " + vocab[next() % 3000] + " " + vocab[next() % 3000];
      std::string body = "## " + vocab[next() % 3000] + "\n\n";
      for (int k = 0; k < 200; ++k) body += vocab[next() % 3000] + (k % 12 == 11 ? ".\n" : " ");
      body += " " + unique_word(i) + " closes this post.\n";
      if (i % 100 == 7) body += "\n東京都庁の展望台" + std::to_string(i) + "\n";
      char date[16];
      std::snprintf(date, sizeof date, "20%02zu-%02zu-%02zu", 10 + i / 300, 1 + i / 25 % 12, 1 + i % 28);
      b.posts.push_back(post("p" + std::to_string(i), title, date, {"t" + std::to_string(i % 40)}, body));
    }
    b.index();
    const quire::SearchFiles files = quire::write_search_index(b);
    CHECK(files.shards.size() > 10);
    b.search = files.boundary.path;
    std::vector<Expect> set;
    // Titles rank their post first; unique words find theirs alone.
    std::vector<std::pair<std::string, std::string>> pairs;
    for (size_t i : {3u, 150u, 999u, 1500u, 1999u}) {
      const quire::Post& p = b.posts[i];
      pairs.emplace_back(p.title.str(), p.slug.str());
      const size_t number = std::stoul(p.slug.str().substr(1));
      pairs.emplace_back(unique_word(number), p.slug.str());
      std::string typo = unique_word(number);
      std::swap(typo[1], typo[2]);  // "unqi..."
      pairs.emplace_back(typo, p.slug.str());
      typo = unique_word(number);
      typo[0] = 'x';  // "xniq...": the first letter
      pairs.emplace_back(typo, p.slug.str());
    }
    for (auto& [q, slug] : pairs) set.push_back({q.c_str(), slug.c_str(), ""});
    set.push_back({"東京都", "", "p7"});
    set.push_back({"\"都庁の展望台1507\"", "p1507", "", 1});
    set.push_back({"uniqc -uniqc", "", "", 0});
    const size_t passed = score(b, files, set);
    MESSAGE("generated blog quality: ", passed, "/", set.size());
    CHECK(passed == set.size());
    // A one-word query reads the boundary file and one shard, not the index.
    quire::Bundle fresh = b;
    fresh.search_index.reset();
    size_t fetched = 0;
    run_fetching(fresh, files, pairs[1].first + " ", fetched);  // typed out: not a prefix
    CHECK(fetched == 2);
  }
}
