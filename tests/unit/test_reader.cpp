// What a reader sees of a post beyond the markdown: smart punctuation,
// image sizes (read at build time, written by the core), figures, the
// table of contents, the date line and the archive index.
#include <doctest/doctest.h>

#include "content_support.hpp"
#include "text_match.hpp"

#include <string>

#include "build/image_probe.hpp"
#include "core/bundle.hpp"
#include "core/dates.hpp"
#include "core/image_sizes.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/smart_punctuation.hpp"
#include "core/views.hpp"

using quire_test::count;
using quire_test::has;

namespace {

std::string smart(const std::string& md) {
  quire::MarkdownOptions o;
  o.smart_punctuation = true;
  o.figures = true;
  return quire::render_markdown(md, o);
}

std::string figures(const std::string& md) {
  quire::MarkdownOptions o;
  o.figures = true;
  return quire::render_markdown(md, o);
}

quire::Bundle load(const std::string& json) {
  auto r = quire::load_bundle(json);
  REQUIRE_MESSAGE(r.ok, r.message);
  return r.bundle;
}

quire::View view(const quire::Bundle& b, const std::string& path) {
  return quire::render_view(b, quire::parse_route(path, b.site.base_path));
}

std::string le16(unsigned v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
std::string be32(unsigned v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16 & 0xFF), static_cast<char>(v >> 8 & 0xFF),
          static_cast<char>(v & 0xFF)};
}

std::string png(unsigned w, unsigned h) {
  return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) + std::string("\x08\x06\0\0\0", 5);
}

}  // namespace

TEST_SUITE("reader") {
  TEST_CASE("smart punctuation: quotes open after a space or bracket and close after a word or punctuation") {
    CHECK(smart("\"Hello,\" she said.") == "<p>\xE2\x80\x9CHello,\xE2\x80\x9D she said.</p>\n");
    CHECK(smart("(\"quoted\")") == "<p>(\xE2\x80\x9Cquoted\xE2\x80\x9D)</p>\n");
    CHECK(smart("He said \"yes\"!") == "<p>He said \xE2\x80\x9Cyes\xE2\x80\x9D!</p>\n");
    CHECK(smart("\"Stop.\" \"Go?\"") == "<p>\xE2\x80\x9CStop.\xE2\x80\x9D \xE2\x80\x9CGo?\xE2\x80\x9D</p>\n");
  }

  TEST_CASE("smart punctuation: apostrophes in words, before years, and nested quotes") {
    CHECK(smart("It's Bob's") == "<p>It\xE2\x80\x99s Bob\xE2\x80\x99s</p>\n");
    CHECK(smart("the '90s") == "<p>the \xE2\x80\x99" "90s</p>\n");
    CHECK(smart("\"She said 'hi' to me.\"") ==
          "<p>\xE2\x80\x9CShe said \xE2\x80\x98hi\xE2\x80\x99 to me.\xE2\x80\x9D</p>\n");
    CHECK(smart("the authors' work") == "<p>the authors\xE2\x80\x99 work</p>\n");
  }

  TEST_CASE("smart punctuation: dashes and ellipses") {
    CHECK(smart("1990--2000") == "<p>1990\xE2\x80\x93" "2000</p>\n");
    CHECK(smart("wait---what") == "<p>wait\xE2\x80\x94what</p>\n");
    CHECK(smart("a - b") == "<p>a - b</p>\n");
    CHECK(smart("And so...") == "<p>And so\xE2\x80\xA6</p>\n");
    CHECK(smart("two.. dots") == "<p>two.. dots</p>\n");
  }

  TEST_CASE("smart punctuation: quotes around emphasis and code read across the spans") {
    CHECK(smart("\"*word*\"") == "<p>\xE2\x80\x9C<em>word</em>\xE2\x80\x9D</p>\n");
    CHECK(smart("\"`x`\"") == "<p>\xE2\x80\x9C<code>x</code>\xE2\x80\x9D</p>\n");
  }

  TEST_CASE("smart punctuation: never in code, raw HTML attributes, URLs or link targets") {
    CHECK(smart("`\"a\" -- b...`") == "<p><code>&quot;a&quot; -- b...</code></p>\n");
    CHECK(smart("```\nit's \"x\" -- y...\n```\n") ==
          "<pre tabindex=\"0\"><code>it's &quot;x&quot; -- y...\n</code></pre>\n");
    CHECK(has(smart("See https://example.com/a--b...c it's"), "href=\"https://example.com/a--b...c\">https://example.com/a--b...c</a>"));
    CHECK(has(smart("[it's](https://example.com/x--y \"a 'title'\")"), "href=\"https://example.com/x--y\" title=\"a 'title'\">it\xE2\x80\x99s</a>"));
    quire::MarkdownOptions o;
    o.smart_punctuation = true;
    o.unsafe_html = true;
    CHECK(has(quire::render_markdown("a <span title=\"it's -- x\">b</span>", o), "<span title=\"it's -- x\">"));
  }

  TEST_CASE("smart punctuation: off by default in the renderer, on by default for a site, off by site.yaml") {
    CHECK(quire::render_markdown("it's") == "<p>it's</p>\n");
    CHECK(quire::Site{}.smart_punctuation);
    quire::Site site;
    std::vector<quire::Diagnostic> errors, warnings;
    quire::parse_site_yaml("smart_punctuation: false\n", "site.yaml", site, errors, warnings);
    CHECK(errors.empty());
    CHECK(warnings.empty());
    CHECK_FALSE(site.smart_punctuation);
    auto on = load(R"({"format":"quire-bundle","version":1,"site":{},
      "posts":[{"slug":"a","title":"A","date":"2022-01-01","summary":"s","body":"it's"}]})");
    CHECK(has(view(on, "/posts/a/").html, "it\xE2\x80\x99s"));
    auto off = load(R"({"format":"quire-bundle","version":1,"site":{"smart_punctuation":false},
      "posts":[{"slug":"a","title":"A","date":"2022-01-01","summary":"s","body":"it's"}]})");
    CHECK(has(view(off, "/posts/a/").html, "<p>it's</p>"));
    // The setting survives the bundle.
    CHECK(has(quire::write_bundle_json(off), "\"smart_punctuation\":false"));
  }

  TEST_CASE("hard breaks: off by default; site.yaml hard_breaks makes a paragraph's line breaks <br> in posts, summaries and pages") {
    const std::string poem = "Roses are red,\nviolets are blue.\n\n    code\n    lines\n\n> quoted\n> twice\n";
    CHECK(quire::render_markdown(poem) ==
          "<p>Roses are red,\nviolets are blue.</p>\n<pre tabindex=\"0\"><code>code\nlines\n</code></pre>\n"
          "<blockquote>\n<p>quoted\ntwice</p>\n</blockquote>\n");
    quire::MarkdownOptions o;
    o.hard_breaks = true;
    // Code keeps its lines as they are; prose gets a <br> at each.
    CHECK(quire::render_markdown(poem, o) ==
          "<p>Roses are red,<br>\nviolets are blue.</p>\n<pre tabindex=\"0\"><code>code\nlines\n</code></pre>\n"
          "<blockquote>\n<p>quoted<br>\ntwice</p>\n</blockquote>\n");
    // An image's alt text has no markup: a space, as for a hard break.
    CHECK(has(quire::render_markdown("![a\nb](x.png)", o), "alt=\"a b\""));
    CHECK_FALSE(quire::Site{}.hard_breaks);
    quire::Site site;
    std::vector<quire::Diagnostic> errors, warnings;
    quire::parse_site_yaml("hard_breaks: true\n", "site.yaml", site, errors, warnings);
    CHECK(errors.empty());
    CHECK(warnings.empty());
    CHECK(site.hard_breaks);
    quire::parse_site_yaml("hard_breaks: often\n", "site.yaml", site, errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0].message, "hard_breaks"));
    const std::string posts = R"("posts":[{"slug":"a","title":"A","date":"2022-01-01","summary":"one\ntwo","body":"one\ntwo"}],
      "pages":[{"slug":"about","title":"About","body":"three\nfour"}]})";
    auto off = load(R"({"format":"quire-bundle","version":1,"site":{},)" + posts);
    CHECK(has(view(off, "/posts/a/").html, "<p>one\ntwo</p>"));
    auto on = load(R"({"format":"quire-bundle","version":1,"site":{"hard_breaks":true},)" + posts);
    CHECK(has(view(on, "/posts/a/").html, "<p>one<br>\ntwo</p>"));
    CHECK(has(view(on, "/").html, "<p>one<br>\ntwo</p>"));  // the summary
    CHECK(has(quire::render_view(on, quire::parse_route("/about/", on)).html, "<p>three<br>\nfour</p>"));
    CHECK(has(quire::write_bundle_json(on), "\"hard_breaks\":true"));
    CHECK(has(quire::write_bundle_json(off), "\"hard_breaks\":false"));
  }

  TEST_CASE("smart punctuation in titles: the post's header, lists and search hits, never between backticks") {
    CHECK(quire::smart_title("What's \"next\" -- `--dry-run \"x\"` isn't...", true) ==
          "What\xE2\x80\x99s \xE2\x80\x9Cnext\xE2\x80\x9D \xE2\x80\x93 `--dry-run \"x\"` isn\xE2\x80\x99t\xE2\x80\xA6");
    CHECK(quire::smart_title("It's `code`", false) == "It's `code`");
    CHECK(quire::smart_title("a `lone backtick's", true) == "a `lone backtick\xE2\x80\x99s");
    const std::string posts = R"("posts":[{"slug":"a","title":"What's next","date":"2022-01-02","summary":"s","body":"b"},
      {"slug":"b","title":"B","date":"2022-01-01","tags":["t"],"summary":"s","body":"b"}]})";
    auto on = load(R"({"format":"quire-bundle","version":1,"site":{},)" + posts);
    CHECK(has(view(on, "/posts/a/").html, "<h1>What\xE2\x80\x99s next</h1>"));
    CHECK(has(view(on, "/").html, ">What\xE2\x80\x99s next</a></h2>"));
    CHECK(has(view(on, "/posts/b/").html, "<span class=\"title\">What\xE2\x80\x99s next</span>"));
    CHECK(has(view(on, "/archive/").html, ">What\xE2\x80\x99s next</a></li>"));
    auto off = load(R"({"format":"quire-bundle","version":1,"site":{"smart_punctuation":false},)" + posts);
    CHECK(has(view(off, "/posts/a/").html, "<h1>What&#39;s next</h1>"));
  }

  TEST_CASE("date line: an update reads after a separator") {
    auto b = load(R"({"format":"quire-bundle","version":1,"site":{},
      "posts":[{"slug":"a","title":"A","date":"2021-03-02","updated":"2021-03-05","summary":"s","body":"b"}]})");
    CHECK(has(view(b, "/posts/a/").html, "March 2, 2021</time> <span class=\"updated\">· Updated <time"));
  }

  TEST_CASE("smart punctuation: a heading's id is the same as without it") {
    CHECK(has(smart("## It's \"x\" -- y...\n"), "<h2 id=\"it-s-x-y\">It\xE2\x80\x99s \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x93 y\xE2\x80\xA6<a"));
    CHECK(has(quire::render_markdown("## It's \"x\" -- y...\n"), "<h2 id=\"it-s-x-y\">"));
  }

  TEST_CASE("image probe: PNG, GIF, JPEG, WebP, AVIF and SVG headers") {
    auto size = [](const std::string& bytes) {
      auto s = quire::probe_image(bytes);
      return s ? std::to_string(s->width) + "x" + std::to_string(s->height) : std::string("none");
    };
    CHECK(size(png(640, 480)) == "640x480");
    CHECK(size("GIF89a" + le16(31) + le16(17) + std::string(4, '\0')) == "31x17");
    const std::string app0 = std::string("\xFF\xE0", 2) + std::string("\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 16);
    const std::string sof = std::string("\xFF\xC0\x00\x11\x08", 5) + "\x01\x2C" + "\x02\x58" + std::string(12, '\x01');
    CHECK(size(std::string("\xFF\xD8", 2) + app0 + sof) == "600x300");
    CHECK(size("RIFF" + std::string(4, '\0') + "WEBPVP8X" + std::string(8, '\0') + std::string("\x7F\x02\x00\xDF\x01\x00", 6) +
               std::string(4, '\0')) == "640x480");
    // VP8L: 100x50 is (99) | (49 << 14) in 28 bits after the 0x2F signature.
    const unsigned bits = 99 | 49u << 14;
    CHECK(size("RIFF" + std::string(4, '\0') + "WEBPVP8L" + std::string(4, '\0') + "\x2F" + le16(bits & 0xFFFF) +
               le16(bits >> 16) + std::string(8, '\0')) == "100x50");
    const std::string ispe = be32(20) + "ispe" + be32(0) + be32(1200) + be32(800);
    const std::string ipco = be32(8 + static_cast<unsigned>(ispe.size())) + "ipco" + ispe;
    const std::string iprp = be32(8 + static_cast<unsigned>(ipco.size())) + "iprp" + ipco;
    const std::string meta = be32(12 + static_cast<unsigned>(iprp.size())) + "meta" + be32(0) + iprp;
    CHECK(size(be32(20) + "ftypavif" + be32(0) + "mif1" + meta) == "1200x800");
    CHECK(size("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"120px\">") == "240x120");
    CHECK(size("<svg stroke-width=\"3\" viewBox=\"0 0 720 360\">") == "720x360");
    CHECK(size("<svg width=\"100%\" viewBox=\"0,0,72.4,36\">") == "72x36");
    CHECK(size("<svg width=\"300\" viewBox=\"0 0 720 360\">") == "300x150");
  }

  TEST_CASE("image probe: truncated and hostile headers give no size, never a read past the end") {
    const std::string full = png(640, 480);
    for (size_t n = 0; n < full.size() - 5; ++n) CHECK(!quire::probe_image(full.substr(0, n)));
    CHECK(!quire::probe_image(std::string("\xFF\xD8\xFF\xE0\x00\x01", 6)));         // length below 2
    CHECK(!quire::probe_image(std::string("\xFF\xD8\xFF\xE0\xFF\xFF", 6)));         // length past the end
    CHECK(!quire::probe_image(std::string("\xFF\xD8\xFF\xC0\x00\x11\x08\x01", 8)));  // frame header cut
    CHECK(!quire::probe_image(be32(20) + "ftypavif" + be32(0) + "mif1" + be32(0xFFFF) + "meta"));
    CHECK(!quire::probe_image(be32(20) + "ftypavif" + be32(0) + "mif1" + be32(1) + "meta" + be32(0) + be32(3)));
    CHECK(!quire::probe_image("<svg width=\"10\" height=\"10"));
    CHECK(!quire::probe_image("<svg width=\"0\" height=\"10\">"));
    CHECK(!quire::probe_image(png(0, 10)));
    CHECK(!quire::probe_image(png(200000, 10)));
    CHECK(!quire::probe_image("GIF89a"));
  }

  TEST_CASE("image sizes: read at build time from static/ and the post's bundle, written on <img> by the core") {
    quire::testing::TempDir dir;
    dir.write("static/images/a.png", png(800, 600));
    dir.write("static/images/b c.png", png(10, 20));
    const std::vector<quire::PostFile> files{{"p", dir.path / "static/images/b c.png", "img/local.png"}};
    const std::string sizes = quire::read_image_sizes(
        "![a](/images/a.png) ![a again](/images/a.png) ![b](/blog/images/b%20c.png) ![l](./img/local.png)\n"
        "![gone](/images/none.png) ![far](https://example.com/a.png) ![up](../static/images/a.png)",
        dir.path / "static", files, "/blog/");
    CHECK(sizes == "800 600 /images/a.png\n10 20 /blog/images/b%20c.png\n10 20 ./img/local.png\n");
    const quire::ImageSizes table(sizes);
    quire::MarkdownOptions o;
    o.image_sizes = &table;
    CHECK(quire::render_markdown("![a](/images/a.png)", o) ==
          "<p><img src=\"/images/a.png\" width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\" alt=\"a\"></p>\n");
    // Lines that do not read are ignored.
    const quire::ImageSizes bad("0 5 x\n5 x\n7 8 ok\n9 9\n");
    CHECK(bad.find("ok") != nullptr);
    CHECK(bad.find("x") == nullptr);
  }

  TEST_CASE("the first image of a post loads at once, the others lazily, with sizes from the bundle") {
    auto b = load(R"J({"format":"quire-bundle","version":1,"site":{},
      "posts":[{"slug":"a","title":"A","date":"2022-01-01","summary":"s",
                "body":"![one](/i/1.png)\n\n![two](/i/2.png)","images":"10 20 /i/1.png\n30 40 /i/2.png\n"}]})J");
    const std::string html = view(b, "/posts/a/").html;
    CHECK(has(html, "<img src=\"/i/1.png\" width=\"10\" height=\"20\" decoding=\"async\" alt=\"one\">"));
    CHECK(has(html, "<img src=\"/i/2.png\" width=\"30\" height=\"40\" loading=\"lazy\" decoding=\"async\" alt=\"two\">"));
    CHECK(has(quire::write_bundle_json(b), "\"images\":\"10 20 /i/1.png\\n30 40 /i/2.png\\n\""));
  }

  TEST_CASE("an image with a title alone in its paragraph is a figure with a caption") {
    CHECK(figures("![A cat](cat.png \"My cat\")") ==
          "<figure><img src=\"cat.png\" loading=\"lazy\" decoding=\"async\" alt=\"A cat\"><figcaption>My cat</figcaption></figure>\n");
    CHECK(smart("> ![A](a.png \"It's \\\"mine\\\" <b>\")") ==
          "<blockquote>\n<figure><img src=\"a.png\" loading=\"lazy\" decoding=\"async\" alt=\"A\"><figcaption>"
          "It\xE2\x80\x99s \xE2\x80\x9Cmine\xE2\x80\x9D &lt;b&gt;</figcaption></figure>\n</blockquote>\n");
    // Not alone, or no title: a paragraph as before.
    CHECK(figures("See ![A](a.png \"t\")") ==
          "<p>See <img src=\"a.png\" loading=\"lazy\" decoding=\"async\" alt=\"A\" title=\"t\"></p>\n");
    CHECK(figures("![A](a.png)") == "<p><img src=\"a.png\" loading=\"lazy\" decoding=\"async\" alt=\"A\"></p>\n");
    CHECK(has(figures("[![A](a.png \"t\")](b)"), "<p><a href=\"b\"><img"));
    CHECK(has(figures("![A](a.png \"t\") ![B](b.png \"u\")"), "<p><img"));
    // Off (the renderer's default, CommonMark's output): a paragraph.
    CHECK(quire::render_markdown("![A](a.png \"t\")") ==
          "<p><img src=\"a.png\" loading=\"lazy\" decoding=\"async\" alt=\"A\" title=\"t\"></p>\n");
  }

  TEST_CASE("table of contents: toc: true in front matter, or a site minimum of headings") {
    const std::string body = "## One\\n\\n### One a\\n\\n## Two `x`\\n\\n#### Deep\\n\\n## Three\\n\\nText[^n].\\n\\n[^n]: ## Note";
    auto bundle = [&](const std::string& site, const std::string& params) {
      return load(R"({"format":"quire-bundle","version":1,"site":{)" + site + R"(},
        "posts":[{"slug":"a","title":"A","date":"2022-01-01","summary":"s","body":")" + body + "\"" + params + "}]}");
    };
    const std::string none = view(bundle("", ""), "/posts/a/").html;
    CHECK_FALSE(has(none, "class=\"toc\""));
    const std::string asked = view(bundle("", R"(,"params":{"toc":true})"), "/posts/a/").html;
    CHECK(has(asked, "</header>\n<nav class=\"toc\" aria-labelledby=\"quire-toc\">\n<h2 id=\"quire-toc\">Contents</h2>\n<ol>\n"
                     "<li><a href=\"#one\">One</a>\n<ol>\n<li><a href=\"#one-a\">One a</a></li>\n</ol>\n</li>\n"
                     "<li><a href=\"#two-x\">Two x</a></li>\n<li><a href=\"#three\">Three</a></li>\n</ol>\n</nav>\n"
                     "<div class=\"post-body\">"));
    const size_t nav = asked.find("<nav class=\"toc\"");
    const std::string toc = asked.substr(nav, asked.find("</nav>", nav) - nav);
    CHECK_FALSE(has(toc, "#deep"));
    CHECK_FALSE(has(toc, "#note"));
    CHECK(has(asked, "href=\"#note\""));  // the note's heading is there, in the body's notes
    CHECK(has(view(bundle(R"("toc_min_headings":4)", ""), "/posts/a/").html, "class=\"toc\""));
    CHECK_FALSE(has(view(bundle(R"("toc_min_headings":5)", ""), "/posts/a/").html, "class=\"toc\""));
    CHECK_FALSE(has(view(bundle(R"("toc_min_headings":2)", R"(,"params":{"toc":false})"), "/posts/a/").html, "class=\"toc\""));
  }

  TEST_CASE("table of contents: a page with toc: true has one (toc_min_headings is the posts')") {
    auto bundle = [&](const std::string& params) {
      return load(R"({"format":"quire-bundle","version":1,"site":{"toc_min_headings":1},"posts":[],
        "pages":[{"slug":"work","title":"Work with me","date":"2022-01-01","summary":"","body":"## Rates\n\n## Terms\n\n$x^2$"
                  )" + params + "}]}");
    };
    auto page = [](const quire::Bundle& b) { return quire::render_view(b, quire::parse_route("/work/", b)).html; };
    const std::string asked = page(bundle(R"(,"params":{"toc":true,"math":true})"));
    CHECK(has(asked, "</header>\n<nav class=\"toc\" aria-labelledby=\"quire-toc\">"));
    CHECK(has(asked, "<li><a href=\"#rates\">Rates</a></li>"));
    CHECK(has(asked, "<span class=\"math\">x^2</span>"));  // and math: params travel with pages
    const std::string plain = page(bundle(""));
    CHECK_FALSE(has(plain, "class=\"toc\""));
    CHECK(has(plain, "$x^2$"));
  }

  TEST_CASE("table of contents: front matter and site.yaml are checked, with the line") {
    std::vector<quire::Diagnostic> errors, warnings;
    auto r = quire::parse_post("---\ntitle: T\ndate: 2022-01-01\ntoc: maybe\n---\nx\n", "p.md", errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].str() == "p.md:4: toc: expected true or false, got \"maybe\"");
    errors.clear();
    r = quire::parse_post("---\ntitle: T\ndate: 2022-01-01\ntoc: yes\n---\nx\n", "p.md", errors, warnings);
    CHECK(r.post.params_json == "{\"toc\":true}");
    quire::Site site;
    quire::parse_site_yaml("toc_min_headings: -1\n", "site.yaml", site, errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0].str(), "site.yaml:1: toc_min_headings: expected a whole number"));
    errors.clear();
    quire::parse_site_yaml("toc_min_headings: 3\n", "site.yaml", site, errors, warnings);
    CHECK(errors.empty());
    CHECK(site.toc_min_headings == 3);
  }

  TEST_CASE("math: TeX between dollars in a post with math, prose elsewhere") {
    auto math = [](const std::string& md) {
      quire::MarkdownOptions o;
      o.math = true;
      o.smart_punctuation = true;
      return quire::render_markdown(md, o);
    };
    // Off (the default): dollars are text, and markdown reads what is between.
    CHECK(quire::render_markdown("It costs $5 or $10 and *that* is all.") ==
          "<p>It costs $5 or $10 and <em>that</em> is all.</p>\n");
    CHECK(quire::render_markdown("$a*b*c$") == "<p>$a<em>b</em>c$</p>\n");
    // On: TeX as written (no emphasis, escapes or quotes), HTML-escaped.
    CHECK(math("Inline $a*b*c$ and $x<y \\\\ \"q\"$, \\$5.") ==
          "<p>Inline <span class=\"math\">a*b*c</span> and <span class=\"math\">x&lt;y \\\\ &quot;q&quot;</span>, $5.</p>\n");
    CHECK(math("$$E = mc^2$$") == "<p><span class=\"math display\">E = mc^2</span></p>\n");
    CHECK(math("`$x$` stays code") == "<p><code>$x$</code> stays code</p>\n");
    // Pandoc's rule, which md4c lacks: no space inside either dollar, no
    // digit after the closer. Prose dollars stay text in a post with math.
    CHECK(math("It cost $5, then $10.") == "<p>It cost $5, then $10.</p>\n");
    CHECK(math("$20,000 and $30,000 for $x$.") == "<p>$20,000 and $30,000 for <span class=\"math\">x</span>.</p>\n");
    CHECK(math("Pay $5 or `$y` and $$z$$ then $ 3 $.") ==
          "<p>Pay $5 or <code>$y</code> and <span class=\"math display\">z</span> then $ 3 $.</p>\n");
    CHECK(math("$a\nb$ over a line, $5\n\n$c$") ==
          "<p><span class=\"math\">a b</span> over a line, $5</p>\n<p><span class=\"math\">c</span></p>\n");
    // A display block over lines, with a blank line and lines markdown would
    // start a list, a heading or code with: one paragraph of math.
    const std::string block = math("Before.\n\n$$\n\\begin{aligned}\na &= b\n\n- c &= d \\\\\n# e\n\n        f\n\\end{aligned}\n$$\n\nAfter.\n");
    CHECK(block == "<p>Before.</p>\n<p><span class=\"math display\">\\begin{aligned} a &amp;= b - c &amp;= d \\\\ # e f "
                   "\\end{aligned} </span></p>\n<p>After.</p>\n");
    // In a fenced code block nothing changes, and an unclosed $$ is text.
    CHECK(math("```\n$$\n\n- x\n$$\n```\n") == "<pre tabindex=\"0\"><code>$$\n\n- x\n$$\n</code></pre>\n");
    CHECK(math("$$\n\n- x\n") == "<p>$$</p>\n<ul>\n<li>x</li>\n</ul>\n");
  }

  TEST_CASE("math: front matter math: true, or site.yaml math: true unless the post says false") {
    const std::string body = "Sum $a_1*b_2*c$ for $5.";
    auto bundle = [&](const std::string& site, const std::string& params) {
      return load(R"({"format":"quire-bundle","version":1,"site":{)" + site + R"(},
        "posts":[{"slug":"a","title":"A","date":"2022-01-01","summary":")" + body + R"(","body":")" + body + "\"" +
                  params + "}]}");
    };
    const std::string tex = "<span class=\"math\">a_1*b_2*c</span>";
    CHECK_FALSE(has(view(bundle("", ""), "/posts/a/").html, "class=\"math\""));
    CHECK(has(view(bundle("", R"(,"params":{"math":true})"), "/posts/a/").html, tex));
    CHECK(has(view(bundle("", R"(,"params":{"math":true})"), "/").html, tex));  // the summary on the home page too
    CHECK(has(view(bundle(R"("math":true)", ""), "/posts/a/").html, tex));
    CHECK_FALSE(has(view(bundle(R"("math":true)", R"(,"params":{"math":false})"), "/posts/a/").html, "class=\"math\""));
    // A "math" that is not the key (a value, a longer key) is not the flag.
    CHECK_FALSE(has(view(bundle("", R"(,"params":{"x":"math","mathjax":true})"), "/posts/a/").html, "class=\"math\""));

    std::vector<quire::Diagnostic> errors, warnings;
    auto r = quire::parse_post("---\ntitle: T\ndate: 2022-01-01\nmath: sometimes\n---\nx\n", "p.md", errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].str() == "p.md:4: math: expected true or false, got \"sometimes\"");
    errors.clear();
    r = quire::parse_post("---\ntitle: T\ndate: 2022-01-01\nmath: true\n---\nx\n", "p.md", errors, warnings);
    CHECK(r.post.params_json == "{\"math\":true}");
    quire::Site site;
    quire::parse_site_yaml("math: true\n", "site.yaml", site, errors, warnings);
    CHECK(errors.empty());
    CHECK(site.math);
  }

  TEST_CASE("date line: natural by default, the timestamp style by name, the offset when posts' offsets differ") {
    const quire::DateTime d = *quire::parse_date("2026-10-31T10:15:00+01:00");
    CHECK(quire::format_date(d, quire::kDefaultDateFormat, "en") == "October 31, 2026");
    CHECK(quire::format_date(d, "natural", "fr") == "31 octobre 2026");
    CHECK(quire::format_date(d, "natural", "de-AT") == "31. Oktober 2026");
    CHECK(quire::format_date(d, "timestamp", "en") == "10:15am. October 31, 2026.");
    CHECK(quire::utc_offset_text(d) == "UTC+1");
    CHECK(quire::utc_offset_text(*quire::parse_date("2026-10-31T10:15:00-05:30")) == "UTC-5:30");
    CHECK(quire::utc_offset_text(*quire::parse_date("2026-10-31T10:15:00Z")) == "UTC");
    auto bundle = [&](const std::string& format, const std::string& second_offset) {
      return load(R"({"format":"quire-bundle","version":1,"site":{"date_format":")" + format + R"("},
        "posts":[{"slug":"a","title":"A","date":"2026-10-31T10:15:00+01:00","summary":"s","body":"word"},
                 {"slug":"b","title":"B","date":"2026-10-01T08:00:00)" + second_offset + R"(","summary":"s","body":"b"}]})");
    };
    CHECK(has(view(bundle("natural", "+01:00"), "/posts/a/").html,
              "<p class=\"post-meta\"><time datetime=\"2026-10-31T10:15:00+01:00\">October 31, 2026</time> "
              "<span class=\"reading-time\">· 1 min read</span>"));
    CHECK(has(view(bundle("timestamp", "+01:00"), "/posts/a/").html, ">10:15am. October 31, 2026.</time>"));
    CHECK(has(view(bundle("timestamp", "-07:00"), "/posts/a/").html, ">10:15am. October 31, 2026. (UTC+1)</time>"));
    CHECK(has(view(bundle("timestamp", "-07:00"), "/posts/b/").html, ">8:00am. October 1, 2026. (UTC-7)</time>"));
    CHECK(has(view(bundle("natural", "-07:00"), "/posts/a/").html, ">October 31, 2026</time>"));
    // A date without time or offset beside dates with one: not a difference.
    auto dated = load(R"({"format":"quire-bundle","version":1,"site":{"date_format":"timestamp"},
      "posts":[{"slug":"a","title":"A","date":"2026-10-31T10:15:00+01:00","summary":"s","body":"w"},
               {"slug":"b","title":"B","date":"2026-10-01","summary":"s","body":"b"}]})");
    CHECK(has(view(dated, "/posts/a/").html, ">10:15am. October 31, 2026.</time>"));
  }

  TEST_CASE("archive index: every post's title under its year and month, each month linking to its page") {
    auto b = load(R"({"format":"quire-bundle","version":1,"site":{},
      "posts":[{"slug":"c","title":"Three & more","date":"2022-11-20","summary":"s","body":"b"},
               {"slug":"b","title":"Two","date":"2022-10-09","summary":"s","body":"b"},
               {"slug":"a","title":"One","date":"2021-01-15","summary":"s","body":"b"}]})");
    const std::string html = view(b, "/archive/").html;
    CHECK(has(html, "<section class=\"archive-year\" aria-labelledby=\"year-2022\">\n<h2 id=\"year-2022\">2022</h2>\n"
                    "<h3 class=\"archive-month\" id=\"year-2022-11\"><a href=\"/archive/2022/11/\">November</a> "
                    "<span class=\"count\">(1<span class=\"sr-only\"> post</span>)</span></h3>\n"
                    "<ul class=\"post-index\">\n<li><time datetime=\"2022-11-20\">November 20, 2022</time> "
                    "<a href=\"/posts/c/\">Three &amp; more</a></li>\n</ul>\n"));
    CHECK(has(html, "<a href=\"/posts/b/\">Two</a>"));
    CHECK(has(html, "<h2 id=\"year-2021\">2021</h2>\n<h3 class=\"archive-month\" id=\"year-2021-01\">"));
    CHECK(has(html, "<a href=\"/posts/a/\">One</a>"));
    CHECK(count(html, "<section") == 2);
    CHECK(view(b, "/archive/2022/10/").status == 200);  // month pages kept
  }
}
