// Reading an author's content/ folder: site.yaml and the posts discover.hpp
// finds, their front matter (front_matter.hpp, post_keys.hpp) validated,
// every problem reported with file and line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "build/discover.hpp"
#include "core/bundle.hpp"
#include "core/post_text.hpp"

namespace quire {

struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem has no line
  std::string message;
  std::string str() const;  // "content/posts/x.md:3: date: expected ..."
};

struct ContentOptions {
  bool drafts = false;        // include `draft: true` posts
  bool future = false;        // include posts dated after `now`
  int64_t now = INT64_MAX;    // epoch seconds
};

struct ContentResult {
  Bundle bundle;
  std::vector<Diagnostic> errors;    // any error: nothing may be written
  std::vector<Diagnostic> warnings;  // reported, not fatal
  size_t skipped_drafts = 0;
  size_t skipped_future = 0;
  std::vector<PostFile> post_files;  // page bundles' files of the posts kept, to publish beside them
  // markdown_plain_text() of each bundle.posts[i]'s body, in the posts'
  // order, from reading the post (its reading time needs it): the search
  // index's input, so that it is not computed twice. "" where not known.
  std::vector<std::string> plain_texts;
  bool ok() const { return errors.empty(); }
};

ContentResult load_content(const std::filesystem::path& content_dir, const ContentOptions& options);

// site.yaml's url: "https://example.com/blog" -> origin "https://example.com"
// and path "/blog/" ("/" without one). False for anything but an absolute
// http(s) URL with a host and without spaces, a query or a fragment (what
// the build takes; `quire import` checks an old config's url with it).
bool split_site_url(std::string_view url, std::string& origin, std::string& path);

// The pieces, testable without files. `file` only names the source in
// diagnostics.
void parse_site_yaml(std::string_view text, const std::string& file, Site& site,
                     std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings);

struct ParsedPost {
  Post post;
  bool draft = false;
  bool ok = false;
  int slug_line = 1;  // where the slug comes from: its `slug:` line, else the file's first line
  int body_line = 1;  // the file's line where the body starts
  std::string plain_text;  // markdown_plain_text(post.body), when computed ("" else)
  // Code blocks left to highlight into post.code_json, only when
  // PostSettings::may_defer_highlighting (highlight::would_wait said their
  // grammar was being compiled on another thread).
  std::vector<CodeBlockText> code_to_highlight;
};
// What a post's reading needs beyond its text.
// Text as the build reads it: a leading BOM dropped, CRLF and lone CR
// (classic Mac) line endings as LF, so that front matter and diagnostics
// see the same lines.
std::string normalize_text(std::string_view text);

struct PostSettings {
  std::string name;       // the file name without extension, or a page bundle's folder name (empty: from file)
  std::string time_zone;  // the site's (Site::timezone)
  bool date_required = true;  // false for pages (content/pages/)
  bool categories_apart = false;  // Site::categories: else merged into tags (taxonomies.hpp)
  bool may_defer_highlighting = false;  // ParsedPost::code_to_highlight may be left to the caller
};
ParsedPost parse_post(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors,
                      std::vector<Diagnostic>& warnings, const PostSettings& settings = {});

// "2022-10-09-hello-world.md" (or .markdown) -> "hello-world".
std::string default_slug(std::string_view file_name);

// Splits a body at "<!--more-->": returns the summary markdown (text before
// the marker, else first_paragraph() of core/markdown.hpp) and removes the
// marker from body. Without `wanted` (front matter gives the summary), only
// removes the marker: the first paragraph is not looked for.
std::string take_summary(std::string& body, bool wanted = true);

}  // namespace quire
