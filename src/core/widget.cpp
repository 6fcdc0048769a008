#include "core/widget.hpp"

#include <algorithm>
#include <vector>

#include "core/code_tokens.hpp"
#include "core/dates.hpp"
#include "core/html.hpp"
#include "core/image_sizes.hpp"
#include "core/markdown.hpp"
#include "core/post_shards.hpp"
#include "core/router.hpp"
#include "core/smart_punctuation.hpp"
#include "core/views.hpp"

namespace quire {
namespace {

constexpr int kMaxLimit = 1000;

bool starts_with_http(std::string_view url) {
  const std::string head = ascii_lower(url.substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

// Valid UTF-8: JS strings always reach the core as such, the native API's
// need not, and a base is copied into the HTML.
bool valid_utf8(std::string_view text) { return sanitize_utf8(text) == text; }

// An absolute http(s) URL without query or fragment, ending in '/'.
bool usable_base(std::string_view url) {
  if (!starts_with_http(url) || !valid_utf8(url)) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '?' || c == '#' || c == '"' || c == '<' || c == '>')
      return false;
  return true;
}

std::string with_slash(std::string_view url) {
  std::string out(url);
  if (out.empty() || out.back() != '/') out += '/';
  return out;
}

// "1".."1000" (digits only) → the number, else 0.
int parse_limit(std::string_view text) {
  if (text.empty() || text.size() > 4) return 0;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= kMaxLimit ? n : 0;
}

// "YYYY-MM" → year and month, else false.
bool parse_year_month(std::string_view text, int& year, int& month) {
  if (text.size() != 7 || text[4] != '-') return false;
  int y = 0, m = 0;
  for (size_t i = 0; i < 7; ++i) {
    if (i == 4) continue;
    if (text[i] < '0' || text[i] > '9') return false;
    (i < 4 ? y : m) = (i < 4 ? y : m) * 10 + (text[i] - '0');
  }
  if (y < 1 || m < 1 || m > 12) return false;
  year = y;
  month = m;
  return true;
}

// (Not "quoted": with <iomanip> in view, ADL would pick std::quoted for a
// std::string argument.)
std::string in_quotes(std::string_view s) { return "\"" + sanitize_utf8(s.substr(0, 200)) + "\""; }

class WidgetBuilder {
 public:
  WidgetBuilder(const Bundle& b, const WidgetRequest& r) : b_(b), site_(b.site), req_(r) {
    for (char c : r.id_prefix)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
        prefix_ += c;
  }

  WidgetView build() {
    if (!choose_base()) return std::move(v_);
    const std::string& view = req_.view;
    if (view.empty() || view == "latest") latest();
    else if (view == "post") post();
    else if (view == "tag") tag();
    else if (view == "category") category();
    else if (view == "archive") archive();
    else if (view == "month") month();
    else fail(400, "view: expected latest, post, tag, category, archive or month, got " + in_quotes(view));
    if (!stubs_.empty() && v_.status == 200) {  // a sharded bundle's posts not loaded yet (post_shards.hpp)
      v_.needs = missing_shards(b_, stubs_);
      v_.html = "<p class=\"loading\" part=\"loading\">Loading…</p>\n";
    }
    return std::move(v_);
  }

 private:
  const Post& at(size_t i) {
    if (!post_loaded(b_, i)) stubs_.push_back(i);
    return b_.posts[i];
  }

  bool choose_base() {
    if (!req_.link_base.empty()) {
      if (!valid_utf8(req_.link_base)) return fail(400, "link-base: expected valid UTF-8, got " + in_quotes(req_.link_base));
      if (!usable_base(req_.link_base))
        return fail(400, "link-base: expected an http(s) URL without ? or #, got " + in_quotes(req_.link_base));
      base_ = with_slash(req_.link_base);
    } else if (usable_base(site_.url + site_.base_path)) {
      base_ = site_.url + site_.base_path;
    } else if (usable_base(req_.bundle_base)) {
      base_ = with_slash(req_.bundle_base);
    } else {
      base_ = site_.base_path;  // no absolute address known: root-relative links
    }
    return true;
  }

  bool fail(int status, std::string message) {
    v_ = WidgetView{};
    v_.status = status;
    v_.error = std::move(message);
    return false;
  }

  // The route's address under the chosen base.
  std::string link(const Route& r) const { return base_ + route_path(r, "/").substr(1); }

  // A base's path ("/blog/"): where the blog's root ("/tags/x/" in a post)
  // lies at that address, as base_path is on the blog itself.
  static std::string_view path_of(std::string_view base) {
    if (!starts_with_http(base)) return base;  // already root-relative
    const size_t host = base.find("://") + 3;
    return base.substr(std::min(base.size(), base.find('/', host)));
  }

  // How many posts a list shows; 0 after a failure.
  size_t limit() {
    if (req_.limit.empty()) return static_cast<size_t>(std::max(1, site_.posts_per_page));
    int n = parse_limit(req_.limit);
    if (n == 0) fail(400, "limit: expected a whole number from 1 to " + std::to_string(kMaxLimit) + ", got " +
                              in_quotes(req_.limit));
    return static_cast<size_t>(n);
  }

  void back(Html& h) {
    if (req_.back)
      h.raw("<p class=\"back\"><button type=\"button\" class=\"back\" part=\"back\" data-quire-action=\"back\">"
            "← Back</button></p>\n");
  }

  void time(Html& h, std::string_view iso, const DateTime& when) {
    h.raw("<time datetime=\"").text(iso).raw("\">").text(format_date(when, site_.date_format, site_.language))
        .raw("</time>");
  }

  // Heading, list of posts and a link to where the full list lives.
  void post_list(const std::string& heading, const std::string& heading_href, const std::vector<size_t>& posts,
                 const std::string& more_href, const char* more_label) {
    size_t n = limit();
    if (n == 0) return;
    v_.title = heading;
    Html h;
    back(h);
    h.raw("<h2 class=\"heading\" part=\"heading\"><a href=\"").text(heading_href).raw("\">").text(heading)
        .raw("</a></h2>\n");
    if (posts.empty()) {
      h.raw("<p class=\"empty\" part=\"empty\">No posts yet.</p>\n");
      v_.html = h.take();
      return;
    }
    h.raw("<ol class=\"posts\" part=\"list\">\n");
    for (size_t k = 0; k < posts.size() && k < n; ++k) {
      const Post& p = at(posts[k]);
      h.raw("<li class=\"item\" part=\"item\"><a class=\"link\" part=\"link\" href=\"").text(link(post_route(p)))
          .raw("\" data-slug=\"").text(p.slug).raw("\">").text(smart_title(p.title, site_.smart_punctuation))
          .raw("</a>\n<p class=\"meta\" part=\"meta\">");
      time(h, p.date, p.when);
      h.raw("</p>\n");
      std::string summary = markdown_plain_text(p.summary);
      if (!summary.empty()) h.raw("<p class=\"summary\" part=\"summary\">").text(summary).raw("</p>\n");
      h.raw("</li>\n");
    }
    h.raw("</ol>\n");
    if (posts.size() > n)
      h.raw("<p class=\"more\" part=\"more\"><a href=\"").text(more_href).raw("\">").raw(more_label)
          .raw(" →</a></p>\n");
    v_.html = h.take();
  }

  void latest() {
    std::vector<size_t> all(b_.posts.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    post_list(site_.title, base_, all, base_, "All posts");
  }

  void tag() {
    if (req_.tag.empty()) {
      fail(400, "tag: required when view is \"tag\"");
      return;
    }
    const TagInfo* t = b_.find_tag(tag_slug(req_.tag));
    if (!t) t = b_.find_tag(req_.tag);
    if (!t) {
      fail(404, "tag: no posts tagged " + in_quotes(req_.tag) + " in this blog");
      return;
    }
    std::string href = link(tag_route(t->slug));
    post_list("Posts tagged “" + t->name + "”", href, t->posts, href, "All posts with this tag");
  }

  void category() {  // categories.hpp
    if (req_.category.empty()) {
      fail(400, "category: required when view is \"category\"");
      return;
    }
    const TagInfo* t = b_.find_term(true, tag_slug(req_.category));
    if (!t) t = b_.find_term(true, req_.category);
    if (!t) {
      fail(404, "category: no posts in category " + in_quotes(req_.category) + " in this blog");
      return;
    }
    std::string href = link(term_route(*t));
    post_list("Posts in category “" + t->name + "”", href, t->posts, href, "All posts in this category");
  }

  void month() {
    int year = 0, month = 0;
    if (!parse_year_month(req_.month, year, month)) {
      fail(400, "month: expected YYYY-MM, got " + in_quotes(req_.month));
      return;
    }
    const MonthInfo* m = b_.find_month(year, month);
    static const std::vector<size_t> none;
    std::string href = link(month_route(year, month));
    post_list(month_year(year, month, site_.language), m ? href : link(route_of(RouteKind::ArchiveIndex)),
              m ? m->posts : none, href, "All posts of the month");
  }

  void archive() {
    v_.title = "Archive";
    Html h;
    back(h);
    h.raw("<h2 class=\"heading\" part=\"heading\"><a href=\"").text(link(route_of(RouteKind::ArchiveIndex)))
        .raw("\">Archive</a></h2>\n");
    if (b_.months.empty()) {
      h.raw("<p class=\"empty\" part=\"empty\">No posts yet.</p>\n");
    } else {
      h.raw("<ol class=\"months\" part=\"list\">\n");
      for (const MonthInfo& m : b_.months) {
        h.raw("<li class=\"item\" part=\"item\"><a class=\"link\" part=\"link\" href=\"")
            .text(link(month_route(m.year, m.month))).raw("\">").text(month_year(m.year, m.month, site_.language))
            .raw("</a> <span class=\"count\" part=\"meta\">(").num(static_cast<long long>(m.posts.size()))
            .raw(")</span></li>\n");
      }
      h.raw("</ol>\n");
    }
    v_.html = h.take();
  }

  void post() {
    if (req_.slug.empty()) {
      fail(400, "slug: required when view is \"post\"");
      return;
    }
    const Post* p = b_.find_post(req_.slug);
    if (!p && missing_slug_file(b_, req_.slug)) {  // a sharded bundle: which post it is, first
      v_.needs = *missing_slug_file(b_, req_.slug);
      v_.html = "<p class=\"loading\" part=\"loading\">Loading…</p>\n";
      return;
    }
    if (!p) {
      fail(404, "slug: no post " + in_quotes(req_.slug) + " in this blog");
      return;
    }
    at(static_cast<size_t>(p - b_.posts.data()));
    const std::string href = link(post_route(*p));
    v_.title = p->title;
    Html h;
    back(h);
    h.raw("<article class=\"post\" part=\"post\" data-slug=\"").text(p->slug).raw("\">\n<header>\n")
        .raw("<h2 class=\"post-title\" part=\"post-title\" tabindex=\"-1\"><a href=\"").text(href).raw("\">")
        .text(smart_title(p->title, site_.smart_punctuation)).raw("</a></h2>\n<p class=\"meta\" part=\"meta\">");
    time(h, p->date, p->when);
    if (int minutes = reading_minutes(*p)) h.raw(" · ").num(minutes).raw(" min read");
    h.raw("</p>\n");
    if (site_.categories && !p->categories.empty()) {  // categories.hpp: a line "in ...", not tag pills
      std::vector<std::pair<const TagInfo*, const std::string*>> shown;
      for (const std::string& c : p->categories)
        if (const TagInfo* info = b_.find_term(true, tag_slug(c))) shown.emplace_back(info, &c);
      if (!shown.empty()) {
        h.raw("<p class=\"categories\" part=\"categories\">in ");
        for (size_t i = 0; i < shown.size(); ++i)
          h.raw(i == 0 ? "" : i + 1 == shown.size() ? " and " : ", ")
              .raw("<a class=\"category\" part=\"category\" href=\"").text(link(term_route(*shown[i].first)))
              .raw("\">").text(*shown[i].second).raw("</a>");
        h.raw("</p>\n");
      }
    }
    if (!p->tags.empty()) {
      h.raw("<ul class=\"tags\" part=\"tags\" aria-label=\"Tags\">");
      for (std::string_view t : p->tags) {
        const TagInfo* info = b_.find_tag(tag_slug(t));
        if (!info) continue;
        h.raw("<li><a class=\"tag\" part=\"tag\" href=\"").text(link(tag_route(info->slug))).raw("\">").text(t)
            .raw("</a></li>");
      }
      h.raw("</ul>\n");
    }
    h.raw("</header>\n<div class=\"post-body\" part=\"post-body\">\n");
    if (p->has_body) {
      MarkdownOptions o = post_markdown_options(b_.site, *p);
      // Never raw HTML on someone else's page, whatever the blog allows
      // for itself: the host did not agree to run the author's markup.
      o.unsafe_html = false;
      o.drop_raw_html = true;
      o.id_prefix = prefix_;
      o.url_base = starts_with_http(href) ? href : std::string();
      o.base_path = std::string(path_of(base_));
      if (usable_base(req_.bundle_base)) {
        // Images come from the bundle's folder, the blog's root where it is served.
        const std::string bundle = with_slash(req_.bundle_base);
        o.image_url_base = bundle + route_path(post_route(*p), "/").substr(1);
        o.image_base_path = std::string(path_of(bundle));
      }
      const ImageSizes sizes(p->images);  // build-time image sizes, as the blog's own pages use them
      o.image_sizes = &sizes;
      o.eager_images = 1;
      TokenReplay tokens(p->code_json);  // build-time highlighting
      o.code = &tokens;
      h.raw(render_markdown(p->body, o));
    } else {
      if (const std::string* chunk = b_.missing_chunk(*p)) v_.needs = *chunk;
      h.raw("<p><a href=\"").text(href).raw("\">Read this post on the blog →</a></p>\n");
    }
    h.raw("</div>\n</article>\n");
    v_.html = h.take();
  }

  const Bundle& b_;
  const Site& site_;
  const WidgetRequest& req_;
  std::string prefix_;
  std::string base_;
  WidgetView v_;
  std::vector<size_t> stubs_;  // posts shown that are stubs
};

}  // namespace

WidgetView render_widget(const Bundle& bundle, const WidgetRequest& request) {
  return WidgetBuilder(bundle, request).build();
}

}  // namespace quire
