// JSON front matter, as Hugo reads it: the file opens (after blank lines and
// a BOM) with a JSON object, "{" ... "}", and the markdown follows the
// closing brace. find_json_front() finds where the object ends by scanning
// its strings and brackets (the text is then parsed by nlohmann-json), and
// the line of every top-level key, so that the validator reports a key's
// problem at its line as it does for YAML and TOML. Values inside a key's
// value carry the key's line when they are on it, else the line they start
// on. Syntax errors are reported at their line; nothing here throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "build/front_matter.hpp"

namespace quire {

struct Diagnostic;

// The JSON object starting at text[start] ('{'): the offset just after its
// closing '}', or npos when it is not closed.
size_t find_json_front(std::string_view text, size_t start);

// Parses text[start, end) (an object found by find_json_front) into `out` (a
// map); `first_line` is the file line of text[start]. False, with an error
// at its line, for invalid JSON.
bool parse_json_front(std::string_view text, size_t start, size_t end, int first_line, const std::string& file,
                      FrontValue& out, std::vector<Diagnostic>& errors);

}  // namespace quire
