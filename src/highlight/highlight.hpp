// Build-time syntax highlighting with tree-sitter (native build only).
//
// Grammars are megabytes of parse tables: readers must not download them, so
// the WASM core never links this room. `quire build` highlights each post's
// code blocks here and stores the result as token runs in the bundle
// (src/core/code_tokens.hpp has the format); the core replays the runs
// wherever it renders the post, natively or in the browser, so every copy of
// a page has the same markup. The grammars, their highlight queries and the
// aliases of each language come from cmake/tree-sitter.cmake (npm packages).
//
// A block's language is its fence's first word, matched case-insensitively
// against each grammar's id and aliases ("py", "sh", "c++", ...); an unknown
// or missing language, or code the parser cannot make sense of, is plain
// text, never an error. Tokens come from the language's highlights.scm:
// every capture's node is painted with the capture's token class
// (token_class_for_capture), inner nodes over outer ones, and for one node
// the query's first pattern wins (tree-sitter's own highlighter's rule) or
// its last (Neovim's), as the grammar's queries were written.
// Predicates #eq?, #not-eq?, #any-of?, #not-any-of?, #match?, #not-match?
// (and their any- forms) are evaluated; others (#set!, #is-not? local...)
// are ignored. Thread-safe: queries are compiled once, parsers are per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/post_text.hpp"

namespace quire::highlight {

// The canonical language id for a fence's language ("py" -> "python"), or
// "" when no grammar is built for it.
std::string_view language_id(std::string_view lang);

// Every language id, then the aliases: for the README and tests.
struct LanguageInfo {
  std::string_view id, package;
  std::vector<std::string_view> aliases;
};
std::vector<LanguageInfo> languages();

// "" when the language's highlight queries compiled, else why not (the
// kind of error, the line of the concatenated queries and the text there).
std::string query_error(std::string_view lang);

// The token class letter (code_tokens.hpp's kTokenClasses) of a
// highlights.scm capture name, 0 for none ("variable", "punctuation.bracket").
char token_class_for_capture(std::string_view capture);

// Token runs (code_tokens.hpp) for `code` in `lang`; "" when the language
// is unknown or nothing in the code is a token.
std::string highlight(std::string_view lang, std::string_view code);

// Runs for every code block of a post's markdown body, in the order the
// core's renderer numbers them, as the bundle's "code" array (JSON); "" when
// no block has a token.
std::string highlight_markdown(std::string_view markdown);

// The same from the blocks already found in that order (core/post_text.hpp's
// pass, when it vouches for them): no md4c pass of its own.
std::string highlight_blocks(const std::vector<CodeBlockText>& blocks);

// Whether highlighting `blocks` now would wait for another thread compiling
// one of their grammars' queries (a tenth of a second for some): a caller
// with other work may do that first and highlight these after.
bool would_wait(const std::vector<CodeBlockText>& blocks);

}  // namespace quire::highlight
