#include "core/search_text.hpp"

#include <array>

#include "core/html.hpp"

namespace quire {
namespace {

// Base letters of U+00C0..U+017F once case is folded ('.': no accent to drop).
constexpr std::string_view kLatinBase =
    "aaaaaa.ceeeeiiii.nooooo.ouuuuy.."  // U+00C0
    "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y"  // U+00E0
    "aaaaaaccccccccdd"                  // U+0100
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii..jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo..rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

// An ASCII byte as a term holds it (lower case), 0 for one that separates
// terms.
constexpr std::array<char, 128> kAsciiTerm = [] {
  std::array<char, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c + 32);
  return t;
}();

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

// Characters left out of a term without separating it (combining marks,
// variation selectors, soft hyphen).
bool is_ignored(char32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xAD;
}

bool separates(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  return cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp < 0x20000) || cp >= 0xE0000;
}

}  // namespace

char32_t search_fold_char(char32_t cp) {
  if (cp < 0x80) return separates(cp) ? 0 : static_cast<char32_t>(ascii_lower(static_cast<char>(cp)));
  if (separates(cp)) return 0;
  const char32_t f = fold_case(cp);
  if (f >= 0xC0 && f <= 0x17F) {
    const char base = kLatinBase[f - 0xC0];
    if (base != '.') return static_cast<char32_t>(base);
  }
  return f;
}

void search_terms(std::string_view text, SearchTermSink& sink) {
  // The word being read (at most kMaxTermBytes bytes of it kept).
  char word[kMaxTermBytes];
  size_t word_size = 0;
  uint32_t word_begin = 0, word_end = 0;
  bool in_word = false;
  // A CJK run: the previous character (bigrams are emitted as they come)
  // and how many characters the run has.
  std::string prev, pair, c;  // a few bytes each: no allocation
  size_t run = 0;
  uint32_t prev_begin = 0, prev_end = 0;
  auto end_word = [&] {
    if (in_word && word_size > 0) sink.term(std::string_view(word, word_size), word_begin, word_end);
    word_size = 0;
    in_word = false;
  };
  auto end_run = [&] {
    if (run == 1) sink.term(prev, prev_begin, prev_end);
    run = 0;
  };
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto at = static_cast<uint32_t>(i);
    if (byte < 0x80) {  // ASCII: no decoding, no CJK
      if (run) end_run();
      char lower = kAsciiTerm[byte];
      if (!lower) {
        ++i;
        end_word();
        continue;
      }
      if (!in_word) {
        in_word = true;
        word_begin = at;
      }
      // The rest of the word's ASCII letters and digits in one loop (most
      // of a text is these): one table load and one store a byte.
      for (;;) {
        if (word_size < kMaxTermBytes) word[word_size++] = lower;
        if (++i == text.size()) break;
        const auto next = static_cast<unsigned char>(text[i]);
        if (next >= 0x80 || (lower = kAsciiTerm[next]) == 0) break;
      }
      word_end = static_cast<uint32_t>(i);
      continue;
    }
    DecodedChar d = decode_utf8(text, i);
    i += d.length;
    if (!d.valid) d.cp = 0xFFFD;
    if (is_ignored(d.cp)) {
      if (in_word) word_end = static_cast<uint32_t>(i);
      continue;
    }
    if (is_cjk(d.cp)) {
      end_word();
      c.clear();
      append_utf8(c, d.cp);
      if (run) {
        pair = prev;
        pair += c;
        sink.term(pair, prev_begin, static_cast<uint32_t>(i));
      }
      prev = c;
      prev_begin = at;
      prev_end = static_cast<uint32_t>(i);
      ++run;
      continue;
    }
    if (run) end_run();
    const char32_t f = search_fold_char(d.cp);
    if (f == 0) {
      end_word();
      continue;
    }
    if (!in_word) {
      in_word = true;
      word_begin = at;
    }
    word_end = static_cast<uint32_t>(i);
    c.clear();
    append_utf8(c, f);
    if (word_size + c.size() <= kMaxTermBytes) {
      std::copy(c.begin(), c.end(), word + word_size);
      word_size += c.size();
    }
  }
  end_word();
  if (run) end_run();
}

void search_tokens(std::string_view text, std::vector<SearchToken>& out) {
  struct Sink final : SearchTermSink {
    std::vector<SearchToken>& out;
    explicit Sink(std::vector<SearchToken>& o) : out(o) {}
    void term(std::string_view term, uint32_t begin, uint32_t end) override {
      out.push_back({std::string(term), begin, end});
    }
  } sink(out);
  search_terms(text, sink);
}

std::vector<SearchToken> search_tokens(std::string_view text) {
  std::vector<SearchToken> out;
  search_tokens(text, out);
  return out;
}

size_t term_chars(std::string_view term) {
  size_t n = 0;
  for (char c : term) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool one_edit_apart(std::string_view a, std::string_view b) {
  // Compared as code points; a term holds at most kMaxTermBytes of them
  // (fixed arrays: no string type of char32_t in the WASM module).
  struct Chars {
    char32_t cp[kMaxTermBytes];
    size_t n = 0;
    explicit Chars(std::string_view s) {
      for (size_t i = 0; i < s.size() && n < kMaxTermBytes;) {
        const DecodedChar d = decode_utf8(s, i);
        cp[n++] = d.cp;
        i += d.length;
      }
    }
  };
  // Counted first (no decoding): most pairs differ by more than one character.
  const size_t na = term_chars(a), nb = term_chars(b);
  if (na > nb + 1 || nb > na + 1) return false;
  const Chars x(a), y(b);
  auto same = [](const Chars& p, size_t i, const Chars& q, size_t j) {  // p[i..] == q[j..]
    if (p.n - i != q.n - j) return false;
    for (; i < p.n; ++i, ++j)
      if (p.cp[i] != q.cp[j]) return false;
    return true;
  };
  size_t first = 0;
  while (first < x.n && first < y.n && x.cp[first] == y.cp[first]) ++first;
  if (x.n == y.n) {
    if (first == x.n) return false;  // equal
    if (same(x, first + 1, y, first + 1)) return true;  // substitution
    return first + 1 < x.n && x.cp[first] == y.cp[first + 1] && x.cp[first + 1] == y.cp[first] &&
           same(x, first + 2, y, first + 2);  // swap
  }
  if (x.n + 1 == y.n) return same(x, first, y, first + 1);  // insertion
  if (y.n + 1 == x.n) return same(x, first + 1, y, first);  // deletion
  return false;
}

}  // namespace quire
