// Finding a post's code blocks without rendering it (native build only).
//
// highlight_markdown needs each code block's language and text in the order
// the core's renderer numbers them. Rendering the whole post to HTML for
// that costs a full render per post; one md4c pass that only gathers the
// code blocks gives the same list for the common document. "Common" is
// checked, never guessed: the source is what the renderer would parse
// unchanged (valid UTF-8, no NUL, no BOM, none of the renderer's footnote
// sentinel characters), no block's language or text holds "[^" (a
// footnote reference the renderer marks), and no code block starts at or
// after the first line that looks like a footnote definition (the renderer
// cuts definitions out and renders their blocks after the body's, in order
// of first reference). Anything else returns false and the caller renders
// as before; the fastpaths tests compare both ways over the fixtures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/post_text.hpp"

namespace quire::highlight {

// The fence's language ("" for none) and the block's text, as the renderer
// hands it out: the same pair core/post_text.hpp's pass gathers.
using FoundCodeBlock = CodeBlockText;

// The code blocks of `markdown` in the renderer's order; false when the
// document is not one this scan can vouch for (then `out` is unspecified).
bool scan_code_blocks(std::string_view markdown, std::vector<FoundCodeBlock>& out);

}  // namespace quire::highlight
