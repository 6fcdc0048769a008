// TOML checked before toml++ reads it. toml++ 3.3 (Debian's) reaches
// __builtin_unreachable() when it asks whether a character after a value
// is whitespace and the character lies in U+00A1..U+0499 or U+FCD6..U+FEFE
// (`date = 2021-01-0é`): undefined behaviour on malformed input (the
// import fuzzer's). TOML allows no character beyond ASCII outside strings
// and comments (bare keys are ASCII), so any such one is refused first,
// at its line; inside a string or a comment toml++ never asks.
#pragma once

#include <string_view>

namespace quire {

// The 0-based line of a non-ASCII character outside strings and comments, or -1.
int toml_stray_char_line(std::string_view toml);
inline constexpr const char* kTomlStrayChar = "a character beyond ASCII outside a quoted text (TOML has them only in strings and comments)";

}  // namespace quire
