#include "build/transliterate.hpp"

#include <unicode/translit.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstdio>
#include <memory>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"

namespace quire {

namespace {

bool is_han(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

}  // namespace

std::string latin_ascii(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(utf8);
  // One transliterator a thread (ICU's are not safe to share), made on the
  // first non-ASCII text: loading its rules costs about 0.1 s.
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString text;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    const UChar32 c = in.char32At(i);
    text.append(c);
    if (is_han(c)) text.append(static_cast<UChar>(' '));
  }
  if (to_ascii) to_ascii->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string remove_accents(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(utf8);
  thread_local std::unique_ptr<icu::Transliterator> strip = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (strip) strip->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool go_letter_digit_or_mark(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

std::string unicode_lower(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return ascii_lower(utf8);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  text.toLower(icu::Locale::getRoot());
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string ascii_slug(std::string_view text) {
  std::string folded = latin_ascii(text);  // "Crème" -> "Creme", "北亰" -> "bei jing"
  for (char& ch : folded)
    if (static_cast<unsigned char>(ch) >= 0x80) ch = ' ';  // no Latin form (an emoji): a word's end
  const std::string ascii = slugify(folded);
  if (!ascii.empty() && valid_slug(ascii)) return ascii;
  uint32_t h = 2166136261u;  // FNV-1a
  for (char ch : text) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  char b[16];
  std::snprintf(b, sizeof b, "post-%08x", h);
  return b;
}

}  // namespace quire
