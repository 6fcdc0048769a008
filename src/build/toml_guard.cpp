#include "build/toml_guard.hpp"

namespace quire {

int toml_stray_char_line(std::string_view s) {
  int line = 0;
  // a byte-order mark at the start is the file's, not the TOML's
  for (size_t i = s.substr(0, 3) == std::string_view("\xEF\xBB\xBF") ? 3 : 0; i < s.size();) {
    const char c = s[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '#') {  // a comment, to the line's end
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '"' || c == '\'') {  // "...", '...', """...""", '''...'''
      const bool multi = s.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
      i += multi ? 3 : 1;
      while (i < s.size()) {
        if (s[i] == '\n') {
          if (!multi) break;  // an unclosed one-line string (toml++ says so); the loop counts the line
          ++line;
        }
        if (c == '"' && s[i] == '\\') {
          i += 2;
          continue;
        }
        if (s[i] == c && (!multi || s.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''"))) {
          i += multi ? 3 : 1;
          break;
        }
        ++i;
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {  // TOML has none outside strings and comments
      return line;
    } else {
      ++i;
    }
  }
  return -1;
}

}  // namespace quire
