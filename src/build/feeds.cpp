#include "build/feeds.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "build/site_writer.hpp"
#include "build/url_attributes.hpp"
#include "core/html.hpp"
#include "core/image_sizes.hpp"
#include "core/markdown.hpp"
#include "core/permalink.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace quire {
namespace {

using json = nlohmann::json;

constexpr const char* kGeneratorUri = "https://github.com/quire-blog/quire";

// Text for XML 1.0: escaped, and without the control characters (and
// U+FFFE/U+FFFF) that XML forbids even as references.
std::string xml_text(std::string_view s) {
  std::string clean;
  clean.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    clean += s[i];
  }
  return escape_html(clean);
}

// When a post last changed: `updated` if given, else its date.
DateTime modified(const Post& p) {
  if (!p.updated.empty())
    if (auto u = parse_date(p.updated)) return *u;
  return p.when;
}

// The latest modification among some posts (epoch 0 when there are none).
DateTime latest(const Bundle& b, const std::vector<size_t>& posts) {
  DateTime best{1970, 1, 1, 0, 0, 0, true, true, 0};
  bool any = false;
  for (size_t i : posts) {
    DateTime m = modified(b.posts[i]);
    if (!any || m.epoch_seconds() > best.epoch_seconds()) best = m;
    any = true;
  }
  return best;
}

std::string site_path(const Site& s, const Route& r) { return route_path(r, s.base_path); }

// The directory a scope's feeds live in, as a URL path.
std::string feed_dir(const Site& s, const TagInfo* tag) {
  return tag ? site_path(s, term_route(*tag)) : s.base_path;
}

std::string feed_title(const Site& s, const TagInfo* tag) {
  return tag ? s.title + " — " + tag->name : s.title;
}

// Resolves a relative reference against a directory path ("/blog/posts/x/").
std::string resolve_path(std::string_view dir, std::string_view ref) {
  std::vector<std::string> segs;
  auto push_segments = [&segs](std::string_view p, bool last_is_file) {
    size_t pos = 0;
    while (pos <= p.size()) {
      size_t end = p.find('/', pos);
      if (end == std::string_view::npos) end = p.size();
      std::string_view seg = p.substr(pos, end - pos);
      bool last = end == p.size();
      if (seg == "..") {
        if (!segs.empty()) segs.pop_back();
        if (last) segs.emplace_back();
      } else if (seg == ".") {
        if (last) segs.emplace_back();
      } else if (!seg.empty() || (last && last_is_file)) {
        segs.emplace_back(seg);
      }
      pos = end + 1;
    }
  };
  push_segments(dir, false);
  // The reference's query/fragment are not path segments.
  size_t tail_at = ref.find_first_of("?#");
  std::string_view tail = tail_at == std::string_view::npos ? std::string_view() : ref.substr(tail_at);
  push_segments(ref.substr(0, tail_at == std::string_view::npos ? ref.size() : tail_at), true);
  std::string out;
  for (size_t i = 0; i < segs.size(); ++i) {
    out += '/';
    out += segs[i];
  }
  if (out.empty()) out = "/";
  // "a/" keeps its trailing slash: the last pushed segment is "" then.
  out += tail;
  return out;
}

std::string absolute_url(std::string_view url, std::string_view site_url, std::string_view page_path) {
  if (url.empty()) return std::string(site_url) + std::string(page_path);
  if (url.substr(0, 2) == "//") {
    size_t colon = site_url.find(':');
    return std::string(site_url.substr(0, colon == std::string_view::npos ? 0 : colon + 1)) + std::string(url);
  }
  if (has_url_scheme(url)) return std::string(url);
  if (url[0] == '/') return std::string(site_url) + std::string(url);
  if (url[0] == '#' || url[0] == '?') return std::string(site_url) + std::string(page_path) + std::string(url);
  return std::string(site_url) + resolve_path(page_path, url);
}

}  // namespace

std::string rfc3339(const DateTime& w) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", w.year, w.month, w.day, w.has_time ? w.hour : 0,
                w.has_time ? w.minute : 0, w.has_time ? w.second : 0);
  std::string out(buf);
  if (!w.has_offset || w.offset_minutes == 0) return out + "Z";
  int off = w.offset_minutes;
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, off / 60, off % 60);
  return out + buf;
}

std::string absolute_urls(std::string_view html, std::string_view site_url, std::string_view page_path) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  size_t copied = 0;  // html before `copied` is in `out`
  for_each_url_attribute(html, [&](std::string_view, std::string_view attribute, size_t value_at, size_t value_end) {
    if (attribute == "srcset") return;
    out.append(html.substr(copied, value_at - copied));
    out += absolute_url(html.substr(value_at, value_end - value_at), site_url, page_path);
    copied = value_end;
  });
  out.append(html.substr(copied));
  return out;
}

const std::string& FeedWriter::summary_text(size_t post) {
  if (!summarised_[post]) {
    summary_[post] = markdown_plain_text(b_.posts[post].summary);
    summarised_[post] = true;
  }
  return summary_[post];
}

const std::string& FeedWriter::content(size_t post) {
  if (!rendered_[post]) {
    const Post& p = b_.posts[post];
    MarkdownOptions o = post_markdown_options(b_.site, p);
    const ImageSizes sizes(p.images);
    o.image_sizes = &sizes;
    std::string html = p.has_body ? render_markdown(p.body, o) : render_markdown(p.summary, o);
    content_[post] = absolute_urls(html, b_.site.url, site_path(b_.site, post_route(p)));
    rendered_[post] = true;
  }
  return content_[post];
}

std::vector<size_t> FeedWriter::entries(const TagInfo* tag) const {
  std::vector<size_t> out;
  const size_t limit = static_cast<size_t>(std::max(1, b_.site.feed_entries));
  if (tag) {
    out.assign(tag->posts.begin(), tag->posts.begin() + static_cast<long>(std::min(limit, tag->posts.size())));
  } else {
    for (size_t i = 0; i < b_.posts.size() && i < limit; ++i) out.push_back(i);
  }
  return out;
}

std::string FeedWriter::atom(const TagInfo* tag) {
  const Site& s = b_.site;
  const std::vector<size_t> posts = entries(tag);
  const std::string home = s.url + (tag ? site_path(s, term_route(*tag)) : s.base_path);
  const std::string self = s.url + feed_dir(s, tag) + kAtomFeedFile;
  const std::string author = s.author.empty() ? s.title : s.author;
  std::string x;
  x.reserve(4096 + posts.size() * 8192);
  x += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
       xml_text(s.language) + "\">\n";
  x += "<title>" + xml_text(feed_title(s, tag)) + "</title>\n";
  if (!s.description.empty()) x += "<subtitle>" + xml_text(s.description) + "</subtitle>\n";
  x += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(self) + "\"/>\n";
  x += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(home) + "\"/>\n";
  x += "<id>" + xml_text(home) + "</id>\n";
  x += "<updated>" + rfc3339(latest(b_, posts)) + "</updated>\n";
  x += "<author><name>" + xml_text(author) + "</name></author>\n";
  x += "<generator uri=\"" + std::string(kGeneratorUri) + "\">Quire</generator>\n";
  for (size_t i : posts) {
    const Post& p = b_.posts[i];
    const std::string url = s.url + site_path(s, post_route(p));
    x += "<entry>\n<title>" + xml_text(p.title) + "</title>\n";
    x += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(url) + "\"/>\n";
    x += "<id>" + xml_text(url) + "</id>\n";
    x += "<published>" + rfc3339(p.when) + "</published>\n";
    x += "<updated>" + rfc3339(modified(p)) + "</updated>\n";
    for (std::string_view a : p.authors) x += "<author><name>" + xml_text(a) + "</name></author>\n";
    for (std::string_view t : p.tags) x += "<category term=\"" + xml_text(t) + "\"/>\n";
    for (std::string_view c : p.categories) x += "<category term=\"" + xml_text(c) + "\"/>\n";
    const std::string& summary = summary_text(i);
    if (!summary.empty()) x += "<summary type=\"text\">" + xml_text(summary) + "</summary>\n";
    x += "<content type=\"html\">" + xml_text(content(i)) + "</content>\n</entry>\n";
  }
  x += "</feed>\n";
  return x;
}

std::string FeedWriter::json_feed(const TagInfo* tag) {
  const Site& s = b_.site;
  const std::vector<size_t> posts = entries(tag);
  json feed = {{"version", "https://jsonfeed.org/version/1.1"},
               {"title", feed_title(s, tag)},
               {"home_page_url", s.url + (tag ? site_path(s, term_route(*tag)) : s.base_path)},
               {"feed_url", s.url + feed_dir(s, tag) + kJsonFeedFile},
               {"language", s.language}};
  if (!s.description.empty()) feed["description"] = s.description;
  if (!s.author.empty()) feed["authors"] = json::array({json{{"name", s.author}}});
  json items = json::array();
  for (size_t i : posts) {
    const Post& p = b_.posts[i];
    const std::string url = s.url + site_path(s, post_route(p));
    json item = {{"id", url}, {"url", url}, {"title", p.title}, {"content_html", content(i)},
                 {"date_published", rfc3339(p.when)}, {"date_modified", rfc3339(modified(p))}};
    const std::string& summary = summary_text(i);
    if (!summary.empty()) item["summary"] = summary;
    if (!p.tags.empty()) item["tags"] = p.tags;
    for (std::string_view a : p.authors) item["authors"].push_back(json{{"name", a}});
    items.push_back(std::move(item));
  }
  feed["items"] = std::move(items);
  return feed.dump(1, '\t', false, json::error_handler_t::replace) + "\n";
}

std::string sitemap_xml(const Bundle& b) {
  const Site& s = b.site;
  const size_t per = static_cast<size_t>(std::max(1, s.posts_per_page));
  std::vector<size_t> all(b.posts.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  auto page_of = [per](const std::vector<size_t>& list, int page) {
    size_t start = std::min(list.size(), static_cast<size_t>(page - 1) * per);
    return std::vector<size_t>(list.begin() + static_cast<long>(start),
                               list.begin() + static_cast<long>(std::min(list.size(), start + per)));
  };
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const Route& r : all_routes(b)) {
    std::vector<size_t> shown;  // the posts whose changes change this page
    switch (r.kind) {
      case RouteKind::Search: continue;  // no content of its own
      case RouteKind::Home: shown = page_of(all, r.page); break;
      case RouteKind::Post:
        if (const Post* p = b.find_post(r.slug)) shown.push_back(static_cast<size_t>(p - b.posts.data()));
        break;
      case RouteKind::Tag:
        if (const TagInfo* t = b.find_term(r.category, r.tag)) shown = page_of(t->posts, r.page);
        break;
      case RouteKind::Month:
        if (const MonthInfo* m = b.find_month(r.year, r.month)) shown = m->posts;
        break;
      default: shown = all; break;
    }
    x += "<url><loc>" + xml_text(s.url + site_path(s, r)) + "</loc>";
    if (!shown.empty()) x += "<lastmod>" + rfc3339(latest(b, shown)) + "</lastmod>";
    x += "</url>\n";
  }
  x += "</urlset>\n";
  return x;
}

std::string robots_txt(const Bundle& b) {
  std::string out = "User-agent: *\nAllow: /\n";
  if (has_feeds(b.site)) out += "\nSitemap: " + b.site.url + b.site.base_path + kSitemapFile + "\n";
  return out;
}

std::vector<OutputFile> feed_files(const Bundle& b) {
  std::vector<OutputFile> files;
  files.push_back({kRobotsFile, robots_txt(b)});
  if (!has_feeds(b.site)) return files;
  files.push_back({kSitemapFile, sitemap_xml(b)});
  FeedWriter feeds(b);
  files.push_back({kAtomFeedFile, feeds.atom(nullptr)});
  files.push_back({kJsonFeedFile, feeds.json_feed(nullptr)});
  const std::string atom = files[files.size() - 2].data, json_feed = files.back().data;
  auto is_json = [](const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0; };
  std::vector<std::string> term_feeds;  // /tags/:tag/index.xml: each term's, below
  // The old addresses redirected to each term's page (Hugo's /tags/criterion.rs/
  // for Quire's /tags/criterion-rs/), by that page: its feed was there too.
  std::map<std::string, std::vector<std::string>> old_term_pages;
  for (const Site::Redirect& r : b.site.redirects)
    old_term_pages[percent_decode(normal_path(r.to, false))].push_back(percent_decode(r.from));
  for (const std::string& old : b.site.old_feeds) {  // the old engine's feed URLs (url_keys.hpp); a folder's: its index.html
    if (old.find(':') != std::string::npos) {
      term_feeds.push_back(old);
      continue;
    }
    files.push_back({percent_decode(old) + (old.back() == '/' ? "index.html" : ""), is_json(old) ? json_feed : atom});
  }
  for (const std::vector<TagInfo>* terms : {&b.tags, &b.categories})  // categories.hpp
  for (const TagInfo& t : *terms) {
    // Decoded, like the pages: hosts decode the URL before looking up a file.
    std::string dir = percent_decode(route_path(term_route(t), "/").substr(1));
    const std::string own_atom = feeds.atom(&t), own_json = feeds.json_feed(&t);
    files.push_back({dir + kAtomFeedFile, own_atom});
    files.push_back({dir + kJsonFeedFile, own_json});
    for (const std::string& pattern : term_feeds) {
      const bool by_tag = pattern.find(":tag") != std::string::npos;
      // With category pages, :category is theirs and :tag the tags'; without,
      // the categories are among the tags and each pattern takes them all.
      if (b.site.categories && by_tag == t.category) continue;
      const size_t at = pattern.find(by_tag ? ":tag" : ":category");
      const std::string prefix = pattern.substr(0, at), suffix = pattern.substr(at + (by_tag ? 4 : 9));
      std::vector<std::string> names = {percent_decode(t.slug)};
      if (const auto old = old_term_pages.find(dir); old != old_term_pages.end())
        for (const std::string& from : old->second) {  // "tags/criterion.rs/" under the pattern's "tags/"
          if (from.size() <= prefix.size() + 1 || from.rfind(prefix, 0) != 0 || from.back() != '/') continue;
          // (a name of several segments too, Hugo's "CI/CD" at /tags/ci/cd/; not a
          // page of the term's list, /tags/go/page/1/)
          const std::string name = from.substr(prefix.size(), from.size() - 1 - prefix.size());
          const std::string last = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
          if (name.find('/') != std::string::npos && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
          names.push_back(name);
        }
      for (const std::string& name : names) {
        std::string path = prefix + name + suffix;
        if (path.back() == '/') path += "index.html";
        if (path != dir + kAtomFeedFile && path != dir + kJsonFeedFile) files.push_back({path, is_json(path) ? own_json : own_atom});
      }
    }
  }
  return files;
}

}  // namespace quire
