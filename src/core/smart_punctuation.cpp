#include "core/smart_punctuation.hpp"

#include "core/html.hpp"

namespace quire {
namespace {

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";  // ”
constexpr std::string_view kLeftSingle = "\xE2\x80\x98";   // ‘
constexpr std::string_view kRightSingle = "\xE2\x80\x99";  // ’ (also the apostrophe)
constexpr std::string_view kEmDash = "\xE2\x80\x94";       // —
constexpr std::string_view kEnDash = "\xE2\x80\x93";       // –
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // …

// Whether a quote after `c` opens: nothing, a space, an opening bracket,
// a dash or slash, or an opening quote.
bool opens_after(char32_t c) {
  switch (c) {
    case 0: case ' ': case '\t': case '\n': case '\r': case 0xA0:
    case '(': case '[': case '{': case '<': case '-': case '/':
    case 0x201C: case 0x2018: case 0x2014: case 0x2013:
      return true;
    default:
      return false;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The last character of `s` (0 for none).
char32_t last_char(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return decode_utf8(s, i).cp;
}

}  // namespace

void SmartPunctuation::note(std::string_view text) {
  if (!text.empty()) before_ = last_char(text);
}

bool SmartPunctuation::has_marks(std::string_view text) {
  // One plain loop: find_first_of with a set calls memchr on the set for
  // every byte, and every piece of prose a render hands over passes here.
  const char* p = text.data();
  const std::size_t n = text.size();
  for (std::size_t at = 0; at < n; ++at) {
    const char c = p[at];
    if (c == '"' || c == '\'') return true;
    if (c == '-' && at + 1 < n && p[at + 1] == '-') return true;
    if (c == '.' && at + 2 < n && p[at + 1] == '.' && p[at + 2] == '.') return true;
  }
  return false;
}

void SmartPunctuation::convert(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      out += opens_after(before_) ? kLeftDouble : kRightDouble;
      before_ = opens_after(before_) ? 0x201C : 0x201D;
      ++i;
    } else if (c == '\'') {
      const bool digit_next = i + 1 < text.size() && is_digit(text[i + 1]);
      const bool opening = opens_after(before_) && !digit_next;
      out += opening ? kLeftSingle : kRightSingle;
      before_ = opening ? 0x2018 : 0x2019;
      ++i;
    } else if (c == '-' || c == '.') {
      std::size_t n = 1;
      while (i + n < text.size() && text[i + n] == c) ++n;
      i += n;
      if (c == '.') {
        if (n >= 3) out += kEllipsis, n -= 3;
        out.append(n, '.');
        before_ = n ? U'.' : U'\u2026';
        continue;
      }
      // "---" an em dash, "--" an en dash; longer runs as em dashes, then
      // an en dash or a hyphen for what is left.
      if (n == 1) {
        out += '-';
        before_ = '-';
        continue;
      }
      for (; n >= 3; n -= 3) out += kEmDash, before_ = 0x2014;
      if (n == 2) out += kEnDash, before_ = 0x2013;
      if (n == 1) out += '-', before_ = '-';
    } else {
      // A run of anything else, copied at once.
      std::size_t end = text.find_first_of("\"'-.", i);
      if (end == std::string_view::npos) end = text.size();
      out.append(text.substr(i, end - i));
      before_ = last_char(text.substr(i, end - i));
      i = end;
    }
  }
}

std::string smart_punctuation(std::string_view text) {
  if (!SmartPunctuation::has_marks(text)) return std::string(text);
  std::string out;
  SmartPunctuation().convert(text, out);
  return out;
}

std::string smart_title(std::string_view title, bool on) {
  if (!on || !SmartPunctuation::has_marks(title)) return std::string(title);
  std::string out;
  SmartPunctuation smart;
  size_t at = 0;
  while (at < title.size()) {
    const size_t open = title.find('`', at);
    const size_t close = open == std::string_view::npos ? open : title.find('`', open + 1);
    if (close == std::string_view::npos) {  // no code (an unpaired backtick is text)
      smart.convert(title.substr(at), out);
      break;
    }
    smart.convert(title.substr(at, open - at), out);
    const std::string_view code = title.substr(open, close + 1 - open);
    out.append(code);
    smart.note(code);
    at = close + 1;
  }
  return out;
}

}  // namespace quire
