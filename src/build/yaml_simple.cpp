#include "build/yaml_simple.hpp"

namespace quire {
namespace {

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A plain scalar YAML reads as the text written: printable ASCII, no
// character that could start or end anything else, not a null.
bool plain_word(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  switch (s.front()) {
    case '-': case '?': case '!': case '&': case '*': case '|': case '>': case '%': case '@': case '`':
      return false;
    default: break;
  }
  for (const char c : s) {
    if (c < ' ' || c > '~') return false;
    switch (c) {
      case '#': case ':': case '"': case '\'': case '[': case ']': case '{': case '}': case ',': case '\\':
        return false;
      default: break;
    }
  }
  return true;
}

// A plain scalar value: as plain_word, but ':' allowed when no space
// follows it (dates: 2015-01-01T03:12:00+00:00).
bool plain_value(std::string_view s) {
  if (s.empty()) return false;
  std::string_view rest = s;
  for (size_t colon; (colon = rest.find(':')) != std::string_view::npos;) {
    if (colon + 1 >= rest.size() || rest[colon + 1] == ' ') return false;
    rest.remove_prefix(colon + 1);
  }
  std::string without;  // the checks of plain_word, ':' aside
  without.reserve(s.size());
  for (const char c : s) without += c == ':' ? '.' : c;
  return plain_word(without);
}

bool quoted_value(std::string_view s, char quote, std::string& out) {
  if (s.size() < 2 || s.front() != quote || s.back() != quote) return false;
  const std::string_view inner = s.substr(1, s.size() - 2);
  for (const char c : inner)
    if (c < ' ' || c > '~' || c == quote || c == '\\') return false;
  out.assign(inner);
  return true;
}

}  // namespace

bool parse_simple_yaml(std::string_view text, int first_line, FrontValue& out) {
  out = FrontValue();
  out.kind = FrontValue::Kind::Map;
  out.line = first_line;
  if (text.empty()) return false;
  int line = first_line;
  for (size_t at = 0; at < text.size(); ++line) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(at, end - at);
    at = end + 1;
    size_t k = 0;
    while (k < l.size() && is_key_char(l[k])) ++k;
    if (k == 0 || l[0] == '-' || (l[0] >= '0' && l[0] <= '9')) return false;
    if (k + 2 > l.size() || l[k] != ':' || l[k + 1] != ' ') return false;
    const std::string_view v = l.substr(k + 2);
    FrontValue value;
    value.line = line;
    if (v.empty()) return false;
    if (v.front() == '"' || v.front() == '\'') {
      value.kind = FrontValue::Kind::Scalar;
      if (!quoted_value(v, v.front(), value.text)) return false;
    } else if (v.front() == '[') {
      if (v.back() != ']') return false;
      value.kind = FrontValue::Kind::List;
      std::string_view items = v.substr(1, v.size() - 2);
      if (items.find_first_not_of(' ') != std::string_view::npos) {
        for (;;) {
          const size_t comma = items.find(',');
          std::string_view item = items.substr(0, comma);
          while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
          while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
          if (!plain_word(item)) return false;
          FrontValue word;
          word.kind = FrontValue::Kind::Scalar;
          word.text = std::string(item);
          word.line = line;
          value.items.push_back(std::move(word));
          if (comma == std::string_view::npos) break;
          items.remove_prefix(comma + 1);
        }
      } else if (!items.empty()) {
        return false;  // "[ ]": as yaml-cpp, but not worth the doubt
      }
    } else {
      if (!plain_value(v)) return false;
      value.kind = FrontValue::Kind::Scalar;
      value.text = std::string(v);
    }
    out.entries.push_back({std::string(l.substr(0, k)), line, std::move(value)});
  }
  return true;
}

}  // namespace quire
