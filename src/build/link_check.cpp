#include "build/link_check.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_set>

#include "build/fsutil.hpp"
#include "build/site_writer.hpp"
#include "build/url_attributes.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/output_buffer.hpp"
#include "core/permalink.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace quire {
namespace fs = std::filesystem;
namespace {

// Paths under base_path, decoded, without the leading '/': a file
// ("images/a.png", "2016/10/06/x.html") or a folder with its slash
// ("posts/x/"; the home is "").
class Addresses {
 public:
  void add(std::string path) { paths_.insert(std::move(path)); }
  bool has(const std::string& path) const {
    if (paths_.count(path)) return true;
    if (path.empty() || path.back() == '/') return paths_.count(path + "index.html") > 0;
    if (paths_.count(path + "/") || paths_.count(path + "/index.html")) return true;
    const std::string_view index = "index.html";
    return path.size() >= index.size() && path.compare(path.size() - index.size(), index.size(), index) == 0 &&
           (path.size() == index.size() || path[path.size() - index.size() - 1] == '/') &&
           paths_.count(path.substr(0, path.size() - index.size()));
  }

 private:
  std::unordered_set<std::string> paths_;
};

// The folder a route's page is in, decoded: "posts/x/", "2016/10/06/" for
// /2016/10/06/x.html.
std::string page_folder(const Route& route) {
  std::string path = percent_decode(route_path(route, "/").substr(1));
  path.erase(path.rfind('/') + 1);
  return path;
}

// What the output has: every page, redirect, feed and file of the build,
// and the files it copies.
Addresses site_addresses(const Bundle& b, const fs::path& static_dir, const std::vector<PostFile>& post_files) {
  Addresses out;
  for (const Route& r : all_routes(b)) out.add(percent_decode(route_path(r, "/").substr(1)));
  auto aliases = [&](const std::vector<Post>& list) {
    for (const Post& p : list)
      for (const Text& a : p.aliases) {
        const std::string path = normal_path(a, false);
        out.add(path);  // the redirect's file is named as written, and a host decodes the URL
        out.add(percent_decode(path));
      }
  };
  aliases(b.posts);
  aliases(b.pages);
  for (const Site::Redirect& r : b.site.redirects) out.add(percent_decode(r.from));
  for (const std::string& old : b.site.old_feeds) out.add(percent_decode(old));
  for (const char* f : {kBundleFile, "404.html", kAtomFeedFile, kJsonFeedFile, kSitemapFile, kRobotsFile}) out.add(f);
  for (const char* const* names : {kWebFiles, kWasmFiles})
    for (const char* const* n = names; *n; ++n) out.add(*n);
  for (const std::vector<TagInfo>* terms : {&b.tags, &b.categories})
    for (const TagInfo& t : *terms) {
      const std::string dir = percent_decode(route_path(term_route(t), "/").substr(1));
      out.add(dir + kAtomFeedFile);
      out.add(dir + kJsonFeedFile);
    }
  for (const PostFile& f : post_files)
    if (const Post* p = b.find_post(f.slug)) out.add(page_folder(post_route(*p)) + f.rel);
  std::error_code ec;
  if (!static_dir.empty() && fs::is_directory(static_dir, ec))
    for (auto it = fs::recursive_directory_iterator(static_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (!it->is_directory(ec)) out.add(it->path().lexically_relative(static_dir).generic_string());
  return out;
}

// "&amp;" as the renderer writes '&' in an attribute (the only entity a
// URL it wrote has, besides &quot; and &lt;, which escaping made %22, %3C).
std::string attribute_text(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    out += value[i];
    if (value.compare(i, 5, "&amp;") == 0) i += 4;
  }
  return out;
}

// The path under base_path a local URL of a page in `folder` leads to, or
// false for a URL that is not the site's (a scheme, "//host", "#x", "?q", a
// root path outside base_path, a ".." above the root).
bool local_path(std::string_view url, std::string_view base_path, const std::string& folder, std::string& path) {
  if (url.empty() || url[0] == '#' || url[0] == '?' || url.substr(0, 2) == "//" || has_url_scheme(url)) return false;
  url = url.substr(0, url.find_first_of("?#"));
  std::string joined;
  if (url[0] == '/') {
    if (url.substr(0, base_path.size()) != base_path && url != base_path.substr(0, base_path.size() - 1)) return false;
    joined = std::string(url.substr(std::min(url.size(), base_path.size())));
  } else {
    joined = folder + std::string(url);
  }
  joined = percent_decode(joined);
  // "." and ".." segments, as the browser resolves them.
  std::vector<std::string> segments;
  size_t at = 0;
  for (;;) {
    const size_t slash = joined.find('/', at);
    const std::string segment = joined.substr(at, slash == std::string::npos ? std::string::npos : slash - at);
    const bool last = slash == std::string::npos;
    if (segment == "..") {
      if (segments.empty()) return false;
      segments.pop_back();
      if (last) segments.emplace_back();
    } else if (segment == ".") {
      if (last) segments.emplace_back();
    } else if (!segment.empty() || last) {
      segments.push_back(segment);
    }
    if (last) break;
    at = slash + 1;
  }
  path.clear();
  for (size_t i = 0; i < segments.size(); ++i) path += (i ? "/" : "") + segments[i];
  if (!path.empty() && segments.back().empty()) path.back() = '/';
  if (segments.size() == 1 && segments[0].empty()) path.clear();
  return true;
}

struct Broken {
  std::string url;   // as rendered, base_path and all
  std::string what;  // "image", "link", or the element ("video")
};

// The post's local images and links that lead nowhere, in order, once each.
std::vector<Broken> broken_links(const Bundle& b, const Post& p, const Route& route, const Addresses& known,
                                 OutputBuffer& buffer) {
  std::vector<Broken> out;
  const std::string_view body = p.body.view();
  if (body.find("](") == std::string_view::npos && body.find("]:") == std::string_view::npos &&
      body.find("src") == std::string_view::npos && body.find("href") == std::string_view::npos &&
      body.find("SRC") == std::string_view::npos && body.find("HREF") == std::string_view::npos)
    return out;  // nothing that could be a link: no render
  const std::string_view html = render_markdown_into(buffer, body, post_markdown_options(b.site, p));
  const std::string folder = page_folder(route);
  std::unordered_set<std::string> seen;
  std::string path;
  auto check = [&](std::string_view element, const std::string& url) {
    if (!local_path(url, b.site.base_path, folder, path) || known.has(path) || !seen.insert(url).second) return;
    // An address the router reads without a file of its own (a tag
    // combination the app renders from 404.html).
    const Route asked = parse_route(b.site.base_path + path, b);
    if (asked.kind != RouteKind::NotFound && render_view(b, asked).status == 200) return;
    out.push_back({url, element == "img" ? "image" : element == "a" ? "link" : std::string(element)});
  };
  for_each_url_attribute(html, [&](std::string_view element, std::string_view attribute, size_t value_at, size_t value_end) {
    const std::string value = attribute_text(html.substr(value_at, value_end - value_at));
    if (attribute != "srcset") return check(element, value);
    for (const std::string& url : srcset_urls(value)) check(element == "source" ? "image" : element, url);
  });
  return out;
}

// The 1-based line of the file where `url` (as rendered) is written: as it
// is, without base_path, decoded, or its file name; 0 when none is found.
int line_of(const std::string& text, const std::string& url, std::string_view base_path) {
  std::vector<std::string> forms = {url};
  if (base_path.size() > 1 && url.rfind(base_path, 0) == 0) forms.push_back(url.substr(base_path.size() - 1));
  forms.push_back(percent_decode(forms.back()));
  const std::string bare = url.substr(0, url.find_first_of("?#"));
  if (const size_t slash = bare.find_last_of('/', bare.size() > 1 ? bare.size() - 2 : 0);
      slash != std::string::npos && bare.size() - slash > 2)
    forms.push_back(percent_decode(bare.substr(slash + 1)));
  for (const std::string& form : forms) {
    if (form.empty()) continue;
    const size_t at = text.find(form);
    if (at != std::string::npos) return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  }
  return 0;
}

}  // namespace

void check_local_links(const Bundle& b, const fs::path& static_dir, const std::vector<PostFile>& post_files,
                       const std::vector<std::string>& post_sources, const std::vector<std::string>& page_sources,
                       std::vector<Diagnostic>& warnings) {
  struct Document {
    const Post* post;
    Route route;
    const std::string* file;
    std::vector<Broken> broken = {};
  };
  std::vector<Document> docs;
  for (size_t i = 0; i < b.posts.size() && i < post_sources.size(); ++i)
    if (!post_sources[i].empty()) docs.push_back({&b.posts[i], post_route(b.posts[i]), &post_sources[i]});
  for (size_t i = 0; i < b.pages.size() && i < page_sources.size(); ++i)
    if (!page_sources[i].empty()) docs.push_back({&b.pages[i], page_route(b.pages[i]), &page_sources[i]});
  if (docs.empty()) return;
  const Addresses known = site_addresses(b, static_dir, post_files);
  // Rendering is most of the work: on every core, as the pages are.
  std::atomic<size_t> next{0};
  auto work = [&] {
    OutputBuffer buffer;
    for (size_t i; (i = next++) < docs.size();) docs[i].broken = broken_links(b, *docs[i].post, docs[i].route, known, buffer);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(build_threads(), docs.size() / 64 + 1); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  constexpr size_t kShown = 5;
  for (const Document& d : docs) {
    if (d.broken.empty()) continue;
    std::string text;
    if (!read_file(*d.file, text)) text.clear();
    std::string message = std::string(kLocalLinksWarning) + std::to_string(d.broken.size()) +
                          (d.broken.size() == 1 ? " leads" : " lead") + " to no file or page of the built site: ";
    int first_line = 0;
    for (size_t k = 0; k < d.broken.size() && k < kShown; ++k) {
      const int line = line_of(text, d.broken[k].url, b.site.base_path);
      if (k == 0) first_line = line;
      message += std::string(k ? ", " : "") + d.broken[k].what + " " + percent_decode(d.broken[k].url);
      if (line > 0) message += " (line " + std::to_string(line) + ")";
    }
    if (d.broken.size() > kShown) message += ", and " + std::to_string(d.broken.size() - kShown) + " more";
    warnings.push_back({*d.file, first_line, message});
  }
}

}  // namespace quire
