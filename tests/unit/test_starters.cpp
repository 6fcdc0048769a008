// Blogs shaped like the engines' starters and like old GitHub Pages sites
// (the shapes real blogs are copied in with): Eleventy 3's base blog layout
// (content/ as input, _data/ beside it in JavaScript, ---js front matter, a
// draft, a 404 page, a post in <x>/<x>.md with its image, links to source
// files, the feed plugin's path, a passthrough copy mapped to the site's
// root), and a Jekyll site with no _config.yml (CNAME, jekyll-feed in the
// Gemfile, an atom.xml template, posts opening with {{ page.title }} over
// ====), a Zola theme's demo blog (posts at content/'s root listed by
// date, pages in a section not rendered, an archive page of a template),
// and the shapes personal blogs on GitHub had: Hugo keys in capitals, a
// section of undated quotes, two Jekyll posts with one name on two days,
// a time zone written as an offset.
// Each imported, then built.
#include <doctest/doctest.h>

#include "content_support.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include "build/content.hpp"
#include "build/import/common.hpp"
#include "build/import/import.hpp"
#include "build/import/js_literal.hpp"
#include "core/bundle.hpp"
#include "core/markdown.hpp"
#include "core/permalink.hpp"
#include "core/router.hpp"

namespace fs = std::filesystem;
using quire::testing::all;
using quire::testing::TempDir;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
std::string notes(const quire::ImportReport& r) {
  std::string s;
  for (const quire::Diagnostic& d : r.not_converted) s += d.str() + "\n";
  return s;
}

}  // namespace

TEST_SUITE("starters") {

TEST_CASE("JavaScript data: literals read, computed values named, undefined left out") {
  using quire::import::ojson;
  ojson out;
  std::string error;
  int line = 0;
  REQUIRE(quire::import::parse_js_front(
      "const title = \"Fifth \\u00e9 post\";\nlet date = '2023-01-23'\nvar draft = true;\n"
      "export const tags = [\"a\", `b`, 3, -1.5e2,];\nconst when = new Date(\"2024-02-03\");\n"
      "const nav = { key: 'About', order: 3, \"x-y\": null, }; // a comment\n"
      "const later = computeIt(1, 2);\nconst gone = undefined;\n/* block */ function helper() {\n  return 1;\n}\n"
      "const tpl = `Hi ${name}`;\nconst a = 1, b = \"two\";\n",
      out, error, line));
  CHECK(out["title"] == "Fifth \u00e9 post");
  CHECK(out["date"] == "2023-01-23");
  CHECK(out["draft"] == true);
  CHECK(out["tags"] == ojson::parse(R"(["a","b",3,-150.0])"));
  CHECK(out["when"] == "2024-02-03");
  CHECK(out["nav"] == ojson::parse(R"({"key":"About","order":3,"x-y":null})"));
  CHECK(quire::import::js_computed(out["later"]));
  CHECK(out["later"]["computed"] == "computeIt(1, 2)");
  CHECK(quire::import::js_computed(out["tpl"]));
  CHECK_FALSE(out.contains("gone"));
  CHECK(out["a"] == 1);
  CHECK(out["b"] == "two");
  // Eleventy 2's form: one object literal, methods computed
  REQUIRE(quire::import::parse_js_front("{\n  title: 'Old form',\n  permalink() { return '/x/'; },\n}\n", out, error, line));
  CHECK(out["title"] == "Old form");
  CHECK(quire::import::js_computed(out["permalink"]));
  // Broken: a message and the line
  CHECK_FALSE(quire::import::parse_js_front("const a = 1;\nconst title = \"never closed;\n", out, error, line));
  CHECK(line == 2);
  CHECK(has(error, "string not closed"));
  // Data files
  REQUIRE(quire::import::parse_js_data_file(
      "// site\nexport default {\n\ttitle: \"Blog\",\n\tauthor: { name: \"Ana\", url: 'https://a.example/' },\n};\n",
      out, error, line));
  CHECK(out["title"] == "Blog");
  CHECK(out["author"]["name"] == "Ana");
  REQUIRE(quire::import::parse_js_data_file("module.exports = { tags: [\"posts\"], layout: \"post.njk\" };", out, error, line));
  CHECK(out["tags"] == ojson::parse(R"(["posts"])"));
  CHECK_FALSE(quire::import::parse_js_data_file("export default function() { return fetchAll(); }", out, error, line));
  CHECK(has(error, "not an object literal"));
  // A function returning an object literal: Eleventy calls it; the object
  REQUIRE(quire::import::parse_js_data_file("export default function() { return { layout: 'post.njk' }; }", out, error, line));
  CHECK(out["layout"] == "post.njk");
  // The object bound to a name first, then exported by that name
  REQUIRE(quire::import::parse_js_data_file(
      "const site = {\n  title: 'Named',\n  url: \"https://n.example\",\n};\n\nmodule.exports = site;\n", out, error, line));
  CHECK(out["title"] == "Named");
  CHECK(out["url"] == "https://n.example");
  REQUIRE(quire::import::parse_js_data_file("const meta = { title: \"Esm\" }\nexport default meta\n", out, error, line));
  CHECK(out["title"] == "Esm");
  // A name bound to something computed stays an error
  CHECK_FALSE(quire::import::parse_js_data_file("const site = load();\nmodule.exports = site;\n", out, error, line));
  CHECK(has(error, "not an object literal"));
  CHECK(line == 2);
}

TEST_CASE("an Eleventy 3 base-blog layout moves in whole and builds") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/eleventy.config.js",
            "export default async function(cfg) {\n  cfg.addPassthroughCopy({ \"./public/\": \"/\" })\n"
            "    .addPassthroughCopy(\"./content/feed/style.xsl\");\n"
            "  cfg.addPlugin(feedPlugin, { type: \"atom\", outputPath: \"/feed/feed.xml\" });\n"
            "  cfg.addPreprocessor(\"drafts\", \"*\", (data, content) => {\n"
            "    if (data.draft && process.env.ELEVENTY_RUN_MODE === \"build\") return false;\n  });\n}\n"
            "export const config = {\n  dir: { input: \"content\", includes: \"../_includes\", data: \"../_data\" },\n};\n");
  dir.write("src/_data/metadata.js",
            "export default {\n\ttitle: \"Night Notes\",\n\turl: \"https://night.example/\",\n\tlanguage: \"en\",\n"
            "\tauthor: {\n\t\tname: \"Ida\",\n\t\temail: \"ida@night.example\",\n\t}\n}\n");
  dir.write("src/public/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  dir.write("src/content/feed/style.xsl", "<xsl/>");
  dir.write("src/content/404.md", "---\npermalink: 404.html\neleventyExcludeFromCollections: true\n---\n# Not found.\n");
  dir.write("src/content/about.md", "---js\nconst eleventyNavigation = {\n\tkey: \"About\",\n\torder: 3\n};\n---\n# About me\n\nI write.\n");
  dir.write("src/content/blog/blog.11tydata.js", "export default {\n\ttags: [\n\t\t\"posts\"\n\t],\n\t\"layout\": \"post.njk\",\n};\n");
  dir.write("src/content/blog/first.md", "---\ntitle: First\ndate: 2018-05-01\ntags: posts\n---\nHello.\n");
  dir.write("src/content/blog/second.md",
            "---\ntitle: Second\ndate: 2018-07-04\ntags: [posts, night]\n---\n"
            "<a href=\"/blog/first.md\">First post</a>, <a href=\"blog/first.md#top\">again</a> and [the third](third/third.md).\n");
  dir.write("src/content/blog/third/third.md", "---\ntitle: Third\ndate: 2018-08-24\n---\n<img src=\"./owl.png\" alt=\"An owl\">\n");
  dir.write("src/content/blog/third/owl.png", "not really a png");
  dir.write("src/content/blog/fifth.md", "---js\nconst title = \"Fifth\";\nconst date = \"2023-01-23\";\nconst draft = true;\n---\nA draft.\n");

  const quire::ImportReport r = quire::import_blog(quire::Engine::eleventy, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string site = read_text(dest / "site.yaml");
  CHECK(has(site, "title: \"Night Notes\""));
  CHECK(has(site, "author: \"Ida\""));
  CHECK(has(site, "url: \"https://night.example\""));
  CHECK(has(site, "old_feeds: [\"/feed/feed.xml\"]"));
  // the draft stays a draft, with its title and date
  const std::string fifth = read_text(dest / "posts/fifth.md");
  CHECK(has(fifth, "title: \"Fifth\"\ndate: 2023-01-23\n"));
  CHECK(has(fifth, "draft: true"));
  // the 404 page is Quire's own; about's heading is its title
  CHECK_FALSE(fs::exists(dest / "pages/404.md"));
  CHECK(has(notes(r), "404.md: the not-found page"));
  const std::string about = read_text(dest / "pages/about.md");
  CHECK(has(about, "title: \"About me\""));
  CHECK_FALSE(has(about, "# About me"));
  // <x>/<x>.md is a folder post with its image, at its old URL /blog/third/
  CHECK(fs::exists(dest / "posts/third/index.md"));
  CHECK(fs::exists(dest / "posts/third/owl.png"));
  CHECK(has(read_text(dest / "posts/third/index.md"), "\"/blog/third/\""));
  // collection tags dropped (from the .js data file); links to source files rewritten
  const std::string second = read_text(dest / "posts/second.md");
  CHECK(has(second, "tags: [\"night\"]"));
  CHECK(has(second, "<a href=\"/posts/first/\">First post</a>, <a href=\"/posts/first/#top\">again</a> and [the third](/posts/third/)"));
  CHECK_FALSE(has(read_text(dest / "posts/first.md"), "tags:"));
  // public/ copied to the site's root
  CHECK(fs::exists(dest / "static/img/logo.svg"));
  CHECK(fs::exists(dest / "static/feed/style.xsl"));

  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 3);
}

TEST_CASE("Eleventy moved from Hugo: {% ref %} to a post by its old file name, site data's baseUrl") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/.eleventy.js", "module.exports = function(c) { return { dir: { input: \"site\" } }; };\n");
  dir.write("src/site/_data/site.json", "{\"title\": \"B\", \"baseUrl\": \"https://b.example/\"}\n");
  dir.write("src/site/blog/2023/2023-07-12-vm-1.md", "---\ntitle: VM 1\ndate: 2023-07-12\n---\nOne.\n");
  dir.write("src/site/blog/2023/2023-07-23-vm-2.md",
            "---\ntitle: VM 2\ndate: 2023-07-23\n---\nSee [part one]({% ref \"2023-07-12-vm-1.markdown\" %}) "
            "and [its end]({% ref \"2023-07-12-vm-1.md#end\" %}); {% ref \"nowhere.md\" %}.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::eleventy, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(has(read_text(dest / "site.yaml"), "url: \"https://b.example\""));
  const std::string two = read_text(dest / "posts/2023-07-23-vm-2.md");
  CHECK(has(two, "See [part one](/posts/vm-1/) and [its end](/posts/vm-1/#end)"));
  CHECK(has(notes(r), "{% ref \"nowhere.md\" %}: no post \"nowhere.md\" in the source"));
}

TEST_CASE("a GitHub Pages Jekyll site without _config.yml moves in whole and builds") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/CNAME", "words.example.org\n");
  dir.write("src/Gemfile", "source 'https://rubygems.org'\ngem 'github-pages'\ngem 'jekyll-feed'\n");
  dir.write("src/atom.xml", "---\n---\n<?xml version=\"1.0\"?>\n<feed>{{ site.time }}</feed>\n");
  dir.write("src/404.md", "---\nlayout: default\npermalink: /404.html\n---\nLost?\n");
  dir.write("src/_posts/2009-05-19-the-parable.md",
            "---\nlayout: post\ntitle: The Parable\n---\n\n{{ page.title }}\n================\n\n"
            "<p class=\"meta\">19 May 2009</p>\n\nAs {{ page.title }} says.\n");
  dir.write("src/_posts/2010-01-02-own-heading.md", "---\ntitle: Own\n---\n# Something else\n\nText.\n");
  dir.write("src/_layouts/default.html", "<html><head><title>{{ page.title }}</title></head><body>\n<div class=\"title\">\n"
                                         "  <a href=\"/\">Tom Writer</a>\n  <a class=\"extra\" href=\"/\">home</a>\n</div>\n{{ content }}\n");

  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string site = read_text(dest / "site.yaml");
  CHECK(has(site, "url: \"https://words.example.org\""));
  CHECK(has(site, "old_feeds: [\"/atom.xml\"]"));  // /feed.xml is Quire's own
  CHECK(has(site, "title: \"Tom Writer\""));  // no config: the layout's link home names the site
  CHECK_FALSE(fs::exists(dest / "pages/404.md"));
  const std::string parable = read_text(dest / "posts/2009-05-19-the-parable.md");
  CHECK_FALSE(has(parable, "===="));
  CHECK_FALSE(has(parable, "{{"));
  CHECK(has(parable, "As The Parable says."));
  // a first heading that is not the title stays
  CHECK(has(read_text(dest / "posts/2010-01-02-own-heading.md"), "# Something else"));

  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 2);
  CHECK_MESSAGE(built.warnings.empty(), all(built.warnings));
}

TEST_CASE("a Jekyll post's <br> lines over a heading (kramdown's GFM input): the heading stays a heading") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Stats\n");
  dir.write("src/_posts/2020-01-08-dropout.md",
            "---\ntitle: Dropout\n---\nOverfitting.\n\n<br>\n<br>\n### Regularization\nA term.\n\n"
            "<img src=\"/a.png\">\n- a list\n\n```\n<br>\n### code\n```\n\nText<br>\n### Next\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string md = read_text(dest / "posts/2020-01-08-dropout.md");
  CHECK(has(md, "<br>\n<br>\n\n### Regularization\nA term."));
  CHECK(has(md, "<img src=\"/a.png\">\n\n- a list"));
  CHECK(has(md, "```\n<br>\n### code\n```"));  // code is left alone
  CHECK(has(md, "Text<br>\n### Next"));       // inside a paragraph: no HTML block to end
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  const quire::Post* p = built.bundle.find_post("dropout");
  REQUIRE(p != nullptr);
  const std::string html = quire::render_markdown(p->body.str());
  CHECK(has(html, "<h3 id=\"regularization\">"));
  CHECK(has(html, "<li>a list</li>"));
}

TEST_CASE("a Jekyll post's image and link addresses with spaces (a Notion export; kramdown read them): images and links") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Notes\n");
  dir.write("src/_posts/2021-03-01-notion.md",
            "---\ntitle: Notion\n---\n![](/media/notion/Untitled 3.png)\n\n![A chart](/media/notion/Untitled 4.png \"The chart\")\n\n"
            "See [the notes](/files/My Notes.pdf).\n\n`![](/a b.png)` and [ok](/c.png).\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string md = read_text(dest / "posts/2021-03-01-notion.md");
  CHECK(has(md, "![](</media/notion/Untitled 3.png>)"));
  CHECK(has(md, "![A chart](</media/notion/Untitled 4.png> \"The chart\")"));
  CHECK(has(md, "[the notes](</files/My Notes.pdf>)"));
  CHECK(has(md, "`![](/a b.png)` and [ok](/c.png)"));  // code and plain addresses left alone
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  const quire::Post* p = built.bundle.find_post("notion");
  REQUIRE(p != nullptr);
  const std::string html = quire::render_markdown(p->body.str());
  CHECK(has(html, "<img src=\"/media/notion/Untitled%203.png\""));
  CHECK(has(html, "title=\"The chart\""));
  CHECK(has(html, "<a href=\"/files/My%20Notes.pdf\">the notes</a>"));
}

TEST_CASE("an imported post's headings in HTML on lines of their own (<h2 id=...>) are headings, not text in a paragraph") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/.eleventy.js", "module.exports = function () { return { dir: { input: \"content\" } }; };\n");
  dir.write("src/content/posts/sliders.md",
            "---\ntitle: Sliders\ndate: 2011-08-05\n---\nSome sliders.\n\n<h2>jQuery Cycle</h2>\nThe first one.\n\n"
            "<h3 id=\"orbit\" class=\"x\">Orbit</h3>\n\n```html\n<h2>in code</h2>\n```\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::eleventy, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string md = read_text(dest / "posts/sliders.md");
  CHECK(has(md, "```html\n<h2>in code</h2>\n```"));  // code is left alone
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  const quire::Post* p = built.bundle.find_post("sliders");
  REQUIRE(p != nullptr);
  const std::string html = quire::render_markdown(p->body.str());
  CHECK(has(html, "<h2>jQuery Cycle</h2>"));
  CHECK_FALSE(has(html, "<p><h2>"));
  CHECK(has(html, "<p>The first one.</p>"));
  CHECK(has(html, "<h3 class=\"x\" id=\"orbit\">Orbit</h3>"));
  CHECK_FALSE(has(html, "<p><h3"));
}

TEST_CASE("a Zola blog with its posts at content/'s root moves in whole and builds") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/config.toml", "base_url = \"https://me.example/theme/\"\ntitle = \"Demo\"\ngenerate_feed = true\n");
  dir.write("src/content/_index.md", "+++\npaginate_by = 2\nsort_by = \"date\"\n+++\n");
  dir.write("src/content/zola-is-nice.md",
            "+++\ntitle = \"Zola is nice\"\ndate = 2019-02-01\n\n[taxonomies]\ntags = [\"zola\"]\n+++\n"
            "Text.\n\n{{ image(src=\"/img/owl.png\", alt=\"An owl\", position=\"left\") }}\n");
  dir.write("src/content/2019-03-04-second.md", "+++\ntitle = \"Second\"\n+++\nMore.\n");
  // Dated, but the theme keeps it out of the list (radion's hide_from_list): a page.
  dir.write("src/content/colophon.md", "+++\ntitle = \"Colophon\"\ndate = 2019-01-01\n[extra]\nhide_from_list = true\n+++\nMade with care.\n");
  dir.write("src/content/pages/_index.md", "+++\nrender = false\n+++\n");
  dir.write("src/content/pages/about.md", "+++\ntitle = \"About Me\"\npath = \"about\"\n+++\nHello.\n");
  dir.write("src/content/pages/archive.md", "+++\ntitle = \"Archive\"\npath = \"archive\"\ntemplate = \"archive.html\"\n+++\n");
  dir.write("src/content/notes/_index.md", "+++\nsort_by = \"date\"\n+++\n");
  dir.write("src/content/notes/undated.md", "+++\ntitle = \"Colophon\"\n+++\nNo date.\n");
  // Not rendered itself, but transparent and by date: its pages are the
  // blog's posts (hegdenu's 24 were all pages).
  dir.write("src/content/writing/_index.md", "+++\ntransparent = true\nrender = false\nsort_by = \"date\"\n+++\n");
  dir.write("src/content/writing/third.md", "+++\ntitle = \"Third\"\ndate = 2019-05-06\n+++\nThird.\n");

  const quire::ImportReport r = quire::import_blog(quire::Engine::zola, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(r.posts == 3);
  CHECK(has(read_text(dest / "posts/third.md"), "aliases: [\"/writing/third/\"]"));
  // root posts keep their old address (/zola-is-nice/; Zola drops the file's date)
  const std::string nice = read_text(dest / "posts/zola-is-nice.md");
  CHECK(has(nice, "aliases: [\"/zola-is-nice/\"]"));
  CHECK(has(nice, "![An owl](/img/owl.png)"));
  CHECK(has(read_text(dest / "posts/2019-03-04-second.md"), "aliases: [\"/second/\"]"));
  CHECK(has(read_text(dest / "pages/about.md"), "permalink: \"/about/\""));
  CHECK(fs::exists(dest / "pages/colophon.md"));
  CHECK_FALSE(fs::exists(dest / "posts/colophon.md"));
  CHECK(fs::exists(dest / "pages/undated.md"));
  CHECK_FALSE(fs::exists(dest / "pages/archive.md"));
  CHECK(has(notes(r), "archive.md: a theme's archive page (template: archive.html): Quire writes its own"));

  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 3);
}

TEST_CASE("Hugo: keys in any case, an undated section kept as pages at their addresses") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/config.toml", "baseURL = \"https://h.example/\"\ntitle = \"H\"\n");
  dir.write("src/content/post/nix.md",
            "---\nTitle: \"Installing NixOS\"\nDate: 2023-01-03T10:00:00Z\nTags: [nix, linux]\nCategory: [ops]\n---\nText.\n");
  dir.write("src/content/post/second.md", "+++\ntitle = \"Second\"\npublishDate = 2023-02-01\n+++\nMore.\n");
  dir.write("src/content/quotes/steele.md", "+++\nauthor = \"Guy Steele\"\n+++\nWe were after the C++ programmers.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::hugo, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string nix = read_text(dest / "posts/nix.md");
  CHECK(has(nix, "title: \"Installing NixOS\"\ndate: 2023-01-03T10:00:00Z\n"));
  CHECK(has(nix, "tags: [\"nix\",\"linux\"]"));
  CHECK(has(read_text(dest / "posts/second.md"), "date: 2023-02-01"));
  CHECK(has(read_text(dest / "pages/steele.md"), "permalink: \"/quotes/steele/\""));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 2);
}

TEST_CASE("Jekyll: one name on two days gets two slugs; an offset time zone becomes a tz zone") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Daily\nurl: https://d.example\ntimezone: \"+0100\"\npermalink: pretty\n");
  dir.write("src/_posts/2017-08-05-wrapup.md", "---\ntitle: Wrap-up, day one\n---\nOne.\n");
  dir.write("src/_posts/2017-08-06-wrapup.md", "---\ntitle: Wrap-up, day two\n---\nTwo.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(has(read_text(dest / "site.yaml"), "timezone: \"Etc/GMT-1\""));
  const std::string two = read_text(dest / "posts/2017-08-06-wrapup.md");
  CHECK(has(two, "slug: \"wrapup-2\""));
  CHECK(has(two, "aliases: [\"/2017/08/06/wrapup/\"]"));
  CHECK(has(notes(r), "slug \"wrapup\" is also "));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 2);
}

TEST_CASE("the odd shapes of personal blogs: one-digit months, CJK file names, empty keys, aliases with '?'") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Notes\nurl: https://n.example\nauthor:\n  name: ~\n  bio: ~\n");
  dir.write("src/_posts/2017-4-20-code-tips.md", "---\ntitle: Code tips\nimage:\n---\nTips.\n");
  dir.write("src/_posts/2024-10-14-\u56de\u6536\u7ad9.md", "---\ntitle: \u56de\u6536\u7ad9\n---\nText.\n");
  dir.write("src/_posts/2018-01-02-drm.md", "---\ntitle: DRM\nredirect_from: [\"/blog/Ubisoft+DRM+too?\", \"/old/drm/\"]\n---\nHm.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK_FALSE(has(read_text(dest / "site.yaml"), "author"));
  const std::string tips = read_text(dest / "posts/2017-04-20-code-tips.md");
  CHECK(has(tips, "date: 2017-04-20"));
  CHECK_FALSE(has(tips, "image"));
  CHECK(has(read_text(dest / "posts/2018-01-02-drm.md"), "redirect_from: [\"/blog/Ubisoft+DRM+too\",\"/old/drm/\"]"));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  REQUIRE(built.bundle.posts.size() == 3);
  for (const quire::Post& p : built.bundle.posts) CHECK(quire::valid_slug(p.slug));
  CHECK(built.bundle.find_post("code-tips"));
}

TEST_CASE("two posts with one permalink (a blog imported into Jekyll twice): one keeps it, both build") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Life\nurl: https://l.example\npermalink: /:categories/:title/\n");
  const std::string front = "---\ntitle: Theming\npermalink: /2011/04/27/theming\ncategories: [Lifestream]\n";
  dir.write("src/_posts/lifestream/2011-04-27-theming.md", front + "redirect_from: [/old/theming/]\n---\nFrom the phone.\n");
  dir.write("src/_posts/tbd/2011-04-27-theming.md", front + "redirect_from: [/old/theming/]\n---\nFrom the phone, again.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(has(notes(r), "permalink \"/2011/04/27/theming\" is also "));
  CHECK(has(notes(r), "redirect_from: /old/theming/ is "));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 2);
}

TEST_CASE("Jekyll: posts at /archive/:title, the config's own settings in posts, a theme's static 404.html") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: R\nurl: https://r.example\npermalink: /archive/:title\nimg_url: /assets/img/\n");
  dir.write("src/_posts/2012-10-26-hello-world.md",
            "---\ntitle: Hello\n---\n![a]({{ site.img_url }}a.png) and {{ site.unknown_thing }}.\n");
  dir.write("src/404.html", "<!doctype html><title>Lost</title>\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(has(read_text(dest / "posts/2012-10-26-hello-world.md"), "![a](/assets/img/a.png)"));
  CHECK(has(notes(r), "{{ site.unknown_thing }}"));
  CHECK_FALSE(fs::exists(dest / "static/404.html"));
  CHECK(has(notes(r), "404.html: the not-found page"));
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  // /archive/<title>/ is the post's, /archive/ and /archive/YYYY/MM/ the archive's
  const quire::Route post = quire::parse_route("/archive/hello-world/", built.bundle);
  CHECK(post.kind == quire::RouteKind::Post);
  CHECK(quire::parse_route("/archive/2012/10/", built.bundle).kind == quire::RouteKind::Month);
  CHECK(quire::reserved_path("archive/") != nullptr);
  CHECK(quire::reserved_path("archive/2012/10/") != nullptr);
  CHECK(quire::reserved_path("archive/hello-world/") == nullptr);
}

TEST_CASE("Jekyll: posts at /archive/:year/:month/:day/:title/ stay there, beside the build's months") {
  // haacked.com: the build refused every post ("the archive") and wrote nothing.
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: H\nurl: https://h.example\npermalink: /archive/:year/:month/:day/:title/\n");
  dir.write("src/_posts/2019-05-10-hello.md", "---\ntitle: Hello\nredirect_from: [/archive/2019/05/10/hi/]\n---\nText.\n");
  dir.write("src/_posts/2019-05-11-again.md", "---\ntitle: Again\n---\nMore.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  REQUIRE(built.bundle.posts.size() == 2);
  const quire::Route post = quire::parse_route("/archive/2019/05/10/hello/", built.bundle);
  CHECK(post.kind == quire::RouteKind::Post);
  CHECK(post.slug == built.bundle.posts[1].slug);
  const quire::Route alias = quire::parse_route("/archive/2019/05/10/hi/", built.bundle);
  CHECK(alias.kind == quire::RouteKind::Post);
  CHECK(alias.alias);
  CHECK(quire::parse_route("/archive/2019/05/", built.bundle).kind == quire::RouteKind::Month);
  CHECK(quire::parse_route("/archive/", built.bundle).kind == quire::RouteKind::ArchiveIndex);
  // What the archive's pages are stays reserved; what lies beside them does not.
  for (const char* taken : {"archive", "archive/", "archive/index.html", "archive/2019/", "archive/2019/05/",
                            "archive/2019/05/index.html", "archive/2019/12/index.htm"})
    CHECK_MESSAGE(quire::reserved_path(taken) != nullptr, taken);
  for (const char* free : {"archive/2019/05/10/hello/", "archive/2019/13/", "archive/2019/05/x/", "archive/19/05/",
                           "archive/2019/05/10/", "archive/hello/index.html"})
    CHECK_MESSAGE(quire::reserved_path(free) == nullptr, free);
  // The home's pages are /page/N/; /page/<name>/ is free (Hugo's content/page/ section)
  for (const char* taken : {"page", "page/", "page/2/", "page/12/index.html"}) CHECK_MESSAGE(quire::reserved_path(taken) != nullptr, taken);
  for (const char* free : {"page/books/", "page/about.html", "page/x2/"}) CHECK_MESSAGE(quire::reserved_path(free) == nullptr, free);
}

TEST_CASE("Jekyll: collections in collections_dir, their options through a YAML merge key") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml",
            "title: Docs\nurl: https://d.example\ndefaults_for_collections: &opts\n  permalink: /articles/:collection/:title\n"
            "  output: true\ncollections_dir: articles\ncollections:\n  python:\n    <<: *opts\n    index: 1\n");
  dir.write("src/articles/_python/os-module.md", "---\norder: 3\n---\n# The os module\n\nText.\n");
  dir.write("src/articles/_posts/2023-05-19-notice.md", "---\ntitle: Notice\n---\nNews.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(r.posts == 1);
  CHECK(r.pages == 1);
  const std::string page = read_text(dest / "pages/python-os-module.md");
  CHECK(has(page, "title: \"The os module\""));
  CHECK(has(page, "permalink: \"/articles/python/os-module\""));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
}

TEST_CASE("Hugo Wowchemy: caption-only image maps, featured.jpg, [banner] image, {{< toc >}}, a section page") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/config.toml", "baseURL = \"https://w.example/\"\ntitle = \"W\"\n");
  dir.write("src/content/publication/paper-one/index.md",
            "---\ntitle: \"Paper one\"\ndate: 2026-01-01\nimage:\n  caption: ''\n  focal_point: ''\n  preview_only: false\n---\nAccepted.\n");
  dir.write("src/content/publication/paper-one/featured.jpg", "jpg");
  dir.write("src/content/post/lists.md",
            "+++\ntitle = \"Static lists\"\ndate = 2019-03-30\n\n[banner]\nimage = \"/img/chain.jpg\"\n+++\n\n{{< toc >}}\n\n# One\n\nText.\n");
  dir.write("src/content/post/papermod.md",
            "---\ntitle: PaperMod\ndate: 2020-01-01\nShowToc: true\ncover:\n  image: cover.png\n  alt: x\n---\nText.\n");
  dir.write("src/content/workwithme/_index.md", "---\ntitle: Work with me\n---\n\nReach out!\n\n![hull](convhull.png)\n");
  dir.write("src/content/workwithme/convhull.png", "png");
  dir.write("src/content/post/_index.md", "---\ntitle: Posts\n---\nMy posts.\n");
  dir.write("src/content/post/in-html.html", "---\ntitle: In HTML\ndate: 2018-05-01\n---\n<p>Written\n\n    <em>in HTML</em></p>\n");
  dir.write("src/content/post/template.html", "---\ntitle: T\ndate: 2018-05-02\n---\n{{ .Content }}\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::hugo, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string paper = read_text(dest / "posts/paper-one/index.md");
  CHECK(has(paper, "image: \"featured.jpg\""));  // the caption map is no image; Hugo's featured resource is
  const std::string lists = read_text(dest / "posts/lists.md");
  CHECK(has(lists, "image: \"/img/chain.jpg\""));
  CHECK(has(lists, "toc: true"));
  CHECK_FALSE(has(lists, "{{<"));
  const std::string papermod = read_text(dest / "posts/papermod.md");
  CHECK(has(papermod, "toc: true"));
  CHECK(has(papermod, "image: \"cover.png\""));
  const std::string work = read_text(dest / "pages/workwithme.md");
  CHECK(has(work, "permalink: \"/workwithme/\""));
  CHECK(has(work, "Reach out!"));
  CHECK(fs::exists(dest / "static/workwithme/convhull.png"));
  CHECK_FALSE(fs::exists(dest / "pages/post.md"));  // a list's intro over posts stays a note
  CHECK(has(notes(r), "list page with text of its own"));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 5);  // template.html too: Hugo showed its {{ .Content }} as text
  CHECK(has(read_text(dest / "posts/in-html.md"), "<p>Written\n\n<em>in HTML</em></p>"));  // not a code block
  CHECK(has(read_text(dest / "posts/template.md"), "{{ .Content }}"));
}

TEST_CASE("Jekyll Hux: a post's text captured from a markdown include and shown by markdownify; header-img, catalog") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Hux\nurl: https://h.example\n");
  dir.write("src/_includes/posts/pwa/en.md", "## Why\n\nBecause {{ site.url }}/x works.\n\n- one\n- two\n");
  dir.write("src/_posts/parts/appendix.md", "Appendix text.\n");
  dir.write("src/_posts/2017-07-13-more.md", "---\ntitle: More\n---\nSee below.\n\n{% include_relative parts/appendix.md %}\n");
  dir.write("src/_posts/2017-07-12-pwa.markdown",
            "---\ntitle: PWA\nheader-img: \"img/pwa.jpg\"\ncatalog: true\n---\n\n<div class=\"en post-container\">\n"
            "    {% capture about_en %}{% include posts/pwa/en.md %}{% endcapture %}\n    {{ about_en | markdownify }}\n</div>\n\n"
            "{% capture fig_img %}\n![Foo]({{ \"/assets/foo.png\" | relative_url }})\n{% endcapture %}\n\n<figure>\n"
            "  {{ fig_img | markdownify | remove: \"<p>\" | remove: \"</p>\" }}\n  <figcaption>Foo.</figcaption>\n</figure>\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string post = read_text(dest / "posts/2017-07-12-pwa.md");
  CHECK(has(post, "image: \"img/pwa.jpg\""));
  CHECK(has(post, "toc: true"));
  CHECK(has(post, "\n## Why\n\nBecause /x works.\n\n- one\n- two\n"));  // unindented: markdown, not code
  // Minimal Mistakes' figure: the captured image stays, the filters go
  CHECK(has(post, "\n\n![Foo](/assets/foo.png)\n\n<figure>\n  \n  <figcaption>Foo.</figcaption>\n</figure>"));
  CHECK_FALSE(has(post, "capture"));
  CHECK_FALSE(has(post, "markdownify"));
  CHECK_FALSE(has(notes(r), "pwa.markdown"));
  CHECK(has(read_text(dest / "posts/2017-07-13-more.md"), "See below.\n\nAppendix text.\n"));
  CHECK_FALSE(has(notes(r), "include_relative"));
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  REQUIRE(built.bundle.posts.size() == 2);
}

TEST_CASE("Hugo course notes: numbered file names in folders, CJK or with nothing Latin, dates as '23 March 2020', math braces") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/config.toml", "baseURL = \"https://n.example/\"\ntitle = \"N\"\n");
  dir.write("src/content/notes/Compiler/5-\xE4\xB8\xAD\xE9\x97\xB4.md", "---\ntitle: A\ndate: 23 March 2020\n---\n$x = {{h_i}}$\n");
  dir.write("src/content/notes/Database/5-\xE5\xAE\x89\xE5\x85\xA8.md", "---\ntitle: B\ndate: Mar 26, 2018\n---\nText.\n");
  dir.write("src/content/notes/Emoji/7-\xF0\x9F\x98\x80.md", "---\ntitle: C\ndate: 2018-03-27\n---\nText.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::hugo, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(has(read_text(dest / "posts/7-\xF0\x9F\x98\x80.md"), "slug: \"emoji-7\""));  // its folder says which 7
  const std::string a = read_text(dest / "posts/5-\xE4\xB8\xAD\xE9\x97\xB4.md");
  const std::string b = read_text(dest / "posts/5-\xE5\xAE\x89\xE5\x85\xA8.md");
  CHECK(has(a, "slug: \"5-zhong-jian\""));  // transliterated: not "5" and "5-2"
  CHECK(has(b, "slug: \"5-an-quan\""));
  CHECK(has(a, "date: 2020-03-23\n"));
  CHECK(has(b, "date: 2018-03-26\n"));
  CHECK(has(a, "aliases: [\"/notes/compiler/5-\xE4\xB8\xAD\xE9\x97\xB4/\"]"));  // Hugo's lower-case path
  CHECK_FALSE(has(notes(r), "{{h_i}}"));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.warnings.empty());  // no template-syntax warning for TeX
}

TEST_CASE("Zola with Chinese file names: slugs and old URLs transliterated as Zola made them; authors = [\"\"]") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/config.toml", "base_url = \"https://z.example\"\ntitle = \"Z\"\n");
  dir.write("src/content/blog/_index.md", "+++\nsort_by = \"date\"\n+++\n");
  dir.write("src/content/blog/AI \xE4\xBC\x9A\xE9\x80\x9A\xE8\x9E\x8D\xE5\x90\x97.md",  // "AI 会通融吗"
            "+++\ntitle = \"One\"\ndate = 2026-07-29\nauthors = [\"\"]\n+++\nText.\n");
  dir.write("src/content/blog/AI \xE5\xAF\xB9.md", "+++\ntitle = \"Two\"\ndate = 2026-07-30\n+++\nText.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::zola, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string one = read_text(dest / "posts/AI \xE4\xBC\x9A\xE9\x80\x9A\xE8\x9E\x8D\xE5\x90\x97.md");
  CHECK(has(one, "slug: \"ai-hui-tong-rong-ma\""));
  CHECK(has(one, "aliases: [\"/blog/ai-hui-tong-rong-ma/\"]"));  // Zola's old address (slugify.paths = on)
  CHECK_FALSE(has(one, "authors"));
  CHECK_FALSE(has(notes(r), "address too"));  // before: every "AI ..." post claimed /blog/ai/
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 2);
}

TEST_CASE("Zola's zola.toml (its default config name now): settings and languages read, translations listed") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/zola.toml", "base_url = \"https://new.example\"\ntitle = \"New Zola\"\ndefault_language = \"en\"\n"
                             "[languages.fr]\ntitle = \"Nouveau\"\n");
  dir.write("src/content/blog/_index.md", "+++\nsort_by = \"date\"\n+++\n");
  dir.write("src/content/blog/hello.md", "+++\ntitle = \"Hello\"\ndate = 2026-01-02\n+++\nHi.\n");
  dir.write("src/content/blog/hello.fr.md", "+++\ntitle = \"Bonjour\"\ndate = 2026-01-02\n+++\nSalut.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::zola, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(r.posts == 1);  // not the translation too
  CHECK(has(notes(r), "a translation (fr)"));
  const std::string site = read_text(dest / "site.yaml");
  CHECK(has(site, "New Zola"));
  CHECK(has(site, "https://new.example"));
}

TEST_CASE("Hugo's split config (Wowchemy): config/_default/ config.yaml, params.yaml, permalinks.yaml") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/config/_default/config.yaml", "baseurl: https://w.example/\ntitle: Split\n");
  dir.write("src/config/_default/params.yaml", "description: From params\n");
  dir.write("src/config/_default/permalinks.yaml", "post: /:year/:month/:slug/\n");
  dir.write("src/content/post/hello.md", "---\ntitle: Hello\ndate: 2021-04-02\n---\nHi.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::hugo, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  const std::string site = read_text(dest / "site.yaml");
  CHECK(has(site, "From params"));
  CHECK(has(site, "permalink: \"/:year/:month/:slug/\""));
}

TEST_CASE("Eleventy: posts in a folder the config makes a collection of (writings/, notes/), not pages") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/eleventy.config.js",
            "export default function(c) {\n  c.addCollection(\"writings\", (api) => api.getFilteredByTag(\"writings\"));\n"
            "  c.addCollection('notes', (api) => api.getFilteredByGlob('src/notes/*.md'));\n"
            "  return { dir: { input: 'src' } };\n}\n");
  dir.write("src/src/writings/home-network.md",
            "---\ntitle: Home network\ndate: 2026-06-20T22:49:00.000-05:00\ntags:\n  - writings\n  - homelab\n---\nText.\n");
  dir.write("src/src/notes/a-note.md", "---\ntitle: A note\ndate: 2026-06-21\n---\nNote.\n");
  dir.write("src/src/about.md", "---\ntitle: About\n---\nMe.\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::eleventy, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  CHECK(r.posts == 2);
  CHECK(r.pages == 1);
  const std::string post = read_text(dest / "posts/home-network.md");
  CHECK(has(post, "tags: [\"homelab\"]"));  // the collection's name is no topic
  CHECK(has(post, "aliases: [\"/writings/home-network/\"]"));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
  CHECK(built.bundle.posts.size() == 2);
}

TEST_CASE("pages stay where the old engine published them: Jekyll's /about.html, /docs/guide/ when pretty; Eleventy's /docs/guide/") {
  for (const bool pretty : {false, true}) {
    CAPTURE(pretty);
    TempDir dir;
    const fs::path src = dir.path / "src", dest = dir.path / "blog";
    dir.write("src/_config.yml", std::string("title: J\n") + (pretty ? "permalink: pretty\n" : ""));
    dir.write("src/about.md", "---\ntitle: About me\n---\nMe.\n");
    dir.write("src/docs/guide.md", "---\ntitle: Guide\n---\nG.\n");
    dir.write("src/contact.md", "---\ntitle: Contact\npermalink: /contact-me/\n---\nC.\n");
    dir.write("src/404.md", "---\ntitle: Lost\n---\nNot here.\n");
    dir.write("src/_posts/2020-01-01-p.md", "---\ntitle: P\n---\nx\n");
    dir.write("src/projects.html", "---\nlayout: page\ntitle: Projects\n---\n<div class=\"list\">\n\n    <h2>Quire</h2>\n"
                                   "    <pre>\n    code kept\n</pre>\n</div>\n");
    dir.write("src/archive.html", "---\ntitle: Archive\n---\n{% for p in site.posts %}<li>{{ p.title }}</li>{% endfor %}\n");
    const quire::ImportReport r = quire::import_blog(quire::Engine::jekyll, src, dest, {});
    REQUIRE_MESSAGE(r.ok(), notes(r));
    CHECK(has(read_text(dest / "pages/about.md"), pretty ? "title: \"About me\"\n---" : "permalink: \"/about.html\""));
    CHECK(has(read_text(dest / "pages/docs-guide.md"), pretty ? "permalink: \"/docs/guide/\"" : "permalink: \"/docs/guide.html\""));
    CHECK(has(read_text(dest / "pages/contact.md"), "permalink: \"/contact-me/\""));
    const std::string projects = read_text(dest / "pages/projects.md");  // a page in HTML: kept, not code
    CHECK(has(projects, "<div class=\"list\">\n\n<h2>Quire</h2>\n<pre>\n    code kept\n</pre>\n</div>"));
    CHECK(has(projects, "permalink: \"/projects.html\"") == !pretty);  // pretty: /projects/, Quire's own
    CHECK_FALSE(fs::exists(dest / "pages/archive.md"));  // a Liquid template: reported
    CHECK(has(notes(r), "archive.html: a Liquid template"));
    CHECK(fs::exists(dest / "pages/404.md") == pretty);  // at /404.html, which Quire writes itself; pretty: /404/
    const quire::ContentResult built = quire::load_content(dest, {});
    CHECK_MESSAGE(built.ok(), all(built.errors));
  }
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/.eleventy.js", "module.exports = function(c) { return {}; };\n");
  dir.write("src/docs/guide.md", "---\ntitle: Guide\n---\nG.\n");
  dir.write("src/docs/index.md", "---\ntitle: Docs\n---\nAll docs.\n");
  dir.write("src/posts/p.md", "---\ntitle: P\ndate: 2020-01-01\n---\nx\n");
  const quire::ImportReport r = quire::import_blog(quire::Engine::eleventy, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), notes(r));
  dir.write("src/pages/pages.json", "{ \"permalink\": \"/{{ page.fileSlug }}/\" }\n");
  dir.write("src/pages/about.md", "---\ntitle: About\n---\nMe.\n");
  const quire::ImportReport r2 = quire::import_blog(quire::Engine::eleventy, src, dir.path / "blog2", {});
  REQUIRE_MESSAGE(r2.ok(), notes(r2));
  CHECK(has(read_text(dir.path / "blog2/pages/about.md"), "permalink: \"/about/\""));  // its folder's data file says so
  CHECK(has(read_text(dest / "pages/guide.md"), "permalink: \"/docs/guide/\""));
  CHECK(has(read_text(dest / "pages/index.md"), "permalink: \"/docs/\""));
  const quire::ContentResult built = quire::load_content(dest, {});
  CHECK_MESSAGE(built.ok(), all(built.errors));
}

}  // TEST_SUITE

