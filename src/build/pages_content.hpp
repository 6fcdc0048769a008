// content/pages/*.md (and .markdown): the site's pages (core/pages.hpp),
// read with the posts' front matter (parse_post), the date optional. A
// menu entry naming a page that does not exist is an error at site.yaml.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "build/content.hpp"

namespace quire {

// Appends the pages to bundle.pages and their files to `files`.
void load_pages(const std::filesystem::path& content_dir, Bundle& bundle, std::vector<std::string>& files,
                std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings);

}  // namespace quire
