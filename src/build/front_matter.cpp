#include "build/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>

#define TOML_HEADER_ONLY 1
#include <toml++/toml.h>

#include "build/content.hpp"
#include "build/json_front_matter.hpp"
#include "build/toml_guard.hpp"
#include "build/yaml_guard.hpp"
#include "build/yaml_simple.hpp"
#include "core/html.hpp"

namespace quire {

const FrontValue* FrontValue::find(std::string_view key) const {
  for (const Entry& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

const char* FrontValue::kind_name() const {
  switch (kind) {
    case Kind::Scalar: return "text";
    case Kind::List: return "list";
    case Kind::Map: return "map";
    default: return "nothing";
  }
}

namespace {

// ---- YAML (yaml-cpp) ----

FrontValue from_yaml(const YAML::Node& n, int line_offset) {
  FrontValue v;
  v.line = n.Mark().line < 0 ? 0 : n.Mark().line + line_offset;
  if (n.IsScalar()) {
    v.kind = FrontValue::Kind::Scalar;
    v.text = n.Scalar();
  } else if (n.IsSequence()) {
    v.kind = FrontValue::Kind::List;
    for (const auto& item : n) v.items.push_back(from_yaml(item, line_offset));
  } else if (n.IsMap()) {
    v.kind = FrontValue::Kind::Map;
    for (const auto& kv : n) {
      const int key_line = kv.first.Mark().line < 0 ? 0 : kv.first.Mark().line + line_offset;
      v.entries.push_back({kv.first.Scalar(), key_line, from_yaml(kv.second, line_offset)});
    }
  }
  return v;
}

bool parse_yaml(std::string_view text, int first_line, const std::string& file, FrontValue& out,
                std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  if (parse_simple_yaml(text, first_line, out)) return true;  // most posts' (build/yaml_simple.hpp)
  if (const int open = unclosed_quote_line(text); open >= 0) {
    errors.push_back({file, open + first_line, std::string("invalid YAML: ") + kUnclosedQuote});
    return false;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!guard_yaml(root, text.size(), file, first_line, errors, warnings)) return false;
    out = from_yaml(root, first_line);
    return true;
  } catch (const YAML::Exception& e) {
    errors.push_back({file, e.mark.line < 0 ? first_line : e.mark.line + first_line, "invalid YAML: " + sanitize_utf8(e.msg)});
    return false;
  }
}

// ---- TOML (toml++) ----

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string iso_date(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year), static_cast<int>(d.month),
                static_cast<int>(d.day));
  return buf;
}

std::string iso_time(const toml::time& t) {
  return two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
}

FrontValue from_toml(const toml::node& n, int line_offset, const std::string& file,
                     std::vector<Diagnostic>& warnings) {
  FrontValue v;
  v.line = static_cast<int>(n.source().begin.line) + line_offset;
  if (const toml::table* t = n.as_table()) {
    v.kind = FrontValue::Kind::Map;
    for (const auto& [key, child] : *t)
      v.entries.push_back({std::string(key.str()), static_cast<int>(key.source().begin.line) + line_offset,
                           from_toml(child, line_offset, file, warnings)});
    // toml++ keeps a table's keys sorted; diagnostics read better in file order.
    std::stable_sort(v.entries.begin(), v.entries.end(),
                     [](const FrontValue::Entry& a, const FrontValue::Entry& b) { return a.line < b.line; });
    return v;
  }
  if (const toml::array* a = n.as_array()) {
    v.kind = FrontValue::Kind::List;
    for (const toml::node& item : *a) v.items.push_back(from_toml(item, line_offset, file, warnings));
    return v;
  }
  v.kind = FrontValue::Kind::Scalar;
  if (auto s = n.value<std::string>(); s && n.is_string()) {
    // A NUL from an escape ("\u0000") becomes U+FFFD, as in YAML (yaml_guard.hpp).
    v.text = sanitize_utf8(*s);
    if (v.text != *s)
      warnings.push_back({file, v.line, "a NUL (\\u0000) or an invalid character written as a TOML escape replaced by U+FFFD"});
  } else if (n.is_boolean()) {
    v.text = n.as_boolean()->get() ? "true" : "false";
  } else if (n.is_integer()) {
    v.text = std::to_string(n.as_integer()->get());
  } else if (n.is_floating_point()) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%g", n.as_floating_point()->get());
    v.text = buf;
  } else if (n.is_date()) {
    v.text = iso_date(n.as_date()->get());
  } else if (n.is_time()) {
    v.text = iso_time(n.as_time()->get());
  } else if (n.is_date_time()) {
    const toml::date_time& dt = n.as_date_time()->get();
    v.text = iso_date(dt.date) + "T" + iso_time(dt.time);
    if (dt.offset) {
      const int m = dt.offset->minutes;
      v.text += m == 0 ? std::string("Z") : std::string(m < 0 ? "-" : "+") + two(std::abs(m) / 60) + ":" + two(std::abs(m) % 60);
    }
  }
  return v;
}

bool parse_toml(std::string_view text, int first_line, const std::string& file, FrontValue& out,
                std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  if (const int stray = toml_stray_char_line(text); stray >= 0) {
    errors.push_back({file, stray + first_line, std::string("invalid TOML: ") + kTomlStrayChar});
    return false;
  }
  try {
    toml::table root = toml::parse(text, file);
    out = from_toml(root, first_line - 1, file, warnings);  // toml++ counts lines from 1
    out.kind = FrontValue::Kind::Map;
    out.line = first_line;
    return true;
  } catch (const toml::parse_error& e) {
    errors.push_back({file, static_cast<int>(e.source().begin.line) + first_line - 1,
                      "invalid TOML: " + sanitize_utf8(e.description())});
    return false;
  }
}

}  // namespace

bool read_front_matter(std::string_view text, const std::string& file, FrontMatter& out,
                       std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  auto line_end = [&](size_t pos) {
    size_t e = text.find('\n', pos);
    return e == std::string_view::npos ? text.size() : e;
  };
  auto line_at = [&](size_t pos) {
    std::string_view l = text.substr(pos, line_end(pos) - pos);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l;
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Blank lines before the fence are tolerated (editors and generators leave them).
  size_t pos = 0;
  int line_no = 1;
  while (pos < text.size() && line_at(pos).find_first_not_of(" \t") == std::string_view::npos) {
    pos = line_end(pos) + 1;
    ++line_no;
  }
  const std::string_view fence = pos < text.size() ? line_at(pos) : std::string_view();
  if (!fence.empty() && fence[0] == '{') {  // Hugo's JSON front matter (json_front_matter.hpp)
    const size_t end = find_json_front(text, pos);
    if (end == std::string_view::npos) {
      errors.push_back({file, line_no, "front matter is not closed: the JSON object that opens the file needs its "
                                       "closing \"}\""});
      return false;
    }
    out.format = FrontMatter::Format::Json;
    out.fence_line = line_no;
    const std::string clean = sanitize_utf8(text.substr(0, end));
    if (!parse_json_front(clean, pos, clean.size(), line_no, file, out.root, errors)) return false;
    size_t after = end;  // the rest of the closing brace's line, then the body
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after < text.size() && text[after] == '\n') ++after;
    out.body = std::string(text.substr(after));
    out.body_line = line_no + static_cast<int>(std::count(text.begin() + static_cast<long>(pos),
                                                          text.begin() + static_cast<long>(after), '\n'));
    return true;
  }
  if (fence != "---" && fence != "+++") {
    errors.push_back({file, line_no,
                      "expected front matter: a first line \"---\" (YAML) or \"+++\" (TOML), then title: and date:, "
                      "then the same line again (or a JSON object, {\"title\": ...})"});
    return false;
  }
  out.format = fence == "---" ? FrontMatter::Format::Yaml : FrontMatter::Format::Toml;
  out.fence_line = line_no;
  const size_t front_start = std::min(text.size(), line_end(pos) + 1);
  size_t at = front_start;
  int at_line = line_no + 1;
  size_t close = std::string_view::npos;
  while (at < text.size()) {
    const std::string_view l = line_at(at);
    if (l == fence || (out.format == FrontMatter::Format::Yaml && l == "...")) {
      close = at;
      break;
    }
    at = line_end(at) + 1;
    ++at_line;
  }
  if (close == std::string_view::npos) {
    errors.push_back({file, line_no, std::string("front matter is not closed: add a line \"") + std::string(fence) +
                                         "\" after it"});
    return false;
  }
  const std::string_view front = text.substr(front_start, close - front_start);
  out.body = std::string(text.substr(std::min(text.size(), line_end(close) + 1)));
  out.body_line = at_line + 1;
  // Invalid UTF-8 becomes U+FFFD first (the caller warns at its line).
  const std::string clean = sanitize_utf8(front);
  const bool parsed = out.format == FrontMatter::Format::Yaml
                          ? parse_yaml(clean, line_no + 1, file, out.root, errors, warnings)
                          : parse_toml(clean, line_no + 1, file, out.root, errors, warnings);
  if (!parsed) return false;
  if (out.root.is_null() && front.find_first_not_of(" \t\n") == std::string_view::npos) {
    out.root.kind = FrontValue::Kind::Map;  // "---\n---": no keys
  }
  if (!out.root.is_map()) {
    errors.push_back({file, line_no + 1, "front matter: expected keys and values (title: ..., date: ...)"});
    return false;
  }
  return true;
}

}  // namespace quire
