#include "build/redirects.hpp"

#include "core/html.hpp"
#include "core/permalink.hpp"
#include "core/router.hpp"

namespace quire {

std::string redirect_page(const std::string& url, const std::string& target) {
  // The canonical link is absolute (crawlers); the refresh and the link a
  // reader follows stay on this host, so a local preview (npm start) or a
  // staging copy lands on its own page, not on the live site.
  const std::string canonical = escape_html(url + target);
  const std::string to = escape_html(target);
  return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Moved to " + canonical +
         "</title>\n<link rel=\"canonical\" href=\"" + canonical +
         "\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=" + to +
         "\">\n</head>\n<body>\n<p>This page has moved to <a href=\"" + to + "\">" + canonical +
         "</a>.</p>\n</body>\n</html>\n";
}

std::vector<RedirectFile> redirect_files(const Bundle& b) {
  std::vector<RedirectFile> out;
  auto each = [&](const Post& p, bool page) {
    if (p.aliases.empty()) return;
    const std::string target = route_path(page ? page_route(p) : post_route(p), b.site.base_path);
    for (const Text& a : p.aliases) {
      std::string rel = normal_path(a, false);
      if (rel.empty() || rel.back() == '/') rel += "index.html";
      out.push_back({std::move(rel), redirect_page(b.site.url, target)});
    }
  };
  for (const Post& p : b.posts) each(p, false);
  for (const Post& p : b.pages) each(p, true);
  for (const Site::Redirect& r : b.site.redirects) {  // site.yaml's own (url_keys.hpp)
    std::string rel = r.from;
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    out.push_back({std::move(rel), redirect_page(b.site.url, b.site.base_path + r.to.substr(1))});
  }
  return out;
}

}  // namespace quire
