// Input hygiene on every path text takes into the core: markdown, post
// files (front matter and body), site.yaml, bundles and routes. Invalid
// UTF-8 and NUL become U+FFFD (never passed through), a BOM is stripped,
// CRLF and lone CR end lines.
#include <doctest/doctest.h>

#include "text_match.hpp"

#include <string>
#include <vector>

#include "build/content.hpp"
#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

using quire_test::count;
using quire_test::has;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

bool valid_utf8(const std::string& s) { return quire::sanitize_utf8(s) == s; }

quire::ParsedPost parse(const std::string& text, std::vector<quire::Diagnostic>& warnings) {
  std::vector<quire::Diagnostic> errors;
  quire::ParsedPost p = quire::parse_post(text, "content/posts/x.md", errors, warnings);
  for (const auto& e : errors) FAIL_CHECK(e.str());
  return p;
}

}  // namespace

TEST_SUITE("hygiene") {

TEST_CASE("markdown: invalid UTF-8 and NUL become U+FFFD, a BOM goes, CR and CRLF end lines") {
  CHECK(quire::render_markdown("\xEF\xBB\xBFHi") == "<p>Hi</p>\n");
  CHECK(quire::render_markdown("a\xC3(b\xF0\x9F") == "<p>a" + kFffd + "(b" + kFffd + "</p>\n");
  CHECK(quire::render_markdown(std::string("a\0b", 3)) == "<p>a" + kFffd + "b</p>\n");
  CHECK(quire::render_markdown("\xED\xA0\x80") == "<p>" + kFffd + kFffd + kFffd + "</p>\n");  // surrogate
  CHECK(quire::render_markdown("\xC0\xAF") == "<p>" + kFffd + kFffd + "</p>\n");              // overlong
  CHECK(quire::render_markdown("a\rb\r\rc") == "<p>a\nb</p>\n<p>c</p>\n");
  CHECK(quire::render_markdown("a\r\nb\r\n\r\nc") == "<p>a\nb</p>\n<p>c</p>\n");
  CHECK(quire::markdown_plain_text("x\xFF" "y") == "x" + kFffd + "y");
  CHECK(quire::slugify("a\xFF" "b") == "a-b");
}

TEST_CASE("a post file with a BOM and lone CR line endings parses like one with LF") {
  std::vector<quire::Diagnostic> warnings;
  const std::string lf = "---\ntitle: T\ndate: 2024-01-02\ntags: [a]\n---\nBody line\n\nSecond\n";
  std::string cr = "\xEF\xBB\xBF" + lf;
  for (char& c : cr)
    if (c == '\n') c = '\r';
  std::string crlf;
  for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const quire::ParsedPost a = parse(lf, warnings);
  const quire::ParsedPost b = parse(cr, warnings);
  const quire::ParsedPost c = parse(crlf, warnings);
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  REQUIRE(c.ok);
  CHECK(b.post.title == "T");
  CHECK(b.post.body == a.post.body);
  CHECK(c.post.body == a.post.body);
  CHECK(b.post.tags == a.post.tags);
  CHECK(warnings.empty());
}

TEST_CASE("invalid UTF-8 and NUL in a post become U+FFFD with a warning naming the line") {
  std::vector<quire::Diagnostic> warnings;
  const std::string text = std::string("---\ntitle: \"Caf\xE9\"\ndate: 2024-01-02\n---\nBody \xFF\n") +
                           std::string("nul \0 here\n", 11);
  const quire::ParsedPost p = parse(text, warnings);
  REQUIRE(p.ok);
  CHECK(p.post.title == "Caf" + kFffd);
  CHECK(has(p.post.body.str(), "Body " + kFffd));
  CHECK(has(p.post.body.str(), "nul " + kFffd + " here"));
  CHECK(valid_utf8(p.post.summary.str()));
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].line == 2);
  CHECK(warnings[1].line == 5);
}

TEST_CASE("site.yaml with a BOM, lone CRs and invalid UTF-8 loads cleanly") {
  quire::Site site;
  std::vector<quire::Diagnostic> errors, warnings;
  quire::parse_site_yaml("\xEF\xBB\xBFtitle: \"Bad \xFF\"\rdescription: D\rposts_per_page: 3\r", "site.yaml", site,
                         errors, warnings);
  CHECK(errors.empty());
  CHECK(site.title == "Bad " + kFffd);
  CHECK(site.description == "D");
  CHECK(site.posts_per_page == 3);
  CHECK(warnings.size() == 1);
}

TEST_CASE("a bundle's strings never carry NUL or invalid UTF-8 into views") {
  const std::string bundle =
      "\xEF\xBB\xBF{\"format\":\"quire-bundle\",\"version\":1,\"site\":{\"title\":\"S\\u0000T\"},"
      "\"posts\":[{\"slug\":\"p\",\"title\":\"A\\u0000B\",\"date\":\"2024-01-02\","
      "\"tags\":[\"t\\u0000g\"],\"summary\":\"s\\u0000\",\"body\":\"b\\u0000\\r\\nc\"}]}";
  quire::LoadResult r = quire::load_bundle(bundle);
  REQUIRE_MESSAGE(r.ok, r.message);
  CHECK(r.bundle.site.title == "S" + kFffd + "T");
  CHECK(r.bundle.posts[0].title.view().find('\0') == std::string::npos);
  CHECK(valid_utf8(r.bundle.posts[0].title.str()));
  for (const char* path : {"/", "/posts/p/", "/tags/", "/archive/", "/search/?q=%FF%00", "/tags/%FF/"}) {
    const quire::View v = quire::render_view(r.bundle, quire::parse_route(path));
    const std::string doc = quire::render_document(r.bundle, v);
    CAPTURE(path);
    CHECK(valid_utf8(doc));
    CHECK(doc.find('\0') == std::string::npos);
  }
}

TEST_CASE("routes decode percent escapes into valid UTF-8 only") {
  const quire::Route r = quire::parse_route("/search/?q=%FF%C3%28%00x");
  CHECK(r.kind == quire::RouteKind::Search);
  CHECK(valid_utf8(r.query));
  CHECK(r.query.find('\0') == std::string::npos);
  CHECK(valid_utf8(quire::parse_route("/posts/%C0%AF/").slug));
}

}  // TEST_SUITE
