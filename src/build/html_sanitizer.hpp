// Raw HTML in posts, sanitised at build time with gumbo (Debian's
// libgumbo-dev), a real HTML5 parser: the markdown is parsed with md4c as
// the core parses it, and every raw HTML piece (an HTML block, or a run of
// inline tags) is replaced, in the markdown itself, by its canonical form
// (core/sanitize.hpp): gumbo tokenises and tree-builds the piece exactly as
// a browser would (in the context of the raw elements still open from
// earlier pieces, so a <details> opened in one HTML block is closed in a
// later one), then only allow-listed elements and attributes are written
// back, every URL through the core's URL policy, an iframe only from the
// site's iframe_hosts, and <a target=_blank> with rel=noopener. Elements
// that are not allowed lose their tag and keep their text, except those
// whose content is code or foreign markup (script, style, svg, math, ...),
// which go whole; comments go silently, and so does an iframe's
// frameborder="0" (the stylesheet draws no iframe border: nothing a reader
// sees changes). The result travels in the bundle as
// markdown; the core passes only canonical raw HTML, so the pre-rendered
// pages and the browser show the same, and a bundle made any other way
// still cannot carry script. What was removed is reported per post.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "build/content.hpp"
#include "core/bundle.hpp"

namespace quire {

struct RawHtmlRemoval {
  std::size_t offset;  // in the markdown given (approximate after the first pass)
  std::string what;    // e.g. "<script> and its content", "onerror on <img>"
};

struct SanitizedMarkdown {
  std::string markdown;
  std::vector<RawHtmlRemoval> removed;
  std::size_t refused = 0;  // raw HTML pieces the core still refuses (should be 0)
};

// The markdown with every raw HTML piece in canonical form.
SanitizedMarkdown sanitize_raw_html(std::string_view markdown, std::string_view iframe_hosts);

// site.yaml's iframe_hosts (host names) as Site::iframe_hosts holds them
// (lowercase, space separated). Returns a problem to report, or "".
std::string join_iframe_hosts(const std::vector<std::string>& hosts, std::string& out);

// Sanitises a post's body and summary, unless the site has unsafe_html, and
// warns once per post with what was removed (file:line of each, a count).
void sanitize_post_html(Post& post, const Site& site, const std::string& file, int body_line,
                        std::vector<Diagnostic>& warnings);

}  // namespace quire
