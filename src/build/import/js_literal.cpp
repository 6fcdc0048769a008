// JavaScript literals read as data (js_literal.hpp).
#include "build/import/js_literal.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/html.hpp"  // append_utf8

namespace quire::import {

namespace {

using ojson = nlohmann::ordered_json;
using quire::append_utf8;

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }


class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::string error;
  size_t error_at = 0;

  int line_of(size_t at) const {
    return 1 + static_cast<int>(std::count(s_.begin(), s_.begin() + static_cast<std::ptrdiff_t>(std::min(at, s_.size())), '\n'));
  }
  bool at_end() {
    space();
    return i_ >= s_.size();
  }
  size_t pos() const { return i_; }
  void seek(size_t at) { i_ = std::min(at, s_.size()); }

  // Spaces, line breaks and comments.
  void space() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (s_.compare(i_, 2, "//") == 0) {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (s_.compare(i_, 2, "/*") == 0) {
        const size_t e = s_.find("*/", i_ + 2);
        i_ = e == std::string_view::npos ? s_.size() : e + 2;
      } else {
        break;
      }
    }
  }
  bool eat(char c) {
    space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool word(std::string_view w) {
    space();
    if (s_.compare(i_, w.size(), w) != 0) return false;
    if (i_ + w.size() < s_.size() && ident_char(s_[i_ + w.size()])) return false;
    i_ += w.size();
    return true;
  }
  std::string identifier() {
    space();
    size_t b = i_;
    if (i_ < s_.size() && ident_start(s_[i_]))
      while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
    return std::string(s_.substr(b, i_ - b));
  }

  // A value: a literal, or a computed one (skipped up to the next `,`,
  // `}`, `]`, `)` or `;` outside brackets). False only at the end of the
  // text or on an unclosed string/bracket. `undefined` is set to nullptr
  // with `*undefined` true.
  bool value(ojson& out, bool* undefined = nullptr) {
    space();
    const size_t start = i_;
    if (i_ >= s_.size()) return fail("expected a value");
    if (literal(out, undefined)) {
      const size_t end = i_;
      space();
      // ends here: at a separator, or at a line break (no `;` needed)
      if (i_ >= s_.size() || std::string_view(",}]);").find(s_[i_]) != std::string_view::npos ||
          s_.substr(end, i_ - end).find('\n') != std::string_view::npos)
        return true;
    }
    if (!error.empty()) return false;
    i_ = start;
    if (!skip_expression()) return false;
    std::string text(s_.substr(start, i_ - start));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
      text.pop_back();
    if (undefined) *undefined = false;
    if (env_fallback(start, start + text.size(), out)) return true;
    out = ojson{{"computed", text}};
    return true;
  }

  // `process.env.NAME || <literal>` (or `??`) over [from, to): the literal,
  // what the old engine gave where the variable is unset, as in a local
  // build (cyberweekly's `url = process.env.URL || 'https://...'`). The
  // reader's place is kept.
  bool env_fallback(size_t from, size_t to, ojson& out) {
    const std::string_view env = "process.env.";
    if (s_.compare(from, env.size(), env) != 0) return false;
    const size_t after = i_;
    const std::string saved = error;
    i_ = from + env.size();
    bool ok = !identifier().empty();
    space();
    ok = ok && i_ + 2 <= to && (s_.compare(i_, 2, "||") == 0 || s_.compare(i_, 2, "??") == 0);
    ojson fallback;
    if (ok) {
      i_ += 2;
      space();
      ok = i_ < to && literal(fallback, nullptr) && i_ == to && !fallback.is_null();
    }
    i_ = after;
    error = saved;
    if (ok) out = std::move(fallback);
    return ok;
  }

  // `{ key: value, ... }` into out (an object). The reader is at `{`.
  bool object(ojson& out) {
    out = ojson::object();
    if (!eat('{')) return fail("expected {");
    for (;;) {
      if (eat('}')) return true;
      space();
      if (i_ >= s_.size()) return fail("an object not closed with }");
      const size_t key_at = i_;
      std::string key;
      if (s_.compare(i_, 3, "...") == 0) {  // a spread: computed, no key
        if (!skip_expression()) return false;
        if (!eat(',') && !(space(), i_ < s_.size() && s_[i_] == '}')) return fail("expected , or } in an object");
        continue;
      }
      if (s_[i_] == '"' || s_[i_] == '\'') {
        if (!string(key)) return false;
      } else if (s_[i_] >= '0' && s_[i_] <= '9') {
        while (i_ < s_.size() && (ident_char(s_[i_]) || s_[i_] == '.')) key += s_[i_++];
      } else {
        key = identifier();
        // async/get/set before a method's name
        if ((key == "async" || key == "get" || key == "set") && (space(), i_ < s_.size() && ident_start(s_[i_])))
          key = identifier();
      }
      if (key.empty()) {
        // [computed]: name: skip the key and its value
        if (i_ < s_.size() && s_[i_] == '[') {
          if (!skip_expression()) return false;
          if (!eat(',') && !(space(), i_ < s_.size() && s_[i_] == '}')) return fail("expected , or } in an object");
          continue;
        }
        return fail("expected a key in an object");
      }
      space();
      if (i_ < s_.size() && s_[i_] == '(') {  // a method: name(...) { ... }
        const size_t from = key_at;
        if (!skip_expression()) return false;
        out[key] = ojson{{"computed", std::string(s_.substr(from, i_ - from))}};
      } else if (eat(':')) {
        ojson v;
        bool undefined = false;
        if (!value(v, &undefined)) return false;
        if (!undefined) out[key] = std::move(v);
      } else if (i_ < s_.size() && (s_[i_] == ',' || s_[i_] == '}')) {  // shorthand { name }: a variable
        out[key] = ojson{{"computed", key}};
      } else {
        return fail("expected : after the key \"" + key + "\"");
      }
      if (eat(',')) continue;
      if (eat('}')) return true;
      return fail("expected , or } in an object");
    }
  }

  // Skips to the end of a statement: `;` or a line break outside brackets.
  bool skip_statement() {
    int depth = 0;
    return walk_code([&](char c) {
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}') --depth;
      return depth <= 0 && (c == ';' || c == '\n') ? Step::stop_after : Step::go_on;
    }) != Walk::failed;
  }

  bool fail(std::string m) {
    if (error.empty()) {
      error = std::move(m);
      error_at = i_;
    }
    return false;
  }

 private:
  bool literal(ojson& out, bool* undefined) {
    const char c = s_[i_];
    if (c == '"' || c == '\'') {
      std::string t;
      if (!string(t)) return false;
      out = t;
      return true;
    }
    if (c == '`') {
      const size_t b = i_;
      std::string t;
      ++i_;
      while (i_ < s_.size() && s_[i_] != '`') {
        if (s_.compare(i_, 2, "${") == 0) {
          i_ = b;
          return false;  // computed
        }
        if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
          if (!escape(t)) return false;
          continue;
        }
        t += s_[i_++];
      }
      if (i_ >= s_.size()) return fail("a template string not closed with `");
      ++i_;
      out = t;
      return true;
    }
    if (c == '[') {
      ++i_;
      out = ojson::array();
      for (;;) {
        if (eat(']')) return true;
        ojson v;
        bool undef = false;
        if (!value(v, &undef)) return error.empty() ? fail("an array not closed with ]") : false;
        out.push_back(undef ? ojson(nullptr) : std::move(v));
        if (eat(',')) continue;
        if (eat(']')) return true;
        return fail("expected , or ] in an array");
      }
    }
    if (c == '{') return object(out);
    if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) return number(out);
    if (word("true")) return out = true, true;
    if (word("false")) return out = false, true;
    if (word("null")) return out = nullptr, true;
    if (word("undefined")) {
      if (undefined) *undefined = true;
      out = nullptr;
      return true;
    }
    if (word("new")) {  // new Date("2023-01-23"): the string it is made from
      const size_t b = i_;
      std::string t;
      if (word("Date") && eat('(') && (space(), i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) && string(t) &&
          eat(')')) {
        out = t;
        return true;
      }
      i_ = b;
      return false;
    }
    return false;
  }

  bool number(ojson& out) {
    const size_t b = i_;
    if (s_[i_] == '-' || s_[i_] == '+') ++i_;
    bool digits = false, fraction = false;
    while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '_')) ++i_, digits = true;
    if (i_ < s_.size() && s_[i_] == '.') {
      fraction = true;
      ++i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_, digits = true;
    }
    if (digits && i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      fraction = true;
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '-' || s_[i_] == '+')) ++i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    }
    if (!digits || (i_ < s_.size() && ident_char(s_[i_]))) {
      i_ = b;
      return false;
    }
    std::string t;
    for (size_t k = b; k < i_; ++k)
      if (s_[k] != '_' && s_[k] != '+') t += s_[k];
    try {
      if (!fraction && t.size() < 18) out = std::stoll(t);
      else out = std::stod(t);
    } catch (...) {
      i_ = b;
      return false;
    }
    return true;
  }

  bool string(std::string& out) {
    const char q = s_[i_++];
    while (i_ < s_.size() && s_[i_] != q) {
      if (s_[i_] == '\n') return fail("a string not closed on its line");
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        if (!escape(out)) return false;
        continue;
      }
      out += s_[i_++];
    }
    if (i_ >= s_.size()) return fail("a string not closed");
    ++i_;
    return true;
  }

  bool hex(size_t at, size_t n, uint32_t& v) {
    if (at + n > s_.size()) return false;
    v = 0;
    for (size_t k = at; k < at + n; ++k) {
      const char c = s_[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }

  bool escape(std::string& out) {
    const char e = s_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 'n': out += '\n'; return true;
      case 't': out += '\t'; return true;
      case 'r': out += '\r'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'v': out += '\v'; return true;
      case '0': out += ' '; return true;  // no NUL in Quire's text
      case '\n': return true;              // a line continuation
      case 'x': {
        uint32_t v;
        if (!hex(i_, 2, v)) return fail("a bad \\x escape");
        i_ += 2;
        append_utf8(out, v);
        return true;
      }
      case 'u': {
        uint32_t v;
        if (i_ < s_.size() && s_[i_] == '{') {
          const size_t close = s_.find('}', i_);
          if (close == std::string_view::npos || close - i_ - 1 > 6 || !hex(i_ + 1, close - i_ - 1, v) || v > 0x10FFFF)
            return fail("a bad \\u{} escape");
          i_ = close + 1;
        } else {
          if (!hex(i_, 4, v)) return fail("a bad \\u escape");
          i_ += 4;
          uint32_t lo;
          if (v >= 0xD800 && v < 0xDC00 && s_.compare(i_, 2, "\\u") == 0 && hex(i_ + 2, 4, lo) && lo >= 0xDC00 &&
              lo < 0xE000) {
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            i_ += 6;
          }
        }
        if (v >= 0xD800 && v < 0xE000) v = 0xFFFD;
        append_utf8(out, v);
        return true;
      }
      default: out += e; return true;
    }
  }

  bool skip_string() {
    const char q = s_[i_++];
    while (i_ < s_.size() && s_[i_] != q) {
      if (s_[i_] == '\\') ++i_;
      else if (q == '`' && s_.compare(i_, 2, "${") == 0) {
        i_ += 2;
        int depth = 1;
        while (i_ < s_.size() && depth > 0) {
          if (s_[i_] == '"' || s_[i_] == '\'' || s_[i_] == '`') {
            if (!skip_string()) return false;
            continue;
          }
          if (s_[i_] == '{') ++depth;
          else if (s_[i_] == '}') --depth;
          ++i_;
        }
        continue;
      }
      ++i_;
    }
    if (i_ >= s_.size()) return fail("a string not closed");
    ++i_;
    return true;
  }

  // An expression up to `,` `}` `]` `)` `;` outside brackets (a line break
  // ends it too when what follows starts a declaration).
  bool skip_expression() {
    int depth = 0;
    const size_t start = i_;
    const Walk walked = walk_code([&](char c) {
      if (depth == 0 && i_ > start && std::string_view(",}]);").find(c) != std::string_view::npos) return Step::stop_here;
      if (depth == 0 && c == '\n') {
        size_t k = i_;
        while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t' || s_[k] == '\n' || s_[k] == '\r')) ++k;
        for (std::string_view w : {"const ", "let ", "var ", "export ", "function ", "import "})
          if (s_.compare(k, w.size(), w) == 0) return Step::stop_here;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) return Step::stop_here;
        --depth;
      }
      return Step::go_on;
    });
    if (walked == Walk::failed) return false;
    if (walked == Walk::ended && depth > 0) return fail("brackets not closed");
    return true;
  }

  // What walk_code's `step` says of a character: go on, or stop before it
  // (i_ at it) or after it.
  enum class Step { go_on, stop_here, stop_after };
  // How a walk ended: a step said stop, the text ended, or a string was
  // not closed (error says so).
  enum class Walk { stopped, ended, failed };

  // Walks the code from i_, stepping over strings and comments whole (the
  // one place skip_statement and skip_expression do it); `step` sees every
  // other character, with i_ at it.
  template <typename StepFn>
  Walk walk_code(StepFn&& step) {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '"' || c == '\'' || c == '`') {
        if (!skip_string()) return Walk::failed;
        continue;
      }
      if (s_.compare(i_, 2, "//") == 0 || s_.compare(i_, 2, "/*") == 0) {
        space();
        continue;
      }
      const Step next = step(c);
      if (next == Step::stop_here) return Walk::stopped;
      ++i_;
      if (next == Step::stop_after) return Walk::stopped;
    }
    return Walk::ended;
  }

  std::string_view s_;
  size_t i_ = 0;
};

bool finish(const Reader& r, int& error_line, std::string& error) {
  error = "JavaScript: " + r.error;
  error_line = r.line_of(r.error_at);
  return false;
}

}  // namespace

bool js_computed(const ojson& v) { return v.is_object() && v.size() == 1 && v.contains("computed"); }

namespace {

// Where a string, template or regular expression literal that opens at
// `i` ends (after its closing quote, or at the line's end or the text's
// end when it is not closed).
size_t literal_end(std::string_view s, size_t i) {
  const char quote = s[i];
  bool in_class = false;  // a regular expression's [...]
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (quote == '`' && c == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      // ${ expression }: its own strings, templates and braces.
      int depth = 0;
      for (i += 1; i < s.size(); ++i) {
        const char e = s[i];
        if (e == '"' || e == '\'' || e == '`') {
          i = literal_end(s, i) - 1;
        } else if (e == '{') {
          ++depth;
        } else if (e == '}' && --depth == 0) {
          break;
        }
      }
      continue;
    }
    if (quote != '`' && c == '\n') return i;  // not closed on its line
    if (quote == '/') {
      if (c == '[') in_class = true;
      else if (c == ']') in_class = false;
      else if (c == '/' && !in_class) return i + 1;
      continue;
    }
    if (c == quote) return i + 1;
  }
  return s.size();
}

// Whether a '/' at `i` opens a regular expression rather than dividing:
// what comes before it (the last character that is not a space) cannot
// end a value.
bool opens_regex(std::string_view s, size_t i) {
  size_t j = i;
  while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\n' || s[j - 1] == '\r')) --j;
  if (j == 0) return true;
  const char p = s[j - 1];
  if (std::string_view("(,=:[!&|?{};+-*%<>~^").find(p) != std::string_view::npos) return true;
  for (std::string_view word : {"return", "typeof", "case", "of", "in"})
    if (j >= word.size() && s.substr(j - word.size(), word.size()) == word &&
        (j == word.size() || !(std::isalnum(static_cast<unsigned char>(s[j - word.size() - 1])) ||
                               s[j - word.size() - 1] == '_' || s[j - word.size() - 1] == '$')))
      return true;
  return false;
}

}  // namespace

std::string js_without_comments(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') out += ' ', ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const size_t close = s.find("*/", i + 2);
      const size_t end = close == std::string_view::npos ? s.size() : close + 2;
      for (; i < end; ++i) out += s[i] == '\n' ? '\n' : ' ';
    } else if (c == '"' || c == '\'' || c == '`' || (c == '/' && opens_regex(s, i))) {
      const size_t end = literal_end(s, i);
      out.append(s.substr(i, end - i));
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

bool parse_js_front(std::string_view text, ojson& out, std::string& error, int& error_line) {
  out = ojson::object();
  Reader r(text);
  r.space();
  if (r.eat('{')) {  // Eleventy 2's form: one object literal
    Reader o(text);
    o.space();
    if (!o.object(out)) return finish(o, error_line, error);
    return o.at_end() || o.eat(';') ? true : (o.fail("text after the object"), finish(o, error_line, error));
  }
  while (!r.at_end()) {
    r.word("export");
    if (r.word("const") || r.word("let") || r.word("var")) {
      for (;;) {
        const std::string name = r.identifier();
        if (name.empty()) {  // destructuring and the like: skipped
          r.skip_statement();
          break;
        }
        if (r.eat('=')) {
          ojson v;
          bool undefined = false;
          if (!r.value(v, &undefined)) return finish(r, error_line, error);
          if (!undefined) out[name] = std::move(v);
        }
        if (!r.eat(',')) break;
      }
      r.eat(';');
      continue;
    }
    const size_t before = r.pos();
    if (!r.skip_statement()) return finish(r, error_line, error);  // other statements: functions, imports
    if (r.pos() == before) break;
  }
  return true;
}

namespace {
// A function returning an object literal as its first statement, which
// Eleventy calls for the data (si/11ty's `module.exports = () => { return
// { eleventyComputed: ... } }`): `() => ({...})`, `() => { return {...} }`,
// `function () { return {...} }`, async or not. Where the object opens in
// `s`, or npos for another function or value.
size_t returned_object(std::string_view s) {
  Reader r(s);
  r.word("async");
  const bool fn = r.word("function");
  if (fn) r.identifier();
  if (r.eat('(')) {
    const size_t close = s.find(')', r.pos());  // (the parameters are not read)
    if (close == std::string_view::npos) return std::string_view::npos;
    r.seek(close + 1);
  } else if (fn || r.identifier().empty()) {
    return std::string_view::npos;
  }
  if (!fn && !(r.eat('=') && r.eat('>'))) return std::string_view::npos;
  if (fn || !r.eat('('))
    if (!r.eat('{') || !r.word("return")) return std::string_view::npos;
  r.space();
  return r.pos() < s.size() && s[r.pos()] == '{' ? r.pos() : std::string_view::npos;
}
}  // namespace

bool parse_js_data_file(std::string_view text, ojson& out, std::string& error, int& error_line) {
  out = ojson::object();
  for (std::string_view lead : {"export default", "module.exports"}) {
    size_t at = 0;
    while ((at = text.find(lead, at)) != std::string_view::npos) {
      Reader r(text.substr(at + lead.size()));
      if (lead == "module.exports" && !r.eat('=')) {
        at += lead.size();
        continue;
      }
      r.space();
      size_t from = at + lead.size() + r.pos();
      if (const size_t returned = returned_object(text.substr(from)); returned != std::string_view::npos) from += returned;
      else if (!r.eat('{')) {
        // `module.exports = site;` after `const site = { ... };`: the
        // declaration's object, read as front matter's declarations are.
        const std::string name = r.identifier();
        r.space();
        if (!name.empty() && (r.at_end() || r.eat(';'))) {
          ojson declared;
          std::string ignored;
          int ignored_line = 0;
          if (parse_js_front(text, declared, ignored, ignored_line) && declared.contains(name) &&
              declared[name].is_object() && !js_computed(declared[name])) {
            out = std::move(declared[name]);
            return true;
          }
        }
        error = "JavaScript: " + std::string(lead) + " is not an object literal (computed by the old engine)";
        error_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        return false;
      }
      Reader o(text.substr(from));
      if (!o.object(out)) {
        error_line = o.line_of(o.error_at) - 1 +
                     static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(from), '\n')) + 1;
        error = "JavaScript: " + o.error;
        return false;
      }
      return true;
    }
  }
  error = "JavaScript: no `export default { ... }` or `module.exports = { ... }`";
  error_line = 1;
  return false;
}

}  // namespace quire::import
