// Build-time syntax highlighting with tree-sitter (contract in highlight.hpp).
#include "highlight/highlight.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <regex>

#include <tree_sitter/api.h>

#include "core/code_tokens.hpp"
#include "core/markdown.hpp"
#include "highlight/code_blocks.hpp"
#include "highlight/grammars.hpp"
#include "highlight/line_rules.hpp"

namespace quire::highlight {

namespace {

bool has_prefix(std::string_view s, std::string_view base) {
  return s == base || (s.size() > base.size() && s.compare(0, base.size(), base) == 0 && s[base.size()] == '.');
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// ------------------------------------------------------------------ queries

enum class Op { Eq, NotEq, AnyEq, Match, NotMatch, AnyMatch, AnyOf, NotAnyOf, HasAncestor, Ignored };

// A Lua pattern's character classes (%d, %a, ...) as ECMAScript ones: Neovim's
// #lua-match?, and #match? patterns written for it ("^%d+$"). With `lua`
// set, % before punctuation escapes it too; else only the classes change (a
// regex's own "[%!]" keeps its meaning).
std::string regex_from_lua(std::string_view pattern, bool lua) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c != '%' || i + 1 == pattern.size()) { out += c; continue; }
    const char n = pattern[i + 1];
    const char* cls = nullptr;
    switch (n) {
      case 'd': cls = "\\d"; break;
      case 's': cls = "\\s"; break;
      case 'w': cls = "[A-Za-z0-9]"; break;
      case 'a': cls = "[A-Za-z]"; break;
      case 'l': cls = "[a-z]"; break;
      case 'u': cls = "[A-Z]"; break;
      case 'x': cls = "[0-9A-Fa-f]"; break;
      case 'p': cls = "[!-/:-@[-`{-~]"; break;
      default: break;
    }
    if (cls) {
      out += cls;
      ++i;
    } else if (lua && !((n >= 'A' && n <= 'Z') || (n >= 'a' && n <= 'z') || (n >= '0' && n <= '9'))) {
      out += '\\';
      out += n;
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

struct Predicate {
  Op op;
  uint32_t capture;             // the first argument
  bool other_is_capture = false;
  uint32_t other_capture = 0;   // #eq? @a @b
  std::vector<std::string> values;  // #eq? @a "x", #any-of? @a "x" "y"
  std::shared_ptr<std::regex> regex;  // null: the pattern never matches (bad regex)
};

struct QueryDeleter {
  void operator()(TSQuery* q) const { ts_query_delete(q); }
};

struct Compiled {
  TSQuery* query = nullptr;
  std::unique_ptr<TSQuery, QueryDeleter> owned;  // query, freed with the table (no leak at exit)
  std::vector<char> capture_class;               // by capture id
  std::vector<std::vector<Predicate>> predicates;  // by pattern
  std::string error;                               // why the query did not compile
};

bool parse_predicates(TSQuery* query, uint32_t pattern, std::vector<Predicate>& out) {
  uint32_t count = 0;
  const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query, pattern, &count);
  uint32_t i = 0;
  while (i < count) {
    uint32_t end = i;
    while (end < count && steps[end].type != TSQueryPredicateStepTypeDone) ++end;
    if (end > i + 1 && steps[i].type == TSQueryPredicateStepTypeString &&
        steps[i + 1].type == TSQueryPredicateStepTypeCapture) {
      uint32_t length = 0;
      const char* name_chars = ts_query_string_value_for_id(query, steps[i].value_id, &length);
      std::string_view name(name_chars, length);
      // vim-match? and lua-match? are Neovim's; is?/is-not? (locals) are
      // left out, as if they held. Any other test (a `?` name) we cannot
      // evaluate leaves its pattern out: held blindly, it would paint every
      // node the pattern names (every identifier a builtin).
      static const std::pair<std::string_view, Op> kOps[] = {
          {"eq?", Op::Eq}, {"not-eq?", Op::NotEq}, {"any-eq?", Op::AnyEq},
          {"match?", Op::Match}, {"not-match?", Op::NotMatch}, {"any-match?", Op::AnyMatch},
          {"vim-match?", Op::Match}, {"not-vim-match?", Op::NotMatch},
          {"lua-match?", Op::Match}, {"not-lua-match?", Op::NotMatch},
          {"any-of?", Op::AnyOf}, {"not-any-of?", Op::NotAnyOf}, {"has-ancestor?", Op::HasAncestor},
          {"is?", Op::Ignored}, {"is-not?", Op::Ignored}};
      bool known = false;
      for (const auto& [op_name, op] : kOps) {
        if (name != op_name) continue;
        known = true;
        if (op == Op::Ignored) break;
        Predicate p{op, steps[i + 1].value_id, false, 0, {}, nullptr};
        for (uint32_t k = i + 2; k < end; ++k) {
          if (steps[k].type == TSQueryPredicateStepTypeCapture) {
            p.other_is_capture = true;
            p.other_capture = steps[k].value_id;
          } else {
            const char* v = ts_query_string_value_for_id(query, steps[k].value_id, &length);
            p.values.emplace_back(v, length);
          }
        }
        if (op == Op::Match || op == Op::NotMatch || op == Op::AnyMatch) {
          if (p.values.empty()) return false;
          std::string source = regex_from_lua(p.values.front(), name.find("lua-") != std::string_view::npos);
          auto flags = std::regex::ECMAScript;
          if (source.compare(0, 4, "(?i)") == 0) {  // an inline flag std::regex lacks
            source.erase(0, 4);
            flags |= std::regex::icase;
          }
          try {
            p.regex = std::make_shared<std::regex>(source, flags);
          } catch (const std::regex_error&) {
            p.regex = nullptr;  // a syntax std::regex lacks: the pattern is left out
          }
        }
        out.push_back(std::move(p));
        break;
      }
      if (!known && name.size() > 1 && name.back() == '?') return false;
    }
    i = end + 1;
  }
  return true;
}

Compiled compile(const Grammar& g) {
  Compiled c;
  uint32_t error_offset = 0;
  TSQueryError error = TSQueryErrorNone;
  const std::string_view text = g.highlights;
  c.query = ts_query_new(g.language(), text.data(), static_cast<uint32_t>(text.size()), &error_offset, &error);
  if (!c.query) {  // tests check every language compiles, with this as the message
    static const char* const kErrors[] = {"none", "syntax", "node type", "field", "capture", "structure", "language"};
    const std::size_t line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + std::min<std::size_t>(error_offset, text.size()), '\n')) + 1;
    const std::size_t at = std::min<std::size_t>(error_offset, text.size());
    c.error = std::string(kErrors[std::min<int>(static_cast<int>(error), 6)]) + " error at line " + std::to_string(line) +
              " of the queries: " + std::string(text.substr(at, std::min<std::size_t>(60, text.size() - at)));
    return c;
  }
  c.owned.reset(c.query);
  const uint32_t captures = ts_query_capture_count(c.query);
  for (uint32_t id = 0; id < captures; ++id) {
    uint32_t length = 0;
    const char* name = ts_query_capture_name_for_id(c.query, id, &length);
    c.capture_class.push_back(token_class_for_capture(std::string_view(name, length)));
  }
  const uint32_t patterns = ts_query_pattern_count(c.query);
  c.predicates.resize(patterns);
  for (uint32_t p = 0; p < patterns; ++p)
    if (!parse_predicates(c.query, p, c.predicates[p])) ts_query_disable_pattern(c.query, p);
  return c;
}

// Per grammar: 0 not compiled, 1 being compiled (by one thread; others
// asking wait for it), 2 compiled.
std::atomic<int>* compile_states() {
  static std::unique_ptr<std::atomic<int>[]> states(new std::atomic<int>[grammars().size()]());
  return states.get();
}

const Compiled& compiled(std::size_t grammar) {
  static const std::size_t n = grammars().size();
  static std::unique_ptr<std::once_flag[]> once(new std::once_flag[n]);
  static std::unique_ptr<Compiled[]> table(new Compiled[n]);
  std::atomic<int>* states = compile_states();
  std::call_once(once[grammar], [&] {
    states[grammar] = 1;
    table[grammar] = compile(grammars()[grammar]);
    states[grammar] = 2;
  });
  return table[grammar];
}

// ------------------------------------------------------------------ matching

std::string_view node_text(TSNode node, std::string_view code) {
  const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (start > end || end > code.size()) return {};
  return code.substr(start, end - start);
}

bool satisfies(const Predicate& p, const TSQueryMatch& match, std::string_view code) {
  std::string_view other;
  if (p.other_is_capture) {
    for (uint16_t k = 0; k < match.capture_count; ++k)
      if (match.captures[k].index == p.other_capture) other = node_text(match.captures[k].node, code);
  }
  const bool any = p.op == Op::AnyEq || p.op == Op::AnyMatch;
  bool seen = false, result = !any;
  for (uint16_t k = 0; k < match.capture_count; ++k) {
    if (match.captures[k].index != p.capture) continue;
    seen = true;
    const std::string_view text = node_text(match.captures[k].node, code);
    bool ok = false;
    switch (p.op) {
      case Op::Eq: case Op::AnyEq:
        ok = p.other_is_capture ? text == other : !p.values.empty() && text == p.values.front();
        break;
      case Op::NotEq:
        ok = p.other_is_capture ? text != other : p.values.empty() || text != p.values.front();
        break;
      case Op::Match: case Op::AnyMatch:
        ok = p.regex && std::regex_search(text.begin(), text.end(), *p.regex);
        break;
      case Op::NotMatch:
        ok = p.regex && !std::regex_search(text.begin(), text.end(), *p.regex);
        break;
      case Op::AnyOf:
        ok = std::find(p.values.begin(), p.values.end(), text) != p.values.end();
        break;
      case Op::NotAnyOf:
        ok = std::find(p.values.begin(), p.values.end(), text) == p.values.end();
        break;
      case Op::HasAncestor:
        for (TSNode n = ts_node_parent(match.captures[k].node); !ts_node_is_null(n) && !ok; n = ts_node_parent(n))
          ok = std::find(p.values.begin(), p.values.end(), ts_node_type(n)) != p.values.end();
        break;
      case Op::Ignored:
        ok = true;
        break;
    }
    if (any && ok) return true;
    if (!any && !ok) return false;
  }
  return seen ? result : true;  // a quantified capture with no node
}

struct Paint {
  uint32_t start, end, pattern;
  char cls;
};

// What one thread reuses from block to block: the parser, the query
// cursor and the buffers (a build highlights thousands of small blocks, so
// their set-up, not the parse, was much of the cost).
struct Scratch {
  TSParser* parser = ts_parser_new();
  TSQueryCursor* cursor = ts_query_cursor_new();
  std::vector<Paint> paints;
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    ts_query_cursor_delete(cursor);
    ts_parser_delete(parser);
  }
};

// The index in `table` (grammars or line languages) of the entry whose id
// or an alias is `key` (lower case), or -1.
template <class Table>
int find_named(const Table& table, std::string_view key) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].id == key) return static_cast<int>(i);
    for (std::string_view alias : table[i].aliases)
      if (alias == key) return static_cast<int>(i);
  }
  return -1;
}

// The fence's language as the tables name it: lower case, and without what
// other engines let follow it: Qiita's file name (```html:index.html),
// rustdoc's attributes (```rust,ignore), HackMD's line numbers (```js=).
std::string language_key(std::string_view lang) {
  std::string key = lower_ascii(lang);
  const std::size_t cut = key.find_first_of(":,=");
  if (cut != std::string::npos && cut > 0) key.resize(cut);
  return key;
}

int find_grammar(std::string_view lang) {
  return lang.empty() ? -1 : find_named(grammars(), language_key(lang));
}

int find_line_language(std::string_view lang) {
  if (lang.empty()) return -1;
  std::string key = language_key(lang);
  if (key.size() > 5 && key.compare(0, 5, "diff-") == 0) key = "diff";  // Prism's diff-javascript
  return find_named(line_languages(), key);
}

// Gathers each code block's language and text, writing nothing useful.
class Collector : public CodeBlockWriter {
 public:
  void write(std::size_t, const CodeBlock& block, OutputBuffer&) override {
    blocks.push_back(highlight(block.lang, block.text));
  }
  std::vector<std::string> blocks;
};

}  // namespace

std::string_view language_id(std::string_view lang) {
  if (const int i = find_grammar(lang); i >= 0) return grammars()[static_cast<std::size_t>(i)].id;
  if (const int i = find_line_language(lang); i >= 0) return line_languages()[static_cast<std::size_t>(i)].id;
  return {};
}

std::string query_error(std::string_view lang) {
  const int g = find_grammar(lang);
  if (g < 0 && find_line_language(lang) >= 0) return {};  // line rules: nothing to compile
  return g < 0 ? "no grammar for " + std::string(lang) : compiled(static_cast<std::size_t>(g)).error;
}

std::vector<LanguageInfo> languages() {
  std::vector<LanguageInfo> out;
  for (const Grammar& g : grammars()) out.push_back(LanguageInfo{g.id, g.package, g.aliases});
  for (const LineLanguage& l : line_languages()) out.push_back(LanguageInfo{l.id, "quire line rules", l.aliases});
  return out;
}

char token_class_for_capture(std::string_view c) {
  // Most specific first.
  if (has_prefix(c, "punctuation.special")) return 'o';     // ${ } in templates, $ in shells
  // Markup (markdown's, Neovim's names and their older text.* ones).
  if (has_prefix(c, "markup.heading") || has_prefix(c, "text.title")) return 'k';
  if (has_prefix(c, "markup.raw") || has_prefix(c, "text.literal")) return 's';
  if (has_prefix(c, "markup.link.label") || has_prefix(c, "text.reference")) return 'f';
  if (has_prefix(c, "markup.link") || has_prefix(c, "text.uri") || has_prefix(c, "string.special.url")) return 'e';
  if (has_prefix(c, "markup.list") || has_prefix(c, "markup.quote")) return 'o';
  if (has_prefix(c, "markup") || has_prefix(c, "text")) return 0;  // strong, italic: not a colour
  if (has_prefix(c, "diff.plus")) return 's';   // the colours a diff's readers expect: green
  if (has_prefix(c, "diff.minus")) return 'o';  // and red
  if (has_prefix(c, "tag.attribute")) return 'a';
  if (has_prefix(c, "tag.delimiter")) return 0;
  if (has_prefix(c, "punctuation") || has_prefix(c, "delimiter")) return 0;
  if (has_prefix(c, "string.escape") || has_prefix(c, "escape") || has_prefix(c, "string.regex") ||
      has_prefix(c, "string.regexp") || has_prefix(c, "string.special.regex"))
    return 'e';
  if (has_prefix(c, "string.special.key")) return 'p';      // JSON/YAML keys
  if (has_prefix(c, "string.special.symbol")) return 'b';   // Ruby :symbols
  if (has_prefix(c, "string") || has_prefix(c, "character")) return 's';
  if (has_prefix(c, "comment")) return 'c';
  if (has_prefix(c, "keyword") || has_prefix(c, "conditional") || has_prefix(c, "repeat") ||
      has_prefix(c, "include") || has_prefix(c, "exception") || has_prefix(c, "storageclass") ||
      has_prefix(c, "preproc"))
    return 'k';
  if (has_prefix(c, "constructor") || has_prefix(c, "type") || has_prefix(c, "module") ||
      has_prefix(c, "namespace"))
    return 't';
  if (has_prefix(c, "function") || has_prefix(c, "method")) return 'f';
  if (has_prefix(c, "number") || has_prefix(c, "float")) return 'n';
  if (has_prefix(c, "boolean") || has_prefix(c, "constant") || has_prefix(c, "variable.builtin")) return 'b';
  if (has_prefix(c, "property") || has_prefix(c, "field") || has_prefix(c, "label") ||
      has_prefix(c, "variable.member"))
    return 'p';
  if (has_prefix(c, "attribute")) return 'a';
  if (has_prefix(c, "tag")) return 'g';
  if (has_prefix(c, "operator")) return 'o';
  return 0;  // variable, parameter, embedded, none, ...
}

namespace {

// Paints `out` (one class letter or 0 per byte of `code`) from grammar
// `g`'s highlight queries; false when its queries did not compile or the
// parser failed (then `out` is untouched).
bool paint_grammar(std::size_t g, std::string_view code, char* out) {
  const Compiled& c = compiled(g);
  if (!c.query) return false;

  thread_local Scratch scratch;
  const TSLanguage* language = grammars()[g].language();
  if (ts_parser_language(scratch.parser) != language && !ts_parser_set_language(scratch.parser, language)) return false;
  TSTree* tree = ts_parser_parse_string(scratch.parser, nullptr, code.data(), static_cast<uint32_t>(code.size()));
  if (!tree) return false;
  TSQueryCursor* cursor = scratch.cursor;
  ts_query_cursor_exec(cursor, c.query, ts_tree_root_node(tree));

  std::vector<Paint>& paints = scratch.paints;
  paints.clear();
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    bool ok = true;
    for (const Predicate& p : c.predicates[match.pattern_index])
      if (!satisfies(p, match, code)) { ok = false; break; }
    if (!ok) continue;
    for (uint16_t k = 0; k < match.capture_count; ++k) {
      const TSQueryCapture& cap = match.captures[k];
      const char cls = c.capture_class[cap.index];
      if (cls == 0) continue;
      const uint32_t start = ts_node_start_byte(cap.node), end = ts_node_end_byte(cap.node);
      if (start < end && end <= code.size()) paints.push_back(Paint{start, end, match.pattern_index, cls});
    }
  }
  ts_tree_delete(tree);

  // Outer nodes first, so that inner ones paint over them; for one node,
  // the query's first pattern last, so that it wins.
  const bool last_wins = grammars()[g].last_pattern_wins;
  std::sort(paints.begin(), paints.end(), [last_wins](const Paint& a, const Paint& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return last_wins ? a.pattern < b.pattern : a.pattern > b.pattern;
  });
  for (const Paint& p : paints) std::fill(out + p.start, out + p.end, p.cls);
  return true;
}

}  // namespace

std::string highlight(std::string_view lang, std::string_view code_in) {
  if (code_in.empty() || code_in.size() > UINT32_MAX / 2) return {};
  // A NUL byte (markdown's renderer writes U+FFFD for one, but a block's
  // text may still hold it) is a space to the grammars: some external
  // scanners take it for the end of input and never return (Nginx's).
  thread_local std::string without_nul;
  std::string_view code = code_in;
  if (code.find('\0') != std::string_view::npos) {
    without_nul.assign(code);
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    code = without_nul;
  }
  thread_local std::string classes;
  classes.assign(code.size(), '\0');
  const int g = find_grammar(lang);
  if (g >= 0) {
    if (!paint_grammar(static_cast<std::size_t>(g), code, classes.data())) return {};
  } else if (const int l = find_line_language(lang); l >= 0) {
    static const int bash = find_grammar("bash");
    line_languages()[static_cast<std::size_t>(l)].paint(code, classes.data(), [](std::string_view part, char* out) {
      if (bash >= 0) paint_grammar(static_cast<std::size_t>(bash), part, out);
    });
  } else {
    return {};
  }
  // Whitespace is plain except inside strings and comments (a query that
  // captures a whole `key = value` pair would otherwise colour its spaces:
  // bytes for nothing).
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const char ch = code[i], cls = classes[i];
    if ((ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') && cls != 's' && cls != 'c' && cls != 'e')
      classes[i] = '\0';
  }
  // A token never ends inside a UTF-8 character (nodes end at character
  // boundaries anyway; this is the replay's rule, kept by construction).
  for (std::size_t i = 1; i < classes.size(); ++i)
    if ((static_cast<unsigned char>(code[i]) & 0xC0) == 0x80) classes[i] = classes[i - 1];
  return encode_runs(classes);
}

std::string highlight_markdown(std::string_view markdown) {
  // Only a fenced block names a language: without a fence there is nothing
  // to highlight, and the render that finds the blocks is skipped.
  if (markdown.find("```") == std::string_view::npos && markdown.find("~~~") == std::string_view::npos) return {};
  // The blocks found by one md4c pass (code_blocks.hpp), else by a render.
  std::vector<FoundCodeBlock> found;
  if (scan_code_blocks(markdown, found)) return highlight_blocks(found);
  Collector collector;
  MarkdownOptions options;
  options.code = &collector;
  render_markdown(markdown, options);
  bool any = false;
  for (const std::string& runs : collector.blocks) any = any || !runs.empty();
  return any ? code_json(collector.blocks) : std::string();
}

bool would_wait(const std::vector<CodeBlockText>& blocks) {
  for (const CodeBlockText& block : blocks) {
    const int g = find_grammar(block.lang);
    if (g >= 0 && compile_states()[g].load() == 1) return true;
  }
  return false;
}

std::string highlight_blocks(const std::vector<CodeBlockText>& found) {
  std::vector<std::string> blocks;
  bool any = false;
  for (const CodeBlockText& block : found) {
    blocks.push_back(highlight(block.lang, block.text));
    any = any || !blocks.back().empty();
  }
  return any ? code_json(blocks) : std::string();
}

}  // namespace quire::highlight
