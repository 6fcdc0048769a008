// One fast UTF-8 check for the places that must know, before doing work,
// whether a string is valid UTF-8 under their own rules (the bundle writer's
// JSON strings, the highlighter's code-block scan). Contract: is_utf8(s,
// rules) is true when `s` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing past U+10FFFF, nothing truncated) and, besides, holds
// NUL only if rules.nul_allowed and no code point above rules.max. Eight
// ASCII bytes are checked at a time. Header-only so that each caller's
// constant rules fold into its loop. (Repairing invalid input is
// sanitize_utf8's, in core/markdown.hpp; this only answers yes or no.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace quire {

struct Utf8Rules {
  bool nul_allowed;
  char32_t max;  // the highest code point allowed
};

// What nlohmann-json's dump passes as it is (any valid UTF-8).
inline constexpr Utf8Rules kJsonUtf8{true, 0x10FFFF};
// What the renderer's input repair leaves as it is: no NUL, nothing from
// U+100000 (the plane whose top the renderer's footnote sentinels use).
inline constexpr Utf8Rules kRendererUtf8{false, 0xFFFFF};

inline bool is_utf8(std::string_view s, Utf8Rules rules) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Eight ASCII bytes (without NUL, when it is not allowed) at a time.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ull) break;
      if (!rules.nul_allowed && ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) != 0) break;
      p += 8;
    }
    if (p == end) break;
    const unsigned char c = *p;
    if (c == 0 && !rules.nul_allowed) return false;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::size_t n;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
    else return false;
    if (static_cast<std::size_t>(end - p) <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = cp << 6 | (p[k] & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && cp < 0x10000) || cp > rules.max)
      return false;
    p += n + 1;
  }
  return true;
}

}  // namespace quire
