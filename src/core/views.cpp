#include "core/views.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "core/categories.hpp"
#include "core/code_tokens.hpp"
#include "core/dates.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/math.hpp"
#include "core/image_sizes.hpp"
#include "core/pages.hpp"
#include "core/post_shards.hpp"
#include "core/search_query.hpp"
#include "core/search_snippet.hpp"
#include "core/smart_punctuation.hpp"
#include "core/toc.hpp"

namespace quire {
namespace {

std::string page_title(const Site& site, std::string_view what) {
  if (what.empty()) return site.title;
  return std::string(what) + " — " + site.title;
}

std::string_view plural(size_t n, const char* one, const char* many) { return n == 1 ? one : many; }

// A post this long (reading time) ends with a "Back to top" link.
constexpr int kBackToTopMinutes = 4;

// x to the power e (exact while the result fits a double's 53 bits).
double power(double x, int e) {
  double r = 1;
  while (e-- > 0) r *= x;
  return r;
}

// A tag cloud's weight, 1-5, for a tag of n posts when the biggest has
// `most`: 1 + 4·log(n)/log(most), rounded half up; that is 1 + how many of
// n^8 >= most^1, most^3, most^5, most^7 hold. Powers, not logarithms: log()
// would bring its code and ~4 KB of tables into the WASM module.
int cloud_weight(size_t n, size_t most) {
  if (most <= 1) return 1;
  const double n8 = power(static_cast<double>(n), 8);
  int weight = 1;
  for (int e = 1; e <= 7; e += 2)
    if (n8 >= power(static_cast<double>(most), e)) ++weight;
  return weight;
}

class ViewBuilder {
 public:
  ViewBuilder(const Bundle& b, const Route& r, const std::vector<std::string>* entries = nullptr)
      : b_(b), site_(b.site), route_(r), entries_(entries) {}

  // What the view needs, not the view: for chunk_needed (prefetching).
  ViewBuilder& needs_only() {
    showing_ = false;
    return *this;
  }

  View build() {
    switch (route_.kind) {
      case RouteKind::Home: home(); break;
      case RouteKind::Post: post(); break;
      case RouteKind::TagsIndex: tags_index(); break;
      case RouteKind::Tag: tag(); break;
      case RouteKind::ArchiveIndex: archive(); break;
      case RouteKind::Month: month(); break;
      case RouteKind::Search: search(); break;
      case RouteKind::Page:
        if (!render_page_view(b_, route_.slug, v_)) not_found();
        break;
      case RouteKind::NotFound:
        if (!wait_for_slugs(missing_path_file(b_, route_.asked))) not_found();  // a post's path, maybe
        break;
      default: not_found(); break;
    }
    if (!stubs_.empty()) wait_for_shards();
    return std::move(v_);
  }

 private:
  // A post to show (post_shards.hpp: a stub is noted, and the view then
  // names the shards it needs instead of showing it).
  const Post& at(size_t i) {
    if (!post_loaded(b_, i)) stubs_.push_back(i);
    return b_.posts[i];
  }
  // A post for a list of dates and titles (compact_list): a stub whose slug
  // file gave them is shown without its shard (Post::brief).
  const Post& brief(size_t i) { return b_.posts[i].brief ? b_.posts[i] : at(i); }
  void wait_for_shards() {
    std::string shards = missing_shards(b_, stubs_);
    // and what else the view named (a search's files), each once (a stub's
    // "chunk" is its shard: Bundle::missing_chunk)
    for (size_t at = 0, end; at < v_.needs.size(); at = end + 1) {
      end = std::min(v_.needs.find('\n', at), v_.needs.size());
      const std::string file = v_.needs.substr(at, end - at);
      if (("\n" + shards + "\n").find("\n" + file + "\n") == std::string::npos) shards += "\n" + file;
    }
    v_.needs = std::move(shards);
    v_.html = "<p class=\"pending\">Loading…</p>\n";
    v_.post = nullptr;
  }

  // A sharded bundle learns which post a slug or path is from its slug
  // file (post_shards.hpp): the view names it, if any.
  // A view being shown also names the few slug files the view of a missing
  // page lists near posts from (post_shards.hpp): if the path is no post's,
  // they are there in the same round, not one more after it. What opening
  // a link will need (chunk_needed, on hover) is the path's file alone.
  bool wait_for_slugs(const std::string* file) {
    if (!file) return false;
    begin(RouteKind::Post, site_.title);
    v_.needs = *file;
    const std::string near = showing_ ? missing_slug_files_for_near(b_) : std::string();
    for (size_t at = 0, end; at < near.size(); at = end + 1) {
      end = std::min(near.find('\n', at), near.size());
      if (near.compare(at, end - at, *file) != 0) v_.needs += "\n" + near.substr(at, end - at);
    }
    v_.html = "<p class=\"pending\">Loading…</p>\n";
    return true;
  }

  std::string path(const Route& r) const { return route_path(r, site_.base_path); }
  std::string tag_path(const TagInfo& t, int page = 1) const { return path(term_route(t, page)); }
  // The taxonomy this view shows: tags, or categories (categories.hpp).
  const std::vector<TagInfo>& terms() const { return route_.category ? b_.categories : b_.tags; }
  const TermWords& words() const { return term_words(route_.category); }
  Route terms_route(const std::vector<std::string>& slugs) const {
    Route r = tags_route(slugs);
    r.category = route_.category;
    return r;
  }

  void begin(RouteKind kind, std::string title) {
    v_.kind = kind;
    v_.status = 200;
    v_.title = std::move(title);
    v_.path = path(route_);
    v_.category = route_.category;
  }

  // The date as the site formats it; with its UTC offset when it shows a
  // time and the blog's posts carry different offsets.
  void time(Html& h, std::string_view iso, const DateTime& when) {
    h.raw("<time datetime=\"").text(iso).raw("\">").text(format_date(when, site_.date_format, site_.language));
    if (b_.mixed_offsets && when.has_time && when.has_offset && date_format_shows_time(site_.date_format))
      h.raw(" (").text(utc_offset_text(when)).raw(")");
    h.raw("</time>");
  }

  // A post's title as shown (smart_title: the site's typographic marks).
  std::string shown_title(const Post& p) const { return smart_title(p.title, site_.smart_punctuation); }

  void tag_list(Html& h, const Post& p) {
    // Categories read as a line, "in Builds and Repairs", not as pills:
    // tags and categories look different (categories.hpp).
    if (site_.categories && !p.categories.empty()) {
      std::vector<std::pair<const TagInfo*, const std::string*>> shown;  // the term, as the post spells it
      for (const std::string& c : p.categories)
        if (const TagInfo* info = b_.find_term(true, tag_slug(c))) shown.emplace_back(info, &c);
      if (!shown.empty()) {
        h.raw("<p class=\"post-categories\"><span class=\"label\">in</span> ");
        for (size_t i = 0; i < shown.size(); ++i)
          h.raw(i == 0 ? "" : i + 1 == shown.size() ? " and " : ", ")
              .raw("<a class=\"category\" href=\"").text(tag_path(*shown[i].first)).raw("\">").text(*shown[i].second)
              .raw("</a>");
        h.raw("</p>");
      }
    }
    if (p.tags.empty()) return;
    h.raw("<ul class=\"tags\" aria-label=\"Tags\">");
    for (std::string_view t : p.tags) {
      const TagInfo* info = b_.find_tag(tag_slug(t));
      if (!info) continue;
      h.raw("<li><a class=\"tag\" href=\"").text(tag_path(*info)).raw("\">").text(t).raw("</a></li>");
    }
    h.raw("</ul>");
  }

  // `first`: the list's first summary, whose images load at once.
  void post_summary(Html& h, size_t index, bool first = false) {
    const Post& p = at(index);
    if (entries_ && !first) {  // rendered once for the build (summary_entry)
      h.raw((*entries_)[index]);
      return;
    }
    h.raw("<article class=\"post-summary\">\n<h2><a href=\"").text(path(post_route(p)))
        .raw("\">").text(shown_title(p)).raw("</a></h2>\n<p class=\"post-meta\">");
    time(h, p.date, p.when);
    if (int minutes = reading_minutes(p)) h.raw(" <span class=\"reading-time\">· ").num(minutes).raw(" min read</span>");
    h.raw("</p>\n");
    if (!p.summary.empty()) {
      MarkdownOptions o = post_markdown_options(site_, p);
      o.id_prefix = "summary-" + p.slug + "-";
      o.page_path = path(post_route(p));  // ![](ridge.png) of a bundle post, on the home page
      o.page_path.erase(o.page_path.rfind('/') + 1);  // its folder: /2012/04/23/x.html -> /2012/04/23/
      const ImageSizes sizes(p.images);
      o.image_sizes = &sizes;
      o.eager_images = first ? 1 : 0;
      h.raw("<div class=\"summary\">").raw(render_markdown(p.summary, o)).raw("</div>\n");
    }
    tag_list(h, p);
    h.raw("</article>\n");
  }

  // The path of page `page` of the list shown (home, a tag combination, a
  // search): this view's route with that page.
  std::string page_path(int page) const {
    Route r = route_;
    r.page = page;
    return path(r);
  }

  // Page links for a paginated list: "← Newer", numbers, "Older →".
  void pagination(Html& h, int pages) {
    if (pages <= 1) return;
    const int page = route_.page;
    if (page > 1) v_.prev_path = page_path(page - 1);
    if (page < pages) v_.next_path = page_path(page + 1);
    h.raw("<nav class=\"pagination\" aria-label=\"Pages\">\n");
    if (page > 1) h.raw("<a class=\"newer\" rel=\"prev\" href=\"").text(v_.prev_path).raw("\">← Newer posts</a>\n");
    h.raw("<ol class=\"pages\">");
    // Every page near the current one, the first and the last; a gap
    // of more than one page is an ellipsis.
    for (int i = 1; i <= pages; ++i) {
      bool shown = i == 1 || i == pages || (i >= page - 2 && i <= page + 2);
      if (!shown) {
        bool lone = (i == 2 && page - 2 == 3) || (i == pages - 1 && page + 2 == pages - 2);
        if (!lone) {
          h.raw("<li class=\"gap\" aria-hidden=\"true\">…</li>");
          i = i < page ? page - 3 : pages - 1;
          continue;
        }
      }
      h.raw("<li><a href=\"").text(page_path(i)).raw("\"");
      if (i == page) h.raw(" aria-current=\"page\"");
      h.raw(" aria-label=\"Page ").num(i).raw("\">").num(i).raw("</a></li>");
    }
    h.raw("</ol>\n");
    if (page < pages) h.raw("<a class=\"older\" rel=\"next\" href=\"").text(v_.next_path).raw("\">Older posts →</a>\n");
    h.raw("</nav>\n");
  }

  // The posts on page `page` of a list, `per` a page: [first, last) of
  // `posts`, and the number of pages (at least 1); false when the page is
  // out of range.
  struct Page {
    size_t first = 0, last = 0;
    int pages = 1;
  };
  static bool page_of(size_t count, size_t per, int page, Page& out) {
    out.pages = std::max(1, static_cast<int>((count + per - 1) / per));
    if (page < 1 || page > out.pages) return false;
    out.first = static_cast<size_t>(page - 1) * per;
    out.last = std::min(count, out.first + per);
    return true;
  }

  // A paginated list of summaries, this view's page of them; false when
  // the page is out of range.
  bool paged_list(Html& h, const std::vector<size_t>& posts) {
    Page at;
    if (!page_of(posts.size(), static_cast<size_t>(std::max(1, site_.posts_per_page)), route_.page, at)) return false;
    h.raw("<div class=\"post-list\">\n");
    for (size_t i = at.first; i < at.last; ++i) post_summary(h, posts[i], i == at.first);
    h.raw("</div>\n");
    pagination(h, at.pages);
    return true;
  }

  void home() {
    std::vector<size_t> all(b_.posts.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    Html h;
    begin(RouteKind::Home, route_.page > 1 ? page_title(site_, "Page " + std::to_string(route_.page))
                                            : site_.title);
    v_.description = site_.description;
    h.raw("<h1 class=\"page-title\">");
    if (route_.page > 1) h.text("Posts, page ").num(route_.page);
    else h.text("Latest posts");
    h.raw("</h1>\n");
    if (b_.posts.empty()) h.raw("<p class=\"empty\">No posts yet.</p>\n");
    if (!paged_list(h, all)) return not_found();
    v_.html = h.take();
  }

  void post() {
    const Post* p = b_.find_post(route_.slug);
    if (!p) {
      const std::string* file = missing_slug_file(b_, route_.slug);
      if (wait_for_slugs(file ? file : missing_path_file(b_, route_.asked))) return;
      return not_found();
    }
    size_t index = static_cast<size_t>(p - b_.posts.data());
    at(index);
    begin(RouteKind::Post, page_title(site_, p->title));
    v_.path = path(post_route(*p));  // where the post is, whichever path led here
    v_.moved = route_.alias;
    v_.post = p;
    v_.description = markdown_plain_text(p->summary);
    Html h;
    h.raw("<article class=\"post\" data-slug=\"").text(p->slug).raw("\">\n<header class=\"post-header\">\n<h1>")
        .text(shown_title(*p)).raw("</h1>\n<p class=\"post-meta\">");
    time(h, p->date, p->when);
    if (!p->updated.empty()) {
      if (auto u = parse_date(p->updated)) {
        h.raw(" <span class=\"updated\">· Updated ");
        time(h, p->updated, *u);
        h.raw("</span>");
      }
    }
    if (int minutes = reading_minutes(*p)) h.raw(" <span class=\"reading-time\">· ").num(minutes).raw(" min read</span>");
    if (!p->authors.empty()) {  // the post's own authors (the site's author is in the footer)
      h.raw(" <span class=\"authors\">· by ");
      for (size_t i = 0; i < p->authors.size(); ++i)
        h.raw(i == 0 ? "" : i + 1 == p->authors.size() ? " and " : ", ").text(p->authors[i]);
      h.raw("</span>");
    }
    h.raw("</p>\n");
    tag_list(h, *p);
    h.raw("</header>\n");
    MarkdownOptions o = post_markdown_options(site_, *p);
    const ImageSizes sizes(p->images);  // build-time image sizes
    o.image_sizes = &sizes;
    o.eager_images = 1;  // the first image is near the top: not lazy
    const std::string* chunk = b_.missing_chunk(*p);
    if (p->has_body) {
      TokenReplay tokens(p->code_json);  // build-time highlighting
      o.code = &tokens;
      std::vector<HeadingEntry> headings;
      o.headings = &headings;
      std::string body = render_markdown(p->body, o);
      h.raw(table_of_contents(site_, *p, headings)).raw("<div class=\"post-body\">\n").raw(body);
    } else if (chunk) {
      h.raw("<div class=\"post-body\">\n");  // the app loads the chunk, then renders again
      v_.needs = *chunk;
      h.raw("<p class=\"pending\">Loading…</p>\n");
    } else {  // no body anywhere (valid in a bundle): the summary is all there is
      h.raw("<div class=\"post-body\">\n").raw(render_markdown(p->summary, o));
    }
    h.raw("</div>\n");
    // A long post ends with a way back up ("top" is the document's top
    // without an id, by the HTML standard).
    if (reading_minutes(*p) >= kBackToTopMinutes)
      h.raw("<p class=\"back-to-top\"><a href=\"#top\">Back to top <span aria-hidden=\"true\">↑</span></a></p>\n");
    related(h, index);
    const Post* newer = index > 0 ? &at(index - 1) : nullptr;
    const Post* older = index + 1 < b_.posts.size() ? &at(index + 1) : nullptr;
    if (newer || older) {
      h.raw("<nav class=\"post-nav\" aria-label=\"More posts\">\n");
      if (older) h.raw("<a class=\"older\" rel=\"prev\" href=\"").text(path(post_route(*older)))
          .raw("\"><span class=\"label\">← Previous post</span> <span class=\"title\">").text(shown_title(*older)).raw("</span></a>\n");
      if (newer) h.raw("<a class=\"newer\" rel=\"next\" href=\"").text(path(post_route(*newer)))
          .raw("\"><span class=\"label\">Next post →</span> <span class=\"title\">").text(shown_title(*newer)).raw("</span></a>\n");
      h.raw("</nav>\n");
    }
    h.raw("</article>\n");
    v_.html = h.take();
  }

  // Up to three other posts sharing tags with posts[index]: most shared
  // tags first, then newest.
  void related(Html& h, size_t index) {
    const Post& p = b_.posts[index];
    // Count shared tags through the tag index (each tag's posts), not by
    // scanning every post: a post page stays cheap in a blog of 10,000.
    // (A count per post, not a sort of the hits: faster, and no std::sort
    // instantiation in the WASM module.)
    std::vector<unsigned> shared(b_.posts.size(), 0);
    std::vector<size_t> hits;  // each post sharing a tag, once
    for (std::string_view t : p.tags)
      if (const TagInfo* info = b_.find_tag(tag_slug(t)))
        for (size_t i : info->posts)
          if (i != index && shared[i]++ == 0) hits.push_back(i);
    // The best three: most shared tags first, then newest (lower index).
    std::vector<std::pair<size_t, size_t>> scored;  // post index, shared tags
    for (size_t i : hits) {
      const std::pair<size_t, size_t> candidate{i, shared[i]};
      auto pos = std::find_if(scored.begin(), scored.end(), [&](const auto& s) {
        return candidate.second > s.second || (candidate.second == s.second && candidate.first < s.first);
      });
      if (pos == scored.end() && scored.size() >= 3) continue;
      scored.insert(pos, candidate);
      if (scored.size() > 3) scored.pop_back();
    }
    if (scored.empty()) return;
    std::vector<size_t> posts;
    for (const auto& s : scored) posts.push_back(s.first);
    h.raw("<section class=\"related-posts\" aria-labelledby=\"quire-related\">\n"
          "<h2 id=\"quire-related\">Related posts</h2>\n");
    compact_list(h, posts);
    h.raw("</section>\n");
  }

  void tags_index() {
    const TermWords& w = words();
    begin(RouteKind::TagsIndex, page_title(site_, w.title));
    v_.description = std::string("All ") + w.many + " of " + site_.title + ".";
    Html h;
    h.raw("<h1 class=\"page-title\">").raw(w.title).raw("</h1>\n");
    if (terms().empty()) {
      h.raw("<p class=\"empty\">No ").raw(w.many).raw(" yet.</p>\n");
      v_.html = h.take();
      return;
    }
    // A cloud in alphabetical order (easy to scan for a name), each tag
    // sized by its number of posts on a log scale of five steps; the count
    // is also there as text.
    size_t most = 1;
    for (const TagInfo& t : terms()) most = std::max(most, t.posts.size());
    h.raw("<p class=\"count\">").num(static_cast<long long>(terms().size())).raw(" ")
        .raw(plural(terms().size(), w.one, w.many)).raw(", larger the more posts carry them.</p>\n")
        .raw("<ul class=\"tag-index tag-cloud\">\n");
    for (const TagInfo& t : terms()) {
      const int weight = cloud_weight(t.posts.size(), most);
      h.raw("<li class=\"weight-").num(weight).raw("\"><a href=\"").text(tag_path(t)).raw("\">").text(t.name)
          .raw("</a> <span class=\"count\">(").num(static_cast<long long>(t.posts.size())).raw(")</span></li>\n");
    }
    h.raw("</ul>\n");
    v_.html = h.take();
  }

  // “a”, “b” and “c”
  static std::string quoted_names(const std::vector<const TagInfo*>& tags) {
    std::string out;
    for (size_t i = 0; i < tags.size(); ++i) {
      if (i) out += i + 1 == tags.size() ? " and " : ", ";
      out += "“" + tags[i]->name + "”";
    }
    return out;
  }

  // A tag page, or a combination (/tags/a+b/): the posts carrying every
  // tag, a way to remove each tag of a combination, and tags to narrow by.
  void tag() {
    std::vector<std::string> slugs = route_.tags;
    if (slugs.empty()) slugs.push_back(route_.tag);
    std::vector<const TagInfo*> tags;
    for (const std::string& s : slugs) {
      const TagInfo* t = b_.find_term(route_.category, s);
      if (!t) return not_found();
      tags.push_back(t);
    }
    // Post indices are ascending (newest first) in every tag's list; a
    // combination intersects them, a single tag uses its list as it is.
    std::vector<size_t> combined;
    for (size_t i = 1; i < tags.size(); ++i) {
      const std::vector<size_t>& so_far = i == 1 ? tags[0]->posts : combined;
      std::vector<size_t> both;
      std::set_intersection(so_far.begin(), so_far.end(), tags[i]->posts.begin(), tags[i]->posts.end(),
                            std::back_inserter(both));
      combined = std::move(both);
    }
    const std::vector<size_t>& posts = tags.size() == 1 ? tags[0]->posts : combined;
    const std::string names = quoted_names(tags);
    const TermWords& w = words();
    const std::string posts_in = route_.category && tags.size() > 1 ? "Posts in categories " : w.posts_in;
    begin(RouteKind::Tag, page_title(site_, posts_in + names +
                                                (route_.page > 1 ? ", page " + std::to_string(route_.page) : "")));
    v_.description = posts_in + names + " on " + site_.title + ".";
    if (tags.size() == 1) v_.tag = tags[0];  // a combination has no feed of its own
    v_.noindex = tags.size() > 1;
    Html h;
    h.raw("<h1 class=\"page-title\">").text(posts_in);
    for (size_t i = 0; i < tags.size(); ++i) {
      if (i) h.raw(i + 1 == tags.size() ? " and " : ", ");
      h.raw("<span class=\"tag-name\">").text(tags[i]->name).raw("</span>");
    }
    if (route_.page > 1) h.raw(", page ").num(route_.page);
    h.raw("</h1>\n");
    if (tags.size() > 1) {
      h.raw("<ul class=\"tag-filter\" aria-label=\"").raw(w.title).raw(" of this view\">\n");
      for (size_t i = 0; i < tags.size(); ++i) {
        std::vector<std::string> rest;
        for (size_t j = 0; j < tags.size(); ++j)
          if (j != i) rest.push_back(tags[j]->slug);
        h.raw("<li><a class=\"tag tag-remove\" href=\"").text(path(terms_route(rest)))
            .raw("\"><span class=\"sr-only\">Remove </span>").text(tags[i]->name)
            .raw("<span class=\"remove-mark\" aria-hidden=\"true\"> ×</span></a></li>\n");
      }
      h.raw("</ul>\n");
    }
    h.raw("<p class=\"count\">").num(static_cast<long long>(posts.size())).raw(" ")
        .raw(plural(posts.size(), "post", "posts"));
    if (tags.size() > 1) h.raw(" with all ").num(static_cast<long long>(tags.size())).raw(" ").raw(w.many);
    h.raw(" · <a href=\"").text(path(terms_index_route(route_.category))).raw("\">All ").raw(w.many).raw("</a>");
    if (v_.tag && has_feeds(site_))  // the feed files sit beside the tag's first page
      h.raw(" · <a href=\"").text(tag_path(*v_.tag) + kAtomFeedFile).raw("\" type=\"application/atom+xml\">RSS feed of “")
          .text(v_.tag->name).raw("”</a>");
    h.raw("</p>\n");
    if (posts.empty()) h.raw("<p class=\"empty\">No post has all these ").raw(w.many).raw(".</p>\n");
    if (!paged_list(h, posts)) return not_found();
    // On every page (the links are the same on each).
    narrow_by(h, tags, posts);
    v_.html = h.take();
  }

  // Links adding one more tag to the view, for every tag that some of its
  // posts carry, with the number of posts that would remain; most first.
  void narrow_by(Html& h, const std::vector<const TagInfo*>& tags, const std::vector<size_t>& posts) {
    // Each tag's posts that are in this view, counted through a mark per
    // post: no tag name is looked up again (tag_slug allocates), and the
    // cost is one pass over the tags' lists, a few microseconds at 10,000.
    std::vector<unsigned char> shown(b_.posts.size(), 0);
    for (size_t i : posts) shown[i] = 1;
    std::vector<std::pair<const TagInfo*, size_t>> more;
    for (const TagInfo& t : terms()) {
      size_t remaining = 0;
      for (size_t i : t.posts) remaining += shown[i];
      if (remaining && std::find(tags.begin(), tags.end(), &t) == tags.end()) more.emplace_back(&t, remaining);
    }
    if (more.empty()) return;
    // Most posts first, in tag order among equals: a counting sort, linear
    // and without a std::stable_sort instantiation (~4 KB) in the module.
    size_t top = 0;
    for (const auto& m : more) top = std::max(top, m.second);
    std::vector<size_t> at(top + 2, 0);  // at[top - n]: where the tags of n posts go
    for (const auto& m : more) ++at[top - m.second + 1];
    for (size_t i = 1; i < at.size(); ++i) at[i] += at[i - 1];
    std::vector<std::pair<const TagInfo*, size_t>> sorted(more.size());
    for (const auto& m : more) sorted[at[top - m.second]++] = m;
    more = std::move(sorted);
    std::vector<std::string> slugs;
    for (const TagInfo* t : tags) slugs.push_back(t->slug);
    h.raw("<section class=\"narrow\" aria-labelledby=\"quire-narrow\">\n<h2 id=\"quire-narrow\">Narrow down by ")
        .raw(words().one).raw("</h2>\n<ul class=\"tags\">\n");
    for (const auto& [t, n] : more) {
      slugs.push_back(t->slug);
      // nofollow: crawlers see no script, and no host has these pages.
      h.raw("<li><a class=\"tag\" rel=\"nofollow\" href=\"").text(path(terms_route(slugs))).raw("\"><span class=\"sr-only\">Add </span>")
          .text(t->name).raw(" <span class=\"count\">").num(static_cast<long long>(n))
          .raw("<span class=\"sr-only\"> ").raw(plural(n, "post", "posts")).raw("</span></span></a></li>\n");
      slugs.pop_back();
    }
    h.raw("</ul>\n</section>\n");
  }

  // Every post by year and month (newest first), each month's heading a
  // link to its page; a large blog's, its months and their counts only
  // (kArchiveTitlesUpTo).
  void archive() {
    begin(RouteKind::ArchiveIndex, page_title(site_, "Archive"));
    v_.description = "Every post of " + site_.title + ", by month.";
    Html h;
    h.raw("<h1 class=\"page-title\">Archive</h1>\n");
    if (b_.months.empty()) h.raw("<p class=\"empty\">No posts yet.</p>\n");
    if (b_.posts.size() > kArchiveTitlesUpTo) return month_calendar(h);
    int year = 0;
    for (const MonthInfo& m : b_.months) {
      if (m.year != year) {
        if (year) h.raw("</section>\n");
        year = m.year;
        h.raw("<section class=\"archive-year\" aria-labelledby=\"year-").num(year).raw("\">\n<h2 id=\"year-")
            .num(year).raw("\">").num(year).raw("</h2>\n");
      }
      const std::string id = "year-" + std::to_string(m.year) + "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
      h.raw("<h3 class=\"archive-month\" id=\"").raw(id).raw("\"><a href=\"").text(path(month_route(m.year, m.month)))
          .raw("\">").text(month_name(m.month, site_.language)).raw("</a> <span class=\"count\">(")
          .num(static_cast<long long>(m.posts.size())).raw("<span class=\"sr-only\"> ")
          .raw(plural(m.posts.size(), "post", "posts")).raw("</span>)</span></h3>\n");
      compact_list(h, m.posts);
    }
    if (year) h.raw("</section>\n");
    v_.html = h.take();
  }

  // The archive of a large blog: each year's months, each a link to its
  // page with its count of posts (the same ids as the full archive's
  // headings, so that a link to #year-2020-03 still lands there).
  void month_calendar(Html& h) {
    h.raw("<p class=\"count\">").num(static_cast<long long>(b_.posts.size())).raw(" posts in ")
        .num(static_cast<long long>(b_.months.size())).raw(" ").raw(plural(b_.months.size(), "month", "months"))
        .raw(".</p>\n");
    int year = 0;
    for (const MonthInfo& m : b_.months) {
      if (m.year != year) {
        if (year) h.raw("</ul>\n</section>\n");
        year = m.year;
        h.raw("<section class=\"archive-year\" aria-labelledby=\"year-").num(year).raw("\">\n<h2 id=\"year-")
            .num(year).raw("\">").num(year).raw("</h2>\n<ul class=\"months archive-months\">\n");
      }
      h.raw("<li id=\"year-").num(m.year).raw(m.month < 10 ? "-0" : "-").num(m.month).raw("\"><a href=\"")
          .text(path(month_route(m.year, m.month))).raw("\">").text(month_name(m.month, site_.language))
          .raw("</a> <span class=\"count\">(").num(static_cast<long long>(m.posts.size())).raw("<span class=\"sr-only\"> ")
          .raw(plural(m.posts.size(), "post", "posts")).raw("</span>)</span></li>\n");
    }
    if (year) h.raw("</ul>\n</section>\n");
    v_.html = h.take();
  }

  // Date and title of posts[first, last) (all of them by default).
  void compact_list(Html& h, const std::vector<size_t>& posts, size_t first = 0, size_t last = SIZE_MAX) {
    h.raw("<ul class=\"post-index\">\n");
    for (size_t k = first; k < std::min(last, posts.size()); ++k) {
      const Post& p = brief(posts[k]);
      h.raw("<li>");
      time(h, p.date, p.when);
      h.raw(" <a href=\"").text(path(post_route(p))).raw("\">").text(shown_title(p)).raw("</a></li>\n");
    }
    h.raw("</ul>\n");
  }

  void month() {
    const MonthInfo* m = b_.find_month(route_.year, route_.month);
    if (!m) return not_found();
    std::string name = month_year(m->year, m->month, site_.language);
    begin(RouteKind::Month, page_title(site_, name));
    v_.description = "Posts from " + name + " on " + site_.title + ".";
    Html h;
    h.raw("<h1 class=\"page-title\">").text(name).raw("</h1>\n<p class=\"count\">")
        .num(static_cast<long long>(m->posts.size())).raw(" ").raw(plural(m->posts.size(), "post", "posts"))
        .raw(" · <a href=\"").text(path(route_of(RouteKind::ArchiveIndex))).raw("\">All months</a></p>\n");
    compact_list(h, m->posts);
    // months are newest first: the previous index is the newer month.
    size_t at = static_cast<size_t>(m - b_.months.data());
    const MonthInfo* newer = at > 0 ? &b_.months[at - 1] : nullptr;
    const MonthInfo* older = at + 1 < b_.months.size() ? &b_.months[at + 1] : nullptr;
    if (newer || older) {
      h.raw("<nav class=\"month-nav\" aria-label=\"Other months\">\n");
      if (older) h.raw("<a class=\"older\" rel=\"prev\" href=\"").text(path(month_route(older->year, older->month)))
          .raw("\">← ").text(month_year(older->year, older->month, site_.language)).raw("</a>\n");
      if (newer) h.raw("<a class=\"newer\" rel=\"next\" href=\"").text(path(month_route(newer->year, newer->month)))
          .raw("\">").text(month_year(newer->year, newer->month, site_.language)).raw(" →</a>\n");
      h.raw("</nav>\n");
    }
    v_.html = h.take();
  }

  // The search form (the search view's, and the 404 view's with words from
  // the missing path in it).
  void search_form(Html& h, std::string_view q) {
    h.raw("<form class=\"search-form\" role=\"search\" aria-label=\"Search posts\" action=\"")
        .text(path(route_of(RouteKind::Search)))
        .raw("\" method=\"get\">\n<label for=\"search-q\">Search posts</label>\n"
             "<input id=\"search-q\" type=\"search\" name=\"q\" value=\"")
        .text(q).raw("\" autocomplete=\"off\" aria-describedby=\"search-help\">\n<button type=\"submit\">Search</button>\n</form>\n");
  }

  void browse_links(Html& h) {
    h.raw("<a href=\"").text(path(route_of(RouteKind::TagsIndex))).raw("\">browse the tags</a> or the <a href=\"")
        .text(path(route_of(RouteKind::ArchiveIndex))).raw("\">archive</a>");
  }

  // One result: title, date, tags and a snippet with the matched words marked.
  void search_hit(Html& h, size_t index, const std::vector<SearchMark>& marks) {
    const Post& p = at(index);
    h.raw("<li class=\"search-hit\"><h2><a href=\"").text(path(post_route(p))).raw("\">").text(shown_title(p))
        .raw("</a></h2>\n<p class=\"post-meta\">");
    time(h, p.date, p.when);
    h.raw("</p>\n");
    const std::string snippet = markdown_snippet(p.has_body ? p.body.view() : p.summary.view(), marks);
    if (!snippet.empty()) h.raw("<p class=\"snippet\">").raw(snippet).raw("</p>\n");
    tag_list(h, p);
    h.raw("</li>\n");
  }

  void search() {
    const std::string& q = route_.query;
    std::string title = q.empty() ? "Search" : "Search: " + q;
    if (!q.empty() && route_.page > 1) title += ", page " + std::to_string(route_.page);
    begin(RouteKind::Search, page_title(site_, title));
    v_.path = path(route_of(RouteKind::Search));
    v_.description = "Search " + site_.title + ".";
    Html h;
    h.raw("<h1 class=\"page-title\">Search</h1>\n");
    search_form(h, q);
    h.raw("<noscript><p class=\"note\">Search runs in your browser and needs JavaScript. The <a href=\"")
        .text(path(route_of(RouteKind::TagsIndex))).raw("\">tags</a> and the <a href=\"")
        .text(path(route_of(RouteKind::ArchiveIndex))).raw("\">archive</a> work without it.</p></noscript>\n")
        .raw("<div id=\"search-results\" class=\"search-results\">\n");
    if (q.empty()) {
      h.raw("<p id=\"search-help\" class=\"search-help\">Type words to find the posts that hold them all, best "
            "matches first. Put a phrase in \"quotes\", leave a word out with -word, and keep to a tag with "
            "tag:name. Or ");
      browse_links(h);
      h.raw(".</p>\n");
      if (!b_.posts.empty()) {
        h.raw("<h2 class=\"search-recent\">Newest posts</h2>\n");
        std::vector<size_t> newest;
        for (size_t i = 0; i < std::min<size_t>(5, b_.posts.size()); ++i) newest.push_back(i);
        compact_list(h, newest);
      }
    } else {
      // Every hit is counted; a page of them is listed, so that a common
      // word in a large blog is not thousands of list items at once.
      const SearchRun run = run_search(b_, q);
      if (!run.needs.empty()) {  // the app adds these files and renders again
        for (const std::string& n : run.needs) v_.needs += (v_.needs.empty() ? "" : "\n") + n;
      }
      const std::vector<size_t>& hits = run.hits;
      Page at;
      if (!page_of(hits.size(), kSearchHitsPerPage, route_.page, at)) return not_found();
      h.raw("<p class=\"count\" id=\"search-help\" role=\"status\">").num(static_cast<long long>(hits.size())).raw(" ")
          .raw(plural(hits.size(), "post matches", "posts match")).raw(" “").text(q).raw("”");
      if (at.pages > 1)
        h.raw(" · ").num(static_cast<long long>(at.first + 1)).raw("–").num(static_cast<long long>(at.last))
            .raw(" shown");
      if (run.dropped)  // said where the count is: it counts what was searched
        h.raw(" · a long query: only its first ").num(static_cast<long long>(kMaxSearchWords))
            .raw(" different words were searched");
      h.raw(".</p>\n");
      if (!run.corrected.empty()) {
        Route r = route_of(RouteKind::Search);
        r.query = run.corrected;
        h.raw("<p class=\"did-you-mean\">Showing results for “<a href=\"").text(path(r)).raw("\">")
            .text(run.corrected).raw("</a>”.</p>\n");
      }
      if (hits.empty()) {
        h.raw("<p class=\"search-none\">Try fewer or other words, check the spelling, or ");
        browse_links(h);
        h.raw(".</p>\n");
      } else {
        h.raw("<ol class=\"search-hits\">\n");
        for (size_t k = at.first; k < at.last; ++k) search_hit(h, hits[k], run.marks);
        h.raw("</ol>\n");
      }
      pagination(h, at.pages);
    }
    h.raw("</div>\n");
    v_.html = h.take();
  }

  void not_found() {
    v_ = View{};
    v_.status = 404;
    v_.kind = RouteKind::NotFound;
    v_.title = page_title(site_, "Page not found");
    v_.path = path(Route{});
    v_.description = "This page does not exist.";
    Html h;
    h.raw("<h1 class=\"page-title\">Page not found</h1>\n<p>There is nothing at this address. "
          "It may have moved, or the link may be mistyped.</p>\n");
    h.raw("<p id=\"search-help\"><a href=\"")
        .text(site_.base_path).raw("\">Go to the home page</a> or <a href=\"")
        .text(path(route_of(RouteKind::ArchiveIndex))).raw("\">browse the archive</a>.</p>\n");
    // Its words in the search box, and the posts nearest the path asked
    // for, below it (room kept for them: nothing moves when they appear).
    // A sharded blog of a few slug files has them all loaded first, so that
    // every post is a candidate, not only those its path's file names.
    v_.needs = missing_slug_files_for_near(b_);
    const NearPosts near = near_posts(b_, route_.asked);
    search_form(h, near.words);
    h.raw("<div class=\"near-posts\">");
    if (!near.posts.empty()) {
      h.raw("\n<h2>Were you looking for</h2>\n");
      compact_list(h, near.posts);
    }
    h.raw("</div>\n");
    v_.html = h.take();
  }

  const Bundle& b_;
  const Site& site_;
  const Route& route_;
  const std::vector<std::string>* entries_;  // summary_entry() of every post, or null
  View v_;
  std::vector<size_t> stubs_;  // posts shown that are stubs (post_shards.hpp)
  bool showing_ = true;        // false: asked what opening the route needs (needs_only)

 public:
  // What post_summary() adds for post `index`, on its own.
  std::string entry(size_t index, bool first) {
    Html h;
    post_summary(h, index, first);
    return h.take();
  }
};

}  // namespace

MarkdownOptions post_markdown_options(const Site& site, const Post& post) {
  MarkdownOptions o;
  o.unsafe_html = site.unsafe_html;
  o.iframe_hosts = site.iframe_hosts;
  o.base_path = site.base_path;
  o.smart_punctuation = site.smart_punctuation;
  o.hard_breaks = site.hard_breaks;
  o.math = post_has_math(site, post);
  o.figures = true;
  return o;
}

View render_view(const Bundle& bundle, const Route& route) { return ViewBuilder(bundle, route).build(); }

View render_view(const Bundle& bundle, const Route& route, const std::vector<std::string>& entries) {
  return ViewBuilder(bundle, route, &entries).build();
}

std::string summary_entry(const Bundle& bundle, size_t post, bool first) {
  const Route none{};
  return ViewBuilder(bundle, none).entry(post, first);
}

int reading_minutes(std::string_view markdown) { return text_stats(markdown).reading_minutes; }


std::string chunk_needed(const Bundle& bundle, const Route& route) {
  // A sharded bundle (post_shards.hpp): a post's shard, then its chunk (what
  // opening a link to it needs), and a page of the home list its posts'
  // shards (one or two: its posts are next to each other), so that "Older
  // posts" can be ready before it is clicked; other lists' shards (a tag's
  // posts are spread over many) are fetched when the list is shown.
  if ((!bundle.shards.empty() || !bundle.slug_files.empty()) && route.kind != RouteKind::Search)
    return route.kind == RouteKind::Post || route.kind == RouteKind::NotFound || route.kind == RouteKind::Home
               ? ViewBuilder(bundle, route).needs_only().build().needs
               : std::string();
  if (route.kind == RouteKind::Search && !route.query.empty()) {  // search files, one a line
    std::string needs;
    for (const std::string& n : run_search(bundle, route.query).needs) needs += (needs.empty() ? "" : "\n") + n;
    return needs;
  }
  if (route.kind != RouteKind::Post) return {};
  const Post* p = bundle.find_post(route.slug);
  const std::string* chunk = p ? bundle.missing_chunk(*p) : nullptr;
  return chunk ? *chunk : std::string();
}

}  // namespace quire
