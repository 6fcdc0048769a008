// Substring helpers shared by the unit tests that look into rendered text.
#pragma once

#include <cstddef>
#include <string>

namespace quire_test {

inline bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

inline std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace quire_test
