#include "core/math.hpp"

#include <vector>

namespace quire {

int params_flag(const Post& post, std::string_view key) {
  // A scan, not a JSON parse (that would bring a parser into the WASM
  // module): params is valid JSON (the loader checked it), and the key is
  // looked for with its value true or false; the key inside a nested object
  // of the author's own params would be taken too (not worth a parser).
  const std::string_view params = post.params_json;
  const std::size_t quoted = key.size() + 2;
  for (std::size_t at = params.find(key); at != std::string_view::npos; at = params.find(key, at + 1)) {
    if (at == 0 || params[at - 1] != '"' || at + key.size() >= params.size() || params[at + key.size()] != '"') continue;
    std::size_t i = at - 1 + quoted;
    auto blank = [&] {
      while (i < params.size() && (params[i] == ' ' || params[i] == '\t' || params[i] == '\n' || params[i] == '\r')) ++i;
    };
    blank();
    if (i >= params.size() || params[i] != ':') continue;  // a value, not a key
    ++i;
    blank();
    if (params.substr(i, 4) == "true") return 1;
    if (params.substr(i, 5) == "false") return 0;
    return -1;
  }
  return -1;
}

bool post_has_math(const Site& site, const Post& post) {
  const int wanted = params_flag(post, "math");
  return wanted == 1 || (wanted < 0 && site.math);
}

namespace {

// A line's text without its first up to 3 spaces (more: not a block line).
bool block_line(std::string_view line, std::string_view& text) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && line[i] == ' ') ++i;
  if (i == 4) return false;
  text = line.substr(i);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  return true;
}

// The fence a line opens or closes (``` or ~~~, three or more), or "".
std::string_view fence_of(std::string_view text) {
  if (text.size() < 3 || (text[0] != '`' && text[0] != '~')) return {};
  std::size_t n = 0;
  while (n < text.size() && text[n] == text[0]) ++n;
  return n >= 3 ? text.substr(0, n) : std::string_view{};
}

bool blank_line(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::string_view math_source(std::string_view markdown, std::string& storage) {
  if (markdown.find("$$") == std::string_view::npos) return markdown;
  // Lines as views, then one copy if any display block needs a change.
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < markdown.size();) {
    std::size_t end = markdown.find('\n', at);
    end = end == std::string_view::npos ? markdown.size() : end + 1;
    lines.push_back(markdown.substr(at, end - at));
    at = end;
  }
  std::string out;
  bool changed = false;
  std::string_view fence;  // the open fence, if any
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view text;
    const bool is_block_line = block_line(lines[i], text);
    if (is_block_line && !fence.empty()) {
      if (text.substr(0, fence.size()) == fence && fence_of(text).size() >= fence.size() &&
          text.find_first_not_of(fence[0]) == std::string_view::npos)
        fence = {};
    } else if (is_block_line && !(fence = fence_of(text)).empty()) {
    } else if (is_block_line && text.substr(0, 2) == "$$" && text.find("$$", 2) == std::string_view::npos) {
      std::size_t close = i + 1;
      while (close < lines.size() && lines[close].find("$$") == std::string_view::npos) ++close;
      if (close < lines.size()) {
        out.append(lines[i]);
        for (std::size_t k = i + 1; k <= close; ++k) {
          if (blank_line(lines[k])) {
            changed = true;
            continue;
          }
          std::string_view inner;
          if (k == close && block_line(lines[k], inner) && inner == "$$") {
            out.append(lines[k]);
            continue;
          }
          if (lines[k].substr(0, 4) != "    ") changed = true;
          out.append("    ").append(lines[k]);
        }
        i = close;
        continue;
      }
    }
    out.append(lines[i]);
  }
  if (!changed) return markdown;
  storage = std::move(out);
  return storage;
}

}  // namespace quire
