// Moving in, the rest of issue 15: categories as their own taxonomy when the
// site says so (routes, views, feeds, sitemap, widget, bundle), Hugo's
// per-section permalinks, JSON front matter, Eleventy's date keywords and
// permalink: false, raw HTML in footnote continuations, and the shapes real
// blogs come in (CRLF, BOM, tabs, drafts, section pages).
#include <doctest/doctest.h>

#include "content_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/feeds.hpp"
#include "build/file_dates.hpp"
#include "build/html_sanitizer.hpp"
#include "build/site_writer.hpp"
#include "core/bundle.hpp"
#include "core/categories.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"

using quire::RouteKind;
using quire::testing::all;
using quire::testing::TempDir;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Parsed {
  quire::ParsedPost post;
  std::vector<quire::Diagnostic> errors, warnings;
};
Parsed parse(const std::string& text, const std::string& file = "content/posts/x.md") {
  Parsed p;
  p.post = quire::parse_post(text, file, p.errors, p.warnings);
  return p;
}

// A blog whose posts have tags and categories, with `site_keys` in site.yaml
// after title and url (line 3 on).
quire::ContentResult categorised(const std::string& site_keys) {
  TempDir dir;
  dir.write("site.yaml", "title: T\nurl: https://e.org\n" + site_keys);
  dir.write("posts/2020-01-01-a.md", "---\ntitle: A\ncategories: [Field Notes, Code]\ntags: [rust]\n---\nA.\n");
  dir.write("posts/2020-01-02-b.md", "---\ntitle: B\ncategories: code\ntags: [go, Code]\n---\nB.\n");
  dir.write("posts/2020-01-03-c.md", "---\ntitle: C\ntags: [rust]\n---\nC.\n");
  return quire::load_content(dir.path, {});
}

std::vector<std::string> texts(const std::vector<quire::Text>& v) {
  std::vector<std::string> out;
  for (const auto& t : v) out.push_back(t.str());
  return out;
}

}  // namespace

TEST_SUITE("movein") {
  TEST_CASE("categories merge into the tags by default, and have no pages") {
    auto r = categorised("");
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const quire::Post* a = r.bundle.find_post("a");
    REQUIRE(a);
    CHECK(texts(a->tags) == std::vector<std::string>{"rust", "Field Notes", "Code"});
    CHECK(r.bundle.categories.empty());
    CHECK_FALSE(has(quire::write_bundle_json(r.bundle), "\"categories\":["));
    CHECK(quire::parse_route("/categories/code/", r.bundle).kind == RouteKind::NotFound);
    CHECK(quire::parse_route("/categories/", r.bundle).kind == RouteKind::NotFound);
  }

  TEST_CASE("site.yaml says categories are a taxonomy: each form") {
    for (const char* keys : {"taxonomies: [tags, categories]\n", "categories: taxonomy\n",
                             "taxonomies:\n  tag: tags\n  category: categories\n",
                             "taxonomies:\n  - name: tags\n  - name: categories\n"}) {
      CAPTURE(keys);
      auto r = categorised(keys);
      REQUIRE_MESSAGE(r.ok(), all(r.errors));
      CHECK(r.bundle.site.categories);
      CHECK(all(r.warnings).find("unknown key") == std::string::npos);
      const quire::Post* a = r.bundle.find_post("a");
      REQUIRE(a);
      CHECK(texts(a->tags) == std::vector<std::string>{"rust"});
      CHECK(a->categories == std::vector<std::string>{"Field Notes", "Code"});
      REQUIRE(r.bundle.categories.size() == 2);
      CHECK(r.bundle.categories[0].slug == "code");
      CHECK(r.bundle.categories[0].posts.size() == 2);
      CHECK(r.bundle.categories[1].slug == "field-notes");
    }
  }

  TEST_CASE("bad taxonomy settings are errors at their line; other taxonomies a warning") {
    auto r = categorised("categories: yes please\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(has(r.errors[0].str(), "site.yaml:3: categories: expected taxonomy"));
    r = categorised("taxonomies: [tags, series]\n");
    CHECK(r.ok());
    CHECK_FALSE(r.bundle.site.categories);
    CHECK(has(all(r.warnings), "site.yaml:3: taxonomies: \"series\" has no pages of its own"));
  }

  TEST_CASE("category routes: pages, pagination, round trips, and only when the site has them") {
    auto r = categorised("taxonomies: [tags, categories]\n");
    REQUIRE(r.ok());
    const quire::Bundle& b = r.bundle;
    quire::Route idx = quire::parse_route("/categories/", b);
    CHECK(idx.kind == RouteKind::TagsIndex);
    CHECK(idx.category);
    quire::Route c = quire::parse_route("/categories/field-notes/page/2/", b);
    CHECK(c.kind == RouteKind::Tag);
    CHECK(c.category);
    CHECK(c.tag == "field-notes");
    CHECK(c.page == 2);
    CHECK(quire::route_path(c, "/blog/") == "/blog/categories/field-notes/page/2/");
    CHECK(quire::route_path(quire::parse_route("/tags/rust/", b)) == "/tags/rust/");
    // The category index and a category's page
    quire::View v = quire::render_view(b, idx);
    CHECK(v.status == 200);
    CHECK(v.title == "Categories — T");
    CHECK(has(v.html, "href=\"/categories/code/\">code</a>"));  // spelled as the newest post does, as tags are
    CHECK(has(v.html, "href=\"/categories/field-notes/\">Field Notes</a>"));
    v = quire::render_view(b, quire::parse_route("/categories/code/", b));
    CHECK(v.status == 200);
    CHECK(v.title == "Posts in category “code” — T");
    CHECK(has(v.html, "2 posts · <a href=\"/categories/\">All categories</a>"));
    CHECK(v.tag);
    // A tag of the same name is another page, with its own posts.
    v = quire::render_view(b, quire::parse_route("/tags/code/", b));
    CHECK(v.status == 200);
    CHECK(has(v.html, "1 post ·"));
    CHECK(quire::render_view(b, quire::parse_route("/categories/rust/", b)).status == 404);
    // The post page lists its categories, linked, as a line ("in ..."), not as tag pills
    v = quire::render_view(b, quire::parse_route("/posts/a/", b));
    CHECK(has(v.html, "<p class=\"post-categories\"><span class=\"label\">in</span> <a class=\"category\" href=\"/categories/field-notes/\">Field Notes</a> and <a class=\"category\" href=\"/categories/code/\">Code</a></p>"));
    CHECK_FALSE(has(v.html, "aria-label=\"Categories\""));
    // The document: the menu has Categories, current on category pages; a category's feeds
    const std::string doc = quire::render_document(b, quire::render_view(b, quire::parse_route("/categories/code/", b)));
    CHECK(has(doc, "href=\"/categories/\" aria-current=\"true\">Categories</a>"));
    CHECK(has(doc, "title=\"T — code\" href=\"/categories/code/feed.xml\""));
  }

  TEST_CASE("the bundle carries categories, and a loaded bundle shows the same pages") {
    auto r = categorised("categories: taxonomy\n");
    REQUIRE(r.ok());
    const std::string json = quire::write_bundle_json(r.bundle);
    CHECK(has(json, "\"categories\":true"));
    CHECK(has(json, "\"categories\":[\"Field Notes\",\"Code\"]"));
    auto loaded = quire::load_bundle(json);
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    CHECK(loaded.bundle.site.categories);
    REQUIRE(loaded.bundle.categories.size() == 2);
    for (const char* path : {"/categories/", "/categories/code/", "/posts/a/"}) {
      CAPTURE(path);
      CHECK(quire::render_view(loaded.bundle, quire::parse_route(path, loaded.bundle)).html ==
            quire::render_view(r.bundle, quire::parse_route(path, r.bundle)).html);
    }
    // A bad categories list is a schema error naming it
    std::string bad = json;
    bad.replace(bad.find("\"categories\":[\"Field Notes\""), 27, "\"categories\":[7");
    auto broken = quire::load_bundle(bad);
    CHECK_FALSE(broken.ok);
    CHECK(has(broken.message, "categories[0]: expected string"));
  }

  TEST_CASE("static pages, feeds and the sitemap include the categories") {
    auto r = categorised("taxonomies: [tags, categories]\n");
    REQUIRE(r.ok());
    std::vector<std::string> paths;
    for (const quire::Route& route : quire::all_routes(r.bundle)) paths.push_back(quire::route_path(route));
    for (const char* p : {"/categories/", "/categories/code/", "/categories/field-notes/", "/tags/code/"})
      CHECK_MESSAGE(std::count(paths.begin(), paths.end(), p) == 1, p);
    std::vector<std::string> files;
    for (const auto& f : quire::feed_files(r.bundle)) files.push_back(f.path);
    CHECK(std::count(files.begin(), files.end(), "categories/code/feed.xml") == 1);
    CHECK(std::count(files.begin(), files.end(), "categories/field-notes/feed.json") == 1);
    CHECK(has(quire::sitemap_xml(r.bundle), "<loc>https://e.org/categories/field-notes/</loc>"));
  }

  TEST_CASE("the widget shows a category and lists a post's categories") {
    auto r = categorised("categories: taxonomy\n");
    REQUIRE(r.ok());
    quire::WidgetRequest q;
    q.view = "category";
    q.category = "Field Notes";
    quire::WidgetView w = quire::render_widget(r.bundle, q);
    CHECK(w.status == 200);
    CHECK(has(w.html, "href=\"https://e.org/categories/field-notes/\""));
    q.category = "nope";
    CHECK(quire::render_widget(r.bundle, q).status == 404);
    q.view = "post";
    q.slug = "a";
    CHECK(has(quire::render_widget(r.bundle, q).html, "href=\"https://e.org/categories/code/\">Code</a>"));
  }

  TEST_CASE(":categories permalinks work with categories apart or merged; /categories/ is the build's only when apart") {
    for (const char* keys : {"", "categories: taxonomy\n"}) {
      CAPTURE(keys);
      auto r = categorised(std::string(keys) + "permalink: /:categories/:year/:title/\n");
      REQUIRE_MESSAGE(r.ok(), all(r.errors));
      const quire::Post* a = r.bundle.find_post("a");
      REQUIRE(a);
      CHECK(a->permalink == "/field notes/code/2020/a/");  // Jekyll's: lowercased, not slugged
      CHECK(quire::parse_route("/field%20notes/code/2020/a/", r.bundle).slug == "a");
    }
    TempDir dir;
    dir.write("site.yaml", "title: T\n");
    dir.write("posts/2020-01-01-a.md", "---\ntitle: A\npermalink: /categories/\n---\n");
    CHECK(quire::load_content(dir.path, {}).ok());  // a Jekyll blog's own categories page
    dir.write("site.yaml", "title: T\ncategories: taxonomy\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    CHECK(has(r.errors[0].message, "the category pages /categories/"));
  }

  TEST_CASE("JSON front matter (Hugo's {...}): keys, types, the body after it, errors at their line") {
    Parsed p = parse("\n{\n  \"title\": \"Coil winding\",\n  \"date\": \"2021-09-01T12:00:00+02:00\",\n"
                     "  \"tags\": [\"coils\", \"copper\"],\n  \"draft\": false,\n  \"weight\": 3,\n"
                     "  \"params\": {\"x\": [1, {\"y\": \"}\"}]}\n}\nThe body { braces } stay.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.title == "Coil winding");
    CHECK(p.post.post.date == "2021-09-01T12:00:00+02:00");
    CHECK(texts(p.post.post.tags) == std::vector<std::string>{"coils", "copper"});
    CHECK_FALSE(p.post.draft);
    CHECK(p.post.post.body == "The body { braces } stay.\n");
    CHECK(p.post.body_line == 10);
    CHECK(has(p.post.post.params_json, "\"weight\":\"3\""));
    // One line: the body starts on the next
    p = parse("{\"title\": \"T\", \"date\": \"2020-01-01\"}\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.body == "Body.\n");
    // A wrong type at its key's line
    p = parse("{\n  \"title\": \"T\",\n  \"date\": [2020]\n}\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].str() == "content/posts/x.md:3: date: expected a single value (text), got a list");
    // Invalid JSON, a key twice, an object never closed
    p = parse("{\n  \"title\": \"T\",\n  \"date\": \"2020-01-01\",,\n}\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(has(p.errors[0].str(), "content/posts/x.md:3: invalid JSON front matter: syntax error"));
    p = parse("{\n  \"title\": \"T\",\n  \"title\": \"U\",\n  \"date\": \"2020-01-01\"\n}\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].str() == "content/posts/x.md:3: \"title\" given twice (first on line 2)");
    p = parse("{\n  \"title\": \"T {\",\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(has(p.errors[0].str(), "content/posts/x.md:1: front matter is not closed"));
  }

  TEST_CASE("Eleventy's date keywords read the file's times or git, and warn when a date is not stable") {
    TempDir dir;
    dir.write("posts/a.md", "---\ntitle: A\ndate: Last Modified\n---\nA.\n");
    const std::string file = (dir.path / "posts/a.md").string();
    const auto when = quire::file_date("Last Modified", file);
    REQUIRE(when);
    CHECK_FALSE(when->stable);
    std::string text;
    REQUIRE(quire::read_file(file, text));
    for (const char* keyword : {"Created", "Last Modified", "git Created", "git Last Modified"}) {
      CAPTURE(keyword);
      std::string t = text;
      t.replace(t.find("Last Modified"), 13, keyword);
      Parsed p = parse(t, file);
      REQUIRE_MESSAGE(p.post.ok, all(p.errors));
      CHECK(p.post.post.date.view().substr(0, 4) == when->iso.substr(0, 4));
      // Outside git, every one comes from the file system: not stable
      CHECK(has(all(p.warnings), file + ":3: date: " + keyword + " gives "));
      CHECK(has(all(p.warnings), "write the date"));
    }
    CHECK(quire::is_file_date_keyword("git Created"));
    CHECK_FALSE(quire::is_file_date_keyword("created"));
    CHECK(!quire::file_date("Created", (dir.path / "nope.md").string()));
  }

  TEST_CASE("git dates come from git log when the file is committed") {
    TempDir dir;
    dir.write("a.md", "x\n");
    const std::string d = dir.path.string();
    const std::string git = "git -C '" + d + "' -c user.name=t -c user.email=t@e ";
    REQUIRE(std::system(("git init -q '" + d + "'").c_str()) == 0);  // git: a repository's own tool, on every machine that has one
    REQUIRE(std::system((git + "add a.md && GIT_COMMITTER_DATE=2001-02-03T04:05:06Z " + git +
                         "commit -q -m one --date=2001-02-03T04:05:06Z").c_str()) == 0);
    dir.write("a.md", "y\n");
    REQUIRE(std::system((git + "add a.md && GIT_COMMITTER_DATE=2002-02-03T04:05:06Z " + git +
                         "commit -q -m two --date=2002-02-03T04:05:06Z").c_str()) == 0);
    auto created = quire::file_date("git Created", d + "/a.md");
    auto modified = quire::file_date("git Last Modified", d + "/a.md");
    REQUIRE(created);
    REQUIRE(modified);
    CHECK(created->iso == "2001-02-03T04:05:06Z");
    CHECK(created->stable);
    CHECK(modified->iso == "2002-02-03T04:05:06Z");
  }

  TEST_CASE("Eleventy's permalink: false keeps a post out; a template permalink is left out with a warning") {
    Parsed p = parse("---\ntitle: T\ndate: 2020-01-01\npermalink: false\n---\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.draft);
    CHECK(has(all(p.warnings), "x.md:4: permalink: false (Eleventy writes no page for it): kept out like a draft"));
    p = parse("---\ntitle: T\ndate: 2020-01-01\npermalink: \"/{{ page.fileSlug }}/\"\n---\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK_FALSE(p.post.draft);
    CHECK(p.post.post.permalink.empty());
    CHECK(has(all(p.warnings), "x.md:4: permalink: \"/{{ page.fileSlug }}/\" is a template of the old engine"));
  }

  TEST_CASE("raw HTML in a footnote's indented continuation paragraph is kept, sanitised, as in the body") {
    const std::string md = "Text[^1].\n\n[^1]: First paragraph.\n\n    <IMG SRC=/a.png ALT=chart ONERROR=alert(1)> and "
                           "<KBD>Ctrl</KBD>.\n\n    <details><summary>More</summary>Hidden <script>x()</script></details>\n";
    quire::SanitizedMarkdown s = quire::sanitize_raw_html(md, quire::kDefaultIframeHosts);
    CHECK(s.refused == 0);
    const std::string html = quire::render_markdown(s.markdown, {});
    CHECK(has(html, "<img src=\"/a.png\" alt=\"chart\"> and <kbd>Ctrl</kbd>."));
    CHECK(has(html, "<details><summary>More</summary>Hidden </details>"));
    CHECK_FALSE(has(html, "onerror"));
    CHECK_FALSE(has(html, "x()"));
    bool reported = false;
    for (const auto& r : s.removed) reported = reported || has(r.what, "onerror");
    CHECK(reported);
    // Code in a note stays code
    const std::string code = "A[^n].\n\n[^n]: Note.\n\n        <b>code</b>\n";
    CHECK(quire::sanitize_raw_html(code, quire::kDefaultIframeHosts).markdown == code);
  }

  TEST_CASE("real-world shapes: BOM, CRLF, a tab after a colon, theme keys without warning noise") {
    Parsed p = parse("\xEF\xBB\xBF\r\n---\r\ntitle:\tHello\r\ndate: 2020-01-01 10:00:00 +0100\r\nlayout: post\r\n"
                     "comments: true\r\nmath: true\r\nname: x\r\ntoc: true\r\nweight: 3\r\nshare: false\r\n"
                     "excerpt_separator: <!--more-->\r\ncategory: notes\r\n---\r\nFirst.\r\n<!--more-->\r\nRest.\r\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.warnings.empty());
    CHECK(p.post.post.title == "Hello");
    CHECK(p.post.post.summary == "First.");
    CHECK(texts(p.post.post.tags) == std::vector<std::string>{"notes"});  // Jekyll's category:, merged
    CHECK(has(p.post.post.params_json, "\"layout\":\"post\""));
    // Typos still get their hint
    p = parse("---\ntitle: T\ndate: 2020-01-01\ntitel: U\nsumary: s\n---\n");
    CHECK(has(all(p.warnings), "unknown key \"titel\" kept in params (did you mean \"title\"?)"));
    CHECK(has(all(p.warnings), "unknown key \"sumary\" kept in params (did you mean \"summary\"?)"));
  }

  TEST_CASE("real-world shapes: TOML date-times, Zola's [extra], Hugo's weight and summary, Jekyll's published: false") {
    Parsed p = parse("+++\ntitle = \"Z\"\ndate = 2020-01-01T00:00:00Z\nweight = 5\n[extra]\nhero = \"a.png\"\n"
                     "[taxonomies]\ntags = [\"x\"]\n+++\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.warnings.empty());
    CHECK(p.post.post.date == "2020-01-01T00:00:00Z");
    CHECK(has(p.post.post.params_json, "\"extra\":{\"hero\":\"a.png\"}"));
    p = parse("+++\ntitle = \"H\"\ndate = 2021-04-10T08:00:00+02:00\nsummary = \"Given.\"\ndraft = false\n+++\n"
              "Intro.\n\n<!--more-->\n\nMore.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.summary == "Given.");
    CHECK_FALSE(has(p.post.post.body.str(), "<!--more-->"));
    p = parse("---\ntitle: J\ndate: 2019-03-14\npublished: false\n---\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.draft);
  }

  TEST_CASE("a Hugo blog copied in as it is names its sections' files and the import command, never ok: 0 posts") {
    TempDir dir;
    dir.write("hugo.toml", "baseURL = \"https://e.org/\"\n");
    dir.write("content/blog/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n");
    dir.write("content/articles/b.md", "{\"title\": \"B\", \"date\": \"2020-01-02\"}\n");
    dir.write("content/notes/_index.md", "+++\ntitle = \"Notes\"\n+++\n");
    auto r = quire::load_content(dir.path / "content", {});
    REQUIRE(r.errors.size() == 1);
    const std::string e = r.errors[0].str();
    CHECK(has(e, "articles/b.md"));
    CHECK(has(e, "blog/a.md"));
    CHECK(has(e, "quire import"));
  }

  TEST_CASE("a Hugo blog whose config is in config/_default/ is recognised as Hugo when copied in as it is") {
    TempDir dir;
    dir.write("config/_default/hugo.toml", "baseURL = \"https://e.org/\"\n");
    dir.write("content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE(r.errors.size() == 1);
    const std::string e = r.errors[0].str();
    CHECK(has(e, "config/_default/hugo.toml: a Hugo blog"));
    CHECK(has(e, "quire import hugo "));
  }

  TEST_CASE("old_feeds: the old engine's feed URLs get the site's feed; bad paths are errors at their line") {
    // A folder's address (an Eleventy feed template's feed/index.html):
    // the feed as its index.html.
    auto r = categorised("old_feeds: [/index.xml, /posts/index.xml, /feed/feed.json, /atom/]\n");
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    std::string atom, json, index, posts, old_json, folder;
    for (const auto& f : quire::feed_files(r.bundle)) {
      if (f.path == "feed.xml") atom = f.data;
      if (f.path == "feed.json") json = f.data;
      if (f.path == "index.xml") index = f.data;
      if (f.path == "posts/index.xml") posts = f.data;
      if (f.path == "feed/feed.json") old_json = f.data;
      if (f.path == "atom/index.html") folder = f.data;
    }
    CHECK_FALSE(atom.empty());
    CHECK(index == atom);
    // A file right under /tags/ (Hugo's feed of the tags' list): the build writes none there.
    r = categorised("old_feeds: [/tags/index.xml]\n");
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    bool tags_list_feed = false;
    for (const auto& f : quire::feed_files(r.bundle)) tags_list_feed = tags_list_feed || (f.path == "tags/index.xml" && f.data == atom);
    CHECK(tags_list_feed);
    CHECK(posts == atom);
    CHECK(old_json == json);
    CHECK(folder == atom);
    // Where the blog shows something, no feed replaces it.
    r = categorised("old_feeds: [/posts/a/, /tags/]\n");
    REQUIRE(r.errors.size() == 2);
    CHECK(has(r.errors[0].str(), "old_feeds: is the tag pages /tags/"));
    CHECK(has(r.errors[1].str(), "old_feeds: /posts/a/ is an address the blog has"));
    r = categorised("old_feeds:\n  - /feed.xml\n  - /tags/a/index.xml\n  - /blog.html\n  - index.xml\n  - /a/../b.xml\n  - /\n");
    REQUIRE(r.errors.size() == 6);
    CHECK(has(r.errors[5].str(), "site.yaml:9: old_feeds: is the home page /"));
    CHECK(has(r.errors[0].str(), "site.yaml:4: old_feeds: is one of the site's files"));
    CHECK(has(r.errors[1].str(), "site.yaml:5: old_feeds: is the tag pages /tags/"));
    CHECK(has(r.errors[2].str(), "site.yaml:6: old_feeds: expected a feed's file name"));
    CHECK(has(r.errors[3].str(), "site.yaml:7: old_feeds: expected a path starting with '/'"));
    CHECK(has(r.errors[4].str(), "site.yaml:8: old_feeds: no \".\" or \"..\" segments"));
  }

  TEST_CASE("old_feeds: a term's feed by pattern (/tags/:tag/index.xml) is each term's own feed at its old address") {
    // Hugo's /tags/<x>/index.xml, Zola's /tags/<x>/atom.xml (bigshans' 229 term feeds).
    const std::string feeds = "old_feeds: [/tags/:tag/index.xml, /categories/:category/rss.xml, /topics/:tag/feed.json]\n";
    for (const bool pages : {true, false}) {
      CAPTURE(pages);
      auto r = categorised((pages ? "taxonomies: [tags, categories]\n" : "") + feeds);
      REQUIRE_MESSAGE(r.ok(), all(r.errors));
      std::map<std::string, std::string> files;
      for (const auto& f : quire::feed_files(r.bundle)) files[f.path] = f.data;
      REQUIRE_FALSE(r.bundle.tags.empty());
      for (const quire::TagInfo& t : r.bundle.tags) {
        CAPTURE(t.slug);
        REQUIRE(files.count("tags/" + t.slug + "/feed.xml"));
        CHECK(files.at("tags/" + t.slug + "/index.xml") == files.at("tags/" + t.slug + "/feed.xml"));
        CHECK(files.at("topics/" + t.slug + "/feed.json") == files.at("tags/" + t.slug + "/feed.json"));
        // Without category pages the categories are among the tags: /categories/<x>/rss.xml is each tag's.
        const bool also_category = std::any_of(r.bundle.categories.begin(), r.bundle.categories.end(),
                                               [&](const quire::TagInfo& c) { return c.slug == t.slug; });
        CHECK(files.count("categories/" + t.slug + "/rss.xml") == (pages && !also_category ? 0u : 1u));
      }
      CHECK(r.bundle.categories.empty() == !pages);
      for (const quire::TagInfo& c : r.bundle.categories)
        CHECK(files.at("categories/" + c.slug + "/rss.xml") == files.at("categories/" + c.slug + "/feed.xml"));
    }
    auto r = categorised("old_feeds: [/tags/:tag/:tag.xml, /x/:tagline.xml]\n");
    CHECK(r.errors.size() == 2);
  }

  TEST_CASE("old_feeds: a term's old address redirected to its page (Hugo's urlize of the term) holds its feed too") {
    // bheisler's "Criterion.rs" at /tags/criterion.rs/ (Quire's /tags/criterion-rs/), SunsetMkt's /tags/AI/feed.xml:
    // the pages redirected, the feeds were 404.
    auto r = categorised("old_feeds: [/tags/:tag/index.xml, /tags/:tag/feed.xml]\n"
                         "redirects: {\"/tags/Rust.lang/\": \"/tags/rust/\", \"/old/rust/\": \"/tags/rust/\", "
                         "\"/tags/rust/lang/\": \"/tags/rust/\", \"/tags/rust/page/1/\": \"/tags/rust/\"}\n");
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    std::map<std::string, std::string> files;
    for (const auto& f : quire::feed_files(r.bundle)) files[f.path] = f.data;
    REQUIRE(files.count("tags/rust/feed.xml"));
    CHECK(files["tags/Rust.lang/index.xml"] == files["tags/rust/feed.xml"]);
    CHECK(files["tags/Rust.lang/feed.xml"] == files["tags/rust/feed.xml"]);
    CHECK(files["tags/rust/lang/index.xml"] == files["tags/rust/feed.xml"]);  // forecho's "CI/CD" at /tags/ci/cd/
    CHECK_FALSE(files.count("tags/rust/page/1/index.xml"));                   // a page of the list, no term
    CHECK_FALSE(files.count("tags/old/rust/index.xml"));  // not under the pattern's folder
    CHECK_FALSE(files.count("old/rust/index.xml"));
  }
}

