// Post text: what the build derives from a post's markdown before any page
// is rendered — its plain text, word count and reading time (text_stats)
// and its default summary (first_paragraph) — from one md4c pass instead of
// one pass each. post_text(md, true) gives exactly text_stats(md) and
// first_paragraph(md); post_text(md, false) exactly text_stats(md) and an
// empty summary. The definitions live in post_text.inc, which markdown.cpp
// includes at its end: they drive the renderer room's own plain text
// renderer and first paragraph finder (markdown.cpp's internals), side by
// side on one parse, so no rule of either is stated twice. Also here:
// collapsing whitespace for the plain text renderer, in runs rather than
// byte by byte (the build collapses every post's text). Never throws.
//
// The same pass gathers the code blocks (language as written, text as the
// renderer hands it to a CodeBlockWriter, in its order) for the build's
// highlighter, when it can vouch for them (code_found): the source needs
// no repair (valid UTF-8, no NUL, no BOM, no sentinel digits), every
// language is plain text, no block holds a footnote reference, and no
// footnote definition can hold a code block (none has a fence, a tab or
// four spaces in a row: notes render after the body, and their blocks
// would be numbered after its own). Otherwise code_found is false and the
// caller finds them by a render.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/markdown.hpp"

namespace quire {

struct CodeBlockText {
  std::string lang;  // the fence's language ("" for none)
  std::string text;  // the block's text
};

struct PostText {
  TextStats stats;              // text_stats(markdown)
  std::string first_paragraph;  // first_paragraph(markdown), if asked for
  bool code_found = false;      // `code` is the renderer's list (see above)
  std::vector<CodeBlockText> code;
};

PostText post_text(std::string_view markdown, bool want_first_paragraph);

// Runs of ASCII whitespace (space, tab, LF, CR, FF, VT) as one space,
// trimmed.
std::string collapse_whitespace(std::string_view text);

}  // namespace quire
