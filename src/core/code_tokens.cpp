// Token runs: encoding, validation and replay (contract in code_tokens.hpp).
#include "core/code_tokens.hpp"

#include "core/html.hpp"

namespace quire {

namespace {

constexpr EscapeTable kCodeEscape{false};  // as the markdown renderer escapes code

void append_escaped_code(OutputBuffer& out, std::string_view s) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char slot = kCodeEscape.slot[static_cast<unsigned char>(s[i])];
    if (slot == 0) continue;
    out.append(s.data() + run, i - run);
    out.append(kHtmlEntities[slot]);
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

bool is_token_class(char c) { return kTokenClasses.find(c) != std::string_view::npos; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_run_char(char c) { return c == kPlainRun || is_digit(c) || is_token_class(c); }
// A UTF-8 continuation byte: a run may not begin or end before one.
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string encode_runs(std::string_view byte_classes) {
  // The last token's end: plain text after it is implied.
  std::size_t end = byte_classes.size();
  auto plain = [&](std::size_t i) { return byte_classes[i] == 0 || byte_classes[i] == kPlainRun; };
  while (end > 0 && plain(end - 1)) --end;
  std::string out;
  for (std::size_t i = 0; i < end;) {
    const char cls = plain(i) ? kPlainRun : byte_classes[i];
    std::size_t j = i + 1;
    while (j < end && (plain(j) ? kPlainRun : byte_classes[j]) == cls) ++j;
    out += cls;
    out += std::to_string(j - i);
    i = j;
  }
  return out;
}

bool decode_runs(std::string_view runs, std::string_view text, std::vector<TokenRun>& out) {
  const std::size_t first = out.size();
  std::size_t at = 0, i = 0;
  while (i < runs.size()) {
    const char cls = runs[i++];
    if (cls != kPlainRun && !is_token_class(cls)) break;
    std::size_t length = 0, digits = 0;
    while (i < runs.size() && is_digit(runs[i]) && digits < 10) {
      length = length * 10 + static_cast<std::size_t>(runs[i++] - '0');
      ++digits;
    }
    if (digits == 0 || digits > 9 || length == 0 || length > text.size() - at) break;
    const std::size_t end = at + length;
    if (end < text.size() && is_continuation(text[end])) break;
    if (cls != kPlainRun) out.push_back(TokenRun{at, end, cls});
    at = end;
    if (i == runs.size()) return true;
  }
  if (runs.empty()) return true;
  out.resize(first);
  return false;
}

std::string code_json(const std::vector<std::string>& blocks) {
  std::string out = "[";
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : blocks[i])
      if (is_run_char(c)) out += c;  // runs never hold anything else
    out += '"';
  }
  out += ']';
  return out;
}

bool parse_code_json(std::string_view json, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) ++i;
  };
  skip_space();
  if (i == json.size() || json[i++] != '[') return false;
  skip_space();
  if (i < json.size() && json[i] == ']') {
    ++i;
    skip_space();
    return i == json.size();
  }
  while (i < json.size()) {
    if (json[i++] != '"') break;
    const std::size_t start = i;
    while (i < json.size() && is_run_char(json[i])) ++i;
    if (i == json.size() || json[i] != '"') break;
    out.push_back(json.substr(start, i - start));
    ++i;
    skip_space();
    if (i == json.size()) break;
    const char c = json[i++];
    skip_space();
    if (c == ']') {
      if (i == json.size()) return true;
      break;
    }
    if (c != ',') break;
  }
  out.clear();
  return false;
}

bool CodeBlockOptions::is_highlighted(unsigned line) const {
  for (const auto& [first, last] : highlighted)
    if (line >= first && line <= last) return true;
  return false;
}

namespace {

constexpr unsigned kMaxLine = 1000000;

// "2,4-6", "2 4-6", "[2,\"4-6\"]": the ranges, in any of Hugo's spellings.
void parse_ranges(std::string_view s, std::vector<std::pair<unsigned, unsigned>>& out) {
  std::size_t i = 0;
  auto number = [&](unsigned& n) {
    std::size_t digits = 0;
    n = 0;
    while (i < s.size() && is_digit(s[i]) && digits < 7) n = n * 10 + static_cast<unsigned>(s[i++] - '0'), ++digits;
    return digits > 0 && n >= 1 && n <= kMaxLine;
  };
  while (i < s.size()) {
    if (!is_digit(s[i])) { ++i; continue; }
    unsigned first = 0, last = 0;
    if (!number(first)) { while (i < s.size() && is_digit(s[i])) ++i; continue; }
    last = first;
    if (i + 1 < s.size() && s[i] == '-' && is_digit(s[i + 1])) {
      ++i;
      if (!number(last)) last = 0;
    }
    if (last >= first && out.size() < 1000) out.emplace_back(first, last);
  }
}

void append_line_open(OutputBuffer& out, const CodeBlockOptions& options, unsigned line) {
  out += options.is_highlighted(line) ? "<span class=\"line hl\">" : "<span class=\"line\">";
}

}  // namespace

CodeBlockOptions parse_code_info(std::string_view info) {
  CodeBlockOptions o;
  const std::size_t open = info.find('{');
  const std::size_t close = info.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return o;
  const std::string_view inside = info.substr(open + 1, close - open - 1);
  if (inside.find('=') == std::string_view::npos) {
    parse_ranges(inside, o.highlighted);
    return o;
  }
  std::size_t i = 0;
  while (i < inside.size()) {
    while (i < inside.size() && (inside[i] == ' ' || inside[i] == ',' || inside[i] == '\t')) ++i;
    const std::size_t key_start = i;
    while (i < inside.size() && inside[i] != '=' && inside[i] != ' ' && inside[i] != ',') ++i;
    const std::string_view key = inside.substr(key_start, i - key_start);
    if (i >= inside.size() || inside[i] != '=') { ++i; continue; }
    ++i;
    std::size_t value_start = i, value_end;
    if (i < inside.size() && (inside[i] == '[' || inside[i] == '"')) {
      const char end = inside[i] == '[' ? ']' : '"';
      value_start = ++i;
      while (i < inside.size() && inside[i] != end) ++i;
      value_end = i;
      if (i < inside.size()) ++i;
    } else {
      while (i < inside.size() && inside[i] != ',' && inside[i] != ' ') ++i;
      value_end = i;
    }
    const std::string_view value = inside.substr(value_start, value_end - value_start);
    if (key == "hl_lines") parse_ranges(value, o.highlighted);
    else if (key == "linenos") o.line_numbers = value == "true" || value == "inline" || value == "table";
  }
  return o;
}

void append_pre_attributes(OutputBuffer& out, const CodeBlockOptions& options) {
  if (options.line_numbers) out += " class=\"linenos\"";
}

void append_highlighted(OutputBuffer& out, std::string_view text, std::string_view runs,
                        const CodeBlockOptions& options) {
  std::vector<TokenRun> tokens;
  if (!runs.empty() && !decode_runs(runs, text, tokens)) tokens.clear();
  if (options.by_line()) {
    // Pieces (a token or the plain text between) split at line ends.
    unsigned line = 1;
    if (!text.empty()) append_line_open(out, options, line);
    auto piece = [&](std::size_t begin, std::size_t end, char cls) {
      while (begin < end) {
        const std::size_t nl = text.find('\n', begin);
        const std::size_t stop = nl == std::string_view::npos || nl >= end ? end : nl;
        if (stop > begin) {
          if (cls) out += "<span class=\"tok-", out += cls, out += "\">";
          append_escaped_code(out, text.substr(begin, stop - begin));
          if (cls) out += "</span>";
        }
        begin = stop;
        if (begin < end) {  // at a '\n': it ends the line
          out += "\n</span>";
          ++begin;
          if (begin < text.size()) append_line_open(out, options, ++line);
        }
      }
    };
    std::size_t at = 0;
    for (const TokenRun& t : tokens) {
      piece(at, t.begin, 0);
      piece(t.begin, t.end, t.cls);
      at = t.end;
    }
    piece(at, text.size(), 0);
    if (!text.empty() && text.back() != '\n') out += "</span>";
    return;
  }
  if (tokens.empty()) return append_escaped_code(out, text);
  std::size_t at = 0;
  for (const TokenRun& t : tokens) {
    append_escaped_code(out, text.substr(at, t.begin - at));
    out += "<span class=\"tok-";
    out += t.cls;
    out += "\">";
    append_escaped_code(out, text.substr(t.begin, t.end - t.begin));
    out += "</span>";
    at = t.end;
  }
  append_escaped_code(out, text.substr(at));
}

TokenReplay::TokenReplay(std::string_view code_json) {
  if (!code_json.empty()) parse_code_json(code_json, runs_);
}

void TokenReplay::write(std::size_t index, const CodeBlock& block, OutputBuffer& out) {
  append_highlighted(out, block.text, index < runs_.size() ? runs_[index] : std::string_view(),
                     parse_code_info(block.info));
}

}  // namespace quire
