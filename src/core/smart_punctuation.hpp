// Smart punctuation: typewriter marks in prose become typographic ones, as
// SmartyPants does. '"' and '\'' become curly quotes (“ ” ‘ ’) by what
// precedes them: after the start of a block, a space or an opening bracket
// or dash they open, elsewhere they close; a '\'' after a letter or digit is
// an apostrophe (’), and one before a digit after a space is too ('90s →
// ’90s). "---" becomes an em dash (—), "--" an en dash (–), "..." an
// ellipsis (…). The renderer (markdown.cpp) hands over prose text only:
// code spans, code blocks, raw HTML, entities and URLs (autolinks' text)
// never pass through here, so they keep their marks. A block's text arrives
// in pieces (one per md4c text callback, spans between them); the converter
// keeps the character before each piece, and the renderer tells it about
// what it did not convert (note()) and where a block starts (reset()).
// Site setting: site.yaml `smart_punctuation` (on unless false).
#pragma once

#include <string>
#include <string_view>

namespace quire {

class SmartPunctuation {
 public:
  // A block starts: what comes first has nothing before it.
  void reset() { before_ = 0; }
  // Text shown as it is (code, an entity, an image): its last character
  // decides how a quote after it reads.
  void note(std::string_view text);
  // Whether `text` holds anything convert() would change.
  static bool has_marks(std::string_view text);
  // Appends `text` to `out` with its marks converted (not HTML-escaped).
  void convert(std::string_view text, std::string& out);

 private:
  char32_t before_ = 0;  // the last character of the block so far (0: none)
};

// The whole of `text` converted, as one block (titles, captions).
std::string smart_punctuation(std::string_view text);

// A post's title as lists and headers show it: converted as one block, but
// not between backticks (a title's `--flag` or `"quoted"` code stays as
// typed, as in a code span), and unchanged when the site turned the
// setting off. Titles are plain text: the backticks themselves stay.
std::string smart_title(std::string_view title, bool on);

}  // namespace quire
