// Syntax highlighting token runs: how build-time highlighting travels in the
// bundle and is replayed by the core, so that pre-rendered pages (native),
// client-rendered views (WASM) and the widget write the same HTML.
//
// The build (src/highlight, native only: grammars never enter the WASM core)
// highlights every code block of a post's body and stores the result in
// Post::code_json, the post's "code" field in the bundle: a JSON array with
// one string per code block of the body, in document order (the body's
// blocks, then those of its footnotes in the order the renderer writes
// them), each a sequence of runs `<class><length>` covering the block's text
// from its start: <class> one letter of kTokenClasses or '_' (plain text),
// <length> a decimal byte count > 0 (at most 9 digits). Text after the last
// run is plain; "" is a block without tokens. Example: "k3_1f4" is a
// keyword of 3 bytes, 1 plain byte, a function name of 4 bytes.
//
// The renderer (src/core/markdown.cpp, through MarkdownOptions::code) asks a
// CodeBlockWriter to write each code block's text. TokenReplay writes the
// runs as <span class="tok-X">..</span>; a bundle is untrusted input, so a
// block's runs are validated first (known classes, lengths within the
// block's text, boundaries between UTF-8 characters) and ignored, the block
// written plain, when they fail; a malformed "code" array is ignored whole.
// Markdown rendered without a writer (renderMarkdown, a preview) stays
// plain.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/output_buffer.hpp"

namespace quire {

// The token classes, one letter each, written as class="tok-<letter>"
// (web/style.css colours them):
//   k keyword   s string    e escape/regex  c comment   f function
//   t type      n number    b constant/builtin          p property/key
//   o operator  g tag       a attribute
inline constexpr std::string_view kTokenClasses = "ksecftnbpoga";
inline constexpr char kPlainRun = '_';

// One code block as the renderer sees it: `lang` is the info string's first
// word ("" without one), `text` the block's text as written inside <code>.
struct CodeBlock {
  std::string_view lang;
  std::string_view info;
  std::string_view text;
};

// Writes a code block's text into <code>..</code> (the markup around it is
// the renderer's). `index` counts the code blocks of one render from 0.
class CodeBlockWriter {
 public:
  virtual ~CodeBlockWriter() = default;
  virtual void write(std::size_t index, const CodeBlock& block, OutputBuffer& out) = 0;
};

// Runs for a whole block, from per-byte classes (0 or '_': plain).
std::string encode_runs(std::string_view byte_classes);

// Whether `runs` is well formed for `text` (see above); on success the
// byte ranges and classes are appended to `out` (plain runs left out).
struct TokenRun {
  std::size_t begin, end;
  char cls;
};
bool decode_runs(std::string_view runs, std::string_view text, std::vector<TokenRun>& out);

// The bundle's "code" array for a post, and back (false: malformed; then
// `out` is empty). Only strings of run characters are accepted.
std::string code_json(const std::vector<std::string>& blocks);
bool parse_code_json(std::string_view json, std::vector<std::string_view>& out);

// Options from the fence's info string after the language, as Hugo writes
// them, `{hl_lines=[2,"4-6"], linenos=true}` (hl_lines also "2 4-6"; linenos
// true, inline or table: numbers on), or as a bare list of lines, `{2,4-6}`.
// Anything else in the braces is ignored.
struct CodeBlockOptions {
  bool line_numbers = false;
  std::vector<std::pair<unsigned, unsigned>> highlighted;  // 1-based, inclusive
  bool by_line() const { return line_numbers || !highlighted.empty(); }
  bool is_highlighted(unsigned line) const;
};
CodeBlockOptions parse_code_info(std::string_view info);
// Attributes of <pre> for them: ` class="linenos"` when numbered (numbers
// are CSS counters, so copied code has none).
void append_pre_attributes(OutputBuffer& out, const CodeBlockOptions& options);

// `text` HTML-escaped, with `runs` as spans when they are valid for it. By
// line (options.by_line()), each line, its '\n' included, is a
// <span class="line"> (class "line hl" when highlighted), token spans split
// at line ends.
void append_highlighted(OutputBuffer& out, std::string_view text, std::string_view runs,
                        const CodeBlockOptions& options = {});

// Replays a post's runs (its "code" array as written in the bundle, which
// must outlive the replay: the runs are views of it).
class TokenReplay : public CodeBlockWriter {
 public:
  explicit TokenReplay(std::string_view code_json);
  void write(std::size_t index, const CodeBlock& block, OutputBuffer& out) override;

 private:
  std::vector<std::string_view> runs_;
};

}  // namespace quire
