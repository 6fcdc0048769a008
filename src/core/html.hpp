// HTML escaping (the only way text from a bundle reaches markup), and the
// UTF-8, percent-encoding and letter-case helpers the core shares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace quire {

// Which bytes need an entity: slot[byte] indexes kHtmlEntities (0: none).
// With the apostrophe (escape_html) or without it (the markdown renderer,
// byte-identical to md4c-html).
struct EscapeTable {
  unsigned char slot[256] = {};
  constexpr explicit EscapeTable(bool apostrophe) {
    slot[static_cast<unsigned char>('&')] = 1;
    slot[static_cast<unsigned char>('<')] = 2;
    slot[static_cast<unsigned char>('>')] = 3;
    slot[static_cast<unsigned char>('"')] = 4;
    if (apostrophe) slot[static_cast<unsigned char>('\'')] = 5;
  }
};
inline constexpr std::string_view kHtmlEntities[] = {"", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

// Escapes &, <, >, " and ' — safe in text and in quoted attributes.
std::string escape_html(std::string_view text);
void append_escaped(std::string& out, std::string_view text);

// Escapes for a JSON string inside <script type="application/ld+json">:
// JSON escaping plus '<', '>' and '&' as \u003c etc., so "</script>" can
// never close the element.
std::string escape_json_for_script(std::string_view text);

// RFC 3986's unreserved characters: ASCII letters, digits, '-', '.', '_'
// and '~', which a URL path keeps as they are.
constexpr bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// Whether a URL starts with a scheme as the WHATWG URL parser reads one:
// [a-zA-Z][a-zA-Z0-9+.-]* then ':', ASCII tabs and newlines ignored (the
// parser removes them). "1:b" and "+x:y" have none: a browser resolves
// them as relative paths.
bool has_url_scheme(std::string_view url);

// Percent-encodes one path segment (RFC 3986 unreserved kept, UTF-8 bytes
// encoded) and decodes it back; invalid escapes are kept literally.
std::string percent_encode_segment(std::string_view segment);
std::string percent_decode(std::string_view text);

// Appends a code point as UTF-8; NUL, surrogates and values past U+10FFFF
// become U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// Appends a decimal number zero-padded to `width` characters, like
// printf("%0*d") (no printf: it would bring ~10 KB of libc into the WASM).
void append_padded(std::string& out, long long n, int width);

// Replaces invalid UTF-8 with U+FFFD (bundle fields and paths).
std::string sanitize_utf8(std::string_view text);

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedChar {
  char32_t cp;
  std::size_t length;  // bytes consumed, >= 1
  bool valid;
};

// Strict UTF-8 decoding (no overlongs, surrogates or values past U+10FFFF).
// An invalid sequence consumes its maximal valid prefix, at least one byte,
// which is the "one U+FFFD per maximal subpart" practice of Unicode.
inline DecodedChar decode_utf8(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t trailing = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trailing = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    trailing = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    trailing = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    return {kReplacementChar, 1, false};
  }
  for (std::size_t k = 1; k <= trailing; ++k) {
    if (i + k >= s.size()) return {kReplacementChar, k, false};
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) return {kReplacementChar, k, false};
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, trailing + 1, true};
}

// Lowercase mapping for the common alphabetic scripts (a small table rather
// than Unicode's: ASCII, Latin-1, Latin Extended-A, Latin Extended
// Additional (Vietnamese), Greek, Cyrillic, Armenian, Georgian, full-width
// Latin). Used by heading slugs; scripts without case (CJK...) are
// unaffected.
char32_t lower_case(char32_t cp);

// Simple case folding, for matching text in any case (footnote labels,
// search): lower_case() plus the few letters whose folding differs from
// their lowercase (final sigma, long s, micro sign).
char32_t fold_case(char32_t cp);

// An ASCII letter in lower case, any other byte as it is: enough for
// case-insensitive matching of UTF-8, whose multi-byte sequences hold no
// ASCII bytes.
constexpr char ascii_lower(char c) {
  return static_cast<unsigned>(static_cast<unsigned char>(c) - 'A') < 26u ? static_cast<char>(c + 32) : c;
}

// `s` with its ASCII letters in lower case.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// A small builder for markup: text() escapes, raw() does not.
class Html {
 public:
  Html& raw(std::string_view s) { out_ += s; return *this; }
  Html& text(std::string_view s) { append_escaped(out_, s); return *this; }
  Html& num(long long n) { out_ += std::to_string(n); return *this; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace quire
