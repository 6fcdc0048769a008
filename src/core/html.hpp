// HTML escaping: the only way text from a bundle reaches markup.
#pragma once

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

// An ASCII letter in lower case, any other byte as it is: enough for
// case-insensitive matching of UTF-8, whose multi-byte sequences hold no
// ASCII bytes.
constexpr char ascii_lower(char c) {
  return static_cast<unsigned>(static_cast<unsigned char>(c) - 'A') < 26u ? static_cast<char>(c + 32) : c;
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
