// The bundle: the contract between `quire build` and the browser.
//
// One versioned JSON document (schema below, read and written only here):
// {"format": "quire-bundle", "version": 1,
//  "site": {"title", "description", "author", "url", "base_path", "language",
//           "posts_per_page", "date_format", "unsafe_html", "feed_entries"},
//  "posts": [{"slug", "title", "date", "updated"?, "tags": [..], "summary",
//             "body"?, "params"?: {..}}]}           newest first
// A post without "body" is valid: a split bundle may load bodies later.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace quire {

inline constexpr int kBundleVersion = 1;

struct Site {
  std::string title = "Untitled blog";
  std::string description;
  std::string author;
  std::string url;              // absolute base URL, no trailing slash
  std::string base_path = "/";  // path prefix of every route, '/'-terminated
  std::string language = "en";
  int posts_per_page = 10;
  std::string date_format = kDefaultDateFormat;
  bool unsafe_html = false;
  int feed_entries = 20;        // newest posts in each Atom/JSON feed
};

struct Post {
  std::string slug;
  std::string title;
  std::string date;     // as written (ISO 8601)
  DateTime when;        // parsed date
  std::string updated;  // optional, as written
  std::vector<std::string> tags;
  std::string summary;  // markdown
  std::string body;     // markdown
  bool has_body = false;
  std::string params_json;  // unknown front-matter keys, as a JSON object
};

struct TagInfo {
  std::string name;   // as authors wrote it
  std::string slug;   // URL segment
  std::vector<size_t> posts;  // indices into Bundle::posts, newest first
};

struct MonthInfo {
  int year = 0, month = 0;
  std::vector<size_t> posts;  // newest first
};

struct Bundle {
  Site site;
  std::vector<Post> posts;  // newest first
  // Derived by index(): tags by name, months newest first.
  std::vector<TagInfo> tags;
  std::vector<MonthInfo> months;
  std::vector<size_t> by_slug;  // indices into posts, by slug (find_post)

  // Sorts posts newest first and rebuilds tags and months.
  void index();
  const Post* find_post(std::string_view slug) const;
  const TagInfo* find_tag(std::string_view slug) const;
  const MonthInfo* find_month(int year, int month) const;
};

struct LoadResult {
  bool ok = false;
  std::string code;     // "parse", "format", "version", "schema"
  std::string message;  // names the JSON path: "posts[3].date: expected string"
  Bundle bundle;
};

// Loads and validates a bundle from its bytes. Never throws.
LoadResult load_bundle(std::string_view bytes);

// Writes the bundle (the native build's side of the contract).
std::string write_bundle_json(const Bundle& bundle);

// A tag's URL segment: slugify() after spelling out '+' and '#', so that
// "C++", "C#" and "C" get distinct pages ("c-plus-plus", "c-sharp", "c").
std::string tag_slug(std::string_view tag);

// Site field checks shared by the loader and the build.
bool valid_slug(std::string_view slug);
bool valid_base_path(std::string_view path);

}  // namespace quire
