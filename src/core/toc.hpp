// Table of contents of a post: a <nav> of links to its headings' ids, put
// by the post view between the post's header and its body. A post has one
// when its front matter says `toc: true` (and it has a heading), never with
// `toc: false`, and otherwise when site.yaml's toc_min_headings is set and
// the post has at least that many headings of the levels listed. Listed:
// the body's highest heading level and the one below it (h2 and h3 in most
// posts), the second nested in the first; footnotes' headings are not.
// Markup:
//   <nav class="toc" aria-labelledby="quire-toc"><h2 id="quire-toc">Contents</h2>
//   <ol><li><a href="#id">Heading</a><ol><li>..</li></ol></li>..</ol></nav>
#pragma once

#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/markdown.hpp"

namespace quire {

// The HTML above, or "" when the post gets no table of contents.
std::string table_of_contents(const Site& site, const Post& post, const std::vector<HeadingEntry>& headings);

}  // namespace quire
