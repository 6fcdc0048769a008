#include "core/search.hpp"

#include <algorithm>
#include <string>

#include "core/html.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace quire {
namespace {

// A word of the query, case folded, with what the scan looks for.
struct Term {
  std::string text;
  bool ascii = true;         // every byte ASCII: bytes compare as they are
  unsigned char first = 0;   // text[0], and its upper case when a letter
  unsigned char other = 0;
};

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

Term make_term(std::string word) {
  Term t;
  t.text = std::move(word);
  t.ascii = is_ascii(t.text);
  t.first = static_cast<unsigned char>(t.text[0]);
  t.other = t.first >= 'a' && t.first <= 'z' ? static_cast<unsigned char>(t.first - 32) : t.first;
  return t;
}

// Whether the text at `at` starts with the ASCII `needle` (lower case) once
// ASCII letters are folded; the caller knows the bytes are there and that
// the first one matches.
bool starts_ascii_folded(const char* at, std::string_view needle) {
  for (size_t k = 1; k < needle.size(); ++k)
    if (ascii_lower(at[k]) != needle[k]) return false;
  return true;
}

// fold_case, except that a letter never folds into ASCII (ſ -> s, the
// Kelvin sign -> k): a folded word is then ASCII exactly when the word is,
// and the ASCII path, which compares bytes, finds all a word matches.
char32_t search_fold(char32_t cp) {
  const char32_t folded = fold_case(cp);
  return cp >= 0x80 && folded < 0x80 ? cp : folded;
}

// Whether hay[at..] starts with `needle` (folded) once every letter of it
// is folded: ASCII bytes directly, other characters through search_fold.
bool starts_folded(std::string_view hay, size_t at, std::string_view needle) {
  size_t i = at, k = 0;
  while (k < needle.size()) {
    if (i >= hay.size()) return false;
    if (static_cast<unsigned char>(hay[i]) < 0x80) {  // an ASCII character folds to one
      if (ascii_lower(hay[i]) != needle[k]) return false;
      ++i;
      ++k;
      continue;
    }
    const DecodedChar c = decode_utf8(hay, i), n = decode_utf8(needle, k);
    if (search_fold(c.cp) != n.cp) return false;
    i += c.length;
    k += n.length;
  }
  return true;
}

// Calls verify(p) at every place p in [p, last] holding `first` or
// `other` (kLead: any lead byte of a multi-byte character instead), until
// it says true; in WebAssembly looks 16 bytes at a time.
template <bool kLead, class Verify>
bool any_start(const char* p, const char* last, unsigned char first, unsigned char other, Verify verify) {
#if defined(__wasm_simd128__)
  const v128_t one = wasm_i8x16_splat(static_cast<int8_t>(first));
  const v128_t two = wasm_i8x16_splat(static_cast<int8_t>(other));
  const v128_t lead = wasm_u8x16_splat(0xC0);
  for (; last - p >= 15; p += 16) {  // 16 starts, every one a place a match can start
    const v128_t w = wasm_v128_load(p);
    const v128_t hit = kLead ? wasm_u8x16_ge(w, lead) : wasm_v128_or(wasm_i8x16_eq(w, one), wasm_i8x16_eq(w, two));
    for (int bits = wasm_i8x16_bitmask(hit); bits; bits &= bits - 1)
      if (verify(p + __builtin_ctz(static_cast<unsigned>(bits)))) return true;
  }
#endif
  for (; p <= last; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if ((kLead ? c >= 0xC0 : c == first || c == other) && verify(p)) return true;
  }
  return false;
}

// Whether `hay` holds the term in any case. Reads the text where it is (a
// search copies no post). A term in ASCII compares bytes, enough for UTF-8,
// whose multi-byte sequences hold no ASCII bytes: the fast path. A term
// with other letters folds the text's characters as it compares, at each
// place its first character can start: that letter in either case, or any
// lead byte of a multi-byte character. A folded term is never longer than
// a text it matches (no letter folds to a longer one), so no match starts
// past `last`.
bool contains_folded(std::string_view hay, const Term& term) {
  const std::string_view needle = term.text;
  if (hay.size() < needle.size()) return false;
  const char* const last = hay.data() + (hay.size() - needle.size());  // the last place a match can start
  if (term.ascii)
    return any_start<false>(hay.data(), last, term.first, term.other,
                            [needle](const char* at) { return starts_ascii_folded(at, needle); });
  auto folded_at = [hay, needle](const char* at) {
    return starts_folded(hay, static_cast<size_t>(at - hay.data()), needle);
  };
  if (term.first < 0x80) return any_start<false>(hay.data(), last, term.first, term.other, folded_at);
  return any_start<true>(hay.data(), last, 0, 0, folded_at);
}

// `word` case folded, invalid UTF-8 as U+FFFD.
std::string fold_word(std::string_view word) {
  if (is_ascii(word)) return ascii_lower(word);
  const std::string valid = sanitize_utf8(word);
  std::string out;
  for (size_t i = 0; i < valid.size();) {
    const DecodedChar d = decode_utf8(valid, i);
    append_utf8(out, search_fold(d.cp));
    i += d.length;
  }
  return out;
}

}  // namespace

SearchWords search_words(std::string_view query) {
  SearchWords q;
  size_t pos = 0;
  while (pos < query.size()) {
    size_t end = query.find_first_of(" \t\r\n", pos);
    if (end == std::string_view::npos) end = query.size();
    if (end > pos) {
      std::string word = fold_word(query.substr(pos, end - pos));
      const bool long_word = word.size() > kMaxSearchWordBytes;
      if (long_word) {
        size_t cut = kMaxSearchWordBytes;
        while ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;  // a whole character
        word.resize(cut);
      }
      if (std::find(q.words.begin(), q.words.end(), word) == q.words.end()) {
        if (q.words.size() == kMaxSearchWords) {
          q.dropped = true;
          break;
        }
        q.words.push_back(std::move(word));
        q.shortened = q.shortened || long_word;  // only a word searched counts
      }
    }
    pos = end + 1;
  }
  return q;
}

std::vector<size_t> search_posts(const Bundle& bundle, const SearchWords& query) {
  std::vector<Term> terms;
  for (const std::string& word : query.words)
    if (!word.empty()) terms.push_back(make_term(word));
  std::vector<size_t> hits;
  if (terms.empty()) return hits;
  const bool bodies = bundle.chunks.empty();  // only the single form holds every body
  for (size_t i = 0; i < bundle.posts.size(); ++i) {
    const Post& p = bundle.posts[i];
    auto in_post = [&](const Term& term) {
      if (contains_folded(p.title, term) || contains_folded(p.summary, term)) return true;
      for (const Text& tag : p.tags)
        if (contains_folded(tag, term)) return true;
      return bodies && contains_folded(p.body, term);
    };
    if (std::all_of(terms.begin(), terms.end(), in_post)) hits.push_back(i);
  }
  return hits;
}

std::vector<size_t> search_posts(const Bundle& bundle, std::string_view query) {
  return search_posts(bundle, search_words(query));
}

}  // namespace quire
