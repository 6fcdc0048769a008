// Pages and the site menu.
//
// Pages (content/pages/*.md: an About page, a Now page) are markdown with
// the posts' front matter, date optional. They live in Bundle::pages, never
// in posts: no list, feed, archive, tag page, search result or post
// navigation shows them. A page is at /<slug>/, or at its own `permalink`
// (permalink.hpp's normal form), routed as RouteKind::Page and rendered by
// render_page_view: title and body, no date, tags, related posts or
// previous/next. Pre-rendered and in the sitemap like every route.
//
// The menu (site.yaml `menu:`) is the header's navigation, each entry a
// title and one target: {title: About, page: about}, {title: Rust, tag:
// rust}, {title: Archive, path: /archive/} (a path under base_path) or
// {title: GitHub, url: https://github.com/...}. render_menu writes it for
// every view, aria-current="page" on the entry whose target is the view,
// "true" on a path entry to a section's first page (/, /tags/, /archive/,
// /search/) while a view of that section shows; with no menu, the default
// one: Home, Tags, Archive, Search.
//
// In the bundle: "pages": [{"slug", "title", "body", "date"?,
// "permalink"?, "code"?: [token runs, as a post's], "params"?: {front
// matter's other keys, as a post's: toc, math}}] at the top level, and
// "menu": [{"title", "page"|"tag"|"path"|"url": ".."}] in "site"; read by a
// small reader of flat objects from the spans the loader hands over (no
// JSON DOM in the WASM module), written beside the rest.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct Bundle;
struct Post;
struct Site;
struct View;
struct MenuEntry;
class Html;
enum class RouteKind;

// Reads a bundle's "pages" array / site's "menu" array (JSON text); the
// problem ("pages[1].title: expected string") or "".
std::string read_pages(std::string_view json_text, std::vector<Post>& pages);
std::string read_menu(std::string_view json_text, std::vector<MenuEntry>& menu);
// The same for the writer (nothing added when there are none).
void write_pages(nlohmann::json& bundle_json, const Bundle& bundle);
void write_menu(nlohmann::json& site_json, const Site& site);

// A menu entry's problem ("menu[0]: expected one of page, tag, path or
// url"), for the build and the loader; "" when fine.
std::string menu_entry_problem(const MenuEntry& entry);

// The page view (RouteKind::Page) into `view`; false when no such page.
bool render_page_view(const Bundle& bundle, std::string_view slug, View& view);

// The header's section of a view ("home", "post", "tags", "archive",
// "search", "page"; "" for not found): <main data-view> and the menu's aria-current.
const char* nav_section(RouteKind kind);

// The header's <nav> list items for a view.
void render_menu(Html& h, const Bundle& bundle, const View& view, std::string_view section);

}  // namespace quire
