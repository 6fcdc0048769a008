#include "core/views.hpp"

#include <nlohmann/json.hpp>

#include "core/html.hpp"
#include "core/pages.hpp"

// The page around a view: <head> metadata, header with navigation, footer.
namespace quire {
namespace {

// A JSON string for <script type="application/ld+json">.
std::string ld_string(std::string_view s) { return "\"" + escape_json_for_script(s) + "\""; }

// A post's social-preview image (front matter `image:`, kept in params),
// made absolute; empty when there is none or no site URL to anchor it.
std::string post_image(const Site& site, const Post& post, const std::string& page_url) {
  if (post.params_json.empty()) return {};
  nlohmann::json params = nlohmann::json::parse(post.params_json, nullptr, false);
  if (!params.is_object()) return {};
  auto it = params.find("image");
  if (it == params.end() || !it->is_string()) return {};
  const std::string& image = it->get_ref<const std::string&>();
  if (image.rfind("https://", 0) == 0 || image.rfind("http://", 0) == 0) return image;
  if (image.empty() || site.url.empty() || image.find(':') != std::string::npos || image.rfind("//", 0) == 0)
    return {};
  if (image[0] == '/') {  // under base_path, unless written with it already (never /blog/blog/)
    const bool has_base = site.base_path.size() > 1 && image.compare(0, site.base_path.size(), site.base_path) == 0;
    return site.url + (has_base ? image : site.base_path + image.substr(1));
  }
  return page_url + image;
}

// The page's meta description: a post's front-matter `description` (kept in
// params when the post has a summary of its own), else the view's.
std::string page_description(const View& view) {
  if (view.post && !view.post->params_json.empty()) {
    nlohmann::json params = nlohmann::json::parse(view.post->params_json, nullptr, false);
    auto it = params.is_object() ? params.find("description") : params.end();
    if (it != params.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
      return it->get_ref<const std::string&>();
  }
  return view.description;
}

// Everything crawlers and link previews read: OpenGraph, Twitter card, feed
// links and JSON-LD (BlogPosting for a post, Blog for the home page).
void head_metadata(Html& h, const Bundle& bundle, const View& view) {
  const Site& site = bundle.site;
  if (view.status != 200) return;
  const Post* post = view.post;
  const std::string url = site.url.empty() ? std::string() : site.url + view.path;
  const std::string_view title = post ? post->title.view() : std::string_view(view.title);
  const std::string image = post ? post_image(site, *post, url) : std::string();
  auto meta = [&h](const char* attr, const char* name, std::string_view content) {
    if (content.empty()) return;
    h.raw("<meta ").raw(attr).raw("=\"").raw(name).raw("\" content=\"").text(content).raw("\">\n");
  };
  meta("property", "og:site_name", site.title);
  meta("property", "og:title", title);
  const std::string description = page_description(view);
  meta("property", "og:description", description);
  meta("property", "og:type", post ? "article" : "website");
  meta("property", "og:url", url);
  meta("property", "og:image", image);
  if (post) {
    meta("property", "article:published_time", post->date);
    meta("property", "article:modified_time", post->updated.empty() ? post->date : post->updated);
    for (std::string_view t : post->tags) meta("property", "article:tag", t);
  }
  meta("name", "twitter:card", image.empty() ? "summary" : "summary_large_image");
  meta("name", "twitter:title", title);
  meta("name", "twitter:description", description);
  meta("name", "twitter:image", image);

  if (has_feeds(site)) {
    auto feeds = [&h](const std::string& dir, const std::string& name) {
      h.raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").text(name).raw("\" href=\"")
          .text(dir + kAtomFeedFile).raw("\">\n");
      h.raw("<link rel=\"alternate\" type=\"application/feed+json\" title=\"").text(name).raw("\" href=\"")
          .text(dir + kJsonFeedFile).raw("\">\n");
    };
    feeds(site.base_path, site.title);
    if (view.tag) feeds(route_path(term_route(*view.tag), site.base_path), site.title + " — " + view.tag->name);
  }

  std::string ld;
  if (post) {
    ld = "{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\",\"headline\":" + ld_string(post->title) +
         ",\"datePublished\":" + ld_string(post->date) +
         ",\"dateModified\":" + ld_string(post->updated.empty() ? post->date : post->updated);
    if (!description.empty()) ld += ",\"description\":" + ld_string(description);
    if (!post->authors.empty()) {
      ld += ",\"author\":[";
      for (size_t i = 0; i < post->authors.size(); ++i)
        ld += std::string(i ? "," : "") + "{\"@type\":\"Person\",\"name\":" + ld_string(post->authors[i]) + "}";
      ld += "]";
    } else if (!site.author.empty()) {
      ld += ",\"author\":{\"@type\":\"Person\",\"name\":" + ld_string(site.author) + "}";
    }
    if (!post->tags.empty()) {
      ld += ",\"keywords\":[";
      for (size_t i = 0; i < post->tags.size(); ++i) ld += (i ? "," : "") + ld_string(post->tags[i]);
      ld += "]";
    }
    if (!image.empty()) ld += ",\"image\":" + ld_string(image);
    if (!url.empty()) ld += ",\"url\":" + ld_string(url) + ",\"mainEntityOfPage\":" + ld_string(url);
    ld += ",\"inLanguage\":" + ld_string(site.language) + "}";
  } else if (view.kind == RouteKind::Home && view.path == site.base_path) {
    ld = "{\"@context\":\"https://schema.org\",\"@type\":\"Blog\",\"name\":" + ld_string(site.title);
    if (!site.description.empty()) ld += ",\"description\":" + ld_string(site.description);
    if (!site.author.empty()) ld += ",\"author\":{\"@type\":\"Person\",\"name\":" + ld_string(site.author) + "}";
    if (!url.empty()) ld += ",\"url\":" + ld_string(url);
    ld += ",\"inLanguage\":" + ld_string(site.language) + "}";
  }
  if (!ld.empty()) h.raw("<script type=\"application/ld+json\">").raw(ld).raw("</script>\n");
}

}  // namespace

std::string render_app(const Bundle& bundle, const View& view) {
  const Site& site = bundle.site;
  const std::string section = view.category ? "categories" : nav_section(view.kind);
  Html h;
  h.raw("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n"
        "<div class=\"site-header-inner\">\n<a class=\"site-title\" href=\"")
      .text(site.base_path).raw("\">").text(site.title).raw("</a>\n<nav class=\"site-nav\" aria-label=\"Main\">\n<ul>\n");
  render_menu(h, bundle, view, section);  // pages.hpp
  h.raw("</ul>\n</nav>\n");
  // The search box on every view (search_query.hpp; the app searches as
  // the reader types; without scripts it opens the search page).
  h.raw("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"")
      .text(route_path(route_of(RouteKind::Search), site.base_path))
      .raw("\" method=\"get\"><input type=\"search\" name=\"q\" aria-label=\"Search posts\" "
           "placeholder=\"Search\" autocomplete=\"off\"></form>\n");
  // Light, dark or the system's: kThemeScriptFile applies the reader's
  // choice before first paint, names it in the label, and shows the button
  // only when scripts run. The CSS shows the choice's icon: half a disc
  // (the system's), a sun or a moon.
  h.raw("<button type=\"button\" class=\"theme-toggle\" aria-label=\"Theme: follow the system\">"
        "<svg class=\"icon-auto\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\">"
        "<circle cx=\"12\" cy=\"12\" r=\"8.5\"/><path d=\"M12 3.5a8.5 8.5 0 0 0 0 17z\"/></svg>"
        "<svg class=\"icon-moon\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\">"
        "<path d=\"M20.5 14.2A8.5 8.5 0 1 1 9.8 3.5a7 7 0 0 0 10.7 10.7z\"/></svg>"
        "<svg class=\"icon-sun\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\">"
        "<circle cx=\"12\" cy=\"12\" r=\"4.5\"/><path d=\"M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1"
        "M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1\"/></svg></button>\n");
  h.raw("</div>\n</header>\n<main id=\"main\" tabindex=\"-1\" data-view=\"").raw(section.empty() ? "not-found" : section)
      .raw(view.noindex ? "\" data-noindex>\n" : "\">\n").raw(view.html).raw("</main>\n<footer class=\"site-footer\">\n<p>");
  if (!site.author.empty()) h.raw("© ").text(site.author).raw(" · ");
  // The site's description once, on the home page, not on every page.
  if (!site.description.empty() && view.kind == RouteKind::Home && view.path == site.base_path)
    h.text(site.description).raw(" · ");
  if (has_feeds(site))
    h.raw("<a href=\"").text(site.base_path + kAtomFeedFile).raw("\" type=\"application/atom+xml\">RSS feed</a> · ");
  h.raw("Published with <a href=\"https://github.com/quire-blog/quire\">Quire</a>.</p>\n</footer>\n");
  return h.take();
}

std::string render_document(const Bundle& bundle, const View& view) {
  const Site& site = bundle.site;
  const std::string& base = site.base_path;
  Html h;
  h.raw("<!doctype html>\n<html lang=\"").text(site.language).raw("\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
      .text(view.title).raw("</title>\n");
  const std::string description = page_description(view);
  if (!description.empty())
    h.raw("<meta name=\"description\" content=\"").text(description).raw("\">\n");
  if (!site.url.empty() && view.status == 200)
    h.raw("<link rel=\"canonical\" href=\"").text(site.url + view.path).raw("\">\n");
  if (view.noindex) h.raw("<meta name=\"robots\" content=\"noindex\">\n");
  if (!view.prev_path.empty()) h.raw("<link rel=\"prev\" href=\"").text(view.prev_path).raw("\">\n");
  if (!view.next_path.empty()) h.raw("<link rel=\"next\" href=\"").text(view.next_path).raw("\">\n");
  head_metadata(h, bundle, view);
  h.raw("<link rel=\"icon\" href=\"").text(base + kFaviconFile).raw("\" type=\"image/svg+xml\">\n")
      .raw("<link rel=\"stylesheet\" href=\"").text(base + kStylesheetFile).raw("\">\n")
      .raw("<script src=\"").text(base + kThemeScriptFile).raw("\"></script>\n");  // blocking: before first paint
  // 404.html is also what static hosts serve for routes without a page of
  // their own (combined tags, deep links on some hosts): the app renders
  // those as soon as it can, so it is fetched first (a module script alone
  // is fetched at low priority). It shows what the page arrived with
  // ("Page not found", its search box) until then; the app starts the core
  // as soon as it runs (web/app.js), so the compile and the bundle's load
  // overlap the page's own first paint. What the core needs is downloaded
  // from the start, at low priority (after the stylesheet and the scripts
  // the first paint waits for): the glue, the module (compileStreaming takes the preloaded
  // response: same URL, same CORS mode) and the bundle. Only here and on
  // the search page, which a reader opens to search (its results, with
  // ?q=, are rendered the same way; without, the first word typed needs
  // the core): every view these pages show needs them. A pre-rendered page
  // starts the core on first interaction.
  if (view.status == 404 || view.kind == RouteKind::Search) {
    h.raw("<link rel=\"modulepreload\" href=\"").text(base + kAppScriptFile).raw("\">\n");
    h.raw("<link rel=\"modulepreload\" href=\"").text(base + kCoreScriptFile).raw("\" fetchpriority=\"low\">\n");
    h.raw("<link rel=\"preload\" href=\"").text(base + kCoreWasmFile)
        .raw("\" as=\"fetch\" type=\"application/wasm\" crossorigin fetchpriority=\"low\">\n");
    h.raw("<link rel=\"preload\" href=\"").text(base + kBundleFile).raw("\" as=\"fetch\" crossorigin fetchpriority=\"low\">\n");
    // A search needs the index's boundary file before anything else of
    // the index: fetched beside the bundle rather than after it.
    if (view.kind == RouteKind::Search && !bundle.search.empty())
      h.raw("<link rel=\"preload\" href=\"").text(base + bundle.search).raw("\" as=\"fetch\" crossorigin fetchpriority=\"low\">\n");
  }
  // app.js as shipped holds the modules it imports (scripts/minify-web.mjs):
  // nothing more to preload for it.
  h.raw("<script type=\"module\" src=\"").text(base + kAppScriptFile).raw("\"></script>\n").raw("</head>\n<body>\n")
      .raw("<div id=\"quire-app\" data-base=\"").text(base).raw("\" data-bundle=\"").text(base + kBundleFile)
      .raw("\" data-route=\"").text(view.path).raw("\" data-status=\"").num(view.status).raw("\">\n")
      .raw(render_app(bundle, view))
      .raw("</div>\n<div id=\"quire-status\" class=\"sr-only\" aria-live=\"polite\" aria-atomic=\"true\"></div>\n"
           "</body>\n</html>\n");
  return h.take();
}

}  // namespace quire
