// Redirect pages: an old URL of a post (its `aliases` / `redirect_from`
// paths) gets a small static HTML page that sends readers and crawlers to
// where the post lives now: <link rel="canonical">, <meta http-equiv=
// "refresh" content="0; url=...">, a plain link for anyone without either,
// and noindex so that search engines keep only the post's own URL. The app
// understands the same aliases (parse_route marks them; it replaces the
// URL), so a client navigation to one lands on the post too.
#pragma once

#include <string>
#include <vector>

#include "core/bundle.hpp"

namespace quire {

struct RedirectFile {
  std::string path;  // relative to the output root: "old/path/index.html"
  std::string html;
};

// The page sending readers to `target` (a path under the site, base_path
// included); `url` is the site's absolute origin, or "" (canonical then
// stays relative). The refresh and the link go to `target` on the same host.
std::string redirect_page(const std::string& url, const std::string& target);

// One page for each alias of each post.
std::vector<RedirectFile> redirect_files(const Bundle& bundle);

}  // namespace quire
