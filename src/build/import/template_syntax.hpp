// Template syntax left in a post: what another engine's templates would
// have expanded ({% tag %}, {{ value }}, Hugo's {{< shortcode >}}) and
// Quire shows as text. Contract: find_template_syntax() lists each such
// construct outside code (fenced and indented code blocks, inline code
// spans), with its line in the text, so that the build can warn at file:line
// and point at `quire import`. code_bytes() is the one place that says which
// bytes of a markdown text are code; the importers use it too, never to
// change code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

// One flag a byte: true inside a fenced or indented code block (fence lines
// included) or an inline code span (backticks included). An approximation
// of CommonMark that errs towards "code": a list item's paragraph indented
// four spaces after a blank line counts as code. TeX math between dollar
// signs ($x_{i}$, $$...$$) counts too: what MathJax or KaTeX reads is as
// untouchable as code, and its braces are no template's.
std::vector<bool> code_bytes(std::string_view markdown);

// `text` with each line that starts outside code (code_bytes) given to
// `map(line)` (without its line break), which returns the line to write
// instead or nullopt to keep it; the line breaks stay as they were. For a
// rewrite of whole lines one at a time, with no state between lines.
template <typename Map>
std::string map_lines_outside_code(const std::string& text, Map&& map) {
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + pos, end - pos);
    const std::optional<std::string> changed = code[pos] ? std::nullopt : map(line);
    if (changed) out += *changed;
    else out += line;
    if (end < text.size()) out += '\n';
    pos = end + 1;
  }
  return out;
}

// A report's excerpt: at most `bytes` of `text`, cut at a character's start
// (a Japanese or Greek letter is not split), newlines as spaces, "…" when cut.
std::string excerpt_of(std::string_view text, size_t bytes);

struct TemplateSyntax {
  int line = 0;         // 1-based line in the text given
  std::string snippet;  // the construct, at most ~60 bytes, on one line
};
std::vector<TemplateSyntax> find_template_syntax(std::string_view markdown);

// The build's warning for one of them (the one wording, for the build and
// its tests).
std::string template_syntax_warning(const TemplateSyntax& t);

}  // namespace quire
