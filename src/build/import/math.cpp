// Math moved in (core/math.hpp says what Quire reads): the front matter
// keys themes read as "this page has math" (math, mathjax, katex,
// use_math...) become `math: true` (or false); an old config that turns
// math on for every page (Hugo's params.math or goldmark's passthrough,
// Jekyll's mathjax: true, Zola's extra.katex, an Eleventy config using a
// markdown-it math plugin) becomes site.yaml's `math: true`; and in a post
// with math, MathJax's \( \) and \[ \] delimiters (written \\( \\) in
// kramdown) become $ $ and $$ $$, which Quire reads, outside code. A
// post with no such switch whose dollars hold TeX ($\frac{a}{b}$, x^{2},
// a $$ block) gets math: true too (a theme loading KaTeX everywhere).
// Hugo without passthrough and Zola ran markdown over the TeX first
// (\_ for _, \\\\ for \\): those escapes are undone inside the math.
// Kramdown (Jekyll) reads $$...$$ among a paragraph's text as inline math,
// and alone on its lines as display math: the inline ones become $...$.
// A theme's math shortcodes and includes in the text: math_marker.
#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <regex>

#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"

namespace quire::import {
namespace {

// math_marker's note to carry_math, in an item's front matter meanwhile.
constexpr const char* kRawMark = " math kept raw";

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "true", "yes", "on", "katex", "mathjax": on; "false", "no", "off", "": off.
std::optional<bool> truthy(const ojson& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<long long>() != 0;
  if (v.is_object()) {
    for (const char* k : {"enable", "enabled", "Enable", "use"})
      if (v.contains(k)) return truthy(v[k]);
    return std::nullopt;
  }
  if (!v.is_string()) return std::nullopt;
  const std::string s = lower(trim(v.get<std::string>()));
  if (s == "true" || s == "yes" || s == "on" || s == "katex" || s == "mathjax" || s == "mathjax3" || s == "mathml")
    return true;
  if (s == "false" || s == "no" || s == "off" || s.empty()) return false;
  return std::nullopt;
}

// MathJax's delimiter pair at `at` ("\(" or "\\(" and their closers).
struct Delimiter {
  size_t size = 0;
  bool display = false;
  bool open = false;
};
Delimiter delimiter_at(std::string_view s, size_t at) {
  if (s[at] != '\\') return {};
  size_t i = at + 1;
  if (i < s.size() && s[i] == '\\') ++i;  // kramdown: \\( in markdown is \( in HTML
  if (i >= s.size()) return {};
  switch (s[i]) {
    case '(': return {i + 1 - at, false, true};
    case ')': return {i + 1 - at, false, false};
    case '[': return {i + 1 - at, true, true};
    case ']': return {i + 1 - at, true, false};
    default: return {};
  }
}

}  // namespace

bool is_math_key(std::string_view key) {
  static const char* const kKeys[] = {"math", "mathjax", "katex", "usemath", "use_math", "usemathjax", "use_mathjax",
                                      "usekatex", "use_katex", "enablemathjax", "enable_mathjax", "enablemath",
                                      "enable_math", "enablekatex", "hasmath", "has_math", "latex", "mathml",
                                      "katex_enable", "mathjax_enable", "math_enable"};  // Zola themes' (even's katex_enable)
  const std::string k = lower(key);
  return std::any_of(std::begin(kKeys), std::end(kKeys), [&](const char* m) { return k == m; });
}

std::optional<bool> math_value(const ojson& v) { return truthy(v); }

bool config_math(const ojson& config) {
  // Where engines and themes put it: the top level (Jekyll), params (Hugo),
  // extra (Zola), and a level or two below (params.features.math.enable,
  // params.page.math.enable); goldmark's passthrough extension is Hugo's
  // own way to keep TeX for a math renderer.
  std::function<bool(const ojson&, int)> walk = [&](const ojson& o, int depth) {
    if (!o.is_object() || depth > 4) return false;
    for (const auto& [k, v] : o.items()) {
      const std::string key = lower(k);
      if ((is_math_key(key) || key == "passthrough") && truthy(v).value_or(false)) return true;
      if (v.is_object() && key != "defaults" && walk(v, depth + 1)) return true;
    }
    return false;
  };
  return walk(config, 0);
}

namespace {

// What kramdown (Jekyll) gave MathJax for TeX it read as markdown (between
// \\( \\)): its escapes undone, those of kramdown's list only (\, stays,
// a thin space; \$ stays, which would end the math here).
std::string kramdown_unescape(std::string_view tex) {
  static constexpr std::string_view kEscapable = "\\.*_+-`()[]{}#!:|\"'=<>";
  std::string out;
  out.reserve(tex.size());
  for (size_t i = 0; i < tex.size(); ++i) {
    if (tex[i] == '\\' && i + 1 < tex.size() && kEscapable.find(tex[i + 1]) != std::string_view::npos) ++i;
    out += tex[i];
  }
  return out;
}

}  // namespace

std::string math_delimiters(std::string_view markdown, bool kramdown) {
  if (markdown.find('\\') == std::string_view::npos) return std::string(markdown);
  const std::vector<bool> code = code_bytes(markdown);
  std::string out;
  out.reserve(markdown.size());
  for (size_t i = 0; i < markdown.size();) {
    const Delimiter d = code[i] ? Delimiter{} : delimiter_at(markdown, i);
    if (!d.open) {
      out += markdown[i++];
      continue;
    }
    // The closer of the same kind, outside code, not past a blank line
    // (display math may span lines; a paragraph may not end inside it).
    size_t j = i + d.size;
    size_t close = std::string_view::npos;
    Delimiter c;
    for (; j < markdown.size(); ++j) {
      if (markdown.substr(j, 2) == "\n\n") break;
      if (code[j] || markdown[j] != '\\') continue;
      c = delimiter_at(markdown, j);
      if (c.size == d.size && c.display == d.display && !c.open) {
        close = j;
        break;
      }
      if (c.size) j += c.size - 1;
    }
    if (close == std::string_view::npos) {
      out.append(markdown.substr(i, d.size));
      i += d.size;
      continue;
    }
    std::string_view inner = markdown.substr(i + d.size, close - i - d.size);
    if (!d.display) {
      // MathJax reads \( x \) as x; Quire takes "$ " for a dollar sign, not math.
      const size_t from = inner.find_first_not_of(" \t\r\n"), to = inner.find_last_not_of(" \t\r\n");
      if (from != std::string_view::npos) inner = inner.substr(from, to + 1 - from);
    }
    const char* mark = d.display ? "$$" : "$";
    out.append(mark).append(kramdown && d.size == 3 ? kramdown_unescape(inner) : std::string(inner)).append(mark);
    i = close + c.size;
  }
  return out;
}

std::string kramdown_inline_math(std::string_view markdown) {
  if (markdown.find("$$") == std::string_view::npos) return std::string(markdown);
  const std::vector<bool> code = code_bytes(markdown);  // TeX included: its bytes are marked from its first '$'
  std::string out(markdown);
  for (size_t line = 0; line < markdown.size();) {
    size_t end = markdown.find('\n', line);
    if (end == std::string_view::npos) end = markdown.size();
    for (size_t i = line; i + 1 < end; ++i) {
      if (markdown[i] != '$' || markdown[i + 1] != '$' || (i > line && code[i - 1] && markdown[i - 1] != '$')) continue;
      const size_t close = markdown.find("$$", i + 2);
      if (close == std::string_view::npos || close >= end) break;  // a block over lines: display
      const std::string_view before = markdown.substr(line, i - line), after = markdown.substr(close + 2, end - close - 2);
      const bool alone = before.find_first_not_of(" \t>") == std::string_view::npos &&
                         after.find_first_not_of(" \t\r") == std::string_view::npos;
      if (!alone) {  // among text: kramdown's inline math
        out[i + 1] = '\x01';
        out[close + 1] = '\x01';
        // "$$ B $$" (agisga's 85): "$B$", as a dollar pair takes no space inside
        for (size_t k = i + 2; k < close && (markdown[k] == ' ' || markdown[k] == '\t'); ++k) out[k] = '\x01';
        for (size_t k = close; k > i + 2 && (markdown[k - 1] == ' ' || markdown[k - 1] == '\t'); --k) out[k - 1] = '\x01';
      }
      i = close + 1;
    }
    line = end + 1;
  }
  out.erase(std::remove(out.begin(), out.end(), '\x01'), out.end());
  return out;
}

namespace {

// A TeX command blogs' formulas use (a shell's "\n" or a path's "\Users"
// is none of them).
bool tex_command(std::string_view name) {
  static const char* const kCommands[] = {
      "frac", "dfrac", "tfrac", "sqrt", "sum", "prod", "int", "iint", "oint", "lim", "infty", "partial", "nabla",
      "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
      "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
      "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega", "cdot", "cdots", "ldots",
      "dots", "times", "div", "pm", "mp", "leq", "geq", "le", "ge", "neq", "ne", "approx", "equiv", "sim", "propto",
      "in", "notin", "subset", "subseteq", "cup", "cap", "forall", "exists", "to", "rightarrow", "Rightarrow",
      "leftarrow", "Leftarrow", "leftrightarrow", "iff", "implies", "mapsto", "left", "right", "big", "Big",
      "begin", "end", "text", "mathrm", "mathbf", "mathbb", "mathcal", "mathit", "mathsf", "boldsymbol",
      "operatorname", "displaystyle", "hat", "bar", "vec", "tilde", "dot", "ddot", "overline", "underline",
      "overbrace", "underbrace", "binom", "choose", "log", "ln", "exp", "sin", "cos", "tan", "max", "min", "arg",
      "argmax", "argmin", "det", "mid", "quad", "qquad", "langle", "rangle", "lfloor", "rfloor", "lceil", "rceil",
      "circ", "oplus", "otimes", "emptyset", "mathop", "limits", "TeX", "LaTeX", "KaTeX", "hline", "over", "atop"};
  return std::any_of(std::begin(kCommands), std::end(kCommands), [&](const char* c) { return name == c; });
}

}  // namespace

bool hugo_passthrough(const ojson& config) {
  const ojson* at = &config;
  for (const char* k : {"markup", "goldmark", "extensions", "passthrough"}) {
    if (!at->is_object() || !at->contains(k)) return false;
    at = &(*at)[k];
  }
  return truthy(*at).value_or(false);
}

std::string unescape_math(std::string_view markdown, bool kramdown) {
  if (markdown.find('\\') == std::string_view::npos) return std::string(markdown);
  const std::vector<bool> code = code_bytes(markdown);  // TeX included, from its first '$'
  std::string out;
  out.reserve(markdown.size());
  bool in_math = false;
  static constexpr std::string_view kKramdownEscapable = "\\.*_+-`()[]{}#!:|\"'=<>";
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (!code[i]) in_math = false;
    else if (markdown[i] == '$' && (i == 0 || !code[i - 1]))
      in_math = !kramdown || i + 1 >= markdown.size() || markdown[i + 1] != '$';  // kramdown's $$ was raw
    if (in_math && markdown[i] == '\\' && i + 1 < markdown.size() && code[i + 1] &&
        std::ispunct(static_cast<unsigned char>(markdown[i + 1])) && markdown[i + 1] != '$' &&
        (!kramdown || kKramdownEscapable.find(markdown[i + 1]) != std::string_view::npos)) {
      out += markdown[++i];  // what the old engine's markdown gave MathJax
      continue;
    }
    out += markdown[i];
  }
  return out;
}

bool has_tex_math(std::string_view markdown) {
  if (markdown.find('$') == std::string_view::npos) return false;
  // code_bytes() marks TeX between dollars as it marks code: a marked run
  // that starts at a '$' is TeX (code starts at a backtick, a fence or an
  // indent). Raw <pre> blocks (a WordPress export's code) are code too.
  std::vector<bool> code = code_bytes(markdown);
  std::vector<bool> pre(markdown.size(), false);
  for (size_t at = markdown.find("<pre"); at != std::string_view::npos; at = markdown.find("<pre", at + 4)) {
    const size_t end = markdown.find("</pre>", at);
    std::fill(pre.begin() + static_cast<std::ptrdiff_t>(at),
              end == std::string_view::npos ? pre.end() : pre.begin() + static_cast<std::ptrdiff_t>(end), true);
    if (end == std::string_view::npos) break;
  }
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (!code[i] || pre[i] || markdown[i] != '$' || (i > 0 && code[i - 1])) continue;
    size_t j = i;
    while (j < markdown.size() && code[j]) ++j;
    const std::string_view tex = markdown.substr(i, j - i);
    if (tex.substr(0, 2) == "$$" && tex.size() > 4) return true;
    for (size_t k = 0; k + 1 < tex.size(); ++k) {
      if ((tex[k] == '^' || tex[k] == '_') && tex[k + 1] == '{') return true;
      if (tex[k] != '\\') continue;
      size_t e = k + 1;
      while (e < tex.size() && std::isalpha(static_cast<unsigned char>(tex[e]))) ++e;
      if (tex_command(tex.substr(k + 1, e - k - 1))) return true;
    }
    i = j;
  }
  return false;
}

TagResult math_marker(const Run& run, Item& item, std::string_view text, Tag& t) {
  TagResult r;
  static const std::regex liquid(R"(include\s+"?(mathjax|katex|math|latex)(\.html)?"?)");
  const bool shortcode = (t.open == "{{<" || t.open == "{{%") && run.engine == Engine::hugo;
  const std::string name = t.inner.substr(0, t.inner.find_first_of(" \t"));
  const bool display = t.inner.find("display") != std::string::npos;
  const bool hugo = shortcode && (name == "katex" || name == "mathjax" || name == "math");
  const bool jekyll = t.open == "{%" && (run.engine == Engine::jekyll || run.engine == Engine::eleventy) &&
                      std::regex_match(t.inner, liquid);
  if (!hugo && !jekyll) return r;
  if (!item.out.contains("math")) item.out["math"] = true;
  r.converted = true;
  r.construct = hugo ? t.open + " " + name + " " + (t.open == "{{<" ? ">}}" : "%}}") + " (as math: true)"
                     : "{% include " + std::string(t.inner.find("katex") != std::string::npos ? "katex" : "mathjax") +
                           " %} (as math: true)";
  size_t close_end = 0;
  const size_t close = hugo ? find_closing(text, t.end, t.open, "/" + name, close_end) : std::string_view::npos;
  if (close == std::string_view::npos) return r;  // a switch (Blowfish's {{< katex >}}): removed
  // Around TeX, which the shortcode kept from markdown: no escapes to undo
  // (a mark for carry_math, which takes it out of the front matter).
  item.out[kRawMark] = true;
  const std::string inner = trim(text.substr(t.end, close - t.end));
  if (name == "math" || inner.rfind("$", 0) == 0) r.replacement = inner;  // Hugo Blox: $$...$$ inside
  else if (display) r.replacement = "\n$$\n" + inner + "\n$$\n";
  else r.replacement = "$" + inner + "$";
  t.end = close_end;
  return r;
}

void carry_math(Run& run, const ojson& site) {
  const bool site_math = site.contains("math") && site["math"] == true;
  for (Item& item : run.items) {
    const bool raw_mark = item.out.contains(kRawMark);
    item.out.erase(kRawMark);
    bool on = item.out.contains("math") ? item.out["math"] == true : site_math;
    // A theme that loads KaTeX or MathJax on every page says so nowhere the
    // import reads (its layouts may not even be in the repository): a post
    // whose dollars hold TeX commands is taken as math.
    if (!on && !item.out.contains("math") && has_tex_math(item.body)) {
      item.out["math"] = on = true;
      run.count("posts with TeX between dollars (math: true)");
    }
    if (!on) continue;
    std::string body = math_delimiters(item.body, run.engine == Engine::jekyll);
    // kramdown read $...$ as text, its escapes undone before MathJax saw it
    // (Hux's $\Sigma = \\{0, 1\\}$ was \{0, 1\}); its $$...$$ was raw.
    if (run.engine == Engine::jekyll) body = kramdown_inline_math(unescape_math(body, true));
    // Hugo (without goldmark's passthrough) and Zola ran their markdown
    // over the TeX before MathJax or KaTeX read it: authors wrote \_ and
    // \\\\ to get _ and \\. Quire leaves TeX alone, so the escapes go.
    const bool raw = raw_mark;
    if (((run.engine == Engine::hugo && !site.contains("math_raw")) || run.engine == Engine::zola) && !raw)
      body = unescape_math(body);
    if (body != item.body) {
      item.body = std::move(body);
      run.count("MathJax \\( \\) or \\[ \\] delimiters (now $ and $$)");
    }
  }
}

}  // namespace quire::import
