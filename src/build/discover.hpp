// Finding an author's posts in content/, and saying what is not used. Posts
// are *.md and *.markdown files at any depth under content/posts/; a folder
// there holding index.md or index.markdown is a page bundle (Hugo, Zola):
// one post, named by the folder, whose other files (images, downloads, at
// any depth) are published next to the post's page. A section index
// (_index.md, Hugo's and Zola's list pages) is no post. site.yaml and
// static/ are used; every other file under content/ is reported as unused,
// and markdown found outside posts/ is reported apart, with the engine whose
// layout or config file it looks like (Jekyll's _posts/ and _config.yml,
// Hugo's hugo.toml or config.toml with baseURL, Zola's config.toml with
// base_url, Eleventy's .eleventy.js or eleventy.config.*), so that a blog
// copied in as it is gets pointed to `quire import <engine>` instead of
// building with no posts. Names starting with '.' (.git, .DS_Store) are
// skipped. Results are sorted, so diagnostics come in a stable order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace quire {

struct PostFile {
  std::string slug;                 // the post's (set once the post is parsed)
  std::filesystem::path source;     // the file to copy
  std::string rel;                  // its path under the bundle folder ("img/a.png")
};

struct PostSource {
  std::filesystem::path file;       // the markdown
  std::string name;                 // file name without extension, or the bundle folder's name
  std::vector<PostFile> files;      // a page bundle's other files
};

struct Discovery {
  std::vector<PostSource> posts;
  std::vector<std::filesystem::path> unused;            // files the build does not use
  std::vector<std::filesystem::path> foreign_markdown;  // markdown outside posts/ (also in unused)
  std::string engine;       // "jekyll", "hugo", "zola", "eleventy" or empty
  std::string engine_sign;  // what says so ("_config.yml", "_posts/")
};

Discovery discover_content(const std::filesystem::path& content_dir);

// Whether a file name is a post's markdown (.md, .markdown).
bool is_markdown_name(const std::filesystem::path& file);

// "12 files not used: a, b, c, d, e and 7 more" (at most `shown` names).
std::string unused_files_message(const std::vector<std::filesystem::path>& files,
                                 const std::filesystem::path& content_dir, size_t shown = 5);

}  // namespace quire
