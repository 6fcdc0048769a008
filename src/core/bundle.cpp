#include "core/bundle.hpp"
#include "core/bundle_writer.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>  // writing only (native); see below

#include "core/categories.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/pages.hpp"
#include "core/post_shards.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

// Reading is done here without any JSON library, so that the WASM module
// links no nlohmann-json (it was 19 KB of 167 KB gzip); writing, native
// only, uses nlohmann-json (write_bundle_json below; the linker drops it
// from the module, which never writes).
namespace quire {
namespace {

// ---- JSON text, read by a validating pull parser ---------------------------
// Accepts exactly JSON: RFC 8259, UTF-8 as RFC 3629, surrogate escapes
// paired, and (as nlohmann-json) no number that overflows a double. The
// schema readers below walk it value by value, so nothing is built that
// the Bundle does not keep; a value of no interest is skipped with its
// nesting kept on a heap stack (no input can overflow the call stack).

// A JSON value's type, named in messages as nlohmann-json's type_name().
enum class Type : unsigned char { Null, Boolean, Number, String, Array, Object };

const char* type_name(Type t) {
  switch (t) {
    case Type::Null: return "null";
    case Type::Boolean: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
  }
  return "value";
}

// A string's contents as written between its quotes, already validated.
struct Raw {
  const char* data = nullptr;
  size_t size = 0;
  bool escaped = false;  // holds a backslash escape
  std::string_view view() const { return {data, size}; }
};

// A number as the schema sees it: an integer (its value as int64_t, as
// nlohmann-json's get<int64_t>() gives it) or not.
struct Number {
  bool integer = false;
  int64_t value = 0;
};

unsigned hex_digit(char c) {
  return c >= '0' && c <= '9' ? unsigned(c - '0') : c >= 'a' && c <= 'f' ? unsigned(c - 'a' + 10)
       : c >= 'A' && c <= 'F' ? unsigned(c - 'A' + 10) : 16u;
}

unsigned hex4_at(const char* p) {
  return hex_digit(p[0]) << 12 | hex_digit(p[1]) << 8 | hex_digit(p[2]) << 4 | hex_digit(p[3]);
}

// Appends a validated string's text with its escapes decoded; \u0000
// becomes U+FFFD, as sanitize_utf8() makes a NUL (none reaches a view).
void append_text(std::string& out, Raw s) {
  const char* p = s.data;
  const char* end = p + s.size;
  if (!s.escaped) {
    out.append(p, end);
    return;
  }
  while (p != end) {
    const char* slash = static_cast<const char*>(std::memchr(p, '\\', static_cast<size_t>(end - p)));
    if (!slash) {
      out.append(p, end);
      return;
    }
    out.append(p, slash);
    p = slash + 2;
    switch (slash[1]) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        char32_t cp = hex4_at(p);
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // paired: the parser checked
          cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4_at(p + 2) - 0xDC00);
          p += 6;
        }
        append_utf8(out, cp == 0 ? 0xFFFD : cp);
        break;
      }
      default: out += slash[1];  // '"', '\\' or '/'
    }
  }
}

std::string text_of(Raw s) {
  if (!s.escaped) return std::string(s.data, s.size);
  std::string out;
  out.reserve(s.size);
  append_text(out, s);
  return out;
}

void assign_text(std::string& out, Raw s) {
  if (!s.escaped) {
    out.assign(s.data, s.size);
    return;
  }
  out.clear();
  out.reserve(s.size);
  append_text(out, s);
}

class Cursor {
 public:
  explicit Cursor(std::string_view in) : begin_(in.data()), p_(in.data()), end_(in.data() + in.size()) {}

  bool failed() const { return what_ != nullptr; }
  // The syntax error: "not valid JSON (syntax error at byte N: what)".
  std::string error() const {
    return "not valid JSON (syntax error at byte " + std::to_string(error_at_) + ": " + what_ + ")";
  }
  const char* position() const { return p_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }

  // The type of the next value, from its first byte; a syntax error when
  // no value starts there.
  bool peek(Type& t) {
    space();
    if (p_ == end_) return syntax("unexpected end of input");
    switch (*p_) {
      case '{': t = Type::Object; return true;
      case '[': t = Type::Array; return true;
      case '"': t = Type::String; return true;
      case 't': case 'f': t = Type::Boolean; return true;
      case 'n': t = Type::Null; return true;
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
          t = Type::Number;
          return true;
        }
        return syntax("unexpected character");
    }
  }

  // Each reads a value of the type peek() gave.
  bool null() { return literal("null"); }
  bool boolean(bool& out) {
    out = *p_ == 't';
    return literal(out ? "true" : "false");
  }
  bool string(Raw& out) {
    const char* start = ++p_;
    bool escaped = false;
    for (;;) {
      run();
      if (p_ == end_) return syntax("unexpected end of input in a string");
      auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out = Raw{start, static_cast<size_t>(p_ - start), escaped};
        ++p_;
        return true;
      }
      if (c == '\\') {
        escaped = true;
        if (!escape()) return false;
      } else if (c < 0x20) {
        return syntax("control character in a string (must be escaped)");
      } else if (!utf8()) {
        return syntax("ill-formed UTF-8 byte");
      }
    }
  }
  bool number(Number& out);

  // Reads one value of any type, keeping nothing.
  bool skip();
  // Skips a value: its bytes as written, empty when the syntax is bad.
  std::string_view skip_span() {
    const char* start = p_;
    return skip() ? std::string_view(start, static_cast<size_t>(p_ - start)) : std::string_view();
  }

  // Walks an object (after peek() gave Object): member(key) reads each
  // value and returns false only on a syntax error.
  template <class Member>
  bool object(Member&& member) {
    ++p_;
    space();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    for (;;) {
      Raw key;
      if (!key_and_colon(key) || !member(key)) return false;
      space();
      if (p_ == end_) return syntax("unexpected end of input");
      char c = *p_++;
      if (c == '}') return true;
      if (c != ',') return --p_, syntax("expected ',' or '}'");
    }
  }

  // Walks an array (after peek() gave Array): element(i) reads each value.
  template <class Element>
  bool array(Element&& element) {
    ++p_;
    space();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    for (size_t i = 0;; ++i) {
      if (!element(i)) return false;
      space();
      if (p_ == end_) return syntax("unexpected end of input");
      char c = *p_++;
      if (c == ']') return true;
      if (c != ',') return --p_, syntax("expected ',' or ']'");
    }
  }

  // Nothing but whitespace is left.
  bool end() {
    space();
    return p_ == end_ || syntax("unexpected content after the JSON value");
  }

 private:
  bool syntax(const char* what) {
    if (!what_) {
      what_ = what;
      error_at_ = static_cast<size_t>(p_ - begin_);
    }
    return false;
  }

  void space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return syntax("invalid literal");
    p_ += word.size();
    return true;
  }

  bool key_and_colon(Raw& key) {
    space();
    if (p_ == end_) return syntax("unexpected end of input");
    if (*p_ != '"') return syntax("expected a string (an object's key)");
    if (!string(key)) return false;
    space();
    if (p_ == end_ || *p_ != ':') return syntax("expected ':'");
    ++p_;
    return true;
  }

  // Moves p_ over plain string bytes (not '"', '\\', control or non-ASCII):
  // sixteen at a time with WebAssembly SIMD when built with it, else eight
  // at a time where the machine is little-endian.
  void run() {
#if defined(__wasm_simd128__)
    const v128_t quote = wasm_i8x16_splat('"'), slash = wasm_i8x16_splat('\\'), space = wasm_i8x16_splat(0x20);
    // Signed, a byte below 0x20 is a control byte or non-ASCII: one compare.
    auto mark = [&](v128_t w) {
      return wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(w, quote), wasm_i8x16_eq(w, slash)), wasm_i8x16_lt(w, space));
    };
    // Thirty-two bytes a turn (summaries are long), then sixteen.
    while (end_ - p_ >= 32) {
      v128_t a = mark(wasm_v128_load(p_)), b = mark(wasm_v128_load(p_ + 16));
      if (wasm_v128_any_true(wasm_v128_or(a, b))) {
        auto bits = static_cast<unsigned>(wasm_i8x16_bitmask(a)) | static_cast<unsigned>(wasm_i8x16_bitmask(b)) << 16;
        p_ += __builtin_ctz(bits);
        return;
      }
      p_ += 32;
    }
    while (end_ - p_ >= 16) {
      if (int bits = wasm_i8x16_bitmask(mark(wasm_v128_load(p_)))) {
        p_ += __builtin_ctz(static_cast<unsigned>(bits));
        return;
      }
      p_ += 16;
    }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (end_ - p_ >= 8) {
      uint64_t w;
      std::memcpy(&w, p_, 8);
      uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
      // A byte's high bit is set where it is zero (quote, slash), below
      // 0x20, or non-ASCII; borrows only mark bytes after a marked one.
      uint64_t mark = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) | ((w - ones * 0x20) & ~w) | w;
      mark &= highs;
      if (mark) {
        p_ += __builtin_ctzll(mark) / 8;
        return;
      }
      p_ += 8;
    }
#endif
    while (p_ != end_) {
      auto c = static_cast<unsigned char>(*p_);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return;
      ++p_;
    }
  }

  static bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

  // One UTF-8 sequence starting with a byte >= 0x80; false if ill-formed.
  bool utf8() {
    auto at = [this](long k) { return static_cast<unsigned char>(p_[k]); };
    unsigned char c = at(0);
    long left = end_ - p_;
    if (in(c, 0xC2, 0xDF)) {
      if (left < 2 || !in(at(1), 0x80, 0xBF)) return false;
      p_ += 2;
      return true;
    }
    if (in(c, 0xE0, 0xEF)) {
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (left < 3 || !in(at(1), lo, hi) || !in(at(2), 0x80, 0xBF)) return false;
      p_ += 3;
      return true;
    }
    if (in(c, 0xF0, 0xF4)) {
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (left < 4 || !in(at(1), lo, hi) || !in(at(2), 0x80, 0xBF) || !in(at(3), 0x80, 0xBF)) return false;
      p_ += 4;
      return true;
    }
    return false;
  }

  bool hex4(unsigned& out) {
    if (end_ - p_ < 4) return syntax("unexpected end of input in a \\u escape");
    for (int i = 0; i < 4; ++i)
      if (hex_digit(p_[i]) > 15) return p_ += i, syntax("expected four hex digits after \\u");
    out = hex4_at(p_);
    p_ += 4;
    return true;
  }

  // A backslash escape at p_.
  bool escape() {
    if (end_ - p_ < 2) return ++p_, syntax("unexpected end of input in a string");
    ++p_;
    switch (*p_++) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': return true;
      case 'u': {
        unsigned cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return syntax("a low surrogate \\u escape without a high one");
        if (cp < 0xD800 || cp > 0xDBFF) return true;
        unsigned low = 0;
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
          return syntax("a high surrogate \\u escape without a low one");
        p_ += 2;
        if (!hex4(low)) return false;
        if (low < 0xDC00 || low > 0xDFFF) return syntax("a high surrogate \\u escape without a low one");
        return true;
      }
      default: return --p_, syntax("invalid escape");
    }
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  const char* what_ = nullptr;
  size_t error_at_ = 0;
  std::vector<char> open_;  // skip(): closing bracket of each enclosing container
};

// Whether strtod would make a JSON number (valid syntax) infinite: whether
// its magnitude is at least 2^1024 - 2^970, halfway between DBL_MAX and
// 2^1024 (a tie rounds to even: up). Decided on the decimal digits, so
// that the module carries no strtod (8 KB of soft-float in WASM).
bool overflows_double(std::string_view number) {
  // The threshold's 309 digits (its last is not zero).
  static constexpr std::string_view kLimit =
      "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416"
      "692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959"
      "622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
  // The mantissa's digits (integer part and fraction, the point skipped)
  // from the first that is not zero, and the power of ten of that one:
  // the value is 0.<digits> x 10^point.
  const size_t begin = number[0] == '-' ? 1 : 0;
  size_t end = begin, first = std::string_view::npos;
  int64_t point = 0;
  bool fraction = false;
  for (; end < number.size() && number[end] != 'e' && number[end] != 'E'; ++end) {
    char c = number[end];
    if (c == '.') {
      fraction = true;
    } else if (first == std::string_view::npos && c == '0') {
      if (fraction) --point;
    } else {
      if (first == std::string_view::npos) first = end;
      if (!fraction) ++point;
    }
  }
  if (first == std::string_view::npos) return false;  // zero
  if (end < number.size()) {
    size_t at = end + 1;
    bool minus = number[at] == '-';
    if (number[at] == '-' || number[at] == '+') ++at;
    int64_t e = 0;
    for (; at < number.size(); ++at) e = std::min<int64_t>(e * 10 + (number[at] - '0'), INT64_C(1) << 40);
    point += minus ? -e : e;
  }
  const auto limit_point = static_cast<int64_t>(kLimit.size());
  if (point != limit_point) return point > limit_point;
  // Digit by digit; when the limit's digits run out first, the number is
  // at least the limit; when the number's run out first, the rest of it is
  // zeros, less than the limit's (whose last digit is not zero).
  size_t k = 0;
  for (size_t at = first; at < end; ++at) {
    if (number[at] == '.') continue;
    if (k == kLimit.size()) return true;
    if (number[at] != kLimit[k]) return number[at] > kLimit[k];
    ++k;
  }
  return k == kLimit.size();
}

bool Cursor::number(Number& out) {
  const char* start = p_;
  bool negative = *p_ == '-';
  if (negative) ++p_;
  auto digit = [this] { return p_ != end_ && *p_ >= '0' && *p_ <= '9'; };
  if (!digit()) return syntax("invalid number");
  if (*p_ == '0') ++p_;
  else while (digit()) ++p_;
  bool is_float = false;
  if (p_ != end_ && *p_ == '.') {
    ++p_;
    if (!digit()) return syntax("invalid number");
    while (digit()) ++p_;
    is_float = true;
  }
  if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (!digit()) return syntax("invalid number");
    while (digit()) ++p_;
    is_float = true;
  }
  out = Number{};
  if (!is_float) {
    uint64_t v = 0;
    bool overflow = false;
    const char* first = start + (negative ? 1 : 0);
    for (const char* d = first; d != p_; ++d) {
      auto digit_value = static_cast<unsigned>(*d - '0');
      // 19 digits always fit; only longer numbers need the check.
      if (d - first >= 19 && v > (UINT64_MAX - digit_value) / 10) overflow = true;
      v = v * 10 + digit_value;
    }
    if (!overflow && (!negative || v <= uint64_t(INT64_MAX) + 1)) {
      out.integer = true;
      // As nlohmann-json's get<int64_t>(): two's complement wrap-around.
      out.value = static_cast<int64_t>(negative ? 0 - v : v);
      return true;
    }
  }
  if (overflows_double(std::string_view(start, static_cast<size_t>(p_ - start))))
    return syntax("number overflows a double");
  return true;
}

bool Cursor::skip() {
  open_.clear();
  for (;;) {
    Type t;
    if (!peek(t)) return false;
    bool done = true;  // a whole value was read
    switch (t) {
      case Type::Object:
      case Type::Array: {
        char close = t == Type::Object ? '}' : ']';
        ++p_;
        space();
        if (p_ != end_ && *p_ == close) {
          ++p_;
          break;
        }
        open_.push_back(close);
        Raw key;
        if (t == Type::Object && !key_and_colon(key)) return false;
        done = false;
        break;
      }
      case Type::String: {
        Raw s;
        if (!string(s)) return false;
        break;
      }
      case Type::Number: {
        Number n;
        if (!number(n)) return false;
        break;
      }
      case Type::Boolean: {
        bool b;
        if (!boolean(b)) return false;
        break;
      }
      case Type::Null:
        if (!null()) return false;
        break;
    }
    // After a value: a comma, or the end of enclosing containers.
    while (done) {
      if (open_.empty()) return true;
      space();
      if (p_ == end_) return syntax("unexpected end of input");
      char c = *p_;
      if (c == open_.back()) {
        ++p_;
        open_.pop_back();
        continue;
      }
      if (c != ',') return syntax(open_.back() == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
      ++p_;
      Raw key;
      if (open_.back() == '}' && !key_and_colon(key)) return false;
      done = false;
    }
  }
}

// ---- The bundle's schema, read from the cursor -----------------------------
// One pass writes the bundle's fields straight into the structs. Problems
// are worded as they are found, and when a document has several, the one
// reported is the first in this order (whatever the order of the keys):
// syntax, then format, version, site, chunks, posts; in site and in a post,
// field by field in the schema's order; among posts, the lowest index. A
// key given twice counts once, with its last value (as a JSON object does).

std::string in_quotes(std::string_view s) { return "\"" + sanitize_utf8(s) + "\""; }

std::string expected(const char* what, Type got) { return std::string("expected ") + what + ", got " + type_name(got); }

std::string range(int64_t lo, int64_t hi, int64_t got) {
  return "expected " + std::to_string(lo) + ".." + std::to_string(hi) + ", got " + std::to_string(got);
}

// Spreads slugs and tags over hash tables: eight bytes per multiply (FNV-1a,
// a multiply per byte, was a tenth of a split index's load). Not stable
// across machines (byte order): the tables are never written.
[[gnu::noinline]] uint64_t hash_of(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  auto load = [](const char* at, auto word) {
    std::memcpy(&word, at, sizeof word);
    return static_cast<uint64_t>(word);
  };
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  auto mix = [&h](uint64_t w) {
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  };
  // Whole words, the last one ending at the end (overlapping the one
  // before it): no loop over the bytes of a tail.
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) mix(load(p + i, uint64_t()));
    mix(load(p + n - 8, uint64_t()));
  } else if (n >= 4) {
    mix(load(p, uint32_t()) << 32 | load(p + n - 4, uint32_t()));
  } else if (n > 0) {
    mix(uint64_t(static_cast<unsigned char>(p[0])) << 16 | uint64_t(static_cast<unsigned char>(p[n / 2])) << 8 |
        static_cast<unsigned char>(p[n - 1]));
  }
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 32);
}

// Tags by name, each with the number of its slug: the slug is computed once
// per distinct name (the loader checks that a tag has one; index() groups
// the tags of the same slug).
class TagNames {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  uint32_t slug_id(std::string_view name) {
    if (2 * (count_ + 1) > table_.size()) grow();
    const uint64_t h = hash_of(name);
    const size_t mask = table_.size() - 1;
    for (size_t at = h & mask;; at = (at + 1) & mask) {
      Entry& e = table_[at];
      if (e.id == kNone) {
        e.hash = h;
        e.name.assign(name.data(), name.size());
        e.id = new_slug(name);
        ++count_;
        return e.id;
      }
      if (e.hash == h && e.name == name) return e.id;
    }
  }
  const std::string& slug(uint32_t id) const { return slugs_[id]; }
  size_t slugs() const { return slugs_.size(); }

  // Whether slug `id` is new to tag list number `list` (a post's "tags"):
  // each slug remembers the last list it was in, so that dropping a post's
  // tags that share a slug ("Rust", "rust") is linear in its tags.
  bool first_in_list(uint32_t id, uint32_t list) {
    if (id >= last_list_.size()) last_list_.resize(slugs_.size(), kNone);
    if (last_list_[id] == list) return false;
    last_list_[id] = list;
    return true;
  }

 private:
  struct Entry {
    uint64_t hash = 0;
    std::string name;
    uint32_t id = kNone;
  };

  uint32_t new_slug(std::string_view name) {
    std::string slug = tag_slug(name);
    auto [it, fresh] = ids_.emplace(slug, static_cast<uint32_t>(slugs_.size()));
    if (fresh) slugs_.push_back(std::move(slug));
    return it->second;
  }

  void grow() {
    std::vector<Entry> old(std::max<size_t>(16, table_.size() * 2));
    old.swap(table_);
    const size_t mask = table_.size() - 1;
    for (Entry& e : old) {
      if (e.id == kNone) continue;
      size_t at = e.hash & mask;
      while (table_[at].id != kNone) at = (at + 1) & mask;
      table_[at] = std::move(e);
    }
  }

  std::vector<Entry> table_;
  size_t count_ = 0;
  std::vector<std::string> slugs_;
  std::unordered_map<std::string, uint32_t> ids_;  // slug -> its number
  std::vector<uint32_t> last_list_;                // slug number -> first_in_list's list
};

// The first problem found among fields checked in a fixed order: slot k
// holds field k's message; first() is the lowest slot that has one.
template <size_t N>
class Problems {
 public:
  void set(size_t slot, std::string message) {
    if (mask_ & (1u << slot)) return;  // the first problem of a field stays
    mask_ |= 1u << slot;
    messages_[slot] = std::move(message);
  }
  void clear(size_t slot) { mask_ &= ~(1u << slot); }
  void clear_all() { mask_ = 0; }
  bool any() const { return mask_ != 0; }
  size_t first() const { return static_cast<size_t>(__builtin_ctz(mask_)); }
  std::string& message(size_t slot) { return messages_[slot]; }

 private:
  unsigned mask_ = 0;
  std::string messages_[N];
};

// The slug table of Bundle::slug_table for posts in their current order,
// given the hash_of() of each slug (the loader takes it while the slug's
// bytes are at hand); `duplicate` is the first post whose slug an earlier
// one (`first`) has.
std::vector<uint32_t> make_slug_table(const std::vector<Post>& posts, const std::vector<uint64_t>& hashes,
                                      size_t& duplicate, size_t& first) {
  size_t size = 16;
  while (size < 2 * posts.size()) size *= 2;
  std::vector<uint32_t> table(size, Bundle::kNoPost);
  const size_t mask = size - 1;
  duplicate = SIZE_MAX;
  for (size_t i = 0; i < posts.size(); ++i) {
    const uint64_t h = hashes[i];
    size_t at = h & mask;
    // Slugs are compared only when their hashes are equal.
    while (table[at] != Bundle::kNoPost && (hashes[table[at]] != h || posts[table[at]].slug != posts[i].slug))
      at = (at + 1) & mask;
    if (table[at] == Bundle::kNoPost) {
      table[at] = static_cast<uint32_t>(i);
    } else if (duplicate == SIZE_MAX) {
      duplicate = i;
      first = table[at];
    }
  }
  return table;
}

// parse_date() (dates.cpp decides what a date is), with a shortcut for the
// forms the build writes, taken only where the value is plainly valid: a
// date, or a date and time to the second, in UTC ('Z') or at an offset
// (±HH:MM), on days 1-28 (no calendar here). (Dates were a tenth of a split
// index's load.)
// The shortcut: true with `d` set when `s` is plainly valid in one of those
// forms; false leaves the decision to parse_date().
bool plain_date(std::string_view s, DateTime& d) {
  const size_t n = s.size();
  if (n != 10 && n != 19 && n != 20 && n != 25) return false;
  // Two digits at i, else -1 (so that no range check passes).
  auto two = [&s](size_t i) {
    unsigned a = static_cast<unsigned char>(s[i]) - '0', b = static_cast<unsigned char>(s[i + 1]) - '0';
    return a < 10 && b < 10 ? static_cast<int>(a * 10 + b) : -1;
  };
  const int century = two(0), years = two(2);
  d.month = two(5);
  d.day = two(8);
  if (century < 0 || years < 0 || s[4] != '-' || s[7] != '-' || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > 28)
    return false;
  d.year = century * 100 + years;
  if (n == 10) return true;
  d.hour = two(11);
  d.minute = two(14);
  d.second = two(17);
  if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || d.hour < 0 || d.hour > 23 || d.minute < 0 ||
      d.minute > 59 || d.second < 0 || d.second > 59)
    return false;
  d.has_time = true;
  if (n == 19) return true;
  d.has_offset = true;
  if (n == 20) return s[19] == 'Z';
  const int oh = two(20), om = two(23);
  if ((s[19] != '+' && s[19] != '-') || s[22] != ':' || oh < 0 || oh > 23 || om < 0 || om > 59) return false;
  d.offset_minutes = (s[19] == '-' ? -1 : 1) * (oh * 60 + om);
  return true;
}

std::optional<DateTime> load_date(std::string_view s) {
  DateTime d;
  if (plain_date(s, d)) return d;
  return parse_date(s);
}

// The site's fields in the bundle, for reading and writing, in the order
// problems are reported. Each is a string, an integer in 1..1000 or a boolean.
struct SiteField {
  const char* name;
  std::string Site::*text = nullptr;
  int Site::*number = nullptr;
  bool Site::*flag = nullptr;
  int min = 1;  // a number's least value (the greatest is 1000)
};
const SiteField kSiteFields[] = {
    {"title", &Site::title},
    {"description", &Site::description},
    {"author", &Site::author},
    {"url", &Site::url},
    {"base_path", &Site::base_path},
    {"language", &Site::language},
    {"posts_per_page", nullptr, &Site::posts_per_page},
    {"date_format", &Site::date_format},
    {"unsafe_html", nullptr, nullptr, &Site::unsafe_html},
    {"iframe_hosts", &Site::iframe_hosts},
    {"feed_entries", nullptr, &Site::feed_entries},
    {"permalink", &Site::permalink},
    {"categories", nullptr, nullptr, &Site::categories},  // categories.hpp
    {"smart_punctuation", nullptr, nullptr, &Site::smart_punctuation},
    {"toc_min_headings", nullptr, &Site::toc_min_headings, nullptr, 0},
    {"math", nullptr, nullptr, &Site::math},  // math.hpp
    {"hard_breaks", nullptr, nullptr, &Site::hard_breaks},
};

// Orders posts newest first and derives tags and months. Given, for the
// posts before they are reordered: their slug table, and the slug number
// (in `names`) of each of their tags, post after post.
void index_posts(Bundle& b, std::vector<uint32_t> table, const TagNames& names, std::vector<uint32_t> tag_ids);

class BundleReader {
 public:
  BundleReader(std::string_view bytes, Bundle& b) : in_(bytes), b_(b) {}
  // Reads a shard of posts (read_post_entries) instead of a bundle.
  BundleReader(std::string_view bytes, Bundle& b, const char* shard_format)
      : in_(bytes), b_(b), shard_format_(shard_format) {}

  // Reads the whole document; false with code and message on any problem.
  // On success b_ is filled and indexed.
  // Not inlined: load_bundle and read_post_entries share one copy (-O3 made two).
  [[gnu::noinline]] bool read(std::string& code, std::string& message);

 private:
  // Top-level keys.
  void format();
  void version();
  void search();
  std::string search_problem_;
  void site();
  void chunks();
  void paths(std::vector<std::string>& out, std::string& problem, const char* key);
  void posts();
  void post(size_t i);
  static size_t post_slot(std::string_view key);
  // After a post: its first problem, if any (the chunk field waits for the
  // end, when the chunk list is known).
  void end_post(size_t i);
  // The index of the first post with a problem (SIZE_MAX: none).
  size_t post_problem(std::string& message);

  bool string_field(Text& out, Type t, bool& present, std::string& problem);
  // The end of read() for a shard of posts, and for the sharded form.
  template <class Fail>
  bool read_shard(Fail& fail);
  template <class Fail>
  bool read_sharded(Fail& fail);
  std::string_view pages_json_;  // "pages" as written (pages.hpp reads it)

  Cursor in_;
  Bundle& b_;
  const char* shard_format_ = nullptr;  // reading a shard of posts
 public:
  int64_t shard_from_ = -1;            // its "from"
  std::vector<std::string> shard_chunks_;  // its posts' chunk paths (by post, "" for none)
 private:
  std::string shards_problem_, slugs_problem_;
  bool index_seen_ = false;  // "index" (the sharded form, post_shards.hpp)
  std::string index_;        // its text
  std::string index_problem_;
  TagNames tag_names_;
  std::vector<uint32_t> tag_ids_;  // slug number of each tag kept, post after post
  uint32_t tag_lists_ = 0;         // "tags" arrays read so far
  std::vector<uint64_t> slug_hashes_;  // hash_of() each post's slug

  bool format_ok_ = false;
  bool version_seen_ = false;
  Number version_;
  bool version_number_ = false;
  bool site_seen_ = false;
  std::string site_problem_;
  std::string chunks_problem_;
  bool posts_seen_ = false;
  Type posts_type_ = Type::Array;

  // Posts: the first post with a problem of its own (the chunk field
  // aside); later posts are only checked for syntax.
  enum PostSlot : size_t {
    kSlug, kTitle, kDate, kUpdated, kSummary, kSlugValue, kTitleValue, kDateValue, kUpdatedValue,
    kBody, kTags, kParams, kChunk, kMinutes, kAuthors, kPermalink, kAliases, kCode, kCategories, kImages, kPostSlots
  };
  Problems<kPostSlots> fields_;
  size_t bad_post_ = SIZE_MAX;
  size_t bad_post_slot_ = 0;
  std::string bad_post_message_;
  // A post's "chunk" that is not a small non-negative integer (Post::chunk
  // holds the others): checked against the chunk list at the end.
  struct OddChunk {
    size_t post;
    Type type;
    bool integer;
    int64_t value;
  };
  std::vector<OddChunk> odd_chunks_;
};

bool BundleReader::read(std::string& code, std::string& message) {
  Type top = Type::Null;
  bool syntax_ok = in_.peek(top);
  if (syntax_ok && top == Type::Object) {
    syntax_ok = in_.object([this](Raw key) {
      std::string name = text_of(key);
      if (name == "format") format();
      else if (name == "version") version();
      else if (name == "site") site();
      else if (name == "chunks") chunks();
      else if (name == "shards") paths(b_.shards, shards_problem_, "shards");
      else if (name == "slugs") paths(b_.slug_files, slugs_problem_, "slugs");
      else if (name == "index") {  // post_shards.hpp
        Type t;
        if (!in_.peek(t)) return false;
        index_seen_ = true;
        index_problem_.clear();
        Raw r;
        if (t != Type::String) index_problem_ = "index: " + expected("string", t), in_.skip();
        else if (in_.string(r)) index_ = text_of(r);
      }
      else if (name == "from" && shard_format_) {  // a shard's first post, counted from the oldest
        Type t;
        if (!in_.peek(t)) return false;
        Number n;
        if (t != Type::Number) return in_.skip();
        if (!in_.number(n)) return false;
        shard_from_ = n.integer && n.value >= 0 ? n.value : -1;
      }
      else if (name == "search") search();
      else if (name == "posts") posts();
      else if (name == "pages") pages_json_ = in_.skip_span();  // pages.hpp
      else in_.skip();
      return !in_.failed();
    });
  } else if (syntax_ok) {
    syntax_ok = in_.skip();
  }
  if (!syntax_ok || !in_.end()) {
    code = "parse";
    message = in_.error();
    return false;
  }
  auto fail = [&](const char* c, std::string m) {
    code = c;
    message = std::move(m);
    return false;
  };
  if (top != Type::Object) return fail("format", std::string("expected a JSON object, got ") + type_name(top));
  if (shard_format_) return read_shard(fail);
  if (!format_ok_) return fail("format", std::string("format: expected \"") + kBundleFormat + "\" (is this a Quire bundle?)");
  if (!version_seen_ || !version_number_ || !version_.integer) return fail("schema", "version: expected integer");
  if (version_.value > kBundleVersion)
    return fail("version", "version: bundle version " + std::to_string(version_.value) +
                               " is newer than this Quire supports (" + std::to_string(kBundleVersion) +
                               "); upgrade Quire");
  if (version_.value < kFirstBundleVersion)
    return fail("version", "version: expected 1, got " + std::to_string(version_.value));
  if (version_.value < 2) {
    // Version 1 defines no "index", "shards" or "slugs": like any key it
    // does not know, they are skipped (the nlohmann reference does so too).
    index_seen_ = false;
    b_.shards.clear();
    b_.slug_files.clear();
  }
  if (!site_seen_) return fail("schema", "site: missing (expected object)");
  if (!site_problem_.empty()) return fail("schema", site_problem_);
  if (!chunks_problem_.empty()) return fail("schema", chunks_problem_);
  if (!search_problem_.empty()) return fail("schema", search_problem_);
  if (index_seen_) return read_sharded(fail);
  if (!b_.shards.empty() || !b_.slug_files.empty()) return fail("schema", "shards, slugs: given without \"index\"");
  if (!posts_seen_) return fail("schema", "posts: missing (expected array)");
  if (posts_type_ != Type::Array) return fail("schema", "posts: " + expected("array", posts_type_));
  // A duplicate slug, found while building the slug table (kept: the index).
  size_t duplicate = SIZE_MAX, first = 0;
  std::vector<uint32_t> table = make_slug_table(b_.posts, slug_hashes_, duplicate, first);
  std::string problem;
  size_t bad_at = post_problem(problem);
  if (bad_at != SIZE_MAX && bad_at <= duplicate) return fail("schema", problem);
  if (duplicate != SIZE_MAX)
    return fail("schema", "posts[" + std::to_string(duplicate) + "].slug: duplicate " +
                              in_quotes(b_.posts[duplicate].slug) + " (also posts[" + std::to_string(first) + "])");
  if (std::string why = read_pages(pages_json_, b_.pages); !why.empty()) return fail("schema", why);
  index_posts(b_, std::move(table), tag_names_, std::move(tag_ids_));
  return true;
}

template <class Fail>
bool BundleReader::read_shard(Fail& fail) {
  if (!format_ok_) return fail("format", std::string("format: expected \"") + shard_format_ + "\"");
  if (!version_seen_ || !version_number_ || !version_.integer) return fail("schema", "version: expected integer");
  if (version_.value != kPostShardVersion)
    return fail("version", "version: expected " + std::to_string(kPostShardVersion) + ", got " +
                               std::to_string(version_.value));
  if (shard_from_ < 0) return fail("schema", "from: expected a non-negative integer");
  if (!posts_seen_) return fail("schema", "posts: missing (expected array)");
  if (posts_type_ != Type::Array) return fail("schema", "posts: " + expected("array", posts_type_));
  std::string problem;
  if (post_problem(problem) != SIZE_MAX) return fail("schema", problem);
  return true;
}

// "index" (post_shards.hpp) instead of "posts": version 2 or 3, the shards
// named, and no "posts" beside it.
template <class Fail>
bool BundleReader::read_sharded(Fail& fail) {
  if (!index_problem_.empty()) return fail("schema", index_problem_);
  if (!shards_problem_.empty()) return fail("schema", shards_problem_);
  if (!slugs_problem_.empty()) return fail("schema", slugs_problem_);
  if (posts_seen_) return fail("schema", "posts: not expected beside \"index\" (the posts are in the shards)");
  b_.slug_briefs = version_.value >= 3;  // version 2's slug files give slugs and paths only
  if (std::string why = read_pages(pages_json_, b_.pages); !why.empty()) return fail("schema", why);
  index_posts(b_, {}, tag_names_, {});  // pages' paths
  if (std::string why = read_post_index(b_, index_); !why.empty()) return fail("schema", "index: " + why);
  return true;
}

void BundleReader::paths(std::vector<std::string>& out, std::string& problem, const char* key) {
  Type t;
  if (!in_.peek(t)) return;
  out.clear();
  problem.clear();
  if (t != Type::Array) {
    problem = std::string(key) + ": " + expected("array", t);
    in_.skip();
    return;
  }
  in_.array([&](size_t i) {
    Type et;
    if (!in_.peek(et)) return false;
    if (et != Type::String) {
      if (problem.empty()) problem = std::string(key) + "[" + std::to_string(i) + "]: " + expected("string", et);
      return in_.skip();
    }
    Raw r;
    if (!in_.string(r)) return false;
    if (!problem.empty()) return true;
    std::string path = text_of(r);
    if (!valid_chunk_path(path))
      problem = std::string(key) + "[" + std::to_string(i) + "]: expected a relative path of letters, digits, '-', '_', '.' and '/', got " +
                in_quotes(path);
    else out.push_back(std::move(path));
    return true;
  });
}

void BundleReader::format() {
  Type t;
  if (!in_.peek(t)) return;
  Raw s;
  if (t != Type::String) {
    format_ok_ = false;
    in_.skip();
  } else if (in_.string(s)) {
    format_ok_ = s.view() == (shard_format_ ? shard_format_ : kBundleFormat);
  }
}

void BundleReader::version() {
  Type t;
  if (!in_.peek(t)) return;
  version_seen_ = true;
  version_number_ = t == Type::Number;
  if (version_number_) in_.number(version_);
  else in_.skip();
}

void BundleReader::site() {
  Type t;
  if (!in_.peek(t)) return;
  site_seen_ = true;
  site_problem_.clear();
  Site& s = b_.site;
  s = Site{};
  if (t != Type::Object) {
    site_problem_ = "site: " + expected("object", t);
    in_.skip();
    return;
  }
  constexpr size_t kSlots = std::size(kSiteFields);
  Problems<kSlots> problems;
  std::string_view menu;
  const Site defaults;
  bool ok = in_.object([&](Raw key) {
    std::string name = text_of(key);
    if (name == "menu") return !(menu = in_.skip_span()).empty();  // pages.hpp
    size_t slot = 0;
    while (slot < kSlots && name != kSiteFields[slot].name) ++slot;
    if (slot == kSlots) return in_.skip();
    const SiteField& f = kSiteFields[slot];
    problems.clear(slot);
    Type vt;
    if (!in_.peek(vt)) return false;
    auto problem = [&](std::string what) {
      problems.set(slot, "site." + name + ": " + what);
      return in_.skip();
    };
    // null, like a missing field, keeps the default
    if (f.text) {
      s.*f.text = defaults.*f.text;
      if (vt == Type::Null) return in_.null();
      if (vt != Type::String) return problem(expected("string", vt));
      Raw r;
      if (!in_.string(r)) return false;
      assign_text(s.*f.text, r);
      return true;
    }
    if (f.flag) {
      s.*f.flag = defaults.*f.flag;
      if (vt == Type::Null) return in_.null();
      if (vt != Type::Boolean) return problem(expected("boolean", vt));
      return in_.boolean(s.*f.flag);
    }
    s.*f.number = defaults.*f.number;
    if (vt == Type::Null) return in_.null();
    Number n;
    if (vt != Type::Number) return problem(expected("integer", vt));
    if (!in_.number(n)) return false;
    if (!n.integer) return problems.set(slot, "site." + name + ": " + expected("integer", vt)), true;
    if (n.value < f.min || n.value > 1000) return problems.set(slot, "site." + name + ": " + range(f.min, 1000, n.value)), true;
    s.*f.number = static_cast<int>(n.value);
    return true;
  });
  if (!ok) return;
  if (problems.any()) {
    site_problem_ = std::move(problems.message(problems.first()));
    return;
  }
  if (!valid_base_path(s.base_path)) {
    site_problem_ = std::string("site.base_path: expected ") + kBasePathExpectation + ", got " + in_quotes(s.base_path);
    return;
  }
  if (!valid_site_url(s.url)) {
    site_problem_ = "site.url: expected an absolute http(s) URL like https://example.com, or none, got " + in_quotes(s.url);
    return;
  }
  if (std::string why = permalink_problem(s.permalink); !why.empty()) {
    site_problem_ = "site.permalink: " + why + ", got " + in_quotes(s.permalink);
    return;
  }
  if (std::string why = read_menu(menu, s.menu); !why.empty()) site_problem_ = "site." + why;
  while (!s.url.empty() && s.url.back() == '/') s.url.pop_back();
}

// "search": the search index's boundary file (a path like a chunk's).
void BundleReader::search() {
  Type t;
  if (!in_.peek(t)) return;
  search_problem_.clear();
  if (t != Type::String) {
    search_problem_ = "search: " + expected("string", t);
    in_.skip();
    return;
  }
  Raw r;
  if (!in_.string(r)) return;
  std::string path = text_of(r);
  if (valid_chunk_path(path)) b_.search = std::move(path);
  else search_problem_ = "search: expected a relative path, got " + in_quotes(path);
}

void BundleReader::chunks() {
  Type t;
  if (!in_.peek(t)) return;
  b_.chunks.clear();
  chunks_problem_.clear();
  if (t == Type::Null) {
    in_.null();
    return;
  }
  if (t != Type::Array) {
    chunks_problem_ = "chunks: " + expected("array", t);
    in_.skip();
    return;
  }
  in_.array([this](size_t i) {
    Type et;
    if (!in_.peek(et)) return false;
    if (et != Type::String) {
      if (chunks_problem_.empty()) chunks_problem_ = "chunks[" + std::to_string(i) + "]: " + expected("string", et);
      return in_.skip();
    }
    Raw r;
    if (!in_.string(r)) return false;
    if (!chunks_problem_.empty()) return true;
    std::string path = text_of(r);
    if (!valid_chunk_path(path))
      chunks_problem_ = "chunks[" + std::to_string(i) +
                        "]: expected a relative path of letters, digits, '-', '_', '.' and '/', got " + in_quotes(path);
    else b_.chunks.push_back(std::move(path));
    return true;
  });
}

void BundleReader::posts() {
  Type t;
  if (!in_.peek(t)) return;
  posts_seen_ = true;
  posts_type_ = t;
  b_.posts.clear();
  slug_hashes_.clear();
  tag_ids_.clear();
  bad_post_ = SIZE_MAX;
  odd_chunks_.clear();
  if (t != Type::Array) {
    in_.skip();
    return;
  }
  // A split index names its chunks first: about that many posts follow
  // (a hint only; growing the vector moves every post, 5-10% of a load),
  // and never more than the bytes left could hold.
  if (!b_.chunks.empty()) {
    b_.posts.reserve(std::min(b_.chunks.size() * kPostsPerChunk, in_.remaining() / 32));
    slug_hashes_.reserve(b_.posts.capacity());
  }
  in_.array([this](size_t i) {
    if (bad_post_ != SIZE_MAX) return in_.skip();  // a problem before: syntax only
    post(i);
    return !in_.failed();
  });
}

// A view of the bytes, or its decoding when it holds escapes (slugs, titles,
// dates and tags are short and used at once: no lazy decoding).
Text text_at_load(Raw r) { return r.escaped ? Text(text_of(r)) : Text::json(r.data, r.size, false); }

bool BundleReader::string_field(Text& out, Type t, bool& present, std::string& problem) {
  out = Text();
  present = false;
  if (t == Type::Null) return in_.null();
  if (t != Type::String) {
    problem = expected("string", t);
    return in_.skip();
  }
  Raw r;
  if (!in_.string(r)) return false;
  out = text_at_load(r);
  present = true;
  return true;
}

// `key` is `name` (a literal of that length: the loop unrolls into a few
// byte compares; memcmp stays a call in WASM).
template <size_t N>
bool key_is(std::string_view key, const char (&name)[N]) {
  if (key.size() != N - 1) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < N - 1; ++i) diff |= static_cast<unsigned char>(key[i] ^ name[i]);
  return diff == 0;
}

// A post's field by its key (kPostSlots: not a field of the schema).
size_t BundleReader::post_slot(std::string_view key) {
  auto is = [key](const auto& name, size_t slot) { return key_is(key, name) ? slot : size_t(kPostSlots); };
  switch (key.size()) {
    case 4:
      return key[0] == 's' ? is("slug", kSlug) : key[0] == 'd' ? is("date", kDate)
             : key[0] == 'b' ? is("body", kBody) : key[0] == 'c' ? is("code", kCode) : is("tags", kTags);
    case 5: return key[0] == 't' ? is("title", kTitle) : is("chunk", kChunk);
    case 6: return key[0] == 'p' ? is("params", kParams) : is("images", kImages);
    case 7:
      return key[0] == 'u' ? is("updated", kUpdated) : key[0] == 's' ? is("summary", kSummary)
             : key[0] == 'a' ? (key[1] == 'u' ? is("authors", kAuthors) : is("aliases", kAliases))
             : is("minutes", kMinutes);
    case 9: return is("permalink", kPermalink);
    case 10: return is("categories", kCategories);  // categories.hpp
    default: return kPostSlots;
  }
}

void BundleReader::post(size_t i) {
  Type t;
  if (!in_.peek(t)) return;
  if (t != Type::Object) {
    bad_post_ = i;
    bad_post_slot_ = 0;
    bad_post_message_ = "posts[" + std::to_string(i) + "]: " + expected("object", t);
    in_.skip();
    return;
  }
  Post& p = b_.posts.emplace_back();
  const size_t tags_from = tag_ids_.size();
  fields_.clear_all();
  unsigned present = 0;  // bits of kSlug, kTitle, kDate, kUpdated: given (a string)
  bool ok = in_.object([&](Raw key) {
    std::string_view name = key.view();
    std::string unescaped;
    if (key.escaped) name = unescaped = text_of(key);
    size_t slot = post_slot(name);
    if (slot == kPostSlots) return in_.skip();
    fields_.clear(slot);
    Type vt;
    if (!in_.peek(vt)) return false;
    auto problem = [&](std::string what) { fields_.set(slot, std::string(name) + ": " + what); };
    // A list of strings (authors, aliases, categories): each one to `add`.
    auto strings = [&](auto add) {
      if (vt == Type::Null) return in_.null();
      if (vt != Type::Array) return problem(expected("array", vt)), in_.skip();
      return in_.array([&](size_t k) {
        Type et;
        if (!in_.peek(et)) return false;
        if (et != Type::String) {
          fields_.set(slot, std::string(name) + "[" + std::to_string(k) + "]: " + expected("string", et));
          return in_.skip();
        }
        Raw r;
        if (!in_.string(r)) return false;
        add(text_at_load(r));
        return true;
      });
    };
    std::string what;
    switch (slot) {
      case kSlug: case kTitle: case kDate: case kUpdated: {
        Text& out = slot == kSlug ? p.slug : slot == kTitle ? p.title : slot == kDate ? p.date : p.updated;
        bool given = false;
        if (!string_field(out, vt, given, what)) return false;
        if (!what.empty()) problem(std::move(what));
        present = given ? present | (1u << slot) : present & ~(1u << slot);
        return true;
      }
      case kSummary: case kBody: {
        // Markdown, the bulk of a bundle: a view of the bytes, not a copy.
        Text& out = slot == kSummary ? p.summary : p.body;
        out = Text();
        if (slot == kBody) p.has_body = false;
        if (vt == Type::Null) return in_.null();
        if (vt != Type::String) return problem(expected("string", vt)), in_.skip();
        Raw r;
        if (!in_.string(r)) return false;
        out = Text::json(r.data, r.size, r.escaped);
        if (slot == kBody) p.has_body = true;
        return true;
      }
      case kTags:
        p.tags.clear();
        if (vt == Type::Null) return in_.null();
        if (vt != Type::Array) return problem(expected("array", vt)), in_.skip();
        tag_ids_.resize(tags_from);
        return in_.array([&, list = tag_lists_++](size_t k) {
          Type et;
          if (!in_.peek(et)) return false;
          if (et != Type::String) {
            fields_.set(slot, "tags[" + std::to_string(k) + "]: " + expected("string", et));
            return in_.skip();
          }
          Raw r;
          if (!in_.string(r)) return false;
          Text text = text_at_load(r);
          std::string_view tag = text.view();
          uint32_t id = tag_names_.slug_id(tag);
          if (tag_names_.slug(id).empty()) {
            fields_.set(slot, "tags[" + std::to_string(k) + "]: expected a tag with a letter or digit, got " +
                                  in_quotes(tag));
          } else if (tag_names_.first_in_list(id, list)) {  // the first spelling of a slug stays
            if (p.tags.capacity() == 0) p.tags.reserve(4);  // one allocation for most posts
            p.tags.push_back(std::move(text));
            tag_ids_.push_back(id);
          }
          return true;
        });
      case kParams: case kCode: {
        std::string& raw = slot == kParams ? p.params_json : p.code_json;
        raw.clear();
        if (vt == Type::Null) return in_.null();
        if (slot == kParams && vt != Type::Object) return problem(expected("object", vt)), in_.skip();
        if (slot == kCode && vt != Type::Array) return problem(expected("array", vt)), in_.skip();
        // Kept as written (valid JSON: just parsed); read by post_param()
        // and TokenReplay.
        const char* start = in_.position();
        if (!in_.skip()) return false;
        raw.assign(start, in_.position());
        return true;
      }
      case kChunk: {
        p.chunk = -1;
        // A key given twice counts with its last value; only the last odd
        // chunk can be this post's (posts are read in order).
        if (!odd_chunks_.empty() && odd_chunks_.back().post == i) odd_chunks_.pop_back();
        if (vt == Type::Null) return in_.null();
        if (vt == Type::String && shard_format_) {  // a shard names its posts' chunks (post_shards.hpp)
          Raw r;
          if (!in_.string(r)) return false;
          std::string path = text_of(r);
          if (!valid_chunk_path(path)) problem("expected a relative path, got " + in_quotes(path));
          shard_chunks_.resize(i + 1);
          shard_chunks_[i] = std::move(path);
          return true;
        }
        Number n;
        if (vt == Type::Number && !in_.number(n)) return false;
        if (vt != Type::Number && !in_.skip()) return false;
        if (n.integer && n.value >= 0 && n.value <= INT32_MAX) p.chunk = static_cast<int>(n.value);
        else odd_chunks_.push_back(OddChunk{i, vt, n.integer, n.value});
        return true;
      }
      case kImages: {  // sizes of the body's images (core/image_sizes.hpp), read when rendered
        bool given = false;
        if (!string_field(p.images, vt, given, what)) return false;
        if (!what.empty()) problem(std::move(what));
        return true;
      }
      case kPermalink: {
        bool given = false;
        if (!string_field(p.permalink, vt, given, what)) return false;
        if (!what.empty()) problem(std::move(what));
        else if (given && (p.permalink.empty() || p.permalink.view()[0] != '/'))
          problem("expected a path starting with '/', got " + in_quotes(p.permalink));
        return true;
      }
      case kAuthors:
      case kAliases: {
        std::vector<Text>& list = slot == kAuthors ? p.authors : p.aliases;
        list.clear();
        return strings([&](Text item) { list.push_back(item); });
      }
      case kCategories:  // strings (categories.hpp indexes them)
        p.categories.clear();
        return strings([&](Text item) { p.categories.push_back(item.str()); });
      default: {  // kMinutes
        p.minutes = 0;
        if (vt == Type::Null) return in_.null();
        if (vt != Type::Number) return problem(expected("integer", vt)), in_.skip();
        Number n;
        if (!in_.number(n)) return false;
        if (!n.integer) problem(expected("integer", vt));
        else if (n.value < 1 || n.value > 100000) problem(range(1, 100000, n.value));
        else p.minutes = static_cast<int>(n.value);
        return true;
      }
    }
  });
  if (!ok) return;
  slug_hashes_.push_back(hash_of(p.slug));
  // Required fields, then values, in the order of the slots.
  const char* names[] = {"slug", "title", "date"};
  for (size_t f : {kSlug, kTitle, kDate})
    if (!(present & (1u << f))) fields_.set(f, std::string(names[f]) + ": missing (expected string)");
  if ((present & (1u << kSlug)) && !valid_slug(p.slug))
    fields_.set(kSlugValue, "slug: expected letters, digits, '-', '_' or '.', got " + in_quotes(p.slug));
  if ((present & (1u << kTitle)) && p.title.empty()) fields_.set(kTitleValue, "title: must not be empty");
  if (present & (1u << kDate)) {
    auto when = load_date(p.date);
    if (when) p.when = *when;
    else fields_.set(kDateValue, std::string("date: expected ") + kDateExpectation + ", got " + in_quotes(p.date));
  }
  if (!p.updated.empty() && !load_date(p.updated))
    fields_.set(kUpdatedValue, std::string("updated: expected ") + kDateExpectation + ", got " + in_quotes(p.updated));
  if (fields_.any()) {
    bad_post_ = i;
    bad_post_slot_ = fields_.first();
    bad_post_message_ = "posts[" + std::to_string(i) + "]." + fields_.message(bad_post_slot_);
  }
}

// The first post with a problem: its own (bad_post_), a chunk that is not
// in the chunk list, or a slug given before, whichever comes first (at the
// same post: its fields before "minutes", then "chunk", then the rest).
size_t BundleReader::post_problem(std::string& message) {
  const size_t count = b_.chunks.size();
  const size_t stop = std::min(bad_post_, b_.posts.size());
  size_t chunk_at = SIZE_MAX;
  std::string chunk_message;
  auto chunk_problem = [&](size_t i, std::string what) {
    if (i >= chunk_at) return;
    chunk_at = i;
    chunk_message = "posts[" + std::to_string(i) + "].chunk: " + std::move(what);
  };
  const char* refers = "refers to a chunk, but the bundle has no \"chunks\"";
  for (const OddChunk& c : odd_chunks_) {
    if (c.post > stop) continue;
    if (count == 0) chunk_problem(c.post, refers);
    else if (!c.integer) chunk_problem(c.post, expected("integer", c.type));
    else chunk_problem(c.post, range(0, static_cast<int64_t>(count) - 1, c.value));
  }
  for (size_t i = 0; i < std::min(stop + 1, b_.posts.size()) && i < chunk_at; ++i) {
    int chunk = b_.posts[i].chunk;
    if (chunk >= 0 && static_cast<size_t>(chunk) >= count)
      chunk_problem(i, count == 0 ? refers : range(0, static_cast<int64_t>(count) - 1, chunk));
  }
  size_t at = bad_post_;
  message = bad_post_message_;
  if (chunk_at < at || (chunk_at == at && bad_post_slot_ == kMinutes)) {
    at = chunk_at;
    message = chunk_message;
  }
  return at;
}

// Whether item a goes before item b, of the items `context` points to.
using IndexLess = bool (*)(const void* context, uint32_t a, uint32_t b);

// 0, 1, ..., n - 1 in the order `less` gives, equal items in index order.
// The loader's three orders (posts by instant, tags by slug, months) share
// this one merge sort, called through a pointer: a std::stable_sort or
// std::sort per comparator made ~15 KB of the WASM module.
[[gnu::noinline]] std::vector<uint32_t> sorted_indices(size_t n, IndexLess less, const void* context) {
  std::vector<uint32_t> order(n), other(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
  uint32_t* from = order.data();
  uint32_t* to = other.data();
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      const size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) to[k++] = less(context, from[j], from[i]) ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    std::swap(from, to);
  }
  if (from != order.data()) order.swap(other);
  return order;
}

// `items` in the order of `order` (a permutation of their indices).
template <class T>
void reorder(std::vector<T>& items, const std::vector<uint32_t>& order) {
  std::vector<T> out;
  out.reserve(items.size());
  for (uint32_t i : order) out.push_back(std::move(items[i]));
  items.swap(out);
}

void index_posts(Bundle& b, std::vector<uint32_t> table, const TagNames& names, std::vector<uint32_t> tag_ids) {
  const size_t n = b.posts.size();
  std::vector<int64_t> at(n);
  for (size_t i = 0; i < n; ++i) at[i] = b.posts[i].when.epoch_seconds();
  // Bundles are written newest first: then nothing moves.
  if (!std::is_sorted(at.begin(), at.end(), std::greater<int64_t>())) {
    std::vector<size_t> first_tag(n + 1, 0);
    for (size_t i = 0; i < n; ++i) first_tag[i + 1] = first_tag[i] + b.posts[i].tags.size();
    const std::vector<uint32_t> order = sorted_indices(n, [](const void* c, uint32_t x, uint32_t y) {
      const int64_t* when = static_cast<const int64_t*>(c);
      return when[x] > when[y];
    }, at.data());
    std::vector<Post> sorted;
    sorted.reserve(n);
    std::vector<uint32_t> rank(n), ids;
    ids.reserve(tag_ids.size());
    for (size_t k = 0; k < n; ++k) {
      sorted.push_back(std::move(b.posts[order[k]]));
      rank[order[k]] = static_cast<uint32_t>(k);
      ids.insert(ids.end(), tag_ids.begin() + static_cast<long>(first_tag[order[k]]),
                 tag_ids.begin() + static_cast<long>(first_tag[order[k] + 1]));
    }
    b.posts.swap(sorted);
    tag_ids.swap(ids);
    for (uint32_t& i : table)
      if (i != Bundle::kNoPost) i = rank[i];
  }
  b.slug_table = std::move(table);
  b.indexed_posts = n;
  b.tags.clear();
  b.months.clear();
  b.mixed_offsets = false;  // among posts whose dates give an offset
  const DateTime* with_offset = nullptr;
  for (size_t i = 0; i < n && !b.mixed_offsets; ++i) {
    const DateTime& w = b.posts[i].when;
    if (!w.has_offset) continue;
    if (!with_offset) with_offset = &w;
    b.mixed_offsets = w.offset_minutes != with_offset->offset_minutes;
  }
  std::vector<uint32_t> tag_of_slug(names.slugs(), TagNames::kNone);  // slug number -> index in tags
  size_t next_tag = 0;
  for (size_t i = 0; i < n; ++i) {
    for (const Text& t : b.posts[i].tags) {
      uint32_t id = tag_ids[next_tag++];
      if (tag_of_slug[id] == TagNames::kNone) {
        tag_of_slug[id] = static_cast<uint32_t>(b.tags.size());
        b.tags.push_back(TagInfo{t.str(), names.slug(id), {}});
      }
      auto& list = b.tags[tag_of_slug[id]].posts;
      if (list.empty() || list.back() != i) list.push_back(i);
    }
    const DateTime& w = b.posts[i].when;
    auto& months = b.months;
    if (months.empty() || months.back().year != w.year || months.back().month != w.month) {
      // Posts are sorted by instant; a month seen before (offsets) is merged.
      auto m = std::find_if(months.begin(), months.end(),
                            [&](const MonthInfo& x) { return x.year == w.year && x.month == w.month; });
      if (m == months.end()) {
        months.push_back(MonthInfo{w.year, w.month, {i}});
        continue;
      }
      m->posts.push_back(i);
      continue;
    }
    months.back().posts.push_back(i);
  }
  reorder(b.tags, sorted_indices(b.tags.size(), [](const void* c, uint32_t x, uint32_t y) {
    const TagInfo* tags = static_cast<const TagInfo*>(c);
    return tags[x].slug < tags[y].slug;
  }, b.tags.data()));
  reorder(b.months, sorted_indices(b.months.size(), [](const void* c, uint32_t x, uint32_t y) {
    const MonthInfo* months = static_cast<const MonthInfo*>(c);
    return months[x].year != months[y].year ? months[x].year > months[y].year : months[x].month > months[y].month;
  }, b.months.data()));
  index_categories(b);
  index_paths(b);
}

}  // namespace

bool read_json_string(std::string_view quoted, std::string& out) {
  Cursor in(quoted);
  Type t;
  Raw raw;
  if (quoted.empty() || quoted[0] != '"' || !in.peek(t) || !in.string(raw) || in.remaining() != 0) return false;
  out = text_of(raw);
  return true;
}

std::string tag_slug(std::string_view tag) {
  std::string spelled;
  for (char c : tag) {
    if (c == '+') spelled += " plus ";
    else if (c == '#') spelled += " sharp ";
    else spelled += c;
  }
  return slugify(spelled);
}

int reading_minutes(const Post& post) {
  if (post.minutes > 0) return post.minutes;
  return post.has_body ? text_stats(post.body).reading_minutes : 0;
}

bool valid_slug(std::string_view slug) {
  // The bytes a slug may hold (letters, digits, '-', '_', '.'), by value.
  static const struct Allowed {
    bool byte[256] = {};
    Allowed() {
      for (unsigned c = 0; c < 256; ++c)
        byte[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_' || c == '.';
    }
  } allowed;
  if (slug.empty() || slug.size() > 200 || slug == "." || slug == "..") return false;
  for (char c : slug)
    if (!allowed.byte[static_cast<unsigned char>(c)]) return false;
  return true;
}

// Only what a browser keeps as it is in location.pathname (RFC 3986's
// unreserved characters): the app compares base_path with that, so "/blög/"
// (there "/bl%C3%B6g/") would make every route rendered in the browser a
// 404. The sub-delims a browser also keeps ('+', ';', '(', '\'', ...) are
// refused too: '+' joins tags in a path, the others mean something in CSS,
// srcset or the author's own scripts. No empty, "." or ".." segment: the
// browser would resolve those away.
bool valid_site_url(std::string_view url) {
  if (url.empty()) return true;
  const std::string_view scheme = url.substr(0, url.find(':'));
  if (ascii_lower(scheme) != "http" && ascii_lower(scheme) != "https") return false;
  if (url.substr(scheme.size(), 3) != "://" || url.size() == scheme.size() + 3) return false;
  for (const char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\')
      return false;
  return true;
}

bool valid_base_path(std::string_view p) {
  if (p.empty() || p.front() != '/' || p.back() != '/') return false;
  size_t segment = 1;  // where the current segment starts
  for (size_t i = 1; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '/') {
      const std::string_view s = p.substr(segment, i - segment);
      if (s.empty() || s == "." || s == "..") return false;
      segment = i + 1;
    } else if (!is_unreserved(c)) {
      return false;
    }
  }
  return true;
}

bool valid_chunk_path(std::string_view p) {
  if (p.empty() || p.size() > 200 || p.front() == '/' || p.find("..") != std::string_view::npos ||
      p.find("//") != std::string_view::npos)
    return false;
  for (char c : p) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == '/';
    if (!ok) return false;
  }
  return true;
}

LoadResult load_bundle(std::string_view bytes) {
  std::shared_ptr<char> copy(new char[std::max<size_t>(1, bytes.size())], std::default_delete<char[]>());
  if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
  return load_bundle(std::move(copy), bytes.size());
}

LoadResult load_bundle(std::shared_ptr<const char> bytes, size_t size) {
  std::string_view in(bytes.get(), size);
  if (in.size() >= 3 && in.substr(0, 3) == "\xEF\xBB\xBF") in.remove_prefix(3);
  LoadResult r;
  r.ok = BundleReader(in, r.bundle).read(r.code, r.message);
  if (r.ok) r.bundle.source = std::move(bytes);  // the posts' texts view it
  else r.bundle = Bundle{};                       // nothing half-loaded
  return r;
}

LoadResult read_post_entries(std::shared_ptr<const char> bytes, size_t size, const char* format, int64_t& from,
                             std::vector<std::string>& chunks) {
  LoadResult r;
  BundleReader reader(std::string_view(bytes.get(), size), r.bundle, format);
  r.ok = reader.read(r.code, r.message);
  from = reader.shard_from_;
  chunks = std::move(reader.shard_chunks_);
  if (r.ok) r.bundle.source = std::move(bytes);
  else r.bundle = Bundle{};
  return r;
}

bool insert_slug(Bundle& b, size_t i) {
  if (b.slug_table.empty()) return false;
  const size_t mask = b.slug_table.size() - 1;
  const Text& slug = b.posts[i].slug;
  size_t at = hash_of(slug) & mask;
  for (; b.slug_table[at] != Bundle::kNoPost; at = (at + 1) & mask)
    if (b.posts[b.slug_table[at]].slug == slug) return b.slug_table[at] == i;
  b.slug_table[at] = static_cast<uint32_t>(i);
  return true;
}

std::vector<uint32_t> slug_table_of(const std::vector<Post>& posts, size_t& duplicate, size_t& first) {
  std::vector<uint64_t> hashes;
  hashes.reserve(posts.size());
  for (const Post& p : posts) hashes.push_back(hash_of(p.slug));
  duplicate = SIZE_MAX;
  return make_slug_table(posts, hashes, duplicate, first);
}

void Text::decode() const {
  std::string out;
  out.reserve(raw_size_);
  append_text(out, Raw{raw_, raw_size_, true});
  text_ = std::move(out);
  raw_ = nullptr;
}

void Bundle::index() {
  size_t duplicate = 0, first = 0;  // the build refuses duplicates before
  TagNames names;
  std::vector<uint32_t> ids;
  uint32_t list = 0;
  for (Post& p : posts) {  // a post's tags of one slug are one tag, as at load
    auto kept = p.tags.begin();
    for (Text& t : p.tags) {
      const uint32_t id = names.slug_id(t);
      if (!names.first_in_list(id, list)) continue;
      ids.push_back(id);
      if (&*kept != &t) *kept = std::move(t);
      ++kept;
    }
    p.tags.erase(kept, p.tags.end());
    ++list;
  }
  std::vector<uint64_t> hashes;
  hashes.reserve(posts.size());
  for (const Post& p : posts) hashes.push_back(hash_of(p.slug));
  index_posts(*this, make_slug_table(posts, hashes, duplicate, first), names, std::move(ids));
}

const Post* Bundle::find_post(std::string_view slug) const {
  if (indexed_posts != posts.size() || slug_table.empty()) {  // not indexed (yet)
    for (const Post& p : posts)
      if (p.slug == slug) return &p;
    return nullptr;
  }
  const size_t mask = slug_table.size() - 1;
  for (size_t at = hash_of(slug) & mask; slug_table[at] != kNoPost; at = (at + 1) & mask)
    if (posts[slug_table[at]].slug == slug) return &posts[slug_table[at]];
  return nullptr;
}

const std::string* Bundle::missing_chunk(const Post& p) const {
  if (p.stub) return shard_of(*this, static_cast<size_t>(&p - posts.data()));  // its entry first (post_shards.hpp)
  if (p.has_body || p.chunk < 0 || static_cast<size_t>(p.chunk) >= chunks.size()) return nullptr;
  return &chunks[static_cast<size_t>(p.chunk)];
}

ChunkResult add_chunk(Bundle& b, std::string_view bytes) {
  ChunkResult r;
  auto fail = [&r](const char* code, std::string message) {
    r.code = code;
    r.message = std::move(message);
    return r;
  };
  // Checked in the order: syntax, format, version, posts; the first post
  // with a problem (later ones only for syntax). A key given twice counts
  // with its last value.
  Cursor in(bytes);
  Type top = Type::Null;
  bool format_ok = false, version_seen = false, posts_seen = false;
  Type version_type = Type::Null, posts_type = Type::Null;
  Number version;
  std::vector<std::pair<Post*, std::string>> bodies;
  std::vector<std::string> codes;  // bodies[i]'s "code"
  size_t bad = SIZE_MAX;
  std::string bad_message;
  auto post = [&](size_t i) {
    Type t;
    if (!in.peek(t)) return false;
    std::string path = "posts[" + std::to_string(i) + "]";
    if (t != Type::Object) {
      bad = i;
      bad_message = path + ": " + expected("object", t);
      return in.skip();
    }
    Type slug_type = Type::Null, body_type = Type::Null;
    std::string slug, body, code;
    bool ok = in.object([&](Raw key) {
      std::string name = text_of(key);
      if (name == "code") {  // token runs, as written (checked when replayed)
        const char* start = in.position();
        if (!in.skip()) return false;
        code.assign(start, in.position());
        return true;
      }
      if (name != "slug" && name != "body") return in.skip();
      Type& type = name == "slug" ? slug_type : body_type;
      std::string& out = name == "slug" ? slug : body;
      if (!in.peek(type)) return false;
      if (type != Type::String) return in.skip();
      Raw s;
      if (!in.string(s)) return false;
      assign_text(out, s);
      return true;
    });
    if (!ok) return false;
    if (slug_type != Type::String) bad_message = path + ".slug: expected string";
    else if (body_type != Type::String) bad_message = path + ".body: expected string";
    else if (const Post* p = b.find_post(slug)) bodies.emplace_back(const_cast<Post*>(p), std::move(body)), codes.push_back(std::move(code));
    else bad_message = path + ".slug: no post " + in_quotes(slug) + " in the bundle";
    if (!bad_message.empty()) bad = i;
    return true;
  };
  bool syntax_ok = in.peek(top);
  if (syntax_ok && top == Type::Object) {
    syntax_ok = in.object([&](Raw key) {
      std::string name = text_of(key);
      Type t;
      if (name != "format" && name != "version" && name != "posts") return in.skip();
      if (!in.peek(t)) return false;
      if (name == "format") {
        Raw s;
        format_ok = false;
        if (t != Type::String) return in.skip();
        if (!in.string(s)) return false;
        format_ok = s.view() == kChunkFormat;
        return true;
      }
      if (name == "version") {
        version_seen = true;
        version_type = t;
        return t == Type::Number ? in.number(version) : in.skip();
      }
      posts_seen = true;
      posts_type = t;
      bodies.clear();
      codes.clear();
      bad = SIZE_MAX;
      bad_message.clear();
      if (t != Type::Array) return in.skip();
      return in.array([&](size_t i) { return bad != SIZE_MAX ? in.skip() : post(i); });
    });
  } else if (syntax_ok) {
    syntax_ok = in.skip();
  }
  if (!syntax_ok || !in.end()) return fail("parse", in.error());
  if (top != Type::Object) return fail("format", std::string("expected a JSON object, got ") + type_name(top));
  if (!format_ok) return fail("format", std::string("format: expected \"") + kChunkFormat + "\"");
  if (!version_seen || version_type != Type::Number || !version.integer || version.value < 1)
    return fail("schema", "version: expected integer");
  if (version.value > kChunkVersion)
    return fail("version", "version: chunk version " + std::to_string(version.value) +
                               " is newer than this Quire supports; upgrade Quire");
  if (!posts_seen || posts_type != Type::Array) return fail("schema", "posts: expected array");
  if (bad != SIZE_MAX) return fail("schema", bad_message);
  for (size_t i = 0; i < bodies.size(); ++i) {
    auto& [p, text] = bodies[i];
    if (p->has_body) continue;
    p->body = std::move(text);
    p->code_json = std::move(codes[i]);
    p->has_body = true;
    ++r.bodies;
  }
  r.ok = true;
  return r;
}

const TagInfo* Bundle::find_tag(std::string_view slug) const {
  auto it = std::lower_bound(tags.begin(), tags.end(), slug,
                             [](const TagInfo& t, std::string_view s) { return t.slug < s; });
  return it != tags.end() && it->slug == slug ? &*it : nullptr;
}

const MonthInfo* Bundle::find_month(int year, int month) const {
  for (const MonthInfo& m : months)
    if (m.year == year && m.month == month) return &m;
  return nullptr;
}

namespace {

using json = nlohmann::json;

json site_json(const Site& s) {
  json j = json::object();
  for (const SiteField& f : kSiteFields) {
    if (f.text) j[f.name] = s.*f.text;
    else if (f.number) j[f.name] = s.*f.number;
    else j[f.name] = s.*f.flag;
  }
  write_menu(j, s);
  return j;
}

// The body's token runs ("code"), when it has any.
void add_code(json& j, const Post& p) {
  if (p.code_json.empty()) return;
  json code = json::parse(p.code_json, nullptr, false);
  if (code.is_array() && !code.empty()) j["code"] = std::move(code);
}

// A post's entry; without its body when `chunk` >= 0 (the split form).
json post_json(const Post& p, int chunk) {
  json j = {{"slug", p.slug}, {"title", p.title}, {"date", p.date}, {"tags", p.tags}, {"summary", p.summary.str()}};
  if (!p.updated.empty()) j["updated"] = p.updated;
  if (!p.authors.empty()) j["authors"] = p.authors;
  // Reading time travels with every post, so that lists never parse bodies.
  if (int minutes = reading_minutes(p)) j["minutes"] = minutes;
  if (chunk >= 0) j["chunk"] = chunk;
  else if (p.has_body) j["body"] = p.body.str();
  if (chunk < 0 && p.has_body) add_code(j, p);
  if (!p.images.empty()) j["images"] = p.images.str();  // in the index too: small
  if (!p.params_json.empty()) {
    json params = json::parse(p.params_json, nullptr, false);
    if (params.is_object()) j["params"] = std::move(params);
  }
  if (!p.permalink.empty()) j["permalink"] = p.permalink;
  if (!p.aliases.empty()) j["aliases"] = p.aliases;
  if (!p.categories.empty()) j["categories"] = p.categories;  // categories.hpp
  return j;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// FNV-1a, 64 bits, as hex: names a chunk by its content (not a security hash:
// it only has to change when the content does).
std::string content_hash(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 15];
  return out;
}

}  // namespace

SplitBundle write_split_bundle(const Bundle& b, std::string_view chunk_dir, size_t per_chunk, std::string_view search,
                               size_t per_shard) {
  SplitBundle out;
  per_chunk = std::max<size_t>(1, per_chunk);
  const size_t n = b.posts.size();
  std::vector<int> chunk_of(n, -1);
  // Posts are newest first; chunk k holds the k-th group counted from the oldest.
  for (size_t start = 0; start < n; start += per_chunk) {
    std::vector<const Post*> bodies;  // written without a JSON tree (bundle_writer.hpp)
    for (size_t k = start; k < std::min(n, start + per_chunk); ++k) {
      chunk_of[n - 1 - k] = static_cast<int>(out.chunks.size());
      bodies.push_back(&b.posts[n - 1 - k]);
    }
    std::string text = write_chunk_json(bodies);
    std::string path = std::string(chunk_dir) + content_hash(text) + ".json";
    out.chunks.push_back({std::move(path), std::move(text)});
  }
  json chunks = json::array();
  for (const auto& c : out.chunks) chunks.push_back(c.path);
  json doc = {{"format", kBundleFormat}, {"version", kFirstBundleVersion}, {"site", site_json(b.site)},
              {"chunks", std::move(chunks)}};
  if (per_shard > 0 && shardable(b)) {  // the sharded form (post_shards.hpp), its files beside the chunks
    json shards = json::array();
    for (size_t start = 0; start < n; start += per_shard) {
      json entries = json::array();
      const size_t end = std::min(n, start + per_shard);
      for (size_t k = end; k-- > start;) {
        json entry = post_json(b.posts[n - 1 - k], -1);
        entry.erase("body");
        entry.erase("code");
        entry["chunk"] = out.chunks[static_cast<size_t>(chunk_of[n - 1 - k])].path;  // by path: no chunk list up front
        entries.push_back(std::move(entry));
      }
      std::string text = dump({{"format", kPostShardFormat}, {"version", kPostShardVersion}, {"from", start},
                               {"posts", std::move(entries)}});
      std::string path = std::string(chunk_dir) + "posts-" + content_hash(text) + ".json";
      shards.push_back(path);
      out.chunks.push_back({std::move(path), std::move(text)});
    }
    json slugs = json::array();
    for (std::string& text : write_slug_files(b)) {
      std::string path = std::string(chunk_dir) + "slugs-" + content_hash(text) + ".txt";
      slugs.push_back(path);
      out.chunks.push_back({std::move(path), std::move(text)});
    }
    doc["version"] = kBundleVersion;
    doc.erase("chunks");
    doc["shards"] = std::move(shards);
    doc["slugs"] = std::move(slugs);
    doc["index"] = write_post_index(b, per_shard);
  } else {
    json posts = json::array();
    for (size_t i = 0; i < n; ++i) posts.push_back(post_json(b.posts[i], chunk_of[i]));
    doc["posts"] = std::move(posts);
  }
  if (!search.empty() || !b.search.empty()) doc["search"] = search.empty() ? b.search : std::string(search);
  write_pages(doc, b);
  out.index = dump(doc);
  return out;
}

std::string write_bundle_json(const Bundle& b, std::string_view search) {
  json posts = json::array();
  for (const Post& p : b.posts) posts.push_back(post_json(p, -1));
  json doc = {{"format", kBundleFormat}, {"version", kFirstBundleVersion}, {"site", site_json(b.site)},
              {"posts", std::move(posts)}};
  if (!search.empty() || !b.search.empty()) doc["search"] = search.empty() ? b.search : std::string(search);
  write_pages(doc, b);
  return dump(doc);
}

}  // namespace quire
