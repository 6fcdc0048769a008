// Markdown → HTML on md4c's streaming callbacks. The policy (dialect, URL
// allow-list, raw HTML, input hygiene) is stated once, in markdown.hpp; this
// file implements it.
//
// Pipeline of render_markdown():
//   1. sanitize_input(): strip a BOM, make the bytes valid UTF-8 (U+FFFD),
//      into a std::string: md4c 0.4.8 reads one byte past the end of its
//      input (fixed upstream in 0.5.0), so it is only ever handed text
//      followed by a NUL (parse() takes a std::string for that reason).
//   2. CodeLookup: whether a would-be definition lies in a code block, code
//      span or raw HTML (a scan of the lines holding '`', '<' or '~' proves
//      "no" for most documents; else a first md4c pass records where they lie).
//   3. extract_footnotes(): cut "[^label]: ..." definitions out of the source
//      (md4c 0.4.8 would take them for link reference definitions); only
//      lines starting with '[' are looked at, the rest is copied in runs.
//   4. In the same scan, replace every "[^label]" by a sentinel (see
//      below) that md4c passes through as ordinary text; the renderer
//      turns it into a reference, or back into "[^label]" (undefined label,
//      code, links). append_marking_references() does the same for a note's
//      text (and for a body in the rare case extract_footnotes describes).
//   5. HtmlRenderer renders the body, then each referenced note (a nested
//      md4c pass per note, numbered by first reference), then the section.
//      Notes that are one plain paragraph (most) render in the body's own
//      md4c pass instead, placed before it (place_notes_first), or else
//      together in one pass of their own (append_footnote_section).
//
// No exceptions are thrown (the WASM build may have them disabled), nothing
// recurses on input depth, and there is no global mutable state.
//
// Speed (bench/markdown.mjs): each byte of a document is scanned a few
// times at most, 16 at a time with SIMD in WebAssembly and eight natively
// (the WebAssembly libc's memchr is a plain C loop); md4c runs once per
// document unless
// CodeLookup cannot avoid its pass; the HTML goes into the caller's
// OutputBuffer.

#include "core/markdown.hpp"

#include "core/code_tokens.hpp"
#include "core/post_text.hpp"
#include "core/entities.hpp"
#include "core/html.hpp"
#include "core/image_sizes.hpp"
#include "core/math.hpp"
#include "core/smart_punctuation.hpp"

#include <md4c.h>

#if defined(__wasm__)
#include <wasm_simd128.h>
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#if defined(__wasm__)
// md4c's hottest loop finds each line's end with strcspn(text, "\r\n") on
// Linux, where glibc's is vectorised, and with a plain loop elsewhere. The
// WebAssembly build compiles md4c as if on Linux with strcspn renamed to
// this (CMakeLists.txt): the same answer, 16 bytes a step. Loads are
// aligned, so none reaches past the end of memory; bytes read past the
// terminator in the last block are not looked at.
extern "C" __attribute__((target("simd128"))) std::size_t quire_md4c_strcspn(const char* s, const char* reject) {
  // md4c passes "\r\n" (its one call): checked by bytes, not a strcmp call per line.
  if (reject[0] != '\r' || reject[1] != '\n' || reject[2] != '\0') return std::strcspn(s, reject);
  const char* p = s;
  for (; (reinterpret_cast<std::uintptr_t>(p) & 15) != 0; ++p)
    if (*p == '\r' || *p == '\n' || *p == '\0') return static_cast<std::size_t>(p - s);
  const v128_t cr = wasm_i8x16_splat('\r'), lf = wasm_i8x16_splat('\n'), nul = wasm_i8x16_splat(0);
  for (;; p += 16) {
    const v128_t block = wasm_v128_load(p);
    const v128_t hits = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(block, cr), wasm_i8x16_eq(block, lf)),
                                     wasm_i8x16_eq(block, nul));
    if (const int bits = wasm_i8x16_bitmask(hits)) return static_cast<std::size_t>(p - s) + __builtin_ctz(bits);
  }
}
#endif

namespace quire {
namespace {

// ------------------------------------------------------------------ flags

// GitHub-like dialect. md4c always recognises raw HTML (so it parses the
// rest of the document exactly as CommonMark says); without unsafe_html the
// renderer then omits it: inline tags vanish and their text stays, HTML
// blocks (<script>, <div>...) vanish whole. See HtmlRenderer::put_raw_html.
unsigned parser_flags() {
  return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
}

// ------------------------------------------------------------------ UTF-8

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
constexpr std::size_t kNone = std::string_view::npos;  // no such offset

// Plain text is scanned many bytes per step, and the byte loops only run
// where a step found something of interest: eight bytes in a 64-bit word
// (SWAR), and in WebAssembly first 16 at a time with SIMD. SIMD for the
// scans only: -msimd128 on the whole file would also vectorise loops that
// gain nothing, for a bigger module.
#if defined(__wasm__)
#define QUIRE_SIMD_SCAN __attribute__((target("simd128")))
#else
#define QUIRE_SIMD_SCAN
#endif
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::uint64_t load_word(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Exactly whether some byte of `word` is 0.
bool has_zero_byte(std::uint64_t word) { return ((word - kOnes) & ~word & kHighBits) != 0; }

// Whether some byte of `word` is `c`.
bool has_byte(std::uint64_t word, char c) {
  return has_zero_byte(word ^ (static_cast<unsigned char>(c) * kOnes));
}

// Whether some byte is NUL or not ASCII.
bool has_nul_or_non_ascii(std::uint64_t word) {
  return (word & kHighBits) != 0 || has_zero_byte(word);
}

// The first offset from `from` on holding one of `chars` (npos if none):
// cheaper than memchr() calls where that is a plain C loop (WebAssembly).
//
// In WebAssembly the last block (fewer than 16 bytes: most of a short text
// md4c hands the renderer) is loaded whole too, its bytes past the end
// masked off, where the 16 bytes lie within the module's memory (loads
// there cannot trap; past its end they would).
#if defined(__wasm__)
// The bitmask of the 16 bytes at `p` equal to one of `chars`.
template <typename... Chars>
QUIRE_SIMD_SCAN int block_hits(const char* p, Chars... chars) {
  const v128_t block = wasm_v128_load(p);
  v128_t hits = wasm_i8x16_splat(0);
  ((hits = wasm_v128_or(hits, wasm_i8x16_eq(block, wasm_i8x16_splat(chars)))), ...);
  return wasm_i8x16_bitmask(hits);
}
#endif

template <typename... Chars>
QUIRE_SIMD_SCAN std::size_t find_any(std::string_view s, std::size_t from, Chars... chars) {
  std::size_t i = from;
#if defined(__wasm__)
  while (i + 16 <= s.size()) {
    if (const int bits = block_hits(s.data() + i, chars...)) return i + static_cast<std::size_t>(__builtin_ctz(bits));
    i += 16;
  }
  if (i < s.size() && reinterpret_cast<std::uintptr_t>(s.data() + i) + 16 <=
                          __builtin_wasm_memory_size(0) * std::uintptr_t{65536}) {
    const int bits = block_hits(s.data() + i, chars...) & ((1 << (s.size() - i)) - 1);
    return bits != 0 ? i + static_cast<std::size_t>(__builtin_ctz(bits)) : std::string_view::npos;
  }
#endif
  while (i + 8 <= s.size()) {
    const std::uint64_t word = load_word(s.data() + i);
    if ((has_byte(word, chars) || ...)) break;
    i += 8;
  }
  for (; i < s.size(); ++i)
    if (((s[i] == chars) || ...)) return i;
  return std::string_view::npos;
}

// The last offset before `end` holding one of `chars` (npos if none).
template <typename... Chars>
QUIRE_SIMD_SCAN std::size_t rfind_any(std::string_view s, std::size_t end, Chars... chars) {
  std::size_t i = std::min(end, s.size());
#if defined(__wasm__)
  while (i >= 16) {
    const v128_t block = wasm_v128_load(s.data() + i - 16);
    v128_t hits = wasm_i8x16_splat(0);
    ((hits = wasm_v128_or(hits, wasm_i8x16_eq(block, wasm_i8x16_splat(chars)))), ...);
    if (const int bits = wasm_i8x16_bitmask(hits)) return i - 16 + static_cast<std::size_t>(31 - __builtin_clz(bits));
    i -= 16;
  }
#endif
  while (i > 0) {
    --i;
    if (((s[i] == chars) || ...)) return i;
  }
  return std::string_view::npos;
}

std::size_t find_either(std::string_view s, std::size_t from, char a, char b) {
  return find_any(s, from, a, b);
}

std::size_t find_byte(std::string_view s, std::size_t from, char c) {
  return find_any(s, from, c);
}

// The first "[^" from `from` on, or npos.
std::size_t find_caret_bracket(std::string_view s, std::size_t from) {
  for (std::size_t at = find_byte(s, from, '['); at != std::string_view::npos;
       at = find_byte(s, at + 1, '['))
    if (at + 1 < s.size() && s[at + 1] == '^') return at;
  return std::string_view::npos;
}

// The first offset from `from` on holding NUL or a non-ASCII byte, or
// s.size().
QUIRE_SIMD_SCAN std::size_t skip_plain_ascii(std::string_view s, std::size_t from) {
  std::size_t i = from;
#if defined(__wasm__)
  while (i + 16 <= s.size()) {
    const v128_t block = wasm_v128_load(s.data() + i);
    if (const int bits = wasm_i8x16_bitmask(block) | wasm_i8x16_bitmask(wasm_i8x16_eq(block, wasm_i8x16_splat(0))))
      return i + static_cast<std::size_t>(__builtin_ctz(bits));
    i += 16;
  }
#endif
  while (i + 8 <= s.size() && !has_nul_or_non_ascii(load_word(s.data() + i))) i += 8;
  while (i < s.size() && s[i] != 0 && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Footnote sentinels use the private-use code points U+10FC00..U+10FC0F as
// hex digits; input containing them gets U+FFFD instead (see sanitize_input).
constexpr char32_t kSentinelDigitFirst = 0x10FC00;
constexpr char32_t kSentinelDigitLast = 0x10FC0F;

bool is_sentinel_digit_cp(char32_t cp) {
  return cp >= kSentinelDigitFirst && cp <= kSentinelDigitLast;
}

// The length of the leading run of `in` that needs no repair: ASCII other
// than NUL, and valid UTF-8 other than our sentinel digits.
std::size_t clean_prefix(std::string_view in) {
  std::size_t i = 0;
  while (i < in.size()) {
    i = skip_plain_ascii(in, i);
    if (i == in.size()) break;
    const DecodedChar d = decode_utf8(in, i);
    if (!d.valid || d.cp == 0 || is_sentinel_digit_cp(d.cp)) break;
    i += d.length;
  }
  return i;
}

// Input hygiene: BOM stripped; invalid UTF-8, NUL and our sentinel digits
// become U+FFFD. CR and CRLF are left to md4c, which handles them. The
// text is made in `storage` (returned), even when it needs no repair: the
// caller's bytes may be a view into a larger buffer, or a buffer reused
// from call to call (the WASM input), and md4c reads the byte after them;
// unless the caller says a NUL follows them (`terminated`,
// MarkdownOptions::input_terminated) and they need no repair: then they
// are returned as they are, no copy.
std::string_view sanitize_input(std::string_view in, std::string& storage, bool terminated) {
  // md4c sizes are 32-bit.
  constexpr std::size_t kMaxInput = std::numeric_limits<MD_SIZE>::max() / 4;
  if (in.size() > kMaxInput) in = in.substr(0, kMaxInput);
  if (in.substr(0, 3) == "\xEF\xBB\xBF") in.remove_prefix(3);
  const std::size_t clean = clean_prefix(in);
  std::string& out = storage;
  if (clean == in.size()) return terminated ? in : std::string_view(out.assign(in.data(), in.size()));
  out.reserve(in.size() + 16);
  out.assign(in.data(), clean);
  for (std::size_t i = clean; i < in.size();) {
    // Runs of plain ASCII (the common case) are copied at once.
    const std::size_t run = skip_plain_ascii(in, i);
    if (run > i) {
      out.append(in.data() + i, run - i);
      i = run;
      continue;
    }
    const DecodedChar d = decode_utf8(in, i);
    if (!d.valid || d.cp == 0 || is_sentinel_digit_cp(d.cp))
      out += kReplacementUtf8;
    else
      out.append(in.substr(i, d.length));
    i += d.length;
  }
  return out;
}

// ------------------------------------------------------------------ escaping

// md4c-html's set (no '\''), by table; runs of plain bytes are appended at
// once (text is mostly plain).
constexpr EscapeTable kHtmlEscape{false};

// With a hook for '<': on_less(offset) writes what the '<' at s[offset]
// stands for and returns the offset to go on from.
#if defined(__wasm__)
// Copies s[from...] to `to` up to the first byte html-escaping stops at
// ('"', '&', '<', '>'), 16 bytes a step: how many it copied. Whole blocks
// are stored, so `to` must have 16 bytes of room past what it copies; the
// last partial block is read whole as in find_any (else byte by byte).
QUIRE_SIMD_SCAN std::size_t copy_plain_html(std::string_view s, std::size_t from, char* to) {
  std::size_t i = from;
  const auto hits = [](v128_t block) QUIRE_SIMD_SCAN {
    return wasm_i8x16_bitmask(wasm_v128_or(
        wasm_v128_or(wasm_i8x16_eq(block, wasm_i8x16_splat('"')), wasm_i8x16_eq(block, wasm_i8x16_splat('&'))),
        wasm_v128_or(wasm_i8x16_eq(block, wasm_i8x16_splat('<')), wasm_i8x16_eq(block, wasm_i8x16_splat('>')))));
  };
  for (; i + 16 <= s.size(); i += 16, to += 16) {
    const v128_t block = wasm_v128_load(s.data() + i);
    wasm_v128_store(to, block);
    if (const int bits = hits(block)) return i - from + static_cast<std::size_t>(__builtin_ctz(bits));
  }
  if (i == s.size()) return i - from;
  if (reinterpret_cast<std::uintptr_t>(s.data() + i) + 16 <= __builtin_wasm_memory_size(0) * std::uintptr_t{65536}) {
    const v128_t block = wasm_v128_load(s.data() + i);
    wasm_v128_store(to, block);
    const int bits = hits(block) & ((1 << (s.size() - i)) - 1);
    return (bits != 0 ? i + static_cast<std::size_t>(__builtin_ctz(bits)) : s.size()) - from;
  }
  for (; i < s.size() && kHtmlEscape.slot[static_cast<unsigned char>(s[i])] == 0; ++i) *to++ = s[i];
  return i - from;
}
#endif

template <typename Out, typename OnLess>
void append_html_escaped(Out& out, std::string_view s, OnLess&& on_less) {
  const char* const begin = s.data();
  const char* p = begin;
  const char* const end = p + s.size();
  while (p != end) {
#if defined(__wasm__)
    if constexpr (std::is_same_v<Out, OutputBuffer>) {
      // The renderer's output: plain bytes copied as they are scanned.
      const std::size_t at = static_cast<std::size_t>(p - begin);
      const std::size_t copied = copy_plain_html(s, at, out.room(s.size() - at + 16));
      out.commit(copied);
      p += copied;
    } else
#endif
    {
      const char* run = p;
      p = begin + std::min(find_any(s, static_cast<std::size_t>(p - begin), '"', '&', '<', '>'), s.size());
      out.append(run, static_cast<std::size_t>(p - run));
    }
    if (p == end) break;
    if (*p == '<') {
      p = begin + on_less(static_cast<std::size_t>(p - begin));
      continue;
    }
    out.append(kHtmlEntities[kHtmlEscape.slot[static_cast<unsigned char>(*p)]]);
    ++p;
  }
}

template <typename Out>
void append_html_escaped(Out& out, std::string_view s) {
  append_html_escaped(out, s, [&](std::size_t at) {
    out.append(kHtmlEntities[kHtmlEscape.slot[static_cast<unsigned char>('<')]]);
    return at + 1;
  });
}

constexpr bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Same byte classes as md4c-html's URL attribute escaping (the conformance
// test compares against it): alphanumerics and a few URL punctuation
// characters verbatim, '&' as "&amp;", every other byte percent-encoded.
struct UrlVerbatimTable {
  bool verbatim[256] = {};
  constexpr UrlVerbatimTable() {
    for (int c = 0; c < 256; ++c) verbatim[c] = is_ascii_alnum(static_cast<unsigned char>(c));
    for (const char c : std::string_view("-_.+!*(),%#@?=;:/$")) verbatim[static_cast<unsigned char>(c)] = true;
  }
};
constexpr UrlVerbatimTable kUrlVerbatim;

template <typename Out>
void append_url_escaped(Out& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    const char* run = p;
    while (p != end && kUrlVerbatim.verbatim[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    const char ch = *p++;
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '&') {
      out += "&amp;";
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

// ------------------------------------------------------------------ entities

// Appends the text of an entity md4c recognised ("&amp;", "&#106;",
// "&#x6A;"). Unknown names stay as written, like md4c-html.
void append_decoded_entity(std::string& out, std::string_view entity) {
  if (entity.size() > 3 && entity[1] == '#') {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    char32_t cp = 0;
    for (std::size_t i = hex ? 3 : 2; i + 1 < entity.size(); ++i) {
      const char c = entity[i];
      unsigned digit = 0;
      if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
      cp = cp * (hex ? 16 : 10) + digit;
      if (cp > 0x10FFFF) cp = 0x110000;  // saturate; becomes U+FFFD
    }
    append_utf8(out, cp);
    return;
  }
  const std::string_view known = named_entity_text(entity);
  out.append(known.empty() ? entity : known);
}

// ------------------------------------------------------------------ URL policy

// The allow-list of markdown.hpp. `url` is the value the browser will see
// (entities already decoded). Control characters and whitespace are dropped
// and ASCII case folded before looking for a scheme, so "java&#x09;script:"
// and " JaVaScRiPt:" are caught. A scheme is [a-z][a-z0-9+.-]* followed by
// ':', the same grammar as the WHATWG URL parser's scheme state; a URL
// without one (relative, "//host", "#frag", "?q", "a/b:c") is allowed.
// Dropping more characters than browsers do can only turn a non-scheme into
// a scheme, never the reverse, so the check errs on the refusing side.
}  // namespace

bool is_allowed_url(std::string_view url) {
  // Only the first 7 characters of a scheme are kept: a longer one is
  // never one of the allowed.
  char scheme[7];
  std::size_t length = 0;
  for (const char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) continue;
    if (ch == ':') {
      const std::string_view name(scheme, std::min(length, sizeof scheme));
      return length == 0 || name == "http" || name == "https" || name == "mailto";
    }
    const char lower = ascii_lower(ch);
    const bool alpha = lower >= 'a' && lower <= 'z';
    const bool other = (lower >= '0' && lower <= '9') || lower == '+' ||
                       lower == '-' || lower == '.';
    if (!alpha && (length == 0 || !other)) return true;  // no scheme
    if (length < sizeof scheme) scheme[length] = lower;
    ++length;
  }
  return true;  // no ':' at all
}

namespace {

// An allowed URL made absolute against `base` (MarkdownOptions::url_base).
// Only the cases a browser tells apart are handled; dot segments are left
// for the browser to remove.
std::string resolve_url(std::string_view base, std::string_view url) {
  const auto space = [](char ch) { return static_cast<unsigned char>(ch) <= 0x20; };
  while (!url.empty() && space(url.front())) url.remove_prefix(1);
  while (!url.empty() && space(url.back())) url.remove_suffix(1);
  if (base.empty() || has_url_scheme(url) || (!url.empty() && url.front() == '#')) return std::string(url);
  const size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const size_t path_start = std::min(base.size(), base.find('/', scheme_end + 3));
  if (url.substr(0, 2) == "//") return std::string(base.substr(0, scheme_end + 1)) + std::string(url);
  if (!url.empty() && url.front() == '/') return std::string(base.substr(0, path_start)) + std::string(url);
  const std::string_view page = base.substr(0, std::min(base.size(), base.find_first_of("?#")));
  if (url.empty() || url.front() == '?') return std::string(page) + std::string(url);
  const size_t slash = page.rfind('/');
  std::string out(slash == std::string_view::npos || slash < path_start ? page : page.substr(0, slash));
  return out + "/" + std::string(url);
}

// ------------------------------------------------------------------ sentinels

// A footnote reference in the text handed to md4c: '<', the index of the
// occurrence in hex written with the digits U+10FC00..U+10FC0F, '>'. The
// angle brackets are ASCII punctuation like the '[' ']' they replace, so
// emphasis flanking is unchanged, and '<' ends md4c's permissive autolinks
// the way a reference should. md4c passes it through unsplit as text: it
// only splits text at marks it resolved, and '<' followed by a non-ASCII
// character opens neither raw HTML nor an autolink.
constexpr std::string_view kSentinelDigitPrefix = "\xF4\x8F\xB0";  // + 0x80+d

// Appends the sentinel of occurrence `index`, most significant digit first
// (written in place: no allocation per reference).
void append_sentinel(std::string& out, std::size_t index) {
  unsigned digits = 1;
  while (digits < 2 * sizeof(std::size_t) && (index >> (4 * digits)) != 0) ++digits;
  out += '<';
  for (unsigned d = digits; d-- > 0;) {
    out.append(kSentinelDigitPrefix);
    out += static_cast<char>(0x80 + ((index >> (4 * d)) & 0xF));
  }
  out += '>';
}

// If s[at] starts a sentinel, returns true with its occurrence index and the
// offset just past it.
bool parse_sentinel(std::string_view s, std::size_t at, std::size_t& index,
                    std::size_t& end) {
  if (at >= s.size() || s[at] != '<') return false;
  std::size_t i = at + 1;
  std::size_t value = 0;
  std::size_t digits = 0;
  while (i + 4 <= s.size() && s.compare(i, 3, kSentinelDigitPrefix) == 0) {
    const auto d = static_cast<unsigned char>(s[i + 3]);
    if (d < 0x80 || d > 0x8F) return false;
    if (++digits > 2 * sizeof(std::size_t)) return false;
    value = (value << 4) | (d - 0x80);
    i += 4;
  }
  if (digits == 0 || i >= s.size() || s[i] != '>') return false;
  index = value;
  end = i + 1;
  return true;
}

// Calls on_text(piece) for text between sentinels and on_reference(index)
// for each sentinel, in order.
template <typename OnText, typename OnReference>
void split_sentinels(std::string_view s, OnText&& on_text,
                     OnReference&& on_reference) {
  std::size_t run = 0;
  std::size_t at = find_byte(s, 0, '<');
  while (at != std::string_view::npos) {
    std::size_t index = 0;
    std::size_t end = 0;
    if (parse_sentinel(s, at, index, end)) {
      if (at > run) on_text(s.substr(run, at - run));
      on_reference(index);
      run = end;
      at = find_byte(s, end, '<');
    } else {
      at = find_byte(s, at + 1, '<');
    }
  }
  if (run < s.size()) on_text(s.substr(run));
}

// ------------------------------------------------------------------ footnote data

struct Footnote {
  std::string content;  // the definition's markdown, de-indented
  std::string key;      // its label's key (assign_footnote_key)
  unsigned number = 0;  // 0 until first referenced
  unsigned references = 0;
  // Its HTML: html_end - html_begin bytes of the notes' shared buffer
  // (append_footnote_section), no string of its own.
  std::size_t html_begin = 0, html_end = 0;
  bool placed = false;  // in Footnotes::placed
};

// One "[^label]" replaced by a sentinel.
struct ReferenceOccurrence {
  static constexpr std::size_t kUndefined = static_cast<std::size_t>(-1);
  std::size_t note;  // kUndefined: no such note, the text stays literal
  // The source text, restored in code and attributes: where it lies in
  // Footnotes::literals (one buffer for all, not a string each).
  std::uint32_t literal_at;
  std::uint32_t literal_size;
};

// A link reference definition of the body ("[label]: url ..."), which a
// note's nested render needs for "[text][label]" to work inside the note.
struct LinkDefinition {
  std::string text;
  enum class State { unchecked, valid, invalid } state = State::unchecked;
};

// What starts_inline_link_tail() learnt of one run of destination text
// (no space, line end or control byte in it), so that many "[^x](" in one
// run ("[^a]([^a]([^a](...") cost one scan in all, not one each: the run's
// '(' matched inside it, and what follows the run.
struct LinkTailRun {
  const char* text = nullptr;   // the text scanned (its data())
  std::size_t begin = 0;        // the run: text[begin, end)
  std::size_t end = 0;
  std::string paren;            // per byte: 1 an unescaped '(', 2 one matched in the run, else 0
  bool after = false;           // an unmatched '(' of the run starts a link tail
  bool after_crossed = false;   // deciding that went past a line end
};

struct Footnotes {
  std::vector<Footnote> notes;
  // Notes by key: searched in `notes` while there are few (most documents:
  // no hashing, no node per note), through the map from kFewNotes on.
  static constexpr std::size_t kFewNotes = 16;
  std::unordered_map<std::string, std::size_t> by_label;
  std::vector<ReferenceOccurrence> occurrences;
  std::string literals;  // the occurrences' "[^label]" texts, one after another
  std::string key;       // scratch: a label's key while it is looked up
  std::vector<std::size_t> numbered;  // note indexes in number order
  std::vector<std::size_t> placed;    // notes rendered before the body (place_notes_first)
  std::vector<LinkDefinition> link_definitions;
  std::unordered_map<std::string, std::size_t> link_definition_by_label;
  LinkTailRun link_tail;  // starts_inline_link_tail's memory

  // The note of a key, or ReferenceOccurrence::kUndefined.
  std::size_t find_note(const std::string& label_key) const {
    if (notes.size() <= kFewNotes) {
      for (std::size_t i = 0; i < notes.size(); ++i)
        if (notes[i].key == label_key) return i;
      return ReferenceOccurrence::kUndefined;
    }
    const auto found = by_label.find(label_key);
    return found != by_label.end() ? found->second : ReferenceOccurrence::kUndefined;
  }

  // Adds a note for a key not found.
  void add_note(const std::string& label_key, std::string content) {
    if (notes.empty()) notes.reserve(8);
    notes.push_back(Footnote{std::move(content), label_key, 0, 0, 0, 0, false});
    if (notes.size() == kFewNotes + 1)
      for (std::size_t i = 0; i < notes.size(); ++i) by_label.emplace(notes[i].key, i);
    else if (notes.size() > kFewNotes)
      by_label.emplace(notes.back().key, notes.size() - 1);
  }
};

// The literal text of an occurrence, or nothing for a bad index (which the
// construction rules out).
std::string_view occurrence_literal(const Footnotes& footnotes,
                                    std::size_t index) {
  if (index >= footnotes.occurrences.size()) return {};
  const ReferenceOccurrence& o = footnotes.occurrences[index];
  return std::string_view(footnotes.literals).substr(o.literal_at, o.literal_size);
}

// Whether an occurrence refers to a defined note.
bool is_defined_reference(const Footnotes& footnotes, std::size_t index) {
  return index < footnotes.occurrences.size() &&
         footnotes.occurrences[index].note != ReferenceOccurrence::kUndefined;
}

// Whether `s` may hold a sentinel: every one has the byte 0xF4 (and
// little else does), one scan for the common case of none.
bool may_hold_sentinel(std::string_view s) {
  return find_byte(s, 0, kSentinelDigitPrefix[0]) != std::string_view::npos;
}

// Text with every sentinel turned back into the "[^label]" it replaced.
void append_restoring_references(std::string& out, std::string_view s,
                                 const Footnotes& footnotes) {
  if (!may_hold_sentinel(s)) return out.append(s), void();
  split_sentinels(
      s, [&](std::string_view piece) { out.append(piece); },
      [&](std::size_t index) {
        out.append(occurrence_literal(footnotes, index));
      });
}

// An attribute's value as the browser will see it: entities decoded,
// sentinels back to literal text.
void append_attribute_value(std::string& out, const MD_ATTRIBUTE& attr,
                            const Footnotes& footnotes) {
  if (attr.text == nullptr || attr.substr_offsets == nullptr) return;
  for (std::size_t i = 0; attr.substr_offsets[i] < attr.size; ++i) {
    const MD_OFFSET begin = attr.substr_offsets[i];
    const MD_OFFSET end = attr.substr_offsets[i + 1];
    const std::string_view piece(attr.text + begin, end - begin);
    switch (attr.substr_types[i]) {
      case MD_TEXT_ENTITY: append_decoded_entity(out, piece); break;
      case MD_TEXT_NULLCHAR: out += kReplacementUtf8; break;
      default: append_restoring_references(out, piece, footnotes); break;
    }
  }
}


// ------------------------------------------------------------------ labels

constexpr std::size_t kMaxLabelLength = 999;  // as for link labels

// The normalised key of a footnote label: case folded, whitespace trimmed and
// collapsed. Empty when the label is not valid. Made in `key` (its content
// replaced), so that a reused string costs no allocation.
void assign_footnote_key(std::string& key, std::string_view label) {
  key.clear();
  bool space = false;
  for (std::size_t i = 0; i < label.size();) {
    if (label[i] == ' ' || label[i] == '\t') {
      space = true;
      ++i;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    const auto c = static_cast<unsigned char>(label[i]);
    if (c < 0x80) {  // ASCII: folded here (most labels are "1", "note")
      key += ascii_lower(static_cast<char>(c));
      ++i;
      continue;
    }
    const DecodedChar d = decode_utf8(label, i);
    append_utf8(key, d.valid ? fold_case(d.cp) : kReplacementChar);
    i += d.length;
  }
}

std::string footnote_key(std::string_view label) {
  std::string key;
  assign_footnote_key(key, label);
  return key;
}

// Parses "[^label]" at s[at]; on success returns the offset past ']' and
// sets the label text. Labels are one line, without brackets or backslashes.
bool parse_footnote_label(std::string_view s, std::size_t at,
                          std::string_view& label, std::size_t& end) {
  if (s.compare(at, 2, "[^") != 0) return false;
  const std::size_t begin = at + 2;
  std::size_t i = begin;
  while (i < s.size() && i - begin <= kMaxLabelLength) {
    const char c = s[i];
    if (c == ']') break;
    if (c == '[' || c == '\\' || c == '\n' || c == '\r') return false;
    ++i;
  }
  if (i >= s.size() || s[i] != ']' || i == begin || i - begin > kMaxLabelLength)
    return false;
  label = s.substr(begin, i - begin);
  end = i + 1;
  return true;
}

// ------------------------------------------------------------------ lines

// Lines end at "\n", "\r" or "\r\n", as for md4c. The footnote pre-pass
// visits only the lines that can matter (found by scanning for the bytes
// that make them matter), so lines are found from an offset, forwards or
// backwards, rather than split up front.
struct SourceLine {
  std::size_t begin;  // first byte
  std::size_t end;    // end of content, before the line terminator
  std::size_t next;   // first byte of the next line (s.size() after the last)

  std::string_view text(std::string_view s) const { return s.substr(begin, end - begin); }
};

// The line starting at `begin` (< s.size()).
SourceLine line_at(std::string_view s, std::size_t begin) {
  const std::size_t end = std::min(find_either(s, begin, '\n', '\r'), s.size());
  std::size_t next = end;
  if (next < s.size()) {
    next += (s[next] == '\r' && next + 1 < s.size() && s[next + 1] == '\n') ? 2 : 1;
  }
  return {begin, end, next};
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// The start of the line holding s[at].
std::size_t line_start(std::string_view s, std::size_t at) {
  const std::size_t previous_break = rfind_any(s, at, '\n', '\r');
  return previous_break == std::string_view::npos ? 0 : previous_break + 1;
}

// The line before the one starting at `begin` (> 0).
SourceLine line_before(std::string_view s, std::size_t begin) {
  const std::size_t end = begin - ((begin >= 2 && s[begin - 1] == '\n' && s[begin - 2] == '\r') ? 2 : 1);
  return {line_start(s, end), end, begin};
}

struct Indent {
  std::size_t columns;
  std::size_t bytes;
};

Indent measure_indent(std::string_view line) {
  Indent indent{0, 0};
  for (; indent.bytes < line.size(); ++indent.bytes) {
    if (line[indent.bytes] == ' ') ++indent.columns;
    else if (line[indent.bytes] == '\t') indent.columns += 4 - indent.columns % 4;
    else break;
  }
  return indent;
}

bool is_blank(std::string_view line) {
  for (const char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// Whether the line starting at `begin` opens the text or follows a blank line.
bool follows_blank(std::string_view s, std::size_t begin) {
  return begin == 0 || is_blank(line_before(s, begin).text(s));
}

// Removes `columns` columns of indentation. Tab stops are multiples of 4 and
// callers remove 4 columns from a line indented at least 4, so no tab is
// ever split.
std::string_view strip_columns(std::string_view line, std::size_t columns) {
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < line.size() && column < columns) {
    if (line[i] == ' ') ++column;
    else if (line[i] == '\t') column += 4 - column % 4;
    else break;
    ++i;
  }
  return line.substr(i);
}

// Block starts, on a line's content after at most 3 columns of indentation.

std::size_t count_run(std::string_view s, char c) {
  std::size_t n = 0;
  while (n < s.size() && s[n] == c) ++n;
  return n;
}

bool is_atx_heading(std::string_view s) {
  const std::size_t hashes = count_run(s, '#');
  return hashes >= 1 && hashes <= 6 &&
         (hashes == s.size() || s[hashes] == ' ' || s[hashes] == '\t');
}

bool is_thematic_break(std::string_view s) {
  if (s.empty() || (s[0] != '*' && s[0] != '-' && s[0] != '_')) return false;
  std::size_t marks = 0;
  for (const char c : s) {
    if (c == s[0]) ++marks;
    else if (c != ' ' && c != '\t') return false;
  }
  return marks >= 3;
}

// "===" or "---" alone: would turn a paragraph above it into a heading.
bool is_setext_underline(std::string_view line) {
  const Indent indent = measure_indent(line);
  if (indent.columns > 3) return false;
  const std::string_view s = line.substr(indent.bytes);
  if (s.empty() || (s[0] != '=' && s[0] != '-')) return false;
  return is_blank(s.substr(count_run(s, s[0])));
}

bool opens_fence(std::string_view s, char& fence_char, std::size_t& length) {
  if (s.empty() || (s[0] != '`' && s[0] != '~')) return false;
  const std::size_t n = count_run(s, s[0]);
  if (n < 3) return false;
  if (s[0] == '`' && s.find('`', n) != std::string_view::npos) return false;
  fence_char = s[0];
  length = n;
  return true;
}

bool closes_fence(std::string_view s, char fence_char, std::size_t length) {
  const std::size_t n = count_run(s, fence_char);
  return n >= length && is_blank(s.substr(n));
}

bool is_list_item_start(std::string_view s) {
  std::size_t marker = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == '*')) {
    marker = 1;
  } else if (s.size() >= 2 && s[0] == '1' && (s[1] == '.' || s[1] == ')')) {
    marker = 2;  // only lists starting at 1 may interrupt a paragraph
  } else {
    return false;
  }
  return s.size() > marker && (s[marker] == ' ' || s[marker] == '\t') &&
         !is_blank(s.substr(marker));
}

bool is_definition_start(std::string_view s) {
  std::string_view label;
  std::size_t end = 0;
  return parse_footnote_label(s, 0, label, end) && end < s.size() &&
         s[end] == ':';
}

// Whether a line would start a new block rather than continue a paragraph
// lazily (approximation of CommonMark's rules, good enough to find where a
// footnote definition ends).
bool starts_block(std::string_view s) {
  char fence_char = 0;
  std::size_t fence_length = 0;
  return s.empty() || s[0] == '>' || s[0] == '<' || is_atx_heading(s) ||
         is_thematic_break(s) || opens_fence(s, fence_char, fence_length) ||
         is_list_item_start(s) || is_definition_start(s);
}

// ------------------------------------------------------------------ md4c plumbing

// Runs fn, turning an exception (bad_alloc in practice) into `on_error`: so
// that nothing unwinds through md4c's C frames (1 aborts the parse), nor
// out of the public functions. (The WASM build has no exceptions.)
template <typename Fn, typename T>
T guarded(Fn&& fn, T on_error) noexcept {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  try {
    return fn();
  } catch (...) {
    return on_error;
  }
#else
  (void)on_error;
  return fn();
#endif
}

// md4c 0.4.8's permissive URL and www autolinks take time quadratic in the
// URLs of one paragraph ("http://a.b/~" 20,000 times: 1.4 s natively; fixed
// upstream in md4c 0.5's rework, md4c PR 220). A document with more than
// kMaxBareUrls of them ("://" or "www.") keeps its URLs as text instead;
// <angle-bracket> autolinks and links still work. Documents under
// kBareUrlScanFrom bytes are not scanned (most posts: no cost): at worst
// about 5,000 URLs in one paragraph, 0.1 s natively.
constexpr std::size_t kMaxBareUrls = 2048;
constexpr std::size_t kBareUrlScanFrom = 64 * 1024;

[[gnu::noinline]] unsigned bounded_autolinks(std::string_view source, unsigned flags) {
  if (source.size() < kBareUrlScanFrom || (flags & MD_FLAG_PERMISSIVEURLAUTOLINKS) == 0) return flags;
  std::size_t urls = 0;
  for (const std::string_view start : {std::string_view("://"), std::string_view("www.")})
    for (std::size_t at = source.find(start[0]); at != std::string_view::npos; at = source.find(start[0], at + 1))
      if (source.substr(at, start.size()) == start && ++urls > kMaxBareUrls)
        return flags & ~unsigned(MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS);
  return flags;
}

// md_parse with the callbacks of Handler (enter_block, leave_block,
// enter_span, leave_span, text members). `source` must be followed by a NUL
// (a std::string's, or Terminated input): md4c 0.4.8 reads source[size()]
// (its list-mark and link-destination checks), which must not be whatever
// follows a view.
template <typename Handler>
int parse(std::string_view source, unsigned flags, Handler& handler) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = bounded_autolinks(source, flags);
  parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return guarded([&] { return static_cast<Handler*>(self)->enter_block(type, detail); }, 1);
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return guarded([&] { return static_cast<Handler*>(self)->leave_block(type, detail); }, 1);
  };
  parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
    return guarded([&] { return static_cast<Handler*>(self)->enter_span(type, detail); }, 1);
  };
  parser.leave_span = [](MD_SPANTYPE type, void* detail, void* self) {
    return guarded([&] { return static_cast<Handler*>(self)->leave_span(type, detail); }, 1);
  };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    return guarded([&] {
      return static_cast<Handler*>(self)->text(type, std::string_view(text, size));
    }, 1);
  };
  return md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser,
                  &handler);
}

// ------------------------------------------------------------------ code ranges

// Byte ranges of the source that md4c reports as code or raw HTML. md4c hands
// out pointers into the source for such text, which gives the offsets.
class CodeRanges {
 public:
  explicit CodeRanges(std::string_view source) : source_(source) {}

  bool contains(std::size_t offset) const {
    auto it = std::upper_bound(
        ranges_.begin(), ranges_.end(), offset,
        [](std::size_t value, const Range& r) { return value < r.begin; });
    return it != ranges_.begin() && offset < std::prev(it)->end;
  }

  int enter_block(MD_BLOCKTYPE, void*) { return 0; }
  int leave_block(MD_BLOCKTYPE, void*) { return 0; }
  int enter_span(MD_SPANTYPE, void*) { return 0; }
  int leave_span(MD_SPANTYPE, void*) { return 0; }
  int text(MD_TEXTTYPE type, std::string_view text) {
    switch (type) {
      case MD_TEXT_CODE: record(text); break;
      case MD_TEXT_HTML: record(text); break;
      default: break;
    }
    return 0;
  }

 private:
  struct Range {
    std::size_t begin;
    std::size_t end;
  };

  void record(std::string_view text) {
    const auto base = reinterpret_cast<std::uintptr_t>(source_.data());
    const auto at = reinterpret_cast<std::uintptr_t>(text.data());
    if (text.empty() || at < base || at - base >= source_.size()) return;
    const std::size_t begin = at - base;
    const std::size_t end = begin + text.size();
    if (!ranges_.empty() && begin <= ranges_.back().end) {
      ranges_.back().end = std::max(ranges_.back().end, end);
    } else if (ranges_.empty() || begin > ranges_.back().begin) {
      ranges_.push_back({begin, end});
    }
  }

  std::string_view source_;
  std::vector<Range> ranges_;
};

bool is_container_prefix_char(char c) {
  return c == ' ' || c == '\t' || c == '>' || c == '*' || c == '+' || c == '-' ||
         (c >= '0' && c <= '9') || c == '.' || c == ')';
}

// Whether a definition candidate (a line start) lies in code or raw HTML:
// CodeRanges answers, but costs a whole md4c pass. Most documents let a
// scan prove "no" instead, and the pass runs only when the proof fails
// (at most once). The proof, for a candidate at a line start with at most
// 3 columns of indentation after its quote markers (never indented code):
//  - no earlier line starts (after indentation and container markers) with
//    '<': no HTML block can be open;
//  - every earlier fence-like line ("```", "~~~") is at column 0; an opener
//    there follows a blank line (so it is neither table nor paragraph text
//    and closes every container: a top-level fence, as md4c sees it) and
//    its content is skipped up to its closer; the candidate is not inside
//    an open one;
//  - no '`' or '<' since the last blank line: no code span or inline HTML
//    of the candidate's paragraph can have opened before it.
// Only lines holding '`', '<' or '~' can break the proof, so the scan jumps
// from one to the next; blank lines matter only next to them (before an
// opener, after the last mark), where it looks back. Queries must come in
// line order (extract_footnotes scans forward).
class CodeLookup {
 public:
  CodeLookup(std::string_view source, unsigned flags)
      : text_(source), source_(source), flags_(flags), ranges_(source) {}

  // `offset` lies in the line starting at `line`, after only quote markers
  // and spaces.
  bool contains(std::size_t line, std::size_t offset) {
    if (!parsed_ && !proved_outside(line)) {
      parse(text_, flags_, ranges_);
      parsed_ = true;
    }
    return parsed_ && ranges_.contains(offset);
  }

 private:

  bool proved_outside(std::size_t line) {
    if (line < scanned_) unsafe_ = true;  // out of order: no proof
    while (!unsafe_ && scanned_ < line) {
      const std::size_t hit = next_mark();
      if (hit >= line) break;
      // A mark after other text on its line (most: inline code) starts no
      // block: it only counts for marks_in_paragraph, and the search goes
      // on after it. (Earlier marks of its line were hits themselves.)
      std::size_t lead = hit;
      while (lead > scanned_ && is_container_prefix_char(source_[lead - 1])) --lead;
      if (lead > scanned_ && !is_line_break(source_[lead - 1])) {
        if (source_[hit] != '~') mark_at_ = hit;
        cursor_ = hit + 1;
        continue;
      }
      // The hit's line starts at or after scanned_ (a line start): the
      // look back for it stops there.
      const std::string_view before = source_.substr(scanned_, hit - scanned_);
      const std::size_t previous_break = rfind_any(before, before.size(), '\n', '\r');
      const std::size_t begin = previous_break == kNone ? scanned_ : scanned_ + previous_break + 1;
      scan(line_at(source_, begin), line, source_[hit] != '~');
    }
    if (!unsafe_) scanned_ = line;
    return !unsafe_ && !marks_in_paragraph(line);
  }


  // The first '`', '<' or '~' at or after scanned_ and cursor_. Kept
  // between queries: searching on to the end of the source at every query
  // would make many footnotes in a document without marks quadratic.
  std::size_t next_mark() {
    const std::size_t from = std::max(scanned_, cursor_);
    if (next_mark_ == kUnknown || next_mark_ < from) next_mark_ = find_any(source_, from, '`', '<', '~');
    return next_mark_;
  }

  // A line holding a mark, before the query line `limit`, no fence open;
  // `code_mark`: the mark found is '`' or '<' (not only '~').
  void scan(const SourceLine& l, std::size_t limit, bool code_mark) {
    scanned_ = l.next;
    const std::string_view line = l.text(source_);
    // Past indentation and container markers.
    std::size_t start = 0;
    while (start < line.size() && is_container_prefix_char(line[start])) ++start;
    if (start < line.size()) {
      const std::string_view rest = line.substr(start);
      if (rest[0] == '<') unsafe_ = true;
      if (rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~") {
        char fence_char = 0;
        std::size_t fence_length = 0;
        if (start != 0) {
          unsafe_ = true;
        } else if (opens_fence(line, fence_char, fence_length)) {
          if (!follows_blank(source_, l.begin)) unsafe_ = true;
          skip_fence(fence_char, fence_length, limit);
          return;
        }
      }
    }
    if (code_mark || find_either(line, 0, '`', '<') != std::string_view::npos) mark_at_ = l.begin;
  }

  // Moves past the closer of the fence just opened; an unclosed fence (before
  // `limit`) holds the query line: no proof.
  void skip_fence(char fence_char, std::size_t fence_length, std::size_t limit) {
    std::size_t from = scanned_;
    for (;;) {
      const std::size_t hit = find_byte(source_, from, fence_char);
      if (hit >= limit) {
        unsafe_ = true;
        return;
      }
      const SourceLine l = line_at(source_, line_start(source_, hit));
      const std::string_view line = l.text(source_);
      const Indent indent = measure_indent(line);
      if (l.begin + indent.bytes == hit && indent.columns <= 3 &&
          closes_fence(line.substr(indent.bytes), fence_char, fence_length)) {
        scanned_ = l.next;
        mark_at_ = kNone;  // the paragraph before the fence is over
        return;
      }
      from = l.next;
    }
  }

  // Whether a line with '`' or '<' precedes the query line `line` with no
  // blank line between them. Looks back from `line`, no further than the
  // previous query (whose answer then holds): each line is looked at once.
  bool marks_in_paragraph(std::size_t line) {
    bool marks = false;
    if (mark_at_ != kNone) {
      std::size_t at = line;
      for (;;) {
        if (at == checked_line_) {
          marks = checked_marks_;
          break;
        }
        const SourceLine before = line_before(source_, at);
        if (is_blank(before.text(source_))) break;
        if (mark_at_ >= before.begin && mark_at_ < before.next) {
          marks = true;
          break;
        }
        at = before.begin;
      }
    }
    checked_line_ = line;
    checked_marks_ = marks;
    return marks;
  }

  std::string_view text_;  // source_ as md4c needs it (parse(): NUL after it)
  std::string_view source_;
  unsigned flags_;
  CodeRanges ranges_;
  bool parsed_ = false;
  bool unsafe_ = false;
  std::size_t scanned_ = 0;            // everything before this offset is accounted for
  static constexpr std::size_t kUnknown = kNone - 1;
  std::size_t next_mark_ = kUnknown;   // next_mark()'s answer (kNone: no mark left)
  std::size_t mark_at_ = kNone;        // in the last line with '`' or '<' since a fence
  std::size_t cursor_ = 0;             // marks before this offset are accounted for
  std::size_t checked_line_ = kNone;   // the previous query line...
  bool checked_marks_ = false;         // ...and marks_in_paragraph's answer there
};

// Counts blocks: a link reference definition alone produces none.
class BlockCounter {
 public:
  std::size_t blocks = 0;
  int enter_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_DOC: break;
      default: ++blocks; break;
    }
    return 0;
  }
  int leave_block(MD_BLOCKTYPE, void*) { return 0; }
  int enter_span(MD_SPANTYPE, void*) { return 0; }
  int leave_span(MD_SPANTYPE, void*) { return 0; }
  int text(MD_TEXTTYPE, std::string_view) { return 0; }
};

// ------------------------------------------------------------------ extraction

// Collects one footnote definition's lines and tracks just enough block
// structure to know whether a following unindented line continues it lazily.
class DefinitionCollector {
 public:
  explicit DefinitionCollector(std::string_view first_line) {
    content_.reserve(first_line.size() + 1);  // a one-line note: one allocation
    add_indented(first_line);
  }

  bool accepts_lazy_line() const { return paragraph_open_; }

  void add_blank() {
    content_ += '\n';
    paragraph_open_ = false;
  }

  void add_lazy(std::string_view line) {
    content_.append(line);
    content_ += '\n';
  }

  // A line of the definition with its 4 columns of indentation removed.
  void add_indented(std::string_view line) {
    content_.append(line);
    content_ += '\n';
    const Indent indent = measure_indent(line);
    const std::string_view rest = line.substr(indent.bytes);
    if (fence_char_ != 0) {
      if (indent.columns <= 3 && closes_fence(rest, fence_char_, fence_length_))
        fence_char_ = 0;
      paragraph_open_ = false;
      return;
    }
    if (rest.empty()) {
      paragraph_open_ = false;
      return;
    }
    if (indent.columns >= 4) return;  // indented code, or paragraph text
    if (opens_fence(rest, fence_char_, fence_length_)) {
      paragraph_open_ = false;
      return;
    }
    paragraph_open_ = !is_atx_heading(rest) && !is_thematic_break(rest);
  }

  std::string take() { return std::move(content_); }

 private:
  std::string content_;
  bool paragraph_open_ = false;
  char fence_char_ = 0;
  std::size_t fence_length_ = 0;
};

// "[label]: ..." as a link reference definition starts; sets the label.
bool may_start_link_definition(std::string_view s, std::string_view& label) {
  if (s.size() < 4 || s[0] != '[' || s[1] == '^') return false;
  const std::size_t close = s.find("]:");
  if (close == std::string_view::npos || close > kMaxLabelLength + 1) return false;
  label = s.substr(1, close - 1);
  return label.find_first_of("[]") == std::string_view::npos;
}

// Records the link reference definitions that may start the paragraph at
// the line starting at `first`: one unit per "[label]:" line plus its
// continuation lines. They are checked with md4c only when a note needs them.
void collect_link_definitions(std::string_view source, std::size_t first,
                              Footnotes& footnotes) {
  std::string* unit = nullptr;
  for (std::size_t at = first; at < source.size();) {
    const SourceLine l = line_at(source, at);
    at = l.next;
    const std::string_view line = l.text(source);
    if (is_blank(line)) break;
    const Indent indent = measure_indent(line);
    const std::string_view rest = line.substr(indent.bytes);
    std::string_view label;
    if (indent.columns <= 3 && is_definition_start(rest)) break;
    if (indent.columns <= 3 && may_start_link_definition(rest, label)) {
      const std::string key = footnote_key(label);
      unit = nullptr;
      if (!key.empty() && footnotes.link_definition_by_label.count(key) == 0) {
        footnotes.link_definition_by_label.emplace(key, footnotes.link_definitions.size());
        footnotes.link_definitions.push_back({});
        unit = &footnotes.link_definitions.back().text;
      }
    } else if (l.begin == first) {
      break;
    }
    if (unit != nullptr) {
      unit->append(line);
      *unit += '\n';
    }
  }
}

// Blockquote markers opening a line: each '>' after at most 3 columns of
// indentation, with one optional space after it. Returns how many, and sets
// the bytes they take.
std::size_t quote_depth(std::string_view line, std::size_t& bytes) {
  std::size_t depth = 0;
  bytes = 0;
  for (;;) {
    const Indent indent = measure_indent(line.substr(bytes));
    const std::size_t at = bytes + indent.bytes;
    if (indent.columns > 3 || at >= line.size() || line[at] != '>') return depth;
    ++depth;
    bytes = at + 1;
    if (bytes < line.size() && line[bytes] == ' ') ++bytes;
  }
}

// Cuts the footnote definitions out of `source` (keeping the first of each
// label) and returns the rest. Definitions are recognised at the top level
// and inside blockquotes (indented at most 3 columns after the quote
// markers, also inside list items), outside code; they may interrupt a
// paragraph, as on GitHub. A definition continues on lines indented 4
// columns (also after blank lines) and on lazy paragraph lines, at the same
// quote depth. Inside a blockquote the removed lines leave an empty quote
// line behind, so that the quote around them stays one.
//
// Either kind of definition (footnote, or link reference for the notes)
// starts on a line whose first byte after spaces, tabs and '>' is '[': the
// scan jumps from one such line to the next, and the lines between are kept
// as they are, copied a run at a time.
bool starts_inline_link_tail(std::string_view text, std::size_t at, LinkTailRun& run, bool* crossed_line = nullptr);
bool mark_reference(std::string& out, std::string_view text, std::size_t at, std::size_t& end,
                    Footnotes& footnotes, bool resolve, bool* crossed_line);
void resolve_references(Footnotes& footnotes, std::size_t first);

// Appends the body to `body`. With `mark`, each "[^label]" of the kept text
// is also replaced by its sentinel on the way (the same scan finds both:
// one pass, no copy of the body in between), its label resolved once all
// definitions are known; false when that could differ from marking the
// finished body (a "[^x](" whose link-tail check reads past the line end,
// where removed lines may differ: the caller then marks the body instead).
bool extract_footnotes(std::string_view source, unsigned flags,
                       Footnotes& footnotes, std::string& body, bool mark) {
  const std::size_t first_occurrence = footnotes.occurrences.size();
  footnotes.link_tail.text = nullptr;  // learnt of another text
  CodeLookup code(source, flags);
  // A line's quote depth and its content after the markers.
  struct Quoted {
    std::size_t depth;
    std::size_t prefix;
    std::string_view content;
  };
  const auto quoted = [&](const SourceLine& l) {
    const std::string_view line = l.text(source);
    Quoted q{0, 0, line};
    // Quote markers follow only indentation: most lines have none.
    std::size_t first = 0;
    while (first < line.size() && (line[first] == ' ' || line[first] == '\t')) ++first;
    if (first == line.size() || line[first] != '>') return q;
    q.depth = quote_depth(line, q.prefix);
    q.content = line.substr(q.prefix);
    return q;
  };
  // Whether the line before the one starting at `begin` counts as blank for
  // the paragraph rules: a removed quoted definition leaves empty quote
  // lines (blank), a removed top-level one what the line before it left.
  std::size_t after_definition = kNone;
  bool blank_after_definition = false;
  const auto previous_blank = [&](std::size_t begin) {
    if (begin != 0 && begin == after_definition) return blank_after_definition;
    return follows_blank(source, begin);
  };
  body.reserve(body.size() + source.size() + source.size() / 64);
  std::size_t kept_begin = 0;  // kept lines from here on, not yet copied
  // A reference at source[at]: marked (kept text copied up to it), true.
  // Either way the kept text up to `at` stays copied: copying it again at
  // the next attempt made "[^[^[^..." (no reference closed) quadratic.
  const auto marked = [&](std::size_t at, bool& exact) {
    std::size_t end = 0;
    bool crossed = false;
    body.append(source, kept_begin, at - kept_begin);
    kept_begin = at;
    const std::size_t before = body.size();
    if (!mark_reference(body, source, at, end, footnotes, false, &crossed)) {
      body.resize(before);
      return false;
    }
    if (crossed) exact = false;
    kept_begin = end;
    return true;
  };
  bool exact = true;
  std::size_t at = find_byte(source, 0, '[');
  while (at != kNone) {
    std::size_t begin = at;
    while (begin > 0 && (source[begin - 1] == ' ' || source[begin - 1] == '\t' || source[begin - 1] == '>')) --begin;
    if (begin > 0 && !is_line_break(source[begin - 1])) {
      if (mark && at + 1 < source.size() && source[at + 1] == '^' && marked(at, exact)) {
        at = find_byte(source, kept_begin, '[');
        continue;
      }
      at = find_byte(source, at + 1, '[');
      continue;
    }
    const SourceLine l = line_at(source, begin);
    const Quoted q = quoted(l);
    const Indent indent = measure_indent(q.content);
    const std::string_view rest = q.content.substr(indent.bytes);
    std::string_view label;
    std::size_t label_end = 0;
    if (indent.columns <= 3 && parse_footnote_label(rest, 0, label, label_end) &&
        label_end < rest.size() && rest[label_end] == ':' &&
        (assign_footnote_key(footnotes.key, label), !footnotes.key.empty()) &&
        !code.contains(begin, begin + q.prefix + indent.bytes)) {
      const std::string& key = footnotes.key;
      std::string_view first = rest.substr(label_end + 1);
      first.remove_prefix(std::min(first.find_first_not_of(" \t"), first.size()));
      DefinitionCollector definition(first);
      std::size_t removed = 1;  // lines
      std::size_t j = l.next;   // the line after the definition
      while (j < source.size()) {
        const SourceLine next_line = line_at(source, j);
        const Quoted next = quoted(next_line);
        if (next.depth != q.depth) {
          // A lazy continuation line of a quoted paragraph drops its '>'.
          const bool lazy = next.depth < q.depth && definition.accepts_lazy_line() &&
                            !is_blank(next.content) &&
                            !starts_block(next.content.substr(measure_indent(next.content).bytes));
          if (!lazy) break;
          definition.add_lazy(next.content);
          ++removed;
          j = next_line.next;
          continue;
        }
        if (is_blank(next.content)) {
          // Blank lines belong to the definition if an indented line follows.
          std::size_t blanks = 0;
          std::size_t k = j;
          Quoted after{0, 0, {}};
          while (k < source.size()) {
            const SourceLine kl = line_at(source, k);
            after = quoted(kl);
            if (after.depth != q.depth || !is_blank(after.content)) break;
            ++blanks;
            k = kl.next;
          }
          if (k == source.size() || after.depth != q.depth ||
              measure_indent(after.content).columns < 4)
            break;
          for (; blanks > 0; --blanks, ++removed) definition.add_blank();
          j = k;
          continue;
        }
        const Indent next_indent = measure_indent(next.content);
        if (next_indent.columns >= 4) {
          definition.add_indented(strip_columns(next.content, 4));
        } else if (definition.accepts_lazy_line() &&
                   !starts_block(next.content.substr(next_indent.bytes))) {
          definition.add_lazy(next.content);
        } else {
          break;
        }
        ++removed;
        j = next_line.next;
      }
      if (footnotes.find_note(key) == ReferenceOccurrence::kUndefined) footnotes.add_note(key, definition.take());
      body.append(source.substr(kept_begin, begin - kept_begin));
      if (q.depth > 0) {
        for (; removed > 0; --removed) body.append(std::string(q.depth, '>') + "\n");
        blank_after_definition = true;
      } else {
        blank_after_definition = previous_blank(begin);
        // Removing the lines must not make the paragraph above a heading.
        if (!blank_after_definition && j < source.size() &&
            is_setext_underline(line_at(source, j).text(source)))
          body += '\n';
      }
      after_definition = j;
      kept_begin = j;
      at = find_byte(source, j, '[');
      continue;
    }
    if (q.depth == 0 && indent.columns <= 3 && rest.substr(0, 1) == "[" && previous_blank(begin) &&
        !code.contains(begin, begin + indent.bytes))
      collect_link_definitions(source, begin, footnotes);
    if (mark) {
      // The line's other '[' are never at a line start: looked at above.
      if (at + 1 < source.size() && source[at + 1] == '^' && marked(at, exact))
        at = find_byte(source, kept_begin, '[');
      else
        at = find_byte(source, at + 1, '[');
      continue;
    }
    at = find_byte(source, l.next, '[');
  }
  body.append(source, kept_begin, kNone);
  if (mark) resolve_references(footnotes, first_occurrence);
  return exact;
}

// Whether text[at] starts "(destination "title")" of an inline link, as far
// as a quick look can tell: an empty or <bracketed> destination, or one
// without spaces (balanced parentheses) followed by ')' or a title.
// With `crossed_line`, sets it when the look went past a line end. A
// destination's run of text is scanned once and kept in `run`: the next
// '(' inside it is answered from there (a scan per '(' made "[^a](" times
// 50,000 take 7 s).
[[gnu::noinline]] bool starts_inline_link_tail(std::string_view text, std::size_t at, LinkTailRun& run, bool* crossed_line) {
  if (at >= text.size() || text[at] != '(') return false;
  std::size_t i = at + 1;
  const auto skip_space = [&](bool* crossed) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) {
      if (text[i] == '\n' && crossed != nullptr) *crossed = true;
      ++i;
    }
  };
  skip_space(crossed_line);
  if (i >= text.size()) return false;
  if (text[i] == ')' || text[i] == '<') return true;
  // The destination's opener: this '(', or the space before a destination
  // after spaces (no '(' of a run, so a run of its own).
  const std::size_t opener = i - 1;
  if (run.text != text.data() || opener < run.begin || opener >= run.end || run.paren[opener - run.begin] == '\0') {
    // The run from the opener on: its parentheses matched with a stack.
    run.text = text.data();
    run.begin = opener;
    run.paren.clear();
    run.paren += '\1';
    std::vector<std::size_t> open;
    open.push_back(opener);
    bool control = false;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n') break;
      if (static_cast<unsigned char>(c) < 0x20) {
        control = true;
        break;
      }
      run.paren += '\0';
      if (c == '\\' && i + 1 < text.size()) {
        ++i;
        run.paren += '\0';
      } else if (c == '(') {
        run.paren[i - opener] = '\1';
        open.push_back(i);
      } else if (c == ')' && !open.empty()) {
        run.paren[open.back() - opener] = '\2';
        open.pop_back();
      }
    }
    run.end = opener + run.paren.size();
    run.after_crossed = false;
    run.after = false;
    if (!control && i < text.size()) {
      skip_space(&run.after_crossed);
      run.after = i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == '(' || text[i] == ')');
    }
  }
  if (run.paren[opener - run.begin] == '\2') return true;
  if (run.after_crossed && crossed_line != nullptr) *crossed_line = true;
  return run.after;
}

// Replaces every "[^label]" (unless its '[' is backslash-escaped) by a
// sentinel. Undefined labels get one too, marked undefined, so that they
// print as written everywhere: left alone, md4c would turn "[^x]" into a
// link whenever a "[^x]: url" it sees as a link reference definition
// exists somewhere we do not extract footnotes from (a blockquote, say).
//
// mark_reference() does one: if text[at] starts a reference, appends its
// sentinel to `out` and records it (its note looked up now with `resolve`,
// else left to resolve_references() once every definition is known).
bool mark_reference(std::string& out, std::string_view text, std::size_t at, std::size_t& end,
                    Footnotes& footnotes, bool resolve, bool* crossed_line) {
  std::size_t backslashes = 0;
  while (backslashes < at && text[at - 1 - backslashes] == '\\') ++backslashes;
  std::string_view label;
  // "[^x](url)" is a link whose text is "^x", as on GitHub.
  if (backslashes % 2 != 0 || !parse_footnote_label(text, at, label, end) ||
      starts_inline_link_tail(text, end, footnotes.link_tail, crossed_line))
    return false;
  std::size_t note = ReferenceOccurrence::kUndefined;
  if (resolve) {
    assign_footnote_key(footnotes.key, label);
    note = footnotes.find_note(footnotes.key);
  }
  append_sentinel(out, footnotes.occurrences.size());
  if (footnotes.occurrences.empty()) footnotes.occurrences.reserve(8);
  footnotes.occurrences.push_back({note, static_cast<std::uint32_t>(footnotes.literals.size()),
                                   static_cast<std::uint32_t>(end - at)});
  footnotes.literals.append(text.substr(at, end - at));
  return true;
}

// Looks up the notes of the occurrences from `first` on (their literals
// are "[^label]").
void resolve_references(Footnotes& footnotes, std::size_t first) {
  for (std::size_t i = first; i < footnotes.occurrences.size(); ++i) {
    ReferenceOccurrence& o = footnotes.occurrences[i];
    const std::string_view literal = std::string_view(footnotes.literals).substr(o.literal_at, o.literal_size);
    assign_footnote_key(footnotes.key, literal.substr(2, literal.size() - 3));
    o.note = footnotes.find_note(footnotes.key);
  }
}

void append_marking_references(std::string& out, std::string_view text, Footnotes& footnotes) {
  out.reserve(out.size() + text.size());
  footnotes.link_tail.text = nullptr;  // learnt of another text
  std::size_t run = 0;
  std::size_t at = find_caret_bracket(text, 0);
  while (at != std::string_view::npos) {
    // The text up to `at` is copied once, whether a reference starts there
    // or not (copied again at each attempt, "[^[^[^..." was quadratic).
    out.append(text.substr(run, at - run));
    run = at;
    const std::size_t before = out.size();
    std::size_t end = 0;
    if (mark_reference(out, text, at, end, footnotes, true, nullptr)) {
      run = end;
      at = find_caret_bracket(text, end);
      continue;
    }
    out.resize(before);
    at = find_caret_bracket(text, at + 2);
  }
  out.append(text.substr(run));
}

// Steps 1-4 of the pipeline: the body to render (made in `storage`, or the
// input itself: see sanitize_input), footnotes filled in. A NUL follows it.
std::string_view prepare_source(std::string_view markdown, unsigned flags,
                                Footnotes& footnotes, std::string& storage,
                                bool terminated = false) {
  const std::string_view source = sanitize_input(markdown, storage, terminated);
  if (find_caret_bracket(source, 0) == std::string_view::npos) return source;
  std::string body;
  if (!extract_footnotes(source, flags, footnotes, body, true)) {
    // The rare case where marking on the way could differ (see
    // extract_footnotes): the definitions cut first, then the body marked.
    footnotes = Footnotes();
    body.clear();
    extract_footnotes(source, flags, footnotes, body, false);
    storage.clear();  // `source` may be it, `body` is not
    append_marking_references(storage, body, footnotes);
    return storage;
  }
  storage.swap(body);
  return storage;
}

// ------------------------------------------------------------------ heading ids

// The renderer's rarer paths (links, images, headings, code blocks, lists,
// tables, entities, raw HTML, footnote references, closing spans) are kept
// out of line in WebAssembly: inlined, each was copied into several of the
// md4c callbacks (parse()), for a bigger module and no measurable speed.
#if defined(__wasm__)
#define QUIRE_OUT_OF_LINE __attribute__((noinline))
#else
#define QUIRE_OUT_OF_LINE
#endif


// slugify() into `slug` (its content replaced).
void assign_slug(std::string& slug, std::string_view text);

// slugify() of ASCII `text` written to `out` (room for text.size() bytes):
// its length, or kNone if `text` is not all ASCII.
std::size_t write_ascii_slug(std::string_view text, char* out);

// Per-document registry of ids: "intro", "intro-1", "intro-2", ... Ids the
// footnotes or the page chrome use are never handed to headings. The ids
// lie one after another in one string, found through an open-addressing
// table of their places: a post's headings cost two allocations, not a
// node (and a string) each.
class HeadingIds {
 public:
  // The id, valid until the next claim.
  std::string_view claim(std::string_view slug) {
    if (!reserved(slug) && insert(slug)) return last();
    return claim_taken(slug);
  }

 private:
  struct Slot {
    std::uint32_t at = 0, size = 0;  // in names_; size 0: empty (ids are never empty)
  };

  // Candidates are "<base>-1", "<base>-2", ... A base whose candidates are
  // all reserved ("fn": fn-1, fn-2, ...; "fnref-1": fnref-1-1, ...;
  // "quire") moves under "section-", where none is: then at most
  // the number of ids + 1 candidates are tried, whatever the headings.
  QUIRE_OUT_OF_LINE std::string_view claim_taken(std::string_view slug) {
    const std::string base = reserved(std::string(slug) + "-1") ? "section-" + std::string(slug) : std::string(slug);
    if (!reserved(base) && insert(base)) return last();
    unsigned& suffix = next_suffix_[base];
    for (;;) {
      const std::string candidate = base + "-" + std::to_string(++suffix);
      if (!reserved(candidate) && insert(candidate)) return last();
    }
  }

  static bool is_number(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  }

  static bool reserved(std::string_view id) { return is_footnote_id(id) || is_chrome_id(id); }

  std::string_view name(const Slot& slot) const { return std::string_view(names_).substr(slot.at, slot.size); }
  std::string_view last() const { return name(last_); }

  // Adds `id` (not empty) unless it is there; whether it was added.
  bool insert(std::string_view id) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    std::size_t i = std::hash<std::string_view>()(id) & (slots_.size() - 1);
    for (; slots_[i].size != 0; i = (i + 1) & (slots_.size() - 1))
      if (name(slots_[i]) == id) return false;
    if (names_.empty()) names_.reserve(256);  // a post's headings, in one allocation
    last_ = {static_cast<std::uint32_t>(names_.size()), static_cast<std::uint32_t>(id.size())};
    names_.append(id);
    slots_[i] = last_;
    ++count_;
    return true;
  }

  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(16, slots_.size() * 2));
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.size == 0) continue;
      std::size_t i = std::hash<std::string_view>()(name(slot)) & (slots_.size() - 1);
      while (slots_[i].size != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }

  std::string names_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t count_ = 0;
  Slot last_;
  std::unordered_map<std::string, unsigned> next_suffix_;
};

// ------------------------------------------------------------------ HTML renderer

// What one render_markdown() call shares between the body and the nested
// renders of its footnotes.
struct RenderContext {
  unsigned flags;
  RawHtmlPolicy raw_html;
  std::string id_prefix;  // escaped for attributes
  std::string url_base;   // MarkdownOptions::url_base
  std::string_view site_root;  // base_path without its trailing '/' ("" at the root)
  HeadingIds heading_ids;
  Footnotes footnotes;
  CodeBlockWriter* code = nullptr;  // MarkdownOptions::code
  std::size_t code_blocks = 0;      // code blocks written so far
  std::string image_url_base{};          // MarkdownOptions::image_url_base
  std::string_view page_path{};          // MarkdownOptions::page_path
  std::string_view image_site_root{};    // image_base_path as site_root is base_path
  // MarkdownOptions' smart_punctuation, image_sizes, eager_images,
  // image_sources, headings (null while the footnotes render).
  bool smart = false;
  bool hard_breaks = false;  // MarkdownOptions::hard_breaks
  bool figures = false;
  const ImageSizes* image_sizes = nullptr;
  int eager_images = 0;
  int images = 0;  // images written so far
  std::vector<std::string>* image_sources = nullptr;
  std::vector<HeadingEntry>* headings = nullptr;
};

class HtmlRenderer {
 public:
  // Appends the HTML to `out`.
  HtmlRenderer(RenderContext& context, OutputBuffer& out)
      : context_(context), html_(&out),
        raw_html_(context.raw_html, [](const void* self, OutputBuffer& o, std::string_view url) {
          static_cast<const HtmlRenderer*>(self)->append_url(o, url);
        }, this) {}

  void render(std::string_view source) {  // NUL after it (parse())
    OutputBuffer& out = diverted_ > 0 ? *main_ : *html_;
    out.reserve(out.size() + source.size() + source.size() / 4);
    parse(source, context_.flags, *this);
  }

  // When set, receives the output offset at the end of each top-level
  // block (the notes rendered together: append_footnote_section).
  void record_top_level_ends(std::vector<std::size_t>* ends) { top_level_ends_ = ends; }

  // The first `count` top-level blocks (the notes placed before the body:
  // place_notes_first) go to `notes`, their ends recorded in `ends`; then
  // the output is the one given to the constructor again.
  void divert_first_blocks(OutputBuffer& notes, std::size_t count, std::vector<std::size_t>& ends) {
    if (count == 0) return;
    main_ = html_;
    html_ = &notes;
    diverted_ = count;
    top_level_ends_ = &ends;
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    ++depth_;
    close_open_spans();
    if (type != MD_BLOCK_HTML) raw_html_.enter_scope();
    smart_.reset();
    switch (type) {
      case MD_BLOCK_DOC: break;
      case MD_BLOCK_QUOTE: put("<blockquote>\n"); break;
      case MD_BLOCK_UL: put("<ul>\n"); break;
      case MD_BLOCK_OL: open_ordered_list(*static_cast<const MD_BLOCK_OL_DETAIL*>(detail)); break;
      case MD_BLOCK_LI: open_list_item(*static_cast<const MD_BLOCK_LI_DETAIL*>(detail)); break;
      case MD_BLOCK_HR: put("<hr>\n"); break;
      case MD_BLOCK_H: open_heading(); break;
      case MD_BLOCK_CODE: open_code_block(*static_cast<const MD_BLOCK_CODE_DETAIL*>(detail)); break;
      case MD_BLOCK_HTML: break;
      case MD_BLOCK_P: open_paragraph(); break;
      // Focusable: code and tables scroll sideways on narrow screens, and
      // keyboard users must reach them to scroll.
      case MD_BLOCK_TABLE: put("<table tabindex=\"0\">\n"); break;
      case MD_BLOCK_THEAD: put("<thead>\n"); break;
      case MD_BLOCK_TBODY: put("<tbody>\n"); break;
      case MD_BLOCK_TR: put("<tr>\n"); break;
      case MD_BLOCK_TH: open_table_cell("th", *static_cast<const MD_BLOCK_TD_DETAIL*>(detail)); break;
      case MD_BLOCK_TD: open_table_cell("td", *static_cast<const MD_BLOCK_TD_DETAIL*>(detail)); break;
      default: break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void* detail) {
    close_open_spans();
    if (type != MD_BLOCK_HTML) raw_html_.leave_scope(sink());
    smart_.reset();
    switch (type) {
      case MD_BLOCK_DOC: break;
      case MD_BLOCK_QUOTE: put("</blockquote>\n"); break;
      case MD_BLOCK_UL: put("</ul>\n"); break;
      case MD_BLOCK_OL: put("</ol>\n"); break;
      case MD_BLOCK_LI: put("</li>\n"); break;
      case MD_BLOCK_HR: break;
      case MD_BLOCK_H: close_heading(*static_cast<const MD_BLOCK_H_DETAIL*>(detail)); break;
      case MD_BLOCK_CODE: close_code_block(); break;
      case MD_BLOCK_HTML: break;
      case MD_BLOCK_P: close_paragraph(); break;
      case MD_BLOCK_TABLE: put("</table>\n"); break;
      case MD_BLOCK_THEAD: put("</thead>\n"); break;
      case MD_BLOCK_TBODY: put("</tbody>\n"); break;
      case MD_BLOCK_TR: put("</tr>\n"); break;
      case MD_BLOCK_TH: put("</th>\n"); break;
      case MD_BLOCK_TD: put("</td>\n"); break;
      default: break;
    }
    if (--depth_ == 1 && top_level_ends_) {
      top_level_ends_->push_back(html_->size());
      if (diverted_ > 0 && --diverted_ == 0) {
        html_ = main_;
        top_level_ends_ = nullptr;
      }
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    // Inside an image everything is alt text: nested markup is dropped.
    if (image_depth_ > 0 && type != MD_SPAN_IMG) return 0;
    if (type != MD_SPAN_IMG) alone_ = false;
    raw_html_.enter_scope();
    spans_.push_back(type);
    switch (type) {
      case MD_SPAN_EM: put("<em>"); break;
      case MD_SPAN_STRONG: put("<strong>"); break;
      case MD_SPAN_A: open_link(*static_cast<const MD_SPAN_A_DETAIL*>(detail)); break;
      case MD_SPAN_IMG: open_image(*static_cast<const MD_SPAN_IMG_DETAIL*>(detail)); break;
      case MD_SPAN_CODE: put("<code>"); break;
      case MD_SPAN_DEL: put("<del>"); break;
      case MD_SPAN_U: put("<u>"); break;
      case MD_SPAN_LATEXMATH: put("<span class=\"math\">"); break;  // core/math.hpp
      case MD_SPAN_LATEXMATH_DISPLAY: put("<span class=\"math display\">"); break;
      default: break;
    }
    return 0;
  }

  // md4c 0.4.8 does not always pair its span callbacks: '*[](*)' opens an
  // <em> whose closer md4c takes from inside the link destination and never
  // reports, '[l](/u "*a") b*' reports a closer from the link title whose
  // opener it never reported. The renderer keeps the stack of spans it
  // opened (spans_) so that its HTML is well formed whatever md4c reports:
  // a close matching nothing open is dropped, one matching a span below the
  // top closes the spans above it first, and spans still open when a block
  // starts or ends are closed there (inline spans never cross blocks).
  int leave_span(MD_SPANTYPE type, void* detail) {
    if (image_depth_ > 0 && type != MD_SPAN_IMG) return 0;
    if (std::find(spans_.begin(), spans_.end(), type) == spans_.end()) return 0;
    while (spans_.back() != type) close_top_span(nullptr);
    close_top_span(detail);
    return 0;
  }

  // `detail` is md4c's for the span's own close, nullptr when the renderer
  // closes it on md4c's behalf (an image then has no title).
  QUIRE_OUT_OF_LINE void close_top_span(void* detail) {
    const MD_SPANTYPE type = spans_.back();
    spans_.pop_back();
    raw_html_.leave_scope(sink());
    switch (type) {
      case MD_SPAN_EM: put("</em>"); break;
      case MD_SPAN_STRONG: put("</strong>"); break;
      case MD_SPAN_A: close_link(); break;
      case MD_SPAN_IMG: close_image(static_cast<const MD_SPAN_IMG_DETAIL*>(detail)); break;
      case MD_SPAN_CODE: put("</code>"); break;
      case MD_SPAN_DEL: put("</del>"); break;
      case MD_SPAN_U: put("</u>"); break;
      case MD_SPAN_LATEXMATH: case MD_SPAN_LATEXMATH_DISPLAY: put("</span>"); break;
      default: break;
    }
  }

  void close_open_spans() {
    while (!spans_.empty()) close_top_span(nullptr);
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (image_depth_ == 0 && type != MD_TEXT_NORMAL && type != MD_TEXT_SOFTBR) alone_ = false;
    switch (type) {
      case MD_TEXT_NULLCHAR: put_text(kReplacementUtf8); break;
      case MD_TEXT_BR: put_break("<br>\n"); break;
      case MD_TEXT_SOFTBR: put_break(context_.hard_breaks ? "<br>\n" : "\n"); break;
      case MD_TEXT_ENTITY: put_entity(text); break;
      case MD_TEXT_CODE: put_code(text); break;
      case MD_TEXT_LATEXMATH: put_code(text); break;  // TeX: as written, escaped
      case MD_TEXT_HTML: put_raw_html(text); break;
      default: put_text(text); break;
    }
    return 0;
  }

 private:
  // While a heading is open its HTML is buffered: the id comes from all of
  // its text, known only at its end.
  OutputBuffer& sink() { return in_heading_ ? heading_html_ : *html_; }
  void put(std::string_view s) { sink().append(s); }

  QUIRE_OUT_OF_LINE void open_ordered_list(const MD_BLOCK_OL_DETAIL& detail) {
    if (detail.start == 1) {
      put("<ol>\n");
      return;
    }
    put("<ol start=\"" + std::to_string(detail.start) + "\">\n");
  }

  QUIRE_OUT_OF_LINE void open_list_item(const MD_BLOCK_LI_DETAIL& detail) {
    if (!detail.is_task) {
      put("<li>");
      return;
    }
    // aria-label: a checkbox needs an accessible name; its state is
    // announced by the checkbox itself, the item's text follows it.
    put("<li class=\"task-list-item\"><input type=\"checkbox\" "
        "class=\"task-list-item-checkbox\" aria-label=\"Task\" disabled");
    if (detail.task_mark == 'x' || detail.task_mark == 'X') put(" checked");
    put(">");
  }

  void open_heading() {
    in_heading_ = true;
    heading_html_.reserve(256);  // once per document: no growth step by step
    heading_html_.clear();
    heading_text_.clear();
  }

  QUIRE_OUT_OF_LINE void close_heading(const MD_BLOCK_H_DETAIL& detail) {
    in_heading_ = false;
    const char level = static_cast<char>('0' + std::min(std::max(detail.level, 1u), 6u));
    // An ASCII heading's slug is made on the stack (most are), any other's
    // in slug_.
    char ascii[128];
    const std::size_t length = heading_text_.size() <= sizeof ascii ? write_ascii_slug(heading_text_, ascii) : kNone;
    std::string_view slug(ascii, length == kNone ? 0 : length);
    if (length == kNone) {
      assign_slug(slug_, heading_text_);
      slug = slug_;
    }
    if (slug.empty()) slug = "section";
    const std::string_view id = context_.heading_ids.claim(slug);
    // The id needs no escaping: a slug is letters, digits and '-', and
    // claim() adds only "section-" and "-N". Markup in a few pieces.
    OutputBuffer& out = *html_;
    const std::string_view prefix = context_.id_prefix;
    char open[] = "<h? id=\"";
    open[2] = level;
    out.append(open, sizeof open - 1);
    if (!prefix.empty()) out += prefix;
    out += id;
    out += "\">";
    out += heading_html_.view();
    // The permalink: visible on hover (web/style.css), hidden from screen
    // readers (the heading itself is the landmark) and out of the tab order
    // (aria-hidden content must not be focusable).
    out += "<a class=\"heading-anchor\" href=\"#";
    if (!prefix.empty()) out += prefix;
    out += id;
    char close[] = "\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h?>\n";
    close[sizeof close - 4] = level;
    out.append(close, sizeof close - 1);
    if (context_.headings) {
      HeadingEntry& entry = context_.headings->emplace_back();
      entry.level = level - '0';
      entry.id = context_.id_prefix;
      append_html_escaped(entry.id, id);
      entry.text = heading_text_;
    }
  }

  // A paragraph that turns out to hold one image with a title, and nothing
  // else, becomes a figure with the title as its caption (close_paragraph).
  void open_paragraph() {
    paragraph_at_ = sink().size();
    alone_ = true;
    paragraph_images_ = 0;
    title_at_ = kNone;
    put("<p>");
  }

  QUIRE_OUT_OF_LINE void close_paragraph() {
    OutputBuffer& out = sink();
    if (!context_.figures || !alone_ || paragraph_images_ != 1 || title_at_ == kNone || title_at_ < paragraph_at_) {
      put("</p>\n");
      return;
    }
    const std::string_view html = out.view();
    std::string image(html.substr(paragraph_at_ + 3, title_at_ - paragraph_at_ - 3));
    std::string_view rest = html.substr(title_end_);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\n')) rest.remove_suffix(1);
    image.append(rest);
    out.truncate(paragraph_at_);
    out += "<figure>";
    out += image;
    out += "<figcaption>";
    append_html_escaped(out, context_.smart ? smart_punctuation(title_) : title_);
    out += "</figcaption></figure>\n";
  }

  QUIRE_OUT_OF_LINE void open_code_block(const MD_BLOCK_CODE_DETAIL& detail) {
    put("<pre tabindex=\"0\"");  // focusable, as tables are
    if (context_.code) {  // the text waits for the block's end (code_tokens.hpp)
      in_code_block_ = true;
      code_text_.clear();
      code_lang_ = detail.lang.text != nullptr ? scratch_value(detail.lang) : std::string();
      code_info_ = detail.info.text != nullptr ? scratch_value(detail.info) : std::string();
      if (!code_lang_.empty()) {
        put(" data-lang=\"");
        append_html_escaped(sink(), code_lang_);
        put("\"");
      }
      append_pre_attributes(sink(), parse_code_info(code_info_));
    }
    put("><code");

    if (detail.lang.text != nullptr) {
      put(" class=\"language-");
      append_html_escaped(sink(), scratch_value(detail.lang));
      put("\"");
    }
    put(">");
  }

  QUIRE_OUT_OF_LINE void close_code_block() {
    if (in_code_block_) {
      in_code_block_ = false;
      context_.code->write(context_.code_blocks++, CodeBlock{code_lang_, code_info_, code_text_}, sink());
    }
    put("</code></pre>\n");
  }

  QUIRE_OUT_OF_LINE void open_table_cell(std::string_view tag, const MD_BLOCK_TD_DETAIL& detail) {
    put("<");
    put(tag);
    switch (detail.align) {
      case MD_ALIGN_LEFT: put(" align=\"left\">"); break;
      case MD_ALIGN_CENTER: put(" align=\"center\">"); break;
      case MD_ALIGN_RIGHT: put(" align=\"right\">"); break;
      default: put(">"); break;
    }
  }

  // A refused link keeps its content and loses the <a>.
  QUIRE_OUT_OF_LINE void open_link(const MD_SPAN_A_DETAIL& detail) {
    const std::string& href = scratch_value(detail.href);
    const bool allowed = is_allowed_url(href);
    links_.push_back(allowed);
    if (!allowed) return;
    OutputBuffer& out = sink();
    out += "<a href=\"";
    append_url(out, href);
    if (detail.title.text != nullptr) {
      title_at_ = out.size();
      out += "\" title=\"";
      title_ = scratch_value(detail.title);
      append_html_escaped(out, title_);
      title_end_ = out.size();
    }
    out += "\">";
    if (context_.smart) smart_.note("x");  // a quote after an image closes
  }

  // An attribute's value (see attribute_value) in a buffer reused by every
  // link and image; valid until the next call.
  const std::string& scratch_value(const MD_ATTRIBUTE& attr) {
    scratch_.clear();
    append_attribute_value(scratch_, attr, context_.footnotes);
    return scratch_;
  }

  // "/images/a.svg" means the site's root, which is base_path; unless it is
  // under base_path already ("/blog/posts/x/" of a blog that lived at
  // /blog/ before): never /blog/blog/.
  bool is_root_relative(std::string_view url) const {
    if (url.empty() || url[0] != '/' || (url.size() > 1 && url[1] == '/')) return false;
    std::string_view root = context_.site_root;
    return root.empty() || url.substr(0, root.size()) != root ||
           (url.size() > root.size() && url[root.size()] != '/' && url[root.size()] != '?' && url[root.size()] != '#');
  }

  // An image's URL: as a link's, unless images have a base of their own
  // (MarkdownOptions::image_url_base). A root-relative URL is then put under
  // the images' root, without the site's root if it was written under it.
  void append_image_url(OutputBuffer& out, std::string_view url) const {
    if (context_.image_url_base.empty()) return append_url(out, url);
    std::string under_root(url);
    if (!url.empty() && url[0] == '/' && (url.size() == 1 || url[1] != '/')) {
      if (!is_root_relative(url)) under_root.erase(0, context_.site_root.size());
      under_root.insert(0, context_.image_site_root);
    }
    append_url_escaped(out, resolve_url(context_.image_url_base, under_root));
  }

  // resolve_url(url_base, url under the site root), URL-escaped. Without a
  // url_base, resolve_url() only trims bytes <= 0x20 off both ends, which
  // needs no copy.
  void append_url(OutputBuffer& out, std::string_view url) const {
    const bool rooted = is_root_relative(url);
    if (!context_.url_base.empty()) {
      const std::string under_root = rooted ? std::string(context_.site_root) + std::string(url) : std::string(url);
      append_url_escaped(out, resolve_url(context_.url_base, under_root));
      return;
    }
    const auto space = [](char ch) { return static_cast<unsigned char>(ch) <= 0x20; };
    while (!url.empty() && space(url.back())) url.remove_suffix(1);
    if (rooted) append_url_escaped(out, context_.site_root);  // url starts with '/': nothing to trim in front
    while (!url.empty() && space(url.front())) url.remove_prefix(1);
    // A relative URL of a page shown elsewhere (a summary): under its page.
    if (!rooted && !context_.page_path.empty() && !url.empty() && url[0] != '/' && url[0] != '#' && url[0] != '?' &&
        !has_url_scheme(url))
      append_url_escaped(out, context_.page_path);
    append_url_escaped(out, url);
  }

  void close_link() {
    if (links_.empty()) return;
    const bool opened = links_.back();
    links_.pop_back();
    if (opened) put("</a>");
  }

  // A refused image leaves its alt text as plain text.
  QUIRE_OUT_OF_LINE void open_image(const MD_SPAN_IMG_DETAIL& detail) {
    if (image_depth_++ > 0) return;
    const std::string& src = scratch_value(detail.src);
    image_tag_open_ = is_allowed_url(src);
    if (!image_tag_open_) return;
    ++paragraph_images_;
    if (context_.image_sources) context_.image_sources->push_back(src);
    OutputBuffer& out = sink();
    // loading/decoding before alt: the alt text streams in until the image
    // span closes.
    out += "<img src=\"";
    append_image_url(out, src);
    out += '"';
    if (const ImageSize* size = context_.image_sizes ? context_.image_sizes->find(src) : nullptr) {
      out += " width=\"";
      out += std::to_string(size->width);
      out += "\" height=\"";
      out += std::to_string(size->height);
      out += '"';
    }
    if (context_.images++ >= context_.eager_images) out += " loading=\"lazy\"";
    out += " decoding=\"async\" alt=\"";
  }

  QUIRE_OUT_OF_LINE void close_image(const MD_SPAN_IMG_DETAIL* detail) {
    if (image_depth_ == 0 || --image_depth_ > 0 || !image_tag_open_) return;
    image_tag_open_ = false;
    OutputBuffer& out = sink();
    if (detail != nullptr && detail->title.text != nullptr) {
      title_at_ = out.size();
      out += "\" title=\"";
      title_ = scratch_value(detail->title);
      append_html_escaped(out, title_);
      title_end_ = out.size();
    }
    out += "\">";
    if (context_.smart) smart_.note("x");  // a quote after an image closes
  }

  void put_break(std::string_view html) {
    if (context_.smart) smart_.note(" ");
    put(image_depth_ > 0 ? std::string_view(" ") : html);
    if (in_heading_) heading_text_ += ' ';
  }

  QUIRE_OUT_OF_LINE void put_entity(std::string_view entity) {
    std::string decoded;
    append_decoded_entity(decoded, entity);
    if (context_.smart) smart_.note(decoded);
    append_html_escaped(sink(), decoded);
    if (in_heading_) heading_text_ += decoded;
  }

  // Literal text; a footnote reference becomes a reference, except inside a
  // link (no nested anchors) or an image (alt text is plain).
  void put_text(std::string_view text) {
    if (alone_ && image_depth_ == 0 && text.find_first_not_of(" \t\n") != std::string_view::npos) alone_ = false;
    if (context_.smart) {
      // An autolink's text is its URL: left as written.
      if (SmartPunctuation::has_marks(text) && (links_.empty() || !looks_like_url(text))) {
        smart_text_.clear();
        smart_.convert(text, smart_text_);
        text = smart_text_;
      } else {
        smart_.note(text);
      }
    }
    if (in_heading_) {
      split_sentinels(
          text,
          [&](std::string_view piece) {
            append_html_escaped(sink(), piece);
            heading_text_.append(piece);
          },
          [&](std::size_t index) { heading_text_.append(put_reference(index)); });
      return;
    }
    // Sentinels start with '<', which escaping stops at anyway: one pass.
    OutputBuffer& out = sink();
    append_html_escaped(out, text, [&](std::size_t at) {
      std::size_t index = 0;
      std::size_t end = 0;
      if (!parse_sentinel(text, at, index, end)) {
        out += "&lt;";
        return at + 1;
      }
      put_reference(index);
      return end;
    });
  }

  // A footnote reference, or its literal text (returned) where it cannot
  // be one.
  QUIRE_OUT_OF_LINE std::string_view put_reference(std::size_t index) {
    if (image_depth_ > 0 || !links_.empty() || !is_defined_reference(context_.footnotes, index)) {
      const std::string_view literal = occurrence_literal(context_.footnotes, index);
      append_html_escaped(sink(), literal);
      return literal;
    }
    put_footnote_reference(index);
    return {};
  }

  // `text` with every sentinel turned back into its "[^label]": `text`
  // itself in a document without references, else a view of restored_,
  // valid until the next call.
  std::string_view restore_references(std::string_view text) {
    if (context_.footnotes.occurrences.empty() || !may_hold_sentinel(text)) return text;
    restored_.clear();
    append_restoring_references(restored_, text, context_.footnotes);
    return restored_;
  }

  // A link's text that is a URL (autolinks): no spaces, and a scheme,
  // "www." or an '@'.
  static bool looks_like_url(std::string_view text) {
    return text.find_first_of(" \t\n") == std::string_view::npos &&
           (text.find("://") != std::string_view::npos || text.substr(0, 4) == "www." ||
            text.find('@') != std::string_view::npos);
  }

  void put_code(std::string_view text) {
    if (!context_.smart && !in_code_block_ && !in_heading_) {
      // Most code: restored and escaped in one pass (escaping stops at
      // '<', where a sentinel starts), as put_text() does.
      OutputBuffer& out = sink();
      append_html_escaped(out, text, [&](std::size_t at) {
        std::size_t index = 0;
        std::size_t end = 0;
        if (context_.footnotes.occurrences.empty() || !parse_sentinel(text, at, index, end)) {
          out += "&lt;";
          return at + 1;
        }
        append_html_escaped(out, occurrence_literal(context_.footnotes, index));
        return end;
      });
      return;
    }
    const std::string_view code = restore_references(text);
    if (context_.smart) smart_.note(code);
    if (in_code_block_) return code_text_.append(code), void();
    append_html_escaped(sink(), code);
    if (in_heading_) heading_text_ += code;
  }

  // Raw HTML as markdown.hpp says: canonical pieces only, unless the site
  // allows any (site.yaml unsafe_html); inside an image, alt text.
  QUIRE_OUT_OF_LINE void put_raw_html(std::string_view html) {
    const RawHtmlMode mode = context_.raw_html.mode;
    if (mode == RawHtmlMode::drop || (mode == RawHtmlMode::canonical && image_depth_ > 0)) return;
    const std::string_view restored = restore_references(html);
    if (image_depth_ > 0) append_html_escaped(sink(), restored);
    else if (mode == RawHtmlMode::unsafe) put(restored);
    else raw_html_.put(restored, sink());
  }

  QUIRE_OUT_OF_LINE void put_footnote_reference(std::size_t index) {
    Footnotes& footnotes = context_.footnotes;
    if (!is_defined_reference(footnotes, index)) return;
    Footnote& note = footnotes.notes[footnotes.occurrences[index].note];
    if (note.number == 0) {
      if (footnotes.numbered.empty()) footnotes.numbered.reserve(footnotes.notes.size());
      footnotes.numbered.push_back(footnotes.occurrences[index].note);
      note.number = static_cast<unsigned>(footnotes.numbered.size());
    }
    ++note.references;
    const std::string number = std::to_string(note.number);
    const std::string& prefix = context_.id_prefix;
    OutputBuffer& out = sink();
    out += "<sup class=\"footnote-ref\"><a href=\"#";
    out += prefix;
    out += "fn-";
    out += number;
    out += "\" id=\"";
    out += prefix;
    out += "fnref-";
    out += number;
    if (note.references > 1) {
      out += '-';
      out += std::to_string(note.references);
    }
    out += "\" role=\"doc-noteref\" aria-describedby=\"";
    out += prefix;
    out += "footnote-label\">";
    out += number;
    out += "</a></sup>";
  }

  RenderContext& context_;
  OutputBuffer* html_;  // the output (the notes' buffer while divert_first_blocks() says)
  int depth_ = 0;  // open blocks, the document's included
  std::vector<std::size_t>* top_level_ends_ = nullptr;
  OutputBuffer* main_ = nullptr;  // html_ once the diverted blocks are written
  std::size_t diverted_ = 0;      // top-level blocks still to go to the notes' buffer
  RawHtmlFilter raw_html_;  // canonical raw HTML, scoped by the blocks and spans around it
  std::vector<MD_SPANTYPE> spans_;  // the spans this renderer opened, innermost last
  bool in_heading_ = false;
  OutputBuffer heading_html_;
  std::string heading_text_;  // for the slug
  std::string slug_;          // close_heading()'s, kept for its capacity
  std::vector<bool> links_;   // per open link: whether its <a> was written
  std::string scratch_;       // see scratch_value()
  std::string restored_;      // see restore_references()
  unsigned image_depth_ = 0;
  bool image_tag_open_ = false;
  bool in_code_block_ = false;  // a code block's text is being gathered for context_.code
  std::string code_text_, code_lang_, code_info_;
  SmartPunctuation smart_;    // the block's text so far, for quotes
  std::string smart_text_;    // put_text's converted text
  // The open paragraph (open_paragraph): where it starts in sink(), whether
  // it holds nothing but images so far, how many, and where the last
  // image's title attribute lies (title_at_ to title_end_) and its text.
  std::size_t paragraph_at_ = 0;
  bool alone_ = false;
  int paragraph_images_ = 0;
  std::size_t title_at_ = kNone, title_end_ = 0;
  std::string title_;
};

// ------------------------------------------------------------------ footnote section

// The section's own markup is ASCII (entities for the no-break space and
// the arrow): the HTML of an ASCII post then stays ASCII, which JS decodes
// into a one-byte string, faster and half the memory of a two-byte one
// (bench/markdown.mjs).
void append_back_links(OutputBuffer& out, const std::string& prefix, const Footnote& note) {
  const std::string number = std::to_string(note.number);
  for (unsigned k = 1; k <= note.references; ++k) {
    const std::string suffix = k == 1 ? std::string() : "-" + std::to_string(k);
    if (k > 1) out += "&nbsp;";  // no-break spaces: never a back-link alone on a line
    out += "<a href=\"#";
    out += prefix;
    out += "fnref-";
    out += number;
    out += suffix;
    out += "\" class=\"footnote-backref\" role=\"doc-backlink\" aria-label=\"Back to reference ";
    out += number;
    out += suffix;
    out += "\">&#8617;";  // ↩
    if (k > 1) {
      out += "<sup>";
      out += std::to_string(k);
      out += "</sup>";
    }
    out += "</a>";
  }
}

// The body's link reference definitions whose labels appear in brackets in
// `content`, each checked once to be only a definition (md4c renders it to
// nothing), followed by a blank line. Only what a note mentions is
// prepended, which keeps the nested renders linear in the document size.
void append_link_definitions_for(std::string& out, std::string_view content, unsigned flags,
                                 Footnotes& footnotes) {
  if (footnotes.link_definitions.empty()) return;
  const std::size_t start = out.size();
  std::unordered_set<std::size_t> included;
  std::size_t open = content.find('[');
  while (open != std::string_view::npos) {
    const std::size_t close = content.find_first_of("[]", open + 1);
    if (close == std::string_view::npos) break;
    if (content[close] == '[' || close - open - 1 > kMaxLabelLength) {
      open = content[close] == '[' ? close : content.find('[', close);
      continue;
    }
    const auto found = footnotes.link_definition_by_label.find(
        footnote_key(content.substr(open + 1, close - open - 1)));
    if (found != footnotes.link_definition_by_label.end() &&
        included.insert(found->second).second) {
      LinkDefinition& definition = footnotes.link_definitions[found->second];
      if (definition.state == LinkDefinition::State::unchecked) {
        BlockCounter counter;
        const bool only_definitions =
            parse(definition.text, flags, counter) == 0 && counter.blocks == 0;
        definition.state = only_definitions ? LinkDefinition::State::valid
                                            : LinkDefinition::State::invalid;
      }
      if (definition.state == LinkDefinition::State::valid) out += definition.text;
    }
    open = content.find('[', close);
  }
  if (out.size() > start) out += '\n';
}

// Whether a note can share one md4c pass with others: its markdown is one
// line starting with an ASCII letter, which is always exactly one
// paragraph (no container, fence, HTML block, heading, table or
// definition starts with a letter), and no link reference definitions are
// prepended to it (append_link_definitions_for).
bool renders_as_one_paragraph(const Footnotes& footnotes, const Footnote& note) {
  const std::string_view content = note.content;
  const auto lower = static_cast<char>(content.empty() ? 0 : content[0] | 0x20);
  return footnotes.link_definitions.empty() && lower >= 'a' && lower <= 'z' &&
         find_any(content, 0, '\n', '\r') == content.size() - 1;
}

// Renders the referenced notes (notes may reference further notes, which
// then join the end of the list) and the section holding them. Notes that
// are one paragraph each (renders_as_one_paragraph: most notes) are
// rendered in one md4c pass over all of them, separated by blank lines, and
// cut apart at the paragraphs' ends; any other note has a pass of its own.
// Either way they render in number order, so numbering, code block and
// image counts and heading ids come out the same.
void append_footnote_section(OutputBuffer& out, RenderContext& context, OutputBuffer* rendered) {
  Footnotes& footnotes = context.footnotes;
  if (footnotes.numbered.empty()) return;
  std::string source;  // both kept from note to note
  OutputBuffer own;
  // Every note's HTML (Footnote::html_begin, html_end): `rendered` when the
  // notes rendered with the body (place_notes_first).
  OutputBuffer& html = rendered != nullptr ? *rendered : own;
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; rendered == nullptr && i < footnotes.numbered.size();) {
    source.clear();
    std::size_t batch = i;
    while (batch < footnotes.numbered.size() &&
           renders_as_one_paragraph(footnotes, footnotes.notes[footnotes.numbered[batch]])) {
      if (batch > i) source += '\n';
      append_marking_references(source, footnotes.notes[footnotes.numbered[batch]].content, footnotes);
      ++batch;
    }
    const std::size_t begin = html.size();
    if (batch > i) {
      ends.clear();
      HtmlRenderer renderer(context, html);
      renderer.record_top_level_ends(&ends);
      renderer.render(source);
      // One paragraph per note, as renders_as_one_paragraph() guarantees
      // (were it ever not so, the notes' HTML would still be well formed).
      std::size_t at = begin;
      for (std::size_t k = 0; k < batch - i; ++k) {
        Footnote& note = footnotes.notes[footnotes.numbered[i + k]];
        note.html_begin = at;
        note.html_end = at = k + 1 == batch - i ? html.size() : k < ends.size() ? ends[k] : at;
      }
      i = batch;
      continue;
    }
    const std::size_t note_index = footnotes.numbered[i++];
    append_link_definitions_for(source, footnotes.notes[note_index].content, context.flags, footnotes);
    append_marking_references(source, footnotes.notes[note_index].content, footnotes);
    HtmlRenderer(context, html).render(source);
    footnotes.notes[note_index].html_begin = begin;
    footnotes.notes[note_index].html_end = html.size();
  }

  const std::string& prefix = context.id_prefix;
  out += "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"";
  out += prefix;
  out += "footnote-label\">\n<h2 id=\"";
  out += prefix;
  out += "footnote-label\" class=\"sr-only\">Footnotes</h2>\n<ol>\n";
  for (const std::size_t note_index : footnotes.numbered) {
    const Footnote& note = footnotes.notes[note_index];
    out += "<li id=\"";
    out += prefix;
    out += "fn-";
    out += std::to_string(note.number);
    out += "\">\n";
    const std::string_view body = html.view().substr(note.html_begin, note.html_end - note.html_begin);
    constexpr std::string_view kParagraphEnd = "</p>\n";
    if (body.size() >= kParagraphEnd.size() &&
        body.substr(body.size() - kParagraphEnd.size()) == kParagraphEnd) {
      out += body.substr(0, body.size() - kParagraphEnd.size());
      out += "&nbsp;";
    } else {
      out += body;
      out += "<p>";  // after a list or code: a paragraph of its own
    }
    append_back_links(out, prefix, note);
    out += kParagraphEnd;
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

// Whether the notes the body refers to can render in the body's own md4c
// pass, placed before it (one pass per document instead of two): each is
// one paragraph (renders_as_one_paragraph) whose rendering changes nothing
// but its own HTML, in whatever order (no '<': no raw HTML, and no "[^":
// no references, which number notes; no "![": no images, which are
// counted), and the body defines no link references, which would then
// apply to the notes (no "]:"). If so, `body` becomes the notes, each
// followed by a blank line, then the body (in `storage`), and
// Footnotes::placed lists them in that order: a line led by a letter with
// a blank line after it is one paragraph whatever follows, and the body
// after a blank line parses as it does alone.
bool place_notes_first(Footnotes& footnotes, std::string_view& body, std::string& storage) {
  if (footnotes.occurrences.empty()) return false;
  footnotes.placed.reserve(footnotes.notes.size());
  std::size_t size = body.size();
  bool fits = true, brackets = false;
  for (const ReferenceOccurrence& o : footnotes.occurrences) {
    if (o.note == ReferenceOccurrence::kUndefined || footnotes.notes[o.note].placed) continue;
    Footnote& note = footnotes.notes[o.note];
    const std::string_view content = note.content;
    // One scan proves most notes free of '<', "[^", "![" and '['.
    const bool marks = find_either(content, 0, '<', '[') != kNone;
    if (!renders_as_one_paragraph(footnotes, note) ||
        (marks && (find_byte(content, 0, '<') != kNone || find_caret_bracket(content, 0) != kNone ||
                   content.find("![") != kNone))) {
      fits = false;
      break;
    }
    note.placed = true;
    footnotes.placed.push_back(o.note);
    size += content.size() + 1;
    brackets = brackets || (marks && find_byte(content, 0, '[') != kNone);
  }
  // Link references need a '[' in a note.
  for (std::size_t at = brackets ? find_byte(body, 0, ']') : kNone; fits && at != kNone; at = find_byte(body, at + 1, ']'))
    if (at + 1 < body.size() && body[at + 1] == ':') fits = false;
  if (!fits || footnotes.placed.empty()) {
    for (const std::size_t index : footnotes.placed) footnotes.notes[index].placed = false;
    footnotes.placed.clear();
    return false;
  }
  std::string source;
  source.reserve(size);
  for (const std::size_t index : footnotes.placed) {
    source += footnotes.notes[index].content;  // one line, its '\n' included
    source += '\n';
  }
  source.append(body);
  storage.swap(source);
  body = storage;
  return true;
}

// ------------------------------------------------------------------ plain text

// Text content only: spans vanish, blocks and breaks become spaces, raw HTML
// (tags and HTML blocks) and footnote references are left out, code and
// image alt text stay.
class PlainTextRenderer {
 public:
  explicit PlainTextRenderer(const Footnotes& footnotes, bool skip_code = false)
      : footnotes_(footnotes), skip_code_(skip_code) {}

  int enter_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_HTML: in_html_block_ = true; break;
      case MD_BLOCK_CODE: in_code_ = skip_code_; skipped_code_ |= skip_code_; text_ += ' '; break;
      default: text_ += ' '; break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_HTML: in_html_block_ = false; break;
      case MD_BLOCK_CODE: in_code_ = false; text_ += ' '; break;
      default: text_ += ' '; break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE, void*) { return 0; }
  int leave_span(MD_SPANTYPE, void*) { return 0; }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (in_html_block_ || in_code_) return 0;
    switch (type) {
      case MD_TEXT_NULLCHAR: text_ += kReplacementUtf8; break;
      case MD_TEXT_BR: text_ += ' '; break;
      case MD_TEXT_SOFTBR: text_ += ' '; break;
      case MD_TEXT_ENTITY: append_decoded_entity(text_, text); break;
      case MD_TEXT_CODE: append_restoring_references(text_, text, footnotes_); break;
      case MD_TEXT_HTML: break;
      default: put_text(text); break;
    }
    return 0;
  }

  // Whitespace runs collapsed to one space, trimmed.
  std::string take() const { return collapse_whitespace(text_); }  // core/post_text.hpp

 private:
  // Defined references are left out, undefined ones are literal text.
  void put_text(std::string_view text) {
    split_sentinels(
        text, [&](std::string_view piece) { text_.append(piece); },
        [&](std::size_t index) {
          if (!is_defined_reference(footnotes_, index))
            text_.append(occurrence_literal(footnotes_, index));
        });
  }

  const Footnotes& footnotes_;
  std::string text_;
  bool in_html_block_ = false;
  const bool skip_code_;  // code blocks left out
  bool in_code_ = false;
  bool skipped_code_ = false;  // a code block was left out

 public:
  bool skipped_code() const { return skipped_code_; }
};

// ------------------------------------------------------------------ first paragraph

// Where the first top-level paragraph lies in the source, by md4c's own
// block structure: md4c hands out pointers into the source for text, and a
// top-level paragraph is whole lines. A paragraph that begins with an image
// (or a link around one) is passed over. Stops md4c once it is found.
class FirstParagraph {
 public:
  explicit FirstParagraph(std::string_view source) : source_(source) {}

  // The paragraph's lines as written, or an empty view.
  std::string_view lines() const {
    if (!found_) return {};
    std::size_t begin = first_, end = end_;
    while (begin > 0 && source_[begin - 1] != '\n' && source_[begin - 1] != '\r') --begin;
    while (end < source_.size() && source_[end] != '\n' && source_[end] != '\r') ++end;
    return source_.substr(begin, end - begin);
  }

  int enter_block(MD_BLOCKTYPE type, void*) {
    if (++depth_ == 2 && type == MD_BLOCK_P) {  // depth 1 is the document
      in_paragraph_ = true;
      image_first_ = false;
      first_ = std::string_view::npos;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE, void*) {
    if (depth_-- == 2 && in_paragraph_) {
      in_paragraph_ = false;
      found_ = first_ != std::string_view::npos && !image_first_;
      if (found_) return -1;  // done: md4c stops at a negative value
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void*) {
    if (type == MD_SPAN_IMG && in_paragraph_ && first_ == std::string_view::npos) image_first_ = true;
    return 0;
  }
  int leave_span(MD_SPANTYPE, void*) { return 0; }

  int text(MD_TEXTTYPE, std::string_view text) {
    const auto base = reinterpret_cast<std::uintptr_t>(source_.data());
    const auto at = reinterpret_cast<std::uintptr_t>(text.data());
    if (!in_paragraph_ || text.empty() || at < base || at - base >= source_.size()) return 0;  // not in the source ("\n" of a break)
    if (first_ == std::string_view::npos) first_ = at - base;
    end_ = std::max(end_, at - base + text.size());
    return 0;
  }

 private:
  std::string_view source_;
  int depth_ = 0;
  bool in_paragraph_ = false, image_first_ = false, found_ = false;
  std::size_t first_ = std::string_view::npos, end_ = 0;
};

// ------------------------------------------------------------------ slugs

}  // namespace

bool is_slug_separator(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x3004) ||
         (cp >= 0x3008 && cp <= 0x3020) || cp == 0x3030 ||
         (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         cp == 0xFEFF || cp == 0xFFFC || cp == 0xFFFD || is_sentinel_digit_cp(cp);
}

namespace {

std::size_t write_ascii_slug(std::string_view text, char* out) {
  std::size_t n = 0;
  bool separator = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return kNone;
    if (is_ascii_alnum(c)) {
      if (separator && n != 0) out[n++] = '-';
      separator = false;
      out[n++] = ascii_lower(ch);
    } else {
      separator = true;
    }
  }
  return n;
}

void assign_slug(std::string& slug, std::string_view text) {
  // ASCII first, written in place (a slug is never longer than the ASCII
  // text it comes from: a '-' only follows a byte that wrote nothing).
  slug.resize(text.size());
  std::size_t n = 0;
  std::size_t i = 0;
  bool separator = false;
  for (; i < text.size() && static_cast<unsigned char>(text[i]) < 0x80; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_alnum(c)) {
      if (separator && n != 0) slug[n++] = '-';
      separator = false;
      slug[n++] = ascii_lower(static_cast<char>(c));
    } else {
      separator = true;
    }
  }
  slug.resize(n);
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_ascii_alnum(c)) {
        if (separator && !slug.empty()) slug += '-';
        separator = false;
        slug += ascii_lower(static_cast<char>(c));
      } else {
        separator = true;
      }
      ++i;
      continue;
    }
    const DecodedChar d = decode_utf8(text, i);
    if (d.valid && !is_slug_separator(d.cp)) {
      if (separator && !slug.empty()) slug += '-';
      separator = false;
      append_utf8(slug, lower_case(d.cp));
    } else {
      separator = true;
    }
    i += d.length;
  }
}

// A base path ("/blog/") without its trailing '/', or "" when it is "/" or
// not a plain path: anything else could change a URL's meaning.
std::string_view plain_root(std::string_view base) {
  if (base.size() > 1 && base.front() == '/' && base.back() == '/' &&
      base.find_first_of("\"<>&'\\ ?#") == std::string_view::npos)
    return base.substr(0, base.size() - 1);
  return {};
}

}  // namespace

// ------------------------------------------------------------------ public API

std::string render_markdown(std::string_view markdown, const MarkdownOptions& options) {
  OutputBuffer html;
  return std::string(render_markdown_into(html, markdown, options));
}

std::string_view render_markdown_into(OutputBuffer& out, std::string_view markdown,
                                      const MarkdownOptions& options) {
  out.clear();
  const bool ok = guarded([&] {
    const RawHtmlPolicy raw_html{options.unsafe_html     ? RawHtmlMode::unsafe
                                 : options.drop_raw_html ? RawHtmlMode::drop
                                                         : RawHtmlMode::canonical,
                                 options.iframe_hosts, options.refused_raw_html};
    RenderContext context{parser_flags() | (options.math ? MD_FLAG_LATEXMATHSPANS : 0u), raw_html, {}, options.url_base,
                          {}, {}, {}};
    context.code = options.code;
    context.smart = options.smart_punctuation;
    context.hard_breaks = options.hard_breaks;
    context.figures = options.figures;
    context.image_sizes = options.image_sizes;
    context.eager_images = options.eager_images;
    context.image_sources = options.image_sources;
    context.headings = options.headings;
    append_html_escaped(context.id_prefix, options.id_prefix);
    context.site_root = plain_root(options.base_path);
    context.image_url_base = options.image_url_base;
    context.image_site_root = plain_root(options.image_base_path);
    context.page_path = options.page_path;
    std::string math_storage;  // core/math.hpp: display blocks kept whole
    const std::string_view source = options.math ? math_source(markdown, math_storage) : markdown;
    std::string storage;
    std::string_view body = prepare_source(source, context.flags, context.footnotes, storage,
                                           options.input_terminated && source.data() == markdown.data());
    OutputBuffer notes;  // their HTML, when they render with the body
    std::vector<std::size_t> ends;
    const bool notes_first = place_notes_first(context.footnotes, body, storage);
    {
      HtmlRenderer renderer(context, out);
      if (notes_first) {
        ends.reserve(context.footnotes.placed.size());
        std::size_t bytes = 64;  // about twice their markdown: one allocation
        for (const std::size_t index : context.footnotes.placed) bytes += 2 * context.footnotes.notes[index].content.size();
        notes.reserve(bytes);
        renderer.divert_first_blocks(notes, context.footnotes.placed.size(), ends);
      }
      renderer.render(body);
    }
    std::size_t at = 0;
    for (std::size_t k = 0; notes_first && k < context.footnotes.placed.size(); ++k) {
      Footnote& note = context.footnotes.notes[context.footnotes.placed[k]];
      note.html_begin = at;
      note.html_end = at = k < ends.size() ? ends[k] : at;
    }
    context.headings = nullptr;  // the notes' headings are not the document's
    append_footnote_section(out, context, notes_first ? &notes : nullptr);
    return true;
  }, false);
  if (!ok) out.clear();
  return out.view();
}

unsigned markdown_parser_flags(std::string_view document) { return bounded_autolinks(document, parser_flags()); }

std::string markdown_plain_text(std::string_view markdown, bool skip_code, bool* skipped_code) {
  if (skipped_code) *skipped_code = false;
  return guarded([&] {
    // Raw HTML recognised so that its tags can be left out.
    const unsigned flags = parser_flags();
    Footnotes footnotes;
    std::string storage;
    const std::string_view body = prepare_source(markdown, flags, footnotes, storage);
    PlainTextRenderer renderer(footnotes, skip_code);
    parse(body, flags, renderer);
    if (skipped_code) *skipped_code = renderer.skipped_code();
    return renderer.take();
  }, std::string());
}

// text_stats() and first_paragraph(): core/post_text.inc.

std::string slugify(std::string_view text) {
  return guarded([&] {
    std::string slug;
    assign_slug(slug, text);
    return slug;
  }, std::string());
}

bool is_footnote_id(std::string_view s) {
  const auto number = [](std::string_view n) {
    return !n.empty() && n.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (s == "footnote-label") return true;
  if (s.substr(0, 3) == "fn-") return number(s.substr(3));
  if (s.substr(0, 6) != "fnref-") return false;
  s.remove_prefix(6);
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos) return number(s);
  return number(s.substr(0, dash)) && number(s.substr(dash + 1));
}

bool is_chrome_id(std::string_view id) {
  return id == "main" || id == "search-q" || id.substr(0, 6) == "quire-" || id.substr(0, 5) == "year-";
}

}  // namespace quire

#include "core/post_text.inc"  // text_stats, first_paragraph, post_text
