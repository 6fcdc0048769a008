#include "core/bundle_writer.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/utf8_check.hpp"

namespace quire {

namespace {

using json = nlohmann::json;

std::string nlohmann_dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// A "code" value as the build writes it (code_tokens.hpp's code_json: a
// non-empty array of strings of printable ASCII without quotes or
// backslashes), which nlohmann-json would parse and dump to the same bytes.
bool canonical_code(std::string_view code) {
  if (code.size() < 4 || code.front() != '[' || code.back() != ']') return false;
  size_t i = 1;
  for (;;) {
    if (code[i++] != '"') return false;
    while (i < code.size() && code[i] != '"') {
      const unsigned char c = static_cast<unsigned char>(code[i]);
      if (c < 0x20 || c > 0x7E || c == '\\') return false;
      ++i;
    }
    if (++i >= code.size()) return false;  // past the closing quote
    if (code[i] == ']') return i + 1 == code.size();
    if (code[i++] != ',' || i >= code.size()) return false;
  }
}

void append_code(std::string& out, std::string_view code) {
  if (canonical_code(code)) {
    out += ",\"code\":";
    out += code;
    return;
  }
  const json parsed = json::parse(code, nullptr, false);  // bundle.cpp's add_code
  if (parsed.is_array() && !parsed.empty()) {
    out += ",\"code\":";
    out += nlohmann_dump(parsed);
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  // nlohmann-json's dump checks byte by byte; invalid input takes its own
  // path, with its replacement rules.
  if (!is_utf8(s, kJsonUtf8)) {
    out += nlohmann_dump(json(std::string(s)));
    return;
  }
  static const char hex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  size_t run = 0;  // start of the bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(u, sizeof u);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string write_chunk_json(const std::vector<const Post*>& posts) {
  size_t size = 64;
  for (const Post* p : posts) size += p->body.view().size() + p->code_json.size() + p->slug.view().size() + 64;
  std::string out;
  out.reserve(size + size / 16);
  out += "{\"format\":";
  append_json_string(out, kChunkFormat);
  out += ",\"posts\":[";
  for (size_t i = 0; i < posts.size(); ++i) {
    const Post& p = *posts[i];
    out += i == 0 ? "{\"body\":" : ",{\"body\":";
    append_json_string(out, p.body.view());
    if (!p.code_json.empty()) append_code(out, p.code_json);
    out += ",\"slug\":";
    append_json_string(out, p.slug.view());
    out += '}';
  }
  out += "],\"version\":";
  out += std::to_string(kChunkVersion);
  out += '}';
  return out;
}

}  // namespace quire
