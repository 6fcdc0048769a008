// Blogs moving in from Jekyll, Hugo, Zola and Eleventy: posts found where
// those engines keep them, front matter as they write it (YAML and TOML),
// their dates and time zones, and their keys.
#include <doctest/doctest.h>

#include "content_support.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

#include "build/content.hpp"
#include "build/discover.hpp"
#include "build/feeds.hpp"
#include "build/fsutil.hpp"
#include "build/post_dates.hpp"
#include "build/site_writer.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace fs = std::filesystem;
using quire::Diagnostic;

namespace {

using quire::testing::all;
using quire::testing::TempDir;

struct Parsed {
  quire::ParsedPost post;
  std::vector<Diagnostic> errors, warnings;
};

Parsed parse(const std::string& text, const std::string& file = "content/posts/x.md", const std::string& zone = "",
             const std::string& name = "") {
  Parsed p;
  p.post = quire::parse_post(text, file, p.errors, p.warnings, quire::PostSettings{name, zone});
  return p;
}

std::vector<quire::Text> texts(std::initializer_list<const char*> l) {
  std::vector<quire::Text> out;
  for (const char* s : l) out.push_back(std::string(s));
  return out;
}

const std::string kPost = "---\ntitle: T\ndate: 2022-01-01\n---\nText.\n";

}  // namespace

TEST_SUITE("engines") {
  TEST_CASE("Jekyll: a .markdown post with Jekyll's date form and categories as a string") {
    // As `jekyll new` writes it.
    auto p = parse("---\nlayout: post\ntitle:  \"Welcome to Jekyll!\"\ndate:   2016-10-06 11:10:38 -0700\n"
                   "categories: jekyll update\n---\nYou'll find this post in your `_posts` directory.\n",
                   "content/posts/2016-10-06-welcome-to-jekyll.markdown");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.slug == "welcome-to-jekyll");
    CHECK(p.post.post.date == "2016-10-06T11:10:38-07:00");
    CHECK(p.post.post.when.epoch_seconds() == 1475777438);
    CHECK(p.post.post.tags == texts({"jekyll", "update"}));
    CHECK(p.warnings.empty());
  }

  TEST_CASE("Jekyll: date and title from the file name when the front matter has none") {
    auto p = parse("---\ntags: [a]\n---\nBody.\n", "content/posts/2019-03-14-my-first-post.md");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.title == "My First Post");
    CHECK(p.post.post.date == "2019-03-14");
    CHECK(p.post.post.slug == "my-first-post");
    SUBCASE("the front matter wins") {
      auto q = parse("---\ntitle: Own\ndate: 2020-01-02\n---\n", "content/posts/2019-03-14-my-first-post.md");
      CHECK(q.post.post.title == "Own");
      CHECK(q.post.post.date == "2020-01-02");
    }
    SUBCASE("a page bundle's folder name gives them too") {
      auto q = parse("---\n---\n", "content/posts/2019-03-14-trip/index.md", "", "2019-03-14-trip");
      REQUIRE_MESSAGE(q.post.ok, all(q.errors));
      CHECK(q.post.post.title == "Trip");
      CHECK(q.post.post.slug == "trip");
    }
    SUBCASE("a file name without a date gives neither") {
      auto q = parse("---\n---\n", "content/posts/notes.md");
      CHECK_FALSE(q.post.ok);
      CHECK(all(q.errors).find("title: missing") != std::string::npos);
      CHECK(all(q.errors).find("date: missing") != std::string::npos);
    }
  }

  TEST_CASE("Hugo: TOML front matter with native dates, lastmod, categories, images and description") {
    auto p = parse("+++\ntitle = \"Spring\"\ndate = 2019-03-14T10:00:00-07:00\nlastmod = 2019-03-15\n"
                   "tags = [\"go\", \"web\"]\ncategories = [\"Dev\", \"web\"]\ndraft = false\n"
                   "description = \"Why spring.\"\nimages = [\"/img/spring.png\", \"/img/b.png\"]\n"
                   "aliases = [\"/old/spring/\"]\n+++\nBody.\n",
                   "content/posts/spring.md", "America/New_York");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    // After the switch to daylight time (2019-03-10): EDT, -04:00.
    CHECK(p.post.post.date == "2019-03-14T13:00:00-04:00");
    CHECK(p.post.post.updated == "2019-03-15");
    CHECK(p.post.post.tags == texts({"go", "web", "Dev"}));
    CHECK(p.post.post.summary == "Why spring.");
    CHECK(p.post.post.params_json == R"({"image":"/img/spring.png"})");
    // Aliases go to the route table (url_keys.hpp), categories also to :categories.
    CHECK(p.post.post.aliases == texts({"/old/spring/"}));
    CHECK(p.post.post.categories == std::vector<std::string>{"Dev", "web"});
    CHECK_MESSAGE(p.warnings.empty(), all(p.warnings));
  }

  TEST_CASE("Hugo: YAML front matter with an author map and an image map") {
    auto p = parse("---\ntitle: Bundle\ndate: 2021-06-01T08:00:00Z\nauthor:\n  name: Ada Lovelace\n  email: a@b.c\n"
                   "image:\n  path: cover.jpg\n  alt: A cover\nlast_modified_at: 2021-06-02 09:00\n---\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.authors == texts({"Ada Lovelace"}));
    CHECK(p.post.post.params_json == R"({"image":"cover.jpg"})");
    CHECK(p.post.post.updated == "2021-06-02 09:00");  // no site zone: kept as written
  }

  TEST_CASE("Zola: TOML with [taxonomies], [extra] and authors") {
    auto p = parse("\n+++\ntitle = \"Zola post\"\ndate = 2023-01-05\nupdated = 2023-01-06\n"
                   "authors = [\"Ada\", \"Grace\"]\n\n[taxonomies]\ntags = [\"rust\"]\ncategories = [\"Tech\"]\n"
                   "series = [\"one\"]\n\n[extra]\nmath = true\n+++\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.date == "2023-01-05");
    CHECK(p.post.post.updated == "2023-01-06");
    CHECK(p.post.post.authors == texts({"Ada", "Grace"}));
    CHECK(p.post.post.tags == texts({"rust", "Tech"}));
    CHECK(p.post.post.params_json == R"({"extra":{"math":"true"},"taxonomies":{"series":["one"]}})");
  }

  TEST_CASE("Eleventy: YAML with layout, permalink and an excerpt") {
    auto p = parse("---\nlayout: layouts/post.njk\ntitle: Eleventy post\ndate: 2020-02-02\ntags:\n  - posts\n"
                   "  - js\npermalink: /blog/eleventy/\nexcerpt: A short one.\n---\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.tags == texts({"posts", "js"}));
    CHECK(p.post.post.summary == "A short one.");
    CHECK(p.warnings.empty());  // permalink is the route table's, not an unknown key
  }

  TEST_CASE("blank lines and a BOM before the fence are tolerated") {
    auto p = parse("\xEF\xBB\xBF\n\n---\ntitle: T\ndate: 2022-01-01\nslug: [x]\n---\n");
    CHECK(all(p.errors) == "content/posts/x.md:6: slug: expected a single value (text), got a list\n");
    auto t = parse("\n+++\ntitle = \"T\"\ndate = 2022-01-01\n+++\nBody.\n");
    CHECK_MESSAGE(t.post.ok, all(t.errors));
  }

  TEST_CASE("invalid UTF-8 in TOML front matter is replaced with a warning at its line, as in YAML") {
    auto p = parse("+++\ntitle = \"Caf\xe9\"\ndate = 2022-01-01\n+++\nBody.\n");
    REQUIRE_MESSAGE(p.post.ok, all(p.errors));
    CHECK(p.post.post.title == "Caf\xEF\xBF\xBD");
    CHECK(all(p.warnings) == "content/posts/x.md:2: invalid UTF-8 (or NUL) replaced by U+FFFD\n");
  }

  TEST_CASE("front-matter errors name the file and the key's line, YAML and TOML alike") {
    struct Case {
      const char* name;
      std::string text;
      std::string expected;
    };
    const std::string f = "content/posts/x.md";
    const Case cases[] = {
        {"TOML syntax", "+++\ntitle = \"T\"\ndate = 2022-01-01\ntags = [\"a\"\n+++\n", f + ":4: invalid TOML"},
        {"TOML unclosed", "+++\ntitle = \"T\"\n", f + ":1: front matter is not closed: add a line \"+++\""},
        {"TOML draft not a boolean", "+++\ntitle = \"T\"\ndate = 2022-01-01\ndraft = \"maybe\"\n+++\n",
         f + ":4: draft: expected true or false, got \"maybe\""},
        {"TOML title a table", "+++\ndate = 2022-01-01\n[title]\na = 1\n+++\n",
         f + ":3: title: expected a single value (text), got a map"},
        {"YAML categories a map", "---\ntitle: T\ndate: 2022-01-01\ncategories:\n  a: b\n---\n",
         f + ":5: categories: expected a list like"},
        {"YAML author a list of lists", "---\ntitle: T\ndate: 2022-01-01\nauthor:\n  - [a]\n---\n",
         f + ":5: author: expected a name, or a map with name:"},
        {"YAML image a list", "---\ntitle: T\ndate: 2022-01-01\nimage:\n  - [a.png]\n---\n",
         f + ":5: image: expected an image path or URL"},
        {"Jekyll date with a bad offset", "---\ntitle: T\ndate: 2016-10-06 11:10:38 -07\n---\n", ""},
        {"bad date", "---\ntitle: T\ndate: 2016-10-06 11:10:38 PST\n---\n", f + ":3: date: expected YYYY-MM-DD"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      auto p = parse(c.text, f);
      if (c.expected.empty()) {  // accepted
        CHECK_MESSAGE(p.post.ok, all(p.errors));
        continue;
      }
      CHECK_FALSE(p.post.ok);
      REQUIRE_FALSE(p.errors.empty());
      CHECK_MESSAGE(p.errors[0].str().rfind(c.expected, 0) == 0, p.errors[0].str());
    }
  }

  TEST_CASE("an image map naming no image (Wowchemy's caption and focal point) is a warning, not an error") {
    auto p = parse("---\ntitle: T\ndate: 2022-01-01\nimage:\n  caption: ''\n  focal_point: ''\n---\n");
    CHECK_MESSAGE(p.post.ok, all(p.errors));
    CHECK(all(p.warnings) == "content/posts/x.md:5: image: a map with no path:, src:, url: or feature: names no image; no image\n");
  }

  TEST_CASE("an empty author name (a theme's authors = [\"\"]) is a warning, not an error") {
    auto p = parse("+++\ntitle = \"T\"\ndate = 2022-01-01\nauthors = [\"\"]\n+++\n");
    CHECK_MESSAGE(p.post.ok, all(p.errors));
    CHECK(all(p.warnings) == "content/posts/x.md:4: authors: an empty name; left out\n");
  }

  TEST_CASE("an unknown key near a known one gets a hint; the route keys get none") {
    auto p = parse("---\ntitle: T\ndate: 2022-01-01\ncatgories: [a]\nredirect_from: [/a/]\naliases: [/b/]\n---\n");
    CHECK(p.post.ok);
    CHECK(all(p.warnings) ==
          "content/posts/x.md:4: unknown key \"catgories\" kept in params (did you mean \"categories\"?)\n");
  }

  TEST_CASE("post dates in every form the engines write, in the site's time zone") {
    struct Case {
      const char* written;
      const char* zone;
      const char* expected;
    };
    const Case cases[] = {
        {"2016-10-06 11:10:38 -0700", "", "2016-10-06T11:10:38-07:00"},
        {"2016-10-06 11:10:38 +0530", "", "2016-10-06T11:10:38+05:30"},
        {"2016-10-06 11:10 Z", "", "2016-10-06T11:10:00+00:00"},
        {"2016-10-06T11:10:38+01:00", "", "2016-10-06T11:10:38+01:00"},  // kept as written
        {"2016-10-06", "Europe/Berlin", "2016-10-06"},
        {"2016-10-06 11:10:38 -0700", "Europe/Berlin", "2016-10-06T20:10:38+02:00"},
        {"2016-12-06 11:10:38", "Europe/Berlin", "2016-12-06T11:10:38+01:00"},  // winter: CET
        {"2016-07-06 11:10", "Europe/Berlin", "2016-07-06T11:10:00+02:00"},     // summer: CEST
        {"2019-03-31 02:30", "Europe/Berlin", "2019-03-31T03:30:00+02:00"},     // in the spring gap
        {"2016-10-06T23:30:00Z", "Asia/Tokyo", "2016-10-07T08:30:00+09:00"},    // the next day there
    };
    for (const Case& c : cases) {
      CAPTURE(c.written);
      CAPTURE(c.zone);
      std::string problem;
      auto d = quire::normalize_post_date(c.written, c.zone, problem);
      REQUIRE_MESSAGE(d, problem);
      CHECK(*d == c.expected);
      CHECK(quire::parse_date(*d));  // what the bundle loader reads
    }
    CHECK(quire::known_time_zone("Europe/Berlin"));
    CHECK_FALSE(quire::known_time_zone("Mars/Olympus"));
  }

  TEST_CASE("site.yaml's timezone is checked at its line and applies to every post") {
    std::vector<Diagnostic> errors, warnings;
    quire::Site site;
    quire::parse_site_yaml("title: T\ntimezone: Europe/Berlinn\n", "site.yaml", site, errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].str().rfind("site.yaml:2: timezone: expected a time zone of the tz database", 0) == 0);
    TempDir dir;
    dir.write("site.yaml", "title: T\ntimezone: Europe/Berlin\n");
    dir.write("posts/a.md", "---\ntitle: A\ndate: 2022-07-01 10:00\n---\nA.\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    CHECK(r.bundle.posts[0].date == "2022-07-01T10:00:00+02:00");
  }

  TEST_CASE("posts at any depth, .markdown files and page bundles are found; the rest is listed once") {
    TempDir dir;
    dir.write("site.yaml", "title: T\n");
    dir.write("posts/2016-10-06-jekyll.markdown", kPost);
    dir.write("posts/2021/deep/b.md", "---\ntitle: B\ndate: 2021-01-01\n---\nB.\n");
    dir.write("posts/_index.md", "---\ntitle: Posts\n---\n");  // Hugo's section page: no post
    dir.write("posts/my-trip/index.md", "---\ntitle: Trip\ndate: 2020-01-01\n---\n![x](photo.jpg)\n");
    dir.write("posts/my-trip/photo.jpg", "JPEG");
    dir.write("posts/my-trip/files/notes.pdf", "PDF");
    dir.write("posts/notes.txt", "not a post");
    dir.write("drafts/idea.md", kPost);
    dir.write("static/logo.svg", "<svg/>");
    dir.write(".git/HEAD", "ref");  // hidden: not listed
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    REQUIRE(r.bundle.posts.size() == 3);
    CHECK(r.bundle.find_post("jekyll"));
    CHECK(r.bundle.find_post("b"));
    CHECK(r.bundle.find_post("my-trip"));
    REQUIRE(r.post_files.size() == 2);
    CHECK(r.post_files[0].slug == "my-trip");
    CHECK(r.post_files[0].rel == "files/notes.pdf");
    CHECK(r.post_files[1].rel == "photo.jpg");
    CHECK_MESSAGE(all(r.warnings).find(dir.path.string() + ": 3 files not used: drafts/idea.md, posts/_index.md and "
                                       "posts/notes.txt\n") != std::string::npos,
                  all(r.warnings));

    SUBCASE("the bundle's files are published next to the post's page") {
      TempDir out;
      for (const char* const* f = quire::kWebFiles; *f; ++f) out.write(std::string("web/") + *f, "web file");
      out.write("wasm/quire-core.js", "//");
      out.write("wasm/quire-core.wasm", "\0asm");
      quire::WriteOptions o{out.path / "dist", out.path / "web", out.path / "wasm", dir.path / "static"};
      o.post_files = r.post_files;
      quire::WriteStats stats;
      std::string error;
      REQUIRE_MESSAGE(quire::write_site(r.bundle, o, stats, error), error);
      std::string data;
      CHECK(quire::read_file(out.path / "dist/posts/my-trip/photo.jpg", data));
      CHECK(data == "JPEG");
      CHECK(fs::exists(out.path / "dist/posts/my-trip/files/notes.pdf"));
      CHECK(fs::exists(out.path / "dist/posts/my-trip/index.html"));
    }
  }

  TEST_CASE("the unused-files warning names five files and counts the rest") {
    std::vector<fs::path> files;
    for (int i = 0; i < 12; ++i) files.push_back(fs::path("c") / ("f" + std::to_string(i)));
    CHECK(quire::unused_files_message(files, "c") == "12 files not used: f0, f1, f2, f3, f4 and 7 more");
  }

  TEST_CASE("a blog copied in as it is is an error naming its markdown and quire import, never 0 posts") {
    struct Case {
      const char* engine;
      std::vector<std::pair<std::string, std::string>> files;
      const char* expected;
    };
    const Case cases[] = {
        {"Jekyll", {{"_config.yml", "title: x\n"}, {"_posts/2016-10-06-a.markdown", kPost}},
         "no posts here, but 1 markdown file outside posts/: _posts/2016-10-06-a.markdown (_config.yml: a "
         "Jekyll blog); convert it with `quire import jekyll SRC [content-dir]`"},
        {"Jekyll without its config", {{"_posts/a.md", kPost}, {"_posts/b.md", kPost}},
         "no posts here, but 2 markdown files outside posts/: _posts/a.md and _posts/b.md (_posts/: a Jekyll blog)"},
        {"Hugo site root", {{"hugo.toml", "baseURL = 'x'\n"}, {"content/posts/a.md", kPost}},
         "(hugo.toml: a Hugo blog); convert it with `quire import hugo"},
        {"Hugo, old config", {{"config.toml", "baseURL = 'x'\n"}, {"content/posts/a.md", kPost}},
         "(config.toml: a Hugo blog)"},
        {"Zola", {{"config.toml", "base_url = 'x'\n"}, {"content/blog/a.md", kPost}}, "(config.toml: a Zola blog)"},
        {"Zola, new config name", {{"zola.toml", "base_url = 'x'\n"}, {"content/blog/a.md", kPost}}, "(zola.toml: a Zola blog)"},
        {"Eleventy", {{".eleventy.js", "module.exports = {}\n"}, {"blog/a.md", kPost}},
         "(.eleventy.js: an Eleventy blog)"},
        {"no engine", {{"notes/a.md", kPost}}, "; convert it with `quire import jekyll|hugo|zola|eleventy"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.engine);
      TempDir dir;
      for (const auto& [rel, text] : c.files) dir.write(rel, text);
      auto r = quire::load_content(dir.path, {});
      CHECK_FALSE(r.ok());
      REQUIRE(r.errors.size() == 1);
      CHECK_MESSAGE(r.errors[0].message.find(c.expected) != std::string::npos, r.errors[0].message);
      CHECK(r.bundle.posts.empty());
    }
  }

  TEST_CASE("an Eleventy blog copied in with its posts/ (read, maybe with errors) names quire import too") {
    // cassey-on-eleventy: 7 errors of its dates and keys, and no word of the import.
    TempDir dir;
    dir.write(".eleventy.js", "module.exports = {}\n");
    dir.write("posts/suits.md", "---\ntitle: Suits\ndate: 2024-04-26T7:55:00-05:00\n---\nS\n");
    auto r = quire::load_content(dir.path, {});
    CHECK_FALSE(r.ok());
    const std::string w = all(r.warnings);
    CHECK_MESSAGE(w.find(".eleventy.js: an Eleventy blog copied in as it is? `quire import eleventy SRC [content-dir]`") != std::string::npos, w);
    // With a site.yaml the folder is Quire's: no such guess.
    dir.write("site.yaml", "title: T\n");
    CHECK(all(quire::load_content(dir.path, {}).warnings).find("copied in as it is") == std::string::npos);
  }

  TEST_CASE("description is the meta description, and the summary when there is none") {
    TempDir dir;
    dir.write("site.yaml", "title: T\nurl: https://example.com\n");
    dir.write("posts/a.md", "---\ntitle: A\ndate: 2022-01-01\nsummary: The *summary*.\n"
                            "description: For search engines.\n---\nBody.\n");
    dir.write("posts/b.md", "---\ntitle: B\ndate: 2022-01-01\ndescription: Only this.\n---\nBody.\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const std::string a = quire::render_document(r.bundle, quire::render_view(r.bundle, quire::post_route("a")));
    CHECK(a.find("<meta name=\"description\" content=\"For search engines.\">") != std::string::npos);
    CHECK(a.find("<meta property=\"og:description\" content=\"For search engines.\">") != std::string::npos);
    CHECK(r.bundle.find_post("a")->summary == "The *summary*.");
    CHECK(r.bundle.find_post("b")->summary == "Only this.");
    const std::string b = quire::render_document(r.bundle, quire::render_view(r.bundle, quire::post_route("b")));
    CHECK(b.find("<meta name=\"description\" content=\"Only this.\">") != std::string::npos);
  }

  TEST_CASE("a post's authors show on its page, in both feeds and in its JSON-LD") {
    TempDir dir;
    dir.write("site.yaml", "title: T\nurl: https://example.com\nauthor: Site Owner\n");
    dir.write("posts/a.md", "---\ntitle: A\ndate: 2022-01-01\nauthors: [Ada, {name: Grace}]\n---\nA.\n");
    auto r = quire::load_content(dir.path, {});
    REQUIRE_MESSAGE(r.ok(), all(r.errors));
    const quire::View v = quire::render_view(r.bundle, quire::post_route("a"));
    CHECK(v.html.find("<span class=\"authors\">· by Ada and Grace</span>") != std::string::npos);
    const std::string page = quire::render_document(r.bundle, v);
    CHECK(page.find(R"("author":[{"@type":"Person","name":"Ada"},{"@type":"Person","name":"Grace"}])") !=
          std::string::npos);
    bool atom = false, json_feed = false;
    for (const quire::OutputFile& f : quire::feed_files(r.bundle)) {
      if (f.path == "feed.xml")
        atom = f.data.find("<entry>\n<title>A</title>") != std::string::npos &&
               f.data.find("<author><name>Ada</name></author>\n<author><name>Grace</name></author>") !=
                   std::string::npos;
      if (f.path == "feed.json")
        json_feed = nlohmann::json::parse(f.data)["items"][0]["authors"] ==
                    nlohmann::json::parse(R"([{"name":"Ada"},{"name":"Grace"}])");
    }
    CHECK(atom);
    CHECK(json_feed);
  }
}
