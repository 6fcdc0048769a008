// Tests for src/core/markdown.hpp: rendering (md4c-html compatible output),
// heading ids, footnotes, the URL/raw-HTML safety policy, input hygiene,
// plain text and slugs. The policy itself is stated in markdown.hpp.
#include "core/html.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/markdown.hpp"
#include "core/post_text.hpp"

namespace {

using quire::OutputBuffer;
using quire::MarkdownOptions;
using quire::markdown_plain_text;
using quire::render_markdown;
using quire::render_markdown_into;
using quire::slugify;

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// The permalink every heading ends with (see markdown.hpp).
std::string anchor(std::string_view id) {
  return "<a class=\"heading-anchor\" href=\"#" + std::string(id) +
         "\" aria-hidden=\"true\" tabindex=\"-1\">#</a>";
}

std::string lower(std::string_view s) {
  std::string out;
  for (const char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline void append_code_point(std::string& out, char32_t cp) { quire::append_utf8(out, cp); }

// What a browser makes of an attribute value: character references decoded
// (numeric ones, and the named ones an attacker would use), then the URL
// parser's removal of whitespace and control characters, then case folding.
std::string browser_view(std::string_view value) {
  std::string decoded;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '&') {
      decoded += value[i];
      continue;
    }
    std::size_t j = i + 1;
    unsigned long cp = 0;
    if (j < value.size() && value[j] == '#') {
      ++j;
      const bool hex = j < value.size() && (value[j] == 'x' || value[j] == 'X');
      if (hex) ++j;
      while (j < value.size() && std::isxdigit(static_cast<unsigned char>(value[j]))) {
        if (!hex && !std::isdigit(static_cast<unsigned char>(value[j]))) break;
        cp = cp * (hex ? 16 : 10) +
             static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(value[j]))
                                            ? value[j] - '0'
                                            : std::tolower(static_cast<unsigned char>(value[j])) - 'a' + 10);
        if (cp > 0x10FFFF) cp = 0xFFFD;
        ++j;
      }
    } else {
      static const struct {
        const char* name;
        unsigned long cp;
      } kNamed[] = {{"amp", '&'},    {"lt", '<'},     {"gt", '>'},       {"quot", '"'},
                    {"colon", ':'},  {"tab", '\t'},   {"newline", '\n'}, {"sol", '/'},
                    {"lpar", '('},   {"rpar", ')'},   {"apos", '\''}};
      std::size_t k = j;
      while (k < value.size() && std::isalnum(static_cast<unsigned char>(value[k]))) ++k;
      const std::string name = lower(value.substr(j, k - j));
      for (const auto& named : kNamed)
        if (name == named.name) cp = named.cp;
      j = k;
    }
    if (cp == 0) {
      decoded += '&';
      continue;
    }
    append_code_point(decoded, cp);
    if (j < value.size() && value[j] == ';') ++j;
    i = j - 1;
  }
  std::string folded;
  for (const char c : decoded)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) folded += c;
  return lower(folded);
}

// The real tags of some HTML (escaped "&lt;" text is not a tag).
std::vector<std::string> tags_of(std::string_view html) {
  std::vector<std::string> tags;
  for (std::size_t at = html.find('<'); at != std::string_view::npos;
       at = html.find('<', at + 1)) {
    const std::size_t end = html.find('>', at);
    if (end == std::string_view::npos) break;
    tags.emplace_back(html.substr(at, end - at + 1));
  }
  return tags;
}

struct Attribute {
  std::string name;  // lowercased
  std::string value;
};

// The attributes of a tag as a browser tokenises them (quoted, unquoted and
// valueless attributes).
std::vector<Attribute> attributes_of(std::string_view tag) {
  std::vector<Attribute> attributes;
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  std::size_t i = 1;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>') ++i;  // tag name
  while (i < tag.size()) {
    while (i < tag.size() && (is_space(tag[i]) || tag[i] == '/')) ++i;
    if (i >= tag.size() || tag[i] == '>') break;
    Attribute attribute;
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '=' && tag[i] != '>')
      attribute.name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++])));
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && is_space(tag[i])) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        while (i < tag.size() && tag[i] != quote) attribute.value += tag[i++];
        ++i;
      } else {
        while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>') attribute.value += tag[i++];
      }
    }
    attributes.push_back(std::move(attribute));
  }
  return attributes;
}

// The safety assertions every XSS vector must pass.
void check_harmless(const std::string& html) {
  INFO("html: " << html);
  CHECK_FALSE(contains(lower(html), "<script"));
  CHECK_FALSE(contains(lower(html), "<iframe"));
  for (const std::string& tag : tags_of(html)) {
    INFO("tag: " << tag);
    for (const Attribute& attribute : attributes_of(tag)) {
      CHECK_FALSE(attribute.name.rfind("on", 0) == 0);
      const std::string seen = browser_view(attribute.value);
      CHECK_FALSE(contains(seen, "javascript:"));
      CHECK_FALSE(contains(seen, "vbscript:"));
      CHECK_FALSE(contains(seen, "data:"));
    }
  }
}

std::string unsafe(std::string_view markdown) {
  MarkdownOptions options;
  options.unsafe_html = true;
  return render_markdown(markdown, options);
}

std::string with_prefix(std::string_view markdown, std::string prefix) {
  MarkdownOptions options;
  options.id_prefix = std::move(prefix);
  return render_markdown(markdown, options);
}

const std::string kRefOne =
    "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" "
    "role=\"doc-noteref\" aria-describedby=\"footnote-label\">1</a></sup>";

}  // namespace

TEST_SUITE("markdown") {

TEST_CASE("paragraphs, emphasis and breaks render like md4c-html") {
  CHECK(render_markdown("Hello *world*") == "<p>Hello <em>world</em></p>\n");
  CHECK(render_markdown("**strong** and __also__ and _em_") ==
        "<p><strong>strong</strong> and <strong>also</strong> and <em>em</em></p>\n");
  CHECK(render_markdown("one\ntwo\n\nthree") == "<p>one\ntwo</p>\n<p>three</p>\n");
  CHECK(render_markdown("hard  \nbreak") == "<p>hard<br>\nbreak</p>\n");
  CHECK(render_markdown("a < b & \"c\" > d") ==
        "<p>a &lt; b &amp; &quot;c&quot; &gt; d</p>\n");
  CHECK(render_markdown("&copy; &#35; &#x41; &bogus;") == "<p>\xC2\xA9 # A &amp;bogus;</p>\n");
  CHECK(render_markdown("\\*not em\\*") == "<p>*not em*</p>\n");
  CHECK(render_markdown("***") == "<hr>\n");
  CHECK(render_markdown("") == "");
}

// md4c 0.4.8 reports unpaired span callbacks for emphasis marks inside a
// link's destination or title (found by fuzz_markdown); the HTML stays well
// formed: a span md4c never closes ends with its block, a close md4c never
// opened is dropped.
TEST_CASE("spans md4c leaves unpaired are closed with their block or dropped") {
  CHECK(render_markdown("*[](*)") == "<p><em><a href=\"*\"></a></em></p>\n");
  CHECK(render_markdown("*a [x](a*) b") == "<p><em>a <a href=\"a*\">x</a> b</em></p>\n");
  CHECK(render_markdown("# *[x](*)") == "<h1 id=\"x\"><em><a href=\"*\">x</a></em>" + anchor("x") + "</h1>\n");
  CHECK(render_markdown("- *[x](*)\n  - y") == "<ul>\n<li><em><a href=\"*\">x</a></em><ul>\n<li>y</li>\n</ul>\n</li>\n</ul>\n");
  CHECK(render_markdown("[l](/u \"*a\") b*") == "<p><a href=\"/u\" title=\"*a\">l</a> b</p>\n");
  CHECK(render_markdown("*a* and **b**") == "<p><em>a</em> and <strong>b</strong></p>\n");
}

TEST_CASE("render_markdown_into replaces what a reused buffer held and renders like render_markdown") {
  const std::string long_doc = "# Title\n\nSome *text*[^n] that is long enough to need room.\n\n[^n]: A note.\n";
  OutputBuffer buffer;
  CHECK(render_markdown_into(buffer, long_doc) == render_markdown(long_doc));
  // Shorter, with a heading id the first render claimed: ids are per document.
  CHECK(render_markdown_into(buffer, "# Title") == render_markdown("# Title"));
  CHECK(render_markdown_into(buffer, "") == "");
  CHECK(buffer.size() == 0);
}

TEST_CASE("lists render tight and loose, ordered with start") {
  CHECK(render_markdown("- a\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  CHECK(render_markdown("- a\n\n- b") ==
        "<ul>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ul>\n");
  CHECK(render_markdown("3. x\n4. y") == "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n");
  CHECK(render_markdown("1. x\n   - y") ==
        "<ol>\n<li>x<ul>\n<li>y</li>\n</ul>\n</li>\n</ol>\n");
}

TEST_CASE("code blocks and code spans are escaped verbatim") {
  CHECK(render_markdown("```c\nint a < b;\n```") ==
        "<pre tabindex=\"0\"><code class=\"language-c\">int a &lt; b;\n</code></pre>\n");
  CHECK(render_markdown("    indented *code*") ==
        "<pre tabindex=\"0\"><code>indented *code*\n</code></pre>\n");
  CHECK(render_markdown("use `a<b>` here") == "<p>use <code>a&lt;b&gt;</code> here</p>\n");
  CHECK(render_markdown("~~~\n<script>\n~~~") ==
        "<pre tabindex=\"0\"><code>&lt;script&gt;\n</code></pre>\n");
}

TEST_CASE("blockquotes nest blocks") {
  CHECK(render_markdown("> quote\n> - item") ==
        "<blockquote>\n<p>quote</p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>\n");
}

TEST_CASE("a GFM table renders with column alignment") {
  const std::string html = render_markdown(
      "| Left | Center | Right | None |\n"
      "|:-----|:------:|------:|------|\n"
      "| a    | *b*    | c     | d    |\n");
  CHECK(html ==
        "<table tabindex=\"0\">\n<thead>\n<tr>\n"
        "<th align=\"left\">Left</th>\n<th align=\"center\">Center</th>\n"
        "<th align=\"right\">Right</th>\n<th>None</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td align=\"left\">a</td>\n<td align=\"center\"><em>b</em></td>\n"
        "<td align=\"right\">c</td>\n<td>d</td>\n"
        "</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("strikethrough renders as del") {
  CHECK(render_markdown("~~gone~~ and ~one~") == "<p><del>gone</del> and <del>one</del></p>\n");
}

TEST_CASE("task list items render disabled checkboxes like md4c-html") {
  CHECK(render_markdown("- [ ] todo\n- [x] done\n- plain") ==
        "<ul>\n"
        "<li class=\"task-list-item\"><input type=\"checkbox\" "
        "class=\"task-list-item-checkbox\" aria-label=\"Task\" disabled>todo</li>\n"
        "<li class=\"task-list-item\"><input type=\"checkbox\" "
        "class=\"task-list-item-checkbox\" aria-label=\"Task\" disabled checked>done</li>\n"
        "<li>plain</li>\n</ul>\n");
}

// md4c 0.4.8 took any ASCII character for a scheme's first (our patch:
// cmake/md4c-0.4.8-linear.patch): a JSP or XSLT closing tag in prose was a link.
TEST_CASE("an autolink's scheme begins with a letter: a namespaced closing tag is text") {
  CHECK(render_markdown("Close it with </c:forEach> or </xsl:template>.") ==
        "<p>Close it with &lt;/c:forEach&gt; or &lt;/xsl:template&gt;.</p>\n");
  CHECK(render_markdown("<1x:y> and <-a:b>") == "<p>&lt;1x:y&gt; and &lt;-a:b&gt;</p>\n");
  CHECK(render_markdown("<https://example.com/x> <mailto:me@example.com>") ==
        "<p><a href=\"https://example.com/x\">https://example.com/x</a> "
        "<a href=\"mailto:me@example.com\">mailto:me@example.com</a></p>\n");
}

TEST_CASE("permissive autolinks recognise URLs, www and e-mail addresses") {
  SUBCASE("valid input") {
    CHECK(render_markdown("see https://example.com/a?b=1&c=2.") ==
          "<p>see <a href=\"https://example.com/a?b=1&amp;c=2\">"
          "https://example.com/a?b=1&amp;c=2</a>.</p>\n");
    CHECK(render_markdown("www.example.com") ==
          "<p><a href=\"http://www.example.com\">www.example.com</a></p>\n");
    CHECK(render_markdown("mail me@example.com") ==
          "<p>mail <a href=\"mailto:me@example.com\">me@example.com</a></p>\n");
    CHECK(render_markdown("<https://example.com>") ==
          "<p><a href=\"https://example.com\">https://example.com</a></p>\n");
  }
  SUBCASE("invalid input") {
    CHECK(render_markdown("not a link: example") == "<p>not a link: example</p>\n");
    CHECK(render_markdown("me@localhost") == "<p>me@localhost</p>\n");
  }
}

TEST_CASE("links and images keep allowed URLs, escaped like md4c-html") {
  CHECK(render_markdown("[a](http://x.org/p \"T&amp;<\")") ==
        "<p><a href=\"http://x.org/p\" title=\"T&amp;&lt;\">a</a></p>\n");
  CHECK(render_markdown("[rel](../a b)") == "<p>[rel](../a b)</p>\n");
  CHECK(render_markdown("[rel](<../a b>)") == "<p><a href=\"../a%20b\">rel</a></p>\n");
  CHECK(render_markdown("[f](#top) [p](//cdn.example/x) [m](MAILTO:a@b.c) [q](?x=[1])") ==
        "<p><a href=\"#top\">f</a> <a href=\"//cdn.example/x\">p</a> "
        "<a href=\"MAILTO:a@b.c\">m</a> <a href=\"?x=%5B1%5D\">q</a></p>\n");
  CHECK(render_markdown("[u](/caf\xC3\xA9)") == "<p><a href=\"/caf%C3%A9\">u</a></p>\n");
  CHECK(render_markdown("[r][x]\n\n[x]: https://e.org \"t\"") ==
        "<p><a href=\"https://e.org\" title=\"t\">r</a></p>\n");
  CHECK(render_markdown("![alt *text*](/i.png \"t\")") ==
        "<p><img src=\"/i.png\" loading=\"lazy\" decoding=\"async\" alt=\"alt text\" title=\"t\"></p>\n");
  CHECK(render_markdown("[path](a/b:c)") == "<p><a href=\"a/b:c\">path</a></p>\n");
}

TEST_CASE("root-relative links and images are written under the base path") {
  quire::MarkdownOptions o;
  o.base_path = "/blog/";
  CHECK(render_markdown("[t](/tags/x/) ![i](/images/a.svg) [r](/)", o) ==
        "<p><a href=\"/blog/tags/x/\">t</a> <img src=\"/blog/images/a.svg\" loading=\"lazy\" decoding=\"async\" alt=\"i\"> "
        "<a href=\"/blog/\">r</a></p>\n");
  CHECK(render_markdown("[p](//cdn.example/x) [rel](a/) [f](#f) [h](https://e.org/x)", o) ==
        "<p><a href=\"//cdn.example/x\">p</a> <a href=\"a/\">rel</a> <a href=\"#f\">f</a> "
        "<a href=\"https://e.org/x\">h</a></p>\n");
  // An author whose blog lived at /blog/ before wrote the base path in:
  // kept as written, never /blog/blog/ (with a URL base too: the widget).
  CHECK(render_markdown("[a](/blog/posts/x/) [b](/blog) [c](/blog?x) [d](/blogs/y)", o) ==
        "<p><a href=\"/blog/posts/x/\">a</a> <a href=\"/blog\">b</a> <a href=\"/blog?x\">c</a> "
        "<a href=\"/blog/blogs/y\">d</a></p>\n");
  o.url_base = "https://e.org/blog/posts/p/";
  CHECK(render_markdown("[a](/blog/posts/x/) [i](/img.png)", o) ==
        "<p><a href=\"https://e.org/blog/posts/x/\">a</a> <a href=\"https://e.org/blog/img.png\">i</a></p>\n");
  o.url_base.clear();
  o.base_path = "/a\"b/";  // not a plain path: never spliced into markup
  CHECK(render_markdown("[t](/x)", o) == "<p><a href=\"/x\">t</a></p>\n");
}

TEST_CASE("image alt text is fully escaped plain text") {
  CHECK(render_markdown("![a\"<b & c>](x.png)") ==
        "<p><img src=\"x.png\" loading=\"lazy\" decoding=\"async\" alt=\"a&quot;&lt;b &amp; c&gt;\"></p>\n");
  CHECK(render_markdown("![**bold** `c` [l](/u) ![in](/n)](x.png)") ==
        "<p><img src=\"x.png\" loading=\"lazy\" decoding=\"async\" alt=\"bold c l in\"></p>\n");
  CHECK(unsafe("![a<em>b</em>](x.png)") ==
        "<p><img src=\"x.png\" loading=\"lazy\" decoding=\"async\" alt=\"a&lt;em&gt;b&lt;/em&gt;\"></p>\n");
}

TEST_CASE("headings get ids slugged from all their text") {
  SUBCASE("valid input") {
    CHECK(render_markdown("# Hello World") == "<h1 id=\"hello-world\">Hello World" + anchor("hello-world") + "</h1>\n");
    CHECK(render_markdown("Title\n=====") == "<h1 id=\"title\">Title" + anchor("title") + "</h1>\n");
    CHECK(render_markdown("## *Em* and `code()` &amp; more") ==
          "<h2 id=\"em-and-code-more\"><em>Em</em> and <code>code()</code> "
          "&amp; more" + anchor("em-and-code-more") + "</h2>\n");
    CHECK(render_markdown("### Caf&eacute; &#35;1") ==
          "<h3 id=\"caf\xC3\xA9-1\">Caf\xC3\xA9 #1" + anchor("caf\xC3\xA9-1") + "</h3>\n");
    CHECK(render_markdown("###### [Link](/x) **x**") ==
          "<h6 id=\"link-x\"><a href=\"/x\">Link</a> <strong>x</strong>" + anchor("link-x") + "</h6>\n");
  }
  SUBCASE("invalid input") {
    CHECK(render_markdown("# !!!") == "<h1 id=\"section\">!!!" + anchor("section") + "</h1>\n");
    CHECK(render_markdown("#") == "<h1 id=\"section\">" + anchor("section") + "</h1>\n");
  }
}

TEST_CASE("duplicate heading ids get -1, -2 suffixes") {
  CHECK(render_markdown("# Intro\n## Intro\n### intro") ==
        "<h1 id=\"intro\">Intro" + anchor("intro") + "</h1>\n<h2 id=\"intro-1\">Intro" +
            anchor("intro-1") + "</h2>\n<h3 id=\"intro-2\">intro" + anchor("intro-2") + "</h3>\n");
  CHECK(render_markdown("# Intro 1\n# Intro\n# Intro") ==
        "<h1 id=\"intro-1\">Intro 1" + anchor("intro-1") + "</h1>\n<h1 id=\"intro\">Intro" +
            anchor("intro") + "</h1>\n<h1 id=\"intro-2\">Intro" + anchor("intro-2") + "</h1>\n");
  CHECK(render_markdown("# !\n# ?") ==
        "<h1 id=\"section\">!" + anchor("section") + "</h1>\n<h1 id=\"section-1\">?" +
            anchor("section-1") + "</h1>\n");
}

TEST_CASE("id_prefix is prepended to heading ids and escaped") {
  CHECK(with_prefix("# Intro\n# Intro", "post-") ==
        "<h1 id=\"post-intro\">Intro" + anchor("post-intro") + "</h1>\n<h1 id=\"post-intro-1\">Intro" +
            anchor("post-intro-1") + "</h1>\n");
  CHECK(with_prefix("# A", "a\"b-") == "<h1 id=\"a&quot;b-a\">A" + anchor("a&quot;b-a") + "</h1>\n");
}

TEST_CASE("footnotes render like GitHub's, numbered by first reference") {
  SUBCASE("a single note, exact markup") {
    CHECK(render_markdown("Text[^1].\n\n[^1]: The note.") ==
          "<p>Text" + kRefOne + ".</p>\n"
          "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"footnote-label\">\n"
          "<h2 id=\"footnote-label\" class=\"sr-only\">Footnotes</h2>\n"
          "<ol>\n"
          "<li id=\"fn-1\">\n"
          "<p>The note." "&nbsp;" "<a href=\"#fnref-1\" class=\"footnote-backref\" role=\"doc-backlink\" "
          "aria-label=\"Back to reference 1\">&#8617;</a></p>\n"
          "</li>\n"
          "</ol>\n"
          "</section>\n");
  }
  SUBCASE("numbered in order of first reference, not of definition") {
    const std::string html = render_markdown(
        "A[^z] B[^a] C[^z]\n\n[^a]: Alpha\n[^z]: Zulu\n");
    CHECK(contains(html, "<li id=\"fn-1\">\n<p>Zulu&nbsp;"));
    CHECK(contains(html, "<li id=\"fn-2\">\n<p>Alpha&nbsp;"));
    CHECK(html.find("Zulu") < html.find("Alpha"));
  }
  SUBCASE("repeated references get their own ids and back-links") {
    const std::string html = render_markdown("a[^n] b[^n] c[^n]\n\n[^n]: Note");
    CHECK(contains(html, "id=\"fnref-1\""));
    CHECK(contains(html, "id=\"fnref-1-2\""));
    CHECK(contains(html, "id=\"fnref-1-3\""));
    CHECK(contains(html,
                   "<p>Note" "&nbsp;" "<a href=\"#fnref-1\" class=\"footnote-backref\" role=\"doc-backlink\" "
                   "aria-label=\"Back to reference 1\">&#8617;</a>&nbsp;"
                   "<a href=\"#fnref-1-2\" class=\"footnote-backref\" role=\"doc-backlink\" "
                   "aria-label=\"Back to reference 1-2\">&#8617;<sup>2</sup></a>&nbsp;"
                   "<a href=\"#fnref-1-3\" class=\"footnote-backref\" role=\"doc-backlink\" "
                   "aria-label=\"Back to reference 1-3\">&#8617;<sup>3</sup></a></p>\n"));
  }
  SUBCASE("labels are case-insensitive and whitespace-normalised") {
    const std::string html = render_markdown("x[^Note One] y[^note  one]\n\n[^NOTE ONE]: N");
    CHECK(count(html, "href=\"#fn-1\"") == 2);
    CHECK(count(html, "<li id=") == 1);
  }
  SUBCASE("a definition with several paragraphs, code and a list") {
    const std::string html = render_markdown(
        "x[^long]\n\n"
        "[^long]: First paragraph\n"
        "continued lazily.\n"
        "\n"
        "    Second paragraph with [a link](https://e.org).\n"
        "\n"
        "        code block\n"
        "\n"
        "    - item one\n"
        "    - item two\n"
        "\n"
        "After the note.\n");
    CHECK(contains(html, "<li id=\"fn-1\">\n<p>First paragraph\ncontinued lazily.</p>\n"
                         "<p>Second paragraph with <a href=\"https://e.org\">a link</a>.</p>\n"
                         "<pre tabindex=\"0\"><code>code block\n</code></pre>\n"
                         "<ul>\n<li>item one</li>\n<li>item two</li>\n</ul>\n"
                         "<p><a href=\"#fnref-1\" class=\"footnote-backref\""));
    CHECK(contains(html, "<p>After the note.</p>\n<section"));
  }
  SUBCASE("the last paragraph of a note takes the back-link") {
    const std::string html = render_markdown("x[^m]\n\n[^m]: One\n\n    Two\n");
    CHECK(contains(html, "<p>One</p>\n<p>Two" "&nbsp;" "<a href=\"#fnref-1\""));
  }
  SUBCASE("notes can use the document's link reference definitions") {
    const std::string html =
        render_markdown("x[^1]\n\n[ref]: https://e.org \"T\"\n\n[^1]: See [ref].");
    CHECK(contains(html, "<p>See <a href=\"https://e.org\" title=\"T\">ref</a>."));
  }
  SUBCASE("a note may reference another note") {
    const std::string html = render_markdown("x[^a]\n\n[^a]: A[^b]\n[^b]: B\n");
    CHECK(contains(html, "<li id=\"fn-2\">\n<p>B&nbsp;"));
    CHECK(contains(html, "<p>A<sup class=\"footnote-ref\"><a href=\"#fn-2\""));
  }
}

TEST_CASE("footnote references work in lists, blockquotes, tables and headings") {
  const std::string html = render_markdown(
      "- item[^1]\n\n"
      "> quoted[^1]\n\n"
      "| a | b |\n|---|---|\n| cell[^1] | x |\n\n"
      "## Heading[^1]\n\n"
      "[^1]: N\n");
  CHECK(contains(html, "<li>item" + kRefOne + "</li>"));
  CHECK(contains(html, "<p>quoted<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\""));
  CHECK(contains(html, "<td>cell<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-3\""));
  CHECK(contains(html, "<h2 id=\"heading\">Heading<sup class=\"footnote-ref\">"));
  CHECK(count(html, "class=\"footnote-backref\"") == 4);
}

TEST_CASE("footnote references next to emphasis and autolinks stay separate") {
  const std::string html =
      render_markdown("_em_[^1] **st**[^1] see https://e.org[^1]\n\n[^1]: N");
  CHECK(contains(html, "<em>em</em><sup"));
  CHECK(contains(html, "<strong>st</strong><sup"));
  CHECK(contains(html, "<a href=\"https://e.org\">https://e.org</a><sup"));
}

TEST_CASE("footnote syntax that is not a live reference stays literal") {
  SUBCASE("undefined references") {
    CHECK(render_markdown("x[^nope]") == "<p>x[^nope]</p>\n");
  }
  SUBCASE("references in code spans and code blocks") {
    CHECK(render_markdown("`a[^1]`\n\n```\n[^1] and [^1]: x\n```\n\n[^1]: N") ==
          "<p><code>a[^1]</code></p>\n<pre tabindex=\"0\"><code>[^1] and [^1]: x\n</code></pre>\n");
  }
  SUBCASE("escaped references") {
    CHECK(render_markdown("\\[^1]\n\n[^1]: N") == "<p>[^1]</p>\n");
  }
  SUBCASE("references inside link text or image alt") {
    CHECK(render_markdown("[see [^1]](/x) ![pic [^1]](/p.png)\n\n[^1]: N") ==
          "<p><a href=\"/x\">see [^1]</a> <img src=\"/p.png\" loading=\"lazy\" decoding=\"async\" alt=\"pic [^1]\"></p>\n");
  }
  SUBCASE("an undefined reference matching a link definition md4c sees") {
    // Regression: md4c took "> [^x]: url" for a link reference definition
    // and rendered the undefined "[^x]" as a link to it.
    // (Definitions in blockquotes are footnotes now; one indented too far
    // inside a list item is what we do not extract.)
    CHECK(render_markdown("y[^x]\n\n- a\n\n    [^x]: /target\n\n[^1]: N") ==
          "<p>y[^x]</p>\n<ul>\n<li><p>a</p>\n<p>[^x]: /target</p>\n</li>\n</ul>\n");
    CHECK(render_markdown("y[^x]\n\n- a\n\n    [^x]: /target") ==
          "<p>y[^x]</p>\n<ul>\n<li><p>a</p>\n<p>[^x]: /target</p>\n</li>\n</ul>\n");
  }
  SUBCASE("a definition with a blank label is not a definition") {
    CHECK(render_markdown("a[^ ]\n\n[^ ]: text") == "<p>a[^ ]</p>\n<p>[^ ]: text</p>\n");
  }
  SUBCASE("a definition inside a fenced code block is code") {
    CHECK(render_markdown("x[^1]\n\n```\n[^1]: in code\n```") ==
          "<p>x[^1]</p>\n<pre tabindex=\"0\"><code>[^1]: in code\n</code></pre>\n");
  }
  // Each of these defeats one rule of the line scan that spares the md4c
  // pass looking for code (CodeLookup in markdown.cpp).
  SUBCASE("a definition inside an HTML block that spans blank lines is HTML") {
    MarkdownOptions unsafe;
    unsafe.unsafe_html = true;
    CHECK(render_markdown("Ref[^1]\n\n<style>\n\n[^1]: x\n</style>\n", unsafe) ==
          "<p>Ref[^1]</p>\n<style>\n\n[^1]: x\n</style>\n");
  }
  SUBCASE("a definition after a fence that a table row swallowed is code") {
    CHECK(render_markdown("Ref[^1]\n\n| a | b |\n|---|---|\n```\n\n```\n[^1]: x\n```\n").find(
              "<pre tabindex=\"0\"><code>[^1]: x\n</code></pre>\n") != std::string::npos);
  }
  SUBCASE("a definition inside a fenced code block in a list item is code") {
    CHECK(render_markdown("Ref[^1]\n\n- ```\n  [^1]: x\n  ```\n") ==
          "<p>Ref[^1]</p>\n<ul>\n<li><pre tabindex=\"0\"><code>[^1]: x\n</code></pre>\n</li>\n</ul>\n");
  }
  SUBCASE("a reference whose link-tail check reads past a removed definition") {
    // References are marked in the same scan that cuts the definitions out;
    // "[^1](" followed by a line end must still be judged on the text left
    // after the cut (here "(\n\n)": an empty inline link, so no reference),
    // not on the source's next line (the definition).
    CHECK(render_markdown("a [^1](\n[^1]: note\n\n)\n") == "<p>a [^1](</p>\n<p>)</p>\n");
  }
  SUBCASE("references sharing one run of link-tail text are each judged on their own") {
    // The link-tail check scans a run once and answers later '(' of it from
    // there: the inner "[^b](y)" is a link, the outer "[^a](" (its '('
    // never closed) a reference; "[^a]((b)" stays text, "[^c](d)" a link.
    CHECK(render_markdown("[^a](x[^b](y)\n\n[^a]: A\n").rfind("<p>" + kRefOne + "(x<a href=\"y\">^b</a></p>\n", 0) == 0);
    CHECK(render_markdown("[^a]((b)[^c](d) x") == "<p>[^a]((b)<a href=\"d\">^c</a> x</p>\n");
    // After the run: a title makes every unclosed '(' of it a link tail.
    CHECK(render_markdown("[^a](u [^b]( \"t\")") == "<p>[^a](u <a href=\"%22t%22\">^b</a></p>\n");
  }
  SUBCASE("a definition inside a code span spanning lines is code") {
    CHECK(render_markdown("Ref[^1] `a\n[^1]: x` b\n") == "<p>Ref[^1] <code>a [^1]: x</code> b</p>\n");
  }
}

TEST_CASE("a footnote definition interrupts a paragraph and leaves no heading behind") {
  // Cutting the definition out must not make "para" a setext heading.
  const std::string html = render_markdown("para\n[^1]: note\n---\n\nx[^1]");
  CHECK(html.rfind("<p>para</p>\n<hr>\n<p>x" + kRefOne + "</p>\n", 0) == 0);
  CHECK(contains(html, "<li id=\"fn-1\">\n<p>note" "&nbsp;" "<a href=\"#fnref-1\""));
  // A lazy line continues the note; a list item ends it.
  const std::string lazy = render_markdown("para[^1]\n[^1]: note\nlazy line\n- list after");
  CHECK(lazy.rfind("<p>para" + kRefOne + "</p>\n<ul>\n<li>list after</li>\n</ul>\n", 0) == 0);
  CHECK(contains(lazy, "<p>note\nlazy line" "&nbsp;" "<a href=\"#fnref-1\""));
}

TEST_CASE("one-paragraph notes share a pass, others get their own, in number order") {
  // Alpha and Charlie render in one md4c pass (renders_as_one_paragraph),
  // the list note between them in a pass of its own; the note Charlie
  // references is numbered after them, as when every note had its own pass.
  const std::string html = render_markdown(
      "x[^a] y[^b] z[^c]\n\n[^a]: Alpha *em*\n[^b]: - item\n[^c]: Charlie[^d] `code`\n[^d]: Delta\n");
  const std::string back = "<a href=\"#fnref-";
  CHECK(contains(html, "<li id=\"fn-1\">\n<p>Alpha <em>em</em>&nbsp;" + back + "1\""));
  CHECK(contains(html, "<li id=\"fn-2\">\n<ul>\n<li>item</li>\n</ul>\n<p>" + back + "2\""));
  CHECK(contains(html, "<li id=\"fn-3\">\n<p>Charlie<sup class=\"footnote-ref\"><a href=\"#fn-4\""));
  CHECK(contains(html, " <code>code</code>&nbsp;" + back + "3\""));
  CHECK(contains(html, "<li id=\"fn-4\">\n<p>Delta&nbsp;" + back + "4\""));
}

TEST_CASE("the footnote section's own markup is ASCII") {
  // An ASCII document renders to ASCII: JS decodes it to a one-byte string.
  const std::string html = render_markdown("a[^1] b[^1]\n\n[^1]: Note.\n");
  CHECK(contains(html, "&#8617;<sup>2</sup>"));
  CHECK(std::all_of(html.begin(), html.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

TEST_CASE("input_terminated reads the markdown in place, with the same HTML") {
  // A view into a buffer with a NUL after it (as the WASM bindings pass),
  // of text that needs no repair, with footnotes, and with invalid UTF-8.
  for (const std::string& doc : {std::string("1"), std::string("x[^1] *y*\n\n[^1]: N.\n"),
                                std::string("- a\n- b\xFF\n"), std::string("\xEF\xBB\xBF# T\n")}) {
    std::string buffer = doc + '\0' + "1. tail";
    MarkdownOptions terminated;
    terminated.input_terminated = true;
    CHECK(render_markdown(std::string_view(buffer.data(), doc.size()), terminated) == render_markdown(doc));
  }
}

TEST_CASE("unused footnote definitions are dropped") {
  CHECK(render_markdown("Body.\n\n[^unused]: Never shown.") == "<p>Body.</p>\n");
  const std::string html = render_markdown("x[^a]\n\n[^a]: Used\n[^b]: Unused\n");
  CHECK(contains(html, "Used&nbsp;<a"));
  CHECK_FALSE(contains(html, "Unused"));
}

TEST_CASE("the first definition of a footnote label wins") {
  const std::string html = render_markdown("x[^a]\n\n[^a]: First\n\n[^A]: Second\n");
  CHECK(contains(html, "First"));
  CHECK_FALSE(contains(html, "Second"));
}

TEST_CASE("id_prefix is applied to every footnote id") {
  const std::string html = with_prefix("# T\n\nx[^1] y[^1]\n\n[^1]: N", "p1-");
  for (const std::string_view fragment :
       {"id=\"p1-t\"", "href=\"#p1-fn-1\"", "id=\"p1-fnref-1\"", "id=\"p1-fnref-1-2\"",
        "aria-describedby=\"p1-footnote-label\"", "aria-labelledby=\"p1-footnote-label\"",
        "<h2 id=\"p1-footnote-label\"", "<li id=\"p1-fn-1\">", "href=\"#p1-fnref-1\"",
        "href=\"#p1-fnref-1-2\""})
    CHECK_MESSAGE(contains(html, fragment), fragment);
  CHECK(count(html, "id=\"") == count(html, "id=\"p1-"));
}

TEST_CASE("heading ids never collide with footnote ids") {
  const std::string html = render_markdown("# Footnote label\n# fn 1\n\nx[^1]\n\n[^1]: N");
  CHECK(contains(html, "<h1 id=\"footnote-label-1\">"));
  CHECK(contains(html, "<h1 id=\"fn-1-1\">"));
}

TEST_CASE("a heading whose every suffixed id is reserved gets one outside them, and rendering ends") {
  // Regression: "# fn" twice, or "# fnref 1", looped forever over fn-N /
  // fnref-1-N candidates, all reserved for footnotes (a frozen tab).
  SUBCASE("two headings fn") {
    const std::string html = render_markdown("# fn\n# fn\n# fn");
    CHECK(contains(html, "<h1 id=\"fn\">"));
    CHECK(contains(html, "<h1 id=\"section-fn\">"));
    CHECK(contains(html, "<h1 id=\"section-fn-1\">"));
  }
  SUBCASE("a heading fnref 1, and fnref") {
    const std::string html = render_markdown("# fnref 1\n# fnref 1\n# fnref\n# fnref");
    CHECK(contains(html, "<h1 id=\"section-fnref-1\">"));
    CHECK(contains(html, "<h1 id=\"section-fnref-1-1\">"));
    CHECK(contains(html, "<h1 id=\"fnref\">"));
    CHECK(contains(html, "<h1 id=\"section-fnref\">"));
  }
  SUBCASE("a heading quire, twice") {
    const std::string html = render_markdown("# Quire\n# Quire");
    CHECK(contains(html, "<h1 id=\"quire\">"));
    CHECK(contains(html, "<h1 id=\"section-quire\">"));
  }
}

TEST_CASE("heading ids never take an id of the page chrome") {
  // Regression: "Main", "Quire status", "Quire related" made id="main" etc.,
  // twice on the built page (the app looks quire-status up by id).
  const std::string html = render_markdown("# Main\n# Quire status\n# Quire related\n# Search q\n# Year 2024");
  for (const char* id : {"main", "quire-status", "quire-related", "search-q", "year-2024"})
    CHECK_MESSAGE(!contains(html, std::string("id=\"") + id + "\""), id);
  for (const char* id : {"main-1", "section-quire-status", "section-quire-related", "search-q-1", "section-year-2024"})
    CHECK_MESSAGE(contains(html, std::string("id=\"") + id + "\""), id);
  CHECK(quire::is_chrome_id("quire-app"));
  CHECK_FALSE(quire::is_chrome_id("quire"));
}

TEST_CASE("XSS vectors in links, images and raw HTML are neutralised") {
  const char* const vectors[] = {
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x](&#106;avascript:alert(1))",
      "[x](&#0000106;avascript:alert(1))",
      "[x](&#x6A;avascript:alert(1))",
      "[x](java&#x09;script:alert(1))",
      "[x](java&#x0D;script:alert(1))",
      "[x](javascript&colon;alert(1))",
      "[x](javascript&#58;alert(1))",
      "[x](&Tab;javascript:alert(1))",
      "[x](&#1;javascript:alert(1))",
      "[x](< javascript:alert(1)>)",
      "[x](<\tjavascript:alert(1)>)",
      "[x](vbscript:msgbox(1))",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[x](DATA:text/html,<script>alert(1)</script>)",
      "[x][r]\n\n[r]: javascript:alert(1)",
      "[x][r]\n\n[r]: &#x6a;avascript:alert(1) \"t\"",
      "[r]\n\n[r]: <java\\\nscript:alert(1)>",
      "<javascript:alert(1)>",
      "<JAVASCRIPT:alert(1)>",
      "<vbscript:msgbox(1)>",
      "![x](javascript:alert(1))",
      "![x](&#106;avascript:alert(1))",
      "![x](data:image/svg+xml,<svg onload=alert(1)>)",
      "![x\" onerror=\"alert(1)](y.png)",
      "[x](y \"\\\" onmouseover=alert(1)\")",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<svg><script>alert(1)</script></svg>",
      "<div onclick=\"alert(1)\">x</div>",
      "x[^1]\n\n[^1]: [y](javascript:alert(1)) <script>alert(1)</script>",
      "| a |\n|---|\n| [x](javascript:alert(1)) |",
  };
  for (const std::string vector : vectors) {
    INFO("markdown: " << vector);
    check_harmless(render_markdown(vector));
  }
}

TEST_CASE("a refused link keeps its text and a refused image its alt text") {
  CHECK(render_markdown("[click *me*](javascript:alert(1))") ==
        "<p>click <em>me</em></p>\n");
  CHECK(render_markdown("[a](&#106;avascript:alert(1)) [b](java&#x09;script:x)") ==
        "<p>a b</p>\n");
  CHECK(render_markdown("![a \"pic\" <x & y>](javascript:alert(1))") ==
        "<p>a &quot;pic&quot; &lt;x &amp; y&gt;</p>\n");
  CHECK(render_markdown("<javascript:alert(1)>") == "<p>javascript:alert(1)</p>\n");
  CHECK_FALSE(contains(lower(render_markdown("[x](JaVaScRiPt:alert(1)) [y][r]\n\n[r]: javascript:z")),
                       "javascript"));
}

TEST_CASE("raw HTML is omitted unless unsafe_html is set") {
  SUBCASE("default") {
    CHECK(render_markdown("<script>alert(1)</script>") == "");
    CHECK(render_markdown("a <b onclick=\"x\">b</b>") == "<p>a b</p>\n");
    CHECK(render_markdown("Hello <span style=\"color: red\">world</span>!\n\n<img src=x onerror=alert(1)>\n\nEnd") ==
          "<p>Hello world!</p>\n<p>End</p>\n");
    CHECK(render_markdown("`<b>code</b>`") == "<p><code>&lt;b&gt;code&lt;/b&gt;</code></p>\n");
  }
  SUBCASE("unsafe_html passes HTML through") {
    CHECK(unsafe("<div class=\"box\">\n*hi*\n</div>") == "<div class=\"box\">\n*hi*\n</div>\n");
    CHECK(unsafe("a <b>bold</b> <!-- c -->") == "<p>a <b>bold</b> <!-- c --></p>\n");
    CHECK(unsafe("<iframe src=\"https://e.org\"></iframe>") ==
          "<iframe src=\"https://e.org\"></iframe>\n");
  }
  SUBCASE("unsafe_html still filters markdown link URLs") {
    CHECK(unsafe("[x](javascript:alert(1))") == "<p>x</p>\n");
  }
}

TEST_CASE("input is cleaned into valid UTF-8 before parsing") {
  const std::string fffd = "\xEF\xBF\xBD";
  SUBCASE("valid input") {
    CHECK(render_markdown("\xEF\xBB\xBFTitle") == "<p>Title</p>\n");
    CHECK(render_markdown("\xEF\xBB\xBF# Title") == "<h1 id=\"title\">Title" + anchor("title") + "</h1>\n");
    CHECK(render_markdown("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") ==
          "<p>caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80</p>\n");
    CHECK(render_markdown("a\xEF\xBB\xBF") == "<p>a\xEF\xBB\xBF</p>\n");  // only a leading BOM goes
  }
  SUBCASE("invalid input") {
    CHECK(render_markdown("a\xC0\xAFz") == "<p>a" + fffd + fffd + "z</p>\n");           // overlong
    CHECK(render_markdown("a\xED\xA0\x80z") == "<p>a" + fffd + fffd + fffd + "z</p>\n"); // surrogate
    CHECK(render_markdown("a\xE2\x82") == "<p>a" + fffd + "</p>\n");                      // truncated
    CHECK(render_markdown("a\xF4\x90\x80\x80z") ==
          "<p>a" + fffd + fffd + fffd + fffd + "z</p>\n");                                // > U+10FFFF
    CHECK(render_markdown("a\x80z\xFF") == "<p>a" + fffd + "z" + fffd + "</p>\n");        // stray bytes
    CHECK(render_markdown(std::string_view("a\0b", 3)) == "<p>a" + fffd + "b</p>\n");     // NUL
    CHECK(render_markdown("a\xF4\x8F\xB0\x81z") == "<p>a" + fffd + "z</p>\n");            // reserved
    CHECK(render_markdown("&#0; &#xD800; &#x110000;") ==
          "<p>" + fffd + " " + fffd + " " + fffd + "</p>\n");
  }
}

TEST_CASE("CRLF and lone CR end lines as LF does, in md4c and in the footnote pre-pass") {
  {
    CHECK(render_markdown("a\r\nb\r\n\r\n# H\r\n") == "<p>a\nb</p>\n<h1 id=\"h\">H" + anchor("h") + "</h1>\n");
    CHECK(render_markdown("a\rb\r\r- x\r- y\r") ==
          "<p>a\nb</p>\n<ul>\n<li>x</li>\n<li>y</li>\n</ul>\n");
    CHECK(render_markdown("```\r\ncode\r\n```\r\n") == "<pre tabindex=\"0\"><code>code\n</code></pre>\n");
    CHECK(render_markdown("x[^1]\r\n\r\n[^1]: N\r\n    more\r\n") ==
          "<p>x" + kRefOne +
              "</p>\n<section class=\"footnotes\" role=\"doc-endnotes\" "
              "aria-labelledby=\"footnote-label\">\n<h2 id=\"footnote-label\" "
              "class=\"sr-only\">Footnotes</h2>\n<ol>\n<li id=\"fn-1\">\n<p>N\nmore&nbsp;"
              "<a href=\"#fnref-1\" class=\"footnote-backref\" role=\"doc-backlink\" "
              "aria-label=\"Back to reference 1\">&#8617;</a></p>\n</li>\n</ol>\n</section>\n");
    // The footnote pre-pass finds lines (fences, blank lines, definitions)
    // forwards and backwards from where it jumps to: a definition inside a
    // CRLF fence is code, one after it, or after lone CRs, is a note.
    for (const std::string br : {"\r\n", "\r"}) {
      const std::string html = render_markdown("x[^1]" + br + br + "```" + br + "[^1]: in code" + br + "```" + br +
                                               br + "[^1]: note" + br);
      CHECK(contains(html, "<pre tabindex=\"0\"><code>[^1]: in code\n</code></pre>\n<section"));
      CHECK(contains(html, "<p>note" "&nbsp;" "<a href=\"#fnref-1\""));
    }
  }
}

TEST_CASE("plain text drops markup, notes and references") {
  SUBCASE("valid input") {
    CHECK(markdown_plain_text("# Title\n\nSome *em* and `code <x>`.\n\n- a\n- b") ==
          "Title Some em and code <x>. a b");
    CHECK(markdown_plain_text("[link text](http://x) ![alt words](i.png) &amp; &copy;") ==
          "link text alt words & \xC2\xA9");
    CHECK(markdown_plain_text("Text[^1] more.\n\n[^1]: Hidden note.") == "Text more.");
    CHECK(markdown_plain_text("`[^1]` [^none]\n\n[^1]: N") == "[^1] [^none]");
    CHECK(markdown_plain_text("a <b>bold</b>\n\n<div>\nblock html\n</div>\n\nz") ==
          "a bold z");
    CHECK(markdown_plain_text("| h1 | h2 |\n|----|----|\n| c1 | c2 |") == "h1 h2 c1 c2");
    CHECK(markdown_plain_text("line one\nline  two  \nthree\n\n\n   four   ") ==
          "line one line two three four");
  }
  SUBCASE("invalid input") {
    CHECK(markdown_plain_text("") == "");
    CHECK(markdown_plain_text("   \n\n\t ") == "");
    CHECK(markdown_plain_text("a\xFFz") == "a\xEF\xBF\xBDz");
  }
}

TEST_CASE("the first paragraph is found by md4c's block structure, not by how its line starts") {
  using quire::first_paragraph;
  SUBCASE("valid input") {
    // Emphasis, strong text and numbers open paragraphs, not lists or breaks.
    CHECK(first_paragraph("**Update:** this is the intro.\n\nLater.") == "**Update:** this is the intro.");
    CHECK(first_paragraph("*Emphasis* first.\n\nLater.") == "*Emphasis* first.");
    CHECK(first_paragraph("2024 was a good year.\n\nLater.") == "2024 was a good year.");
    CHECK(first_paragraph("-dash, then text.\n\nLater.") == "-dash, then text.");
    // Reference links take the definitions they use along (drivet's summaries
    // showed "[Christopher Nolan][17]"); unused ones and other brackets stay out.
    const std::string refs = "I saw [Nolan][17]'s [The Odyssey] and [Other].\n\nMore.\n\n[the odyssey]: /o\n[17]: /n \"N\"\n[x]: /x\n";
    CHECK(first_paragraph(refs) == "I saw [Nolan][17]'s [The Odyssey] and [Other].\n\n[the odyssey]: /o\n[17]: /n \"N\"");
    CHECK(quire::post_text(refs, true).first_paragraph == first_paragraph(refs));
    CHECK(first_paragraph("A [b][1] note[^n].\n\n[^n]: N\n\n[1]: /one\n") == "A [b][1] note.\n\n[1]: /one");
    // A definition shown in a code block is no definition of the post's
    CHECK(first_paragraph("See [1].\n\n```\n\n[1]: /in-code\n```\n") == "See [1].");
    CHECK(first_paragraph("+1 for this.\n\nLater.") == "+1 for this.");
    CHECK(first_paragraph("\\- escaped\ncontinued  \n\nLater.") == "\\- escaped\ncontinued");
    // Blocks that are not paragraphs are passed over.
    CHECK(first_paragraph("- item\n\nPara.") == "Para.");
    CHECK(first_paragraph("* item\n+ item\n\n2. item\n3) item\n\nPara.") == "Para.");
    CHECK(first_paragraph("---\n\n***\n\n* * *\n\n_ _ _\n\nPara.") == "Para.");
    CHECK(first_paragraph("# H\n\nSetext\n===\n\n> quote\n\n    code\n\n```\nfence\n```\n\nPara.") == "Para.");
    CHECK(first_paragraph("| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>\nhtml\n</div>\n\nPara.") == "Para.");
    CHECK(first_paragraph("![img](x.png)\n\n[![badge](b.svg)](https://x.org)\n\nPara.") == "Para.");
    CHECK(first_paragraph("[ref]: https://x.org\nText with [a link][ref].\n\nLater.") ==
          "Text with [a link][ref].\n\n[ref]: https://x.org");
    CHECK(first_paragraph("See [a].\n\n[a]:\n  /dest\n  \"Title\"\nNext paragraph text.\n") == "See [a].\n\n[a]:\n  /dest\n  \"Title\"");
    // Footnotes: definitions are not paragraphs, references are left out.
    CHECK(first_paragraph("[^1]: A note.\n\nAside[^1] here.\n\n") == "Aside here.");
    CHECK(first_paragraph("  Indented a little\nand continued.\n") == "Indented a little\nand continued.");
    CHECK(first_paragraph("One\r\ntwo\r\n\r\nThree") == "One\r\ntwo");
    // Blank lines inside a fence or a loose list do not end them.
    std::string fenced = "```\n";
    for (int i = 0; i < 2000; ++i) fenced += "not a paragraph\n\n";
    CHECK(first_paragraph(fenced + "```\n\nAfter the fence.") == "After the fence.");
    std::string listed;
    for (int i = 0; i < 3000; ++i) listed += "- item\n\n";
    CHECK(first_paragraph(listed + "Heading\n===\n\nAfter the list.") == "After the list.");
    CHECK(first_paragraph(listed + "\n\n\nLast line.") == "Last line.");
  }
  SUBCASE("invalid input") {
    CHECK(first_paragraph("") == "");
    CHECK(first_paragraph("# Only a heading\n\n- and a list\n") == "");
    CHECK(first_paragraph("![](x.png)") == "");
    CHECK(first_paragraph("a\xFFz") == "a\xEF\xBF\xBDz");
  }
}

TEST_CASE("slugify lowercases, keeps letters and digits, dashes the rest") {
  SUBCASE("valid input") {
    CHECK(slugify("Hello World") == "hello-world");
    CHECK(slugify("  C++17 -- the *good* parts!  ") == "c-17-the-good-parts");
    CHECK(slugify("Version 2.0.1") == "version-2-0-1");
    CHECK(slugify("Caf\xC3\xA9 \xC3\x9C" "ber") == "caf\xC3\xA9-\xC3\xBC" "ber");
    // Non-ASCII capitals are lowercased: Latin Extended-A, Greek, Cyrillic.
    CHECK(slugify("\xC5\x81\xC3\x93" "D\xC5\xB9") == "\xC5\x82\xC3\xB3" "d\xC5\xBA");         // ŁÓDŹ
    CHECK(slugify("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91") == "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");  // ΑΘΗΝΑ
    CHECK(slugify("\xD0\x9C\xD0\x98\xD0\xA0") == "\xD0\xBC\xD0\xB8\xD1\x80");  // МИР
    CHECK(slugify("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
    CHECK(slugify("a \xE2\x80\x94 b\xC2\xA0" "c") == "a-b-c");  // em dash, no-break space
    CHECK(slugify("snake_case and-dash") == "snake-case-and-dash");
  }
  SUBCASE("invalid input") {
    CHECK(slugify("") == "");
    CHECK(slugify("!!! ---") == "");
    CHECK(slugify("a\xFF\xC0z") == "a-z");
  }
}

TEST_CASE("pathological inputs complete and produce output") {
  const auto repeat = [](std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out.append(s);
    return out;
  };
  std::vector<std::pair<const char*, std::string>> inputs = {
      {"nested brackets", repeat("[", 30000) + "a" + repeat("]", 30000)},
      {"unclosed brackets", repeat("[", 30000)},
      {"nested strong emph", repeat("*a **a ", 30000) + "b" + repeat(" a** a*", 30000)},
      {"emph closers without openers", repeat("a_ ", 30000)},
      {"emph openers without closers", repeat("_a ", 30000)},
      {"mismatched openers and closers", repeat("*a_ ", 30000)},
      {"link openers and emph closers", repeat("[ a_", 30000)},
      {"nested block quotes", repeat("> ", 30000) + "a"},
      {"deeply nested lists", [&] {
         std::string s;
         for (std::size_t i = 0; i < 1000; ++i) s += repeat("  ", i) + "* a\n";
         return s;
       }()},
      {"broken thematic break", repeat("* ", 30000) + "a"},
      {"many backticks", [&] {
         std::string s;
         for (std::size_t i = 1; i < 1000; ++i) s += "e" + repeat("`", i);
         return s;
       }()},
      {"html openers", repeat("<>", 30000)},
      {"broken link titles", repeat("[ (](", 30000)},
      {"many references", [&] {
         std::string s;
         for (int i = 1; i < 20000; ++i) s += "[" + std::to_string(i) + "]: u\n";
         return s + repeat("[0] ", 5000);
       }()},
      {"footnote openers", repeat("[^", 50000)},
      // One link-tail scan per "[^a](" over the run after it: 7 s natively.
      {"footnote references as link tails", repeat("[^a](", 50000)},
      // md4c 0.4.8's permissive autolinks: 1.4 s at 20,000 natively.
      {"bare URLs with marks", repeat("http://a.b/~", 50000)},
      // md4c 0.4.8 itself, linear with cmake/md4c-0.4.8-linear.patch: nested
      // labels hashed whole (md4c issue 172: 1.9 s at 20,000), and each
      // label's line found from the paragraph's first line.
      {"nested brackets with a definition", "[x]: /foo\n\n" + repeat("[", 50000) + repeat("]", 50000)},
      {"a bracket pair on every line of a paragraph", "[b]: /u\n\n" + repeat("[b]\n", 50000)},
      // ... and each "](" its line the same way (md4c issue 236): 0.7 s at
      // 64,000 natively.
      {"a link opener on every line of a paragraph", repeat("[a](\n", 64000)},
      {"footnote references", repeat("x[^a]", 30000) + "\n\n[^a]: note\n"},
      {"footnote chain", [&] {
         std::string s = "[^0]\n\n";
         for (int i = 0; i < 3000; ++i)
           s += "[^" + std::to_string(i) + "]: see [^" + std::to_string(i + 1) + "]\n";
         return s;
       }()},
      {"long footnote labels", repeat("[^" + repeat("a", 998), 200)},
      {"duplicate headings", repeat("# same\n", 10000)},
      // Stray raw end tags under many open elements: each searched the
      // open stack (0.7 s at 64,000 natively).
      {"stray raw end tags", repeat("<ul></span>", 64000)},
  };
  for (const auto& named_input : inputs) {
    const std::string& input = named_input.second;
    INFO("case: " << std::string(named_input.first));
    CHECK_FALSE(render_markdown(input).empty());
    // Some cases (the footnote chain) have no plain text; it must just finish.
    (void)markdown_plain_text(input);
  }
}

TEST_CASE("what reference links add to the output is bounded (md4c issue 238)") {
  const auto repeat = [](std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.append(s);
    return out;
  };
  // One long definition used on every line: 15 KB made 9 MB of HTML.
  const std::string hostile = "[x]: /" + repeat("x", 3000) + repeat("\n[x]", 3000);
  const std::string html = render_markdown(hostile);
  CHECK(html.size() < 20 * hostile.size());
  CHECK(html.find("<a href=\"/xxx") != std::string::npos);  // the first ones link
  CHECK(html.find("[x]") != std::string::npos);            // the rest stay text
  // A real post's references are far below the bound: all link.
  const std::string post = "[a]: https://example.org/a/long/enough/address\n\n" + repeat("See [a]. ", 500);
  const std::string linked = render_markdown(post);
  CHECK(linked.find("[a]") == std::string::npos);
  std::size_t links = 0;
  for (std::size_t at = linked.find("<a href"); at != std::string::npos; at = linked.find("<a href", at + 1)) ++links;
  CHECK(links == 500);
}

TEST_CASE("reference links around and inside brackets resolve as CommonMark says") {
  // cmake/md4c-0.4.8-linear.patch refuses a label with an unescaped
  // bracket early; escaped ones and brackets around a label still work.
  CHECK(render_markdown("[a\\[b] and [[x]] and [y][a\\[b]\n\n[a\\[b]: /u\n[x]: /v\n") ==
        "<p><a href=\"/u\">a[b</a> and [<a href=\"/v\">x</a>] and <a href=\"/u\">y</a></p>\n");
  CHECK(render_markdown("[x\n[y]\nz]\n\n[y]: /w\n") == "<p>[x\n<a href=\"/w\">y</a>\nz]</p>\n");
}

TEST_CASE("a document with thousands of bare URLs keeps them as text") {
  // md4c 0.4.8's permissive autolinks are quadratic in a paragraph's URLs
  // ("http://a.b/~" 20,000 times took 1.4 s): past 2,048 they stay text.
  std::string many;
  for (int i = 0; i < 4000; ++i) many += "http://a.b/~ www.c.d ";
  const std::string html = render_markdown(many + "<https://e.f/>\n");
  CHECK_FALSE(contains(html, "<a href=\"http://a.b/~\""));
  CHECK_FALSE(contains(html, "<a href=\"http://www.c.d\""));
  CHECK(contains(html, "http://a.b/~ www.c.d"));
  CHECK(contains(html, "<a href=\"https://e.f/\">"));  // angle brackets still link
  // A long document with fewer of them (scanned: over 64 KB) links each.
  std::string few = std::string(70000, 'x') + "\n\n";
  for (int i = 0; i < 100; ++i) few += "see http://a.b/c and ";
  const std::string linked = render_markdown(few);
  std::size_t links = 0;
  for (std::size_t at = linked.find("<a href=\"http://a.b/c\">"); at != std::string::npos;
       at = linked.find("<a href=\"http://a.b/c\">", at + 1))
    ++links;
  CHECK(links == 100);
}

TEST_CASE("url_base resolves relative links and images as a browser on that page would") {
  MarkdownOptions o;
  o.url_base = "https://blog.example/base/posts/hello/";
  const std::string html = render_markdown(
      "[root](/images/a.png) [dir](b.html) [query](?q=1) [up](../x/) [proto](//cdn.example/c) "
      "[abs](http://other.example/) [mail](mailto:a@b.c) [frag](#notes)[^1] ![img](/images/i.png)\n\n"
      "[^1]: Note.\n",
      o);
  CHECK(contains(html, "href=\"https://blog.example/images/a.png\""));
  CHECK(contains(html, "href=\"https://blog.example/base/posts/hello/b.html\""));
  CHECK(contains(html, "href=\"https://blog.example/base/posts/hello/?q=1\""));
  CHECK(contains(html, "href=\"https://blog.example/base/posts/hello/../x/\""));
  CHECK(contains(html, "href=\"https://cdn.example/c\""));
  CHECK(contains(html, "href=\"http://other.example/\""));
  CHECK(contains(html, "href=\"mailto:a@b.c\""));
  CHECK(contains(html, "href=\"#notes\""));
  CHECK(contains(html, "href=\"#fn-1\""));  // footnote links stay in the document
  CHECK(contains(html, "src=\"https://blog.example/images/i.png\""));
  SUBCASE("refused URLs stay refused") {
    CHECK_FALSE(contains(render_markdown("[x](javascript:alert(1))", o), "href"));
  }
  SUBCASE("without url_base nothing changes") {
    CHECK(contains(render_markdown("[root](/images/a.png)"), "href=\"/images/a.png\""));
  }
}

}  // TEST_SUITE

TEST_SUITE("markdown") {
  TEST_CASE("derived text counts words from the rendered text, CJK by character") {
    quire::TextStats s = quire::text_stats("# Title\n\nSome *emphasised* words[^1] and `code`.\n\n[^1]: Not counted.\n");
    CHECK(s.plain_text == "Title Some emphasised words and code.");
    CHECK(s.words == 6);
    CHECK(s.reading_minutes == 1);
    SUBCASE("markup does not count as words") {
      CHECK(quire::text_stats("[link text](https://example.com/a/very/long/url) ![alt](x.png)").words == 3);
    }
    SUBCASE("CJK characters each count, and read faster") {
      quire::TextStats cjk = quire::text_stats("日本語の文章です。Hello world");
      CHECK(cjk.cjk_chars == 8);
      CHECK(cjk.words == 10);
      std::string long_cjk;
      for (int i = 0; i < 1000; ++i) long_cjk += "字";
      CHECK(quire::text_stats(long_cjk).reading_minutes == 2);  // 1000 / 500
    }
    SUBCASE("long texts round up") {
      std::string words;
      for (int i = 0; i < 221; ++i) words += "word ";
      CHECK(quire::text_stats(words).reading_minutes == 2);
    }
  }
}

TEST_SUITE("markdown") {
  // md4c 0.4.8 reads one byte past the end of its input (fixed upstream in
  // 0.5.0); the renderer hands it a NUL-terminated copy, so a view into a
  // larger buffer renders as the same text on its own does.
  TEST_CASE("a view into a larger buffer renders as its text alone (md4c reads one byte past its input)") {
    const std::string buffer = "1.";
    const std::string_view one(buffer.data(), 1);
    CHECK(render_markdown(one) == "<p>1</p>\n");  // it was <ol><li></li></ol>: md4c saw the '.'
    CHECK(quire::markdown_plain_text(one) == "1");
    CHECK(quire::first_paragraph(one) == "1");
    SUBCASE("every prefix of a document") {
      const std::string doc = "1. [a](b) *c* <x> `d`[^n]\n\n> 2) [e]: f\n\n[^n]: 3.\n";
      for (std::size_t n = 0; n <= doc.size(); ++n) {
        CAPTURE(n);
        const std::string_view prefix(doc.data(), n);
        const std::string alone(prefix);
        CHECK(render_markdown(prefix) == render_markdown(alone));
        CHECK(quire::markdown_plain_text(prefix) == quire::markdown_plain_text(alone));
        CHECK(quire::first_paragraph(prefix) == quire::first_paragraph(alone));
      }
    }
  }
}

// md4c 0.4.8 wrote every code line's indentation as spaces: a Makefile
// copied from the page failed ("missing separator"). Our patch to it
// (cmake/md4c-0.4.8-linear.patch) keeps a fenced block's tabs at the margin;
// where the structure takes columns (a list item, indented code) spaces stay.
TEST_CASE("a fenced block's leading tabs are kept; indentation inside containers stays spaces") {
  const std::string make = quire::render_markdown("```make\nall:\n\tcc -o a a.c\n\t  x\n```\n");
  CHECK(make.find("all:\n\tcc -o a a.c\n\t  x\n</code>") != std::string::npos);
  const std::string spaces = quire::render_markdown("```\n    four\n```\n");
  CHECK(spaces.find("<code>    four\n</code>") != std::string::npos);
  // Indented code: the first tab is the block's own indentation (CommonMark).
  const std::string indented = quire::render_markdown("\tfoo\n");
  CHECK(indented.find("<code>foo\n</code>") != std::string::npos);
  // In a list item the structure takes columns: spaces, as before.
  const std::string listed = quire::render_markdown("- item\n\n  ```\n  \tx\n  ```\n");
  CHECK(listed.find("<code>  x\n</code>") != std::string::npos);
}
