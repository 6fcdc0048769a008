// The embeddable widget's views: the HTML inside <quire-blog> (web/quire-widget.js)
// on someone else's page. Same bundle and markdown as the blog's views, but
// every link is absolute (the page is not the blog), a post's images load
// from where the bundle was fetched (WidgetRequest::bundle_base), every id
// carries the instance's prefix (several widgets and the host page share one document),
// and the markup is compact.
//
// Raw HTML in posts is never passed through here, even with the site's
// unsafe_html, nor the canonical raw HTML the blog's own pages show
// (core/sanitize.hpp): the page is not the author's to script or to fill
// with iframes.
//
// Requests carry the element's attributes as written; the core validates
// them and answers with an error naming the attribute, never a crash.
//
// Markup contract with web/quire-widget.js (which owns only the loading and
// error states) and with embedders' ::part() rules:
//   part="heading"     the view's heading (site title, tag, month, Archive)
//   part="list"        <ol> of posts (latest, tag, month) or months (archive)
//   part="item"        one <li> of it
//   part="link"        a post's (or month's) title link; to a post it carries
//                      data-slug so the element can open it in place
//   part="meta"        date (and reading time)
//   part="summary"     a post's summary, plain text
//   part="more"        the "all posts" link below a list
//   part="empty"       "No posts yet." and similar
//   part="post"        the <article> of the post view
//   part="post-title"  its <h2> (tabindex=-1: focused after in-place opening)
//   part="post-body"   the rendered markdown, footnotes included
//   part="tags", part="tag"  a post's tag list and each tag link
//   part="back"        the back button (request.back), data-quire-action="back"
#pragma once

#include <string>

#include "core/bundle.hpp"

namespace quire {

struct WidgetRequest {
  std::string view = "latest";  // latest | post | tag | category | archive | month
  std::string tag;              // view=tag: the tag's name or URL slug
  std::string category;         // view=category: the category's name or URL
                                // slug (a site with categories: categories.hpp)
  std::string month;            // view=month: "YYYY-MM"
  std::string slug;             // view=post
  std::string limit;            // latest/tag/month: how many posts (1..1000);
                                // empty: the site's posts_per_page
  // Absolute http(s) URL of the blog's base path, which links point under
  // (the views' own and a post's: "/tags/x/"). Valid UTF-8.
  // Empty: site.url + site.base_path, or bundle_base when the site has no url.
  std::string link_base;
  // Absolute http(s) URL of the folder the bundle was fetched from (the
  // widget passes it): where the blog's files are, whatever site.url or
  // link_base say, so a post's images ("/images/p.png", "p.png") are
  // fetched from there, before deploy and from another origin too.
  // Empty or unusable: images follow the links.
  std::string bundle_base;
  std::string id_prefix;        // prepended to every id (letters, digits, '-', '_')
  bool back = false;            // put a back button above the view
};

struct WidgetView {
  int status = 200;     // 200; 400 bad request (an attribute); 404 no such post or tag
  std::string error;    // for 400/404: names the attribute, e.g. `month: expected YYYY-MM, got "2026-13"`
  std::string title;    // plain text: the post's title or the heading's text
  std::string html;     // empty unless status is 200
  // Split bundle: the chunk (path relative to the bundle) holding the
  // shown post's body when it is not loaded yet; the html then links to
  // the post instead. Load the chunk (add_chunk) and render again. A
  // sharded bundle (post_shards.hpp): the shards of the posts shown, one a
  // line, when they are not loaded yet (add_post_file each, then again).
  std::string needs;
};

WidgetView render_widget(const Bundle& bundle, const WidgetRequest& request);

}  // namespace quire
