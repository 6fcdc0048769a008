// Math in posts: TeX between dollars, as MathJax and KaTeX blogs write it.
// A post has math when its front matter says `math: true`, or when
// site.yaml says `math: true` and the post does not say `math: false`
// (off by default: "$5 or $10" is prose in most blogs). In such a post
// the renderer reads `$...$` as inline math and `$$...$$` as display math
// (md4c's LaTeX spans: their text is TeX, untouched by markdown), inline
// math by pandoc's rule (no space after the opening dollar, none before
// the closing one, no digit after it: "$5, then $10" stays prose), and writes
//   <span class="math">TeX, HTML-escaped</span>
//   <span class="math display">TeX, HTML-escaped</span>
// which web/math.js typesets in the browser (MathML, by Temml) and which
// read as the TeX source without scripts. A display block written over
// several lines between lines of `$$` is kept whole (blank lines and lines
// markdown would start a block with are continued), see math_source(),
// which also escapes the dollars pandoc's rule leaves as text.
// The build copies the typesetter only into a site where some post or
// page has math.
#pragma once

#include <string>
#include <string_view>

#include "core/bundle.hpp"

namespace quire {

// A boolean of a post's front matter kept in its params (`toc`, `math`):
// 1 true, 0 false, -1 not given.
int params_flag(const Post& post, std::string_view key);

// Whether the post's markdown is read with math (the rule above).
bool post_has_math(const Site& site, const Post& post);

// `markdown` with each display block between lines of `$$` made one
// paragraph of markdown (its blank lines dropped and its other lines
// indented as a paragraph's continuation: TeX ignores both), and each '$'
// that opens no inline math by pandoc's rule escaped (\$). Into `storage`,
// returning a view of it, or `markdown` itself when there is none.
std::string_view math_source(std::string_view markdown, std::string& storage);

}  // namespace quire
