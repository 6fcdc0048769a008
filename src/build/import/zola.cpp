// Zola: zola.toml or config.toml (base_url, title, description, default_language,
// author or [extra] author), content/ with sections (_index.md, whose
// paginate_by gives posts_per_page) and page bundles (a folder with
// index.md and its assets), TOML front matter with [taxonomies] and
// [extra], static/. Internal links [x](@/blog/post.md) become the post's
// new URL; shortcodes ({{ name(args) }}, {% name(args) %} ... {% end %}) are
// the site's own templates, so they are reported, not converted.
#include <algorithm>
#include <optional>
#include <cctype>
#include <cstring>
#include <ctime>
#include <regex>

#include "build/fsutil.hpp"
#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"

namespace quire::import {

namespace {

void read_config(Run& run, ojson& site) {
  // zola.toml (Zola's default name now), else config.toml (older sites)
  const fs::path file = fs::is_regular_file(run.src / "zola.toml") ? run.src / "zola.toml" : run.src / "config.toml";
  std::string text;
  if (!read_file(file, text)) {
    run.note(run.shown(run.src / "zola.toml"), 0, "missing (nor config.toml): no site settings to convert");
    return;
  }
  ojson c;
  std::string error;
  int line = 0;
  if (!parse_toml(text, c, error, line)) {
    run.note(run.shown(file), line + 1, error + "; site settings not converted");
    return;
  }
  auto str = [](const ojson& o, const char* k) {
    return o.is_object() && o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string();
  };
  if (!str(c, "title").empty()) site["title"] = str(c, "title");
  if (!str(c, "description").empty()) site["description"] = str(c, "description");
  if (config_math(c)) site["math"] = true;  // math.cpp
  if (c.contains("markdown") && c["markdown"].is_object() && c["markdown"].contains("render_emoji") &&
      c["markdown"]["render_emoji"] == true)
    run.emoji = true;  // :tada: as its emoji (emojify)
  // [markdown] definition_list: "Term\n: definition" as a <dl> (definition_lists()).
  if (c.contains("markdown") && c["markdown"].is_object() && c["markdown"].contains("definition_list") &&
      c["markdown"]["definition_list"] == true)
    run.definition_lists = true;
  // [markdown] smart_punctuation: off unless the config turns it on.
  if (!(c.contains("markdown") && c["markdown"].is_object() && c["markdown"].contains("smart_punctuation") &&
        c["markdown"]["smart_punctuation"] == true))
    site["smart_punctuation"] = false;
  // [slugify] paths: "on" (the default), "safe" or "off" (zola_path_slug).
  if (c.contains("slugify") && c["slugify"].is_object() && c["slugify"].contains("paths") && c["slugify"]["paths"].is_string())
    run.zola_slugify = c["slugify"]["paths"].get<std::string>();
  if (c.contains("slugify") && c["slugify"].is_object() && c["slugify"].contains("taxonomies") &&
      c["slugify"]["taxonomies"].is_string())
    run.zola_slugify_taxonomies = c["slugify"]["taxonomies"].get<std::string>();
  if (c.contains("slugify") && c["slugify"].is_object() && c["slugify"].contains("paths_keep_dates") &&
      c["slugify"]["paths_keep_dates"] == true)
    run.zola_keep_dates = true;
  if (c.contains("ignored_content") && c["ignored_content"].is_array())
    for (const ojson& g : c["ignored_content"])
      if (g.is_string()) run.ignored_content.push_back(g.get<std::string>());
  std::string author = str(c, "author");
  if (author.empty() && c.contains("extra")) author = str(c["extra"], "author");
  if (!author.empty()) site["author"] = author;
  set_url(run, site, str(c, "base_url"), "", run.shown(file));
  const std::string lang = str(c, "default_language");
  if (!lang.empty()) run.default_language = lang;
  if (c.contains("languages") && c["languages"].is_object())
    for (const auto& [code, settings] : c["languages"].items()) run.languages.insert(code);
  if (!lang.empty()) site["language"] = lang.substr(0, lang.find_first_of("-_"));
  // taxonomies = [{name = "tags"}, {name = "categories"}]: categories had
  // pages of their own (/categories/<name>/); they keep them.
  // Zola's feed (generate_feed/feed_filename; 0.19: generate_feeds/feed_filenames).
  const bool feed = (c.contains("generate_feed") && c["generate_feed"] == true) ||
                    (c.contains("generate_feeds") && c["generate_feeds"] == true);
  if (feed) {
    std::vector<std::string> names;
    if (!str(c, "feed_filename").empty()) names.push_back("/" + str(c, "feed_filename"));
    if (c.contains("feed_filenames") && c["feed_filenames"].is_array())
      for (const ojson& n : c["feed_filenames"])
        if (n.is_string()) names.push_back("/" + n.get<std::string>());
    if (names.empty()) names.push_back("/atom.xml");
    // feed.xml is where Quire's own feed is (blog.rust-lang.org's build failed on it)
    for (const std::string& n : names) add_old_feed(site, n);
  }
  // A taxonomy with feed = true (rss = true before 0.16): each term's feed,
  // /tags/rust/atom.xml, beside Quire's term page.
  std::vector<std::string> feed_names;
  if (!str(c, "feed_filename").empty()) feed_names.push_back(str(c, "feed_filename"));
  if (c.contains("feed_filenames") && c["feed_filenames"].is_array())
    for (const ojson& n : c["feed_filenames"])
      if (n.is_string()) feed_names.push_back(n.get<std::string>());
  if (feed_names.empty()) feed_names.push_back("atom.xml");
  if (c.contains("taxonomies") && c["taxonomies"].is_array())
    for (const ojson& t : c["taxonomies"])
      if (!str(t, "name").empty() && t.is_object() && ((t.contains("feed") && t["feed"] == true) || (t.contains("rss") && t["rss"] == true)))
        for (const std::string& n : feed_names)
          add_old_feed(site, "/" + str(t, "name") + (str(t, "name") == "categories" ? "/:category/" : "/:tag/") + n);
  if (c.contains("taxonomies") && c["taxonomies"].is_array())
    for (const ojson& t : c["taxonomies"]) {
      if (str(t, "name") == "categories") {
        site["taxonomies"] = ojson::array({"tags", "categories"});
        run.category_pages = true;
      }
      if (!str(t, "name").empty() && str(t, "name") != "tags" && str(t, "name") != "categories" && str(t, "name") != "authors")
        run.extra_taxonomies.insert(str(t, "name"));
    }
}

}  // namespace

namespace {

// templates/shortcodes/<name>.html or .md, the site's or a theme's: its
// text ("" when there is none).
std::string zola_shortcode_template(const Run& run, const std::string& name, bool* markdown = nullptr) {
  if (name.empty() || name.find_first_of("/\\.") != std::string::npos) return "";
  for (const fs::path& root : site_and_themes(run))
    for (const char* ext : {".html", ".md"}) {
      std::string text;
      if (read_file(root / "templates" / "shortcodes" / (name + ext), text)) {
        if (markdown) *markdown = std::string_view(ext) == ".md";
        return text;
      }
    }
  return "";
}

// templates/shortcodes/<name>.html, the site's or a theme's, renders its
// body through markdown.
bool zola_markdown_wrapper(const Run& run, const std::string& name) {
  static const std::regex body_markdown(R"(\{\{-?\s*body\s*\|\s*markdown)");
  bool markdown = false;
  const std::string html = zola_shortcode_template(run, name, &markdown);
  return !markdown && std::regex_search(html, body_markdown);
}

}  // namespace

TagResult zola_shortcode(Run& run, std::string_view text, Tag& t) {
  TagResult r;
  const std::string& inner = t.inner;
  const size_t paren = inner.find('(');
  const bool call = paren != std::string::npos && !inner.empty() && inner.back() == ')';
  if (t.open == "{{<" || t.open == "{{%" || !call) {  // not a shortcode call: Zola leaves such text alone
    r.converted = true;
    r.replacement = std::string(text.substr(t.begin, t.end - t.begin));
    return r;
  }
  // A theme's own shortcodes, yet the same few everywhere: an image or a
  // figure with src= (alt=, caption=).
  const std::string name = trim(inner.substr(0, paren));
  const Args args = parse_args(std::string_view(inner).substr(paren + 1, inner.size() - paren - 2));
  const std::string construct = t.open + " " + name + "() " + (t.open == "{{" ? "}}" : "%}");
  // The shortcodes Zola once shipped (youtube, vimeo, gist), which sites keep.
  if (t.open == "{{" && (name == "youtube" || name == "vimeo") && video_id_ok(args.get("id"), name == "vimeo")) {
    r.converted = true;
    r.replacement = name == "youtube" ? youtube_iframe(args.get("id")) : vimeo_iframe(args.get("id"));
    r.construct = construct;
    return r;
  }
  if (t.open == "{{" && name == "gist" && args.get("url").rfind("https://gist.github.com/", 0) == 0) {
    r.converted = true;
    r.replacement = "[gist](" + args.get("url") + ")";
    r.construct = construct;
    return r;
  }
  if (t.open == "{%" && (is_callout(name) || name == "details")) {
    // A body shortcode: {% note(title="x") %} text {% end %}.
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, "{%", "end", close_end);
    if (close != std::string_view::npos) {
      const std::string_view body = text.substr(t.end, close - t.end);
      std::string title = args.get("title");
      if (title.empty()) title = args.get("header");
      std::string kind = args.get("type");
      if (kind.empty()) kind = args.get("kind");
      r.replacement = name == "details" ? details_open(args.get("summary")) + trim(body) + details_close()
                                        : callout_open(name, kind, title) + trim(body) + callout_close();
      t.end = close_end;
      r.converted = true;
      r.construct = construct;
      return r;
    }
  }
  // A theme's math shortcode (even's katex: {{ katex(body="x") }} inline,
  // {% katex(block=true) %} TeX {% end %}): TeX between dollars, which
  // the site's math (katex_enable: site.yaml math) typesets; display math
  // with block=true, as the theme's template wrote it.
  if (name == "katex" || name == "mathjax" || name == "math" || name == "latex") {
    const bool display = args.get("block") == "true";
    std::string tex;
    size_t close_end = 0;
    if (t.open == "{{") {
      // body= as written: Tera's strings have no escapes ("\vec{AB}")
      const std::string_view in = inner;
      for (size_t at = in.find("body"); at != std::string_view::npos && tex.empty(); at = in.find("body", at + 1)) {
        if (at > 0 && in[at - 1] != '(' && in[at - 1] != ',' && in[at - 1] != ' ') continue;
        size_t k = in.find_first_not_of(" \t", at + 4);
        if (k == std::string_view::npos || in[k] != '=') continue;
        k = in.find_first_not_of(" \t", k + 1);
        if (k == std::string_view::npos || (in[k] != '"' && in[k] != '\'' && in[k] != '`')) continue;
        const size_t end = in.find(in[k], k + 1);
        if (end != std::string_view::npos) tex = trim(in.substr(k + 1, end - k - 1));
      }
    } else if (const size_t close = find_closing(text, t.end, "{%", "end", close_end); close != std::string_view::npos) {
      tex = trim(text.substr(t.end, close - t.end));
    }
    if (!tex.empty() && tex.find("$") == std::string::npos) {
      // Zola's markdown never read this TeX; carry_math undoes the markdown
      // escapes of a Zola post's math (\\ for \): each backslash before
      // punctuation is doubled here, so that the TeX comes out as written.
      std::string kept;
      for (size_t i = 0; i < tex.size(); ++i) {
        if (tex[i] == '\\' && i + 1 < tex.size() && std::ispunct(static_cast<unsigned char>(tex[i + 1])) && tex[i + 1] != '$')
          kept += '\\';
        kept += tex[i];
      }
      tex = std::move(kept);
      r.replacement = display ? "\n$$\n" + tex + "\n$$\n" : "$" + tex + "$";
      if (t.open == "{%") t.end = close_end;
      r.converted = true;
      r.construct = construct + " (math)";
      return r;
    }
  }
  if (t.open == "{%" && name == "quote") {
    // {% quote(author="A") %} text {% end %} (or footer=, source=, cite=):
    // a theme's quotation, a blockquote with its source under it.
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, "{%", "end", close_end);
    if (close != std::string_view::npos) {
      std::string quoted;
      const std::string body = trim(text.substr(t.end, close - t.end));
      for (size_t at = 0; at <= body.size();) {
        size_t nl = body.find('\n', at);
        if (nl == std::string::npos) nl = body.size();
        const std::string line = body.substr(at, nl - at);
        quoted += line.empty() ? ">\n" : "> " + line + "\n";
        at = nl + 1;
      }
      std::string source = trim(args.get("author"));
      for (const char* k : {"footer", "source", "cite", "by"})
        if (source.empty()) source = trim(args.get(k));
      if (!source.empty()) quoted += ">\n> — " + source + "\n";
      quoted.pop_back();
      r.replacement = quoted;
      t.end = close_end;
      r.converted = true;
      r.construct = construct;
      return r;
    }
  }
  // The site's own body shortcode that renders its body as markdown in
  // some HTML ({{ body | markdown | safe }}: a code block with a file
  // name, tabs): the text is the post's, kept.
  if (t.open == "{%" && zola_markdown_wrapper(run, name)) {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, "{%", "end", close_end);
    if (close != std::string_view::npos) {
      r.replacement = "\n\n" + trim(text.substr(t.end, close - t.end)) + "\n\n";
      t.end = close_end;
      r.converted = true;
      r.construct = construct + " (the site's own shortcode around markdown: its text kept)";
      return r;
    }
  }
  // A theme's own, yet the same everywhere: an image or a figure with src=
  // (alt=, caption=).
  const bool image = name.find("image") != std::string::npos || name.find("figure") != std::string::npos ||
                     name == "img" || name == "fig";
  // (Or img=, image=, path=, file=: msmithstubbs's figure(img=...) names a
  // file of the post's folder, as a bundle's image is named in Quire.)
  std::string src = args.get("src");
  for (const char* k : {"img", "image", "path", "file"})
    if (src.empty()) src = args.get(k);
  // A path Zola searched from the project's root, static/, then content/
  // (resize_image(path="blog/b/chart.png"): guochenmeinian's 9 charts):
  // the post's own file by its name, a static file from the root.
  if (!src.empty() && src[0] != '/' && src.find(':') == std::string::npos && src.find("..") == std::string::npos) {
    std::error_code ec;
    // (from the root: static/x.png is /x.png, content/blog/x.png content's)
    for (const char* root : {"static/", "content/"})
      if (src.rfind(root, 0) == 0 && src.size() > std::strlen(root) && fs::is_regular_file(run.src / src, ec))
        src = src.substr(std::strlen(root));
    const fs::path in_content = (run.src / "content" / src).lexically_normal();
    const fs::path own = run.converting ? run.converting->source.parent_path().lexically_normal() : fs::path();
    if (!own.empty() && fs::is_regular_file(in_content, ec) && in_content.parent_path() == own && run.converting->bundle)
      src = in_content.filename().string();
    else if (fs::is_regular_file(run.src / "static" / src, ec))
      src = "/" + src;
    else if (fs::is_regular_file(in_content, ec))
      src = "/" + src;  // another page's file, published at its folder's address
  }
  if (t.open == "{{" && image && !src.empty() && src.find_first_of("{}%") == std::string::npos) {
    std::string caption = args.get("caption");
    if (caption.empty()) caption = args.get("title");
    r.converted = true;
    r.replacement = figure_markdown(src, args.get("alt"), caption, args.get("link"));
    r.construct = "{{ " + name + "(src=...) }}";
    return r;
  }
  bool tpl_markdown = false;
  const std::string tpl = zola_shortcode_template(run, name, &tpl_markdown);
  // The site's own body shortcode that shows its body as code
  // (<pre><code>{{ body }}</code></pre>: hegdenu's 13 traces): a code block.
  static const std::regex code_body(R"(^\s*<pre[^>]*>\s*<code[^>]*>\s*\{\{-?\s*body\s*-?\}\}\s*</code>\s*</pre>\s*$)");
  if (t.open == "{%" && !tpl.empty() && std::regex_match(tpl, code_body)) {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, "{%", "end", close_end);
    if (close != std::string_view::npos) {
      r.replacement = "\n\n" + fenced_block(text.substr(t.end, close - t.end), "", true) + "\n\n";
      t.end = close_end;
      r.converted = true;
      r.construct = construct + " (the site's own shortcode showing its body as code: a code block)";
      return r;
    }
  }
  // The site's own shortcode of plain text or HTML, no Tera in it (a
  // shrug): its text, as Hugo's are.
  if (t.open == "{{" && !tpl.empty() && tpl.find("{{") == std::string::npos && tpl.find("{%") == std::string::npos &&
      tpl.find("<script") == std::string::npos && !trim(tpl).empty()) {
    // An .html one's text was never markdown: ¯\_(ツ)_/¯ keeps its backslash.
    const std::string plain = tpl_markdown || tpl.find('<') != std::string::npos ? trim(tpl) : markdown_literal(trim(tpl));
    const bool alone = (t.begin == 0 || text[t.begin - 1] == '\n') && (t.end == text.size() || text[t.end] == '\n');
    if (alone || plain.find('\n') == std::string::npos) {
      r.converted = true;
      r.replacement = alone ? "\n" + plain + "\n" : plain;
      r.construct = construct + " (the site's own shortcode of plain HTML or markdown: its text)";
      return r;
    }
  }
  // One with a web address (a tweet's or a card's url=): a link to it.
  if (t.open == "{{") {
    if (const std::string link = link_card(args); !link.empty()) {
      r.converted = true;
      r.replacement = link;
      r.construct = construct + " (a theme's shortcode with a web address: as a link)";
      return r;
    }
  }
  r.reason = "Zola shortcode " + name + "() (a template of the site): no equivalent, rewrite it by hand";
  return r;
}

// Zola's code fence annotations, "```rust,linenos,hl_lines=2 4-6,name=a.rs"
// (comma-separated after the language): Quire's options in braces, as
// Hugo writes them (core/code_tokens.hpp), and the file name as a line of
// emphasis above the block (as the Hugo importer does with a code title).
// linenostart and hide_lines have no Quire equivalent: dropped, counted.
std::string zola_fences(Run& run, const std::string& text) {
  if (text.find(',') == std::string::npos) return text;
  std::string out;
  size_t pos = 0;
  char fence_char = 0;
  size_t fence_len = 0;
  while (pos < text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string::npos) e = text.size();
    const std::string_view l(text.data() + pos, e - pos);
    size_t i = 0;
    while (i < l.size() && i < 3 && l[i] == ' ') ++i;
    size_t n = 0;
    while (i + n < l.size() && (l[i + n] == '`' || l[i + n] == '~') && l[i + n] == l[i]) ++n;
    std::string line(l);
    if (fence_char) {  // inside a block: only its closing fence ends it
      if (n >= fence_len && l[i] == fence_char && l.find_first_not_of(" \t", i + n) == std::string_view::npos) fence_char = 0;
    } else if (n >= 3) {
      fence_char = l[i];
      fence_len = n;
      const std::string info(l.substr(i + n));
      const size_t comma = info.find(',');
      if (comma != std::string::npos && info.find('{') == std::string::npos &&
          !(fence_char == '`' && info.find('`') != std::string::npos)) {
        const std::string lang = trim(info.substr(0, comma));
        std::vector<std::pair<std::string, std::string>> options;
        std::string name;
        size_t at = comma + 1;
        while (at <= info.size()) {
          size_t next = info.find(',', at);
          if (next == std::string::npos) next = info.size();
          const std::string part = trim(info.substr(at, next - at));
          at = next + 1;
          if (part.empty()) continue;
          const size_t eq = part.find('=');
          const std::string key = trim(part.substr(0, eq));
          const std::string value = eq == std::string::npos ? "" : trim(part.substr(eq + 1));
          if (key == "linenos") options.push_back({"linenos", "true"});
          else if (key == "hl_lines" && !value.empty()) options.push_back({"hl_lines", value});
          else if (key == "name" && !value.empty()) name = value;
          else run.count("code fence " + key + " (no Quire equivalent: dropped)");
        }
        line = std::string(l.substr(0, i + n)) + lang + (options.empty() ? "" : " {" + fence_options(options) + "}");
        if (!name.empty()) line = std::string(l.substr(0, i)) + emphasis_line(name) + "\n\n" + line;
        run.count("code fence annotations (```lang,linenos,hl_lines=...)");
      }
    }
    out += line;
    if (e < text.size()) out += '\n';
    pos = e + 1;
  }
  return out;
}

std::string zola_unescape_shortcodes(Run& run, std::string text) {
  // {{/* name() */}} and {%/* name() */%}: a shortcode shown, not run, in
  // code too (Zola reads shortcodes in code blocks).
  const std::pair<const char*, const char*> swaps[] = {{"{{/*", "{{"}, {"*/}}", "}}"}, {"{%/*", "{%"}, {"*/%}", "%}"}};
  for (const auto& [from, to] : swaps)
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += std::strlen(to)) {
      text.replace(at, std::strlen(from), to);
      if (from[0] == '{') run.count("escaped shortcode");
    }
  return text;
}

// "blog/post.md#top" -> {"blog/post.md", "#top"}
std::pair<std::string, std::string> split_fragment(std::string target) {
  const size_t hash = target.find('#');
  if (hash == std::string::npos) return {target, ""};
  return {target.substr(0, hash), target.substr(hash)};
}

std::string zola_links(Run& run, const std::string& text, int first_line, const std::string& file) {
  const std::vector<bool> code = code_bytes(text);
  // Where @/<target> now is: its page, or for a section's _index.md the
  // home, where Quire lists the posts; nothing when no file is there.
  auto address = [&](const std::string& target, const std::string& fragment, const char* form) -> std::optional<std::string> {
    if (const Item* item = run.find(target)) {
      run.count(form);
      return run.url_of(*item) + fragment;
    }
    if (target == "_index.md" || (target.size() > 10 && target.compare(target.size() - 10, 10, "/_index.md") == 0)) {
      run.count(std::string(form) + " to a section (as the home page)");
      return "/" + fragment;
    }
    return std::nullopt;
  };
  std::string out;
  int line = first_line;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\n') ++line;
    // A reference definition's destination ("[x]: @/blog/post.md", or on
    // the next line, grifferz's): the same as an inline link's.
    if (!code[i] && text.compare(i, 2, "@/") == 0 && i > 0) {
      size_t b = i;
      int newlines = 0;
      while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' || (text[b - 1] == '\n' && ++newlines == 1))) --b;
      if (b >= 2 && b < i && text[b - 1] == ':' && text[b - 2] == ']') {
        size_t e = i;
        while (e < text.size() && text[e] != ' ' && text[e] != '\n' && text[e] != '\t') ++e;
        auto [target, fragment] = split_fragment(text.substr(i + 2, e - i - 2));
        if (const auto url = address(target, fragment, "[x]: @/... (a reference definition)")) {
          out += *url;
          i = e;
          continue;
        }
        run.note(file, line, "link to @/" + target + ": no such page in content/");
      }
    }
    if (!code[i] && text.compare(i, 4, "](@/") == 0) {
      size_t e = i + 2;
      while (e < text.size() && text[e] != ')' && text[e] != ' ' && text[e] != '\n') ++e;
      auto [target, fragment] = split_fragment(text.substr(i + 4, e - i - 4));
      if (const auto url = address(target, fragment, "[x](@/...)")) {
        out += "](" + *url;
        i = e;
        continue;
      }
      run.note(file, line, "link to @/" + target + ": no such page in content/");
    }
    out += text[i++];
  }
  return out;
}

// Zola publishes a page whatever its date (getzola/zola#1831); Quire's
// build leaves a post dated after today out until then. Each said, with
// the way to build it now (bytes-z's til post dated 2034, a typo).
void zola_future_posts(Run& run) {
  char today[16];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(today, sizeof today, "%Y-%m-%d", &tm);
  for (const Item& item : run.items) {
    std::string text, error;
    ojson front;
    int line = 0;
    if (item.page || !read_file(item.source, text) || !parse_front(split_front_matter(text), front, error, line)) continue;
    if (!front.contains("date") || !front["date"].is_string()) continue;
    const std::string date = front["date"].get<std::string>().substr(0, 10);
    if (date.size() == 10 && date > today)
      run.note(item.shown, 0, "dated " + date + ", after today: Zola published it, Quire's build leaves it out until then "
                              "(quire build --future, or future: true in site.yaml, builds it now; or correct the date)");
  }
}

void read_zola(Run& run, ojson& site) {
  read_config(run, site);
  const fs::path content = run.src / "content";
  if (!fs::is_directory(content)) {
    run.report.errors.push_back({run.shown(content), 0, "missing: a Zola site keeps its posts in content/"});
    return;
  }
  size_t best = 0;  // the section with the most posts gives posts_per_page
  std::map<fs::path, int> paginate;
  std::map<fs::path, ojson> sections;  // each _index.md's front matter
  collect_content_dir(run, content, [&](const fs::path& section, const ojson& front) {
    sections[section] = front;
    if (front.contains("paginate_by") && front["paginate_by"].is_number_integer()) {
      paginate[section] = front["paginate_by"].get<int>();
      const std::string folder = front.contains("paginate_path") && front["paginate_path"].is_string()
                                     ? front["paginate_path"].get<std::string>() : "page";
      if (paginate[section] > 0 && !folder.empty() && folder.find('/') == std::string::npos)
        run.section_pagination[section.generic_string()] = {paginate[section], folder};
    }
  });
  // No title in the config: the home section's (blog.rust-lang.org's
  // content/_index.md, "Rust Blog"), as its templates showed it.
  // A title that names the page, not the site ("Home": hegdenu's site name
  // was in its base template): the site's host instead, said.
  auto generic = [](std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t = trim(t);
    return t == "home" || t == "homepage" || t == "home page" || t == "index" || t == "start";
  };
  if (const auto home = sections.find(""); home != sections.end())
    for (const char* key : {"title", "description"})
      if (!site.contains(key) && home->second.contains(key) && home->second[key].is_string() &&
          !trim(home->second[key].get<std::string>()).empty()) {
        if (std::string_view(key) == "title" && generic(home->second[key].get<std::string>())) {
          std::string host = site.contains("url") && site["url"].is_string() ? site["url"].get<std::string>() : "";
          host = host.substr(std::min(host.size(), host.find("://") == std::string::npos ? host.size() : host.find("://") + 3));
          host = host.substr(0, host.find('/'));
          if (host.rfind("www.", 0) == 0) host.erase(0, 4);
          if (!host.empty()) {
            site["title"] = host;
            run.note(run.shown(content / "_index.md"), 0, "title: \"" + home->second[key].get<std::string>() +
                                                            "\" names the home page, not the site; the site's title is its host, \"" +
                                                            host + "\" (set title in site.yaml)");
          }
          continue;
        }
        site[key] = home->second[key];
        run.count(std::string("the site's ") + key + " from content/_index.md");
      }
  // Zola's sections decide what a blog post is: pages at content/'s root
  // are the posts when the root section lists by date (a theme's demo blog,
  // many personal sites); in a section that is not rendered (render =
  // false) or for a file without a date (Zola leaves it out of a dated
  // list), a page.
  auto says = [&](const fs::path& section, const char* key, const ojson& value) {
    const auto it = sections.find(section);
    return it != sections.end() && it->second.contains(key) && it->second[key] == value;
  };
  for (Item& item : run.items) {
    std::string text, error, ymd;
    ojson front;
    int line = 0;
    if (!read_file(item.source, text) || !parse_front(split_front_matter(text), front, error, line)) continue;
    const std::string base = item.bundle ? item.source.parent_path().filename().string() : item.source.stem().string();
    const bool dated = front.contains("date") || file_date(base, ymd) || !path_date(front).empty();
    // A theme's hint that the page is no entry of the list (radion's
    // extra.hide_from_list, on RockyRx's about.md): a page still.
    const bool unlisted = front.contains("extra") && front["extra"].is_object() &&
                          front["extra"].contains("hide_from_list") && front["extra"]["hide_from_list"] == true;
    // (or, whatever the root sorts by, one whose path is dated:
    // blog.rust-lang.org's path = "2014/09/15/Rust-1.0" under sort_by = "permalink")
    if (item.page && !item.bundle_page && !unlisted && dated &&
        (says("", "sort_by", "date") || (sections.count("") && sections[""].contains("paginate_by")) ||
         !path_date(front).empty())) {
      item.page = false;
      item.root_post = true;
      item.old_name = run.zola_keep_dates ? base : file_slug(base + ".md");
      // slugified as a section's posts' names are (jessearmand's Freestyle-or-Racing.md at /freestyle-or-racing/)
      if (const std::string z = zola_path_slug(item.old_name, run.zola_slugify); !z.empty()) item.old_name = z;
    } else if (!item.page && says(item.section, "render", false) && !says(item.section, "transparent", true) &&
               !says(item.section, "sort_by", "date")) {
      // (A section not rendered still renders its pages; transparent, its
      // pages are its parent's list's, and sorted by date they are a list
      // a template shows: hegdenu's 24 posts, listed by the home's
      // get_section, were all pages.)
      item.page = true;
      item.page_url = "/" + item.section + "/" + item.old_name + "/";
      item.section.clear();
    }
  }
  undated_as_pages(run);
  zola_future_posts(run);
  for (const auto& [section, n] : paginate) {
    size_t count = 0;
    for (const Item& item : run.items)
      if (!item.page && item.source.lexically_relative(content).string().rfind(section.string(), 0) == 0) ++count;
    if (count >= best && n >= 1 && n <= 1000) {
      best = count;
      site["posts_per_page"] = n;
    }
  }
  convert_items(run, [&](std::string_view text, Tag& t) { return zola_shortcode(run, text, t); });
  for (Item& item : run.items) {
    item.body = zola_fences(run, zola_unescape_shortcodes(run, zola_links(run, item.body, item.body_line, item.shown)));
    for (size_t p; (p = item.body.find("<!-- more -->")) != std::string::npos;) {
      item.body.replace(p, 13, "<!--more-->");
      run.count("<!-- more -->");
    }
  }
  copy_tree(run, run.src / "static", run.dest / "static", run.report.static_files);
}

}  // namespace quire::import
