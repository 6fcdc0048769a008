// Permalinks: where each post lives under the site's base_path, and which
// old paths lead to it.
//
// A site's `permalink` pattern (site.yaml; default kDefaultPermalink) is
// expanded for each post, with Jekyll's and Hugo's tokens:
//   :year :month :day            the post's date as written (2016, 10, 06)
//   :i_month :i_day :short_year  10, 6, 16
//   :hour :minute :second        its time (00 when only a date is given)
//   :slug :title                 the post's slug (Jekyll's :title is the
//                                file name's slug, which `slug:` overrides;
//                                so is Quire's slug). Hugo's :filename and
//                                :slugorfilename are the same.
//   :categories                  the post's categories, lowercased, joined
//                                by '/' (none: the segment is dropped)
// A post's own `permalink` (front matter, tokens allowed) replaces the
// pattern. Every path is kept in one normal form (normal_path): relative to
// base_path, no leading slash, decoded segments joined by '/', a trailing
// slash unless the last segment is a file name ending in ".html" or ".htm"
// (Jekyll's /:year/:month/:day/:title.html). `aliases`/`redirect_from`
// paths are kept in the same form.
//
// Bundle::index() derives each post's path (Post::path) and the path table
// (Bundle::paths) mapping every post path and alias back to its post;
// parse_route(path, bundle) in router.hpp looks paths up there, and
// route_path() writes them. The build checks that no two posts or aliases
// claim one path and that none takes a path the build writes itself
// (reserved_path).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct Post;
struct Bundle;

inline constexpr const char* kDefaultPermalink = "/posts/:slug/";

// Empty when the pattern is usable, else why not ("unknown token :foo
// (known: ...)", "must start with '/'").
std::string permalink_problem(std::string_view pattern);

// The pattern expanded for a post, in normal form. `categories` are the
// post's (the build knows them; a loaded bundle carries the expanded path
// instead, in the post's own permalink).
std::string expand_permalink(std::string_view pattern, const Post& post,
                             const std::vector<std::string>& categories = {});

// Whether a pattern uses :categories (the build then stores each post's
// expanded path in the bundle).
bool permalink_uses_categories(std::string_view pattern);

// A path in normal form (see above); `decode` percent-decodes segments (a
// URL; an author's path is taken as written). Empty for the site's root.
// `ok` false: a "." or ".." segment.
std::string normal_path(std::string_view path, bool decode, bool* ok = nullptr);

// A normal path's URL form under base_path: segments percent-encoded.
std::string encode_path(std::string_view normal);

// What the build itself writes at or under a normal path ("the home page",
// "the tag pages /tags/", ...), or nullptr when the path is free for a post.
// /categories/ is the build's only when `categories` (Site::categories).
const char* reserved_path(std::string_view normal, bool categories = false);

// A post's path in normal form (Post::path, or posts/<slug>/ under the
// default pattern, where index() leaves Post::path empty).
std::string post_path(const Post& post);

// A post's path as index_paths() derives it (Post::path): its own
// permalink, else the site's `pattern` expanded; "" under the default
// pattern (posts/<slug>/, no table needed).
std::string derive_post_path(std::string_view pattern, const Post& post);

// Derives Post::path for every post and the sorted path table. Called by
// Bundle::index() and the loader after ordering posts.
void index_paths(Bundle& bundle);

}  // namespace quire
