// Search text: how text becomes search terms, the same at build time (the
// index) and in the reader's browser (queries, snippets, phrase checks).
//
// A term is a run of letters and digits, case folded (fold_case) and with
// Latin accents and combining marks dropped ("Café" -> "cafe"); anything
// else (spaces, punctuation, symbols, emoji, '_', '\'') separates terms.
// CJK text (Han, kana, Hangul), which has no spaces between words, becomes
// character bigrams: "東京都" -> "東京", "京都" (a lone character is a term
// of its own). A term keeps at most kMaxTermBytes bytes (whole characters).
// Each token carries where it came from in the text (byte offsets), so
// snippets can mark the text as written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

inline constexpr size_t kMaxTermBytes = 64;

struct SearchToken {
  std::string term;
  uint32_t begin = 0;  // byte offsets of the source text it came from
  uint32_t end = 0;
};

// Receives terms one at a time (search_terms): `term` is valid only during
// the call. The build's index writer reads terms this way, with no string
// made per term.
class SearchTermSink {
 public:
  virtual void term(std::string_view term, uint32_t begin, uint32_t end) = 0;

 protected:
  ~SearchTermSink() = default;
};

// The terms of `text`, in order, to `sink` (the same as search_tokens).
void search_terms(std::string_view text, SearchTermSink& sink);

// Appends the tokens of `text` (invalid UTF-8 separates terms).
void search_tokens(std::string_view text, std::vector<SearchToken>& out);
std::vector<SearchToken> search_tokens(std::string_view text);

// One character folded as terms are: case, then Latin accents (0 for a
// character that separates terms).
char32_t search_fold_char(char32_t cp);

// Characters (code points) in a UTF-8 term.
size_t term_chars(std::string_view term);

// Whether a and b differ by exactly one edit (insert, delete, substitute
// or swap two neighbours) of whole characters.
bool one_edit_apart(std::string_view a, std::string_view b);

}  // namespace quire
