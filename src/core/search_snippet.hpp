// Snippets: a short piece of a post's plain text around the words a search
// matched, with each matched word in <mark>, as HTML (escaped). The core
// makes them from the text it has: the body when it is loaded, else the
// summary (a split blog's index).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/search_query.hpp"

namespace quire {

inline constexpr size_t kSnippetBytes = 240;

// The densest window of `text` (at most about max_bytes) for the marks,
// "…" where it was cut; the start of the text when nothing matches.
std::string search_snippet(std::string_view text, const std::vector<SearchMark>& marks,
                           size_t max_bytes = kSnippetBytes);

// A snippet of a markdown text (a post's body or summary): from its prose,
// code blocks left out, unless a marked word is only in its code; "" for
// no text.
std::string markdown_snippet(std::string_view markdown, const std::vector<SearchMark>& marks,
                             size_t max_bytes = kSnippetBytes);

// Whether a folded term is marked.
bool is_marked(std::string_view term, const std::vector<SearchMark>& marks);

}  // namespace quire
