// Simple YAML front matter without yaml-cpp: most posts' front matter is a
// few lines of `key: value`, and loading it with yaml-cpp was about 5% of a
// large build. parse_simple_yaml() reads exactly such a document into the
// FrontValue tree that front_matter.cpp would build from yaml-cpp (the same
// kinds, texts and lines, keys given twice kept twice), and declines
// anything else, which then goes to yaml-cpp as before: it never reports an
// error of its own. Taken: ASCII text whose every line is a top-level key
// (letters, digits, '_' and '-', starting with a letter or '_') followed by
// ": " and one of a plain scalar (no indicator first, no '#', ':', quotes,
// brackets, braces or commas in it, not one of YAML's nulls), a
// double-quoted text without escapes, a single-quoted one without '' in
// it, or a one-line list of such plain words ("[a, b]", "[]"). No comments,
// blank lines, tabs, trailing spaces, documents, anchors or tags.
#pragma once

#include <string_view>

#include "build/front_matter.hpp"

namespace quire {

// `first_line`: the file line of the text's first line. False (and `out`
// unspecified) when the text is not of the simple kind above.
bool parse_simple_yaml(std::string_view text, int first_line, FrontValue& out);

}  // namespace quire
