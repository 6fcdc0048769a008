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

void append_highlighted(OutputBuffer& out, std::string_view text, std::string_view runs) {
  std::vector<TokenRun> tokens;
  if (runs.empty() || !decode_runs(runs, text, tokens)) return append_escaped_code(out, text);
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
  append_highlighted(out, block.text, index < runs_.size() ? runs_[index] : std::string_view());
}

}  // namespace quire
