// A small deterministic fuzz loop (fixed seed, bounded iterations, well
// under a second) over the core's entry points for untrusted text:
// render_markdown, markdown_plain_text, first_paragraph, load_bundle and
// parse_route. Inputs are built from markdown-significant fragments, random
// bytes and invalid UTF-8. Asserts: no crash, and output that is valid UTF-8.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace {

const std::vector<std::string> kFragments = {
    "[^", "]", "]:", "[", "](", ")", "(", "<", ">", "</", "<!--", "-->", "*", "**", "_", "~~", "`", "```",
    "~~~", "\n", "\r", "\r\n", "\n\n", "    ", "\t", "> ", "- ", "1. ", "- [x] ", "# ", "###### ", "===", "---",
    "|", "|---|", ":", "&", "&amp;", "&#", "&#x", ";", "javascript:", "http://", "www.", "@", "\\", "!", "\"",
    "'", "a", "Z", "0", " ", "\xC3\xA9", "\xE2\x86\xA9", "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xED\xA0\x80",
    "\xEF\xBB\xBF", std::string(1, '\0'), "\xF4\x8F\xB0\x80", "<script>", "<div>", "<!-->", "[^1]: ", "[^1]"};

std::string random_text(std::mt19937& rng, std::size_t max_pieces) {
  std::uniform_int_distribution<std::size_t> pieces(0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, kFragments.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> coin(0, 9);
  std::string s;
  const std::size_t n = pieces(rng);
  for (std::size_t i = 0; i < n; ++i) {
    if (coin(rng) == 0) s += static_cast<char>(byte(rng));
    else s += kFragments[pick(rng)];
  }
  return s;
}

bool valid_utf8(const std::string& s) { return quire::sanitize_utf8(s) == s; }

}  // namespace

TEST_SUITE("fuzz") {

TEST_CASE("random markdown never crashes the renderer and always gives valid UTF-8") {
  std::mt19937 rng(20240502);
  quire::MarkdownOptions unsafe;
  unsafe.unsafe_html = true;
  for (int i = 0; i < 10000; ++i) {
    const std::string input = random_text(rng, 120);
    const std::string html = quire::render_markdown(input);
    if (!valid_utf8(html)) FAIL("invalid UTF-8 for input #" << i << ": " << input);
    if (!valid_utf8(quire::markdown_plain_text(input))) FAIL("plain text, input #" << i);
    if (!valid_utf8(quire::first_paragraph(input))) FAIL("first paragraph, input #" << i);
    // Raw HTML passes through untouched only when allowed; still valid UTF-8.
    if (!valid_utf8(quire::render_markdown(input, unsafe))) FAIL("unsafe_html, input #" << i);
  }
}

TEST_CASE("random bundles are loaded or refused, never crash, and render valid UTF-8") {
  std::mt19937 rng(7);
  int loaded = 0;
  for (int i = 0; i < 500; ++i) {
    // A valid skeleton with random field contents, sometimes truncated.
    std::string body = random_text(rng, 30);
    std::string title = random_text(rng, 6);
    std::string escaped_body, escaped_title;
    for (const std::string* s : {&body, &title}) {
      std::string& out = s == &body ? escaped_body : escaped_title;
      for (const char c : *s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += std::string("\\") + c;
        else if (u < 0x20) out += "\\u00" + std::string(1, "0123456789abcdef"[u >> 4]) + "0123456789abcdef"[u & 15];
        else out += c;
      }
    }
    std::string json = "{\"format\":\"quire-bundle\",\"version\":1,\"site\":{\"title\":\"" + escaped_title +
                       "\"},\"posts\":[{\"slug\":\"p\",\"title\":\"x" + escaped_title +
                       "\",\"date\":\"2024-01-02\",\"tags\":[\"t\"],\"summary\":\"" + escaped_body +
                       "\",\"body\":\"" + escaped_body + "\"}]}";
    if (i % 5 == 4) json.resize(std::uniform_int_distribution<std::size_t>(0, json.size())(rng));
    const quire::LoadResult r = quire::load_bundle(json);
    if (!r.ok) continue;
    ++loaded;
    for (const char* path : {"/", "/posts/p/", "/tags/t/", "/search/?q=x"}) {
      const std::string doc = quire::render_document(r.bundle, quire::render_view(r.bundle, quire::parse_route(path)));
      if (!valid_utf8(doc)) FAIL("invalid UTF-8 in " << path << " for bundle #" << i);
    }
  }
  CHECK(loaded > 100);  // the loop exercises the views, not only the parser
}

TEST_CASE("random paths never crash the router and route to valid UTF-8") {
  std::mt19937 rng(99);
  const std::vector<std::string> parts = {"/", "posts", "tags", "page", "archive", "search", "?q=", "%", "%FF",
                                          "%00", "%2F", "..", ".", "index.html", "2024", "13", "+", "#", "&", "x"};
  std::uniform_int_distribution<std::size_t> pick(0, parts.size() - 1);
  std::uniform_int_distribution<int> len(0, 12);
  for (int i = 0; i < 5000; ++i) {
    std::string path;
    for (int k = len(rng); k > 0; --k) path += parts[pick(rng)];
    const quire::Route r = quire::parse_route(path, i % 2 ? "/" : "/blog/");
    if (!valid_utf8(r.slug) || !valid_utf8(r.tag) || !valid_utf8(r.query)) FAIL("path #" << i << ": " << path);
    if (!valid_utf8(quire::route_path(r))) FAIL("route_path for #" << i);
  }
}

}  // TEST_SUITE
