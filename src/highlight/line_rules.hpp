// Languages highlighted by rules of ours rather than a tree-sitter grammar,
// for formats whose grammars are not published as packages: line rules
// (diff, Dockerfile, INI), whose colouring is a matter of lines, and word
// rules (Protocol Buffers, GraphQL, HCL, Groovy, CMake, Vim script,
// CoffeeScript): comments, strings, numbers and each one's keywords, types
// and constants, as a lexer does without a parse.
// highlight.cpp dispatches to these as it does to the grammars, so that a
// fence's language resolves the same way (id or alias, any case).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::highlight {

// Paints `classes` (one byte per byte of `code`, 0 plain, else a token class
// letter of code_tokens.hpp) for one block. `shell` paints a part of the
// block as a shell command (a Dockerfile's RUN), with the same convention.
using ShellPainter = std::function<void(std::string_view code, char* classes)>;

struct LineLanguage {
  std::string_view id;
  std::vector<std::string_view> aliases;
  std::function<void(std::string_view code, char* classes, const ShellPainter& shell)> paint;
};

const std::vector<LineLanguage>& line_languages();

}  // namespace quire::highlight
