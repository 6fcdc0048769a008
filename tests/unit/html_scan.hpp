// Test helpers shared by the conformance and XSS suites: an HTML tokenizer
// (close to Python's html.parser, which md4c's test/normalize.py uses) and a
// C++ port of normalize.py's normalize_html().
#pragma once

#include "core/html.hpp"
#include <md4c.h>
extern "C" {
#include <entity.h>
}

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::testing {

struct HtmlAttribute {
  std::string name;                  // lowercased
  std::optional<std::string> value;  // entity-decoded; nullopt: no '='
  char quote = 0;                    // '"' or '\'' when the value was quoted
};

struct HtmlToken {
  enum class Kind { text, start_tag, end_tag, comment, declaration, pi, cdata };
  Kind kind = Kind::text;
  std::string name;  // tag name, lowercased
  std::vector<HtmlAttribute> attributes;
  bool self_closing = false;
  std::string text;  // text: raw (entities not decoded); comment/decl/pi: content
};

inline void append_code_point(std::string& out, char32_t cp) { quire::append_utf8(out, cp); }

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A character reference at s[at] ('&'): its length and decoded text, or 0.
// Numeric references "&#123;" / "&#x7B;", named ones from the HTML5 table;
// the ';' may be missing, as browsers (and html.unescape) allow for many.
struct CharRef {
  std::size_t length = 0;
  std::string text;
  bool known = false;  // false: a well-formed name that is not an entity
};

inline CharRef parse_char_ref(std::string_view s, std::size_t at) {
  CharRef ref;
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_begin = i;
    char32_t cp = 0;
    while (i < s.size() && (hex ? is_hex_digit(s[i]) : is_ascii_digit(s[i]))) {
      const char c = s[i];
      const unsigned d = is_ascii_digit(c) ? static_cast<unsigned>(c - '0')
                                           : static_cast<unsigned>((c | 0x20) - 'a' + 10);
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) cp = 0x110000;
      ++i;
    }
    if (i == digits_begin) return ref;
    if (i < s.size() && s[i] == ';') ++i;
    ref.length = i - at;
    ref.known = true;
    append_code_point(ref.text, cp == 0 ? 0xFFFD : cp);
    return ref;
  }
  if (i >= s.size() || !is_ascii_alpha(s[i])) return ref;
  while (i < s.size() && (is_ascii_alpha(s[i]) || is_ascii_digit(s[i]))) ++i;
  const bool semicolon = i < s.size() && s[i] == ';';
  std::string name(s.substr(at, i - at));
  name += ';';
  if (const struct entity* e = entity_lookup(name.data(), static_cast<unsigned>(name.size()))) {
    ref.known = true;
    append_code_point(ref.text, e->codepoints[0]);
    if (e->codepoints[1] != 0) append_code_point(ref.text, e->codepoints[1]);
  }
  if (!ref.known && !semicolon) return ref;
  ref.length = i - at + (semicolon ? 1 : 0);
  return ref;
}

// Decodes every character reference (attribute values, URL checks).
inline std::string decode_char_refs(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      const CharRef ref = parse_char_ref(s, i);
      if (ref.length != 0 && ref.known) {
        out += ref.text;
        i += ref.length;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// Splits HTML into tokens the way a browser's tokenizer does for the markup
// our renderers produce: tags with quoted or unquoted attributes, comments,
// declarations, processing instructions, CDATA, raw text in <script> and
// <style>. A '<' that starts nothing is text.
inline std::vector<HtmlToken> tokenize_html(std::string_view s) {
  std::vector<HtmlToken> tokens;
  std::string text;
  const auto flush_text = [&] {
    if (text.empty()) return;
    HtmlToken t;
    t.text = std::move(text);
    tokens.push_back(std::move(t));
    text.clear();
  };
  const auto push = [&](HtmlToken::Kind kind, std::string content) {
    flush_text();
    HtmlToken t;
    t.kind = kind;
    t.text = std::move(content);
    tokens.push_back(std::move(t));
  };
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<') {
      text += s[i++];
      continue;
    }
    const std::string_view rest = s.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) end = s.size();
      push(HtmlToken::Kind::comment, std::string(s.substr(i + 4, end - i - 4)));
      i = std::min(s.size(), end + 3);
      continue;
    }
    if (rest.substr(0, 9) == "<![CDATA[") {
      std::size_t end = s.find("]]>", i);
      end = end == std::string_view::npos ? s.size() : end + 3;
      push(HtmlToken::Kind::cdata, std::string(s.substr(i, end - i)));
      i = end;
      continue;
    }
    if (rest.size() > 2 && (rest[1] == '!' || rest[1] == '?')) {
      std::size_t end = s.find('>', i);
      if (end == std::string_view::npos) end = s.size();
      push(rest[1] == '!' ? HtmlToken::Kind::declaration : HtmlToken::Kind::pi,
           std::string(s.substr(i + 2, end - i - 2)));
      i = std::min(s.size(), end + 1);
      continue;
    }
    const bool end_tag = rest.size() > 2 && rest[1] == '/' && is_ascii_alpha(rest[2]);
    if (!end_tag && !(rest.size() > 1 && is_ascii_alpha(rest[1]))) {
      text += s[i++];
      continue;
    }
    // A tag: name, then attributes until '>'.
    std::size_t j = i + (end_tag ? 2 : 1);
    const std::size_t name_begin = j;
    while (j < s.size() && !is_html_space(s[j]) && s[j] != '/' && s[j] != '>') ++j;
    HtmlToken tag;
    tag.kind = end_tag ? HtmlToken::Kind::end_tag : HtmlToken::Kind::start_tag;
    tag.name = ascii_lowercase(s.substr(name_begin, j - name_begin));
    for (;;) {
      while (j < s.size() && (is_html_space(s[j]) || s[j] == '/')) {
        if (s[j] == '/' && j + 1 < s.size() && s[j + 1] == '>') tag.self_closing = true;
        ++j;
      }
      if (j >= s.size() || s[j] == '>') break;
      const std::size_t an = j++;
      while (j < s.size() && !is_html_space(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=') ++j;
      HtmlAttribute attr;
      attr.name = ascii_lowercase(s.substr(an, j - an));
      std::size_t k = j;
      while (k < s.size() && is_html_space(s[k])) ++k;
      if (k < s.size() && s[k] == '=') {
        ++k;
        while (k < s.size() && is_html_space(s[k])) ++k;
        std::string_view raw;
        if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
          const char quote = s[k];
          attr.quote = quote;
          std::size_t close = s.find(quote, k + 1);
          if (close == std::string_view::npos) close = s.size();
          raw = s.substr(k + 1, close - k - 1);
          j = std::min(s.size(), close + 1);
        } else {
          std::size_t e = k;
          while (e < s.size() && !is_html_space(s[e]) && s[e] != '>') ++e;
          raw = s.substr(k, e - k);
          j = e;
        }
        attr.value = decode_char_refs(raw);
      }
      tag.attributes.push_back(std::move(attr));
    }
    flush_text();
    i = std::min(s.size(), j + 1);
    const bool raw_text = !end_tag && (tag.name == "script" || tag.name == "style");
    const std::string name = tag.name;
    tokens.push_back(std::move(tag));
    if (raw_text) {  // content up to "</script" is text, whatever it holds
      std::size_t close = i;
      for (; close < s.size(); ++close)
        if (s[close] == '<' && close + 1 < s.size() && s[close + 1] == '/' &&
            ascii_lowercase(s.substr(close + 2, name.size())) == name)
          break;
      text.append(s.substr(i, close - i));
      i = close;
    }
  }
  flush_text();
  return tokens;
}

inline const HtmlAttribute* find_attribute(const HtmlToken& t, std::string_view name) {
  for (const HtmlAttribute& a : t.attributes)
    if (a.name == name) return &a;
  return nullptr;
}

inline bool has_class(const HtmlToken& t, std::string_view cls) {
  const HtmlAttribute* a = find_attribute(t, "class");
  if (a == nullptr || !a->value) return false;
  std::string_view v = *a->value;
  while (!v.empty()) {
    const std::size_t sp = v.find(' ');
    if (v.substr(0, sp) == cls) return true;
    if (sp == std::string_view::npos) break;
    v.remove_prefix(sp + 1);
  }
  return false;
}

// ------------------------------------------------------------------ normalize.py

// Python's str.isspace() for the code points that matter: ASCII whitespace,
// U+001C..U+001F, U+0085, U+00A0 and the Unicode space separators.
inline std::size_t unicode_space_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return 1;
  const std::string_view r = s.substr(i);
  for (std::string_view sp : {"\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\xA8", "\xE2\x80\xA9",
                              "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80"})
    if (r.substr(0, sp.size()) == sp) return sp.size();
  if (r.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(r[1]) == 0x80 &&
      static_cast<unsigned char>(r[2]) >= 0x80 && static_cast<unsigned char>(r[2]) <= 0x8A)
    return 3;  // U+2000..U+200A
  return 0;
}

inline std::string collapse_space(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = unicode_space_length(s, i);
    if (n == 0) {
      out += s[i++];
      continue;
    }
    while (i < s.size() && (n = unicode_space_length(s, i)) != 0) i += n;
    out += ' ';
  }
  return out;
}

inline std::string lstrip(std::string_view s) {
  std::size_t i = 0;
  std::size_t n = 0;
  while (i < s.size() && (n = unicode_space_length(s, i)) != 0) i += n;
  return std::string(s.substr(i));
}

inline void rstrip(std::string& s) {
  // Only ASCII and the two-byte spaces can end the output after collapsing.
  for (;;) {
    if (!s.empty() && unicode_space_length(s, s.size() - 1) == 1) {
      s.pop_back();
    } else if (s.size() >= 2 && unicode_space_length(s, s.size() - 2) == 2) {
      s.resize(s.size() - 2);
    } else if (s.size() >= 3 && unicode_space_length(s, s.size() - 3) == 3) {
      s.resize(s.size() - 3);
    } else {
      return;
    }
  }
}

inline bool is_block_tag(std::string_view tag) {
  static constexpr std::string_view kBlock[] = {
      "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
      "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
      "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
      "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
      "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style"};
  return std::find(std::begin(kBlock), std::end(kBlock), tag) != std::end(kBlock);
}

// html.escape(v, quote=True)
inline std::string python_escape(std::string_view v) {
  std::string out;
  for (const char c : v) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#x27;"; break;
      default: out += c; break;
    }
  }
  return out;
}

inline bool is_heading_tag(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

struct NormalizeOptions {
  // Ignore what our renderer adds to CommonMark's markup, so that its output
  // compares with the spec's and md4c-html's: heading ids and permalinks
  // (<a class="heading-anchor">), footnote references and the footnote
  // section, the loading/decoding attributes of images, tabindex on pre and
  // table, and the aria-label of task-list checkboxes.
  bool ignore_quire_additions = false;
};

// normalize.py's normalize_html(): whitespace collapsed outside <pre>,
// whitespace around block tags removed, attributes sorted and their values
// re-escaped, character references decoded except < > & ".
inline std::string normalize_html(std::string_view html, NormalizeOptions options = {}) {
  enum class Last { starttag, endtag, data, ref, comment, decl, pi };
  std::string output;
  Last last = Last::starttag;
  std::string last_tag;
  bool in_pre = false;

  const auto handle_data = [&](std::string data) {
    const bool after_tag = last == Last::endtag || last == Last::starttag;
    const bool after_block_tag = after_tag && is_block_tag(last_tag);
    if (after_tag && last_tag == "br") {
      const std::size_t nl = data.find_first_not_of('\n');
      data.erase(0, nl == std::string::npos ? data.size() : nl);
    }
    if (!in_pre) data = collapse_space(data);
    if (after_block_tag && !in_pre) {
      if (last == Last::starttag) {
        data = lstrip(data);
      } else {
        data = lstrip(data);
        rstrip(data);
      }
    }
    output += data;
    last = Last::data;
  };
  const auto handle_ref = [&](const CharRef& ref, std::string_view raw) {
    if (!ref.known) {
      output.append(raw);
      if (raw.back() != ';') output += ';';
    } else if (ref.text == "<") {
      output += "&lt;";
    } else if (ref.text == ">") {
      output += "&gt;";
    } else if (ref.text == "&") {
      output += "&amp;";
    } else if (ref.text == "\"") {
      output += "&quot;";
    } else {
      output += ref.text;
    }
    last = Last::ref;
  };
  const auto handle_starttag = [&](const HtmlToken& t) {
    if (t.name == "pre") in_pre = true;
    if (is_block_tag(t.name)) rstrip(output);
    output += "<" + t.name;
    std::vector<std::pair<std::string, std::optional<std::string>>> attrs;
    for (const HtmlAttribute& a : t.attributes) {
      if (options.ignore_quire_additions) {
        if (is_heading_tag(t.name) && a.name == "id") continue;
        if (t.name == "img" && (a.name == "loading" || a.name == "decoding")) continue;
        if ((t.name == "pre" || t.name == "table") && a.name == "tabindex") continue;
        if (t.name == "input" && a.name == "aria-label") continue;
      }
      attrs.emplace_back(a.name, a.value);
    }
    std::sort(attrs.begin(), attrs.end());
    for (const auto& [k, v] : attrs) {
      output += " " + k;
      if (v) output += "=\"" + python_escape(*v) + "\"";
    }
    output += ">";
    last_tag = t.name;
    last = Last::starttag;
  };

  // Our additions are cut out first, and the text around them joined, as
  // if they had never been there.
  std::vector<HtmlToken> tokens;
  std::string skip_tag;  // an addition being skipped, with its nesting depth
  int skip_depth = 0;
  for (HtmlToken& t : tokenize_html(html)) {
    if (skip_depth > 0) {
      if (t.kind == HtmlToken::Kind::start_tag && t.name == skip_tag && !t.self_closing) ++skip_depth;
      if (t.kind == HtmlToken::Kind::end_tag && t.name == skip_tag) --skip_depth;
      continue;
    }
    if (options.ignore_quire_additions && t.kind == HtmlToken::Kind::start_tag &&
        ((t.name == "a" && has_class(t, "heading-anchor")) ||
         (t.name == "sup" && has_class(t, "footnote-ref")) ||
         (t.name == "section" && has_class(t, "footnotes")))) {
      skip_tag = t.name;
      skip_depth = 1;
      continue;
    }
    if (t.kind == HtmlToken::Kind::text && !tokens.empty() &&
        tokens.back().kind == HtmlToken::Kind::text) {
      tokens.back().text += t.text;
      continue;
    }
    tokens.push_back(std::move(t));
  }
  for (const HtmlToken& t : tokens) {
    switch (t.kind) {
      case HtmlToken::Kind::text: {
        // Data and character references alternate, as html.parser reports them.
        std::string data;
        for (std::size_t i = 0; i < t.text.size();) {
          if (t.text[i] == '&') {
            const CharRef ref = parse_char_ref(t.text, i);
            if (ref.length != 0) {
              if (!data.empty()) handle_data(std::move(data));
              data.clear();
              handle_ref(ref, std::string_view(t.text).substr(i, ref.length));
              i += ref.length;
              continue;
            }
          }
          data += t.text[i++];
        }
        if (!data.empty()) handle_data(std::move(data));
        break;
      }
      case HtmlToken::Kind::start_tag:
        handle_starttag(t);
        if (t.self_closing) {
          last_tag = t.name;
          last = Last::endtag;
        }
        break;
      case HtmlToken::Kind::end_tag:
        if (t.name == "pre") in_pre = false;
        else if (is_block_tag(t.name)) rstrip(output);
        output += "</" + t.name + ">";
        last_tag = t.name;
        last = Last::endtag;
        break;
      case HtmlToken::Kind::comment:
        output += "<!--" + t.text + "-->";
        last = Last::comment;
        break;
      case HtmlToken::Kind::declaration:
        output += "<!" + t.text + ">";
        last = Last::decl;
        break;
      case HtmlToken::Kind::pi:
        output += "<?" + t.text + ">";
        last = Last::pi;
        break;
      case HtmlToken::Kind::cdata:
        output += t.text;
        break;
    }
  }
  return output;
}

}  // namespace quire::testing
