#include "build/url_attributes.hpp"

#include <algorithm>
#include <string>

#include "core/html.hpp"

namespace quire {

void for_each_url_attribute(
    std::string_view html,
    const std::function<void(std::string_view element, std::string_view attribute, size_t value_at, size_t value_end)>& visit) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.substr(pos, 4) == "<!--") {
      size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const char next = pos + 1 < html.size() ? html[pos + 1] : '\0';
    if (next == '/' || next == '!' || next == '?') {  // end tag or declaration
      size_t end = html.find('>', pos + 1);
      pos = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (!is_alpha(next)) {  // a '<' of text ("a < b" in raw HTML)
      ++pos;
      continue;
    }
    size_t i = pos + 1;
    while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/') ++i;
    const std::string name = ascii_lower(html.substr(pos + 1, i - pos - 1));
    // Attributes: name, then optionally '=' and a quoted or unquoted value.
    while (i < html.size() && html[i] != '>') {
      if (is_space(html[i]) || html[i] == '/') { ++i; continue; }
      size_t name_at = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '=' && html[i] != '/') ++i;
      const std::string attr = ascii_lower(html.substr(name_at, i - name_at));
      while (i < html.size() && is_space(html[i])) ++i;
      if (i >= html.size() || html[i] != '=') continue;
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      size_t value_at = i, value_end = i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        size_t close = html.find(html[i], i + 1);
        if (close == std::string_view::npos) { i = html.size(); break; }  // unclosed: left as it is
        value_at = i + 1;
        value_end = close;
        i = close + 1;
      } else {
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        value_end = i;
      }
      if (attr == "href" || attr == "src" || attr == "srcset") visit(name, attr, value_at, value_end);
    }
    pos = i;
    for (std::string_view raw_text : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}) {
      if (name != raw_text) continue;
      // No tags inside: on to its end tag, in any case.
      for (pos = html.find("</", pos); pos != std::string_view::npos; pos = html.find("</", pos + 2)) {
        if (ascii_lower(html.substr(pos + 2, name.size())) == name) break;
      }
      if (pos == std::string_view::npos) pos = html.size();
    }
  }
}

std::vector<std::string> srcset_urls(std::string_view value) {
  std::vector<std::string> out;
  for (size_t at = 0; (at = value.find_first_not_of(" \t\n\r\f,", at)) != std::string_view::npos;) {
    const size_t end = std::min(value.find_first_of(" \t\n\r\f", at), value.size());
    std::string_view url = value.substr(at, end - at);
    // A comma ends a URL without a descriptor ("a.png, b.png 2x").
    const bool bare = !url.empty() && url.back() == ',';
    while (!url.empty() && url.back() == ',') url.remove_suffix(1);
    if (!url.empty()) out.emplace_back(url);
    at = bare ? end : std::min(value.find(',', end), value.size());
  }
  return out;
}

}  // namespace quire
