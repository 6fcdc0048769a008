#include "build/yaml_guard.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "core/html.hpp"

namespace quire {
namespace {

// yaml-cpp loads an alias as the very node of its anchor, so a document is
// a graph: whatever reads it as a tree (yaml_to_json, the key checks)
// expands every alias. "&a [*a]" then never ends (a stack overflow), and
// nine lists of nine aliases to the list before are 9^9 values from 300
// bytes. guard_yaml() walks the document once, as its readers will, and
// refuses it past these limits, before anything else reads it. Without
// aliases a document has fewer values than bytes, so only aliases can
// reach kMaxAliasValues.
constexpr std::size_t kMaxAliasValues = 100000;  // values aliases may add
constexpr std::size_t kMaxYamlDepth = 100;       // lists and maps, nested

// The walk; it also replaces what a YAML escape can put into text that
// the raw bytes could not hold (a NUL: "\0", "\x00", "\u0000"; yaml-cpp
// itself refuses lone surrogates) by U+FFFD, as sanitize_utf8() did to the
// raw bytes, with a warning: the static pages and the app then show the
// same text (the bundle loader makes \u0000 U+FFFD).
}  // namespace

// (jonnung's "검색(\_search)" title showed U+FFFD.)
std::string escaped_latin1_as_utf8(const std::string& text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }) || sanitize_utf8(text) == text)
    return text;
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len > 0 && i + len <= text.size()) {
      const std::string one = text.substr(i, len);
      if (sanitize_utf8(one) == one) {
        out += one;
        i += len;
        continue;
      }
    }
    if (c >= 0x80) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(c);  // (a NUL: sanitize_utf8 makes it U+FFFD, with the warning)
    }
    ++i;
  }
  return out;
}

namespace {

class YamlWalk {
 public:
  YamlWalk(const std::string& file, int line_offset, std::vector<Diagnostic>& errors,
           std::vector<Diagnostic>& warnings, std::size_t max_values)
      : file_(file), line_offset_(line_offset), errors_(errors), warnings_(warnings), max_values_(max_values) {}

  bool root(const YAML::Node& n) {
    if (!n.IsMap()) return walk(n);
    open_.push_back(n);
    for (const auto& kv : n) {
      // (Not a YAML::Node: assigning one node to another rewires the first.)
      key_ = kv.first.IsScalar() ? kv.first.Scalar() + ": " : std::string();
      key_line_ = line_of(kv.first);
      if (!walk(kv.first) || !walk(kv.second)) return false;
    }
    return true;
  }

 private:
  bool walk(const YAML::Node& n) {
    if (++values_ > max_values_)
      return refuse("aliases expand it to more than " + std::to_string(kMaxAliasValues) +
                    " values (each *alias repeats all its anchor holds); write the values out or use fewer aliases");
    if (n.IsScalar()) {
      const std::string& text = n.Scalar();
      const std::string encoded = escaped_latin1_as_utf8(text);
      const std::string clean = sanitize_utf8(encoded);
      if (encoded != text && clean == encoded) {
        YAML::Node shared = n;
        shared = clean;
      } else if (clean != text) {
        warnings_.push_back({file_, line_of(n), key_ + "a NUL (\\0) or an invalid character written as a YAML escape replaced by U+FFFD"});
        YAML::Node shared = n;  // the node itself, wherever an alias shows it
        shared = clean;
      }
      return true;
    }
    if (!n.IsSequence() && !n.IsMap()) return true;
    for (const YAML::Node& holder : open_)
      if (holder.is(n))
        return refuse("an alias refers to the list or map that holds it (its anchor is on line " +
                      std::to_string(line_of(n)) + "), which would repeat it without end");
    if (open_.size() >= kMaxYamlDepth)
      return refuse("lists and maps nested more than " + std::to_string(kMaxYamlDepth) + " deep");
    open_.push_back(n);
    bool ok = true;
    if (n.IsSequence()) {
      for (const auto& item : n)
        if (!(ok = walk(item))) break;
    } else {
      for (const auto& kv : n)
        if (!(ok = walk(kv.first) && walk(kv.second))) break;
    }
    open_.pop_back();
    return ok;
  }

  // An error at the top-level key whose value it is.
  bool refuse(const std::string& problem) {
    errors_.push_back({file_, key_line_, key_ + problem});
    return false;
  }

  int line_of(const YAML::Node& n) const { return n.Mark().line < 0 ? 0 : n.Mark().line + line_offset_; }

  const std::string& file_;
  int line_offset_;
  std::vector<Diagnostic>& errors_;
  std::vector<Diagnostic>& warnings_;
  std::size_t max_values_;
  std::size_t values_ = 0;
  std::vector<YAML::Node> open_;  // the lists and maps being walked, outermost first
  std::string key_;  // "key: ", the top-level key being walked
  int key_line_ = 0;
};

}  // namespace

bool guard_yaml(const YAML::Node& root, std::size_t text_size, const std::string& file, int line_offset,
                std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  return YamlWalk(file, line_offset, errors, warnings, text_size + kMaxAliasValues).root(root);
}

int unclosed_quote_line(std::string_view y) {
  char quote = 0;   // the open quoted text's quote, or 0
  int open_line = -1, line = 0;
  bool value_start = true;  // where a quoted text may begin: a line's start, after ": ", "- ", "[", "{" or ","
  int block_indent = -1;    // inside a block scalar: its key's indentation
  int flow = 0;             // open [ and { of flow collections
  for (size_t i = 0; i < y.size();) {
    if (!quote && (i == 0 || y[i - 1] == '\n')) {  // a line's start
      size_t j = i;
      while (j < y.size() && y[j] == ' ') ++j;
      const int indent = static_cast<int>(j - i);
      const bool blank = j == y.size() || y[j] == '\n' || y[j] == '\r';
      if (block_indent >= 0 && (blank || indent > block_indent)) {  // a block scalar's line
        const size_t e = y.find('\n', i);
        if (e == std::string_view::npos) break;
        i = e + 1;
        ++line;
        continue;
      }
      block_indent = -1;
      value_start = true;
    }
    const char c = y[i];
    if (quote) {
      if (c == '\n') ++line;
      if (quote == '"' && c == '\\') {
        if (i + 1 < y.size() && y[i + 1] == '\n') ++line;
        i += 2;
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < y.size() && y[i + 1] == '\'') {  // '' is a quote inside
          i += 2;
          continue;
        }
        quote = 0;
        value_start = false;
      }
      ++i;
      continue;
    }
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#' && (i == 0 || y[i - 1] == ' ' || y[i - 1] == '\t' || y[i - 1] == '\n')) {  // a comment
      const size_t e = y.find('\n', i);
      i = e == std::string_view::npos ? y.size() : e;
      continue;
    }
    if ((c == '"' || c == '\'') && value_start) {
      quote = c;
      open_line = line;
      ++i;
      continue;
    }
    if ((c == '|' || c == '>') && value_start) {  // a block scalar: the more indented lines below are its text
      size_t ls = i;  // the line's start: its indentation is the key's
      while (ls > 0 && y[ls - 1] != '\n') --ls;
      size_t k = ls;
      while (k < y.size() && y[k] == ' ') ++k;
      block_indent = static_cast<int>(k - ls);
      const size_t e = y.find('\n', i);
      i = e == std::string_view::npos ? y.size() : e;
      continue;
    }
    if (c == ':' && (i + 1 == y.size() || y[i + 1] == ' ' || y[i + 1] == '\t' || y[i + 1] == '\n' || y[i + 1] == '\r')) {
      value_start = true;
    } else if (c == '-' && value_start && (i + 1 == y.size() || y[i + 1] == ' ' || y[i + 1] == '\n')) {
      value_start = true;
    } else if ((c == '[' || c == '{') && value_start) {  // a flow collection: its items start after [ { ,
      ++flow;
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
      value_start = false;
    } else if (c == ',' && flow > 0) {  // in a plain text ("supportive," not having) a comma is a comma
      value_start = true;
    } else {
      value_start = false;
    }
    ++i;
  }
  return quote ? open_line : -1;
}

}  // namespace quire
