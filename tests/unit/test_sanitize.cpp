// Raw HTML kept through the allow-list: the build's gumbo sanitiser
// (src/build/html_sanitizer.hpp) and the core's canonical check
// (src/core/sanitize.hpp), as a table of constructs and what each becomes
// in a rendered post.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "build/html_sanitizer.hpp"
#include "core/markdown.hpp"
#include "core/sanitize.hpp"

namespace {

// What a post shows: the build's rewrite, then the core's render.
std::string shown(std::string_view markdown, const quire::MarkdownOptions& o = {}) {
  const quire::SanitizedMarkdown s = quire::sanitize_raw_html(markdown, o.iframe_hosts);
  CHECK_MESSAGE(s.refused == 0, "the core refused part of the build's output: " << s.markdown);
  // Idempotent: the output is already canonical.
  CHECK(quire::sanitize_raw_html(s.markdown, o.iframe_hosts).markdown == s.markdown);
  return quire::render_markdown(s.markdown, o);
}

std::vector<std::string> removed(std::string_view markdown) {
  std::vector<std::string> out;
  for (const quire::RawHtmlRemoval& r : quire::sanitize_raw_html(markdown, quire::kDefaultIframeHosts).removed)
    out.push_back(r.what);
  return out;
}

struct Case {
  const char* markdown;
  const char* html;
};

}  // namespace

TEST_SUITE("sanitize") {

TEST_CASE("allowed constructs are kept, canonically written") {
  const Case cases[] = {
      {"<table>\n<tr><th colspan=2 align=center>H</th></tr>\n<tr><td rowspan=\"1\">a</td><td>b</td></tr>\n</table>",
       "<table>\n<tr><th colspan=\"2\" align=\"center\">H</th></tr>\n<tr><td rowspan=\"1\">a</td><td>b</td></tr>\n</table>"},
      {"<table><caption>C</caption><colgroup><col span=2></colgroup><thead><tr><th>h</th></tr></thead>"
       "<tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>",
       "<table><caption>C</caption><colgroup><col span=\"2\"></colgroup><thead><tr><th>h</th></tr></thead>"
       "<tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>"},
      {"<figure class=\"wide\"><img src=\"/a.png\" alt=\"An &amp; B\" width=\"640\"><figcaption>Cap</figcaption></figure>",
       "<figure class=\"wide\"><img src=\"/a.png\" alt=\"An &amp; B\" width=\"640\"><figcaption>Cap</figcaption></figure>"},
      {"<picture><source srcset=\"a.webp 1x,  b.webp 2x\" type=\"image/webp\"><img src=a.png alt=\"\"></picture>",
       "<p><picture><source srcset=\"a.webp 1x, b.webp 2x\" type=\"image/webp\"><img src=\"a.png\" alt=\"\"></picture></p>"},
      {"<video controls poster=\"p.jpg\" src=\"v.mp4\"></video>",
       "<p><video src=\"v.mp4\" poster=\"p.jpg\" controls=\"\"></video></p>"},
      {"<audio controls><source src=\"a.mp3\" type=\"audio/mpeg\"></audio>",
       "<p><audio controls=\"\"><source src=\"a.mp3\" type=\"audio/mpeg\"></audio></p>"},
      {"<details open><summary>More</summary>\nHidden\n</details>",
       "<details open=\"\"><summary>More</summary>\nHidden\n</details>"},
      {"<div class=\"note  big\">x</div>", "<div class=\"note big\">x</div>"},
      {"<dl><dt>T</dt><dd>D</dd></dl>", "<dl><dt>T</dt><dd>D</dd></dl>"},
      {"<pre>\ndef f():\n    return 1\n</pre>", "<pre>\ndef f():\n    return 1\n</pre>"},
      {"<iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=560 height=315 frameborder=0 allowfullscreen></iframe>",
       "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=\"560\" height=\"315\" allowfullscreen=\"\"></iframe>"},
      {"<iframe src=\"//player.vimeo.com/video/1\"></iframe>",
       "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>"},
      // YouTube's embed code as it is copied: its allow kept, written canonically.
      {"<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/x\" title=\"YouTube video player\" "
       "frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; "
       "picture-in-picture; web-share\" referrerpolicy=\"strict-origin-when-cross-origin\" allowfullscreen></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\" height=\"315\" allowfullscreen=\"\" "
       "allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" "
       "referrerpolicy=\"strict-origin-when-cross-origin\" title=\"YouTube video player\"></iframe>"},
      {"<iframe src=\"https://player.vimeo.com/video/1\" allow=\"autoplay;fullscreen;  picture-in-picture;\"></iframe>",
       "<iframe src=\"https://player.vimeo.com/video/1\" allow=\"autoplay; fullscreen; picture-in-picture\"></iframe>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.markdown);
    CHECK(shown(c.markdown) == std::string(c.html) + "\n");
  }
}

TEST_CASE("inline raw HTML is kept inside paragraphs") {
  const Case cases[] = {
      {"H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <abbr title=\"HyperText\">HTML</abbr>, <mark>m</mark>",
       "<p>H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <abbr title=\"HyperText\">HTML</abbr>, <mark>m</mark></p>"},
      {"<small>s</small> <cite>c</cite> <q cite=\"/q\">q</q> <dfn>d</dfn> <time datetime=\"2024-01-02\">t</time>",
       "<p><small>s</small> <cite>c</cite> <q cite=\"/q\">q</q> <dfn>d</dfn> <time datetime=\"2024-01-02\">t</time></p>"},
      {"<var>v</var> <samp>s</samp> <ins>i</ins> <del>d</del> <s>s</s> <u>u</u> <b>b</b> <i>i</i> <em>e</em> <strong>s</strong>",
       "<p><var>v</var> <samp>s</samp> <ins>i</ins> <del>d</del> <s>s</s> <u>u</u> <b>b</b> <i>i</i> <em>e</em> <strong>s</strong></p>"},
      {"a<br/>b <span class=x>c</span>", "<p>a<br>b <span class=\"x\">c</span></p>"},
      {"<a href=\"https://e.org\" target=\"_blank\">e</a>",
       "<p><a href=\"https://e.org\" target=\"_blank\" rel=\"noopener\">e</a></p>"},
      {"<a href=\"/x\" target=_blank rel=\"nofollow\">e</a>",
       "<p><a href=\"/x\" target=\"_blank\" rel=\"nofollow noopener\">e</a></p>"},
      {"*<b>bold</b>*", "<p><em><b>bold</b></em></p>"},
      // Ruby annotations (osc.garden's Japanese): phrasing content, kept.
      {"<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>", "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.markdown);
    CHECK(shown(c.markdown) == std::string(c.html) + "\n");
  }
}

TEST_CASE("an unconverted shortcode whose tag looks like HTML is shown as its text, not removed") {
  // henrikssommerfeld's {{<API />}} and {{<post-image ...>}}: the page said "{{}}".
  quire::MarkdownOptions o;
  o.smart_punctuation = false;
  CHECK(shown("An {{<API />}} and {{<post-image image=\"a.png\">}}cap{{</post-image>}}.", o) ==
        "<p>An {{&lt;API /&gt;}} and {{&lt;post-image image=&quot;a.png&quot;&gt;}}cap{{&lt;/post-image&gt;}}.</p>\n");
  CHECK(removed("{{<post-image image=\"a.png\">}}").empty());
  // Its tag over two lines, and its closing tag on a line of an HTML block (after a <p>).
  CHECK(shown("{{<post-image image=\"a.png\"\nlightbox=\"true\">}}\n<em>Cap</em>\n{{</post-image>}}", o) ==
        "<p>{{&lt;post-image image=&quot;a.png&quot;\nlightbox=&quot;true&quot;&gt;}}\n<em>Cap</em>\n{{&lt;/post-image&gt;}}</p>\n");
  CHECK(shown("{{<fig a=\"b\">}}\n<p>Photo by X.</p>\n{{</fig>}}", o) ==
        "<p>{{&lt;fig a=&quot;b&quot;&gt;}}</p>\n<p>Photo by X.</p>\n{{&lt;/fig&gt;}}\n");
  // HTML beside braces is still HTML: {{ <b>x</b> }} keeps its <b>.
  CHECK(shown("{{ <b>x</b> }}", o) == "<p>{{ <b>x</b> }}</p>\n");
  CHECK_FALSE(removed("a <xyz>b</xyz> c").empty());  // an unknown element elsewhere: removed, as before
}

TEST_CASE("what is not allowed is removed, and said") {
  struct Removal {
    const char* markdown;
    const char* html;
    std::vector<std::string> removed;
  };
  const Removal cases[] = {
      {"<script>alert(1)</script>", "", {"<script> and its content"}},
      {"<style>p{color:red}</style>\n\nText", "<p>Text</p>", {"<style> and its content"}},
      {"<img src=x onerror=alert(1)>", "<img src=\"x\">", {"onerror on <img>"}},
      {"<img src=\"javascript:alert(1)\">", "", {"src on <img> (value not allowed)", "<img> without an allowed src"}},
      {"<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<p><a>x</a></p>", {"href on <a> (value not allowed)"}},
      {"<a href=\"&#106;avascript:alert(1)\">x</a>", "<p><a>x</a></p>", {"href on <a> (value not allowed)"}},
      {"<p style=\"color:red\" id=\"x\" onclick=\"y\">t</p>", "<p id=\"x\">t</p>",
       {"style on <p>", "onclick on <p>"}},
      {"<font color=red>red</font> text", "<p>red text</p>", {"<font> tag (its text kept)"}},
      {"<center>\nmiddle\n</center>", "<p>middle</p>", {"<center> tag (its text kept)"}},
      {"<iframe src=\"https://evil.example/x\"></iframe>", "",
       {"<iframe> from evil.example (add evil.example to iframe_hosts in site.yaml to keep it)"}},
      // css-irl's CodePen demos: one line an iframe, the host named, not each attribute.
      {"<iframe height=\"300\" scrolling=\"no\" src=\"//codepen.io/a/embed/b?x=1\" frameborder=\"no\"></iframe>", "",
       {"<iframe> from codepen.io (add codepen.io to iframe_hosts in site.yaml to keep it)"}},
      {"<iframe src=\"/demo/\"></iframe>", "",
       {"<iframe> (its src is no https URL; iframes come from the hosts of iframe_hosts in site.yaml)"}},
      // Features a player does not need, or origins, are not kept: the whole attribute goes, named.
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay; camera; microphone\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {"allow on <iframe> (value not allowed)"}},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay 'none'\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {"allow on <iframe> (value not allowed)"}},
      {"<iframe srcdoc=\"<script>alert(1)</script>\" src=\"https://www.youtube.com/embed/x\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {"srcdoc on <iframe>"}},
      {"<svg><style><img src=x onerror=alert(1)></style></svg>", "",
       {"<svg> and its content"}},
      {"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "",
       {"<math> and its content"}},
      {"<form action=\"/x\"><button>go</button></form>", "<p>go</p>",
       {"<form> tag (its text kept)", "<button> tag (its text kept)"}},
      {"<div><!-- note --></div>", "<div></div>", {}},
      // YouTube's embed code as copied: nothing to report (allow kept, frameborder="0" inert).
      {"<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/x\" title=\"YouTube video player\" "
       "frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; "
       "picture-in-picture; web-share\" allowfullscreen></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\" height=\"315\" allowfullscreen=\"\" "
       "allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" "
       "title=\"YouTube video player\"></iframe>", {}},
      // The import's player for {{< youtube x >}} (import/tags.cpp): its class kept, nothing reported.
      {"<iframe src=\"https://www.youtube-nocookie.com/embed/x\" class=\"video\" title=\"YouTube video\" loading=\"lazy\" "
       "allowfullscreen></iframe>",
       "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" allowfullscreen=\"\" loading=\"lazy\" "
       "title=\"YouTube video\" class=\"video\"></iframe>", {}},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\";\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {"allow on <iframe> (value not allowed)"}},
      // An embed code's frameborder="0": the page draws no iframe border anyway, so nothing to report.
      {"<iframe src=\"https://www.youtube.com/embed/x\" frameborder=\"0\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {}},
      {"<iframe src=\"https://www.youtube.com/embed/x\" frameborder=\"no\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {}},
      {"<iframe src=\"https://www.youtube.com/embed/x\" frameborder=\"1\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", {"frameborder on <iframe>"}},
  };
  for (const Removal& c : cases) {
    CAPTURE(c.markdown);
    CHECK(shown(c.markdown) == std::string(c.html) + (*c.html ? "\n" : ""));
    CHECK(removed(c.markdown) == c.removed);
  }
}

TEST_CASE("ids and <a> names are kept for in-page anchors, unless they are ours or not plain") {
  const Case kept[] = {
      {"<h3 id=\"section\">\nS\n</h3>\n\n[go](#section)", "<h3 id=\"section\">\nS\n</h3>\n<p><a href=\"#section\">go</a></p>"},
      {"Text<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote\">1</a></sup>",
       "<p>Text<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote\">1</a></sup></p>"},
      {"<a name=\"note1\"></a>Note", "<p><a name=\"note1\"></a>Note</p>"},
      {"<a id=\"top\" name=\"top\" href=\"#x\">t</a>", "<p><a href=\"#x\" name=\"top\" id=\"top\">t</a></p>"},
      {"<div id=\"2020_notes.v1\" class=\"c\">d</div>", "<div class=\"c\" id=\"2020_notes.v1\">d</div>"},
      // letters of any script: a Chinese blog's own contents, <span id="概述">
      {"<div id=\"\u00e9t\u00e9\">d</div>", "<div id=\"\u00e9t\u00e9\">d</div>"},
      {"<div id=\"\u6982\u8ff0\">d</div>", "<div id=\"\u6982\u8ff0\">d</div>"},
      // an author's own note anchors, named like ours but none of them (henrik's back-links)
      {"<a name=\"footnote-1-source\"></a>Para", "<p><a name=\"footnote-1-source\"></a>Para</p>"},
      {"<a id=\"fn-note\"></a>N", "<p><a id=\"fn-note\"></a>N</p>"},
  };
  for (const Case& c : kept) {
    CAPTURE(c.markdown);
    CHECK(shown(c.markdown) == std::string(c.html) + "\n");
    CHECK(removed(c.markdown).empty());
  }
  // The page's own ids, the renderer's footnote ids, and anything not plain.
  for (const char* id : {"main", "quire-app", "quire-status", "year-2020", "search-q", "fn-1", "fnref-1", "fnref-12-3",
                         "footnote-label", "a b", "-x", "x&lt;y", "x&quot;y", "\u6982 \u8ff0", ""}) {
    const std::string markdown = std::string("<div id=\"") + id + "\">d</div>";
    CAPTURE(markdown);
    CHECK(shown(markdown) == "<div>d</div>\n");
    CHECK(removed(markdown) == std::vector<std::string>{"id on <div> (value not allowed)"});
  }
  CHECK(removed("<a name=\"quire-toc\">x</a>") == std::vector<std::string>{"name on <a> (value not allowed)"});
  CHECK(removed("<img src=\"a.png\" name=\"getElementById\">") == std::vector<std::string>{"name on <img>"});
  // The core's own check, on a tampered bundle.
  CHECK(quire::render_markdown("<div id=\"main\">t</div>") == "");
  CHECK(quire::render_markdown("<div id=\"notes\">t</div>") == "<div id=\"notes\">t</div>\n");
}

TEST_CASE("style goes, its text-align and width/height kept as attributes") {
  struct Mapped {
    const char* markdown;
    const char* html;
    bool said;  // whether "style on <...>" is reported
  };
  const Mapped cases[] = {
      {"<p style=\"text-align:center\">c</p>", "<p align=\"center\">c</p>", false},
      {"<div style=\"TEXT-ALIGN: Right;\">r</div>", "<div align=\"right\">r</div>", false},
      {"<div style=\"text-align:center; color:red\">h</div>", "<div align=\"center\">h</div>", true},
      {"<h2 style=\"text-align:center\">\nh\n</h2>", "<h2 align=\"center\">\nh\n</h2>", false},
      {"<img src=\"a.png\" style=\"width: 300px; height:auto\">", "<img src=\"a.png\" width=\"300\">", true},
      {"<img src=\"a.png\" style=\"width:50%;height:120px\">", "<img src=\"a.png\" width=\"50%\" height=\"120\">", false},
      {"<img src=\"a.png\" width=\"10\" style=\"width:20px\">", "<img src=\"a.png\" width=\"10\">", false},
      // width="200px" is 200 to a browser (pixeleden's images had lost their width)
      {"<img src=\"a.png\" width=\"200px\" height=\"90 PX\">", "<img src=\"a.png\" width=\"200\" height=\"90\">", false},
      {"<table><tr><td style=\"text-align:right\">t</td></tr></table>",
       "<table><tr><td align=\"right\">t</td></tr></table>", false},
      {"<span style=\"text-align:center\">s</span>", "<p><span>s</span></p>", true},
      {"<p style=\"text-align:center;text-align:left\">c</p>", "<p align=\"center\">c</p>", false},
      {"<p style=\"text-align:expression(alert(1))\">c</p>", "<p>c</p>", true},
  };
  for (const Mapped& c : cases) {
    CAPTURE(c.markdown);
    CHECK(shown(c.markdown) == std::string(c.html) + "\n");
    const std::vector<std::string> r = removed(c.markdown);
    CHECK((r.size() == 1 && r[0].rfind("style on <", 0) == 0) == c.said);
    CHECK(r.size() == (c.said ? 1u : 0u));
  }
}

TEST_CASE("mutation XSS comes out inert and as text") {
  // The noscript is removed with its content; the title's '<' stays text.
  CHECK(shown("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>") == "");
  CHECK(shown("<p title=\"</p><img src=x onerror=alert(1)>\">x</p>") ==
        "<p title=\"&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;\">x</p>\n");
  CHECK(shown("<textarea><img src=x onerror=alert(1)></textarea>") == "");
  CHECK(shown("<b>&lt;img src=x onerror=alert(1)&gt;</b>") == "<p><b>&lt;img src=x onerror=alert(1)&gt;</b></p>\n");
}

TEST_CASE("raw HTML spanning markdown keeps its structure and never closes the page's elements") {
  SUBCASE("details opened in one HTML block, closed in another") {
    CHECK(shown("<details>\n<summary>More</summary>\n\nSome *markdown*.\n\n</details>\n\nAfter") ==
          "<details>\n<summary>More</summary>\n<p>Some <em>markdown</em>.</p>\n</details>\n<p>After</p>\n");
  }
  SUBCASE("a table with markdown in a cell") {
    CHECK(shown("<table><tr><td>\n\n**bold**\n\n</td></tr></table>") ==
          "<table><tr><td>\n<p><strong>bold</strong></p>\n</td></tr></table>\n");
  }
  SUBCASE("what the post leaves open is closed at its end") {
    CHECK(shown("<div class=\"a\">\n\ntext") == "<div class=\"a\">\n<p>text</p>\n</div>");
  }
  SUBCASE("an end tag with nothing open is dropped") {
    CHECK(shown("</div></div>\n\ntext") == "\n<p>text</p>\n");
  }
  SUBCASE("an end tag closes the innermost element of its kind and what is open inside it") {
    CHECK(shown("<b><i>x</b>y</i>") == "<p><b><i>x</i></b>y</p>\n");
    CHECK(shown("<span><b><span>x</span>y</span>z</b>") == "<p><span><b><span>x</span>y</b></span>z</p>\n");
    // After an inner one closed, the outer one of the same kind is found.
    CHECK(shown("<i>a<i>b</i>c</i>d</i>") == "<p><i>a<i>b</i>c</i>d</p>\n");
  }
  SUBCASE("an end tag does not close what an enclosing markdown span opened") {
    CHECK(shown("<span>a *b</span> c* d</span>") == "<p><span>a <em>b c</em> d</span></p>\n");
  }
  SUBCASE("what a list item or quote opened closes with it") {
    CHECK(shown("- <div>\n\n</div>") == "<ul>\n<li><div>\n</div></li>\n</ul>\n\n");
    CHECK(quire::render_markdown("> <div>\n\n</div>") == "<blockquote>\n<div>\n</div></blockquote>\n\n");
  }
  SUBCASE("an HTML block in a blockquote keeps its prefix on every line") {
    CHECK(quire::sanitize_raw_html("> <div onclick=x>\n> <p>a</p>\n> </div>", quire::kDefaultIframeHosts).markdown ==
          "> <div>\n> <p>a</p>\n> </div>");
  }
}

TEST_CASE("the core passes only canonical raw HTML (a tampered bundle)") {
  const Case cases[] = {
      {"<img src=x onerror=alert(1)>", ""},
      {"<img src=\"x\" onerror=\"alert(1)\">", ""},
      {"<img src=\"x\">", "<img src=\"x\">\n"},
      {"<IMG SRC=\"x\">", ""},
      {"<img alt=\"a\" src=\"x\">", ""},                         // attributes out of order
      {"<img src=\"x\" src=\"y\">", ""},                         // repeated
      {"<a href=\"javascript:alert(1)\">x</a>", "<p>x</p>\n"},
      {"<a href=\"java&#x09;script:alert(1)\">x</a>", "<p>x</p>\n"},  // not our escape: refused
      {"<a href=\"https://e.org\" target=\"_blank\">x</a>", "<p>x</p>\n"},  // no rel=noopener
      {"<iframe src=\"https://evil.example/\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\">", ""},  // left open
      {"<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n"},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay; camera\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay;fullscreen\"></iframe>", ""},  // not canonical
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay;\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay; \"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"; autoplay\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay;  fullscreen\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"Autoplay\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"\"></iframe>", ""},
      {"<iframe src=\"https://www.youtube.com/embed/x\" loading=\"lazy\" allow=\"autoplay\"></iframe>", ""},  // out of order
      {"<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay; fullscreen\"></iframe>",
       "<iframe src=\"https://www.youtube.com/embed/x\" allow=\"autoplay; fullscreen\"></iframe>\n"},
      {"<div class=\"a\" style=\"x\">t</div>", ""},
      {"<p title=\"a>b\">t</p>", ""},
      {"<p>a & b</p>", ""},
      {"<p>a &amp; b</p>", "<p>a &amp; b</p>\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.markdown);
    std::size_t refused = 0;
    quire::MarkdownOptions o;
    o.refused_raw_html = &refused;
    CHECK(quire::render_markdown(c.markdown, o) == std::string(c.html));
    // Refused: shown as nothing, or as the link's text only.
    const bool refused_expected = std::string(c.html).empty() || std::string(c.html) == "<p>x</p>\n";
    CHECK(refused == (refused_expected ? 1u : 0u));
  }
}

TEST_CASE("root-relative URLs in raw HTML follow base_path, as markdown links do") {
  quire::MarkdownOptions o;
  o.base_path = "/blog/";
  CHECK(shown("<a href=\"/tags/x/\">t</a> <img src=\"/i/a.png\" srcset=\"/i/a.png 1x, /i/b.png 2x\">", o) ==
        "<p><a href=\"/blog/tags/x/\">t</a> <img src=\"/blog/i/a.png\" srcset=\"/blog/i/a.png 1x, /blog/i/b.png 2x\"></p>\n");
}

TEST_CASE("iframe hosts come from the site") {
  quire::MarkdownOptions o;
  o.iframe_hosts = "video.example";
  CHECK(shown("<iframe src=\"https://video.example/v/1\"></iframe>", o) ==
        "<iframe src=\"https://video.example/v/1\"></iframe>\n");
  CHECK(shown("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", o) == "");
  std::string hosts;
  CHECK(quire::join_iframe_hosts({"WWW.YouTube.com", "player.vimeo.com"}, hosts).empty());
  CHECK(hosts == "www.youtube.com player.vimeo.com");
  CHECK_FALSE(quire::join_iframe_hosts({"https://x.org/"}, hosts).empty());
  SUBCASE("from site.yaml") {
    quire::Site site;
    std::vector<quire::Diagnostic> errors, warnings;
    quire::parse_site_yaml("title: T\niframe_hosts: [Video.Example]\n", "site.yaml", site, errors, warnings);
    CHECK(errors.empty());
    CHECK(site.iframe_hosts == "video.example");
    quire::parse_site_yaml("title: T\niframe_hosts: [\"https://v.example/\"]\n", "site.yaml", site, errors, warnings);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].str().rfind("site.yaml:2: iframe_hosts: expected host names", 0) == 0);
    CHECK(quire::Site().iframe_hosts == quire::kDefaultIframeHosts);
  }
}

TEST_CASE("unsafe_html passes everything and the widget nothing") {
  quire::MarkdownOptions unsafe;
  unsafe.unsafe_html = true;
  CHECK(quire::render_markdown("<b onclick=\"x\">b</b>", unsafe) == "<p><b onclick=\"x\">b</b></p>\n");
  quire::MarkdownOptions widget;
  widget.drop_raw_html = true;
  CHECK(quire::render_markdown("<b>b</b>", widget) == "<p>b</p>\n");
}

TEST_CASE("the build warns once per post, with file:line and a count") {
  quire::Post p;
  p.body = std::string("Intro\n\n<script>x</script>\n\n<img src=x onerror=y>\n");
  p.summary = std::string("Intro <b onclick=z>b</b>");
  quire::Site site;
  std::vector<quire::Diagnostic> warnings;
  SUBCASE("by default") {
    quire::sanitize_post_html(p, site, "content/posts/a.md", 5, warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].str() ==
          "content/posts/a.md:7: raw HTML: 3 removed (not on the allow-list): <script> and its content (line 7); "
          "onerror on <img> (line 9); summary: onclick on <b>");
    CHECK(p.body.view() == "Intro\n\n\n\n<img src=\"x\">\n");
    CHECK(p.summary.view() == "Intro <b>b</b>");
  }
  SUBCASE("unsafe_html keeps everything, silently") {
    site.unsafe_html = true;
    quire::sanitize_post_html(p, site, "content/posts/a.md", 5, warnings);
    CHECK(warnings.empty());
    CHECK(p.body.view() == "Intro\n\n<script>x</script>\n\n<img src=x onerror=y>\n");
  }
}

TEST_CASE("thousands of raw elements left open are rewritten in linear time") {
  // Each piece was parsed behind all the elements open before it: 16,000
  // unclosed "<b title=a>" took 277 s; now the 64 innermost are its context.
  std::string post;
  for (int i = 0; i < 5000; ++i) post += "x<b title=a>y";
  const quire::SanitizedMarkdown s = quire::sanitize_raw_html(post, quire::kDefaultIframeHosts);
  CHECK(s.refused == 0);
  CHECK(s.markdown.find("x<b title=\"a\">y") == 0);
  std::size_t tags = 0;
  for (std::size_t at = s.markdown.find("<b title=\"a\">"); at != std::string::npos; at = s.markdown.find("<b title=\"a\">", at + 1)) ++tags;
  CHECK(tags == 5000);
}

TEST_CASE("the allow-list is sorted, so lookups find every element") {
  for (std::string_view name : {"a", "abbr", "td", "th", "video", "wbr", "iframe", "h6", "summary"})
    CHECK_MESSAGE(quire::find_element_rule(name) != nullptr, name);
  for (std::string_view name : {"script", "style", "svg", "math", "form", "input", "object", "embed"})
    CHECK_MESSAGE(quire::find_element_rule(name) == nullptr, name);
}

}  // TEST_SUITE
