#include "build/import/template_syntax.hpp"

#include <algorithm>
#include <cctype>

namespace quire {
namespace {

struct Line {
  size_t begin, end;  // [begin, end) without the '\n'
};

std::vector<Line> lines_of(std::string_view s) {
  std::vector<Line> out;
  for (size_t pos = 0; pos <= s.size();) {
    size_t e = s.find('\n', pos);
    if (e == std::string_view::npos) e = s.size();
    out.push_back({pos, e});
    if (e == s.size()) break;
    pos = e + 1;
  }
  return out;
}

bool blank(std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; }

// Columns of leading white space (a tab to the next multiple of 4).
size_t indent_of(std::string_view l, size_t& at) {
  size_t col = 0;
  at = 0;
  while (at < l.size() && (l[at] == ' ' || l[at] == '\t')) {
    col = l[at] == '\t' ? (col / 4 + 1) * 4 : col + 1;
    ++at;
  }
  return col;
}

// A list item's line ("1. text", "- text", after `indent` columns of
// space at byte `at`): the column its content starts at, 0 for none.
size_t list_item_column(std::string_view l, size_t indent, size_t at) {
  size_t i = at;
  if (i < l.size() && (l[i] == '-' || l[i] == '*' || l[i] == '+')) {
    ++i;
  } else {
    const size_t digits = i;
    while (i < l.size() && i - digits < 9 && std::isdigit(static_cast<unsigned char>(l[i]))) ++i;
    if (i == digits || i >= l.size() || (l[i] != '.' && l[i] != ')')) return 0;
    ++i;
  }
  size_t spaces = 0;
  while (i + spaces < l.size() && l[i + spaces] == ' ') ++spaces;
  if (spaces == 0 || i + spaces >= l.size()) return 0;  // "-" alone or "-x": not an item with text
  if (spaces > 4) spaces = 1;  // the item's text is indented code: its column is after one space
  return indent + (i - at) + spaces;
}

// A line that opens (or closes) a fence: its character and length.
bool fence_of(std::string_view l, char& c, size_t& len, bool& only_fence) {
  size_t at = 0;
  indent_of(l, at);
  while (at < l.size() && l[at] == '>') {  // in a blockquote
    ++at;
    while (at < l.size() && l[at] == ' ') ++at;
  }
  if (at >= l.size() || (l[at] != '`' && l[at] != '~')) return false;
  c = l[at];
  len = 0;
  while (at + len < l.size() && l[at + len] == c) ++len;
  if (len < 3) return false;
  std::string_view rest = l.substr(at + len);
  if (c == '`' && rest.find('`') != std::string_view::npos) return false;
  only_fence = blank(rest);
  return true;
}

void mark(std::vector<bool>& code, size_t b, size_t e) {
  std::fill(code.begin() + static_cast<long>(b), code.begin() + static_cast<long>(e), true);
}

// Inline code spans in a paragraph [b, e): a run of n backticks up to the
// next run of exactly n.
void mark_spans(std::string_view s, size_t b, size_t e, std::vector<bool>& code) {
  for (size_t i = b; i < e;) {
    if (s[i] != '`') { ++i; continue; }
    size_t n = 0;
    while (i + n < e && s[i + n] == '`') ++n;
    size_t j = i + n;
    bool closed = false;
    while (j < e) {
      if (s[j] != '`') { ++j; continue; }
      size_t m = 0;
      while (j + m < e && s[j + m] == '`') ++m;
      if (m == n) {
        mark(code, i, j + m);
        i = j + m;
        closed = true;
        break;
      }
      j += m;
    }
    if (!closed) i += n;
  }
}

// TeX math outside code, as MathJax and KaTeX read it: `$$...$$` (across
// lines) and `$...$` on one line with no space inside either dollar and no
// digit after the closing one (pandoc's rule, so "$5 and $10" is text).
// Its braces are TeX ({{n \atop m}}), never a template's.
void mark_math(std::string_view s, std::vector<bool>& code) {
  if (s.find('$') == std::string_view::npos) return;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (code[i]) continue;
    if (s[i] == '\\') { ++i; continue; }
    if (s[i] != '$') continue;
    if (i + 1 < s.size() && s[i + 1] == '$') {
      size_t j = i + 2;
      while (j + 1 < s.size() && !(s[j] == '$' && s[j + 1] == '$' && !code[j])) j += s[j] == '\\' ? 2 : 1;
      if (j + 1 >= s.size()) return;  // unclosed: text
      mark(code, i, j + 2);
      i = j + 1;
      continue;
    }
    if (i + 1 >= s.size() || space(s[i + 1])) continue;
    for (size_t j = i + 1; j < s.size() && s[j] != '\n' && !code[j]; ++j) {
      if (s[j] == '\\') { ++j; continue; }
      if (s[j] != '$') continue;
      if (space(s[j - 1]) || (j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1])))) break;
      mark(code, i, j + 1);
      i = j;
      break;
    }
  }
}

}  // namespace

std::string excerpt_of(std::string_view text, size_t bytes) {
  size_t cut = std::min(bytes, text.size());
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  std::replace(out.begin(), out.end(), '\n', ' ');
  if (cut < text.size()) out += "…";
  return out;
}

std::vector<bool> code_bytes(std::string_view s) {
  std::vector<bool> code(s.size(), false);
  bool in_fence = false, in_indented = false, prev_blank = true;
  size_t list_column = 0;  // the open list item's text column, 0 outside lists
  char fence_char = 0;
  size_t fence_len = 0;
  size_t para_begin = std::string_view::npos, para_end = 0;
  auto end_paragraph = [&] {
    if (para_begin != std::string_view::npos) mark_spans(s, para_begin, para_end, code);
    para_begin = std::string_view::npos;
  };
  for (const Line& ln : lines_of(s)) {
    std::string_view l = s.substr(ln.begin, ln.end - ln.begin);
    const size_t line_end = std::min(s.size(), ln.end + 1);  // with its '\n'
    char c = 0;
    size_t len = 0;
    bool only = false;
    if (in_fence) {
      mark(code, ln.begin, line_end);
      if (fence_of(l, c, len, only) && c == fence_char && len >= fence_len && only) in_fence = false;
      prev_blank = false;
      continue;
    }
    if (blank(l)) {
      end_paragraph();
      prev_blank = true;
      continue;  // an indented block goes on after a blank line
    }
    size_t at = 0;
    const size_t indent = indent_of(l, at);
    // Inside a list item, its text's column is where code needs 4 more
    // (a list's "1. Text" then "    ![img](...)" after a blank line is text).
    const size_t item = indent < list_column + 4 ? list_item_column(l, indent, at) : 0;
    if (prev_blank && !item && indent < list_column) list_column = 0;  // the list ended
    if (indent >= list_column + 4 && (prev_blank || in_indented) && para_begin == std::string_view::npos) {
      mark(code, ln.begin, line_end);
      in_indented = true;
      prev_blank = false;
      continue;
    }
    in_indented = false;
    prev_blank = false;
    if (item) list_column = item;
    if (fence_of(l, c, len, only)) {
      end_paragraph();
      mark(code, ln.begin, line_end);
      in_fence = true;
      fence_char = c;
      fence_len = len;
      continue;
    }
    if (para_begin == std::string_view::npos) para_begin = ln.begin;
    para_end = ln.end;
  }
  end_paragraph();
  mark_math(s, code);
  return code;
}

std::vector<TemplateSyntax> find_template_syntax(std::string_view s) {
  std::vector<TemplateSyntax> out;
  // Most posts hold neither opener: no need to map their code.
  if (s.find("{%") == std::string_view::npos && s.find("{{") == std::string_view::npos) return out;
  const std::vector<bool> code = code_bytes(s);
  constexpr size_t kReach = 400;  // how far a construct's end is looked for
  int line = 1;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '\n') { ++line; continue; }
    if (s[i] != '{' || code[i] || (s[i + 1] != '%' && s[i + 1] != '{')) continue;
    const std::string_view close = s[i + 1] == '%' ? "%}" : "}}";
    const size_t end = s.substr(i + 2, kReach).find(close);
    if (end == std::string_view::npos) continue;
    const size_t stop = i + 2 + end + 2;
    out.push_back({line, excerpt_of(s.substr(i, stop - i), 60)});
    line += static_cast<int>(std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(stop), '\n'));
    i = stop - 1;
  }
  return out;
}

std::string template_syntax_warning(const TemplateSyntax& t) {
  return "template syntax left in the text: \"" + t.snippet +
         "\" is shown as it is (another engine's tag or shortcode? `quire import` converts the common ones)";
}

}  // namespace quire
