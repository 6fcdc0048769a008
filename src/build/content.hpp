// Reading an author's content/ folder: site.yaml and posts/*.md with YAML
// front matter, validated, every problem reported with file and line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

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
  bool ok() const { return errors.empty(); }
};

ContentResult load_content(const std::filesystem::path& content_dir, const ContentOptions& options);

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
};
ParsedPost parse_post(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors,
                      std::vector<Diagnostic>& warnings);

// "2022-10-09-hello-world.md" -> "hello-world".
std::string default_slug(std::string_view file_name);

// Splits a body at "<!--more-->": returns the summary markdown (text before
// the marker, else first_paragraph() of core/markdown.hpp) and removes the
// marker from body. Without `wanted` (front matter gives the summary), only
// removes the marker: the first paragraph is not looked for.
std::string take_summary(std::string& body, bool wanted = true);

}  // namespace quire
