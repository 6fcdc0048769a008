// Raw HTML in posts: the allow-list and the canonical form, shared by the
// build (src/build/html_sanitizer.*, which sanitises with gumbo, a real
// HTML5 parser) and the core (which renders in both places). Contract: an
// HTML5 parser is too big for the WASM core (gumbo alone is ~108 KB gzip),
// so the build rewrites every raw HTML piece of a post's markdown into the
// canonical form defined here, and the core, natively and in the browser,
// passes through only raw HTML in that form, dropping any other piece whole
// (RawHtmlFilter). The canonical form is a tiny grammar of our own, checked
// strictly, never general HTML: text is any bytes but '<' and '>' with '&'
// only in &amp; &lt; &gt; &quot; &#10;; a start tag is '<' + an allowed
// element name + for each attribute, in the element's AttrRule order,
// ' ' + name + '="' + value + '"' (the value escaped the same way, no control
// characters, valid for its AttrKind: URLs pass is_allowed_url, an iframe's
// src names a host of the site's iframe_hosts) + '>'; an end tag is '</' +
// an allowed non-void name + '>'; an iframe is '<iframe ...></iframe>' in one
// piece. No comments, no raw-text elements, no foreign (svg, math) content,
// so a browser tokenises our output exactly as we checked it, and a
// tampered or foreign bundle still cannot inject script. The core also keeps
// raw elements inside the markdown block or span they opened in (closing
// what is left open when it ends; an end tag with nothing to close is
// dropped), so raw HTML never closes the page's own elements, and it writes
// every URL as markdown links are written (base_path for root-relative ones).
//
// Ids (`id` on every element, `name` on <a>) are kept so that in-page links
// into raw HTML work (a "#section" link to <h3 id="section">, kramdown's
// <sup id="fnref:1">, an old <a name="note1">), under a conservative value
// rule (AttrKind::id): 1 to 100 bytes of letters (ASCII, or any script's
// in UTF-8: id="概述"), digits, '_', '-', ':', '.', starting with a letter,
// digit or '_'; never an id the page chrome uses
// (is_chrome_id: "main", "quire-...", ...) nor one of the renderer's
// footnote ids (is_footnote_id: "fn-1", "fnref-1-2", "footnote-label"),
// so a post cannot capture our skip link, our app's elements or our
// footnote links; an author's own "footnote-1-source" anchor is kept.
// Names are kept as written, with no prefix: a prefix would break the
// authors' own "#..." links, and what an id can clobber is small: a window
// named property never shadows a built-in (the named property visibility
// algorithm), our JS reads no undefined global except behind
// `typeof X === 'function'`, and document named properties need a name on
// img/form/iframe/embed/object, which are never allowed. `style` is never
// kept: inline styles can restyle or cover the page and load tracking URLs
// past the URL policy, and under a strict style-src (the widget's
// embedders) they would not apply anyway. The build maps the harmless common
// cases to attributes instead: text-align on p/div/h1-h6/td/th to `align`,
// a px or % width/height on img/video/iframe to `width`/`height`.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/output_buffer.hpp"

namespace quire {

// Hosts iframes may come from when site.yaml has no iframe_hosts (space
// separated, as Site::iframe_hosts holds them): YouTube's two embed hosts
// and Vimeo's player.
constexpr std::string_view kDefaultIframeHosts = "www.youtube-nocookie.com www.youtube.com player.vimeo.com";

enum class AttrKind : unsigned char {
  text,        // any text (alt, title, media, ...)
  url,         // one URL, through is_allowed_url; written under base_path
  srcset,      // "url[ 100w|1.5x], url ..." candidates joined by ", "
  number,      // 1 to 5 digits
  length,      // 1 to 5 digits, optionally '%'
  token,       // one of AttrRule::tokens
  token_list,  // tokens of AttrRule::tokens joined by single spaces (rel)
  classes,     // class names [A-Za-z0-9_-]+ joined by single spaces
  iframe_src,  // https://<a host of iframe_hosts>/...
  boolean,     // empty value
  id,          // an id or an <a>'s name: see the contract above
  permissions, // an iframe's allow: features of AttrRule::tokens joined by "; "
};

struct AttrRule {
  std::string_view name;
  AttrKind kind;
  std::string_view tokens;  // token, token_list, permissions: the allowed words, space separated
};

// Attributes every allowed element may have, after its own.
inline constexpr AttrRule kGlobalAttributes[] = {
    {"title", AttrKind::text, {}}, {"lang", AttrKind::text, {}}, {"dir", AttrKind::token, "ltr rtl auto"},
    {"class", AttrKind::classes, {}}, {"id", AttrKind::id, {}}};

struct ElementRule {
  std::string_view name;
  bool is_void;
  const AttrRule* own = nullptr;  // the element's own attributes
  std::size_t own_count = 0;
  // Canonical order: the element's own, then kGlobalAttributes.
  std::size_t attribute_count() const { return own_count + std::size(kGlobalAttributes); }
  const AttrRule& attribute(std::size_t i) const { return i < own_count ? own[i] : kGlobalAttributes[i - own_count]; }
};

// The allowed element of that (lowercase) name, or null.
const ElementRule* find_element_rule(std::string_view name);
// Index of the attribute in rule.attributes, or npos.
std::size_t find_attribute_rule(const ElementRule& rule, std::string_view name);

// Whether a value (entities decoded) is acceptable for the attribute.
bool valid_attribute_value(const AttrRule& rule, std::string_view value, std::string_view iframe_hosts);

// Text or an attribute value in canonical escaping ('&' '<' '>' '"').
void append_canonical_escaped(std::string& out, std::string_view decoded);

// One token of canonical raw HTML, and a start tag's attributes.
struct CanonicalAttribute {
  const AttrRule* rule;
  std::string_view value;  // as written, still escaped
};
struct CanonicalToken {
  enum class Kind : unsigned char { text, start, end } kind;
  std::string_view text;  // kind text: the text as written (canonically escaped)
  const ElementRule* element = nullptr;  // start, end
  std::size_t first_attribute = 0;       // start: its attributes in the attribute list
  std::size_t attribute_count = 0;
};

// Splits a piece of raw HTML into canonical tokens (start tags' attributes
// in `attributes`); false (the lists unspecified) when any of it is not
// canonical.
bool parse_canonical_html(std::string_view piece, std::string_view iframe_hosts, std::vector<CanonicalToken>& tokens,
                          std::vector<CanonicalAttribute>& attributes);

// A canonical value with its escapes decoded.
std::string decode_canonical(std::string_view escaped);

// What the renderer does with raw HTML (MarkdownOptions).
enum class RawHtmlMode : unsigned char { canonical, unsafe, drop };

struct RawHtmlPolicy {
  RawHtmlMode mode = RawHtmlMode::canonical;
  std::string_view iframe_hosts = kDefaultIframeHosts;
  std::size_t* refused = nullptr;  // counts pieces refused (the build checks its output with it)
};

// Raw elements open, innermost last, as the core's gate and the build's
// sanitizer follow them. Each keeps the index of the next open element of
// its kind below it, and each kind its innermost, so that an end tag finds
// what it closes at once (a search down the stack made "<ul></span>"
// repeated quadratic: every stray end tag walked every open element).
class OpenElements {
 public:
  std::size_t size() const { return open_.size(); }
  const ElementRule* operator[](std::size_t i) const { return open_[i].element; }
  void push(const ElementRule* element);
  const ElementRule* pop();  // the innermost, removed
  // How many elements an end tag for `element` closes: down to and
  // including its innermost one at `floor` or above; 0 without one.
  std::size_t to_close(const ElementRule* element, std::size_t floor) const;

 private:
  struct Open {
    const ElementRule* element;
    std::size_t below_same;
  };
  std::vector<Open> open_;
  std::vector<std::size_t> innermost_;  // by the kind's index in the allow-list
};

// The core's gate (canonical mode): raw HTML pieces in document order, the
// markdown blocks and spans around them as scopes.
class RawHtmlFilter {
 public:
  // Writes a URL attribute's value as markdown links' are written.
  using UrlWriter = void (*)(const void* context, OutputBuffer& out, std::string_view url);
  RawHtmlFilter(const RawHtmlPolicy& policy, UrlWriter write_url, const void* context)
      : policy_(policy), write_url_(write_url), url_context_(context) {}

  // Writes the piece if it is canonical (URLs through write_url), else
  // nothing.
  void put(std::string_view piece, OutputBuffer& out);
  // Inline: the renderer enters and leaves a scope at every block and span.
  void enter_scope() { scopes_.push_back(open_.size()); }
  // Closes what was opened in the scope.
  void leave_scope(OutputBuffer& out) {
    const std::size_t floor = scopes_.empty() ? 0 : scopes_.back();
    if (open_.size() > floor) close_down_to(floor, out);
    if (!scopes_.empty()) scopes_.pop_back();
  }

 private:
  const RawHtmlPolicy& policy_;
  UrlWriter write_url_;
  const void* url_context_;
  OpenElements open_;
  std::vector<std::size_t> scopes_;
  std::vector<CanonicalToken> tokens_;
  std::vector<CanonicalAttribute> attributes_;
  std::string scratch_;
  bool refused_last_ = false;

  void close_down_to(std::size_t floor, OutputBuffer& out);
  void pop_open(OutputBuffer& out);
};

}  // namespace quire
