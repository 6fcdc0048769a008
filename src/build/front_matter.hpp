// Front matter as the engines write it, turned into one tree of keys. A post
// opens (after blank lines, and a BOM, if any) with a fence: "---" for YAML
// (Jekyll, Hugo, Eleventy; closed by "---" or "...") or "+++" for TOML
// (Hugo, Zola; closed by "+++"), or a JSON object (Hugo:
// json_front_matter.hpp). All become the same FrontValue tree, with
// the file line of every key and value, so that one validator (parse_post in
// content.cpp) checks both and reports at the key's line. Scalars keep their
// text: TOML's numbers and booleans as TOML writes them, its native dates and
// date-times in ISO 8601 (post_dates.hpp reads them). YAML keys given twice are
// kept twice (the validator reports them); TOML refuses them itself. Syntax
// errors become diagnostics at their line; nothing here throws.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire {

struct Diagnostic;

struct FrontValue {
  enum class Kind { Null, Scalar, List, Map };
  Kind kind = Kind::Null;
  std::string text;        // Scalar: as written
  int line = 0;            // file line of the value (1-based; 0 unknown)
  std::vector<FrontValue> items;  // List
  struct Entry;
  std::vector<Entry> entries;     // Map, in file order

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_list() const { return kind == Kind::List; }
  bool is_map() const { return kind == Kind::Map; }
  const FrontValue* find(std::string_view key) const;  // a map's first entry of that key
  const char* kind_name() const;                        // "text", "list", "map", "nothing"
};

struct FrontValue::Entry {
  std::string key;
  int line = 0;  // the key's line
  FrontValue value;
};

struct FrontMatter {
  enum class Format { None, Yaml, Toml, Json };  // Json: json_front_matter.hpp
  Format format = Format::None;
  FrontValue root;         // a map when parsed
  std::string body;        // the markdown after the closing fence
  int body_line = 1;       // its first line
  int fence_line = 1;      // the opening fence's line
};

// Splits `text` (newlines already LF, BOM already stripped or not) into front
// matter and body, and parses the front matter. False, with an error at its
// line, for a missing or unclosed fence, invalid YAML/TOML, or front matter
// that is not a map of keys, or YAML that guard_yaml() refuses (runaway
// aliases). A NUL that a YAML or TOML escape writes into a text becomes
// U+FFFD, with a warning.
bool read_front_matter(std::string_view text, const std::string& file, FrontMatter& out,
                       std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings);

}  // namespace quire
