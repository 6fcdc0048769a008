// Text of any script in ASCII letters, for slugs: "北亰" -> "bei jing",
// "Привет" -> "Privet", "Crème" -> "Creme". Contract: latin_ascii() returns
// its input unchanged when it is ASCII already (no ICU work), else ICU's
// "Any-Latin; Latin-ASCII" transliteration, with a space after each Han
// character so that each reads as a word (as deunicode, which Zola's
// default slugs use, writes them: "日本語の" -> "ri ben yu no"). Characters
// with no Latin form are left as they are; callers slugify the result.
// Native build only (ICU is never in the WASM core).
#pragma once

#include <string>
#include <string_view>

namespace quire {

std::string latin_ascii(std::string_view utf8);

// Letters without their accents, nothing else changed ("hiérarchiques" ->
// "hierarchiques", "日本" as it is): Hugo's removePathAccents.
std::string remove_accents(std::string_view utf8);

// Go's unicode.IsLetter || IsDigit || IsMark (ICU's general categories L*,
// Nd, M*): what Hugo's UnicodeSanitize keeps of a name beyond ASCII.
bool go_letter_digit_or_mark(char32_t cp);

// Lower case in every script ("Événements" -> "événements"), as Go's
// strings.ToLower (Hugo's paths); ASCII text without ICU work.
std::string unicode_lower(std::string_view utf8);

// A slug Quire takes (ASCII letters, digits, '-'), made of any text:
// Latin letters lose their accents ("Crème brûlée" -> "creme-brulee"),
// other scripts are transliterated ("北亰" -> "bei-jing", as Zola's
// default slugs), and a text with nothing left gets "post-" and a short
// hash of it, the same for the same text. Used by `quire import` and by
// `quire build` for a file name that gives no slug.
std::string ascii_slug(std::string_view text);

}  // namespace quire
