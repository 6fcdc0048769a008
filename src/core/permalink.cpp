#include "core/permalink.hpp"

#include <algorithm>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/views.hpp"

namespace quire {
namespace {

const char* const kTokens[] = {"year", "month", "day", "i_month", "i_day", "short_year", "hour", "minute",
                               "second", "slug", "title", "filename", "slugorfilename", "categories"};

bool token_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// The token starting after the ':' at `at`: the whole name (so
// ":year.html" is :year then ".html"), else the longest known name an
// underscore follows (":day_:slug" is :day, "_", :slug).
std::string_view token_at(std::string_view pattern, size_t at) {
  size_t end = at;
  while (end < pattern.size() && token_char(pattern[end])) ++end;
  std::string_view word = pattern.substr(at, end - at);
  std::string_view before_underscore;
  for (const char* t : kTokens) {
    const std::string_view name(t);
    if (word == name) return word;
    if (word.size() > name.size() && word.substr(0, name.size()) == name && word[name.size()] == '_' &&
        name.size() > before_underscore.size())
      before_underscore = word.substr(0, name.size());
  }
  return before_underscore.empty() ? word : before_underscore;
}

bool known(std::string_view token) {
  for (const char* t : kTokens)
    if (token == t) return true;
  return false;
}

void padded(std::string& out, int n, int width) { append_padded(out, n, width); }

}  // namespace

std::string permalink_problem(std::string_view pattern) {
  if (pattern.empty() || pattern[0] != '/') return "expected a path starting with '/', like /:year/:month/:day/:slug/";
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '?' || pattern[i] == '#') return "a path only: no '?' or '#'";
    if (pattern[i] != ':') continue;
    std::string_view token = token_at(pattern, i + 1);
    if (!known(token)) {
      std::string list;
      for (const char* t : kTokens) list += (list.empty() ? ":" : ", :") + std::string(t);
      return "unknown token \":" + std::string(token) + "\" (known: " + list + ")";
    }
    i += token.size();
  }
  bool ok = true;
  normal_path(pattern, false, &ok);
  if (!ok) return "no \".\" or \"..\" segments";
  return {};
}

bool permalink_uses_categories(std::string_view pattern) { return pattern.find(":categories") != std::string_view::npos; }

std::string expand_permalink(std::string_view pattern, const Post& post, const std::vector<std::string>& categories) {
  std::string out;
  const DateTime& d = post.when;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != ':') {
      out += pattern[i];
      continue;
    }
    std::string_view t = token_at(pattern, i + 1);
    if (!known(t)) {  // permalink_problem() refused it before; kept as written
      out += ':';
      continue;
    }
    i += t.size();
    if (t == "year") padded(out, d.year, 4);
    else if (t == "month") padded(out, d.month, 2);
    else if (t == "day") padded(out, d.day, 2);
    else if (t == "i_month") out += std::to_string(d.month);
    else if (t == "i_day") out += std::to_string(d.day);
    else if (t == "short_year") padded(out, d.year % 100, 2);
    else if (t == "hour") padded(out, d.hour, 2);
    else if (t == "minute") padded(out, d.minute, 2);
    else if (t == "second") padded(out, d.second, 2);
    else if (t == "categories") {
      std::vector<std::string> seen;
      for (const std::string& c : categories) {
        std::string lower = ascii_lower(c);
        if (lower.empty() || std::find(seen.begin(), seen.end(), lower) != seen.end()) continue;
        for (char& ch : lower)
          if (ch == '/') ch = '-';
        out += (seen.empty() ? "" : "/") + lower;
        seen.push_back(std::move(lower));
      }
    } else {
      out += post.slug.view();  // slug, title, filename, slugorfilename
    }
  }
  return normal_path(out, false);
}

std::string normal_path(std::string_view path, bool decode, bool* ok) {
  if (ok) *ok = true;
  std::vector<std::string> seg;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    if (end > pos) {
      std::string s(path.substr(pos, end - pos));
      if (decode) s = sanitize_utf8(percent_decode(s));
      if ((s == "." || s == ".." || s.find('/') != std::string::npos) && ok) *ok = false;
      seg.push_back(std::move(s));
    }
    pos = end + 1;
  }
  if (!seg.empty() && (seg.back() == "index.html" || seg.back() == "index.htm")) seg.pop_back();
  std::string out;
  for (size_t i = 0; i < seg.size(); ++i) {
    out += seg[i];
    const std::string& s = seg[i];
    bool file = i + 1 == seg.size() && s.size() > 4 &&
                (ascii_lower(s.substr(s.size() - 5)) == ".html" || ascii_lower(s.substr(s.size() - 4)) == ".htm");
    if (!file) out += '/';
  }
  return out;
}

std::string encode_path(std::string_view normal) {
  std::string out;
  size_t pos = 0;
  while (pos < normal.size()) {
    size_t end = normal.find('/', pos);
    if (end == std::string_view::npos) end = normal.size();
    out += percent_encode_segment(normal.substr(pos, end - pos));
    if (end < normal.size()) out += '/';
    pos = end + 1;
  }
  return out;
}

const char* reserved_path(std::string_view normal, bool categories) {
  if (normal.empty()) return "the home page /";
  std::string_view first = normal.substr(0, normal.find('/'));
  if (first == "page") {
    // /page/N/ (router.cpp); /page/<name>/ is free (Hugo's content/page/
    // section: steveshogren's /page/books/).
    const std::string_view rest = normal.substr(std::min(normal.size(), first.size() + 1));
    const std::string_view number = rest.substr(0, rest.find('/'));
    if (number.empty() || std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return "the home page's pages /page/";
  }
  if (first == "tags") return "the tag pages /tags/";
  if (first == "categories" && categories) return "the category pages /categories/";
  if (first == "archive") {
    // The archive is /archive/ and its months /archive/YYYY/MM/ (router.cpp;
    // /archive/YYYY/ is kept for it too). Whatever else lies under /archive/
    // is free: a blog whose posts lived at /archive/<title>/, or at
    // /archive/:year/:month/:day/:title/ (Jekyll), keeps them there.
    auto digits = [](std::string_view s, size_t n) {
      return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::string_view rest = normal.substr(std::min(normal.size(), first.size() + 1));
    std::string_view seg[4];  // after "archive/": a month's page is 2 deep, its file 3
    size_t n = 0;
    while (!rest.empty() && n < 4) {
      const size_t end = std::min(rest.find('/'), rest.size());
      seg[n++] = rest.substr(0, end);
      rest.remove_prefix(std::min(rest.size(), end + 1));
    }
    if (n > 0 && (seg[n - 1] == "index.html" || seg[n - 1] == "index.htm")) --n;  // the folder's page
    if (rest.empty() && (n == 0 || (n == 1 && digits(seg[0], 4)) ||
                         (n == 2 && digits(seg[0], 4) && digits(seg[1], 2) && seg[1] >= "01" && seg[1] <= "12")))
      return "the archive /archive/";
  }
  if (first == "search") return "the search page /search/";
  if (first == "chunks") return "the bundle's chunks /chunks/";
  if (normal == "404.html") return "the not-found page /404.html";
  for (const char* f : {kBundleFile, kStylesheetFile, kAppScriptFile, kApiScriptFile, kFootnoteScriptFile, kCoreScriptFile, kCoreWasmFile,
                        kThemeScriptFile, kFaviconFile, kAtomFeedFile, kJsonFeedFile, kSitemapFile, kRobotsFile})
    if (first == f) return "one of the site's files (the app, feeds, sitemap)";
  return nullptr;
}

namespace {

// By path, stably: where two claim one (the build refuses that), the first
// wins. A merge sort of our own: std::stable_sort would add ~10 KB to the
// WASM module for a table most blogs do not have.
void sort_paths(std::vector<Bundle::PathEntry>& v) {
  std::vector<Bundle::PathEntry> tmp(v.size());
  for (size_t width = 1; width < v.size(); width *= 2) {
    for (size_t lo = 0; lo < v.size(); lo += 2 * width) {
      const size_t mid = std::min(lo + width, v.size()), hi = std::min(lo + 2 * width, v.size());
      size_t a = lo, c = mid, out = lo;
      while (a < mid && c < hi) tmp[out++] = std::move(v[c].path < v[a].path ? v[c++] : v[a++]);
      while (a < mid) tmp[out++] = std::move(v[a++]);
      while (c < hi) tmp[out++] = std::move(v[c++]);
    }
    v.swap(tmp);
  }
}

}  // namespace

std::string derive_post_path(std::string_view pattern, const Post& p) {
  if (!p.permalink.empty()) return normal_path(p.permalink, false);
  if (pattern != kDefaultPermalink) return expand_permalink(pattern, p);
  return {};
}

void index_paths(Bundle& b) {
  // The default pattern needs no table: Post::path stays empty, the router
  // reads posts/<slug>/ and finds the post by slug (a large bundle loads
  // without a string per post).
  b.paths.clear();
  for (size_t i = 0; i < b.posts.size(); ++i) {
    Post& p = b.posts[i];
    p.path = derive_post_path(b.site.permalink, p);
    if (!p.path.empty()) b.paths.push_back({p.path, static_cast<uint32_t>(i)});
    for (const Text& a : p.aliases) b.paths.push_back({normal_path(a, false), static_cast<uint32_t>(i) | Bundle::kAlias});
  }
  for (size_t i = 0; i < b.pages.size(); ++i) {
    Post& p = b.pages[i];
    p.path = p.permalink.empty() ? p.slug.str() + "/" : normal_path(p.permalink, false);
    b.paths.push_back({p.path, static_cast<uint32_t>(i) | Bundle::kPage});
    for (const Text& a : p.aliases)
      b.paths.push_back({normal_path(a, false), static_cast<uint32_t>(i) | Bundle::kPage | Bundle::kAlias});
  }
  if (b.paths.empty()) return;
  sort_paths(b.paths);
}

std::string post_path(const Post& p) { return p.path.empty() ? "posts/" + p.slug + "/" : p.path; }

const Post* Bundle::find_path(std::string_view normal, bool* alias, bool* page) const {
  auto it = std::lower_bound(paths.begin(), paths.end(), normal,
                             [](const PathEntry& e, std::string_view p) { return e.path < p; });
  if (it == paths.end() || it->path != normal) return nullptr;
  if (alias) *alias = (it->post & kAlias) != 0;
  if (page) *page = (it->post & kPage) != 0;
  const uint32_t i = it->post & ~(kAlias | kPage);
  return (it->post & kPage) ? &pages[i] : &posts[i];
}

const Post* Bundle::find_page(std::string_view slug) const {
  for (const Post& p : pages)
    if (p.slug == slug) return &p;
  return nullptr;
}

}  // namespace quire
