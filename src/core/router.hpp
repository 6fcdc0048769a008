// Routes: the one table mapping URL paths to views, both ways.
//
//   /                        Home, page 1
//   /page/<n>/               Home, page n (n >= 2; /page/1/ is Home too)
//   /posts/<slug>/           Post, under the default permalink pattern;
//                            with a site `permalink` pattern or a post's
//                            own `permalink`, the post's path
//                            (permalink.hpp: e.g. /2016/10/06/<slug>/ or
//                            /2016/10/06/<slug>.html), and each of its
//                            `aliases`/`redirect_from` paths (Post,
//                            alias: the static page there redirects, the
//                            app replaces the URL). These paths are looked
//                            up in the bundle before the rows below; the
//                            build refuses a post path or alias that takes
//                            one of theirs.
//   /tags/                   TagsIndex
//   /tags/<tag>/             Tag, page 1
//   /tags/<tag>/page/<n>/    Tag, page n
//   /tags/<a>+<b>/…          Tag combination: posts with every tag (any
//                            number of '+'-joined tags, pages as above).
//                            Not pre-rendered (too many): a static host
//                            serves 404.html, and the app renders it.
//   /categories/             TagsIndex, category: when the site keeps
//   /categories/<c>/…        Tag, category   categories apart (categories.hpp),
//                            the same rows as /tags/ (a combination too)
//   /archive/                ArchiveIndex
//   /archive/<yyyy>/<mm>/    Month
//   /search/?q=<query>       Search, page 1
//   /search/?q=<query>&page=<n>  Search, page n of the results (n >= 2)
//   /<slug>/                 Page (content/pages, pages.hpp), or the page's
//                            own permalink; looked up in the bundle too
//   anything else            NotFound
// Every path is under the site's base_path. A missing trailing slash and a
// trailing "index.html" are accepted; segments are percent-decoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct Bundle;
struct Post;
struct TagInfo;

enum class RouteKind { Home, Post, TagsIndex, Tag, ArchiveIndex, Month, Search, Page, NotFound };

struct Route {
  RouteKind kind = RouteKind::NotFound;
  int page = 1;       // Home, Tag, Search
  std::string slug;   // Post, Page
  std::string post_path;  // Post: its path in normal form (permalink.hpp);
                          // empty: posts/<slug>/
  bool alias = false;     // Post: reached through one of its aliases
  std::string tag;    // Tag (the first tag's slug, decoded)
  std::vector<std::string> tags;  // Tag: every tag's slug, tags[0] == tag;
                                  // two or more for a combination
  bool category = false;  // TagsIndex, Tag: /categories/, not /tags/
  int year = 0;       // Month
  int month = 0;      // Month
  std::string query;  // Search (decoded, '+' as space)
  std::string asked;  // parse_route with a bundle: the path asked for (the 404
                      // view suggests the posts nearest it)
};

Route parse_route(std::string_view path, std::string_view base_path = "/");
// The same for a bundle's site: its base_path, and its posts' paths and
// aliases (a post path is found only where the bundle puts the post).
Route parse_route(std::string_view path, const Bundle& bundle);

// The canonical path of a route (base_path included, trailing slash,
// segments percent-encoded). NotFound maps to base_path + "404.html".
std::string route_path(const Route& route, std::string_view base_path = "/");

// Convenience builders for views.
Route route_of(RouteKind kind);  // a route without parameters
Route home_route(int page = 1);
Route post_route(std::string_view slug);  // posts/<slug>/ (default pattern)
Route post_route(const Post& post);        // where the post is
Route page_route(const Post& page);        // where the page is (pages.hpp)
Route tag_route(std::string_view tag_slug, int page = 1);
Route tags_route(const std::vector<std::string>& tag_slugs, int page = 1);  // a combination
Route month_route(int year, int month);
Route term_route(const TagInfo& term, int page = 1);  // a tag's or a category's
Route terms_index_route(bool category);               // /tags/ or /categories/

}  // namespace quire
