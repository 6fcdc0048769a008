#include "build/yaml_guard.hpp"

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
      const std::string clean = sanitize_utf8(text);
      if (clean != text) {
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

}  // namespace quire
