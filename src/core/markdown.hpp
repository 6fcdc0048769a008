// Markdown → HTML, our own renderer on md4c's streaming callbacks.
//
// Dialect: CommonMark + GFM tables, strikethrough, task lists, permissive
// autolinks (URL, www., e-mail) + footnotes ([^label] references and
// "[^label]: text" definitions, which md4c 0.4.8 lacks).
//
// Markup beyond md4c-html's (tests/markdown/*.txt show it exactly):
//  - headings: id="<id_prefix><slug>" from all the heading's text (see
//    slugify), de-duplicated per document ("-1", "-2") and never one of the
//    footnote ids nor one the page chrome uses (is_chrome_id; a heading whose
//    every "-N" would be such an id, like "fn", gets "section-fn"); the heading ends with a permalink
//    <a class="heading-anchor" href="#id" aria-hidden="true" tabindex="-1">#</a>
//    that screen readers and the tab order skip (the heading is the target).
//  - footnotes, GitHub's structure: references
//    <sup class="footnote-ref"><a href="#fn-N" id="fnref-N[-K]" ...>N</a></sup>
//    numbered by first reference; <section class="footnotes"> with an <ol>
//    of notes, each ending with a back-link per reference (↩, ↩², ...,
//    aria-label "Back to reference N[-K]"). Definitions: top level, in list
//    items and in blockquotes; 4-space-indented continuation blocks. Labels
//    match case-insensitively (simple folding of the scripts lower_case()
//    knows) with whitespace collapsed. Undefined references stay literal,
//    unused definitions are dropped, "[^x](url)" is a link.
//  - images: loading="lazy" decoding="async" (the conformance test's
//    normaliser ignores these two attributes, as it ignores heading ids,
//    permalinks and footnotes); the first `eager_images` images of the
//    document without loading="lazy"; width and height from image_sizes
//    when it knows the src. With `figures`, an image with a title alone in
//    its paragraph is <figure><img ...><figcaption>title</figcaption></figure>
//    instead of <p><img ... title="title"></p>.
//  - smart_punctuation: curly quotes, dashes and ellipses in prose
//    (core/smart_punctuation.hpp), never in code, raw HTML or URLs.
//
// Safety policy (the one place it is decided):
//  - link/image URLs are entity-decoded, stripped of control characters and
//    whitespace and case-folded before their scheme is checked; only http:,
//    https:, mailto:, scheme-less (relative) and '#' URLs survive. A refused
//    link renders its text only; a refused image renders its alt text only.
//  - raw HTML (blocks and inline) passes only in the canonical form of
//    core/sanitize.hpp (the build rewrites posts' raw HTML into it through
//    an allow-list); any other piece is omitted: "Hello <SPAN>world</span>"
//    renders "Hello world", a <script> block disappears whole. unsafe_html
//    passes everything, drop_raw_html nothing (the widget). Code spans and
//    blocks show markup as written.
//  - input is treated as UTF-8: a leading BOM is stripped, invalid sequences
//    become U+FFFD, NUL becomes U+FFFD (as do U+10FC00..U+10FC0F, which the
//    renderer reserves internally for footnote references).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/output_buffer.hpp"
#include "core/sanitize.hpp"

namespace quire {

class CodeBlockWriter;  // core/code_tokens.hpp
class ImageSizes;       // core/image_sizes.hpp

// A heading of the document, for a table of contents (core/toc.hpp).
struct HeadingEntry {
  int level = 1;
  std::string id;    // as written in the id attribute (id_prefix included, HTML-escaped)
  std::string text;  // its text, plain (not escaped), as shown
};

// Ids the page around a document uses (src/core/views.cpp, page.cpp,
// web/app.js): "main", "search-q", and every "quire-..." and "year-..." id.
// No heading gets one.
bool is_chrome_id(std::string_view id);
// The renderer's footnote ids: "footnote-label", "fn-N", "fnref-N" and
// "fnref-N-M" (N, M numbers). No heading gets one, and no raw HTML's id.
bool is_footnote_id(std::string_view id);

struct MarkdownOptions {
  // Pass raw HTML through untouched (site.yaml `unsafe_html: true`).
  bool unsafe_html = false;
  // Omit all raw HTML, even canonical (the widget, on other sites' pages).
  bool drop_raw_html = false;
  // Hosts a canonical <iframe> may come from (Site::iframe_hosts).
  std::string iframe_hosts{kDefaultIframeHosts};
  // When set, counts the raw HTML pieces the canonical check omitted.
  std::size_t* refused_raw_html = nullptr;
  // Prepended to every id the renderer makes (headings, footnotes), so that
  // several documents can share one page without colliding ids.
  std::string id_prefix;
  // When set (an absolute http(s) URL: the address the document lives at),
  // relative link and image URLs are resolved against it as a browser
  // would, so that a post shown on another site (the widget) still points
  // at the blog. '#fragment' URLs are left as they are.
  std::string url_base;
  // The site's base_path ("/blog/"): a root-relative link or image URL
  // ("/tags/x/", "/images/a.svg") is written under it ("/blog/tags/x/").
  std::string base_path = "/";
  // When set (an absolute http(s) URL), image URLs are resolved against it
  // instead of url_base, and a root-relative one lies under
  // image_base_path instead of base_path: the widget fetches a post's images
  // from where its bundle is, while its links go where the embedder says.
  std::string image_url_base;
  std::string image_base_path = "/";
  // When set (a path, "/blog/posts/trip/": the post's page), a relative
  // link or image URL ("ridge.png") is written under it: a bundle post's
  // summary shown on the home or a tag page still finds its files. Unused
  // with url_base, which resolves them already.
  std::string page_path;
  // When set (a post from a bundle: core/code_tokens.hpp), each code block's
  // text is written by it (block N of the render, footnotes' after the
  // body's) and its <pre> gets data-lang="<language>" (the visible label);
  // unset (a preview), code blocks are plain as always.
  CodeBlockWriter* code = nullptr;
  // TeX between dollars read as math (core/math.hpp: the post's front
  // matter or site.yaml `math`); off, a '$' is text.
  bool math = false;
  // Typographic quotes, dashes and ellipses (site.yaml smart_punctuation;
  // the views pass the site's setting, on by default there).
  bool smart_punctuation = false;
  // Every line break inside a paragraph is a <br> (site.yaml hard_breaks:
  // markdown-it's `breaks`, goldmark's `hardWraps`, kramdown's `hard_wrap`,
  // for blogs written that way); off, it is a space as CommonMark says.
  bool hard_breaks = false;
  // A titled image alone in its paragraph as a figure (the views' posts
  // and pages; off, the renderer stays CommonMark's).
  bool figures = false;
  // Sizes of the document's images by src (a post's, from the bundle).
  const ImageSizes* image_sizes = nullptr;
  // How many of the first images load at once (no loading="lazy"): the
  // first screen of a page.
  int eager_images = 0;
  // When set, receives each allowed image's src as written (the build reads
  // those files' sizes).
  std::vector<std::string>* image_sources = nullptr;
  // When set, receives the body's headings (not the footnotes').
  std::vector<HeadingEntry>* headings = nullptr;
  // The caller promises that a NUL byte follows the markdown
  // (markdown.data()[markdown.size()] == '\0', in memory it owns): valid
  // UTF-8 is then parsed where it lies instead of copied (the WASM input).
  bool input_terminated = false;
};

// The URL allow-list above: `url` as the browser will see it (entities
// decoded). Raw HTML's URLs (core/sanitize.hpp) pass the same check.
bool is_allowed_url(std::string_view url);

// The md4c parser flags of our dialect (MD_FLAG_*): tests render the same
// dialect with md4c-html to compare. With the document, the flags it is
// parsed with (one with thousands of bare URLs keeps them as text:
// markdown.cpp, bounded_autolinks).
unsigned markdown_parser_flags(std::string_view document = {});

// Renders a whole document. Never throws; any input gives some HTML.
std::string render_markdown(std::string_view markdown,
                            const MarkdownOptions& options = {});
// The same into `out` (its content replaced), returning a view of it: a
// caller rendering many documents keeps one buffer, and its capacity,
// across them, and reads the HTML where it lies. `markdown` must not lie
// in `out` (out is cleared and may move while the markdown is read).
std::string_view render_markdown_into(OutputBuffer& out, std::string_view markdown,
                                      const MarkdownOptions& options = {});

// The document's text content without markup (for summaries, meta
// descriptions, search and reading time): whitespace collapsed to single
// spaces, trimmed, footnote definitions and references left out, raw HTML
// tags and HTML blocks left out, image alt text kept. Plain text, not
// HTML-escaped. `skip_code`: code blocks left out too (search snippets
// prefer prose), and `skipped_code` says whether there was one.
std::string markdown_plain_text(std::string_view markdown, bool skip_code = false, bool* skipped_code = nullptr);

// Derived text, all from one parse: the plain text (as above), its word
// count (a CJK ideograph, kana or hangul syllable counts as one word; any
// other run of non-space characters as one) and reading time in minutes
// (220 words or 500 CJK characters a minute, at least 1).
struct TextStats {
  std::string plain_text;
  std::size_t words = 0;
  std::size_t cjk_chars = 0;
  int reading_minutes = 1;
};
TextStats text_stats(std::string_view markdown);

// The markdown of the first paragraph, as md4c parses the document (a
// post's default summary): the lines of the first top-level paragraph that
// does not begin with an image, as written, trimmed, footnote references
// left out. Headings, code, quotes, lists, tables, thematic breaks, HTML
// blocks and footnote and link reference definitions are not paragraphs.
// Empty when there is none.
std::string first_paragraph(std::string_view markdown);

// Slug for an id: lowercase (ASCII, Latin-1, Latin Extended-A and
// Additional, Greek, Cyrillic, Armenian, Georgian, full-width Latin; other
// letters such as CJK kept as is), letters/digits kept, runs of anything else collapsed to '-', trimmed of '-'. Non-ASCII
// punctuation and spaces (Latin-1 symbols, U+2000..U+206F, CJK and
// full-width punctuation) and invalid UTF-8 count as "anything else". Shared
// by heading ids and tag URLs.
std::string slugify(std::string_view text);
// Non-ASCII characters that separate words in a slug: Latin-1 punctuation
// and symbols, general and CJK punctuation, full-width ASCII punctuation.
bool is_slug_separator(char32_t cp);

}  // namespace quire
