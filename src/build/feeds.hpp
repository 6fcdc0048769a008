// Feeds and discovery files of a built site (native only):
//   feed.xml, feed.json                  Atom and JSON Feed 1.1, whole site
//   tags/<tag>/feed.xml, feed.json       the same for one tag (and categories/<c>/)
//   site.old_feeds                       copies of the site's feed where the
//                                        old engine had it (index.xml...); a
//                                        term's (/tags/:tag/index.xml) also
//                                        under each old address redirected
//                                        to the term's page
//   sitemap.xml                          every page, with lastmod
//   robots.txt                           allows everything, names the sitemap
// File names come from core/views.hpp. Feeds carry the newest
// site.feed_entries posts with their full rendered content, every URL made
// absolute against site.url. Without a site.url nothing here can be absolute:
// only robots.txt (without its Sitemap line) is written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

namespace quire {

struct OutputFile {
  std::string path;  // relative to the output directory, decoded ("tags/café/feed.xml")
  std::string data;
};

// Every file above that the bundle calls for.
std::vector<OutputFile> feed_files(const Bundle& bundle);

// One feed; `tag` null for the whole site. Posts' HTML is rendered once per
// FeedWriter and shared by all its feeds.
class FeedWriter {
 public:
  explicit FeedWriter(const Bundle& bundle)
      : b_(bundle),
        content_(bundle.posts.size()),
        rendered_(bundle.posts.size()),
        summary_(bundle.posts.size()),
        summarised_(bundle.posts.size()) {}
  std::string atom(const TagInfo* tag);
  std::string json_feed(const TagInfo* tag);

 private:
  const std::string& content(size_t post);  // full HTML, absolute URLs
  const std::string& summary_text(size_t post);  // plain-text summary
  std::vector<size_t> entries(const TagInfo* tag) const;
  const Bundle& b_;
  std::vector<std::string> content_;
  std::vector<bool> rendered_;
  std::vector<std::string> summary_;  // each post's plain summary, made once
  std::vector<bool> summarised_;
};

std::string sitemap_xml(const Bundle& bundle);
std::string robots_txt(const Bundle& bundle);

// Rewrites the href and src attributes of the tags in `html` (not text or
// code that looks like one, nor comments) to absolute URLs: "/x" becomes
// site_url + "/x"; "x", "../x", "#f" and "?q" are resolved against the page
// at `page_path` (which starts and ends with '/'); URLs with a scheme are
// kept; "//host/x" gets site_url's scheme.
std::string absolute_urls(std::string_view html, std::string_view site_url, std::string_view page_path);

// RFC 3339, as Atom and JSON Feed want it: a date-only value is midnight,
// a value without offset is taken as UTC ("2026-03-14T00:00:00Z").
std::string rfc3339(const DateTime& when);

}  // namespace quire
