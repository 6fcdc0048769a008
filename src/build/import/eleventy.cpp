// Eleventy: .eleventy.js or eleventy.config.{js,mjs,cjs} (read, not run:
// dir.input, dir.data, pathPrefix and addPassthroughCopy paths, with their
// targets, are picked out of the text), site data in <data>/metadata.json
// (or site.json, .yaml, or a .js data file: js_literal.hpp), posts as the
// markdown files in a folder named posts, post, blog, articles or _posts
// (every folder is read but _includes, _layouts, _data and _site), or one
// the config makes a collection of (getFilteredByTag/Glob, or a filter on
// item.inputPath.startsWith("./content/archive/")); such a folder's own
// index.md is its list of posts, left to Quire's lists (a
// folder's data file <dir>/<dir>.json or <dir>.11tydata.{json,js} with
// "tags" names a collection, not a topic: those tags are dropped; a
// permalink function returning `/${year}/${month}/${day}/${fileSlug}/` is
// that pattern; a post
// in <x>/index.md or <x>/<x>.md is a folder with its images), other
// markdown files with front matter as pages. Markdown in Eleventy goes
// through Liquid (or Nunjucks) first: the same tags as Jekyll's are
// converted. Links to a post's source file (href="/blog/x.md", as
// Eleventy's InputPathToUrl plugin allows) become its new URL.
#include <algorithm>
#include <cstring>
#include <optional>
#include <regex>
#include <set>

#include "build/fsutil.hpp"
#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"
#include "build/import/js_literal.hpp"
#include "core/bundle.hpp"  // tag_slug
#include "core/markdown.hpp"

#include <md4c.h>

namespace quire::import {

namespace {

// _posts: a blog moved from Jekyll keeps its folder (Eleventy reads folders
// named with "_" as any other).
const std::set<std::string> kPostFolders = {"posts", "post", "blog", "articles", "_posts"};
const char* const kCollectionTags[] = {"all", "nav", "post", "posts", "tagList"};

struct Config {
  std::string input = ".";
  // dir.includes and dir.layouts (relative to input): where a template's
  // layout is looked for (layout_permalink).
  std::string includes = "_includes", layouts;
  std::string data = "_data";  // relative to input (Eleventy's dir.data)
  std::string path_prefix;
  std::vector<std::string> feeds;  // the RSS plugin's outputPath
  // addPassthroughCopy: a source path, and where it is published when the
  // config maps it ({"./public/": "/"}), else "" (at its own path).
  std::vector<std::pair<std::string, std::optional<std::string>>> passthrough;
  // Folders the config makes collections of, beside posts/, blog/...:
  // addCollection("writings", c => c.getFilteredByTag("writings")) or
  // getFilteredByGlob("src/notes/*.md").
  std::set<std::string> post_folders;
  // Folders of the config's other collections where it names one of posts
  // (slifty's projects beside its posts): an undated file there is a page.
  std::set<std::string> other_collection_folders;
  // The names of the config's collections of those posts
  // (addCollection("rss", api => api.getFilteredByGlob("posts/*.md")):
  // a feed template over collections.rss is the posts' feed).
  std::set<std::string> post_collections;
  // A markdown-it math plugin (markdown-it-katex, -mathjax3, -texmath):
  // every page's TeX was math (site.yaml math: true, math.cpp).
  bool math = false;
  // markdown-it's typographer (off by default, and in Eleventy's own
  // instance): the posts' quotes were straight (site.yaml smart_punctuation).
  bool typographer = false;
  // markdown-it's breaks (off by default): each line break in a paragraph
  // was a <br> (site.yaml hard_breaks).
  bool breaks = false;
  // markdown-it-attrs: {.class #id key=value} after a span or ending a
  // block set attributes, never shown (drop_markdown_attrs).
  bool attrs = false;
  // markdown-it-kbd's [[Ctrl]] and markdown-it-mark's ==text==: <kbd>, <mark>.
  bool kbd = false, mark = false;
  // eleventy-plugin-youtube-embed: a YouTube URL alone on its line was a player.
  bool youtube = false;
  // markdown-it-table-of-contents' [[toc]] line: toc: true.
  bool toc = false;
  // eleventy-img's transform: an <img> from the input folder's root is published.
  bool image_transform = false;
  // eleventyConfig.ignores.add("NOTES.md") (from the project's root), and
  // whether .gitignore counts too (setUseGitIgnore(false): not).
  std::vector<std::string> ignores;
  bool git_ignore = true;
  // templateFormats (the config's return, setTemplateFormats, and
  // addTemplateFormats), when given: a file of another extension was no
  // template (henrik's posts/*.markdown beside ["njk", "md"]).
  std::optional<std::set<std::string>> formats;
  std::string file;  // the config's own file, for the report
  // markdown-it's "code" rule: indented code blocks. Eleventy 2 and later
  // disable it (issue #2438), in the instance a config sets too, unless the
  // config enables it again; 0.x and 1.x keep it unless the config disables it.
  bool indented_code = true;
};

// With markdown-it's code rule off, what CommonMark reads as an indented
// code block was text: a paragraph, indented HTML (an <img> between blank
// lines inside a <div>). Each such block's lines lose the indentation that
// made them code (md4c finds the blocks; each line's text pointer is past
// its whitespace, the indentation beyond the code's 4 columns given apart).
std::string unindent_code_blocks(const std::string& text, size_t& blocks) {
  struct Scan {
    const char* begin;
    const char* end;
    bool in_code = false;
    size_t extra = 0;  // indentation md4c gave before the next line's text
    std::vector<std::pair<size_t, size_t>> lines;  // text offset, columns to remove
    size_t blocks = 0;
  } scan{text.data(), text.data() + text.size(), false, 0, {}, 0};
  MD_PARSER parser{};
  parser.flags = markdown_parser_flags(text);
  parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* u) {
    auto& sc = *static_cast<Scan*>(u);
    if (type == MD_BLOCK_CODE && static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char == 0) sc.in_code = true, ++sc.blocks;
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void*, void* u) {
    if (type == MD_BLOCK_CODE) static_cast<Scan*>(u)->in_code = false;
    return 0;
  };
  parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* t, MD_SIZE size, void* u) {
    auto& sc = *static_cast<Scan*>(u);
    if (!sc.in_code || type != MD_TEXT_CODE) return 0;
    if (t >= sc.begin && t < sc.end) {
      sc.lines.emplace_back(static_cast<size_t>(t - sc.begin), 4 + sc.extra);
      sc.extra = 0;
    } else if (!(size == 1 && *t == '\n')) {
      sc.extra += size;  // md4c's own run of spaces
    } else {
      sc.extra = 0;
    }
    return 0;
  };
  if (text.size() > 0xFFFFFFF0u || md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &scan) != 0 ||
      scan.lines.empty()) {
    blocks = 0;
    return text;
  }
  blocks = scan.blocks;
  std::string out;
  size_t copied = 0;
  for (const auto& [at, columns] : scan.lines) {
    // Back from the text over the whitespace of those columns (a tab to
    // its stop: 4 at most), not into a list item's own indentation.
    size_t from = at, removed = 0;
    while (from > copied && removed < columns && (text[from - 1] == ' ' || text[from - 1] == '\t'))
      removed += text[--from] == '\t' ? 4 : 1;
    out.append(text, copied, from - copied);
    // The line, without Nunjucks' {% raw %} markers, which the conversion
    // kept in what it took for code and Nunjucks had taken out (bradfrost's).
    const size_t end = std::min(text.find('\n', at), text.size());
    static const std::regex raw(R"(\{%-?\s*(?:raw|endraw)\s*-?%\})");
    out += std::regex_replace(text.substr(at, end - at), raw, "");
    copied = end;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

// A shortcode the config defines as a template literal of its parameters
// ({% hotlink 'https://a', 'the article' %}): the literal, filled in.
TagResult config_shortcode(Run& run, std::string_view text, Tag& t) {
  TagResult r;
  if (t.open != "{%" && t.open != "{{") return r;
  const size_t name_end = std::min(t.inner.find_first_of(" \t\n"), t.inner.size());
  // eleventy-plugin-footnotes: {% footnoteref "id" "note" %}text{% endfootnoteref %}
  // is text[^id], the note a markdown footnote (maxx1128's 6 posts).
  if (t.open == "{%" && t.inner.compare(0, name_end, "footnoteref") == 0 && run.converting) {
    const Args args = parse_args(std::string_view(t.inner).substr(name_end));
    static const std::regex close(R"(\{%-?\s*endfootnoteref\s*-?%\})");
    std::match_results<std::string_view::const_iterator> m;
    const std::string_view rest = text.substr(t.end);
    if (args.words.size() != 2 || args.words[0].empty() || args.words[0].find_first_of(" \t\n[]") != std::string::npos ||
        !std::regex_search(rest.begin(), rest.end(), m, close))
      return r;
    const std::string_view inner = rest.substr(0, static_cast<size_t>(m.position(0)));
    if (inner.find("{%") != std::string_view::npos || inner.find('\n') != std::string_view::npos) return r;
    t.end += static_cast<size_t>(m.position(0) + m.length(0));
    r.converted = true;
    r.replacement = std::string(inner) + "[^" + args.words[0] + "]";
    run.footnote_definitions[run.converting->source] += "\n[^" + args.words[0] + "]: " + args.words[1] + "\n";
    r.construct = "{% footnoteref %} (eleventy-plugin-footnotes, as a footnote)";
    return r;
  }
  const auto sc = run.eleventy_shortcodes.find(t.inner.substr(0, name_end));
  if (sc == run.eleventy_shortcodes.end() || t.open != "{%") return r;
  const Args args = parse_args(std::string_view(t.inner).substr(name_end));
  if (args.words.size() > sc->second.params.size() || !args.named.empty()) return r;
  std::string out = sc->second.body;
  for (size_t i = 0; i < sc->second.params.size(); ++i) {
    const auto& [name, def] = sc->second.params[i];
    const std::string value = i < args.words.size() ? args.words[i] : def;
    for (size_t at; (at = out.find("${" + name + "}")) != std::string::npos;) out.replace(at, name.size() + 3, value);
  }
  for (const auto& [from, to] : {std::pair<const char*, const char*>{"\\n", "\n"}, {"\\t", "\t"}})
    for (size_t at; (at = out.find(from)) != std::string::npos;) out.replace(at, 2, to);
  r.converted = true;
  r.replacement = out;
  r.construct = "{% " + sc->first + " %} (a shortcode of the config's, its HTML filled in)";
  return r;
}

// {{ '{{name}}' }}: a string printed as it is, which liquidjs and Nunjucks
// read to its closing quote, "}}" in it too (a post showing a prompt
// template's {{question}} had the tag left wrapped around it).
TagResult string_output(std::string_view text, Tag& t) {
  TagResult r;
  if (t.open != "{{") return r;
  size_t at = text.find_first_not_of(" \t\n", t.begin + 2);
  if (at != std::string_view::npos && text[at] == '-') at = text.find_first_not_of(" \t\n", at + 1);
  if (at == std::string_view::npos || (text[at] != '\'' && text[at] != '"')) return r;
  const size_t close = text.find(text[at], at + 1);
  if (close == std::string_view::npos) return r;
  size_t end = text.find_first_not_of(" \t\n", close + 1);
  if (end != std::string_view::npos && text[end] == '-') ++end;
  if (end == std::string_view::npos || text.compare(end, 2, "}}") != 0) return r;  // a filter after it: not this
  t.end = end + 2;
  r.converted = true;
  r.replacement = std::string(text.substr(at + 1, close - at - 1));
  r.construct = "{{ 'text' }} (a string printed as it is)";
  return r;
}

// markdown-it-kbd's [[x]] and markdown-it-mark's ==x== outside code, on
// one line, as the HTML element those plugins wrote (alexcarpenter's
// [[caps lock]] showed with its brackets).
std::string inline_pairs(Run& run, const std::string& text, std::string_view open, std::string_view close,
                         const std::string& element) {
  if (text.find(open) == std::string::npos) return text;
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  size_t copied = 0, count = 0;
  for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    if (code[at]) continue;
    const size_t inner = at + open.size();
    const size_t end = text.find(close, inner);
    if (end == std::string::npos || end == inner || code[end]) continue;
    const std::string_view body = std::string_view(text).substr(inner, end - inner);
    if (body.find('\n') != std::string_view::npos || body.front() == ' ' || body.back() == ' ' ||
        body.find_first_of(element == "kbd" ? "[]" : "=") != std::string_view::npos)
      continue;
    out.append(text, copied, at - copied);
    out += "<" + element + ">" + std::string(body) + "</" + element + ">";
    copied = end + close.size();
    at = copied - 1;
    ++count;
  }
  if (!count) return text;
  out.append(text, copied, std::string::npos);
  run.report.converted[std::string(open) + "x" + std::string(close) + " (markdown-it-" + element + ", as <" + element + ">)"] += count;
  return out;
}

// A date filter written by hand from the date's parts (musikele's
// toISODate: `${year}/${month}/${day}` of getFullYear(), getMonth() + 1
// and getDate(), each padStart(2, '0'), in 97 posts' permalink): the
// luxon format it amounts to ("yyyy/MM/dd"), or "" for any other body.
std::string date_parts_format(const std::string& body) {
  static const std::regex literal(R"((?:return|=>)\s*`([^`]*)`)");
  std::smatch m;
  if (!std::regex_search(body, m, literal)) return "";
  const std::string tpl = m[1];
  static const std::regex part(R"(\bget(?:UTC)?(FullYear|Month|Date)\(\s*\))");
  static const std::regex padded(R"(padStart\(\s*2\s*,\s*["'`]0["'`]\s*\)|slice\(\s*-2\s*\))");
  static const std::regex plus_one(R"(\+\s*1\b)");
  std::string out;
  for (size_t at = 0; at < tpl.size();) {
    if (tpl.compare(at, 2, "${") != 0) {
      // Text between the parts: no letter a format would read as one.
      if (std::isalnum(static_cast<unsigned char>(tpl[at])) || tpl[at] == '$' || tpl[at] == '{' || tpl[at] == '}' || tpl[at] == '\'')
        return "";
      out += tpl[at++];
      continue;
    }
    const size_t end = tpl.find('}', at);
    if (end == std::string::npos) return "";
    std::string expr = trim(std::string_view(tpl).substr(at + 2, end - at - 2));
    at = end + 1;
    // a local of the filter (`const month = String(d.getMonth() + 1).padStart(2, '0')`): its value
    if (std::smatch def; expr.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") == std::string::npos &&
                         std::regex_search(body, def, std::regex("(?:const|let|var)\\s+" + expr + "\\s*=\\s*([^;\\n]+)")))
      expr = def[1];
    std::smatch p;
    if (!std::regex_search(expr, p, part) || std::next(std::sregex_iterator(expr.begin(), expr.end(), part)) != std::sregex_iterator())
      return "";
    const bool pad = std::regex_search(expr, padded);
    if (p[1] == "FullYear") out += "yyyy";
    else if (p[1] == "Month" && std::regex_search(expr, plus_one)) out += pad ? "MM" : "M";
    else if (p[1] == "Date") out += pad ? "dd" : "d";
    else return "";
  }
  return out.find('y') != std::string::npos || out.find('M') != std::string::npos || out.find('d') != std::string::npos ? out : "";
}

Config read_config(Run& run) {
  Config cfg;
  std::string text;
  fs::path config_dir = run.src;
  for (const char* name : {".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs",
                           ".eleventy.ts", "eleventy.config.ts", "eleventy.config.mts", "eleventy.config.cts"})  // 3.0 reads TypeScript
    if (read_file(run.src / name, text)) {
      cfg.file = run.shown(run.src / name);
      break;
    }
  // `eleventy --config=_eleventy/config.js` in package.json's scripts
  // (alexcarpenter's): that file.
  if (std::string package; text.empty() && read_file(run.src / "package.json", package)) {
    std::smatch m;
    if (std::regex_search(package, m, std::regex(R"(eleventy[^"\n]*--config[= ]['\\"]*([A-Za-z0-9_./-]+))")) &&
        read_file((run.src / m[1].str()).lexically_normal(), text)) {
      config_dir = (run.src / m[1].str()).lexically_normal().parent_path();
      cfg.file = run.shown(run.src / m[1].str());
      run.count("the config package.json's eleventy --config names");
    }
  }
  // The version package.json depends on ("^2.0.1", "3.0.0-alpha.5", "latest").
  if (std::string package; read_file(run.src / "package.json", package)) {
    std::smatch v;
    if (std::regex_search(package, v, std::regex(R"re("@11ty/eleventy"\s*:\s*"[\^~>=v ]*(\d+|latest|next|\*)[^"]*")re")))
      cfg.indented_code = v[1] == "0" || v[1] == "1";
  }
  if (text.empty()) return cfg;
  // Read by patterns below: a commented-out line (`// pathPrefix: "/sub/"`,
  // an old passthrough) is no setting.
  text = js_without_comments(text);
  // A config split in modules (require("./eleventy/config/passthrough"),
  // import x from "./config/plugins.js"): their text is read too, before
  // the config's own, whose return stays the last.
  std::string modules;
  std::set<fs::path> seen;
  static const std::regex module(R"re((?:require\(\s*|from\s+|import\s+)["'](\.{1,2}/[^"']+)["'])re");
  // Each module's imports are relative to its own folder (a starter's
  // src/_config/plugins.js re-exporting ./plugins/markdown.js), three deep.
  std::vector<std::pair<std::string, fs::path>> level = {{text, config_dir}}, next;
  for (int depth = 0; depth < 3 && !level.empty(); ++depth, level = std::move(next), next.clear()) {
    for (const auto& [scan, dir] : level)
      for (auto it = std::sregex_iterator(scan.begin(), scan.end(), module); it != std::sregex_iterator(); ++it) {
        const std::string rel = (*it)[1];
        // (a folder's index.js too, as Node resolves require("./config/collections"): cassey's 113 TIL notes)
        for (const char* ext : {"", ".js", ".mjs", ".cjs", ".ts", "/index.js", "/index.mjs", "/index.cjs"}) {
          const fs::path f = (dir / (rel + ext)).lexically_normal();
          std::error_code ec;
          std::string part;
          if (!fs::is_regular_file(f, ec) || f.lexically_relative(run.src).string().rfind("..", 0) == 0) continue;
          if (seen.insert(f).second && read_file(f, part)) {
            part = js_without_comments(part);
            modules += part + "\n";
            next.emplace_back(std::move(part), f.parent_path());
          }
          break;
        }
      }
  }
  text = modules + text;
  // A call chained across lines (henrik's `DateTime.fromJSDate(d).\n
  // toFormat("y/MM")`, in 345 posts' permalink): on one, as the patterns
  // below read it.
  static const std::regex chained(R"(\)\s*\.\s*([A-Za-z_$][\w$]*\s*\())");
  text = std::regex_replace(text, chained, ").$1");
  run.eleventy_drafts = text.find("draft") != std::string::npos;
  run.emoji = text.find("markdown-it-emoji") != std::string::npos;  // :tada: as its emoji (emojify)
  std::smatch m;
  // The last one: the config function's own return ends it, after any
  // earlier `return { dir: ... }` inside a callback.
  auto last = [&](const std::regex& re) -> std::optional<std::string> {
    std::optional<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) found = (*it)[1];
    return found;
  };
  // dir: { input: "src" }, or a constant's name (const rootDir = 'src';
  // ... input: rootDir, chriskirknielsen's).
  auto dir_key = [&](const char* key) -> std::optional<std::string> {
    const auto v = last(std::regex(std::string(R"(\b)") + key + R"(\s*:\s*(["'`][^"'`]+["'`]|[A-Za-z_$][\w$]*)\s*[,}\n])"));
    if (!v || v->empty()) return std::nullopt;
    if ((*v)[0] == '"' || (*v)[0] == '\'' || (*v)[0] == '`') return v->substr(1, v->size() - 2);
    std::smatch c;
    if (std::regex_search(text, c, std::regex(R"((?:const|let|var)\s+)" + *v + R"(\s*=\s*["'`]([^"'`]+)["'`])")))
      return c[1].str();
    return std::nullopt;
  };
  if (const auto v = dir_key("input")) cfg.input = *v;
  if (const auto v = dir_key("includes")) cfg.includes = *v;
  if (const auto v = dir_key("layouts")) cfg.layouts = *v;
  if (const auto v = dir_key("data")) cfg.data = *v;
  // markdown-it's options count when the site's library is markdown-it set
  // or amended (setLibrary, amendLibrary), and not on a line of a shortcode's
  // or a filter's own instance (kpwags's note shortcode rendered its text
  // with `new MarkdownIt({ typographer: true })`; the posts' quotes stayed straight).
  const bool own_library = text.find("setLibrary") != std::string::npos || text.find("amendLibrary") != std::string::npos;
  auto library_option = [&](const std::regex& option) {
    if (!own_library) return false;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option); it != std::sregex_iterator(); ++it) {
      const size_t at = static_cast<size_t>(it->position());
      const size_t line = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
      const std::string_view head(text.data() + line, at - line);
      if (head.find("Shortcode") == std::string_view::npos && head.find("addFilter") == std::string_view::npos) return true;
    }
    return false;
  };
  cfg.typographer = library_option(std::regex(R"(typographer\s*:\s*true)"));
  cfg.breaks = library_option(std::regex(R"(\bbreaks\s*:\s*true)"));
  cfg.attrs = text.find("markdown-it-attrs") != std::string::npos;
  cfg.kbd = text.find("markdown-it-kbd") != std::string::npos;
  cfg.youtube = text.find("eleventy-plugin-youtube-embed") != std::string::npos;
  cfg.image_transform = text.find("eleventyImageTransformPlugin") != std::string::npos;
  cfg.toc = text.find("markdown-it-table-of-contents") != std::string::npos || text.find("markdown-it-toc") != std::string::npos;
  cfg.mark = text.find("markdown-it-mark") != std::string::npos;
  // addShortcode("name", (a, b = 'x') => `...${a}...`) or with a body that
  // only returns the literal: its parameters and the literal.
  static const std::regex shortcode(
      R"re(add(?:Nunjucks|Liquid)?Shortcode\(\s*["'`]([\w-]+)["'`]\s*,\s*(?:function\s*\w*\s*)?\(?((?:[^()>{}`=]|=(?!>))*?)\)?\s*(?:=>)?\s*(?:\{\s*(?:\/\/[^\n]*\n\s*)*return\s*)?`([^`]*)`\s*;?\s*\}?\s*\))re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), shortcode); it != std::sregex_iterator(); ++it) {
    Run::Shortcode sc;
    sc.body = (*it)[3];
    bool simple = true;
    std::string params = (*it)[2];
    for (size_t at = 0; at <= params.size();) {
      const size_t comma = std::min(params.find(',', at), params.size());
      std::string p = trim(params.substr(at, comma - at)), def;
      if (const size_t eq = p.find('='); eq != std::string::npos) {
        def = trim(p.substr(eq + 1));
        p = trim(p.substr(0, eq));
        if (def.size() >= 2 && (def[0] == '\'' || def[0] == '"') && def.back() == def[0]) def = def.substr(1, def.size() - 2);
        else simple = false;
      }
      if (!p.empty()) {
        if (p.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") != std::string::npos) simple = false;
        sc.params.emplace_back(p, def);
      }
      at = comma + 1;
    }
    // Only ${name} of its parameters in the literal: nothing else to run.
    for (size_t at = sc.body.find("${"); simple && at != std::string::npos; at = sc.body.find("${", at + 2)) {
      const size_t end = sc.body.find('}', at);
      const std::string name = end == std::string::npos ? "" : trim(sc.body.substr(at + 2, end - at - 2));
      simple = std::any_of(sc.params.begin(), sc.params.end(), [&](const auto& p) { return p.first == name; });
    }
    if (simple) run.eleventy_shortcodes[(*it)[1]] = sc;
  }
  if (std::regex_search(text, std::regex(R"re(\.disable\(\s*\[?\s*["'`]code["'`])re"))) cfg.indented_code = false;
  if (std::regex_search(text, std::regex(R"re(\.enable\(\s*\[?\s*["'`]code["'`])re"))) cfg.indented_code = true;
  cfg.math = std::regex_search(text, std::regex(R"(require\(\s*["'`][^"'`]*(katex|mathjax|texmath)|from\s+["'`][^"'`]*(katex|mathjax|texmath))"));
  if (std::regex_search(text, m, std::regex(R"(pathPrefix\s*:\s*["'`]([^"'`]+)["'`])"))) cfg.path_prefix = m[1];
  const std::regex copy(R"(addPassthroughCopy\(\s*["'`]([^"'`]+)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), copy); it != std::sregex_iterator(); ++it)
    cfg.passthrough.push_back({(*it)[1], std::nullopt});
  // A list of paths copied one by one: ['src/assets/', 'src/images/'].forEach((p) =>
  // addPassthroughCopy(p)), or for (const p of [...]) addPassthroughCopy(p)
  // (johnwargo's: 949 images).
  const std::regex copy_each(
      R"(\[([^\]\[]*)\]\s*\.\s*forEach\(\s*(?:function\s*)?\(?\s*(\w+)\s*\)?\s*(?:=>)?\s*\{?\s*(?:\w+\s*\.\s*)?addPassthroughCopy\(\s*(\w+)\s*\))");
  const std::regex copy_for(
      R"(for\s*\(\s*(?:const|let|var)\s+(\w+)\s+of\s*\[([^\]\[]*)\]\s*\)\s*\{?\s*(?:\w+\s*\.\s*)?addPassthroughCopy\(\s*(\w+)\s*\))");
  const std::regex quoted_path(R"(["'`]([^"'`]+)["'`])");
  // "from": "to" pairs (the target may be unquoted only as a plain path).
  const std::regex pair(R"(["'`]?([A-Za-z0-9_./*-]+)["'`]?\s*:\s*(?:["'`]([^"'`]*)["'`])?)");
  const std::regex object(R"(\{([^{}]*)\})");
  const auto copy_listed = [&](std::string list) {
    // { "src/assets/favicon/*": "/" } in the list: a source and its target
    for (auto o = std::sregex_iterator(list.begin(), list.end(), object); o != std::sregex_iterator(); ++o) {
      const std::string body = (*o)[1];
      for (auto k = std::sregex_iterator(body.begin(), body.end(), pair); k != std::sregex_iterator(); ++k)
        cfg.passthrough.push_back({(*k)[1], (*k)[2].matched ? std::optional<std::string>((*k)[2]) : std::nullopt});
    }
    list = std::regex_replace(list, object, "");
    for (auto k = std::sregex_iterator(list.begin(), list.end(), quoted_path); k != std::sregex_iterator(); ++k)
      cfg.passthrough.push_back({(*k)[1], std::nullopt});
  };
  for (auto it = std::sregex_iterator(text.begin(), text.end(), copy_each); it != std::sregex_iterator(); ++it)
    if ((*it)[2] == (*it)[3]) copy_listed((*it)[1]);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), copy_for); it != std::sregex_iterator(); ++it)
    if ((*it)[1] == (*it)[3]) copy_listed((*it)[2]);
  // A filter of the config's own that formats a date with a format of
  // letters and nothing else (henrik's slugDate, in 346 posts' permalink):
  // its name and format, for the permalinks that use it.
  const std::regex filter_def(R"(add(?:Nunjucks|Liquid|JavaScript)?Filter\(\s*["'`]([\w$]+)["'`])");
  const std::regex format_call(R"(\.(?:toFormat|format)\(\s*["'`]([^"'`$]+)["'`]\s*\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), filter_def); it != std::sregex_iterator(); ++it) {
    const size_t from = static_cast<size_t>(it->position(0) + it->length(0));
    size_t to = std::min(text.size(), from + 400);
    for (const char* call : {"addFilter(", "addNunjucksFilter(", "addLiquidFilter(", "addJavaScriptFilter(", "addShortcode(",
                             "addCollection(", "addPairedShortcode("})
      to = std::min(to, text.find(call, from));
    const std::string body = text.substr(from, to - from);
    auto calls = std::sregex_iterator(body.begin(), body.end(), format_call);
    if (calls == std::sregex_iterator()) {
      if (const std::string format = date_parts_format(body); !format.empty()) run.eleventy_date_filters[(*it)[1]] = format;
      continue;
    }
    if (std::next(calls) != std::sregex_iterator()) continue;
    run.eleventy_date_filters[(*it)[1]] = (*calls)[1];
  }
  // A collection of terms made objects with their page's url (LJWatson's
  // tags and categories at /tag/<slug>/ and /category/<slug>/).
  const std::regex collection_def(R"(addCollection\(\s*["'`]([\w$]+)["'`])");
  const std::regex term_url(R"(url\s*:\s*`(/[\w-]+/)\$\{\s*slugify\(\s*[\w$.]+?(?:\.toLowerCase\(\))?\s*\)\s*\}/?`)");
  const std::regex term_field(R"(data\.(tags|categories)\b)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), collection_def); it != std::sregex_iterator(); ++it) {
    const size_t from = static_cast<size_t>(it->position(0) + it->length(0));
    const size_t to = std::min({text.size(), from + 600, text.find("addCollection(", from)});
    const std::string body = text.substr(from, to - from);
    std::smatch u, f;
    if (std::regex_search(body, u, term_url) && std::regex_search(body, f, term_field))
      run.eleventy_collection_urls[(*it)[1]] = {u[1].str(), f[1].str()};
  }
  const std::regex feed(R"(outputPath\s*:\s*["'`]([^"'`]+\.(xml|json))["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), feed); it != std::sregex_iterator(); ++it)
    cfg.feeds.push_back((*it)[1].str()[0] == '/' ? (*it)[1].str() : "/" + (*it)[1].str());
  const std::regex by_tag(R"(getFilteredByTag\(\s*["'`]([A-Za-z0-9_-]+)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), by_tag); it != std::sregex_iterator(); ++it)
    cfg.post_folders.insert((*it)[1]);
  // addCollection("archive", c => c.getAll().filter(i => i.inputPath.startsWith("./content/archive/")))
  const std::regex by_path(R"(inputPath\.(?:startsWith|includes)\(\s*["'`]([^"'`*]+)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), by_path); it != std::sregex_iterator(); ++it) {
    const fs::path dir = fs::path((*it)[1].str()).lexically_normal();
    std::string leaf = dir.filename().string().empty() ? dir.parent_path().filename().string() : dir.filename().string();
    if (!leaf.empty() && leaf != "." && leaf != ".." && fs::path(leaf).extension().empty()) cfg.post_folders.insert(leaf);
  }
  // getFilteredByGlob("src/notes/*.md"), ("**/screencasts/*.md"), a list
  // of them, or a constant's (CONTENT_GLOBS.notes, maxboeck's): the last
  // folder of each glob without a wildcard.
  const std::regex by_glob(R"(getFilteredByGlob\(\s*([^)]*)\))");
  // Each glob's folder, by the collection it makes: where the config names
  // one "posts" (or post, blog, articles), only its folders hold posts
  // (slifty's projects collection: 13 project pages dated the import's day).
  std::vector<std::pair<std::string, std::string>> glob_folders;  // collection, folder
  std::string collection;
  auto glob_folder = [&](const std::string& glob) {
    const fs::path dir = fs::path(glob).parent_path();
    std::string leaf;
    for (const fs::path& part : dir)
      if (part.string().find_first_of("*?[{") == std::string::npos && part != "." && part != "..") leaf = part.string();
    if (!leaf.empty()) glob_folders.emplace_back(collection, leaf);
  };
  static const std::regex collection_name(R"(addCollection\(\s*["'`]([\w-]+)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), by_glob); it != std::sregex_iterator(); ++it) {
    collection.clear();
    const size_t at = static_cast<size_t>(it->position(0)), from = at > 400 ? at - 400 : 0;
    const std::string before = text.substr(from, at - from);
    for (auto c = std::sregex_iterator(before.begin(), before.end(), collection_name); c != std::sregex_iterator(); ++c) collection = (*c)[1];
    std::string arg = trim((*it)[1].str());
    if (!arg.empty() && (std::isalpha(static_cast<unsigned char>(arg[0])) || arg[0] == '_' || arg[0] == '$')) {
      // a constant: `const NOTES = "..."`, or a property `notes: "..."` of one
      const std::string name = arg.substr(arg.rfind('.') == std::string::npos ? 0 : arg.rfind('.') + 1);
      if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") != std::string::npos) continue;
      std::smatch c;
      if (std::regex_search(text, c, std::regex("(?:\\b" + name + R"(\s*[:=]\s*)(\[[^\]]*\]|["'`][^"'`]+["'`]))")))
        arg = c[1];
      else
        continue;
    }
    for (auto q = std::sregex_iterator(arg.begin(), arg.end(), quoted_path); q != std::sregex_iterator(); ++q) glob_folder((*q)[1]);
  }
  auto names_posts = [](const std::string& c) { return c == "posts" || c == "post" || c == "blog" || c == "articles" || c == "blogPosts"; };
  const bool posts_named = std::any_of(glob_folders.begin(), glob_folders.end(), [&](const auto& g) { return names_posts(g.first); });
  for (const auto& [name, folder] : glob_folders) {
    cfg.post_folders.insert(folder);
    if (posts_named && !names_posts(name)) cfg.other_collection_folders.insert(folder);
    else if (!name.empty()) cfg.post_collections.insert(name);
  }
  const std::regex ignore_add(R"(ignores\s*\.\s*add\(\s*["'`]([^"'`]+)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ignore_add); it != std::sregex_iterator(); ++it)
    cfg.ignores.push_back((*it)[1]);
  cfg.git_ignore = !std::regex_search(text, std::regex(R"(setUseGitIgnore\(\s*false)"));
  // templateFormats: ["md", "njk"] or "md,njk"; each name of the list.
  const auto format_names = [&](const std::string& list) {
    if (!cfg.formats) cfg.formats.emplace();
    static const std::regex name(R"([A-Za-z0-9.]+)");
    for (auto n = std::sregex_iterator(list.begin(), list.end(), name); n != std::sregex_iterator(); ++n)
      cfg.formats->insert(ascii_lower((*n)[0].str()));
  };
  const std::string format_list = R"((\[[^\]]*\]|["'`][^"'`]*["'`]))";
  if (const auto v = last(std::regex(R"(\btemplateFormats\s*:\s*)" + format_list))) format_names(*v);
  else if (std::regex_search(text, m, std::regex(R"(setTemplateFormats\(\s*)" + format_list))) format_names(m[1]);
  const std::regex added(R"(addTemplateFormats\(\s*)" + format_list);
  if (cfg.formats)  // addTemplateFormats('scss') (musikele's) adds to them
    for (auto it = std::sregex_iterator(text.begin(), text.end(), added); it != std::sregex_iterator(); ++it) format_names((*it)[1]);
  const std::regex copy_map(R"(addPassthroughCopy\(\s*\{([^}]*)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), copy_map); it != std::sregex_iterator(); ++it) {
    const std::string body = (*it)[1];
    for (auto k = std::sregex_iterator(body.begin(), body.end(), pair); k != std::sregex_iterator(); ++k)
      cfg.passthrough.push_back({(*k)[1], (*k)[2].matched ? std::optional<std::string>((*k)[2]) : std::nullopt});
  }
  return cfg;
}

// A data file: JSON or YAML, or JavaScript (js_literal.hpp). False
// without a note when there is no such file.
bool read_data_file(Run& run, const fs::path& file, ojson& out) {
  std::string text, error;
  int line = 0;
  if (!read_file(file, text)) return false;
  const std::string ext = file.extension().string();
  if (ext == ".js" || ext == ".cjs" || ext == ".mjs" || ext == ".ts" || ext == ".mts" || ext == ".cts") {
    // Named exports (`export const siteName = '...'`: the Eleventy
    // Excellent starter's meta.js, cyberweekly's) are the data's keys.
    const bool named = text.find("export default") == std::string::npos && text.find("module.exports") == std::string::npos &&
                       text.find("export const ") != std::string::npos;
    std::string named_error;
    int named_line = 0;
    if (named ? !parse_js_front(text, out, named_error, named_line) && !parse_js_data_file(text, out, error, line)
              : !parse_js_data_file(text, out, error, line)) {
      run.note(run.shown(file), line, error + "; not converted");
      out = ojson::object();
    }
  } else if (!parse_yaml(text, out, error, line)) {
    run.note(run.shown(file), line + 1, error + "; not converted");
    out = ojson::object();
  }
  return true;
}

// The site's data file's object (metadata.json...), or null.
ojson read_metadata(Run& run, const fs::path& input, ojson& site, const Config& cfg) {
  ojson m;
  fs::path file;
  const fs::path data = (input / cfg.data).lexically_normal();
  for (const char* name : {"metadata.json", "site.json", "metadata.yaml", "site.yaml", "metadata.js", "site.js",
                           "metadata.cjs", "site.cjs", "metadata.mjs", "site.mjs", "meta.json", "meta.js", "meta.cjs",
                           "meta.mjs"}) {  // meta.js: allenpike's
    if (!read_data_file(run, data / name, m)) continue;
    file = data / name;
    break;
  }
  auto str = [&](const char* k) { return m.is_object() && m.contains(k) && m[k].is_string() ? m[k].get<std::string>() : std::string(); };
  for (const char* k : {"title", "name", "siteName", "site_name"})  // allenpike's meta.js names the site `name`
    if (!site.contains("title") && !str(k).empty()) site["title"] = str(k);
  for (const char* k : {"description", "siteDescription"})
    if (!site.contains("description") && !str(k).empty()) site["description"] = str(k);
  if (m.is_object() && m.contains("author")) {
    if (m["author"].is_string()) site["author"] = m["author"];
    else if (m["author"].is_object() && m["author"].contains("name")) site["author"] = m["author"]["name"];
  }
  std::string base = cfg.path_prefix;
  std::string url;  // metadata.url, or as starters and blogs spell it
  for (const char* k : {"url", "baseUrl", "baseURL", "base_url", "siteUrl", "siteURL", "site_url"})
    if (url.empty()) url = str(k);
  set_url(run, site, url, base, run.shown(file.empty() ? data / "metadata.json" : file));
  const std::string lang = str("language");
  if (!lang.empty()) site["language"] = lang.substr(0, lang.find_first_of("-_"));
  // (named by its folder: no such file was there to name)
  if (file.empty())
    run.note(run.shown(data), 0, "no site data file (metadata.json, site.json, meta.js...): no title or url to convert; set them in site.yaml");
  return m;
}

// What a folder's data file (<dir>/<dir>.json or .11tydata.json) gives
// every post in it: its tags name collections (dropped from the posts'
// tags); its other keys (a permalink pattern, an author) are the posts'
// front matter where they have none of their own. A data file in
// JavaScript is read, not run (js_literal.hpp): computed values left out.
// A permalink computed by a function (`permalink: function (data) {...
// return `/${year}/${month}/${day}/${data.page.fileSlug}/`; }`, or an
// arrow's `(data) => `/blog/${data.page.fileSlug}/``): its last
// returned template literal in Quire's tokens when each ${} is the date's
// year, month or day or the file's slug; "" otherwise.
// Several returned literals (si/11ty's `/${primaryCategory}/${slug}/`, else
// `/${slug}/` for a post with no category; a guard's `/${fileSlug}/` for an
// invalid date before `/${year}/${month}/${day}/${fileSlug}/`): the one
// with the most parts, when each other is it with parts left out, as
// Quire's :categories is for a post with none; "" when they differ so.
std::string js_literal_pattern(const std::string& source, const std::string& file_text, const std::string& body);
std::string js_permalink_pattern(const std::string& source, const std::string& file_text) {
  static const std::regex literal(R"((?:return|=>)\s*\(?\s*`([^`]*)`)");  // a body's return, or an arrow's
  std::vector<std::vector<std::string>> all;  // each pattern's parts
  for (auto it = std::sregex_iterator(source.begin(), source.end(), literal); it != std::sregex_iterator(); ++it) {
    const std::string pattern = js_literal_pattern(source, file_text, (*it)[1]);
    if (pattern.empty()) return "";
    all.emplace_back();
    for (const auto& part : fs::path(pattern)) all.back().push_back(part.string());
  }
  if (all.empty()) return "";
  const auto main = std::max_element(all.rbegin(), all.rend(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  for (const auto& other : all)
    for (size_t i = 0, at = 0; i < other.size(); ++i, ++at) {  // a subsequence of the main one's parts
      while (at < main->size() && (*main)[at] != other[i]) ++at;
      if (at == main->size()) return "";
    }
  std::string out;
  for (const std::string& part : *main) out += part == "/" || out.empty() || out.back() == '/' ? part : "/" + part;
  return out;
}

std::string js_literal_pattern(const std::string& source, const std::string& file_text, const std::string& body) {
  if (body.empty()) return "";
  // The date as ISO text's day (toISOString().slice(0, 10)), as a path
  // when its dashes are replaced by slashes: its tokens, else null.
  auto iso_day = [](const std::string& code) -> const char* {
    // .slice(0, 10), or .split('T')[0] (equk's)
    static const std::regex day(R"(toISOString\(\)\s*\.\s*(?:(?:slice|substring|substr)\(\s*0\s*,\s*10\s*\)|split\(\s*["']T["']\s*\)\s*\[\s*0\s*\]))");
    if (!std::regex_search(code, day)) return nullptr;
    // .replace(/-/g, '/'), or .split('-').join('/')
    static const std::regex slashes(R"(replace(?:All)?\(\s*(?:/-/g|["']-["'])\s*,\s*["']/["']\s*\)|split\(\s*["']-["']\s*\)\s*\.\s*join\(\s*["']/["']\s*\))");
    if (std::regex_search(code, slashes)) return ":year/:month/:day";
    return code.find("replace") == std::string::npos && code.find("join") == std::string::npos ? ":year-:month-:day" : nullptr;
  };
  // A helper of the same file that makes the date a path
  // (jameshfisher's formatDate: toISOString().slice(0, 10).replace(/-/g, "/")):
  // its name, and what it gives.
  auto date_helper = [&](const std::string& expr) -> const char* {
    const size_t paren = expr.find('(');
    if (paren == std::string::npos || expr.find("date") == std::string::npos) return nullptr;
    std::string name = expr.substr(0, paren);
    name.erase(0, name.find_first_not_of(" \t"));
    if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") != std::string::npos)
      return nullptr;
    const std::regex def("(?:function\\s+" + name + "\\s*\\(|(?:const|let|var)\\s+" + name + "\\s*=)([^}]*)\\}");
    std::smatch m;
    if (!std::regex_search(file_text, m, def)) return nullptr;
    return iso_day(m[1]);
  };
  std::string out;
  for (size_t at = 0; at < body.size();) {
    if (body.compare(at, 2, "${") != 0) {
      if (body[at] == '$' || body[at] == '{' || body[at] == '}') return "";
      out += body[at++];
      continue;
    }
    const size_t end = body.find('}', at);
    if (end == std::string::npos) return "";
    std::string expr = body.substr(at + 2, end - at - 2);
    // A local of the function (equk's `const dateURL = date.toISOString()...`,
    // `const titleSlug = slugify(data.title, { lower: true })`): its value.
    static const std::regex identifier(R"(^\s*([A-Za-z_$][\w$]*)\s*$)");
    if (std::smatch id; std::regex_match(expr, id, identifier)) {
      std::smatch def;
      if (std::regex_search(source, def, std::regex("(?:const|let|var)\\s+" + id[1].str() + "\\s*=\\s*([^;\\n]+)")))
        expr = def[1].str();
    }
    // The title made a slug by the slugify package (simov's, as Eleventy's
    // older slug filter): the posts' slugs are theirs (title_slug).
    if (std::regex_search(expr, std::regex(R"(\bslug(?:ify)?\s*\(\s*(?:data\.)?title\b)"))) {
      out += ":title";
      at = end + 1;
      continue;
    }
    // raniz.blog's `${data.page.date.toISOString().slice(0, 10)}_${data.page.fileSlug}`
    const char* helper = expr.find("date") != std::string::npos && iso_day(expr) ? iso_day(expr) : date_helper(expr);
    for (char& c : expr) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const char* token = helper                                    ? helper
                        : expr.find("categor") != std::string::npos ? ":categories"  // data.category, a local from data.categories
                        : expr.find("slug") != std::string::npos  ? ":slug"
                        : expr.find("year") != std::string::npos  ? ":year"
                        : expr.find("month") != std::string::npos ? ":month"
                        : expr.find("day") != std::string::npos   ? ":day"
                                                                  : nullptr;
    if (!token) return "";
    out += token;
    at = end + 1;
  }
  // "blog/${...}/index.html": a path from the root, its folder
  if (out.empty() || out[0] != '/') out = "/" + out;
  if (out.size() >= 10 && out.compare(out.size() - 10, 10, "index.html") == 0) out.resize(out.size() - 10);
  return out;
}

// A ---js permalink of the page number (ants-blog's blog.njk:
// `pageNumber === 0 ? "/blog/" : `/blog/page/${data.pagination.pageNumber + 1}/``):
// the first page's address and the later ones' pattern with {n} (n from
// zero, or from one for `pageNumber + 1`); nullopt for another permalink.
struct PagedPermalink {
  std::string first, later;
  bool from_zero = true;
};
std::optional<PagedPermalink> paged_permalink(const ojson& front) {
  const ojson* p = front.contains("permalink") ? &front["permalink"] : nullptr;
  if (!p && front.contains("eleventyComputed") && front["eleventyComputed"].is_object() && front["eleventyComputed"].contains("permalink"))
    p = &front["eleventyComputed"]["permalink"];
  if (!p || !js_computed(*p)) return std::nullopt;
  const std::string code = (*p)["computed"].get<std::string>();
  static const std::regex branches(
      R"(pageNumber\s*===?\s*0\s*\?\s*["'`](/[^"'`$]*)["'`]\s*:\s*`(/?[^`$]*)\$\{\s*(?:\w+\.)*pageNumber\s*(\+\s*1\s*)?\}([^`$]*)`)");
  std::smatch m;
  if (!std::regex_search(code, m, branches)) return std::nullopt;
  return PagedPermalink{m[1].str(), m[2].str() + "{n}" + m[4].str(), !m[3].matched};
}

// A template listing the posts, which Quire's own lists replace (their
// old addresses: site.yaml redirects): one paginating over the tags'
// collections ("/series/{{ tag | slugify }}/": run.eleventy_term_pages),
// or the base blog's archive (blog.njk at /blog/, over collections.posts).
bool theme_list_template(Run& run, const fs::path& rel, const std::string& text, bool terms_only) {
  const SourceDoc doc = split_front_matter(text);
  ojson front;
  std::string error;
  int line = 0;
  if (!parse_front(doc, front, error, line) || !front.is_object()) return false;
  std::string permalink = front.contains("permalink") && front["permalink"].is_string() ? front["permalink"].get<std::string>() : "";
  const ojson* pagination = front.contains("pagination") && front["pagination"].is_object() ? &front["pagination"] : nullptr;
  const std::string data = pagination && pagination->contains("data") && (*pagination)["data"].is_string()
                               ? (*pagination)["data"].get<std::string>() : "";
  static const std::regex term(
      R"(^(/?[\w/-]*?/?)\{\{\s*(?:tag|tagName|tag_name|t)\s*(?:\|\s*(slugify|slug|replace\(\s*['"] ['"]\s*,\s*['"]-['"]\s*\)|[A-Za-z_]\w*)\s*)?\}\}/?(?:index\.html)?$)");
  std::smatch m;
  // The base blog v9's ---js tag-pages.njk: eleventyComputed's
  // permalink(data) returning `/tags/${this.slugify(data.tag)}/`.
  static const std::regex computed(R"(permalink\s*(?::\s*function\s*)?\(\s*\w+\s*\)\s*(?:=>)?\s*\{?\s*(?:return\s*)?`(/[\w/-]*?/?)\$\{\s*this\.(slugify|slug)\(\s*\w+\.(?:tag|tagName|tag_name|t)\s*\)\s*\}/?(?:index\.html)?`)");
  if (permalink.empty() && data.rfind("collections", 0) == 0 && doc.format == "js" && std::regex_search(doc.front, m, computed)) {
    std::string prefix = m[1].str();
    if (prefix.back() != '/') prefix += '/';
    run.eleventy_term_pages.push_back({prefix, m[2].str() == "slug" ? "slug-simov" : m[2].str()});
    return true;
  }
  if (data.rfind("collections", 0) == 0 && std::regex_match(permalink, m, term)) {
    std::string prefix = m[1].str();
    if (prefix.empty() || prefix[0] != '/') prefix = "/" + prefix;
    if (prefix.back() != '/') prefix += '/';
    // (| slug: the older filter's addresses, which keep _ and .)
    const std::string filter = m[2].str();
    if (m[2].matched && filter != "slugify" && filter != "slug" && filter.rfind("replace", 0) != 0) {
      // The site's own filter (kpwags's tagUrlSlug): its code is not run;
      // the addresses slugify would give are kept, and that is said.
      run.note(run.shown(run.src / rel), 0, "tag pages at " + prefix + "{{ tag | " + filter + " }}/: the site's own filter " + filter +
                                                " is not run; the old addresses are taken to be slugify's and redirect to Quire's tag pages (check any "
                                                "tag the filter named otherwise)");
      run.eleventy_term_pages.push_back({prefix, "slugify"});
      return true;
    }
    run.eleventy_term_pages.push_back({prefix, filter.rfind("replace", 0) == 0 ? "replace-space"
                                               : filter == "slug"              ? "slug-simov"
                                                                               : filter});
    return true;
  }
  // Over a collection of the config's whose items carry their page's url
  // ("{{ taxonomy.url }}/index.html", the url `/tag/${slugify(t)}`).
  const std::string alias = pagination && pagination->contains("alias") && (*pagination)["alias"].is_string()
                                ? (*pagination)["alias"].get<std::string>() : "";
  static const std::regex by_url(R"(^\{\{\s*([\w$]+)\.url\s*\}\}/?(?:index\.html)?$)");
  if (data.rfind("collections.", 0) == 0 && std::regex_match(permalink, m, by_url) && m[1].str() == alias) {
    const auto made = run.eleventy_collection_urls.find(data.substr(std::strlen("collections.")));
    if (made != run.eleventy_collection_urls.end()) {
      run.eleventy_term_pages.push_back({made->second.first, "slug", made->second.second});
      return true;
    }
  }
  // Paginating over the posts: its pages after the first (index.md: /1/,
  // /2/; archives/index.md with permalink /archives/page{{ pagination.pageNumber + 1 }}/).
  if (pagination && data.rfind("collections.", 0) == 0) {
    Run::PagedList list;
    list.collection = data.substr(std::strlen("collections."));
    if (pagination->contains("size")) {  // (YAML's scalars read as text)
      const ojson& size = (*pagination)["size"];
      list.size = size.is_number_integer() ? size.get<int>() : size.is_string() ? std::atoi(size.get<std::string>().c_str()) : 10;
    }
    static const std::regex number(R"(\{\{\s*pagination\.pageNumber\s*(\+\s*1\s*)?\}\})");
    std::smatch n;
    // "/{% if pagination.pageNumber > 0 %}archives/page{{ pagination.pageNumber + 1 }}/{% endif %}"
    // (musikele's /archives/page2/ .. /page25/, bergia's /post/page/N/): the
    // later pages' address, the first's the rest (or the {% else %} part).
    static const std::regex later_only(
        R"(^(.*)\{%-?\s*if\s+pagination\.pageNumber\s*(?:>\s*0|!=\s*0|>=\s*1)?\s*-?%\}(.*?)(?:\{%-?\s*else\s*-?%\}(.*?))?\{%-?\s*endif\s*-?%\}(.*)$)");
    if (std::smatch c; std::regex_match(permalink, c, later_only) && c[2].str().find("pagination.pageNumber") != std::string::npos) {
      std::string first = c[1].str() + c[3].str() + c[4].str();
      if (first.empty() || first[0] != '/') first.insert(0, "/");
      if (const char* ours = list_page_target(run, first, false)) run.redirects[first] = ours;
      permalink = c[1].str() + c[2].str() + c[4].str();
    }
    if (const auto paged = permalink.empty() ? paged_permalink(front) : std::nullopt) {
      list.pattern = paged->later;
      list.from_zero = paged->from_zero;
      if (const char* ours = list_page_target(run, paged->first, false)) run.redirects[paged->first] = ours;  // /blog/: the archive
    } else if (permalink.empty()) {
      const std::string first = "/" + (rel.stem() == "index" ? rel.parent_path() : rel.parent_path() / rel.stem()).generic_string() + "/";
      list.pattern = first + "{n}/";
      // Its first page at the folder's address (maxx's /blog/): Quire's list of the posts
      if (first != "/" && first != "//") {
        const char* ours = list_page_target(run, first, false);
        run.redirects.emplace(first, ours ? ours : "/");
      }
    } else if (std::regex_search(permalink, n, number) && permalink.find("{{", n.position(0) + n.length(0)) == std::string::npos &&
               permalink.find("{%") == std::string::npos && permalink.substr(0, n.position(0)).find("{{") == std::string::npos) {
      list.pattern = permalink.substr(0, n.position(0)) + "{n}" + n.suffix().str();
      list.from_zero = !n[1].matched;
    }
    if (!list.pattern.empty() && list.size > 0) {
      if (list.pattern[0] != '/') list.pattern.insert(0, "/");
      for (size_t at; (at = list.pattern.find("//")) != std::string::npos;) list.pattern.erase(at, 1);
      if (list.pattern.size() >= 10 && list.pattern.compare(list.pattern.size() - 10, 10, "index.html") == 0) list.pattern.resize(list.pattern.size() - 10);
      run.eleventy_paged_lists.push_back(list);
    }
    return false;
  }
  if (terms_only) return false;
  if (pagination || permalink.find("{{") != std::string::npos) return false;
  const bool lists = doc.body.find("collections.posts") != std::string::npos || doc.body.find("collections.post ") != std::string::npos ||
                     doc.body.find("collections.post)") != std::string::npos;
  if (permalink.empty()) permalink = "/" + (rel.stem() == "index" ? rel.parent_path() : rel.parent_path() / rel.stem()).generic_string() + "/";
  if (permalink.empty() || permalink[0] != '/') permalink = "/" + permalink;
  const std::string name = permalink.substr(permalink.rfind('/') + 1);
  // A page's address (/blog/, /archive.html), not a file's: a feed, a
  // sitemap, billhorsman's Netlify /_redirects listing the posts.
  const bool page = name.empty() || (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0);
  if (lists && page)
    run.redirects[normal_path(permalink, false).empty() ? "/" : "/" + normal_path(permalink, false)] = "/archive/";
  return false;
}

struct FolderData {
  std::set<std::string> collection_tags;
  ojson front = ojson::object();
  std::string layout;  // the folder's posts' layout, by name
  // A permalink function the import cannot follow: the posts were not at
  // Eleventy's default address either, so none is kept as an alias.
  bool unknown_permalink = false;
  // The data file and line its permalink was written at: the report names
  // them, not each post's front matter (ThewBear's 19 posts' line 2).
  std::pair<std::string, int> permalink_at;
  // Its permalink function's slug was the file's through Eleventy's slug
  // filter (`${this.slug(data.page.fileSlug)}`): lower case, spaces '-'.
  bool slug_filtered = false;
};

// The address a folder data file's permalink pattern gives a file, where
// :slug is its only token (a page's, which has no pattern of its own:
// nathonius' projects/${this.slug(fileSlug)}.html): "" otherwise.
std::string pattern_for_file(const std::string& pattern, const fs::path& f, bool slug_filtered) {
  const size_t at = pattern.find(":slug");
  if (at == std::string::npos || pattern.find(':', at + 1) != std::string::npos || pattern.find(':') != at) return "";
  const std::string slug = f.stem() == "index" || file_slug(f) == "index" ? file_slug(f.parent_path()) : file_slug(f);
  return pattern.substr(0, at) + (slug_filtered ? eleventy_slug_filter(slug, "slug") : slug) + pattern.substr(at + 5);
}

FolderData folder_data(Run& run, const fs::path& dir) {
  FolderData out;
  const std::string name = dir.filename().string();
  for (const std::string& f : {name + ".json", name + ".11tydata.json", name + ".11tydata.js", name + ".11tydata.cjs",
                               name + ".11tydata.mjs", name + ".11tydata.ts", name + ".11tydata.mts", name + ".11tydata.cts"}) {
    ojson data;
    if (!read_data_file(run, dir / f, data)) continue;
    if (!data.is_object()) continue;
    std::string text;
    read_file(dir / f, text);
    // A permalink function: its pattern when it is one of dates and the
    // slug; else said, as the posts' old addresses are then unknown.
    auto function_permalink = [&](const ojson& fn, const std::string& key) {
      if (out.front.contains("permalink")) return;
      // `if (!showDraft(data)) return false;`, of data.draft: Eleventy wrote
      // no page for a draft (si/11ty's were published, the log saying
      // draft was never read).
      static const std::regex unpublished(R"(\breturn\s+false\b)");
      static const std::regex reads_draft(R"(\bdata\s*\.\s*draft\b|["']draft["']\s+in\s+data\b|\bdata\s*\[\s*["']draft["']\s*\])");
      if (std::regex_search(fn["computed"].get<std::string>(), unpublished) && std::regex_search(text, reads_draft) && !run.eleventy_drafts) {
        run.eleventy_drafts = true;
        run.count("a permalink function returning false for draft: (its drafts kept as drafts)");
      }
      const std::string pattern = js_permalink_pattern(fn["computed"].get<std::string>(), text);
      if (!pattern.empty() && permalink_problem(pattern).empty()) {
        out.front["permalink"] = pattern;
        static const std::regex slugged(R"(\bslug(?:ify)?\s*\(\s*(?:\w+\.)?page\.fileSlug\b)");
        out.slug_filtered = std::regex_search(fn["computed"].get<std::string>(), slugged);
        run.count("a permalink function of the post's data read as the pattern " + pattern);
      } else {
        out.unknown_permalink = true;
        run.note(run.shown(dir / f), 0, key + ": a function of the post's data the import cannot follow; its posts' old "
                                              "addresses are not kept: give them permalink: or aliases:");
      }
    };
    if (!out.front.contains("permalink") && (data.contains("permalink") || data.contains("eleventyComputed"))) {
      int line = 1;
      const size_t at = text.find("permalink");
      for (size_t i = 0; at != std::string::npos && i < at; ++i) line += text[i] == '\n';
      out.permalink_at = {run.shown(dir / f), at == std::string::npos ? 0 : line};
    }
    for (const auto& [k, v] : data.items()) {
      if (k == "tags") {
        for (const std::string& t : string_list(v, false)) out.collection_tags.insert(t);
      } else if (k == "permalink" && js_computed(v)) {
        function_permalink(v, "permalink");
      } else if (k == "eleventyComputed" && v.is_object() && v.contains("permalink") && js_computed(v["permalink"])) {
        function_permalink(v["permalink"], "eleventyComputed.permalink");
      } else if (k == "eleventyComputed" && v.is_object() && v.contains("permalink") && v["permalink"].is_string() &&
                 !out.front.contains("permalink")) {
        // eleventyComputed: { permalink: "/blog/{{ slug }}/index.html" }: a
        // template like a plain permalink, read as one.
        out.front["permalink"] = v["permalink"];
      } else if (k == "layout" && v.is_string()) {
        if (out.layout.empty()) out.layout = v.get<std::string>();
      } else if (k != "permalink" && v.is_string() && (v.get<std::string>().find("{{") != std::string::npos ||
                                   v.get<std::string>().find("{%") != std::string::npos)) {
        // author: "{{ meta.author }}": Eleventy renders no template in a
        // plain data value, so it was that text, which a theme may never
        // have shown; Quire would show it under every post.
        run.note(run.shown(dir / f), 0, k + ": " + v.get<std::string>() +
                                            ": template syntax in a data value (never rendered by Eleventy): left out");
      } else if (k != "layout" && !js_computed(v) && !out.front.contains(k)) {
        out.front[k] = v;
      }
    }
  }
  return out;
}

// The permalink a template's layout gives it (Eleventy's data cascade: a
// layout's front matter under the folder's data and the template's own;
// schneyra's _layouts/article.njk: "articles/{{ title | slugify }}/"),
// through the layouts it names in turn; null when none does.
// With the file and line it was written at (the report names them, not
// the post's own front matter: henrik's 345 posts' line 2 was their title).
struct LayoutPermalink {
  ojson value;
  std::string file;
  int line = 0;
};
LayoutPermalink layout_permalink(Run& run, const fs::path& input, const Config& cfg, std::string layout) {
  for (int depth = 0; depth < 5 && !layout.empty(); ++depth) {
    std::string text;
    fs::path file;
    for (const std::string& dir : {cfg.layouts, cfg.includes}) {
      if (dir.empty()) continue;
      for (const char* ext : {"", ".njk", ".liquid", ".html", ".md", ".webc"})
        if (file.empty() && read_file(input / dir / (layout + ext), text)) file = input / dir / (layout + ext);
    }
    if (file.empty()) return {};
    ojson front;
    std::string error;
    int line = 0;
    const SourceDoc doc = split_front_matter(text);
    if (!parse_front(doc, front, error, line) || !front.is_object()) return {};
    if (front.contains("permalink") && front["permalink"].is_string()) {
      line = doc.front_line;
      for (size_t at = 0; at < doc.front.size() && doc.front.compare(at, 9, "permalink") != 0; ++line)
        at = std::min(doc.front.find('\n', at), doc.front.size() - 1) + 1;
      return {front["permalink"], run.shown(file), line};
    }
    layout = front.contains("layout") && front["layout"].is_string() ? front["layout"].get<std::string>() : "";
  }
  return {};
}

// href="/blog/x.md" and [x](../x.md#part) naming a post's or page's source
// file, from the site's input folder or the linking file's: its new URL.
std::string link_source_files(const Run& run, const Item& from, const fs::path& input, const std::string& body) {
  static const std::regex link(R"re((\]\(\s*<?|href\s*=\s*["']?)([^)"'\s>#?]+\.md)(#[^)"'\s>]*)?)re");
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), link); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const std::string target = m[2];
    if (target.find("://") != std::string::npos) continue;
    // from the input folder, else (relative) from the linking file's or the input folder
    const fs::path p = target[0] == '/' ? (input / target.substr(1)).lexically_normal()
                                        : (from.source.parent_path() / target).lexically_normal();
    const fs::path q = (input / (target[0] == '/' ? target.substr(1) : target)).lexically_normal();
    const Item* to = nullptr;
    for (const Item& item : run.items)
      if (item.source == p) to = &item;
    for (const Item& item : run.items)
      if (!to && item.source == q) to = &item;
    if (!to) continue;
    out.append(body, last, static_cast<size_t>(m.position(2)) - last);
    out += run.url_of(*to);
    last = static_cast<size_t>(m.position(2) + m.length(2));
  }
  if (last == 0) return body;
  out.append(body, last, std::string::npos);
  return out;
}

// A folder post's image named from the project's root, as Eleventy Image's
// shortcodes take it ('website/articles/07-x/shot.png' in
// website/articles/07-x/index.md): named from the post's folder.
std::string bundle_paths_from_root(Run& run, const Item& item) {
  const std::string prefix = item.source.parent_path().lexically_relative(run.src).generic_string() + "/";
  if (prefix.rfind("..", 0) == 0 || prefix == "./") return item.body;
  std::string body = item.body;
  size_t n = 0;
  for (const std::string lead : {"](", "](./", "src=\"", "src=\"./", "src='"})
    for (size_t at = 0; (at = body.find(lead + prefix, at)) != std::string::npos; ++n) {
      body.erase(at + lead.size(), prefix.size());
      at += lead.size();
    }
  if (n) run.count("an image of a folder post named from the project's root (named from its folder)");
  return body;
}

}  // namespace

size_t markdown_tag_at(std::string_view text, size_t from, const char* name) {
  for (size_t p = text.find("{%", from); p != std::string_view::npos; p = text.find("{%", p + 2)) {
    size_t i = p + 2;
    if (i < text.size() && text[i] == '-') ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const size_t n = std::strlen(name);
    if (text.compare(i, n, name) == 0 && i + n < text.size() && (text[i + n] == ' ' || text[i + n] == '-' || text[i + n] == '%'))
      return p;
  }
  return std::string_view::npos;
}

std::string njk_markdown_body(const std::string& body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t open = markdown_tag_at(body, pos, "markdown");
    const size_t open_end = open == std::string::npos ? std::string::npos : body.find("%}", open);
    const size_t close = open_end == std::string::npos ? std::string::npos : markdown_tag_at(body, open_end, "endmarkdown");
    const size_t close_end = close == std::string::npos ? std::string::npos : body.find("%}", close);
    if (close_end == std::string::npos) {
      out += html_as_markdown(body.substr(pos));
      break;
    }
    out += html_as_markdown(body.substr(pos, open - pos));
    // The block's markdown, its common indentation removed, apart from
    // the HTML around it.
    std::string md = body.substr(open_end + 2, close - open_end - 2);
    size_t indent = std::string::npos;
    for (size_t p = 0; p < md.size();) {
      const size_t e = std::min(md.find('\n', p), md.size());
      const size_t first = md.find_first_not_of(" \t", p);
      if (first < e) indent = std::min(indent, first - p);
      p = e + 1;
    }
    std::string dedented;
    for (size_t p = 0; p < md.size();) {
      const size_t e = std::min(md.find('\n', p), md.size());
      const size_t from = std::min(p + (indent == std::string::npos ? 0 : indent), e);
      dedented.append(md, from, e - from);
      dedented += '\n';
      p = e + 1;
    }
    out += "\n\n" + trim(dedented) + "\n\n";
    pos = close_end + 2;
  }
  return out;
}

// An old feed's address as site.yaml's old_feeds takes it: a file with a
// feed's extension, or a folder's address (/feed/index.html: /feed/); ""
// for another (a feed written as /feed.html).
std::string feed_address(std::string p) {
  if (p.size() >= 11 && p.compare(p.size() - 11, 11, "/index.html") == 0) p.resize(p.size() - 10);
  for (const char* ext : {".xml", ".json", ".rss", ".atom", "/"})
    if (p.size() > std::strlen(ext) && p.compare(p.size() - std::strlen(ext), std::strlen(ext), ext) == 0) return p;
  return "";
}

// Where Eleventy wrote a template that is a feed (its text, after the
// front matter, an XML document with <feed> or <rss>, or a JSON Feed's
// object): its permalink, else
// Eleventy's default (feed/index.html -> /feed/index.html, atom.njk ->
// /atom/index.html); "" for any other template, or a computed permalink.
// Its front matter YAML or ---json (henrik's /atom.xml); a permalink of
// the site's data (the base blog's "{{ metadata.feed.path | url }}",
// maxx1128's /rss.xml) is that value.
std::string feed_template_path(const fs::path& rel, const std::string& text, const ojson& metadata) {
  const auto split = split_front_matter(text);
  const std::string_view body = split.body;
  // (after the {% set %} tags that print nothing: ants-blog's rss.njk)
  size_t start = body.find_first_not_of(" \t\r\n");
  while (start != std::string_view::npos && (body.compare(start, 2, "{%") == 0 || body.compare(start, 2, "{#") == 0)) {
    const size_t end = body.find(body[start + 1] == '%' ? "%}" : "#}", start + 2);
    start = end == std::string_view::npos ? end : body.find_first_not_of(" \t\r\n", end + 2);
  }
  // or a JSON Feed (the base blog's feed/json.njk, tydar's /feed/feed.json)
  const bool json = start != std::string_view::npos && body[start] == '{' && body.find("jsonfeed.org/version/") != std::string_view::npos;
  if (!json && (start == std::string_view::npos || body.compare(start, 5, "<?xml") != 0 ||
                (body.find("<feed") == std::string_view::npos && body.find("<rss") == std::string_view::npos)))
    return "";
  ojson front;
  std::string error;
  int line = 0;
  const bool read = parse_front(split, front, error, line) && front.is_object();
  if (const auto paged = read ? paged_permalink(front) : std::nullopt) return feed_address(paged->first);  // its first page
  if (read && front.contains("permalink")) {
    if (!front["permalink"].is_string()) return "";
    std::string p = front["permalink"].get<std::string>();
    static const std::regex data_value(R"(^\s*\{\{\s*metadata((?:\.[\w$]+)+)\s*(?:\|\s*url\s*)?\}\}\s*$)");
    if (std::smatch m; std::regex_match(p, m, data_value)) {
      const ojson* v = &metadata;
      const std::string keys = m[1];
      for (size_t at = 1; v && at < keys.size();) {
        const size_t dot = std::min(keys.find('.', at), keys.size());
        const std::string k = keys.substr(at, dot - at);
        v = v->is_object() && v->contains(k) ? &(*v)[k] : nullptr;
        at = dot + 1;
      }
      p = v && v->is_string() ? v->get<std::string>() : "";
    }
    if (p.empty() || p.find("{{") != std::string::npos || p.find("{%") != std::string::npos) return "";
    if (p[0] != '/') p = "/" + p;
    return feed_address(p);
  }
  const fs::path dir = rel.parent_path();
  const std::string stem = rel.stem().string();
  return feed_address("/" + (stem == "index" ? dir : dir / stem).generic_string() + (dir.empty() && stem == "index" ? "" : "/"));
}

// A glob Eleventy read no template by, where it was written, and the
// files it kept out.
struct Ignore {
  std::string glob;  // from the project's root: "drafts/**", "NOTES.md"
  std::string lower;  // Eleventy matched without case
  std::string file;
  int line = 0;
  std::vector<std::string> hits;
};

// Eleventy's ignores (its Files.js): each line of .eleventyignore (the
// project's, and the input folder's) and of .gitignore (unless
// setUseGitIgnore(false)) a path or glob from that file's folder, not
// gitignore's name at any depth ("README.md" is the root's alone), a
// folder all under it, "#" and "!" lines skipped (Eleventy has no
// negation); the config's ignores.add from the root (musikele's AGENTS.md).
std::vector<Ignore> eleventy_ignores(Run& run, const Config& cfg, const fs::path& input) {
  std::vector<Ignore> out;
  const fs::path root = run.src.lexically_normal();
  const auto add = [&](std::string glob, const fs::path& dir, const std::string& file, int line) {
    glob = trim(glob);
    if (glob.rfind("**/", 0) != 0) {
      while (glob.rfind("./", 0) == 0 || (!glob.empty() && glob[0] == '/')) glob.erase(0, glob[0] == '/' ? 1 : 2);
      while (!glob.empty() && glob.back() == '/') glob.pop_back();
      const std::string prefix = dir.lexically_normal().lexically_relative(root).generic_string();
      if (!prefix.empty() && prefix != ".") glob = prefix + "/" + glob;
      std::error_code ec;
      if (glob.find_first_of("*?[{") == std::string::npos && fs::is_directory(root / glob, ec)) glob += "/**";
    }
    if (!glob.empty()) out.push_back({glob, ascii_lower(glob), file, line, {}});
  };
  const auto read = [&](const fs::path& file) {
    std::string text;
    if (!read_file(file, text)) return;
    int line = 0;
    for (size_t at = 0; at < text.size(); at = std::min(text.find('\n', at), text.size()) + 1) {
      ++line;
      const std::string l = trim(std::string_view(text).substr(at, std::min(text.find('\n', at), text.size()) - at));
      if (!l.empty() && l[0] != '#' && l[0] != '!') add(l, file.parent_path(), run.shown(file), line);
    }
  };
  if (cfg.git_ignore) read(root / ".gitignore");
  read(root / ".eleventyignore");
  if (input.lexically_normal() != root) read(input / ".eleventyignore");
  for (const std::string& g : cfg.ignores) add(g, root, cfg.file, 0);
  return out;
}

// Whether a path from the project's root (lower case) is under an
// ignore's glob as Eleventy's glob library matched it: "*" within one
// folder, "**" across them, "**/" at the start any depth, the root too.
bool ignore_matches(const std::string& glob, const std::string& rel) {
  if (glob.rfind("**/", 0) == 0 && ignore_matches(glob.substr(3), rel)) return true;
  // glob_match's "*" crosses folders: without "**", the folders must be as many.
  return glob_match(glob, rel) && (glob.find("**") != std::string::npos ||
                                   std::count(glob.begin(), glob.end(), '/') == std::count(rel.begin(), rel.end(), '/'));
}

// What an ignore kept out, said once at the line that wrote it with its
// first files.
void note_ignored(Run& run, const std::string& file, int line, const std::string& what, const std::vector<std::string>& hits) {
  if (hits.empty()) return;
  std::string names;
  for (size_t i = 0; i < hits.size() && i < 3; ++i) names += (i ? ", " : "") + hits[i];
  if (hits.size() > 3) names += ", and " + std::to_string(hits.size() - 3) + " more";
  run.note(file, line, what + ": " + std::to_string(hits.size()) + " file(s) Eleventy never read as templates (" + names +
                           "); not imported as posts or pages");
}

// The front-matter keys a template writing Netlify's /_redirects reads of
// each page (`permalink: /_redirects`, `{{ page.data.redirectsFrom }}
// {{ page.url }}` in a loop over collections.all: clottman's 90 old
// addresses): they held the pages' old addresses. None for another template.
std::vector<std::string> netlify_redirect_keys(const std::string& text) {
  const SourceDoc doc = split_front_matter(text);
  ojson front;
  std::string error;
  int line = 0;
  if (!parse_front(doc, front, error, line) || !front.is_object() || !front.contains("permalink") ||
      !front["permalink"].is_string())
    return {};
  const std::string permalink = trim(front["permalink"].get<std::string>());
  if (permalink != "/_redirects" && permalink != "_redirects") return {};
  static const std::regex key(R"(\bdata\.([A-Za-z_$][\w$]*))");
  static const std::set<std::string> not_addresses = {"title", "permalink", "date", "tags", "layout", "page", "eleventyExcludeFromCollections"};
  std::vector<std::string> keys;
  for (auto it = std::sregex_iterator(doc.body.begin(), doc.body.end(), key); it != std::sregex_iterator(); ++it)
    if (!not_addresses.count((*it)[1]) && std::find(keys.begin(), keys.end(), (*it)[1].str()) == keys.end()) keys.push_back((*it)[1]);
  return keys;
}

// A page listing a collection ({% for post in collections.all %}, a
// Nunjucks {% set postslist = collections.til %} for its include, Liquid's
// {% assign all = collections['til'] %}) at an address of its own
// (not paginated, not a feed or sitemap): Quire's list replaces it, the
// collection's tag page when its posts keep that tag, else the archive or
// home (list_page_target). Its address and what it lists; nullopt for
// another template.
struct ListPage {
  std::string shown, kind, url, collection;
};
// The collection a template's text loops over or names for an include
// ("til" of {% for t in collections.til %}), or "".
std::string listed_collection(const std::string& body) {
  static const std::regex use(
      R"(\{%-?\s*(?:for\s+\w+\s+in|set\s+\w+\s*=|assign\s+\w+\s*=)\s*collections\s*(?:\.\s*([\w$]+)|\[\s*["']([^"']+)["']\s*\]))");
  std::smatch m;
  if (!std::regex_search(body, m, use)) return "";
  return m[1].matched ? m[1].str() : m[2].str();
}

std::optional<ListPage> collection_list_page(const fs::path& rel, const std::string& text) {
  const SourceDoc doc = split_front_matter(text);
  const std::string collection = listed_collection(doc.body);
  if (collection.empty()) return std::nullopt;
  ojson front;
  std::string error;
  int line = 0;
  if (!parse_front(doc, front, error, line) || !front.is_object() || front.contains("pagination")) return std::nullopt;
  std::string url = "/" + (rel.stem() == "index" ? rel.parent_path() : rel.parent_path() / rel.stem()).generic_string() + "/";
  if (front.contains("permalink")) {
    if (!front["permalink"].is_string()) return std::nullopt;
    url = trim(front["permalink"].get<std::string>());
    if (url.find("{{") != std::string::npos || url.find("{%") != std::string::npos) return std::nullopt;
    if (url.size() >= 10 && url.compare(url.size() - 10, 10, "index.html") == 0) url.resize(url.size() - 10);
    if (url.empty() || url[0] != '/') url.insert(0, "/");
    if (url.back() != '/' && (url.size() < 5 || url.compare(url.size() - 5, 5, ".html") != 0)) return std::nullopt;  // a feed, a sitemap
  }
  for (size_t at; (at = url.find("//")) != std::string::npos;) url.erase(at, 1);
  return ListPage{"", "", url, collection};
}

void read_eleventy(Run& run, ojson& site) {
  const Config cfg = read_config(run);
  const fs::path input = (run.src / cfg.input).lexically_normal();
  if (cfg.math) site["math"] = true;
  if (!cfg.typographer) site["smart_punctuation"] = false;
  if (cfg.breaks) site["hard_breaks"] = true;
  const ojson metadata = read_metadata(run, input, site, cfg);
  for (const std::string& f : cfg.feeds) add_old_feed(site, f);
  std::error_code ec;
  std::vector<fs::path> files;
  // Eleventy reads every folder but its includes, layouts and data (and
  // the output, _site): _posts/ (a blog moved from Jekyll) is content.
  const fs::path data_dir = (input / cfg.data).lexically_normal();
  std::vector<Ignore> ignores = eleventy_ignores(run, cfg, input);
  std::vector<std::string> unread_formats;  // of an extension outside templateFormats
  std::vector<ListPage> list_pages;  // redirected once the posts' tags are known
  // Feed templates by the collection they list ("" none named): the site's
  // feed goes at their address once it is known to be a list of the posts.
  std::vector<ListPage> feed_templates;
  for (const fs::path& f : files_under(run, input, [&](const fs::path& p) {
         const std::string n = p.filename().string();
         return n[0] == '.' || n == "node_modules" || n == "_includes" || n == "_layouts" || n == "_data" ||
                n == "_site" || p.lexically_normal() == data_dir;
       })) {
    if (markdown_file(f) || !other_content_kind(f).empty()) {
      const std::string from_root = f.lexically_relative(run.src.lexically_normal()).generic_string();
      const std::string lower = ascii_lower(from_root);
      const auto ignore = std::find_if(ignores.begin(), ignores.end(), [&](const Ignore& i) { return ignore_matches(i.lower, lower); });
      if (ignore != ignores.end()) {
        ignore->hits.push_back(from_root);
        continue;
      }
      if (cfg.formats && !cfg.formats->count(ascii_lower(f.extension().string().substr(f.extension().empty() ? 0 : 1)))) {
        unread_formats.push_back(from_root);
        continue;
      }
    }
    if (markdown_file(f)) {
      files.push_back(f);
      continue;
    }
    // A post written as a template (posts/x.njk, .liquid, .html): Eleventy
    // published it; Quire reads markdown only, so it is named, not dropped.
    const fs::path rel = f.lexically_relative(input);
    const std::string kind = other_content_kind(f);
    std::string text;
    bool in_posts = false;
    for (fs::path p = rel.parent_path(); !p.empty(); p = p.parent_path())
      in_posts = in_posts || kPostFolders.count(p.filename().string()) || cfg.post_folders.count(p.filename().string());
    // A template paginating over data in such a folder (cassey's
    // pages/blog/tags.njk over the tags, maxx's blog/index.liquid over the
    // posts) is a list, no post: read as the other lists are, below.
    static const std::regex paginates(R"((?:^|\n)\s*["']?pagination["']?\s*:)");
    if (in_posts && !kind.empty() && read_file(f, text) && std::regex_search(split_front_matter(text).front, paginates)) in_posts = false;
    if (in_posts && plain_html_page(f)) {
      // HTML with no {{ or {% in it: its HTML is its text, as Jekyll's
      // (clottman's 24 posts in posts/*.html).
      files.push_back(f);
      continue;
    }
    // An .11ty.js template has its data in its code, not in front matter.
    const bool js_template = kind.rfind("JavaScript", 0) == 0;
    if (in_posts && !kind.empty() && read_file(f, text) && (split_front_matter(text).format == "yaml" || js_template)) {
      if (f.extension() == ".njk" && markdown_tag_at(split_front_matter(text).body) != std::string::npos) {
        files.push_back(f);  // its text in {% markdown %} blocks: a post (njk_markdown_body)
        continue;
      }
      if (auto list = collection_list_page(rel, text)) {  // ThewBear's blog/index.njk at /blog/
        list->shown = run.shown(f), list->kind = kind;
        list_pages.push_back(*list);
        continue;
      }
      run.note(run.shown(f), 1, "a post in " + kind + ": Quire reads markdown only; not converted, rewrite it as .md");
    } else if (!in_posts && !kind.empty() && read_file(f, text) &&
               (split_front_matter(text).format == "yaml" || split_front_matter(text).format == "json" ||
                split_front_matter(text).format == "js")) {  // (the base blog v9's blog.njk, tag-pages.njk)
      if (const std::vector<std::string> keys = netlify_redirect_keys(text); !keys.empty()) {
        std::string names;
        for (const std::string& k : keys) names += (names.empty() ? "" : ", ") + k, run.alias_keys.insert(k);
        run.note(run.shown(f), 1, "Netlify's /_redirects, written from the pages' " + names +
                                      ": those old addresses are kept as the posts' aliases; its other lines are not");
        continue;
      }
      // A feed written by hand (allenpike's feed/index.html and
      // atom/index.html: <?xml ... <feed>): where it was, Quire's feed goes.
      if (const std::string out = feed_template_path(rel, text, metadata); !out.empty()) {
        // A site with no url in its data, the feed's own metadata.url (henrik's ---json)
        ojson front;
        std::string error;
        int line = 0;
        if (!site.contains("url") && parse_front(split_front_matter(text), front, error, line) && front.is_object() &&
            front.contains("metadata") && front["metadata"].is_object() && front["metadata"].contains("url") &&
            front["metadata"]["url"].is_string())
          set_url(run, site, front["metadata"]["url"].get<std::string>(), cfg.path_prefix, run.shown(f));
        feed_templates.push_back({run.shown(f), kind, out, listed_collection(split_front_matter(text).body)});
        continue;
      }
      if (auto list = collection_list_page(rel, text)) {  // til.njk at /til/, over collections.til
        list->shown = run.shown(f), list->kind = kind;
        list_pages.push_back(*list);
        continue;
      }
      // A page in HTML with no {{ or {% in it: its HTML is its text, as a
      // post's (kpwags's about.html, uses.html and four more were named
      // templates, and nothing was at their addresses).
      if (plain_html_page(f)) {
        files.push_back(f);
        continue;
      }
      // A page written as a template (about.njk, feed.njk): named, as Jekyll's are.
      run.note(run.shown(f), 1, "a page in " + kind +
                                    " (it has front matter): not converted; Quire writes its own home, lists, feeds and "
                                    "sitemap, rewrite it as .md if it is a page of its own");
      theme_list_template(run, rel, text, false);
    }
  }
  for (const Ignore& i : ignores) note_ignored(run, i.file, i.line, i.glob, i.hits);
  if (cfg.formats) {
    std::string list;
    for (const std::string& f : *cfg.formats) list += (list.empty() ? "" : ", ") + f;
    note_ignored(run, cfg.file, 0, "templateFormats [" + list + "]", unread_formats);
  }
  std::map<fs::path, std::set<std::string>> dropped_tags;
  std::map<fs::path, FolderData> folders, folder_levels;  // merged by post folder; each folder's own
  std::map<std::string, LayoutPermalink> layout_permalinks;  // by layout name: each layout read once, not once a post
  for (const fs::path& f : files) {
    const fs::path rel = f.lexically_relative(input);
    if (rel.stem() == "README") continue;
    fs::path posts_dir;
    for (fs::path p = rel.parent_path(); !p.empty(); p = p.parent_path())
      if (kPostFolders.count(p.filename().string()) || cfg.post_folders.count(p.filename().string())) posts_dir = p;
    Item item;
    item.source = f;
    item.shown = run.shown(f);
    item.page = posts_dir.empty();
    if (!item.page && cfg.other_collection_folders.count(posts_dir.filename().string())) {
      // Undated in another collection than the posts': a page (slifty's 13
      // projects had become posts of the import's day); dated, a post
      // (maxboeck's notes).
      std::string text, error;
      ojson front;
      int line = 0;
      static const std::regex dated(R"(\d{4}-\d{2}-\d{2})");
      const bool date = (read_file(f, text) && parse_front(split_front_matter(text), front, error, line) && front.is_object() &&
                         front.contains("date")) ||
                        std::regex_search(rel.generic_string(), dated);
      if (!date) item.page = true;
    }
    if (item.page && rel.parent_path().empty() && rel.stem() == "index") {
      run.note(item.shown, 0, "the home page: Quire makes its own; not converted");
      if (std::string text; read_file(f, text)) theme_list_template(run, rel, text, true);  // its pages: /1/, /2/
      continue;
    }
    // A page paginating over the terms (LJWatson's tags.md at /tag/<x>/):
    // Quire's tag pages, the old ones redirected.
    if (std::string text; item.page && read_file(f, text) && theme_list_template(run, rel, text, true)) {
      run.note(item.shown, 0, "a page per term (" + run.eleventy_term_pages.back().prefix +
                                  "...): Quire writes its own; their old addresses redirect to them (site.yaml redirects)");
      continue;
    }
    // A markdown page looping over a collection in Liquid (til.md): its
    // loop would show as text.
    if (std::string text; item.page && read_file(f, text))
      if (auto list = collection_list_page(rel, text)) {
        list->shown = item.shown, list->kind = "markdown";
        list_pages.push_back(*list);
        continue;
      }
    if (!item.page && rel.parent_path() == posts_dir && rel.stem() == "index") {  // archive/index.md
      run.note(item.shown, 0, "the list of the posts in " + posts_dir.generic_string() +
                                  "/: Quire makes its own lists (home, archive, tags); not converted");
      continue;
    }
    // A folder of its own, index.md or named as the folder (Eleventy
    // publishes blog/cat/cat.md at /blog/cat/): a bundle with its files.
    // A dated index (maxboeck's posts/bottle-slider/2017-03-08-index.md)
    // is one too: its fileSlug is the folder's name, as Eleventy's
    // TemplateFileSlug makes of "index".
    item.bundle = !item.page && (f.stem() == "index" || file_slug(f) == "index" || f.stem() == f.parent_path().filename()) &&
                  f.parent_path() != input / posts_dir;
    const std::string base = item.bundle ? f.parent_path().filename().string() : f.stem().string();
    item.name = item.bundle ? base : base + ".md";
    item.keys = {rel.generic_string(), "/" + rel.generic_string(), base};
    if (item.page && !rel.parent_path().empty()) {
      // docs/guide.md was at /docs/guide/ (docs/index.md at /docs/), unless
      // its folder's data file gives a permalink ("/{{ page.fileSlug }}/")
      item.page_url = "/" + (rel.stem() == "index" ? rel.parent_path() : rel.parent_path() / rel.stem()).generic_string() + "/";
      const FolderData data = folder_data(run, f.parent_path());
      if (data.front.contains("permalink")) {
        item.in["permalink"] = data.front["permalink"];
        // A function's pattern: this page's address (Quire's pages have
        // one address, not a pattern; every page had it as its own)
        if (const std::string own = data.front["permalink"].is_string()
                                        ? pattern_for_file(data.front["permalink"].get<std::string>(), f, data.slug_filtered) : "";
            !own.empty() && data.front["permalink"].get<std::string>().find("{{") == std::string::npos)
          item.in["permalink"] = own;
        item.key_origin["permalink"] = data.permalink_at;
      }
    }
    if (!item.page) {  // Eleventy publishes posts/x.md at /posts/x/
      item.section = (item.bundle ? rel.parent_path().parent_path() : rel.parent_path()).generic_string();
      item.old_name = base;
    }
    if (item.bundle)
      for (const fs::path& g : files_under(run, f.parent_path()))
        if (g != f && !markdown_file(g) && other_content_kind(g).empty() && g.extension() != ".json" &&
            g.filename().string().find(".11tydata.") == std::string::npos)
          item.bundle_files.push_back(g);
    if (!item.page) {
      // Every folder's data from the posts' folder down to the post's own,
      // the deeper winning, as Eleventy's data cascade (localghost's
      // blog/posts/posts.json held the permalink of all 80 posts).
      const auto [it, fresh] = folders.try_emplace(f.parent_path());
      if (fresh) {
        std::vector<fs::path> chain;
        const fs::path top = (input / posts_dir).lexically_normal();
        for (fs::path d = f.parent_path().lexically_normal(); ; d = d.parent_path()) {
          chain.push_back(d);
          if (d == top || d.string().size() <= top.string().size() || !d.has_parent_path()) break;
        }
        for (auto d = chain.rbegin(); d != chain.rend(); ++d) {
          const auto [level, new_level] = folder_levels.try_emplace(*d);
          if (new_level) level->second = folder_data(run, *d);
          const FolderData& data = level->second;
          if (data.front.contains("permalink") || data.unknown_permalink) {
            it->second.unknown_permalink = data.unknown_permalink;
            it->second.permalink_at = data.permalink_at;
            it->second.slug_filtered = data.slug_filtered;
          }
          it->second.collection_tags.insert(data.collection_tags.begin(), data.collection_tags.end());
          for (const auto& [k, v] : data.front.items()) it->second.front[k] = v;
          if (!data.layout.empty()) it->second.layout = data.layout;
        }
      }
      dropped_tags[f] = it->second.collection_tags;
      item.in = it->second.front;  // under the post's own front matter (load_item)
      if (item.in.contains("permalink")) item.key_origin["permalink"] = it->second.permalink_at;
      // Eleventy's slug filter's file slug as the pattern's :slug (Alloy.md at /projects/alloy.html)
      if (it->second.slug_filtered && !item.in.contains("slug"))
        item.in["slug"] = eleventy_slug_filter(f.stem() == "index" || file_slug(f) == "index" ? file_slug(f.parent_path()) : file_slug(f), "slug");
      // Under both, the layout's permalink (the post's own layout, else its folder's).
      std::string text, error;
      ojson own;
      int line = 0;
      std::string layout = it->second.layout;
      if (read_file(f, text) && parse_front(split_front_matter(text), own, error, line) && own.is_object() &&
          own.contains("layout") && own["layout"].is_string())
        layout = own["layout"].get<std::string>();
      item.old_url_unknown = it->second.unknown_permalink;
      if (!item.in.contains("permalink") && !item.old_url_unknown && !layout.empty()) {
        const auto [known, fresh_layout] = layout_permalinks.try_emplace(layout);
        if (fresh_layout) known->second = layout_permalink(run, input, cfg, layout);
        if (!known->second.value.is_null()) {
          item.in["permalink"] = known->second.value;
          item.key_origin["permalink"] = {known->second.file, known->second.line};
          run.count("a permalink from the posts' layout (Eleventy's data cascade)");
        }
      }
    }
    run.items.push_back(item);
  }
  convert_items(run, [&](std::string_view text, Tag& t) {
    if (TagResult r = string_output(text, t); r.converted) return r;
    TagResult r = config_shortcode(run, text, t);
    return r.converted ? r : liquid_tag(run, text, t);
  });
  for (Item& item : run.items)  // the footnotes' notes at the post's end
    if (const auto notes = run.footnote_definitions.find(item.source); notes != run.footnote_definitions.end())
      item.body += (item.body.empty() || item.body.back() == '\n' ? "" : "\n") + notes->second;
  for (Item& item : run.items) {
    if (!cfg.indented_code) {
      size_t blocks = 0;
      item.body = unindent_code_blocks(item.body, blocks);
      if (blocks) run.report.converted["an indented block that markdown-it, its code rule off (Eleventy 2 and later), read as text: unindented"] += blocks;
    }
    if (cfg.attrs) item.body = drop_markdown_attrs(run, item.body, true);
    if (cfg.toc) {  // bobmonsour's 29 posts showed [[toc]]
      const std::vector<bool> code = code_bytes(item.body);
      for (const char* marker : {"[[toc]]", "[[TOC]]", "[toc]", "[TOC]"})
        for (size_t at = item.body.find(marker); at != std::string::npos; at = item.body.find(marker, at + 1)) {
          const size_t end = at + std::strlen(marker);
          if (code[at] || (at > 0 && item.body[at - 1] != '\n') || (end < item.body.size() && item.body[end] != '\n' && item.body[end] != '\r'))
            continue;
          item.body.erase(at, end - at);
          item.out["toc"] = true;
          run.count("[[toc]] (markdown-it-table-of-contents) as toc: true");
          break;
        }
    }
    if (cfg.kbd) item.body = inline_pairs(run, item.body, "[[", "]]", "kbd");
    if (cfg.youtube) {  // ahl's 20 videos in 5 posts
      static const std::regex alone(R"(^[ \t]*<?(?:https?://)?(?:www\.|m\.)?(?:youtube\.com/watch\?v=|youtu\.be/|youtube\.com/embed/)([A-Za-z0-9_-]{11})[^\s>]*>?[ \t]*$)");
      const std::vector<bool> code = code_bytes(item.body);
      std::string out;
      for (size_t at = 0; at < item.body.size();) {
        size_t end = item.body.find('\n', at);
        end = end == std::string::npos ? item.body.size() : end;
        const std::string line = item.body.substr(at, end - at);
        std::smatch m;
        if (!code[at] && line.size() < 200 && std::regex_match(line, m, alone) && video_id_ok(m[1].str(), false)) {
          out += youtube_iframe(m[1].str());
          run.count("a YouTube URL alone on its line (eleventy-plugin-youtube-embed's player)");
        } else {
          out += line;
        }
        if (end < item.body.size()) out += '\n';
        at = end + 1;
      }
      item.body = std::move(out);
    }
    if (cfg.mark) item.body = inline_pairs(run, item.body, "==", "==", "mark");
    item.body = link_source_files(run, item, input, strip_raw_in_code(run, item.body));
    if (item.bundle) item.body = bundle_paths_from_root(run, item);
    const ojson& hidden = item.in.contains("eleventyExcludeFromCollections") ? item.in["eleventyExcludeFromCollections"] : ojson();
    if (!item.page && !item.out.contains("draft") && (hidden == "true" || hidden == true)) {
      // Published, but in no list: a page at the post's old address.
      item.page = true;
      if (!item.out.contains("permalink"))
        item.out["permalink"] = item.out.contains("aliases") ? item.out["aliases"][0] : ojson(run.url_of(item));
      item.out.erase("aliases");
      run.note(item.shown, 0, "eleventyExcludeFromCollections: in no list of posts; imported as a page at " +
                                  item.out["permalink"].get<std::string>());
    }
    std::set<std::string> drop = dropped_tags[item.source];
    // The collections Eleventy's base blog keeps off its tag pages: "post"
    // or "posts" lists the blog, "nav" the menu; never a topic.
    if (!item.page) {
      drop.insert(std::begin(kCollectionTags), std::end(kCollectionTags));
      drop.insert(cfg.post_folders.begin(), cfg.post_folders.end());  // the config's collection of posts
    }
    if (item.out.contains("tags") && !drop.empty()) {
      ojson kept = ojson::array();
      for (const auto& t : item.out["tags"])
        if (!drop.count(t.get<std::string>())) kept.push_back(t);
        else run.count("collection name dropped from tags");
      if (kept.empty()) item.out.erase("tags");
      else item.out["tags"] = kept;
    }
  }
  std::set<std::string> kept_tags;  // (the collections' names dropped above are none)
  for (const Item& item : run.items)
    if (!item.page && item.out.contains("tags"))
      for (const auto& t : item.out["tags"]) kept_tags.insert(t.get<std::string>());
  // The collections that are the posts: Eleventy's own names, the config's
  // collections of posts, and the tags the posts' folder data gave them
  // (dropped as collection names above). Another (sia.codes' newsletter,
  // its folder's newsletter.json giving its 20 issues the tag) holds pages,
  // which no list or feed of Quire's shows.
  std::set<std::string> of_posts(std::begin(kCollectionTags), std::end(kCollectionTags));
  of_posts.insert(cfg.post_folders.begin(), cfg.post_folders.end());
  of_posts.insert(cfg.post_collections.begin(), cfg.post_collections.end());
  for (const Item& item : run.items)
    if (!item.page)
      if (const auto tags = dropped_tags.find(item.source); tags != dropped_tags.end()) of_posts.insert(tags->second.begin(), tags->second.end());
  // A list paginating over another collection is not the home's pages:
  // over collections.all, every page and template (sia.codes' debug
  // /page-list/1/ had become the home's /page/3/), or over a tag that only
  // pages carry, by their folder's data.
  std::set<std::string> of_pages;
  for (const Item& item : run.items)
    if (item.page) {
      const FolderData data = folder_data(run, item.source.parent_path());
      of_pages.insert(data.collection_tags.begin(), data.collection_tags.end());
    }
  run.eleventy_paged_lists.erase(
      std::remove_if(run.eleventy_paged_lists.begin(), run.eleventy_paged_lists.end(),
                     [&](const Run::PagedList& l) {
                       return l.collection == "all" || l.collection == "nav" || l.collection == "tagList" ||
                              (of_pages.count(l.collection) && !of_posts.count(l.collection));
                     }),
      run.eleventy_paged_lists.end());
  for (const ListPage& list : list_pages) {
    // (refused only over a collection known to hold pages only: one the
    // import cannot read, getFilteredByTag("article"), may be the posts')
    if (!kept_tags.count(list.collection) && !of_posts.count(list.collection) && of_pages.count(list.collection)) {
      run.note(list.shown, 1, "a page in " + list.kind + " listing collections." + list.collection + " at " + list.url +
                                  ": not converted; no post is in that collection (its files are pages here, which Quire lists "
                                  "nowhere), so nothing is at " + list.url + "; write that list as a page by hand");
      continue;
    }
    const std::string to = kept_tags.count(list.collection) ? "/tags/" + tag_slug(list.collection) + "/"
                                                            : list_page_target(run, list.url, true);
    if (to != list.url) run.redirects[list.url] = to;
    run.note(list.shown, 1, "a page in " + list.kind + " listing collections." + list.collection + " at " + list.url +
                                ": not converted; Quire's " + to + " lists them" + (to != list.url ? ", and the address redirects there" : ""));
  }
  for (const ListPage& feed : feed_templates) {
    // Over a collection of pages only (sia.codes' newsletter issues): not
    // the site's feed, no copy of it there. Over one of posts, or one the
    // import cannot read (a tag the posts carry, getFilteredByTag), the
    // site's feed, as before.
    if (!feed.collection.empty() && !of_posts.count(feed.collection) && !kept_tags.count(feed.collection) &&
        of_pages.count(feed.collection)) {
      run.note(feed.shown, 1, "a feed template over collections." + feed.collection + " at " + feed.url +
                                  ": not converted; no post is in that collection, and Quire's feeds are of posts, so nothing is at " +
                                  feed.url);
      continue;
    }
    add_old_feed(site, feed.url);
    run.note(feed.shown, 1, "a feed template: Quire writes its own feed, and a copy of it at " + feed.url + " (old_feeds in site.yaml)");
  }
  // Images posts name from the input folder's root (/img/blog/x.png):
  // Eleventy's image transform published them without a passthrough copy
  // (localghost's 174).
  if (cfg.image_transform)
    files_named_from_root(run, input, run.dest / "static",
                          "an image the posts name from the input folder (Eleventy's image transform) copied to static/");
  for (const auto& [given, to] : cfg.passthrough) {
    // A glob ("src/assets/images/**/*", "src/*.png"): its folder, all of
    // it for * or **/*, else the files of the extension it names.
    std::string p = given, ext;
    bool deep = false;
    if (const size_t star = p.find('*'); star != std::string::npos) {
      const size_t slash = p.rfind('/', star);
      const std::string tail = slash == std::string::npos ? p : p.substr(slash + 1);
      p = slash == std::string::npos ? "." : p.substr(0, slash);
      deep = tail.find("**") != std::string::npos;
      const std::string leaf = tail.substr(tail.rfind('/') == std::string::npos ? 0 : tail.rfind('/') + 1);
      if (leaf.rfind("*.", 0) == 0 && leaf.find_first_of("*{}[]", 1) == std::string::npos) ext = leaf.substr(1);
      else if (leaf != "*" || (!deep && tail != "*")) continue;  // another pattern: not guessed
      if (ext.empty()) deep = true;
    }
    const fs::path from = (run.src / fs::path(p).relative_path()).lexically_normal();  // "/" is the project's root
    if (!fs::exists(from, ec)) continue;
    if (from.lexically_relative(run.src.lexically_normal()) == ".") {  // the whole project: its sources too
      run.note(run.shown(run.src), 0, "addPassthroughCopy(\"" + given + "\"): the whole project folder; not copied");
      continue;
    }
    if (!ext.empty() && fs::is_directory(from, ec)) {
      const fs::path base = from.lexically_relative(input).string().rfind("..", 0) == 0 ? from.lexically_relative(run.src)
                                                                                       : from.lexically_relative(input);
      for (const fs::path& f : files_under(run, from))
        if (f.extension() == ext && (deep || f.parent_path() == from))
          copy_tree(run, f, run.dest / "static" / base / f.lexically_relative(from), run.report.static_files);
      continue;
    }
    fs::path rel = from.lexically_relative(input).string().rfind("..", 0) == 0 ? from.lexically_relative(run.src)
                                                                               : from.lexically_relative(input);
    if (to) {  // {"./public/": "/"}: published at the mapped path
      rel = fs::path(*to).relative_path().lexically_normal();
      if (!fs::is_directory(from, ec) && (to->empty() || to->back() == '/')) rel /= from.filename();
      if (rel == ".") rel.clear();
    }
    copy_tree(run, from, run.dest / "static" / rel, run.report.static_files);
  }
}

}  // namespace quire::import
