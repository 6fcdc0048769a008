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

// Pandoc's rule for a '$' of inline math, which md4c does not apply: an
// opener has no space after it, the next '$' closes it if it has no space
// before it and no digit after it, else the opener is text. In a paragraph [b, e) of `s`, each single '$' that opens no
// math by that rule (no closer follows it) is escaped, so that md4c takes
// "$5, then $10" as text. Code spans, escapes and $$...$$ are skipped.
void escape_prose_dollars(std::string_view s, std::size_t b, std::size_t e, std::vector<std::size_t>& escapes) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // Past a code span or a $$ pair starting at i (or i itself).
  auto skip = [&](std::size_t i) -> std::size_t {
    if (s[i] == '`') {
      std::size_t n = 0;
      while (i + n < e && s[i + n] == '`') ++n;
      for (std::size_t j = i + n; j < e;) {
        if (s[j] != '`') { ++j; continue; }
        std::size_t m = 0;
        while (j + m < e && s[j + m] == '`') ++m;
        if (m == n) return j + m;
        j += m;
      }
      return i + n;
    }
    if (s[i] == '$' && i + 1 < e && s[i + 1] == '$') {
      const std::size_t close = s.substr(0, e).find("$$", i + 2);
      return close == std::string_view::npos ? i + 2 : close + 2;
    }
    return i;
  };
  for (std::size_t i = b; i < e;) {
    if (s[i] == '\\') { i += 2; continue; }
    if (const std::size_t past = skip(i); past != i) { i = past; continue; }
    if (s[i] != '$') { ++i; continue; }
    std::size_t close = std::string_view::npos;
    if (i + 1 < e && !space(s[i + 1])) {
      for (std::size_t j = i + 1; j < e;) {
        if (s[j] == '\\') { j += 2; continue; }
        if (const std::size_t past = skip(j); past != j) { j = past; continue; }
        if (s[j] == '$') {  // the first dollar closes, or nothing does (no '$' inside)
          if (!space(s[j - 1]) && !(j + 1 < e && s[j + 1] >= '0' && s[j + 1] <= '9')) close = j;
          break;
        }
        ++j;
      }
    }
    if (close == std::string_view::npos) {
      escapes.push_back(i);
      ++i;
    } else {
      i = close + 1;
    }
  }
}

std::string_view math_source(std::string_view markdown, std::string& storage) {
  if (markdown.find('$') == std::string_view::npos) return markdown;
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
  // The prose dollars of each paragraph (outside fenced code, indented code
  // and the display blocks above), escaped.
  std::vector<std::size_t> escapes;
  {
    const std::string_view text = out;
    std::size_t para = std::string_view::npos;
    bool prev_blank = true;
    std::string_view open_fence;
    for (std::size_t at = 0; at <= text.size();) {
      std::size_t end = text.find('\n', at);
      end = end == std::string_view::npos ? text.size() : end;
      const std::string_view line = text.substr(at, end - at);
      std::string_view t;
      const bool is_block_line = block_line(line, t);
      const bool blank = blank_line(line);
      bool prose = !blank;
      if (!open_fence.empty()) {
        prose = false;
        if (is_block_line && fence_of(t).size() >= open_fence.size() && t[0] == open_fence[0] &&
            t.find_first_not_of(open_fence[0]) == std::string_view::npos)
          open_fence = {};
      } else if (is_block_line && !fence_of(t).empty()) {
        prose = false;
        open_fence = fence_of(t);
      } else if (!is_block_line && prev_blank && para == std::string_view::npos) {
        prose = false;  // indented code
      } else if (is_block_line && t.substr(0, 2) == "$$" && t.find("$$", 2) == std::string_view::npos) {
        // a display block (made one paragraph above): up to its closing line
        std::size_t close = text.find("$$", end);
        std::size_t close_end = close == std::string_view::npos ? text.size() : text.find('\n', close);
        if (close_end == std::string_view::npos) close_end = text.size();
        if (para != std::string_view::npos) escape_prose_dollars(text, para, at, escapes);
        para = std::string_view::npos;
        at = close_end + 1;
        prev_blank = false;
        continue;
      }
      if (prose && para == std::string_view::npos) para = at;
      if (!prose && para != std::string_view::npos) {
        escape_prose_dollars(text, para, at, escapes);
        para = std::string_view::npos;
      }
      prev_blank = blank;
      at = end + 1;
    }
    if (para != std::string_view::npos) escape_prose_dollars(text, para, text.size(), escapes);
  }
  if (!changed && escapes.empty()) return markdown;
  storage.clear();
  storage.reserve(out.size() + escapes.size());
  std::size_t from = 0;
  for (const std::size_t at : escapes) {
    storage.append(out, from, at - from).append("\\");
    from = at;
  }
  storage.append(out, from, std::string::npos);
  return storage;
}

}  // namespace quire
