// Views: the HTML for each route, the same in the browser (WASM) and in the
// static pages written by `quire build`.
//
// Markup contract with web/ (the JS never builds markup of its own):
//   render_document() = a whole page: <head> + <body> holding
//     <div id="quire-app" data-base=.. data-bundle=.. data-route=..> the
//     chrome (skip link, header with nav, <main id="main">, footer) </div>
//     <div id="quire-status" aria-live="polite"> for route announcements.
//   render_app() = the inside of #quire-app for one route (what the app
//     swaps on navigation). render_view().html = the inside of <main>.
#pragma once

#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/search.hpp"

namespace quire {

struct View {
  int status = 200;        // 404 for NotFound and out-of-range pages/tags
  RouteKind kind = RouteKind::NotFound;
  std::string title;       // the document title
  std::string description; // plain text for <meta name="description">
  std::string path;        // canonical path (base_path included; for search
                           // without the query, for 404 base_path + "404.html")
  bool moved = false;      // the route was one of a post's aliases: the
                           // app replaces the URL with `path`
  bool noindex = false;    // not for search engines (a combination of tags,
                           // which no host has a page for): <meta
                           // name="robots">, and <main data-noindex> for the app
  std::string prev_path;   // rel="prev" (newer page), if any
  std::string next_path;   // rel="next" (older page), if any
  std::string html;        // inside of <main>
  // For the document's <head> (OpenGraph, JSON-LD, feed links); they point
  // into the bundle the view was rendered from.
  const Post* post = nullptr;    // Post views
  const TagInfo* tag = nullptr;  // Tag views
  bool category = false;   // TagsIndex and Tag views of categories (categories.hpp)
  std::string needs;       // split bundle: the chunk (path relative to the
                           // bundle) holding the body this view is missing;
                           // search: the index files (or chunks) it needs,
                           // one a line (search_query.hpp)
};

View render_view(const Bundle& bundle, const Route& route);
// How a post's or page's markdown is rendered wherever it is shown (its
// page, a summary, the widget, the feeds): the site's raw-HTML policy and
// iframe hosts, base path, smart punctuation, hard breaks, the post's math,
// and figures. Callers add what is theirs (ids, image sizes, code tokens).
MarkdownOptions post_markdown_options(const Site& site, const Post& post);
// A post's entry in the lists of summaries (home, tag and category pages),
// as they show it: its title, date, summary and tags. `first`: the entry
// opening its page, whose images load at once.
std::string summary_entry(const Bundle& bundle, size_t post, bool first);
// The same view, its lists taking entries[i] for post i where not first:
// the build renders every post's entry once (summary_entry(b, i, false)),
// not once per list it is on (a home page, each of its tags' pages).
View render_view(const Bundle& bundle, const Route& route, const std::vector<std::string>& entries);
std::string render_app(const Bundle& bundle, const View& view);
std::string render_document(const Bundle& bundle, const View& view);

// Names of the app's files under base_path, shared with the build.
inline constexpr const char* kBundleFile = "bundle.json";
inline constexpr const char* kStylesheetFile = "style.css";
inline constexpr const char* kAppScriptFile = "app.js";
inline constexpr const char* kApiScriptFile = "quire.js";         // the JS API (inside app.js as shipped)
inline constexpr const char* kFootnoteScriptFile = "footnote-preview.js";  // the widget's (inside app.js as shipped)
inline constexpr const char* kCoreScriptFile = "quire-core.js";   // imported by quire.js
inline constexpr const char* kCoreWasmFile = "quire-core.wasm";  // fetched by quire.js
inline constexpr const char* kThemeScriptFile = "theme.js";  // light/dark, in <head>
inline constexpr const char* kFaviconFile = "favicon.svg";  // web/'s, unless content/static has one
// Feeds (the site's under base_path, a tag's under its tag path) and
// discovery files. All need absolute URLs: they exist only when the site
// has a `url` (has_feeds).
inline constexpr const char* kAtomFeedFile = "feed.xml";
inline constexpr const char* kJsonFeedFile = "feed.json";
inline constexpr const char* kSitemapFile = "sitemap.xml";
inline constexpr const char* kRobotsFile = "robots.txt";
inline bool has_feeds(const Site& site) { return !site.url.empty(); }

// The archive index lists every post's title up to this many posts; a
// larger blog's lists its months with their counts (each a link to the
// month's page): a page of 10,000 titles took 75-136 ms to lay out, and
// as long again to leave, and its client render needed every post shard.
inline constexpr size_t kArchiveTitlesUpTo = 1000;

// Minutes to read a markdown text (text_stats in markdown.hpp: 220 words or
// 500 CJK characters a minute, at least 1).
int reading_minutes(std::string_view markdown);

// The chunk a route's view needs and does not have (split bundle), or
// "": for search, the files it needs, one a line.
std::string chunk_needed(const Bundle& bundle, const Route& route);

// Where a split bundle's chunk files go, under base_path.
inline constexpr const char* kChunkDir = "chunks/";

}  // namespace quire
