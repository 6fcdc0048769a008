#include "build/url_keys.hpp"

#include <map>

#include "core/html.hpp"
#include "core/pages.hpp"
#include "core/permalink.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace quire {
namespace {

int line_of(const YAML::Node& n, int offset) { return n.Mark().line < 0 ? 0 : n.Mark().line + offset; }

// A path as an author writes it: starts with '/', no query, fragment, "."
// or ".." segment. Empty when fine, else why not.
std::string path_problem(std::string_view path) {
  if (path.empty() || path[0] != '/') return "expected a path starting with '/', like /2016/10/06/my-post/";
  if (path.find_first_of("?#") != std::string_view::npos) return "a path only: no '?' or '#'";
  if (path.find("://") != std::string_view::npos) return "a path on this site, not a URL";
  bool ok = true;
  normal_path(path, false, &ok);
  if (!ok) return "no \".\" or \"..\" segments";
  return {};
}

}  // namespace

bool read_post_url_key(const FrontValue::Entry& entry, const std::string& file, Post& post,
                       std::vector<Diagnostic>& errors) {
  const std::string& key = entry.key;
  const FrontValue& v = entry.value;
  auto error = [&](int line, std::string message) { errors.push_back({file, line, key + ": " + std::move(message)}); };
  if (key == "permalink") {
    if (!v.is_scalar() || v.text.empty()) {
      error(v.line ? v.line : entry.line, "expected a path like /about/ or /:year/:slug/");
      return true;
    }
    const std::string s = sanitize_utf8(v.text);
    std::string why = permalink_problem(s);
    if (!why.empty()) error(v.line, why + ", got \"" + s + "\"");
    else post.permalink = s;
    return true;
  }
  if (key != "aliases" && key != "redirect_from") return false;
  std::vector<const FrontValue*> items;
  if (v.is_scalar()) {
    items.push_back(&v);
  } else if (v.is_list()) {
    for (const FrontValue& a : v.items) items.push_back(&a);
  } else if (!v.is_null()) {
    error(v.line, "expected a path or a list of paths");
  }
  for (const FrontValue* a : items) {
    if (!a->is_scalar()) {
      error(a->line, "expected a path, got a nested list or map");
      continue;
    }
    std::string s = sanitize_utf8(a->text);
    if (!s.empty() && s[0] != '/') s = "/" + s;  // Hugo: relative to the site root
    std::string why = path_problem(s);
    if (!why.empty()) error(a->line, why + ", got \"" + a->text + "\"");
    else post.aliases.emplace_back(std::move(s));
  }
  return true;
}

bool read_site_url_key(const std::string& key, const YAML::Node& v, const std::string& file, int offset, Site& site,
                       std::vector<Diagnostic>& errors) {
  if (key == "menu") {
    site.menu.clear();
    if (!v.IsSequence()) {
      errors.push_back({file, line_of(v, offset), "menu: expected a list like [{title: About, page: about}]"});
      return true;
    }
    for (size_t i = 0; i < v.size(); ++i) {
      const YAML::Node& item = v[i];
      const std::string at = "menu[" + std::to_string(i) + "]: ";
      if (!item.IsMap()) {
        errors.push_back({file, line_of(item, offset), at + "expected {title: ..., page|tag|path|url: ...}"});
        continue;
      }
      MenuEntry e;
      bool bad = false;
      for (const auto& kv : item) {
        const std::string k = kv.first.Scalar();
        if (!kv.second.IsScalar()) {
          errors.push_back({file, line_of(kv.first, offset), at + k + ": expected text"});
          bad = true;
        } else if (k == "title") {
          e.title = sanitize_utf8(kv.second.Scalar());
        } else if (k == "page" || k == "tag" || k == "path" || k == "url") {
          if (!e.kind.empty()) {
            errors.push_back({file, line_of(kv.first, offset), at + "one target only, got " + e.kind + " and " + k});
            bad = true;
          }
          e.kind = k;
          e.target = sanitize_utf8(kv.second.Scalar());
        } else {
          errors.push_back({file, line_of(kv.first, offset), at + "unknown key \"" + k + "\" (known: title, page, tag, path, url)"});
          bad = true;
        }
      }
      if (bad) continue;
      if (std::string why = menu_entry_problem(e); !why.empty()) {
        errors.push_back({file, line_of(item, offset), at + why});
        continue;
      }
      site.menu.push_back(std::move(e));
    }
    return true;
  }
  if (key == "old_feeds") {  // feed readers keep polling the old engine's feed URLs
    site.old_feeds.clear();
    if (!v.IsSequence()) {
      errors.push_back({file, line_of(v, offset), "old_feeds: expected a list of paths like [/index.xml]"});
      return true;
    }
    for (const YAML::Node& item : v) {
      const std::string s = item.IsScalar() ? sanitize_utf8(item.Scalar()) : std::string();
      // Each term's feed where the old engine had it (Hugo's
      // /tags/:tag/index.xml, Zola's /tags/:tag/atom.xml): beside Quire's
      // term page, the term's own feed.
      const size_t tag = s.find(":tag"), category = s.find(":category");
      const bool term = tag != std::string::npos || category != std::string::npos;
      std::string checked = s;
      if (term) checked.replace(tag != std::string::npos ? tag : category, tag != std::string::npos ? 4 : 9, "term");
      std::string why = item.IsScalar() ? path_problem(checked) : "expected a path like /index.xml";
      const size_t after = tag != std::string::npos ? tag + 4 : category + 9;
      if (why.empty() && term &&
          (checked.find(':') != std::string::npos || (tag != std::string::npos && category != std::string::npos) ||
           (after < s.size() && std::isalnum(static_cast<unsigned char>(s[after])))))
        why = "expected one :tag or :category in a term's feed";
      const std::string name = s.substr(s.rfind('/') + 1);
      const size_t dot = name.rfind('.');
      const std::string ext = dot == std::string::npos ? std::string() : name.substr(dot);
      // A folder's address (/feed/, an Eleventy feed template's
      // feed/index.html) gets the feed as its index.html.
      if (why.empty() && !name.empty() && ext != ".xml" && ext != ".json" && ext != ".rss" && ext != ".atom")
        why = "expected a feed's file name ending in .xml, .json, .rss or .atom, or a folder's address ending in /";
      if (const char* built = why.empty() && !term ? reserved_feed_path(s.substr(1), site.categories) : nullptr)
        why = std::string("is ") + built + ", which the build writes itself";
      if (!why.empty()) errors.push_back({file, line_of(item, offset), "old_feeds: " + why + ", got \"" + s + "\""});
      else site.old_feeds.push_back(s.substr(1));
    }
    return true;
  }
  if (key == "redirects") {  // old addresses of the site's own lists and terms
    site.redirects.clear();
    if (!v.IsMap()) {
      errors.push_back({file, line_of(v, offset), "redirects: expected old paths and where each went, like {/archives/: /archive/}"});
      return true;
    }
    for (const auto& kv : v) {
      const std::string from = kv.first.IsScalar() ? sanitize_utf8(kv.first.Scalar()) : std::string();
      const std::string to = kv.second.IsScalar() ? sanitize_utf8(kv.second.Scalar()) : std::string();
      std::string why = path_problem(from);
      if (why.empty()) why = path_problem(to);
      if (why.empty() && normal_path(from, false) == normal_path(to, false)) why = "a path redirected to itself";
      if (!why.empty()) {
        errors.push_back({file, line_of(kv.first, offset), "redirects: " + why + ", got \"" + from + "\": \"" + to + "\""});
        continue;
      }
      site.redirects.push_back({normal_path(from, false), to, line_of(kv.first, offset)});
    }
    return true;
  }
  if (key != "permalink") return false;
  auto error = [&](std::string message) { errors.push_back({file, line_of(v, offset), key + ": " + message}); };
  if (!v.IsScalar() || v.Scalar().empty()) {
    error("expected a pattern like /:year/:month/:day/:slug/ or /blog/:slug/");
    return true;
  }
  const std::string s = sanitize_utf8(v.Scalar());
  // Jekyll's named styles
  std::string pattern = s == "date" ? "/:categories/:year/:month/:day/:title.html"
                        : s == "pretty" ? "/:categories/:year/:month/:day/:title/"
                        : s == "none" ? "/:categories/:title.html" : s;
  std::string why = permalink_problem(pattern);
  if (!why.empty()) error(why + ", got \"" + s + "\"");
  else site.permalink = pattern;
  return true;
}

const char* reserved_feed_path(std::string_view normal, bool categories) {
  for (std::string_view root : {"tags/", "categories/"})
    if (normal.substr(0, root.size()) == root && normal.size() > root.size() && normal.find('/', root.size()) == std::string_view::npos &&
        normal.substr(root.size()) != "index.html")
      return nullptr;
  return reserved_path(normal, categories);
}

void check_site_redirects(const Bundle& b, const std::string& file, std::vector<Diagnostic>& errors,
                          std::vector<Diagnostic>& warnings) {
  auto shows = [&](const std::string& path) {  // path under base_path, no leading '/'
    return render_view(b, parse_route(b.site.base_path + path, b)).status != 404;
  };
  // A list's page 1 again at <list>/page/1/ (Hugo and Zola wrote it, a
  // redirect to the list): the router shows the list there, the build
  // writes no page; a redirect may take it.
  auto first_page_copy = [&](const std::string& path) {
    static constexpr std::string_view kPageOne = "page/1/";
    if (path.size() < kPageOne.size() || path.compare(path.size() - kPageOne.size(), kPageOne.size(), kPageOne) != 0) return false;
    const Route route = parse_route(b.site.base_path + path, b);
    return route.page == 1 && (route.kind == RouteKind::Home || route.kind == RouteKind::Tag);
  };
  for (const Site::Redirect& r : b.site.redirects) {
    if (shows(r.from) && !first_page_copy(r.from))
      errors.push_back({file, r.line, "redirects: /" + r.from + " is an address the blog has (a post, a page or one of its lists); "
                                      "a redirect cannot replace it"});
    else if (!shows(normal_path(r.to, false)))
      warnings.push_back({file, r.line, "redirects: /" + r.from + " goes to " + r.to + ", where the blog has nothing"});
  }
  for (const std::string& f : b.site.old_feeds)  // a folder's address gets the feed as its index.html
    if (!f.empty() && f.back() == '/' && f.find(':') == std::string::npos && shows(f))
      errors.push_back({file, 0, "old_feeds: /" + f + " is an address the blog has (a post, a page or one of its lists); "
                                 "the old feed cannot replace it"});
}

void check_post_urls(Bundle& b, const std::vector<std::string>& files, std::vector<Diagnostic>& errors) {
  const bool categories = permalink_uses_categories(b.site.permalink);
  std::map<std::string, size_t> owner;  // normal path -> post index
  auto claim = [&](const std::string& path, size_t i, const char* what) {
    if (const char* built = reserved_path(path, b.site.categories)) {
      errors.push_back({files[i], 0, std::string(what) + " /" + path + " is " + built +
                                         ", which the build writes itself; choose another"});
      return;
    }
    auto [it, fresh] = owner.emplace(path, i);
    if (!fresh)
      errors.push_back({files[i], 0, std::string(what) + " /" + path + " is also claimed by " + files[it->second] +
                                         " (two posts cannot share a URL)"});
  };
  for (size_t i = 0; i < b.posts.size() && i < files.size(); ++i) {
    Post& p = b.posts[i];
    if (!p.permalink.empty()) p.permalink = "/" + expand_permalink(p.permalink, p, p.categories);
    else if (categories) p.permalink = "/" + expand_permalink(b.site.permalink, p, p.categories);
    const std::string path = !p.permalink.empty() ? normal_path(p.permalink, false)
                             : b.site.permalink == kDefaultPermalink ? "posts/" + p.slug + "/"
                                                                      : expand_permalink(b.site.permalink, p);
    claim(path, i, "URL");
  }
  for (size_t i = 0; i < b.posts.size() && i < files.size(); ++i) {
    // An alias the post already has, or its own URL ("/post/x" beside
    // "/post/x/", as Hugo sites list both): one address, kept once.
    std::vector<Text> kept;
    for (const Text& a : b.posts[i].aliases) {
      const std::string path = normal_path(a, false);
      if (const auto it = owner.find(path); it != owner.end() && it->second == i) continue;
      claim(path, i, "alias");
      kept.push_back(a);
    }
    b.posts[i].aliases = std::move(kept);
  }
  // Pages (pages.hpp): their files follow the posts' in `files`.
  const size_t first_page = b.posts.size();
  for (size_t k = 0; k < b.pages.size() && first_page + k < files.size(); ++k) {
    Post& p = b.pages[k];
    if (!p.permalink.empty()) p.permalink = "/" + expand_permalink(p.permalink, p, p.categories);
    const std::string own = p.permalink.empty() ? p.slug.str() + "/" : normal_path(p.permalink, false);
    claim(own, first_page + k, "URL");
    std::vector<Text> kept;
    for (const Text& a : p.aliases) {
      if (normal_path(a, false) == own) continue;  // its own URL, as for a post above
      claim(normal_path(a, false), first_page + k, "alias");
      kept.push_back(a);
    }
    p.aliases = std::move(kept);
  }
}

}  // namespace quire
