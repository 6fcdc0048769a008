#include "core/search.hpp"

#include <algorithm>
#include <string>

#include "core/html.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace quire {
namespace {

// Whether the text at `at` starts with `needle` (ASCII lower case) once
// ASCII letters are folded; the caller knows the bytes are there.
bool starts_folded(const char* at, std::string_view needle) {
  for (size_t k = 1; k < needle.size(); ++k)
    if (ascii_lower(at[k]) != needle[k]) return false;
  return true;
}

// Whether `hay` holds `needle` (ASCII lower case), ASCII letters compared
// case-insensitively; enough for UTF-8, whose multi-byte sequences hold no
// ASCII bytes. Reads the text where it is (a search copies no post), and in
// WebAssembly looks for the first letter 16 bytes at a time.
bool contains_folded(std::string_view hay, std::string_view needle) {
  const size_t n = needle.size();
  if (n == 0) return true;
  if (hay.size() < n) return false;
  const auto first = static_cast<unsigned char>(needle[0]);
  const unsigned char other = first >= 'a' && first <= 'z' ? static_cast<unsigned char>(first - 32) : first;
  const char* p = hay.data();
  const char* const last = hay.data() + (hay.size() - n);  // the last place a match can start
#if defined(__wasm_simd128__)
  const v128_t lower = wasm_i8x16_splat(static_cast<int8_t>(first));
  const v128_t upper = wasm_i8x16_splat(static_cast<int8_t>(other));
  for (; last - p >= 15; p += 16) {  // 16 starts, every one a place a match can start
    const v128_t w = wasm_v128_load(p);
    for (int bits = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(w, lower), wasm_i8x16_eq(w, upper))); bits;
         bits &= bits - 1)
      if (starts_folded(p + __builtin_ctz(static_cast<unsigned>(bits)), needle)) return true;
  }
#endif
  for (; p <= last; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if ((c == first || c == other) && starts_folded(p, needle)) return true;
  }
  return false;
}

}  // namespace

std::vector<size_t> search_posts(const Bundle& bundle, std::string_view query) {
  std::vector<std::string> terms;
  size_t pos = 0;
  while (pos < query.size()) {
    size_t end = query.find_first_of(" \t\r\n", pos);
    if (end == std::string_view::npos) end = query.size();
    if (end > pos) {
      std::string term(query.substr(pos, end - pos));
      for (char& c : term) c = ascii_lower(c);
      terms.push_back(std::move(term));
    }
    pos = end + 1;
  }
  std::vector<size_t> hits;
  if (terms.empty()) return hits;
  const bool bodies = bundle.chunks.empty();  // only the single form holds every body
  for (size_t i = 0; i < bundle.posts.size(); ++i) {
    const Post& p = bundle.posts[i];
    auto in_post = [&](std::string_view term) {
      if (contains_folded(p.title, term) || contains_folded(p.summary, term)) return true;
      for (const Text& tag : p.tags)
        if (contains_folded(tag, term)) return true;
      return bodies && contains_folded(p.body, term);
    };
    if (std::all_of(terms.begin(), terms.end(), in_post)) hits.push_back(i);
  }
  return hits;
}

}  // namespace quire
