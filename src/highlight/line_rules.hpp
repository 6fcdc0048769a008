// Languages highlighted by line rules of ours rather than a tree-sitter
// grammar: formats whose grammars are not published as packages (diff,
// Dockerfile, INI) and whose colouring is a matter of lines, not of nesting.
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
  void (*paint)(std::string_view code, char* classes, const ShellPainter& shell);
};

const std::vector<LineLanguage>& line_languages();

}  // namespace quire::highlight
