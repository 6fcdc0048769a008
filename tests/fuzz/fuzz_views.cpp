// Target "views": router + every view + search + widget on a small bundle
// made from the input (FuzzedDataProvider): site settings, up to four posts
// (slug, title, date, tags, summary, body, an alias), a permalink pattern,
// optionally in the split form with one chunk loaded or sharded (version
// 2, post_shards.hpp: a shard a post or more), a path, a search query and
// a widget request. The bundle goes through write_bundle_json (or
// write_split_bundle) and load_bundle, as in production. Sharded: every
// file the build wrote adds; each post's path and alias, the lists and the
// input's path, their files added as the app adds a view's needs, render
// as the whole bundle's views (status; HTML and path where 200); then with
// every file added, the checks below run on it. Checks: the build's bundle loads; every
// route's view, app and document are valid UTF-8 with a status of 200 or
// 404; a route's canonical path routes back to it; the documents hold no
// script but the app's and JSON-LD that parses, no event handler and no
// javascript:/data: URL (with unsafe_html off); search finds exactly what
// a naive case-folded substring search finds; the widget answers 200, 400
// or 404 with valid UTF-8, an error message exactly when not 200, only ids
// under its prefix and nothing executable.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/permalink.hpp"
#include "core/post_shards.hpp"
#include "core/router.hpp"
#include "core/search.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"
#include "fuzz_check.hpp"
#include "html_scan.hpp"

namespace {

using quire::fuzz::excerpt;
using quire::fuzz::valid_utf8;
using quire::testing::HtmlToken;

std::string pick(FuzzedDataProvider& in, std::initializer_list<const char*> choices, size_t fuzzed_max) {
  const size_t i = in.ConsumeIntegralInRange<size_t>(0, choices.size());
  if (i == choices.size()) return in.ConsumeRandomLengthString(fuzzed_max);
  return *(choices.begin() + i);
}

std::string url_scheme(std::string_view value) {
  std::string cleaned;
  for (const char ch : value)
    if (static_cast<unsigned char>(ch) > 0x20 && ch != 0x7F) cleaned += ch;
  const size_t colon = cleaned.find(':');
  if (colon == std::string::npos || cleaned.find_first_of("/?#") < colon) return {};
  // A scheme starts with a letter (WHATWG URL): "-m:abc" is a relative path.
  if (!quire::testing::is_ascii_alpha(cleaned[0])) return {};
  return quire::testing::ascii_lowercase(cleaned.substr(0, colon));
}

// Nothing a browser would run: scripts only the app's own (under base) and
// JSON-LD that parses; no event handlers; no javascript:, vbscript: or
// data: URLs. `markup`: false when the site passes raw HTML through (then
// only JSON-LD is checked).
void check_inert(const std::string& html, const std::string& base, bool markup, const std::string& where) {
  FUZZ_CHECK(valid_utf8(html), "invalid UTF-8 in " + where);
  const std::vector<HtmlToken> tokens = quire::testing::tokenize_html(html);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const HtmlToken& t = tokens[i];
    if (t.kind != HtmlToken::Kind::start_tag) continue;
    const auto* type = quire::testing::find_attribute(t, "type");
    if (t.name == "script" && type && type->value && *type->value == "application/ld+json") {
      const std::string content = i + 1 < tokens.size() && tokens[i + 1].kind == HtmlToken::Kind::text
                                      ? tokens[i + 1].text : std::string();
      FUZZ_CHECK(!nlohmann::json::parse(content, nullptr, false).is_discarded(),
                 "JSON-LD that does not parse in " + where + ": " + excerpt(content));
      continue;
    }
    if (!markup) continue;
    if (t.name == "script") {
      const auto* src = quire::testing::find_attribute(t, "src");
      FUZZ_CHECK(src && src->value &&
                     (*src->value == base + quire::kAppScriptFile || *src->value == base + quire::kThemeScriptFile),
                 "a script that is not the app's in " + where);
    }
    FUZZ_CHECK(t.name != "iframe" && t.name != "object" && t.name != "embed" && t.name != "style",
               "<" + t.name + "> in " + where);
    for (const quire::testing::HtmlAttribute& a : t.attributes) {
      FUZZ_CHECK(a.name.rfind("on", 0) != 0, "event handler " + a.name + " in " + where);
      FUZZ_CHECK(!a.value || a.quote == '"', "attribute " + a.name + " not double-quoted in " + where);
      // A <meta content> is text (a description may begin "javascript:"),
      // except OpenGraph's and Twitter's URLs.
      const auto* property = quire::testing::find_attribute(t, "property");
      const auto* name = quire::testing::find_attribute(t, "name");
      const bool url_content = (property && property->value && property->value->find("og:") == 0 &&
                                (property->value->find("url") != std::string::npos ||
                                 property->value->find("image") != std::string::npos)) ||
                               (name && name->value && name->value->find("twitter:image") == 0);
      if (a.value && (a.name == "href" || a.name == "src" || a.name == "action" || (a.name == "content" && url_content))) {
        const std::string scheme = url_scheme(*a.value);
        FUZZ_CHECK(scheme != "javascript" && scheme != "vbscript" && scheme != "data",
                   a.name + "=\"" + excerpt(*a.value) + "\" in " + where);
      }
    }
  }
}

char32_t search_fold(char32_t cp) {  // search.hpp: never a letter into ASCII
  const char32_t folded = quire::fold_case(cp);
  return cp >= 0x80 && folded < 0x80 ? cp : folded;
}

std::string naive_fold(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const quire::DecodedChar d = quire::decode_utf8(text, i);
    quire::append_utf8(out, search_fold(d.cp));
    i += d.length;
  }
  return out;
}

std::vector<size_t> naive_search(const quire::Bundle& b, const quire::SearchWords& words) {
  std::vector<size_t> hits;
  bool any = false;
  for (const std::string& w : words.words) any = any || !w.empty();
  if (!any) return hits;
  for (size_t i = 0; i < b.posts.size(); ++i) {
    const quire::Post& p = b.posts[i];
    std::string hay = naive_fold(p.title) + '\n' + naive_fold(p.summary);
    for (const quire::Text& t : p.tags) hay += '\n' + naive_fold(t);
    if (b.chunks.empty()) hay += '\n' + naive_fold(p.body);
    bool all = true;
    for (const std::string& w : words.words)
      if (!w.empty() && hay.find(w) == std::string::npos) all = false;
    if (all) hits.push_back(i);
  }
  return hits;
}

bool same_route(const quire::Route& a, const quire::Route& b) {
  return a.kind == b.kind && a.page == b.page && a.slug == b.slug && a.tags == b.tags && a.year == b.year &&
         a.month == b.month && a.query == b.query;
}

// `whole`: the document and the app are read as HTML (the slow part);
// otherwise only the view's own HTML is, and the rest checked for UTF-8.
void check_route(const quire::Bundle& b, const std::string& path, bool whole) {
  const std::string& base = b.site.base_path;
  const quire::Route route = quire::parse_route(path, base);
  const std::string where = "route " + excerpt(path);
  FUZZ_CHECK(valid_utf8(route.slug) && valid_utf8(route.tag) && valid_utf8(route.query), where + ": not UTF-8");
  if (route.kind != quire::RouteKind::NotFound) {
    const std::string canonical = quire::route_path(route, base);
    const quire::Route back = quire::parse_route(canonical, base);
    FUZZ_CHECK(same_route(route, back), where + ": its canonical path " + excerpt(canonical) + " routes elsewhere");
  }
  const quire::View view = quire::render_view(b, route);
  FUZZ_CHECK(view.status == 200 || view.status == 404, where + ": status " + std::to_string(view.status));
  FUZZ_CHECK(valid_utf8(view.title) && valid_utf8(view.description) && valid_utf8(view.path), where + ": view text");
  FUZZ_CHECK(view.needs == quire::chunk_needed(b, route), where + ": needs and chunk_needed differ");
  const std::string document = quire::render_document(b, view);
  const std::string app = quire::render_app(b, view);
  if (whole) {
    check_inert(document, base, !b.site.unsafe_html, where + " (document)");
    check_inert(app, base, !b.site.unsafe_html, where + " (app)");
  } else {
    FUZZ_CHECK(valid_utf8(document) && valid_utf8(app), where + ": document or app not valid UTF-8");
    check_inert(view.html, base, !b.site.unsafe_html, where + " (view)");
  }
}

void check_widget(const quire::Bundle& b, const quire::WidgetRequest& request) {
  const quire::WidgetView w = quire::render_widget(b, request);
  const std::string where = "widget view=" + excerpt(request.view) + " tag=" + excerpt(request.tag) +
                            " month=" + excerpt(request.month) + " slug=" + excerpt(request.slug) +
                            " limit=" + excerpt(request.limit) + " link_base=" + excerpt(request.link_base) +
                            " id_prefix=" + excerpt(request.id_prefix);
  FUZZ_CHECK(w.status == 200 || w.status == 400 || w.status == 404, where + ": status " + std::to_string(w.status));
  FUZZ_CHECK(valid_utf8(w.error) && valid_utf8(w.title), where + ": error or title not UTF-8");
  if (w.status != 200) {
    FUZZ_CHECK(!w.error.empty() && w.html.empty(), where + ": a failure without a message, or with HTML");
    return;
  }
  FUZZ_CHECK(w.error.empty(), where + ": 200 with an error");
  std::string prefix;  // widget.hpp: the prefix's letters, digits, '-' and '_'
  for (const char c : request.id_prefix)
    if (quire::testing::is_ascii_alpha(c) || quire::testing::is_ascii_digit(c) || c == '-' || c == '_') prefix += c;
  check_inert(w.html, "", true, where);
  for (const HtmlToken& t : quire::testing::tokenize_html(w.html)) {
    FUZZ_CHECK(t.kind != HtmlToken::Kind::start_tag || t.name != "script", where + ": a script");
    const auto* id = t.kind == HtmlToken::Kind::start_tag ? quire::testing::find_attribute(t, "id") : nullptr;
    if (id && id->value)
      FUZZ_CHECK(id->value->rfind(prefix, 0) == 0, where + ": id " + excerpt(*id->value) + " without the prefix");
  }
}

// The sharded form: views rendered as the app renders them (needs added
// round by round) match the whole bundle's; then every file is added.
void check_sharded(const quire::SplitBundle& s, quire::Bundle& b, const quire::Bundle& whole, const std::string& path) {
  auto add = [&](const std::string& file) {
    for (const quire::SplitBundle::Chunk& c : s.chunks)
      if (c.path == file) {
        const quire::ChunkResult r = quire::add_post_file(b, c.path, c.json);
        FUZZ_CHECK(r.ok, "the build's file " + c.path + " does not add: " + r.message);
        return;
      }
    FUZZ_CHECK(false, "a view needs " + excerpt(file) + ", which the build did not write");
  };
  std::vector<std::string> paths = {path, b.site.base_path + path, b.site.base_path,
                                    quire::route_path(quire::home_route(2), b.site.base_path)};
  for (const quire::Post& p : whole.posts) {
    paths.push_back(quire::route_path(quire::post_route(p), b.site.base_path));
    paths.push_back(quire::route_path(quire::post_route(p.slug), b.site.base_path));
    for (const quire::Text& a : p.aliases) paths.push_back(b.site.base_path + quire::encode_path(quire::normal_path(a, false)));
  }
  for (const quire::TagInfo& t : whole.tags) paths.push_back(quire::route_path(quire::tag_route(t.slug), b.site.base_path));
  for (const quire::MonthInfo& m : whole.months)
    paths.push_back(quire::route_path(quire::month_route(m.year, m.month), b.site.base_path));
  for (const std::string& at : paths) {
    const quire::Route want_route = quire::parse_route(at, whole);
    if (want_route.kind == quire::RouteKind::Search) continue;  // no search index here: not the same search
    quire::View got;
    for (int round = 0; round < 6; ++round) {  // app.js: maxNeedRounds
      const quire::Route route = quire::parse_route(at, b);
      got = quire::render_view(b, route);
      if (route.kind == quire::RouteKind::Post || route.kind == quire::RouteKind::NotFound)
        FUZZ_CHECK(got.needs == quire::chunk_needed(b, route), "sharded " + excerpt(at) + ": needs and chunk_needed differ");
      if (got.needs.empty()) break;
      for (size_t i = 0, end; i < got.needs.size(); i = end + 1) {
        end = std::min(got.needs.find('\n', i), got.needs.size());
        add(got.needs.substr(i, end - i));
      }
    }
    const quire::View want = quire::render_view(whole, want_route);
    FUZZ_CHECK(got.needs.empty(), "sharded " + excerpt(at) + ": still needs " + excerpt(got.needs));
    FUZZ_CHECK(got.status == want.status, "sharded " + excerpt(at) + ": status " + std::to_string(got.status) +
                                              ", whole " + std::to_string(want.status));
    if (want.status == 200) {  // a 404 suggests among the posts loaded
      FUZZ_CHECK(got.path == want.path, "sharded " + excerpt(at) + ": at " + excerpt(got.path) + ", whole " + excerpt(want.path));
      FUZZ_CHECK(got.html == want.html, "sharded " + excerpt(at) + ": HTML differs from the whole bundle's");
    }
  }
  // Everything: shards and slug files first (a chunk's posts by slug), then chunks.
  for (int pass = 0; pass < 2; ++pass)
    for (const quire::SplitBundle::Chunk& c : s.chunks) {
      const bool entries = std::find(b.shards.begin(), b.shards.end(), c.path) != b.shards.end() ||
                           std::find(b.slug_files.begin(), b.slug_files.end(), c.path) != b.slug_files.end();
      if (entries != (pass == 0)) continue;
      const quire::ChunkResult r = quire::add_post_file(b, c.path, c.json);
      FUZZ_CHECK(r.ok, "the build's file " + c.path + " does not add: " + r.message);
    }
  for (const quire::Post& p : b.posts) FUZZ_CHECK(!p.stub, "a post still a stub with every file added");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  quire::Bundle built;
  quire::Site& site = built.site;
  site.title = in.ConsumeRandomLengthString(40);
  if (site.title.empty()) site.title = "Blog";
  site.description = in.ConsumeRandomLengthString(40);
  site.author = in.ConsumeRandomLengthString(20);
  site.url = pick(in, {"", "https://example.com", "https://example.com/blog"}, 40);
  if (!quire::valid_site_url(site.url)) site.url.clear();  // what the loader and the build accept
  site.base_path = pick(in, {"/", "/blog/"}, 20);
  if (!quire::valid_base_path(site.base_path)) site.base_path = "/";
  site.language = pick(in, {"en", "fr", "de", "es"}, 8);
  site.posts_per_page = in.ConsumeIntegralInRange(1, 3);
  site.feed_entries = in.ConsumeIntegralInRange(1, 3);
  if (in.ConsumeBool()) site.date_format = in.ConsumeRandomLengthString(40);
  site.unsafe_html = in.ConsumeBool();
  const bool split = in.ConsumeBool();

  const int posts = in.ConsumeIntegralInRange(0, 4);
  std::set<std::string> slugs;
  for (int i = 0; i < posts; ++i) {
    quire::Post p;
    std::string slug = in.ConsumeRandomLengthString(16);
    if (!quire::valid_slug(slug) || slugs.count(slug)) slug = "p" + std::to_string(i);
    slugs.insert(slug);
    p.slug = slug;
    std::string title = in.ConsumeRandomLengthString(30);
    p.title = title.empty() ? "T" : title;
    std::string date = in.ConsumeRandomLengthString(30);
    auto when = quire::parse_date(date);
    if (!when) {
      date = "2024-0" + std::to_string(in.ConsumeIntegralInRange(1, 3)) + "-1" + std::to_string(i) + "T10:00:00Z";
      when = quire::parse_date(date);
    }
    p.date = date;
    p.when = *when;
    for (int t = in.ConsumeIntegralInRange(0, 3); t > 0; --t) {
      std::string tag = in.ConsumeRandomLengthString(16);
      if (!quire::tag_slug(tag).empty()) p.tags.push_back(tag);
    }
    p.summary = in.ConsumeRandomLengthString(60);
    p.body = in.ConsumeRandomLengthString(400);
    p.has_body = true;
    if (in.ConsumeBool()) p.aliases.push_back(std::string("/old/" + slug + "/"));
    built.posts.push_back(std::move(p));
  }
  // Where posts live (permalink.hpp): their paths stay apart, as the build checks.
  const char* const patterns[] = {quire::kDefaultPermalink, "/:year/:month/:slug/", "/:slug.html", "/p/:year/:day/:slug/"};
  site.permalink = patterns[in.ConsumeIntegralInRange<size_t>(0, 3)];
  built.index();
  const std::string path = in.ConsumeRandomLengthString(60);
  const std::string query = in.ConsumeRandomLengthString(40);
  const size_t shard_posts = split ? in.ConsumeIntegralInRange<size_t>(0, 3) : 0;  // 0: version 1's split form

  // As the build writes it, and as the browser loads it.
  quire::LoadResult loaded;
  if (split && shard_posts > 0) {
    const quire::SplitBundle s = quire::write_split_bundle(built, quire::kChunkDir, 2, {}, shard_posts);
    loaded = quire::load_bundle(s.index);
    FUZZ_CHECK(loaded.ok, "the build's sharded index does not load: " + loaded.message);
    const quire::LoadResult whole = quire::load_bundle(quire::write_bundle_json(built));
    FUZZ_CHECK(whole.ok, "the build's bundle does not load: " + whole.message);
    if (!loaded.bundle.shards.empty() || !loaded.bundle.slug_files.empty())
      check_sharded(s, loaded.bundle, whole.bundle, path);
  } else if (split) {
    const quire::SplitBundle s = quire::write_split_bundle(built, quire::kChunkDir, 2, {}, 0);
    loaded = quire::load_bundle(s.index);
    FUZZ_CHECK(loaded.ok, "the build's split index does not load: " + loaded.message);
    if (!s.chunks.empty() && in.ConsumeBool()) {
      const quire::ChunkResult c = quire::add_chunk(loaded.bundle, s.chunks[0].json);
      FUZZ_CHECK(c.ok, "the build's chunk does not load: " + c.message);
    }
  } else {
    loaded = quire::load_bundle(quire::write_bundle_json(built));
    FUZZ_CHECK(loaded.ok, "the build's bundle does not load: " + loaded.message);
  }
  const quire::Bundle& b = loaded.bundle;

  // Search against a naive search.
  const quire::SearchWords words = quire::search_words(query);
  FUZZ_CHECK(words.words.size() <= quire::kMaxSearchWords, "more search words than the cap");
  // A word may hold NUL (it is searched for, never shown: the view shows
  // the query sanitised); nothing else invalid.
  for (const std::string& w : words.words) {
    std::string without_nul = w;
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    FUZZ_CHECK(valid_utf8(without_nul), "search word not UTF-8: " + excerpt(w));
  }
  FUZZ_CHECK(quire::search_posts(b, words) == naive_search(b, words),
             "search differs from a naive search for " + excerpt(query));

  // Every route, and the input's.
  std::vector<std::string> paths = {path, b.site.base_path + path, b.site.base_path};
  const auto add = [&](const quire::Route& r) { paths.push_back(quire::route_path(r, b.site.base_path)); };
  add(quire::home_route(2));
  add(quire::route_of(quire::RouteKind::TagsIndex));
  add(quire::route_of(quire::RouteKind::ArchiveIndex));
  for (int page : {1, 2}) {
    quire::Route search = quire::route_of(quire::RouteKind::Search);
    search.query = query;
    search.page = page;
    add(search);
  }
  const size_t first_post = paths.size();
  for (const quire::Post& p : b.posts) add(quire::post_route(p.slug));
  const size_t end_post = paths.size();
  for (const quire::TagInfo& t : b.tags) add(quire::tag_route(t.slug, 2));
  if (b.tags.size() >= 2) add(quire::tags_route({b.tags[0].slug, b.tags[1].slug}));
  for (const quire::MonthInfo& m : b.months) add(quire::month_route(m.year, m.month));
  // The input's own path and every post in whole (the document's head
  // holds JSON-LD), the other views' HTML alone.
  for (size_t i = 0; i < paths.size(); ++i) check_route(b, paths[i], i == 0 || (i >= first_post && i < end_post));

  // The widget: a request of each view, its fields from the input or the bundle.
  quire::WidgetRequest request;
  request.view = pick(in, {"latest", "post", "tag", "archive", "month"}, 10);
  request.tag = !b.tags.empty() && in.ConsumeBool() ? b.tags[0].name : in.ConsumeRandomLengthString(16);
  request.month = !b.months.empty() && in.ConsumeBool()
                      ? std::to_string(b.months[0].year) + "-" + (b.months[0].month < 10 ? "0" : "") +
                            std::to_string(b.months[0].month)
                      : in.ConsumeRandomLengthString(10);
  request.slug = !b.posts.empty() && in.ConsumeBool() ? b.posts[0].slug.str() : in.ConsumeRandomLengthString(16);
  request.limit = pick(in, {"", "1", "2"}, 6);
  request.link_base = pick(in, {"", "https://example.com/blog/"}, 40);
  request.bundle_base = pick(in, {"https://cdn.example/blog/"}, 40);
  request.id_prefix = pick(in, {"w1-", ""}, 8);
  request.back = in.ConsumeBool();
  check_widget(b, request);
  return 0;
}
