// Where posts are, as authors say it (see core/permalink.hpp for the
// tokens and the normal form of paths):
// - site.yaml `permalink`: the site's pattern, checked here; `menu`: the
//   header's navigation (core/pages.hpp);
// - a post's `permalink` (its own path, tokens allowed), `aliases` (Hugo)
//   and `redirect_from` (Jekyll): a path or a list of paths that redirect
//   to the post. A post's `categories` are read too, for :categories,
//   without taking the key (read_post_url_key returns false for it: its
//   other meanings belong to the front-matter reader).
// - check_post_urls: once every post is read, expands each post's path
//   (stored in Post::permalink when the browser could not compute it:
//   its own, or a pattern using :categories) and refuses two posts or
//   aliases claiming one path, or one taking a path the build writes
//   itself (/tags/, /archive/, ...), naming both files.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "build/content.hpp"
#include "core/bundle.hpp"

namespace quire {

// `line_offset`: the file line of the YAML's line 0. True when the key is
// one of the keys above (read, errors reported), false otherwise.
bool read_post_url_key(const std::string& key, const YAML::Node& value, const std::string& file, int line_offset,
                       Post& post, std::vector<Diagnostic>& errors);
bool read_site_url_key(const std::string& key, const YAML::Node& value, const std::string& file, int line_offset,
                       Site& site, std::vector<Diagnostic>& errors);

// `files[i]` is the file of bundle.posts[i] (before index() orders them),
// then of each of bundle.pages.
void check_post_urls(Bundle& bundle, const std::vector<std::string>& files, std::vector<Diagnostic>& errors);

}  // namespace quire
