#include "build/json_front_matter.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "build/content.hpp"
#include "core/html.hpp"

namespace quire {
namespace {

using json = nlohmann::ordered_json;  // keys in file order, as in YAML and TOML

int line_at(std::string_view text, size_t from, size_t pos, int first_line) {
  return first_line + static_cast<int>(std::count(text.begin() + static_cast<long>(from),
                                                   text.begin() + static_cast<long>(std::min(pos, text.size())), '\n'));
}

FrontValue from_json(const json& j, int line) {
  FrontValue v;
  v.line = line;
  if (j.is_object()) {
    v.kind = FrontValue::Kind::Map;
    for (const auto& [k, child] : j.items()) v.entries.push_back({k, line, from_json(child, line)});
  } else if (j.is_array()) {
    v.kind = FrontValue::Kind::List;
    for (const json& item : j) v.items.push_back(from_json(item, line));
  } else if (j.is_string()) {
    v.kind = FrontValue::Kind::Scalar;
    v.text = j.get<std::string>();
  } else if (!j.is_null()) {
    v.kind = FrontValue::Kind::Scalar;
    v.text = j.dump();  // numbers and booleans as JSON writes them
  }
  return v;
}

}  // namespace

size_t find_json_front(std::string_view text, size_t start) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

bool parse_json_front(std::string_view text, size_t start, size_t end, int first_line, const std::string& file,
                      FrontValue& out, std::vector<Diagnostic>& errors) {
  const std::string_view front = text.substr(start, end - start);
  json j;
  try {
    j = json::parse(front.begin(), front.end());
  } catch (const json::parse_error& e) {
    const size_t at = e.byte == 0 ? 0 : e.byte - 1;
    std::string what = e.what();
    if (const size_t colon = what.find("syntax error"); colon != std::string::npos) what = what.substr(colon);
    errors.push_back({file, line_at(front, 0, at, first_line), "invalid JSON front matter: " + sanitize_utf8(what)});
    return false;
  }
  if (!j.is_object()) {
    errors.push_back({file, first_line, "front matter: expected keys and values ({\"title\": ..., \"date\": ...})"});
    return false;
  }
  // Each top-level key's line: the strings at depth 1 followed by ':'.
  std::vector<int> key_lines;
  std::vector<std::string_view> key_names;
  int depth = 0;
  for (size_t i = 0; i < front.size(); ++i) {
    const char c = front[i];
    if (c == '"') {
      const size_t open = i;
      for (++i; i < front.size() && front[i] != '"'; ++i)
        if (front[i] == '\\') ++i;
      size_t k = i + 1;
      while (k < front.size() && (front[k] == ' ' || front[k] == '\t' || front[k] == '\n')) ++k;
      if (depth == 1 && k < front.size() && front[k] == ':') {
        const std::string_view name = front.substr(open + 1, i - open - 1);
        const int line = line_at(front, 0, open, first_line);
        for (size_t m = 0; m < key_names.size(); ++m)
          if (key_names[m] == name) {
            errors.push_back({file, line, "\"" + sanitize_utf8(name) + "\" given twice (first on line " +
                                              std::to_string(key_lines[m]) + ")"});
            return false;
          }
        key_names.push_back(name);
        key_lines.push_back(line);
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  out = FrontValue();
  out.kind = FrontValue::Kind::Map;
  out.line = first_line;
  size_t n = 0;
  for (const auto& [k, child] : j.items()) {
    const int line = n < key_lines.size() ? key_lines[n] : first_line;
    ++n;
    out.entries.push_back({k, line, from_json(child, line)});
  }
  return true;
}

}  // namespace quire
