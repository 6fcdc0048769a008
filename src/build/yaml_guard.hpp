// A loaded YAML document (site.yaml, a post's front matter) checked before
// anything reads it as a tree. yaml-cpp loads an alias as the very node of
// its anchor, so a document is a graph, and reading it as a tree expands
// every alias: "&a [*a]" never ends, nested aliases grow exponentially.
// guard_yaml() walks it once as its readers will, refuses a list or map that
// holds itself, more than 100,000 values beyond the text's size, or nesting
// deeper than 100, with an error at the top-level key's line; and replaces a
// NUL (or any invalid character) that a YAML escape put into a text by
// U+FFFD, with a warning, as the raw bytes are cleaned.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct Diagnostic;

// `line_offset`: the file line of YAML line 0. False after an error.
bool guard_yaml(const YAML::Node& root, std::size_t text_size, const std::string& file, int line_offset,
                std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings);

// A scalar as yaml-cpp loaded it, with what YAML's 8-bit escapes ("\_", a
// no-break space; "\N"; "\xE9") stand for in UTF-8: yaml-cpp writes the
// byte itself (0xA0, not C2 A0). The text parsed was valid UTF-8, so a byte
// that begins no valid sequence is such an escape's code point.
std::string escaped_latin1_as_utf8(const std::string& text);

// The 0-based line where a quoted text opens that never closes, or -1:
// yaml-cpp takes `title: "unterminated` up to the end of the document as
// the text (the next keys in it), where YAML (and Jekyll's Psych) refuse it.
// Block scalars (| and >) and comments are skipped; a quote inside a plain
// value (Don't) opens nothing.
int unclosed_quote_line(std::string_view yaml);
inline constexpr const char* kUnclosedQuote = "a quoted text opens on this line and never closes (its closing quote is missing)";

}  // namespace quire
