// Emoji shortcodes (:tada: -> 🎉) for a site whose engine turned them on:
// Hugo's enableEmoji, Jekyll's jemoji, Eleventy's markdown-it-emoji, Zola's
// render_emoji. The table is Hugo's own (kyokomi/emoji, cmake/emoji.cmake);
// GitHub's names (jemoji's gemoji) are among its aliases.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"

namespace quire::import {

namespace {

struct Emoji {
  const char* name;  // ":+1:"
  const char* text;  // its UTF-8
};
const Emoji kEmoji[] = {
#include "emoji_table.inc"
};

const std::unordered_map<std::string_view, std::string_view>& emoji_map() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>();
    m->reserve(sizeof kEmoji / sizeof kEmoji[0]);
    for (const Emoji& e : kEmoji) m->emplace(e.name, e.text);
    return m;
  }();
  return *map;
}

}  // namespace

std::string emojify(Run& run, const std::string& text) {
  if (text.find(':') == std::string::npos) return text;
  const auto& map = emoji_map();
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  size_t copied = 0, count = 0;
  constexpr size_t kLongest = 64;
  for (size_t at = text.find(':'); at != std::string::npos && at < text.size(); at = text.find(':', at + 1)) {
    if (code[at]) continue;
    size_t end = at + 1;
    while (end < text.size() && end - at <= kLongest && text[end] != ':' && text[end] != ' ' && text[end] != '\n' &&
           text[end] != '\t')
      ++end;
    if (end >= text.size() || text[end] != ':' || end == at + 1) continue;
    const auto it = map.find(std::string_view(text).substr(at, end - at + 1));
    if (it == map.end()) continue;
    out.append(text, copied, at - copied);
    out += it->second;
    copied = end + 1;
    at = end;
    ++count;
  }
  if (count == 0) return text;
  out.append(text, copied, std::string::npos);
  run.report.converted["emoji shortcodes (:tada:, the old engine's emoji setting)"] += count;
  return out;
}

}  // namespace quire::import
