// Line-rule languages (contract in line_rules.hpp).
#include "highlight/line_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace quire::highlight {

namespace {

struct Line {
  std::size_t begin, end;  // end: before the '\n' (and a '\r' before it)
};

std::vector<Line> split_lines(std::string_view code) {
  std::vector<Line> lines;
  std::size_t at = 0;
  while (at < code.size()) {
    std::size_t nl = code.find('\n', at);
    const std::size_t next = nl == std::string_view::npos ? code.size() : nl + 1;
    std::size_t end = nl == std::string_view::npos ? code.size() : nl;
    if (end > at && code[end - 1] == '\r') --end;
    lines.push_back(Line{at, end});
    at = next;
  }
  return lines;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

void fill(char* classes, std::size_t begin, std::size_t end, char cls) {
  if (end > begin) std::memset(classes + begin, cls, end - begin);
}

// ------------------------------------------------------------------ diff

// Unified, context and plain diffs as blogs quote them: file headers
// (diff/index lines, and a `--- ` line only when a `+++ ` line follows, so
// that a removed line starting `-- ` stays a removal) as keywords, hunk
// headers as constants, additions green (the string colour), removals red
// (the operator colour), "\ No newline" as a comment.
void paint_diff(std::string_view code, char* classes, const ShellPainter&) {
  static constexpr std::string_view kHeaders[] = {
      "diff ", "index ", "new file mode", "deleted file mode", "old mode", "new mode", "similarity index",
      "dissimilarity index", "rename from", "rename to", "copy from", "copy to", "Only in ", "Binary files "};
  const std::vector<Line> lines = split_lines(code);
  bool after_minus_header = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = code.substr(lines[i].begin, lines[i].end - lines[i].begin);
    const std::string_view next =
        i + 1 < lines.size() ? code.substr(lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin) : std::string_view();
    char cls = 0;
    bool minus_header = false;
    if (std::any_of(std::begin(kHeaders), std::end(kHeaders), [&](std::string_view h) { return starts_with(line, h); })) {
      cls = 'k';
    } else if (starts_with(line, "--- ") && starts_with(next, "+++ ")) {
      cls = 'k';
      minus_header = true;
    } else if (starts_with(line, "+++ ") && after_minus_header) {
      cls = 'k';
    } else if (starts_with(line, "*** ") && starts_with(next, "--- ")) {
      cls = 'k';
    } else if (starts_with(line, "@@") || starts_with(line, "***************")) {
      cls = 'b';
    } else if (!line.empty() && (line[0] == '+' || line[0] == '>')) {
      cls = 's';
    } else if (!line.empty() && (line[0] == '-' || line[0] == '<')) {
      cls = 'o';
    } else if (!line.empty() && line[0] == '!') {
      cls = 'e';
    } else if (!line.empty() && line[0] == '\\') {
      cls = 'c';
    }
    after_minus_header = minus_header;
    fill(classes, lines[i].begin, lines[i].end, cls);
  }
}

// ------------------------------------------------------------------ Dockerfile

bool is_instruction(std::string_view word) {
  static constexpr std::string_view kInstructions[] = {
      "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
      "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"};
  return std::any_of(std::begin(kInstructions), std::end(kInstructions),
                     [&](std::string_view k) { return iequals(word, k); });
}

// Arguments outside a shell command: --flags, quoted strings, $variables,
// FROM's AS, numbers of EXPOSE.
void paint_arguments(std::string_view code, std::size_t begin, std::size_t end, char* classes) {
  std::size_t i = begin;
  bool word_start = true;
  while (i < end) {
    const char c = code[i];
    if (is_space(c)) {
      word_start = true;
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      std::size_t close = i + 1;
      while (close < end && code[close] != c) close += code[close] == '\\' && c == '"' ? 2 : 1;
      close = std::min(close + 1, end);
      fill(classes, i, close, 's');
      i = close;
      word_start = false;
      continue;
    }
    if (c == '$') {
      std::size_t stop = i + 1;
      if (stop < end && code[stop] == '{') {
        while (stop < end && code[stop] != '}') ++stop;
        stop = std::min(stop + 1, end);
      } else {
        while (stop < end && (std::isalnum(static_cast<unsigned char>(code[stop])) || code[stop] == '_')) ++stop;
      }
      if (stop > i + 1) fill(classes, i, stop, 'b');
      i = std::max(stop, i + 1);
      word_start = false;
      continue;
    }
    if (word_start) {
      std::size_t stop = i;
      while (stop < end && !is_space(code[stop])) ++stop;
      const std::string_view word = code.substr(i, stop - i);
      if (starts_with(word, "--")) {
        const std::size_t eq = word.find('=');
        fill(classes, i, eq == std::string_view::npos ? stop : i + eq, 'a');
      } else if (iequals(word, "AS")) {
        fill(classes, i, stop, 'k');
      } else {
        const std::string_view number = word.substr(0, word.find('/'));  // EXPOSE 80/tcp
        if (!number.empty() && std::all_of(number.begin(), number.end(), [](char d) { return d >= '0' && d <= '9'; }))
          fill(classes, i, i + number.size(), 'n');
      }
      i = starts_with(word, "--") || iequals(word, "AS") ? stop : i + 1;
      word_start = false;
      continue;
    }
    ++i;
  }
}

// Instructions as keywords and comments; RUN, CMD and ENTRYPOINT in shell
// form (not a JSON array) painted as shell, continuation lines included.
void paint_dockerfile(std::string_view code, char* classes, const ShellPainter& shell) {
  const std::vector<Line> lines = split_lines(code);
  bool continuing = false;
  std::size_t shell_begin = std::string_view::npos;
  for (const Line& l : lines) {
    std::size_t p = l.begin;
    while (p < l.end && is_space(code[p])) ++p;
    if (p < l.end && code[p] == '#') {  // a comment (inside a continued instruction too)
      fill(classes, p, l.end, 'c');
      continue;
    }
    std::size_t args = p;
    if (!continuing) {
      std::size_t stop = p;
      while (stop < l.end && std::isalpha(static_cast<unsigned char>(code[stop]))) ++stop;
      std::string_view word = code.substr(p, stop - p);
      if (is_instruction(word)) {
        fill(classes, p, stop, 'k');
        if (iequals(word, "ONBUILD")) {  // ONBUILD RUN ...
          std::size_t q = stop;
          while (q < l.end && is_space(code[q])) ++q;
          std::size_t q_end = q;
          while (q_end < l.end && std::isalpha(static_cast<unsigned char>(code[q_end]))) ++q_end;
          if (is_instruction(code.substr(q, q_end - q))) {
            fill(classes, q, q_end, 'k');
            word = code.substr(q, q_end - q);
            stop = q_end;
          }
        }
        args = stop;
        std::size_t first = stop;
        while (first < l.end && is_space(code[first])) ++first;
        if ((iequals(word, "RUN") || iequals(word, "CMD") || iequals(word, "ENTRYPOINT")) &&
            !(first < l.end && code[first] == '[')) {
          // RUN's own --mount/--network flags stay flags, the rest is shell.
          while (first + 1 < l.end && code[first] == '-' && code[first + 1] == '-') {
            std::size_t flag_end = first;
            while (flag_end < l.end && !is_space(code[flag_end])) ++flag_end;
            paint_arguments(code, first, flag_end, classes);
            first = flag_end;
            while (first < l.end && is_space(code[first])) ++first;
          }
          shell_begin = first;
        }
      }
    }
    std::size_t last = l.end;
    while (last > l.begin && is_space(code[last - 1])) --last;
    continuing = last > l.begin && code[last - 1] == '\\';
    if (shell_begin == std::string_view::npos) paint_arguments(code, args, l.end, classes);
    if (!continuing && shell_begin != std::string_view::npos) {
      if (l.end > shell_begin) shell(code.substr(shell_begin, l.end - shell_begin), classes + shell_begin);
      shell_begin = std::string_view::npos;
    }
  }
  if (shell_begin != std::string_view::npos && code.size() > shell_begin)
    shell(code.substr(shell_begin), classes + shell_begin);
}

// ------------------------------------------------------------------ shell sessions

// The length of a shell prompt at the start of `line` ("$ ", "# ",
// "user@host:~/dir$ ", "[root@box ~]# ", "PS C:\\> ", "C:\\src> ", "(venv) $ "),
// or 0 when the line is the output of a command.
std::size_t prompt_length(std::string_view line) {
  std::size_t i = 0;
  if (starts_with(line, "(")) {  // a virtualenv's "(venv) "
    const std::size_t close = line.find(") ");
    if (close == std::string_view::npos || close > 40) return 0;
    i = close + 2;
  }
  if (starts_with(line.substr(i), "PS ")) i += 3;
  int brackets = 0;
  for (std::size_t k = i; k < line.size() && k < i + 80; ++k) {
    const char c = line[k];
    if (c == '[') ++brackets;
    else if (c == ']') --brackets;
    else if ((c == '$' || c == '#' || c == '%' || c == '>') && brackets == 0) {
      if (k + 1 == line.size()) return k + 1;  // a prompt with nothing typed
      return line[k + 1] == ' ' ? k + 2 : 0;
    } else if (is_space(c) && brackets == 0) {
      return 0;
    } else if (!(std::isalnum(static_cast<unsigned char>(c)) || std::strchr("@:~/\\.-_()+", c) || (brackets > 0))) {
      return 0;
    }
  }
  return 0;
}

// A terminal session (console, shell-session): a prompt's line is a command,
// painted as shell after its prompt (a muted prompt), with the lines a
// trailing backslash continues; the other lines are output, plain. A block
// without a single prompt is a script someone named a session: all shell.
void paint_session(std::string_view code, char* classes, const ShellPainter& shell) {
  const std::vector<Line> lines = split_lines(code);
  bool any_prompt = false;
  for (const Line& l : lines) any_prompt = any_prompt || prompt_length(code.substr(l.begin, l.end - l.begin)) > 0;
  if (!any_prompt) {
    shell(code, classes);
    return;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = code.substr(lines[i].begin, lines[i].end - lines[i].begin);
    const std::size_t prompt = prompt_length(line);
    if (prompt == 0) continue;
    fill(classes, lines[i].begin, lines[i].begin + prompt - (line[prompt - 1] == ' ' ? 1 : 0), 'c');
    std::size_t last = i;
    auto continued = [&](std::size_t k) {
      std::string_view t = code.substr(lines[k].begin, lines[k].end - lines[k].begin);
      while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
      return !t.empty() && t.back() == '\\';
    };
    while (last + 1 < lines.size() && continued(last)) ++last;
    const std::size_t begin = lines[i].begin + prompt;
    if (lines[last].end > begin) shell(code.substr(begin, lines[last].end - begin), classes + begin);
    i = last;
  }
}

// ------------------------------------------------------------------ INI

// Sections as types, keys as properties, values as strings (numbers and
// booleans as such), ; and # comments; .env files' `export KEY=value` too.
void paint_ini(std::string_view code, char* classes, const ShellPainter&) {
  for (const Line& l : split_lines(code)) {
    std::size_t p = l.begin;
    while (p < l.end && is_space(code[p])) ++p;
    if (p >= l.end) continue;
    if (code[p] == ';' || code[p] == '#') {
      fill(classes, p, l.end, 'c');
      continue;
    }
    if (code[p] == '[') {
      const std::size_t close = code.find(']', p);
      if (close != std::string_view::npos && close < l.end) fill(classes, p + 1, close, 't');
      continue;
    }
    const std::string_view line = code.substr(p, l.end - p);
    std::size_t key = p;
    if (starts_with(line, "export ")) {
      fill(classes, p, p + 6, 'k');
      key = p + 7;
    }
    const std::size_t eq = code.find('=', key);
    if (eq == std::string_view::npos || eq >= l.end) continue;
    std::size_t key_end = eq;
    while (key_end > key && is_space(code[key_end - 1])) --key_end;
    if (key_end == key) continue;
    fill(classes, key, key_end, 'p');
    fill(classes, eq, eq + 1, 'o');
    std::size_t v = eq + 1;
    while (v < l.end && is_space(code[v])) ++v;
    std::size_t v_end = l.end;
    while (v_end > v && is_space(code[v_end - 1])) --v_end;
    if (v_end == v) continue;
    const std::string_view value = code.substr(v, v_end - v);
    char cls = 's';
    const bool numeric = std::all_of(value.begin(), value.end(), [](char d) {
      return (d >= '0' && d <= '9') || d == '.' || d == '-' || d == '+';
    }) && std::any_of(value.begin(), value.end(), [](char d) { return d >= '0' && d <= '9'; });
    if (numeric) cls = 'n';
    for (std::string_view b : {"true", "false", "yes", "no", "on", "off", "null", "none"})
      if (iequals(value, b)) cls = 'b';
    fill(classes, v, v_end, cls);
  }
}

// ------------------------------------------------------------------ word rules

struct WordLanguage {
  std::vector<std::string_view> line_comments;  // "//", "#"
  std::string_view block_open, block_close;     // "/*", "*/"
  std::string_view quotes;                      // "\"'"
  std::vector<std::string_view> keywords, types, constants;
  bool ignore_case = false;              // CMake's commands, any case
  bool comment_only_first = false;       // Vim: " starts a comment only as a line's first word
  bool triple_quotes = false;            // """ strings over lines (GraphQL, Groovy, CoffeeScript)
  bool dollar_braces = false;            // ${VAR} (CMake, HCL) as a constant inside and outside strings
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool word_in(const std::vector<std::string_view>& words, std::string_view w, bool ignore_case) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view k) { return ignore_case ? iequals(k, w) : k == w; });
}

void paint_words(const WordLanguage& L, std::string_view code, char* classes) {
  std::size_t i = 0;
  bool line_start = true;  // only blanks since the last newline
  while (i < code.size()) {
    const char c = code[i];
    if (c == '\n') {
      line_start = true;
      ++i;
      continue;
    }
    if (is_space(c) || c == '\r') {
      ++i;
      continue;
    }
    const std::string_view rest = code.substr(i);
    const bool first = line_start;
    line_start = false;
    if (!L.block_open.empty() && starts_with(rest, L.block_open)) {
      const std::size_t close = code.find(L.block_close, i + L.block_open.size());
      const std::size_t end = close == std::string_view::npos ? code.size() : close + L.block_close.size();
      fill(classes, i, end, 'c');
      i = end;
      continue;
    }
    if (std::any_of(L.line_comments.begin(), L.line_comments.end(), [&](std::string_view p) { return starts_with(rest, p); }) &&
        (!L.comment_only_first || first)) {
      std::size_t end = code.find('\n', i);
      if (end == std::string_view::npos) end = code.size();
      fill(classes, i, end, 'c');
      i = end;
      continue;
    }
    if (L.quotes.find(c) != std::string_view::npos) {
      std::size_t end = i + 1;
      if (L.triple_quotes && rest.size() >= 3 && rest[1] == c && rest[2] == c) {
        const std::size_t close = code.find(std::string(3, c), i + 3);
        end = close == std::string_view::npos ? code.size() : close + 3;
      } else {
        while (end < code.size() && code[end] != c && code[end] != '\n') end += code[end] == '\\' ? 2 : 1;
        end = std::min(end + 1, code.size());
      }
      fill(classes, i, end, 's');
      if (L.dollar_braces)  // ${VAR} inside a string
        for (std::size_t d = code.find("${", i); d != std::string_view::npos && d < end; d = code.find("${", d + 2)) {
          const std::size_t close = code.find('}', d);
          if (close == std::string_view::npos || close >= end) break;
          fill(classes, d, close + 1, 'b');
        }
      i = end;
      continue;
    }
    if (L.dollar_braces && starts_with(rest, "${")) {
      const std::size_t close = code.find('}', i);
      const std::size_t end = close == std::string_view::npos ? code.size() : close + 1;
      fill(classes, i, end, 'b');
      i = end;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t end = i;
      while (end < code.size() && (is_word_char(code[end]) || code[end] == '.')) ++end;
      fill(classes, i, end, 'n');
      i = end;
      continue;
    }
    if (is_word_char(c)) {
      // A word; a one-letter scope before a colon is part of it (Vim's v:true, g:name).
      std::size_t end = i;
      while (end < code.size() && (is_word_char(code[end]) || (code[end] == ':' && end == i + 1 &&
                                                               end + 1 < code.size() && is_word_char(code[end + 1]))))
        ++end;
      const std::string_view w = code.substr(i, end - i);
      std::size_t after = end;
      while (after < code.size() && is_space(code[after])) ++after;
      char cls = 0;
      if (word_in(L.keywords, w, L.ignore_case)) cls = 'k';
      else if (word_in(L.constants, w, L.ignore_case)) cls = 'b';
      else if (word_in(L.types, w, L.ignore_case)) cls = 't';
      else if (after < code.size() && code[after] == '(') cls = 'f';
      fill(classes, i, end, cls);
      i = end;
      continue;
    }
    ++i;
  }
}

const WordLanguage kProtobuf{
    {"//"}, "/*", "*/", "\"'",
    {"syntax", "edition", "package", "import", "public", "weak", "option", "message", "enum", "service", "rpc", "returns",
     "stream", "repeated", "optional", "required", "oneof", "map", "reserved", "extend", "extensions", "to", "max", "group"},
    {"double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32",
     "sfixed64", "bool", "string", "bytes"},
    {"true", "false"}};
const WordLanguage kGraphql{
    {"#"}, "", "", "\"",
    {"query", "mutation", "subscription", "fragment", "on", "type", "interface", "union", "enum", "input", "scalar",
     "schema", "extend", "implements", "directive", "repeatable"},
    {"Int", "Float", "String", "Boolean", "ID"},
    {"true", "false", "null"}, false, false, true};
const WordLanguage kHcl{
    {"#", "//"}, "/*", "*/", "\"",
    {"resource", "data", "variable", "output", "locals", "module", "provider", "terraform", "for", "in", "if", "else",
     "endif", "endfor", "dynamic", "content", "for_each", "count", "depends_on", "backend", "required_providers"},
    {"string", "number", "bool", "list", "map", "set", "object", "tuple", "any"},
    {"true", "false", "null"}, false, false, false, true};
const WordLanguage kGroovy{
    {"//"}, "/*", "*/", "\"'",
    {"def", "class", "interface", "enum", "trait", "extends", "implements", "import", "package", "return", "if", "else",
     "for", "while", "switch", "case", "default", "break", "continue", "try", "catch", "finally", "throw", "throws", "new",
     "in", "as", "instanceof", "static", "final", "public", "private", "protected", "abstract", "assert", "var", "val"},
    {"void", "String", "int", "long", "boolean", "double", "float", "char", "byte", "short", "Integer", "List", "Map",
     "Object"},
    {"true", "false", "null", "this", "super"}, false, false, true, true};
const WordLanguage kCmake{
    {"#"}, "#[[", "]]", "\"",
    {"if", "elseif", "else", "endif", "foreach", "endforeach", "while", "endwhile", "function", "endfunction", "macro",
     "endmacro", "return", "break", "continue", "block", "endblock"},
    {},
    {"ON", "OFF", "TRUE", "FALSE", "YES", "NO", "AND", "OR", "NOT", "PUBLIC", "PRIVATE", "INTERFACE", "REQUIRED",
     "STATIC", "SHARED", "DEFINED", "VERSION", "STREQUAL", "MATCHES", "EXISTS"},
    true, false, false, true};
const WordLanguage kVim{
    {"\""}, "", "", "'\"",
    {"let", "set", "setlocal", "if", "elseif", "else", "endif", "for", "endfor", "while", "endwhile", "function",
     "endfunction", "fun", "endfun", "func", "endfunc", "return", "call", "execute", "exe", "augroup", "autocmd", "au",
     "command", "map", "nmap", "vmap", "xmap", "imap", "omap", "cmap", "noremap", "nnoremap", "inoremap", "vnoremap",
     "xnoremap", "onoremap", "cnoremap", "tnoremap", "syntax", "highlight", "hi", "filetype", "source", "unlet", "echo",
     "silent", "normal", "try", "catch", "endtry", "finally", "lua", "colorscheme", "packadd", "plugin"},
    {},
    {"v:true", "v:false", "v:null"}, false, true};
const WordLanguage kCoffee{
    {"#"}, "###", "###", "\"'",
    {"if", "else", "unless", "then", "for", "in", "of", "while", "until", "loop", "switch", "when", "return", "break",
     "continue", "class", "extends", "new", "try", "catch", "finally", "throw", "and", "or", "not", "is", "isnt", "do",
     "by", "own", "import", "export", "from", "await", "yield", "delete", "typeof", "instanceof"},
    {},
    {"true", "false", "yes", "no", "on", "off", "null", "undefined", "this", "super"}, false, false, true};

// Lisps (no grammar on npm we build): ; comments, "strings" (a ' is the
// quote operator), the special forms and defining words (words split at
// '-', so let* and multiple-value-bind read as their parts); a word before
// '(' is no call in Lisp, so only these words are painted. bbatsov's Emacs
// blog: 25 Common Lisp and 15 Clojure blocks came out plain.
const WordLanguage kLisp{
    {";"}, "#|", "|#", "\"",
    {"defun", "defmacro", "defvar", "defparameter", "defconstant", "defclass", "defmethod", "defgeneric", "defstruct",
     "defpackage", "defcustom", "defgroup", "defface", "defalias", "defsubst", "define", "lambda", "let", "flet", "labels",
     "if", "when", "unless", "cond", "case", "progn", "prog1", "loop", "do", "dolist", "dotimes", "return", "setq", "setf",
     "and", "or", "not", "require", "provide", "interactive", "begin", "quote", "function", "declare", "handler"},
    {},
    {"t", "nil"}};
const WordLanguage kClojure{
    {";"}, "", "", "\"",
    {"def", "defn", "defmacro", "defprotocol", "defrecord", "deftype", "defmulti", "defmethod", "defonce", "fn", "let",
     "letfn", "if", "when", "cond", "case", "do", "loop", "recur", "ns", "require", "import", "try", "catch", "finally",
     "throw", "doseq", "for", "and", "or", "not", "binding", "quote"},
    {},
    {"nil", "true", "false"}};

// F# and its ML kin (steveshogren's 21 F# blocks), Coq (7) and Solidity
// (forecho's 10), which Hugo's Chroma coloured and no grammar we build
// covers: their keywords, types and constants.
const WordLanguage kMl{
    {"//"}, "(*", "*)", "\"",
    {"let", "rec", "in", "and", "fun", "function", "match", "with", "when", "if", "then", "else", "elif", "type", "of",
     "module", "open", "namespace", "struct", "sig", "end", "begin", "do", "done", "for", "to", "downto", "while",
     "yield", "return", "use", "mutable", "member", "static", "override", "abstract", "default", "interface",
     "inherit", "new", "val", "exception", "raise", "try", "finally", "lazy", "as", "not", "async", "task", "private",
     "internal", "public", "inline", "upcast", "downcast", "functor", "include", "method", "object", "external"},
    {"int", "float", "string", "bool", "char", "unit", "list", "array", "option", "seq", "decimal", "byte", "int64",
     "uint", "double", "obj", "exn", "Result", "Option", "List", "Map", "Set", "Async", "Task"},
    {"true", "false", "None", "Some", "Ok", "Error", "null"}, false, false, true};
const WordLanguage kCoq{
    {}, "(*", "*)", "\"",
    {"Theorem", "Lemma", "Proof", "Qed", "Defined", "Admitted", "Definition", "Fixpoint", "CoFixpoint", "Inductive",
     "CoInductive", "Record", "Structure", "Class", "Instance", "Example", "Corollary", "Remark", "Fact", "Notation",
     "Require", "Import", "Export", "Module", "Section", "End", "Variable", "Variables", "Hypothesis", "Axiom",
     "Parameter", "Let", "match", "with", "end", "fun", "forall", "exists", "let", "in", "if", "then", "else", "Check",
     "Compute", "Eval", "Print", "Search", "intros", "intro", "apply", "rewrite", "simpl", "reflexivity", "induction",
     "destruct", "exact", "auto", "assert", "unfold", "inversion", "split", "left", "right", "omega", "lia",
     "discriminate", "congruence", "subst", "trivial", "generalize", "specialize", "replace", "symmetry"},
    {"Prop", "Set", "Type", "nat", "bool", "list", "option"},
    {"true", "false", "O", "S", "nil", "cons", "None", "Some", "I", "tt"}};
const WordLanguage kSolidity{
    {"//"}, "/*", "*/", "\"'",
    {"pragma", "solidity", "contract", "interface", "library", "abstract", "is", "function", "modifier", "event", "emit",
     "struct", "enum", "mapping", "constructor", "fallback", "receive", "returns", "return", "if", "else", "for",
     "while", "do", "break", "continue", "new", "delete", "import", "using", "public", "private", "internal", "external",
     "pure", "view", "payable", "constant", "immutable", "override", "virtual", "memory", "storage", "calldata",
     "require", "assert", "revert", "error", "try", "catch", "assembly", "unchecked", "indexed", "anonymous"},
    {"address", "bool", "string", "bytes", "byte", "int", "uint", "int8", "int16", "int32", "int64", "int128", "int256",
     "uint8", "uint16", "uint32", "uint64", "uint128", "uint256", "bytes1", "bytes4", "bytes32", "fixed", "ufixed"},
    {"true", "false", "this", "super", "msg", "block", "tx", "now", "wei", "gwei", "ether", "seconds", "minutes",
     "hours", "days", "weeks"}};

}  // namespace

const std::vector<LineLanguage>& line_languages() {
  static std::vector<LineLanguage> table = {
      {"diff", {"patch", "udiff", "git-diff", "gitdiff"}, paint_diff},
      {"shell-session", {"console", "shellsession", "terminal", "bash-session", "sh-session", "shell_session"}, paint_session},
      {"dockerfile", {"docker", "containerfile"}, paint_dockerfile},
      {"ini", {"cfg", "dosini", "editorconfig", "gitconfig", "desktop", "systemd", "inf", "dotenv", "env"}, paint_ini},
  };
  static const bool words = [] {
    const auto add = [](std::string_view id, std::vector<std::string_view> aliases, const WordLanguage& L) {
      table.push_back({id, std::move(aliases), [&L](std::string_view code, char* classes, const ShellPainter&) {
                         paint_words(L, code, classes);
                       }});
    };
    add("protobuf", {"proto", "proto3", "proto2"}, kProtobuf);
    add("graphql", {"gql"}, kGraphql);
    add("hcl", {"terraform", "tf", "tfvars"}, kHcl);
    add("groovy", {"gradle", "jenkinsfile", "gvy"}, kGroovy);
    add("cmake", {"cmakelists"}, kCmake);
    add("vim", {"vimscript", "viml", "vimrc"}, kVim);
    add("coffeescript", {"coffee", "coffee-script", "cson"}, kCoffee);
    add("lisp", {"cl", "common-lisp", "commonlisp", "elisp", "emacs-lisp", "emacs_lisp", "el", "scheme", "scm", "racket", "rkt"},
        kLisp);
    add("clojure", {"clj", "cljs", "cljc", "edn", "clojurescript"}, kClojure);
    add("fsharp", {"f#", "fs", "fsx", "fsi", "sml", "reasonml"}, kMl);  // (OCaml has its grammar)
    add("coq", {"gallina"}, kCoq);
    add("solidity", {"sol"}, kSolidity);
    return true;
  }();
  (void)words;
  return table;
}

}  // namespace quire::highlight
