// What the libFuzzer harnesses of tests/fuzz share: a property check that
// stops the run with a message (libFuzzer then writes the input as a
// crash-<hash> reproducer), and the output properties every target checks.
// The harnesses are built only in the sanitized build (CMake option
// QUIRE_FUZZ, build/fuzz); scripts/fuzz.sh runs them, and CTest in that
// build replays their seeds and tests/fuzz/regressions/<target>/.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/html.hpp"

#define FUZZ_CHECK(cond, what)                                                        \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "fuzz check failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, \
                   #cond, std::string(what).c_str());                                 \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace quire::fuzz {

inline bool valid_utf8(std::string_view s) { return quire::sanitize_utf8(s) == s; }

// A short printable excerpt of a text, for failure messages.
inline std::string excerpt(std::string_view s, size_t max = 300) {
  std::string out;
  for (size_t i = 0; i < s.size() && out.size() < max; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) out += static_cast<char>(c);
    else {
      static const char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

}  // namespace quire::fuzz
