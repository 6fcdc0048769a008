// Where posts are, as authors say it (see core/permalink.hpp for the
// tokens and the normal form of paths):
// - site.yaml `permalink`: the site's pattern, checked here; `menu`: the
//   header's navigation (core/pages.hpp);
// - a post's `permalink` (its own path, tokens allowed), `aliases` (Hugo)
//   and `redirect_from` (Jekyll): a path or a list of paths that redirect
//   to the post. (Its `categories`, for :categories, are read with the
//   other keys in post_keys.hpp.)
// - check_post_urls: once every post is read, expands each post's path
//   (stored in Post::permalink when the browser could not compute it:
//   its own, or a pattern using :categories) and refuses two posts or
//   aliases claiming one path, or one taking a path the build writes
//   itself (/tags/, /archive/, ...), naming both files.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "build/content.hpp"
#include "build/front_matter.hpp"
#include "core/bundle.hpp"

namespace quire {

// True when the entry is a post's permalink, aliases or redirect_from (read,
// errors reported at their line), false otherwise. (A post's categories, for
// :categories, are read by post_keys.hpp into Post::categories.)
bool read_post_url_key(const FrontValue::Entry& entry, const std::string& file, Post& post,
                       std::vector<Diagnostic>& errors);
// site.yaml's permalink, menu, old_feeds and redirects. `line_offset`: the file line of the YAML's line 0.
bool read_site_url_key(const std::string& key, const YAML::Node& value, const std::string& file, int line_offset,
                       Site& site, std::vector<Diagnostic>& errors);

// reserved_path (core/permalink.hpp) for an old feed's address: a file right
// under /tags/ or /categories/ (Hugo's feed of a taxonomy's list,
// /tags/index.xml) is free, the build writes none there.
const char* reserved_feed_path(std::string_view normal, bool categories);

// `files[i]` is the file of bundle.posts[i] (before index() orders them),
// then of each of bundle.pages.
void check_post_urls(Bundle& bundle, const std::vector<std::string>& files, std::vector<Diagnostic>& errors);

// Once the bundle is indexed: a site redirect from a path that shows
// something (a post, a page, an alias, a tag's page, the home's pages) is
// an error at its line in `file` (site.yaml); one to a path that shows
// nothing, a warning. An old feed at a folder's address (old_feeds' /feed/)
// where the blog shows something is an error too.
void check_site_redirects(const Bundle& bundle, const std::string& file, std::vector<Diagnostic>& errors,
                          std::vector<Diagnostic>& warnings);

}  // namespace quire
