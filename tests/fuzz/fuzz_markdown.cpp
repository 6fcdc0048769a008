// Target "markdown": the markdown renderer (render_markdown and the texts
// derived from the same parse) with output-safety checks. The first input
// byte chooses the options (unsafe_html, url_base, base_path, id_prefix,
// drop_raw_html);
// the rest is the markdown. Checks, always: valid UTF-8 out; rendering into
// a reused OutputBuffer gives the same HTML as a fresh render. With
// unsafe_html off (the safety policy of markdown.hpp): the HTML, read by
// the tests' tokenizer (tests/unit/html_scan.hpp), holds only the
// renderer's own elements and attributes or the raw-HTML allow-list's,
// double-quoted, well nested, no '<' in text, no link or image URL outside
// http(s)/mailto/relative/'#', unique ids (raw HTML's own ids may repeat;
// never a footnote id), none of them the page chrome's, and every footnote
// link points at an id of the document.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/markdown.hpp"
#include "core/sanitize.hpp"
#include "fuzz_check.hpp"
#include "html_scan.hpp"

namespace {

using quire::fuzz::excerpt;
using quire::fuzz::valid_utf8;
using quire::testing::HtmlToken;

const std::set<std::string> kElements = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "sup", "li", "ol",
                                         "ul", "code", "pre", "u", "table", "thead", "tbody", "tr", "th",
                                         "td", "strong", "em", "del", "section", "input", "img", "hr",
                                         "br", "blockquote", "span"};  // span: math (core/math.hpp)
const std::set<std::string> kVoidElements = {"input", "img", "hr", "br"};
const std::set<std::string> kAttributes = {"id", "class", "href", "src", "alt", "title", "loading", "decoding",
                                           "type", "disabled", "checked", "role", "tabindex", "start",
                                           "align", "aria-hidden", "aria-label", "aria-labelledby",
                                           "aria-describedby"};

// The scheme a browser would see: C0 controls and spaces dropped, lowercased.
std::string url_scheme(std::string_view value) {
  std::string cleaned;
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c != 0x7F) cleaned += ch;
  }
  const size_t colon = cleaned.find(':');
  if (colon == std::string::npos) return {};
  const std::string scheme = quire::testing::ascii_lowercase(cleaned.substr(0, colon));
  // A scheme starts with a letter (WHATWG URL, scheme start state):
  // "-m:abc" is a relative path, as the browser reads it.
  if (scheme.empty() || !quire::testing::is_ascii_alpha(scheme[0])) return {};
  for (const char c : scheme)
    if (!quire::testing::is_ascii_alpha(c) && !quire::testing::is_ascii_digit(c) && c != '+' && c != '-' && c != '.')
      return {};  // a '/', '?' or '#' before the colon: a relative URL
  return scheme;
}

// An id in the renderer's footnote namespace ("fn-", "fnref-",
// "footnote-label"), after the id prefix.
bool footnote_id(std::string_view id, std::string_view prefix) {
  if (id.substr(0, prefix.size()) != prefix) return false;
  id.remove_prefix(prefix.size());
  return id.substr(0, 3) == "fn-" || id.substr(0, 6) == "fnref-" || id == "footnote-label";
}

// A footnote reference: an <a> with a footnote id.
bool is_footnote_reference(const quire::testing::HtmlToken& t, std::string_view prefix) {
  const quire::testing::HtmlAttribute* id = quire::testing::find_attribute(t, "id");
  return id && id->value && footnote_id(*id->value, prefix);
}

void check_safe(const std::string& html, std::string_view markdown, const quire::MarkdownOptions& options) {
  const std::string where = "\n  markdown: " + excerpt(markdown) + "\n  html: " + excerpt(html, 600);
  std::vector<std::string> open;
  std::set<std::string> ids;
  std::vector<std::string> fragment_links;  // footnote references and back-links
  for (const HtmlToken& t : quire::testing::tokenize_html(html)) {
    switch (t.kind) {
      case HtmlToken::Kind::text:
        FUZZ_CHECK(t.text.find('<') == std::string::npos, "a raw '<' in text" + where);
        break;
      case HtmlToken::Kind::start_tag: {
        // The renderer's own markup, or raw HTML the allow-list keeps
        // (core/sanitize.hpp; not when raw HTML is dropped).
        const quire::ElementRule* raw = options.drop_raw_html ? nullptr : quire::find_element_rule(t.name);
        FUZZ_CHECK(kElements.count(t.name) == 1 || raw, "element <" + t.name + "> with unsafe_html off" + where);
        for (const quire::testing::HtmlAttribute& a : t.attributes) {
          FUZZ_CHECK(kAttributes.count(a.name) == 1 || (raw && quire::find_attribute_rule(*raw, a.name) != std::string_view::npos),
                     "attribute " + a.name + " on <" + t.name + ">" + where);
          FUZZ_CHECK(!a.value || a.quote == '"', "attribute " + a.name + " not double-quoted" + where);
          if (!a.value) continue;
          if (a.name == "href" || a.name == "src" || a.name == "poster" || a.name == "cite") {
            const std::string scheme = url_scheme(*a.value);
            FUZZ_CHECK(scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto",
                       a.name + "=\"" + excerpt(*a.value) + "\" has scheme " + scheme + where);
          }
          if (a.name == "id") {
            // Raw HTML keeps the author's ids as written (core/sanitize.hpp):
            // never a chrome or footnote id, but they may repeat one another
            // or a heading's, and they are not prefixed. So: every id is
            // unique when raw HTML is dropped, the footnote ids always
            // without a prefix, and no id is the chrome's.
            const std::string_view v = *a.value;
            const std::string_view prefix = options.id_prefix;
            const bool raw_kept = !options.drop_raw_html;
            const bool unique = ids.insert(*a.value).second;
            FUZZ_CHECK(unique || (raw_kept && (!prefix.empty() || !footnote_id(v, {}))),
                       "id \"" + excerpt(*a.value) + "\" twice" + where);
            const bool prefixed = v.substr(0, prefix.size()) == prefix;
            FUZZ_CHECK(!quire::is_chrome_id(v) && (raw_kept || !prefixed || !quire::is_chrome_id(v.substr(prefix.size()))),
                       "id \"" + excerpt(*a.value) + "\" is the page chrome's" + where);
          }
          if (a.name == "href" && t.name == "a" && !a.value->empty() && (*a.value)[0] == '#' &&
              (quire::testing::has_class(t, "footnote-backref") ||
               is_footnote_reference(t, options.id_prefix)))
            fragment_links.push_back(a.value->substr(1));
        }
        if (kVoidElements.count(t.name) == 0 && !t.self_closing) open.push_back(t.name);
        break;
      }
      case HtmlToken::Kind::end_tag:
        // Every end tag closes the innermost open element: the renderer
        // pairs md4c's span callbacks itself (md4c 0.4.8 leaves some
        // unpaired; HtmlRenderer::leave_span).
        FUZZ_CHECK(!open.empty() && open.back() == t.name,
                   "</" + t.name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">") + where);
        open.pop_back();
        break;
      default:
        FUZZ_CHECK(false, "a comment, declaration or CDATA with unsafe_html off" + where);
    }
  }
  FUZZ_CHECK(open.empty(), "<" + (open.empty() ? std::string() : open.back()) + "> never closed" + where);
  for (const std::string& target : fragment_links)
    FUZZ_CHECK(ids.count(target) == 1, "footnote link to #" + excerpt(target) + ", which no element has" + where);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  // Known (issue 20, item 2, being fixed on another branch): md4c 0.4.8
  // reads one byte past the end of its input ("1", "[a](b"); the renderer
  // hands it the caller's bytes as they are. libFuzzer's input is an
  // allocation of exactly `size` bytes, so the over-read would stop every
  // run at once: the markdown is given as a std::string (NUL-terminated)
  // until the renderer terminates md4c's input itself.
  const std::string markdown(reinterpret_cast<const char*>(data) + 1, size - 1);

  quire::MarkdownOptions options;
  options.unsafe_html = (mode & 1) != 0;
  if (mode & 2) options.url_base = "https://example.com/blog/posts/x/";
  if (mode & 4) options.base_path = "/blog/";
  if (mode & 8) options.id_prefix = "w1-";
  if (mode & 32) options.drop_raw_html = true;
  if (mode & 64) options.math = true;  // core/math.hpp: LaTeX spans, display blocks kept whole
  if (mode & 128) options.smart_punctuation = true;

  const std::string html = quire::render_markdown(markdown, options);
  FUZZ_CHECK(valid_utf8(html), "HTML not valid UTF-8 for " + excerpt(markdown));
  // One buffer kept across runs, as the WASM module and the build keep it.
  static quire::OutputBuffer reused;
  const std::string_view again = quire::render_markdown_into(reused, markdown, options);
  FUZZ_CHECK(again == html, "a reused buffer renders differently: " + excerpt(markdown));
  if (!options.unsafe_html) check_safe(html, markdown, options);

  if (mode & 16) {
    const quire::TextStats stats = quire::text_stats(markdown);
    FUZZ_CHECK(valid_utf8(stats.plain_text), "plain text not valid UTF-8");
    FUZZ_CHECK(stats.plain_text == quire::markdown_plain_text(markdown), "text_stats and markdown_plain_text differ");
    FUZZ_CHECK(stats.reading_minutes >= 1, "reading time below 1 minute");
    const std::string first = quire::first_paragraph(markdown);
    FUZZ_CHECK(valid_utf8(first), "first paragraph not valid UTF-8");
    FUZZ_CHECK(valid_utf8(quire::slugify(markdown)), "slug not valid UTF-8");
  }
  return 0;
}
