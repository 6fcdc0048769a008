#include "core/router.hpp"

#include <algorithm>
#include <vector>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/permalink.hpp"

namespace quire {
namespace {

// A positive page number without leading zeros, or 0.
int parse_page(std::string_view s) {
  if (s.empty() || s.size() > 6 || s[0] == '0') return 0;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool parse_fixed(std::string_view s, size_t width, int& out) {
  if (s.size() != width) return false;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  out = n;
  return true;
}

std::string query_param(std::string_view query, std::string_view name) {
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(pos, end - pos);
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    if (key == name) {
      std::string value(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
      for (char& c : value)
        if (c == '+') c = ' ';
      return sanitize_utf8(percent_decode(value));
    }
    pos = end + 1;
  }
  return {};
}

Route not_found() { return Route{}; }

// "a+b" as written in the URL: each tag decoded, duplicates dropped; empty
// when a part is empty or a dot segment. Tag slugs never contain '+'
// (tag_slug() spells it out), so '+' is free to join them.
std::vector<std::string> split_tags(std::string_view raw) {
  std::vector<std::string> tags;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t end = raw.find('+', pos);
    if (end == std::string_view::npos) end = raw.size();
    std::string tag = sanitize_utf8(percent_decode(raw.substr(pos, end - pos)));
    if (tag.empty() || tag == "." || tag == ".." || tag.find('/') != std::string::npos) return {};
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
    pos = end + 1;
  }
  return tags;
}

}  // namespace

Route parse_route(std::string_view path, std::string_view base_path) {
  std::string_view query;
  if (size_t hash = path.find('#'); hash != std::string_view::npos) path = path.substr(0, hash);
  if (size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  // The base path, with or without its trailing slash ("/blog" is "/blog/").
  std::string_view base = base_path.empty() ? std::string_view("/") : base_path;
  if (path.substr(0, base.size()) == base) {
    path.remove_prefix(base.size());
  } else if (path.size() + 1 == base.size() && base.substr(0, path.size()) == path) {
    path = {};
  } else {
    return not_found();
  }

  std::vector<std::string> seg;
  std::vector<std::string_view> raw;  // as written: "a+b" joins tags, "%2B" does not
  size_t pos = 0;
  while (pos < path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    if (end > pos) {
      raw.push_back(path.substr(pos, end - pos));
      seg.push_back(sanitize_utf8(percent_decode(raw.back())));
    }
    pos = end + 1;
  }
  if (!seg.empty() && (seg.back() == "index.html" || seg.back() == "index.htm")) seg.pop_back();
  for (const std::string& s : seg)
    if (s == "." || s == ".." || s.find('/') != std::string::npos) return not_found();

  Route r;
  const size_t n = seg.size();
  if (n == 0) {
    r.kind = RouteKind::Home;
  } else if (seg[0] == "page" && n == 2 && (r.page = parse_page(seg[1])) > 0) {
    r.kind = RouteKind::Home;
  } else if (seg[0] == "posts" && n == 2) {
    r.kind = RouteKind::Post;
    r.slug = seg[1];
  } else if ((seg[0] == "tags" || seg[0] == "categories") && n == 1) {
    r.kind = RouteKind::TagsIndex;
    r.category = seg[0] == "categories";
  } else if ((seg[0] == "tags" || seg[0] == "categories") &&
             (n == 2 || (n == 4 && seg[2] == "page" && (r.page = parse_page(seg[3])) > 0))) {
    r.kind = RouteKind::Tag;
    r.category = seg[0] == "categories";
    r.tags = split_tags(raw[1]);
    if (r.tags.empty()) return not_found();
    r.tag = r.tags[0];
  } else if (seg[0] == "archive" && n == 1) {
    r.kind = RouteKind::ArchiveIndex;
  } else if (seg[0] == "archive" && n == 3 && parse_fixed(seg[1], 4, r.year) &&
             parse_fixed(seg[2], 2, r.month) && r.month >= 1 && r.month <= 12) {
    r.kind = RouteKind::Month;
  } else if (seg[0] == "search" && n == 1) {
    r.kind = RouteKind::Search;
    r.query = query_param(query, "q");
    // A query string is the reader's to edit: a page that is not a page
    // number is the first page, not a missing view.
    r.page = std::max(1, parse_page(query_param(query, "page")));
  } else {
    return not_found();
  }
  return r;
}

Route parse_route(std::string_view path, const Bundle& bundle) {
  std::string_view base = bundle.site.base_path;
  if (!bundle.paths.empty()) {
    std::string_view rest = path.substr(0, path.find_first_of("?#"));
    if (rest.substr(0, base.size()) == base) {
      bool ok = true, alias = false, page = false;
      std::string normal = normal_path(rest.substr(base.size()), true, &ok);
      if (const Post* p = ok ? bundle.find_path(normal, &alias, &page) : nullptr) {
        Route r = page ? page_route(*p) : post_route(*p);
        r.alias = alias;
        return r;
      }
    }
  }
  Route r = parse_route(path, base);
  if (r.category && !bundle.site.categories) return not_found();  // categories.hpp
  if (r.kind == RouteKind::Post) {
    // posts/<slug>/ is the post's only under the default pattern
    const Post* p = bundle.find_post(r.slug);
    if (p && !p->path.empty()) r = not_found();
  }
  r.asked = std::string(path.substr(0, path.find_first_of("?#")));
  return r;
}

std::string route_path(const Route& r, std::string_view base_path) {
  std::string out(base_path.empty() ? "/" : base_path);
  auto page_suffix = [&](int page) {
    if (page > 1) out += "page/" + std::to_string(page) + "/";
  };
  switch (r.kind) {
    case RouteKind::Home: page_suffix(r.page); break;
    case RouteKind::Post:
      if (r.post_path.empty()) out += "posts/" + percent_encode_segment(r.slug) + "/";
      else out += encode_path(r.post_path);
      break;
    case RouteKind::TagsIndex: out += r.category ? "categories/" : "tags/"; break;
    case RouteKind::Tag: {
      out += r.category ? "categories/" : "tags/";
      if (r.tags.empty()) out += percent_encode_segment(r.tag);
      for (size_t i = 0; i < r.tags.size(); ++i) out += (i ? "+" : "") + percent_encode_segment(r.tags[i]);
      out += "/";
      page_suffix(r.page);
      break;
    }
    case RouteKind::ArchiveIndex: out += "archive/"; break;
    case RouteKind::Month: {
      out += "archive/";
      append_padded(out, r.year, 4);
      out += '/';
      append_padded(out, r.month, 2);
      out += '/';
      break;
    }
    case RouteKind::Search:
      out += "search/";
      if (!r.query.empty()) {
        out += "?q=";
        for (char c : percent_encode_segment(r.query)) out += c;
        if (r.page > 1) out += "&page=" + std::to_string(r.page);
      }
      break;
    case RouteKind::Page: out += encode_path(r.post_path); break;
    case RouteKind::NotFound: out += "404.html"; break;
  }
  return out;
}

Route route_of(RouteKind kind) {
  Route r;
  r.kind = kind;
  return r;
}

Route home_route(int page) {
  Route r;
  r.kind = RouteKind::Home;
  r.page = page;
  return r;
}

Route post_route(std::string_view slug) {
  Route r;
  r.kind = RouteKind::Post;
  r.slug = std::string(slug);
  return r;
}

Route post_route(const Post& post) {
  Route r = post_route(post.slug.view());
  r.post_path = post.path;
  return r;
}

Route page_route(const Post& page) {
  Route r = post_route(page);
  r.kind = RouteKind::Page;
  return r;
}

Route tag_route(std::string_view tag_slug, int page) {
  Route r;
  r.kind = RouteKind::Tag;
  r.tag = std::string(tag_slug);
  r.tags = {r.tag};
  r.page = page;
  return r;
}

Route tags_route(const std::vector<std::string>& tag_slugs, int page) {
  Route r;
  r.kind = RouteKind::Tag;
  r.tags = tag_slugs;
  if (!r.tags.empty()) r.tag = r.tags[0];
  r.page = page;
  return r;
}

Route term_route(const TagInfo& term, int page) {
  Route r = tag_route(term.slug, page);
  r.category = term.category;
  return r;
}

Route terms_index_route(bool category) {
  Route r = route_of(RouteKind::TagsIndex);
  r.category = category;
  return r;
}

Route month_route(int year, int month) {
  Route r;
  r.kind = RouteKind::Month;
  r.year = year;
  r.month = month;
  return r;
}

}  // namespace quire
