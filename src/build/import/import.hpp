// `quire import`: moving a blog in from Jekyll, Hugo, Zola or Eleventy.
// Contract: import_blog() reads the blog folder `src` (never writing to it)
// and writes Quire content into `dest`: site.yaml (the settings it can map:
// title, description, author, url, base_path, permalink, timezone,
// posts_per_page, language), posts/ (one .md a post; a page bundle stays a
// folder, index.md beside its files), pages/ and static/. Front matter comes
// out as YAML with ISO 8601 dates and the keys Quire reads (title, date,
// tags, categories, summary, description, author, image, draft, slug,
// permalink, aliases, redirect_from, updated...); the engine's template
// constructs in the text (Liquid tags, Hugo shortcodes) are turned into
// markdown or HTML where an equivalent exists, and every one it cannot
// convert is reported with file and line. Text inside fenced, indented and
// inline code is never changed, except Liquid's {% raw %} markers, which
// Jekyll and Eleventy strip there too. One file per engine (jekyll.cpp,
// hugo.cpp, zola.cpp, eleventy.cpp); what they share is in common.hpp.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "build/content.hpp"

namespace quire {

enum class Engine { jekyll, hugo, zola, eleventy };
std::optional<Engine> engine_named(const std::string& name);
const char* engine_name(Engine e);

struct ImportOptions {
  bool force = false;  // write into a non-empty content folder
};

struct ImportReport {
  size_t posts = 0, drafts = 0, bundles = 0, bundle_files = 0, pages = 0, static_files = 0;
  std::vector<std::string> settings;             // site.yaml keys written
  std::map<std::string, size_t> converted;       // construct -> count
  std::map<std::string, size_t> keys_left_out;   // front-matter key -> count
  std::vector<Diagnostic> not_converted;         // file:line, what and why
  std::vector<Diagnostic> errors;                // the import could not be done (nothing or part written)
  bool ok() const { return errors.empty(); }
  std::string str() const;                       // the report printed on stdout
};

ImportReport import_blog(Engine engine, const std::filesystem::path& src, const std::filesystem::path& dest,
                         const ImportOptions& options);

}  // namespace quire
