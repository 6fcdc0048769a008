// Jekyll: _config.yml; posts in _posts/ (any depth, and <category>/_posts/),
// named YYYY-MM-DD-title.{md,markdown}, drafts in _drafts/; pages are the
// markdown files with front matter outside folders starting with "_";
// everything else not excluded is a static file. Links name posts by file
// name ({% post_url 2010-07-21-name %}) or path ({% link _posts/... %}).
#include <fnmatch.h>
#include <algorithm>
#include <functional>
#include <regex>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "build/fsutil.hpp"
#include "build/post_dates.hpp"
#include "build/content.hpp"
#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"
#include "core/markdown.hpp"

namespace quire::import {

namespace {

// Kramdown and rdiscount keep an HTML block raw up to its closing tag; a
// CommonMark HTML block (a <div> line) ends at the first blank line, so
// code in a <pre> inside it with blank lines in it came out as paragraphs
// (springinpractice's 111 code listings). A blank line before such a <pre>
// (its line split there if it starts mid-line) makes it a block of its own,
// which CommonMark ends at </pre>.
std::string pre_blocks_apart(Run& run, const std::string& body) {
  if (body.find("<pre") == std::string::npos) return body;
  static const std::regex block_start(
      R"(^ {0,3}</?(div|figure|section|article|aside|table|center|blockquote|details|dl|ul|ol|p|span|code)\b)",
      std::regex::icase);
  const std::vector<bool> code = code_bytes(body);
  std::string out;
  bool in_block = false;
  for (size_t at = 0; at < body.size();) {
    size_t end = body.find('\n', at);
    end = end == std::string::npos ? body.size() : end + 1;
    std::string line = body.substr(at, end - at);
    const bool blank = line.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank || code[at]) {
      in_block = false;
      out += line;
      at = end;
      continue;
    }
    const bool starts_block = std::regex_search(line, block_start);
    if (!in_block && starts_block && (out.empty() || out.size() < 2 || out.compare(out.size() - 2, 2, "\n\n") == 0 ||
                                      out.back() == '\n'))
      in_block = true;
    const size_t pre = line.find("<pre");
    if (in_block && pre != std::string::npos && (pre + 4 >= line.size() || line[pre + 4] == '>' || line[pre + 4] == ' ')) {
      const size_t close = body.find("</pre>", at + pre);
      const std::string inside = body.substr(at + pre, close == std::string::npos ? std::string::npos : close - (at + pre));
      if (close != std::string::npos && (inside.find("\n\n") != std::string::npos || inside.find("\n\r\n") != std::string::npos)) {
        const std::string head = line.substr(0, pre);
        if (head.find_first_not_of(" \t") != std::string::npos) out += head + "\n";
        out += "\n";
        const size_t after = body.find('\n', close);
        const size_t stop = after == std::string::npos ? body.size() : after + 1;
        out += body.substr(at + pre, stop - (at + pre));  // the <pre> to its line's end, as it is
        at = stop;
        in_block = false;
        run.count("a <pre> with blank lines inside an HTML block (set apart, as kramdown kept the block whole)");
        continue;
      }
    }
    out += line;
    at = end;
  }
  return out;
}

// Kramdown (GitHub Pages reads posts with its GFM input) takes a line of
// inline HTML alone (<br>, <img ...>) as the start of a paragraph, which a
// heading, a list or a quote on the next line interrupts. CommonMark takes
// such a line after a blank one as an HTML block, up to the next blank
// line: the markdown under it would show as text ("### Regularization").
// A blank line after the HTML lines keeps them apart.
// Lines of HTML as separate_inline_html_lines reads them, scanned by hand:
// std::regex recursed once a character and overflowed the stack on a
// 30 KB line (DrMaemi's draw.io <div class="mxgraph" data-mxgraph="...">:
// the import crashed).
namespace html_line {

std::string_view body_of(std::string_view l) {  // without up to 3 leading spaces and the trailing blanks
  size_t i = 0;
  while (i < l.size() && i < 3 && l[i] == ' ') ++i;
  l.remove_prefix(i);
  while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r')) l.remove_suffix(1);
  return l;
}

bool name_in(std::string_view name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (name.size() == std::strlen(n) &&
        std::equal(name.begin(), name.end(), n, [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
      return true;
  return false;
}

// The tag's name after '<' (or "</") at l[at], and where it ends.
std::string_view name_at(std::string_view l, size_t at, size_t& end) {
  end = at;
  while (end < l.size() && std::isalnum(static_cast<unsigned char>(l[end]))) ++end;
  return l.substr(at, end - at);
}

// <tag ...> ... </tag> of a block element, whole on the line.
bool whole_block(std::string_view line) {
  const std::string_view l = body_of(line);
  if (l.size() < 2 || l[0] != '<') return false;
  size_t end = 0;
  const std::string_view name = name_at(l, 1, end);
  if (!name_in(name, {"div", "figure", "iframe", "video", "audio", "table", "center", "section", "aside", "blockquote",
                      "details", "p", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6"}))
    return false;
  if (end < l.size() && l[end] == '_') return false;  // \b: "div_x" is another name
  const size_t tail = name.size() + 3;  // "</" name ">"
  if (l.size() < end + tail) return false;
  const std::string_view closing = l.substr(l.size() - tail);
  return closing.compare(0, 2, "</") == 0 && closing.back() == '>' &&
         std::equal(name.begin(), name.end(), closing.begin() + 2, [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// Only tags: <a ...> </b> <img ...>, one or more, spaces between.
bool tags_only(std::string_view line) {
  const std::string_view l = body_of(line);
  size_t i = 0;
  bool any = false;
  while (i < l.size()) {
    if (l[i] != '<' || i + 1 >= l.size() || !(std::isalpha(static_cast<unsigned char>(l[i + 1])) || l[i + 1] == '/')) return false;
    const size_t close = l.find_first_of("<>", i + 1);
    if (close == std::string_view::npos || l[close] != '>') return false;
    i = close + 1;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    any = true;
  }
  return any;
}

// One inline element's tag alone: <br>, <img ...>, <span ...>, </span>.
bool one_tag(std::string_view line) {
  const std::string_view l = body_of(line);
  if (l.size() < 3 || l[0] != '<' || l.back() != '>' || l.find_first_of("<>", 1) != l.size() - 1) return false;
  const bool closing = l[1] == '/';
  size_t end = 0;
  const std::string_view name = name_at(l, closing ? 2 : 1, end);
  if (end < l.size() - 1 && (closing || std::isalnum(static_cast<unsigned char>(l[end])) || l[end] == '_')) return false;
  static const std::initializer_list<const char*> inline_names = {
      "span", "a", "b", "i", "em", "strong", "sup", "sub", "small", "font", "u", "s", "del", "ins", "kbd", "mark", "abbr",
      "cite", "q", "label"};
  return name_in(name, inline_names) || (!closing && name_in(name, {"br", "img"}));
}

}  // namespace html_line

std::string separate_inline_html_lines(Run& run, const std::string& body) {
  if (body.find('<') == std::string::npos) return body;
  const std::vector<bool> code = code_bytes(body);
  std::vector<std::string_view> lines;
  std::vector<size_t> starts;
  for (size_t at = 0; at < body.size();) {
    size_t end = body.find('\n', at);
    end = end == std::string::npos ? body.size() : end + 1;
    lines.push_back(std::string_view(body).substr(at, end - at));
    starts.push_back(at);
    at = end;
  }
  auto text = [&](size_t k) {
    std::string_view l = lines[k];
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    return std::string(l);
  };
  auto blank = [&](size_t k) { return trim(text(k)).empty(); };
  std::string out;
  out.reserve(body.size() + 16);
  for (size_t k = 0; k < lines.size(); ++k) {
    out.append(lines[k]);
    if (!code[starts[k]] && (k == 0 || blank(k - 1)) && k + 1 < lines.size() && !blank(k + 1) &&
        !code[starts[k + 1]] && text(k).find('<', text(k).find('>')) != std::string::npos &&
        html_line::whole_block(text(k)) && !html_line::tags_only(text(k + 1))) {
      if (out.back() != '\n') out += '\n';
      out += '\n';
      run.count("a line of block HTML over markdown (a blank line after it, as kramdown ended the block at its closing tag)");
      continue;
    }
    if (code[starts[k]] || !(k == 0 || blank(k - 1)) || !html_line::one_tag(text(k))) continue;
    size_t last = k;
    while (last + 1 < lines.size() && !code[starts[last + 1]] && html_line::tags_only(text(last + 1))) ++last;
    for (size_t j = k + 1; j <= last; ++j) out.append(lines[j]);
    k = last;
    if (last + 1 < lines.size() && !blank(last + 1)) {
      if (out.empty() || out.back() != '\n') out += '\n';
      out += '\n';
      run.count("a line of inline HTML over markdown (a blank line after it, as kramdown read it)");
    }
  }
  return out;
}

// Kramdown reads a link's or image's address up to its closing parenthesis,
// spaces and all (a Notion export's ![](/media/x/Untitled 3.png)); in
// CommonMark a space ends it, and the whole shows as text. Such an
// address is written <as this> (a "title" after it stays).
std::string bracket_spaced_addresses(Run& run, const std::string& body) {
  if (body.find("](") == std::string::npos) return body;
  const std::vector<bool> code = code_bytes(body);
  std::string out;
  size_t from = 0;
  for (size_t at = body.find("]("); at != std::string::npos; at = body.find("](", at + 2)) {
    if (code[at]) continue;
    const size_t open = at + 2;
    const size_t close = body.find_first_of(")\n(<", open);
    if (close == std::string::npos || body[close] != ')') continue;
    std::string dest = body.substr(open, close - open), title;
    // "title" or 'title' after a space: kept as the title
    if (dest.size() > 2 && (dest.back() == '"' || dest.back() == '\'')) {
      const size_t q = dest.rfind(dest.back(), dest.size() - 2);
      if (q != std::string::npos && q > 0 && dest[q - 1] == ' ') {
        title = dest.substr(q - 1);
        dest.resize(q - 1);
      }
    }
    const std::string url = trim(dest);
    if (url.find(' ') == std::string::npos || url.find_first_of("\"'`") != std::string::npos ||
        url.find_first_of("./") == std::string::npos)
      continue;
    out.append(body, from, open - from);
    out += "<" + url + ">" + title;
    from = close;
    run.count("a link's address with spaces (kramdown's reading, as <address>)");
  }
  if (from == 0) return body;
  out.append(body, from, std::string::npos);
  return out;
}

// Jekyll's named permalink styles, as patterns.
// Quire's patterns know no :output_ext: a Jekyll post's page is .html.
std::string permalink_pattern(const std::string& p) {
  if (p == "date") return "/:categories/:year/:month/:day/:title.html";
  if (p == "pretty") return "/:categories/:year/:month/:day/:title/";
  if (p == "ordinal") return "/:categories/:year/:y_day/:title.html";
  if (p == "weekdate") return "/:categories/:year/W:week/:short_day/:title.html";
  if (p == "none") return "/:categories/:title.html";
  return quire_pattern(p, "posts");
}

const std::set<std::string> kNeverCopied = {"Gemfile", "Gemfile.lock", "node_modules", "vendor", "README.md",
                                            "README.markdown", "LICENSE", "LICENSE.md", "CHANGELOG.md",
                                            "package.json", "package-lock.json", "Rakefile", "netlify.toml"};

bool has_front_matter(const fs::path& p) {
  char head[3] = {};
  if (std::ifstream in(p, std::ios::binary);
      !in.read(head, 3) || (std::string_view(head, 3) != "---" && std::string_view(head, 3) != "\xEF\xBB\xBF"))
    return false;  // an image, a font: not read whole
  std::string text;
  if (!read_file(p, text)) return false;
  return split_front_matter(text).format == "yaml";
}

struct Config {
  std::vector<std::string> exclude;
  // include: folders Jekyll reads although their names start with '_'
  // (Minimal Mistakes' _pages with about.md at /about/).
  std::vector<std::string> include;
  bool own_pattern = false;  // the config names a permalink (carried over or not, Jekyll's default is not what the posts had)
  std::string posts_pattern;  // the posts' permalink as the config wrote it ("" for Jekyll's default)
  std::vector<std::string> markdown_ext;
  // collections: name -> its permalink pattern when Jekyll published it
  // (output: true), absent when it did not.
  std::map<std::string, std::optional<std::string>> collections;
  std::string collections_dir;  // where the _<collection> folders are ("" for the site's root)
  // defaults: front matter Jekyll gave every post (scope type posts, or a
  // path under which posts lie), by path prefix ("" for all).
  std::vector<std::pair<std::string, ojson>> post_defaults;
  // defaults: a permalink for pages (scope type pages, or a path of pages:
  // Woojin's _pages at /:basename:output_ext), by path ("" every page).
  std::vector<std::pair<std::string, std::string>> page_permalinks;
  std::string excerpt_separator;  // the site's, when not Jekyll's default (a blank line)
  bool parse_block_html = false;  // kramdown: parse_block_html: true
  std::string permalink_style;    // the config's permalink: ("" for Jekyll's default, date)
  // jekyll-paginate: posts a page of the home's list, and where its pages
  // were ("/page:num/", paginate_path's default: /page2/).
  int paginate = 0;
  std::string paginate_path = "/page:num/";
  // The Chirpy theme: a post's relative image paths were under its
  // media_subpath (img_path before Chirpy 7), else the site's root.
  bool chirpy = false;
  // jekyll-polyglot: the site's languages and its default one; a post
  // with another `lang:` is a translation, served under /<lang>/.
  std::vector<std::string> languages;
  std::string default_lang = "en";
  // Octopress's backtick_code_block plugin: ``` lang caption [url [link text]].
  bool octopress_fences = false;
  // The folder the site's templates put before a post's image, by the key
  // they read it from: HPSTR's and Minimal Mistakes v1's
  // {{ site.url }}/images/{{ page.image.feature }} ("feature" -> "/images/";
  // "" for page.image itself).
  std::map<std::string, std::string> image_folders;
};

// Config::image_folders, from the site's _layouts/ and _includes/.
std::map<std::string, std::string> image_folders(Run& run) {
  std::map<std::string, std::string> folders;
  static const std::regex use(R"((/[\w./-]*/)\{\{-?\s*page\.image(?:\.(\w+))?\s*-?[}|])");
  for (const char* dir : {"_layouts", "_includes"}) {
    std::error_code ec;
    if (!fs::is_directory(run.src / dir, ec)) continue;
    for (const fs::path& f : files_under(run, run.src / dir)) {
      std::string html;
      if (!read_file(f, html) || html.find("page.image") == std::string::npos) continue;
      for (std::sregex_iterator m(html.begin(), html.end(), use), end; m != end; ++m) folders.try_emplace((*m)[2].str(), (*m)[1].str());
    }
  }
  return folders;
}

// Chirpy's media-url.html: an image path without a scheme or a leading '/'
// was the post's media_subpath + '/' + the path ('//' made one).
std::string chirpy_media(const std::string& subpath, const std::string& src) {
  if (src.empty() || src[0] == '/' || src[0] == '#' || src.find("://") != std::string::npos || src.rfind("data:", 0) == 0)
    return src;
  std::string url = subpath + "/" + src;
  for (size_t at; (at = url.find("//")) != std::string::npos;) url.erase(at, 1);
  if (url[0] != '/') url = "/" + url;
  return url;
}

// Every image of a Chirpy post (markdown's ![..](src) and <img src>),
// outside code, as Chirpy published it.
// Octopress's fences (plugins/backtick_code_block.rb): ``` ruby
// config/x.rb [https://url [link text]]: the language, then a caption
// (and a link) Octopress wrote above the code, as Quire writes
// {% codeblock %}'s (bbatsov's file names above his snippets were dropped).
std::string octopress_fences(Run& run, const std::string& body) {
  static const std::regex fence(R"re(^(\s{0,3})```\s*(\S+)\s+(\S.*?)\s*$)re");
  static const std::regex with_url(R"re((.+?)\s+(https?://\S+|/\S+)\s*(.+)?)re");
  std::string out;
  bool in_fence = false;
  size_t at = 0;
  while (at < body.size()) {
    size_t end = body.find('\n', at);
    if (end == std::string::npos) end = body.size();
    const std::string line = body.substr(at, end - at);
    std::smatch m;
    const bool marker = line.find_first_not_of(" ") != std::string::npos && line.compare(line.find_first_not_of(" "), 3, "```") == 0;
    if (!in_fence && marker && std::regex_match(line, m, fence)) {
      std::string caption = m[3].str(), link, link_text;
      std::smatch u;
      if (std::regex_match(caption, u, with_url)) caption = u[1].str(), link = u[2].str(), link_text = u[3].matched ? u[3].str() : "link";
      out += emphasis_line(caption) + (link.empty() ? "" : " [" + markdown_literal(link_text) + "](<" + link + ">)") + "\n" +
             m[1].str() + "```" + m[2].str();
      run.count("Octopress's ``` lang caption (the caption above the code)");
      in_fence = true;
    } else {
      if (marker) in_fence = !in_fence;
      out += line;
    }
    if (end < body.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

// Chirpy's image caption: an italic line right under an image's line
// (`![a](x.png)` then `_K-means, step by step_`), which the theme's CSS
// shows centred under the image: the image's title, so that Quire writes
// the figure and its caption (umitsarioz's 27 captions sat beside their
// images as italic text).
std::string chirpy_captions(Run& run, const std::string& body) {
  static const std::regex image(R"re(^(\s{0,3}!\[[^\]\n]*\]\()([^)\s"]+)\)(\{:[^}\n]*\})?\s*$)re");
  static const std::regex caption(R"re(^\s{0,3}(?:_([^_\n](?:[^\n]*[^_\s])?)_|\*([^*\n](?:[^\n]*[^*\s])?)\*)\s*$)re");
  const std::vector<bool> code = code_bytes(body);
  std::string out;
  size_t at = 0;
  while (at < body.size()) {
    size_t end = body.find('\n', at);
    if (end == std::string::npos) end = body.size();
    const std::string line = body.substr(at, end - at);
    std::smatch m, c;
    if (!code[at] && end < body.size() && std::regex_match(line, m, image)) {
      size_t next_end = body.find('\n', end + 1);
      if (next_end == std::string::npos) next_end = body.size();
      const std::string next = body.substr(end + 1, next_end - end - 1);
      if (!code[std::min(end + 1, body.size() - 1)] && std::regex_match(next, c, caption)) {
        std::string text = c[1].matched ? c[1].str() : c[2].str();
        std::string escaped;
        for (char ch : text) escaped += ch == '"' ? std::string("\\\"") : std::string(1, ch);
        out += m[1].str() + m[2].str() + " \"" + escaped + "\")" + m[3].str() + "\n";
        run.count("Chirpy's image caption (an italic line under the image) as the figure's caption");
        at = next_end + (next_end < body.size() ? 1 : 0);
        continue;
      }
    }
    out += line;
    if (end < body.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

std::string chirpy_images(Run& run, const std::string& body, const std::string& subpath) {
  static const std::regex image(R"re((!\[(?:[^\]\n]|\](?!\())*\]\(\s*<?|<img\b[^>]*?\bsrc\s*=\s*["'])([^)"'\s>]+))re");
  const std::vector<bool> code = code_bytes(body);
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), image); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const size_t at = static_cast<size_t>(m.position(2));
    if (code[at]) continue;
    const std::string to = chirpy_media(subpath, m[2].str());
    if (to == m[2].str()) continue;
    out.append(body, last, at - last);
    out += to;
    last = at + static_cast<size_t>(m.length(2));
    run.count("an image of a Chirpy post under its media_subpath (or the site's root), as Chirpy published it");
  }
  if (last == 0) return body;
  out.append(body, last, std::string::npos);
  return out;
}

// A site with no title in its config (mojombo's) wrote its name in the
// layout: the text of the layout's first link home (<a href="/">Tom
// Preston-Werner</a>, or href="{{ site.baseurl }}/"), else a <title> with
// no Liquid; "" when neither is there.
std::string layout_title(const Run& run) {
  for (const char* name : {"_layouts/default.html", "_includes/header.html", "_includes/head.html"}) {
    std::string html;
    if (!read_file(run.src / name, html)) continue;
    std::smatch m;
    static const std::regex home(R"re(<a\s[^>]*href\s*=\s*["'](?:/|\{\{\s*site\.(?:base)?url\s*\}\}/?|\{\{\s*["']/["']\s*\|\s*(?:relative_|absolute_)?url\s*\}\})["'][^>]*>\s*([^<{}]+?)\s*</a>)re",
                                 std::regex::icase);
    if (std::regex_search(html, m, home) && trim(m[1].str()).size() > 1) return trim(m[1].str());
    static const std::regex title(R"(<title>\s*([^<{}]+?)\s*</title>)", std::regex::icase);
    if (std::regex_search(html, m, title)) return trim(m[1].str());
  }
  return "";
}

// {% include_relative notes/part.md %}: a markdown file beside the post,
// its text (its Liquid rewritten like the post's); not converted for a
// template (.html) or a path out of the site.
TagResult include_relative(Run& run, const Item& item, const Tag& t) {
  TagResult r;
  if (t.open != "{%" || t.inner.rfind("include_relative ", 0) != 0) return r;
  const std::string file = trim(t.inner.substr(17));
  const std::string ext = fs::path(file).extension().string();
  if (file.find("..") != std::string::npos || file.find_first_of(" \"'") != std::string::npos ||
      (ext != ".md" && ext != ".markdown"))
    return r;
  std::string text;
  if (!read_file(item.source.parent_path() / file, text)) return r;
  r.converted = true;
  r.replacement = rewrite_tags(text, 1, run.shown(item.source.parent_path() / file), run,
                               [&](std::string_view b, Tag& tag) { return liquid_tag(run, b, tag); });
  r.construct = "{% include_relative <markdown file> %} (its text)";
  return r;
}

// {{ page.url }} in a post's own text (p-mckenzie's in-page links,
// [Log in]({{ page.url }}#log-in)): the post's address, known here.
TagResult page_url(const Run& run, const Item& item, const Tag& t) {
  TagResult r;
  if (t.open != "{{" || t.inner.rfind("page.url", 0) != 0) return r;
  std::string filter = trim(std::string_view(t.inner).substr(8));
  if (!filter.empty() && filter != "| relative_url" && filter != "| absolute_url" && filter != "|relative_url") return r;
  r.converted = true;
  r.replacement = run.url_of(item);
  r.construct = "{{ page.url }} (the post's address)";
  return r;
}

// Where Jekyll published a page with no permalink of its own (its
// Page#template with Utils.add_permalink_suffix): /docs/guide.html, or
// /docs/guide/ under the pretty style or a style ending in '/', or
// /docs/guide under a style with neither; a folder's index.md at /docs/.
std::string jekyll_page_url(const fs::path& rel, const std::string& style) {
  const std::string dir = rel.parent_path().generic_string();
  const std::string base = "/" + (dir.empty() ? "" : dir + "/");
  if (rel.stem() == "index") return base;
  std::string suffix = ".html";
  if (style == "pretty" || (!style.empty() && style.back() == '/')) suffix = "/";
  else if (!style.empty() && style != "date" && style != "ordinal" && style != "none" && style != "weekdate")
    suffix = style.size() >= 11 && style.compare(style.size() - 11, 11, ":output_ext") == 0 ? ".html" : "";
  return base + rel.stem().string() + suffix;
}

// A template that loops over the posts, tags or categories (or lists a
// jekyll-paginate page): a list page of the old engine's.
bool loops_over_posts(const std::string& body) {
  // (or a collection's documents: haijunsu's lintcode-tags.md over site.lintcodes)
  static const std::regex loop(R"(\{%-?\s*for\s+\w+\s+in\s+(?:site|paginator)\.(?!data\b)\w+)");  // (not _data's: a page of its own)
  return body.find("{%") != std::string::npos &&
         (body.find("site.posts") != std::string::npos || body.find("paginator.posts") != std::string::npos ||
          body.find("site.tags") != std::string::npos || body.find("site.categories") != std::string::npos ||
          std::regex_search(body, loop));
}

// Where a page made only to send readers on went: the URL of its
// <meta http-equiv="refresh" content="0; url=..."> when nothing but that
// tag (and an empty HTML shell) is in it, or with `text_too` whatever
// else it holds (readers left at once), else "". lilianweng's home and 37
// posts, once the blog had moved to another site.
std::string meta_refresh_target(const std::string& html, bool text_too = false) {
  static const std::regex refresh(
      R"re(<meta\s[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']\s*\d*\s*;?\s*url\s*=\s*['"]?([^'">\s]+)['"]?\s*["'][^>]*>)re",
      std::regex::icase);
  std::smatch m;
  if (!std::regex_search(html, m, refresh)) return "";
  // Anything readers saw besides it: text outside tags.
  static const std::regex tag(R"(<[^>]*>)");
  if (!text_too && !trim(std::regex_replace(html, tag, "")).empty()) return "";
  return m[1].str();
}

// Collections and front matter defaults: where a site puts its posts'
// permalink as often as at the top level.
void read_collections(Run& run, const ojson& c, Config& cfg, std::string& pattern, const std::string& shown) {
  if (c.contains("collections")) {
    const ojson& cols = c["collections"];
    auto add = [&](const std::string& name, const ojson& opts) {  // merge keys: yaml_node
      const bool output = opts.is_object() && opts.contains("output") && opts["output"] == "true";
      std::string perm = opts.is_object() && opts.contains("permalink") && opts["permalink"].is_string()
                             ? opts["permalink"].get<std::string>() : "";
      if (name == "posts") {
        if (!perm.empty()) pattern = perm;
        return;
      }
      // Without one: "/:collection/:path" and the site's style's ending, as
      // Jekyll's Utils.add_permalink_suffix (mincong's _cn at /cn/x/ under
      // permalink: /en/:title/).
      const std::string& style = cfg.permalink_style;
      const std::string suffix = style == "pretty" ? "/"
                                 : style.empty() || style == "date" || style == "ordinal" || style == "none" ? ":output_ext"
                                 : style.back() == '/' ? "/"
                                 : style.size() >= 11 && style.compare(style.size() - 11, 11, ":output_ext") == 0 ? ":output_ext"
                                                                                                                  : "";
      if (output) cfg.collections[name] = perm.empty() ? "/:collection/:path" + suffix : perm;
      else cfg.collections[name] = std::nullopt;
    };
    if (cols.is_object()) for (const auto& [name, opts] : cols.items()) add(name, opts);
    if (cols.is_array()) for (const ojson& name : cols) if (name.is_string()) add(name.get<std::string>(), ojson());
  }
  if (c.contains("defaults") && c["defaults"].is_array()) {
    for (const ojson& d : c["defaults"]) {
      if (!d.is_object() || !d.contains("values") || !d["values"].is_object()) continue;
      const ojson scope = d.contains("scope") && d["scope"].is_object() ? d["scope"] : ojson::object();
      const std::string type = scope.contains("type") && scope["type"].is_string() ? scope["type"].get<std::string>() : "";
      std::string path = scope.contains("path") && scope["path"].is_string() ? scope["path"].get<std::string>() : "";
      while (!path.empty() && path.back() == '/') path.pop_back();
      if ((type == "pages" || (type.empty() && !path.empty() && path.find("_posts") == std::string::npos)) &&
          d["values"].contains("permalink") && d["values"]["permalink"].is_string()) {
        cfg.page_permalinks.push_back({path, d["values"]["permalink"].get<std::string>()});
        if (type == "pages") continue;
      }
      if (!type.empty() && type != "posts") {
        // A collection's permalink set by type (Chirpy's tabs: /:title/):
        // its documents' front matter, which wins over the collection's own.
        const auto col = cfg.collections.find(type);
        if (col != cfg.collections.end() && col->second && d["values"].contains("permalink") &&
            d["values"]["permalink"].is_string() &&
            (path.empty() || path == "_" + type))
          col->second = d["values"]["permalink"].get<std::string>();
        continue;
      }
      if (type.empty() && !path.empty() && path.find("_posts") == std::string::npos) continue;
      ojson values = d["values"];
      if (values.contains("permalink") && values["permalink"].is_string()) {
        if (path.empty() || path == "_posts") pattern = values["permalink"].get<std::string>();
        else run.note(shown, 0, "defaults: a permalink for posts under " + path + " only: not carried over");
        values.erase("permalink");
      }
      values.erase("layout");
      if (!values.empty()) cfg.post_defaults.push_back({path, values});
    }
  }
}

// jekyll-archives' settings (its DEFAULTS merged with the config's): the
// term and date pages it made, for site_redirects to send to Quire's.
void read_archives(Run& run, const ojson& a, const std::string& shown) {
  if (!a.is_object()) return;  // the plugin warns and makes nothing
  const ojson none = ojson::object();
  const ojson& enabled = a.contains("enabled") ? a["enabled"] : none;
  const ojson& own = a.contains("permalinks") && a["permalinks"].is_object() ? a["permalinks"] : none;
  const std::vector<std::string> listed = enabled.is_array() ? string_list(enabled, false) : std::vector<std::string>();
  const bool all = (enabled.is_boolean() && enabled.get<bool>()) || (enabled.is_string() && enabled.get<std::string>() == "all");
  const std::pair<const char*, const char*> defaults[] = {
      {"year", "/:year/"}, {"month", "/:year/:month/"}, {"day", "/:year/:month/:day/"}, {"tag", "/tag/:name/"}, {"category", "/category/:name/"}};
  for (const auto& [type, pattern] : defaults) {
    // enabled: [tags, categories, year, month, day]
    const std::string key = type[0] == 't' ? "tags" : type[0] == 'c' ? "categories" : type;
    if (!all && std::find(listed.begin(), listed.end(), key) == listed.end()) continue;
    run.jekyll_archives[type] = own.contains(type) && own[type].is_string() ? own[type].get<std::string>() : pattern;
  }
  if (a.contains("slug_mode") && a["slug_mode"].is_string()) run.jekyll_archives_slug_mode = a["slug_mode"].get<std::string>();
  if (!run.jekyll_archives.empty())
    run.note(shown, 0, "jekyll-archives' pages (" + std::to_string(run.jekyll_archives.size()) +
                           " kinds): not converted, Quire writes its own tag and month pages; their old addresses redirect to them");
}

// A page listing one category's or tag's posts ({% assign posts =
// site.categories.ai %}, site.tags["Web Dev"]): that term's page of
// Quire's, else "" (hellojunho's 17 /categories/<x> pages went home).
std::string term_list_target(const Run& run, const std::string& body) {
  static const std::regex term(R"re(site\.(categories|tags)(?:\.([A-Za-z0-9_-]+)|\[\s*["']([^"'\]]+)["']\s*\]))re");
  std::smatch m;
  if (!std::regex_search(body, m, term)) return "";
  const std::string name = m[2].matched ? m[2].str() : m[3].str();
  if (m[2].matched && (name == "size" || name == "first" || name == "last")) return "";  // site.tags.size: all of them
  const std::string slug = tag_slug(name);
  if (slug.empty()) return "";
  const bool category = m[1].str() == "categories" && run.category_pages;
  return (category ? "/categories/" : "/tags/") + slug + "/";
}

// GitHub Pages' own address of a user's site, which it gave site.url when
// the config named none (hellojunho's url commented out: its feed and
// sitemap were at https://hellojunho.github.io/): the blog's folder named
// <user>.github.io, or its git remote. "" otherwise (a project's site
// moves under /<repo>/ too: not guessed).
std::string github_pages_url(const Run& run) {
  auto user_site = [](std::string name) {
    name = ascii_lower(name);
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".git") == 0) name.resize(name.size() - 4);
    static const std::regex host(R"([a-z0-9][a-z0-9-]*\.github\.io)");
    return std::regex_match(name, host) ? "https://" + name : std::string();
  };
  std::string url = user_site(run.src.filename().empty() ? run.src.parent_path().filename().string() : run.src.filename().string());
  std::string git;
  if (url.empty() && read_file(run.src / ".git" / "config", git)) {
    static const std::regex remote(R"(url\s*=\s*\S*github\.com[:/]([A-Za-z0-9-]+)/([A-Za-z0-9.-]+?)(?:\.git)?\s*(?:\n|$))");
    if (std::smatch m; std::regex_search(git, m, remote) && ascii_lower(m[2].str()) == ascii_lower(m[1].str()) + ".github.io")
      url = user_site(m[2].str());
  }
  return url;
}

void read_config(Run& run, ojson& site, Config& cfg) {
  std::vector<std::string>& exclude = cfg.exclude;
  bool& own_pattern = cfg.own_pattern;
  std::vector<std::string>& markdown_ext = cfg.markdown_ext;
  fs::path file = run.src / "_config.yml";
  if (!fs::exists(file)) file = run.src / "_config.yaml";
  std::string text, cname, gemfile;
  // GitHub Pages: the domain in CNAME is the site's address when the
  // config names none; jekyll-feed (in the Gemfile or the config's
  // plugins) wrote the feed at /feed.xml or its feed.path.
  if (read_file(run.src / "CNAME", cname)) {
    cname = trim(cname.substr(0, cname.find('\n')));
    if (cname.find_first_of(" /:") != std::string::npos) cname.clear();
  }
  // A Gemfile's `gemspec` line adds the blog's own gemspec's dependencies
  // (Bimlibik's fork of Chirpy: jekyll-theme-chirpy.gemspec brings
  // jekyll-archives).
  if (read_file(run.src / "Gemfile", gemfile) && std::regex_search(gemfile, std::regex(R"((^|\n)\s*gemspec\b)"))) {
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(run.src, ec))
      if (std::string spec; e.path().extension() == ".gemspec" && read_file(e.path(), spec)) gemfile += "\n" + spec;
  }
  if (gemfile.find("jekyll-feed") != std::string::npos) add_old_feed(site, "/feed.xml");
  if (!read_file(file, text)) {
    if (!cname.empty()) set_url(run, site, "https://" + cname, "", run.shown(run.src / "CNAME"));
    else if (const std::string pages = github_pages_url(run); !pages.empty()) set_url(run, site, pages, "", run.shown(run.src));
    run.note(run.shown(run.src / "_config.yml"), 0, "missing: no site settings to convert");
    return;
  }
  ojson c;
  std::string error;
  int line = 0;
  if (!parse_yaml(text, c, error, line)) {
    run.note(run.shown(file), line + 1, error + "; site settings not converted");
    return;
  }
  const std::string shown = run.shown(file);
  auto str = [&](const char* k) { return c.contains(k) && c[k].is_string() ? c[k].get<std::string>() : std::string(); };
  // Each text setting by its path, nested ones too ({{ site.author.email }}:
  // whittakertech's contact links showed the tag as text).
  const std::function<void(const ojson&, const std::string&, int)> settings = [&](const ojson& o, const std::string& at, int depth) {
    for (const auto& [k, v] : o.items()) {
      if (v.is_string()) run.site_vars[at + k] = v.get<std::string>();
      else if (v.is_object() && depth < 3) settings(v, at + k + ".", depth + 1);
    }
  };
  if (c.is_object()) settings(c, "", 0);
  if (!str("title").empty()) site["title"] = str("title");
  if (!str("description").empty()) site["description"] = str("description");
  if (config_math(c)) site["math"] = true;  // math.cpp
  // Posts dated after the build were published (the tester's blog of
  // future: true had its 2030 post left out by Quire's build).
  if (c.contains("future") && (c["future"] == true || c["future"] == "true")) site["future"] = true;
  if (c.contains("author")) {
    if (c["author"].is_string()) site["author"] = c["author"];
    else if (c["author"].is_object() && c["author"].contains("name")) site["author"] = c["author"]["name"];
  }
  // Jekyll writes the site at its root and moves it only by baseurl: a path
  // in url is ignored by relative_url and by the output (Moo64c's url
  // "https://moo64c.github.io/about" had made every link /about/...).
  std::string url = str("url").empty() && !cname.empty() ? "https://" + cname : str("url");
  if (url.empty() && !(url = github_pages_url(run)).empty())
    run.note(shown, 0, "url: none, so GitHub Pages' address of the blog's folder, " + url + " (set url in site.yaml if the blog lives elsewhere)");
  if (std::string origin, path; split_site_url(url, origin, path) && path != "/" && path != "") {
    run.note(shown, 0, "url \"" + url + "\" has a path Jekyll does not serve the site under (only baseurl moves it): the site is at " +
                           (str("baseurl").empty() ? std::string("the root") : str("baseurl")));
    url = origin;
  }
  set_url(run, site, url, str("baseurl"), shown);
  for (const char* k : {"theme", "remote_theme"})
    if (str(k).find("chirpy") != std::string::npos) cfg.chirpy = true;
  if (gemfile.find("jekyll-theme-chirpy") != std::string::npos) cfg.chirpy = true;
  // jekyll-archives in the plugins, the Gemfile, or a theme gem that
  // depends on it: Chirpy's (Bimlibik's blog named no plugins: its 20
  // /categories/<name>/ pages had no redirect).
  bool archives = gemfile.find("jekyll-archives") != std::string::npos || cfg.chirpy;
  for (const char* k : {"plugins", "gems"}) {
    if (!c.contains(k)) continue;
    for (const std::string& p : string_list(c[k], false)) {
      if (p == "jekyll-feed") add_old_feed(site, "/feed.xml");
      if (p == "jemoji") run.emoji = true;  // :tada: as its emoji (emojify)
      if (p == "jekyll-archives") archives = true;
    }
  }
  // Its settings enabling pages where nothing above names it: another
  // theme gem brought it, most likely; their old addresses redirect to
  // Quire's pages (where there were none, no harm done), said.
  if (c.contains("jekyll-archives")) {
    read_archives(run, c["jekyll-archives"], shown);
    if (!archives && !run.jekyll_archives.empty())
      run.note(shown, 0, "jekyll-archives is in no plugins list nor Gemfile, but its settings enable pages: taken as on (a theme gem brings it)");
  }
  if (site.contains("old_feeds") && c.contains("feed") && c["feed"].is_object() && c["feed"].contains("path") &&
      c["feed"]["path"].is_string()) {
    std::string path = c["feed"]["path"].get<std::string>();
    site["old_feeds"] = ojson::array({path.rfind('/', 0) == 0 ? path : "/" + path});
  }
  std::string lang = str("lang").empty() ? str("language") : str("lang");
  if (!lang.empty()) site["language"] = lang.substr(0, lang.find_first_of("-_"));
  if (std::string tz = str("timezone"); !tz.empty()) {
    // An offset ("+0100", Ruby reads it as one) is a fixed zone: Etc/GMT-1
    // (the tz database's signs are POSIX's, the other way round).
    const std::string digits = tz.size() >= 5 && (tz[0] == '+' || tz[0] == '-') ? tz.substr(1) : "";
    std::string hh, mm;
    if (digits.size() == 4 && std::all_of(digits.begin(), digits.end(), ::isdigit)) hh = digits.substr(0, 2), mm = digits.substr(2);
    if (digits.size() == 5 && digits[2] == ':' && ::isdigit(digits[0]) && ::isdigit(digits[1]) && ::isdigit(digits[3]) &&
        ::isdigit(digits[4]))
      hh = digits.substr(0, 2), mm = digits.substr(3);
    if (!hh.empty()) {
      const int h = std::atoi(hh.c_str());
      if (mm != "00" || h > 14) {
        run.note(shown, 0, "timezone: \"" + tz + "\" is an offset no tz database zone has; left out (dates keep their own offsets)");
        tz.clear();
      } else {
        tz = h == 0 ? "UTC" : std::string("Etc/GMT") + (tz[0] == '+' ? "-" : "+") + std::to_string(h);
        run.count("timezone offset as a tz database zone");
      }
    }
    if (!tz.empty() && hh.empty() && !known_time_zone(tz)) {
      // "CN", "Beijing": Ruby sets TZ to it and the C library, knowing no
      // such zone, keeps UTC: the dates without an offset were UTC's.
      run.note(shown, 0, "timezone: \"" + tz + "\" is no zone of the tz database (Jekyll's dates were UTC's); left out");
      tz.clear();
    }
    if (!tz.empty()) site["timezone"] = run.timezone = tz;
  }
  if (!str("paginate").empty()) {
    const int n = std::atoi(str("paginate").c_str());
    if (n >= 1 && n <= 1000) site["posts_per_page"] = cfg.paginate = n;
    else run.note(shown, 0, "paginate: \"" + str("paginate") + "\" is not a number of posts from 1 to 1000; left out");
  }
  // source: project (the site's files in a folder beside the build's
  // gulpfile and bower.json): the site is read from there.
  if (const fs::path source = fs::path(str("source")).lexically_normal(); !source.empty() && source != "." &&
      source.is_relative() && source.string().rfind("..", 0) != 0) {
    std::error_code ec;
    if (fs::is_directory(run.src / source, ec)) {
      run.src = run.src / source;
      run.count("source: the site's folder (read from there)");
    } else {
      run.note(shown, 0, "source: \"" + source.generic_string() + "\" is no folder of the blog; the blog's root is read");
    }
  }
  std::string pattern = str("permalink");
  cfg.permalink_style = pattern;
  cfg.collections_dir = fs::path(str("collections_dir")).lexically_normal().generic_string();
  while (!cfg.collections_dir.empty() && (cfg.collections_dir.back() == '/' || cfg.collections_dir == "."))
    cfg.collections_dir.pop_back();
  read_collections(run, c, cfg, pattern, shown);
  cfg.posts_pattern = pattern;
  if (!pattern.empty()) {
    own_pattern = true;
    carry_pattern(run, site, permalink_pattern(pattern), shown);
  }
  if (c.contains("exclude")) exclude = string_list(c["exclude"], false);
  if (c.contains("include"))
    for (std::string x : string_list(c["include"], false)) {
      while (!x.empty() && x.back() == '/') x.pop_back();
      if (!x.empty()) cfg.include.push_back(x);
    }
  if (!str("excerpt_separator").empty()) cfg.excerpt_separator = str("excerpt_separator");
  if (str("paginate_path").find(":num") != std::string::npos) cfg.paginate_path = str("paginate_path");
  // Octopress: its pages of the home under pagination_dir (/blog/page/2/),
  // and its category_generator's page and Atom feed of each category under
  // category_dir (/blog/categories/emacs/, .../emacs/atom.xml): bbatsov's
  // 46 category pages and feeds and his /blog/page/N/ went 404.
  auto folder = [](std::string d) {
    d.erase(0, std::min(d.find_first_not_of('/'), d.size()));
    while (!d.empty() && d.back() == '/') d.pop_back();
    return d;
  };
  if (str("paginate_path").empty() && !folder(str("pagination_dir")).empty())
    cfg.paginate_path = "/" + folder(str("pagination_dir")) + "/page/:num/";
  if (const std::string dir = folder(str("category_dir")); !dir.empty() && !run.jekyll_archives.count("category")) {
    run.jekyll_archives["category"] = "/" + dir + "/:name/";
    add_old_feed(site, "/" + dir + "/:tag/atom.xml");
  }
  {
    std::error_code ec;
    for (const fs::path& root : {run.src, run.src.parent_path()})
      if (fs::exists(root / "plugins" / "backtick_code_block.rb", ec)) cfg.octopress_fences = true;
  }
  cfg.image_folders = image_folders(run);
  if (c.contains("kramdown") && c["kramdown"].is_object() && c["kramdown"].contains("parse_block_html"))
    cfg.parse_block_html = c["kramdown"]["parse_block_html"] == "true";
  // kramdown's hard_wrap (GFM input; Jekyll turns it off by default): each
  // line break in a paragraph was a <br>.
  if (c.contains("kramdown") && c["kramdown"].is_object() && c["kramdown"].contains("hard_wrap") &&
      c["kramdown"]["hard_wrap"] == "true")
    site["hard_breaks"] = true;
  if (c.contains("languages")) cfg.languages = string_list(c["languages"], false);
  if (!str("default_lang").empty()) cfg.default_lang = str("default_lang");
  if (!str("markdown_ext").empty()) markdown_ext = string_list(c["markdown_ext"], true);  // "md,markdown,txt"
}

// Categories from the folders above a _posts folder.
std::vector<std::string> folder_categories(const fs::path& rel_dir) {
  std::vector<std::string> out;
  for (const auto& part : rel_dir)
    if (part != "_posts" && part != "_drafts" && part != ".") out.push_back(part.string());
  return out;
}

}  // namespace

void read_jekyll(Run& run, ojson& site) {
  Config cfg;
  read_config(run, site, cfg);
  if (!site.contains("title"))
    if (const std::string title = layout_title(run); !title.empty()) {
      site["title"] = title;
      run.note(run.shown(run.src / "_layouts" / "default.html"), 0,
               "no title in the config: the layout's link home, \"" + title + "\", is the site's title; check it");
    }
  const std::vector<std::string>& exclude = cfg.exclude;
  const bool own_pattern = cfg.own_pattern;
  auto is_markdown = [&](const fs::path& p) { return markdown_file(p, cfg.markdown_ext); };
  std::map<std::string, size_t> unpublished;  // collection -> its documents Jekyll did not publish
  auto excluded = [&](const fs::path& rel) {
    const std::string first = rel.begin()->string();
    if (first.empty()) return false;
    if (first[0] == '.') return true;
    // The repository's LICENSE.md or CHANGELOG.md with front matter is a
    // page Jekyll published (mropert's /LICENSE/, the blog's licence).
    if (kNeverCopied.count(first))
      return !(rel.has_filename() && rel == rel.filename() && is_markdown(rel) && has_front_matter(run.src / rel));

    // As Jekyll's EntryFilter reads exclude: a path from the site's root
    // beginning with the entry, or matching it as a glob whose * crosses
    // folders (File.fnmatch? without FNM_PATHNAME): "*.sh" left every
    // shell script out, deploy scripts among them (umitsarioz's deploy.sh
    // and theme.gemspec were published).
    const std::string path = rel.generic_string();
    for (const std::string& e : exclude) {
      std::string x = e;
      x.erase(0, std::min(x.find_first_not_of('/'), x.size()));  // Minimal Mistakes' "/docs": from the site's root
      if (x.empty()) continue;
      if (path.rfind(x, 0) == 0 || path + "/" == x || fnmatch(x.c_str(), path.c_str(), 0) == 0) return true;
    }
    return false;
  };

  // Posts and drafts: every _posts and _drafts folder.
  std::error_code ec;
  const std::vector<fs::path> files = files_under(run, run.src, [&](const fs::path& p) {
    return excluded(p.lexically_relative(run.src)) || p.filename() == "_site";
  });
  std::vector<fs::path> statics;
  std::vector<std::pair<fs::path, fs::path>> collection_files;  // a collection's file, where Jekyll wrote it
  for (const fs::path& f : files) {
    const fs::path rel = f.lexically_relative(run.src);
    fs::path posts_root;  // the _posts/_drafts folder holding it
    for (fs::path p = rel.parent_path(); !p.empty(); p = p.parent_path())
      if (p.filename() == "_posts" || p.filename() == "_drafts") posts_root = p;
    if (!posts_root.empty()) {
      // A post in HTML with no Liquid is read as one in markdown; one with
      // front matter only is a post with no text, as an empty .md is
      // (edburns's 2 posts Jekyll published).
      if (!is_markdown(f) && !plain_html_page(f, true, true)) {
        const std::string kind = other_content_kind(f);
        if (!kind.empty() || has_front_matter(f))
          run.note(run.shown(f), 1, "a post in " + (kind.empty() ? "a format Quire does not read" : kind) +
                                        ": not converted, rewrite it as .md");
        continue;
      }
      Item item;
      item.source = f;
      item.shown = run.shown(f);
      const fs::path in_posts = f.lexically_relative(run.src / posts_root);
      std::string key = (in_posts.parent_path() / in_posts.stem()).generic_string();
      item.keys = {key, in_posts.stem().string(), rel.generic_string()};
      item.name = in_posts.stem().string() + ".md";
      item.categories = folder_categories(posts_root.parent_path());
      if (posts_root.filename() == "_drafts") item.in["draft"] = "true";
      for (const auto& [path, values] : cfg.post_defaults)
        if (path.empty() || rel.generic_string().rfind(path + "/", 0) == 0)
          for (const auto& [k, v] : values.items())
            if (!item.in.contains(k)) item.in[k] = v;
      run.items.push_back(item);
      continue;
    }
    const fs::path in_dir = cfg.collections_dir.empty() ? rel : rel.lexically_relative(cfg.collections_dir);
    if (const std::string first = in_dir.empty() || in_dir.begin()->string() == ".." ? std::string() : in_dir.begin()->string();
        first.size() > 1 && first[0] == '_' && cfg.collections.count(first.substr(1))) {
      // A collection's document: a page at the URL Jekyll gave it.
      const std::string name = first.substr(1);
      const std::optional<std::string>& pattern = cfg.collections[name];
      const fs::path in_col = in_dir.lexically_relative(first);
      const std::string path = (in_col.parent_path() / in_col.stem()).generic_string();  // :path
      // The collection's permalink with these placeholders' values.
      auto expand = [&](const auto& tokens) {
        std::string url = *pattern;
        for (const auto& [token, value] : tokens)
          for (size_t at; (at = url.find(token)) != std::string::npos;) url.replace(at, std::strlen(token), value);
        return url;
      };
      const bool html_document = f.extension() == ".html" && has_front_matter(f);
      if (!is_markdown(f) && !html_document) {
        // Any other file of a published collection (a slide deck's images
        // beside it: kenners's _talks/x/homer.png) is copied where Jekyll
        // wrote it: the collection's permalink with :path the file's path
        // (no extension), then the extension.
        if (!pattern) continue;
        const std::pair<const char*, std::string> tokens[] = {
            {":collection", name}, {":path", path}, {":name", in_col.stem().string()}, {":title", ""}, {":output_ext", ""}};
        std::string url = expand(tokens);
        while (!url.empty() && url.back() == '/') url.pop_back();
        url.erase(0, std::min(url.find_first_not_of('/'), url.size()));
        if (url.empty() || url.find(':') != std::string::npos || url.find("..") != std::string::npos)
          url = name + "/" + path;
        collection_files.emplace_back(f, fs::path(url + in_col.extension().string()));
        continue;
      }
      if (!pattern) {
        ++unpublished[name];
        continue;
      }
      if (html_document && !plain_html_page(f)) {  // a template: Liquid in it
        run.note(run.shown(f), 0, "collection " + name + ": a document in HTML with Liquid: not converted, rewrite it as .md");
        continue;
      }
      Item item;
      item.source = f;
      item.shown = run.shown(f);
      item.page = true;
      item.keys = {rel.generic_string()};
      item.name = name + "-" + path + ".md";
      std::replace(item.name.begin(), item.name.end(), '/', '-');
      // :slug and :title: the document's slug key, else its name (naxoc's /sektion/:slug/)
      std::string own_slug, text, error;
      if (pattern->find(":slug") != std::string::npos || pattern->find(":title") != std::string::npos) {
        ojson front;
        int line = 0;
        if (read_file(f, text) && parse_front(split_front_matter(text), front, error, line) && front.is_object() &&
            front.contains("slug") && front["slug"].is_string())
          own_slug = front["slug"].get<std::string>();
      }
      const std::string slug_source = own_slug.empty() ? in_col.stem().string() : own_slug;
      const std::pair<const char*, std::string> tokens[] = {{":collection", name}, {":path", path},
                                                            {":name", slugify(in_col.stem().string())},
                                                            {":slug", jekyll_default_slug(slug_source)},
                                                            {":title", jekyll_title_slug(slug_source)},
                                                            {":output_ext", ".html"}};
      const std::string url = expand(tokens);
      if (url.find(':') == std::string::npos) item.in["permalink"] = url;
      else run.note(item.shown, 0, "collection " + name + ": permalink \"" + *pattern + "\" not understood; the page gets /<slug>/");
      run.items.push_back(item);
      continue;
    }
    bool underscored = false;
    bool first_part = true;
    for (const auto& part : rel) {
      const std::string name = part.string();
      const bool included = first_part && std::find(cfg.include.begin(), cfg.include.end(), name) != cfg.include.end();
      underscored = underscored || (name[0] == '_' && !included);
      first_part = false;
    }
    if (underscored || rel.filename().string().rfind("_config", 0) == 0) continue;
    // A page: markdown with front matter, or HTML with no Liquid (about.html,
    // its HTML its text); one with Liquid is a template (below).
    if ((is_markdown(f) && has_front_matter(f)) || plain_html_page(f)) {
      if (rel.parent_path().empty() && rel.stem() == "index") {
        run.note(run.shown(f), 0, "the home page: Quire makes its own; not converted");
        continue;
      }
      Item item;
      item.source = f;
      item.shown = run.shown(f);
      item.page = true;
      item.keys = {rel.generic_string()};
      item.name = (rel.parent_path().empty() ? "" : rel.parent_path().generic_string() + "-") + rel.stem().string() + ".md";
      std::replace(item.name.begin(), item.name.end(), '/', '-');
      item.name.erase(0, item.name.find_first_not_of('_'));  // _pages-about.md (an included folder): pages-about.md
      run.items.push_back(item);
      continue;
    }
    // Any file with front matter is one Jekyll ran through Liquid (Chirpy's
    // app.js and sw.js, feeds, stylesheets): the old theme's, not copied.
    if (has_front_matter(f)) {
      const std::string stem = f.stem().string();
      std::string page_text;
      const SourceDoc doc = read_file(f, page_text) ? split_front_matter(page_text) : SourceDoc{};
      // An Atom or RSS template by its name, or by its text whatever its
      // name (Octopress's feed/index.html, served at /feed/).
      const std::string head = doc.body.substr(0, 2000);
      const bool feed_text = trim(doc.body).rfind("<?xml", 0) == 0 &&
                             (head.find("<feed") != std::string::npos || head.find("<rss") != std::string::npos);
      if ((f.extension() == ".xml" &&
           (stem.find("feed") != std::string::npos || stem.find("atom") != std::string::npos || stem.find("rss") != std::string::npos)) ||
          feed_text) {
        const std::string at = rel.filename() == "index.html" ? jekyll_page_url(rel, "") : "/" + rel.generic_string();
        add_old_feed(site, at);
        const bool own = rel.generic_string() == "feed.xml";  // where Quire's feed is
        run.note(run.shown(f), 0, std::string("a feed template: Quire writes its own feed") +
                                      (own ? " at this address" : ", and a copy of it here (old_feeds in site.yaml)") +
                                      (site.contains("url") ? "" : ", once site.yaml has a url (no feed is written without one)"));
        continue;
      }
      // A theme's list page (Octopress's blog/archives/index.html, TeXt's
      // all.html with layout: archive): Quire's.
      std::string error;
      ojson front;
      int line = 0;
      const std::string layout = parse_front(doc, front, error, line) && front.is_object() && front.contains("layout") &&
                                         front["layout"].is_string() ? front["layout"].get<std::string>() : "";
      const char* ours = doc.body.find_first_not_of(" \t\r\n") == std::string::npos ? theme_list_page(layout, run.category_pages)
                                                                                      : nullptr;
      if (!ours && f.extension() == ".html" && rel.generic_string().find("archive") != std::string::npos) ours = "/archive/";
      std::string url = front.is_object() && front.contains("permalink") && front["permalink"].is_string()
                            ? front["permalink"].get<std::string>() : jekyll_page_url(rel, cfg.permalink_style);
      if (url.empty() || url[0] != '/') url = "/" + url;
      // The home's list in pages (jekyll-paginate's paginator) wherever it
      // was (RickCogley's /articles/): the home, unless its name says another.
      const std::string term_page = ours ? std::string() : term_list_target(run, doc.body);
      if (!term_page.empty()) ours = term_page.c_str();
      // (another name, bairblog's /future/ over site.posts, in a layout: the
      // home, which lists them, not nothing; a data file, search-data.json
      // with no layout, is no list)
      const std::string lower_stem = ascii_lower(rel.stem().string());
      const bool page_of_html = !layout.empty() && layout != "null" && layout != "none" && lower_stem.find(".json") == std::string::npos &&
                                lower_stem.find(".xml") == std::string::npos && lower_stem.find(".txt") == std::string::npos;
      if (!ours && loops_over_posts(doc.body))
        ours = list_page_target(run, url, page_of_html || doc.body.find("paginator.posts") != std::string::npos);
      std::string also;
      if (ours) {
        run.redirects[url] = ours;
        if (front.is_object() && front.contains("redirect_from")) also = redirect_old_addresses(run, front["redirect_from"], ours);
      }
      run.note(run.shown(f), 0, ours ? std::string("a Liquid template (it has front matter) listing posts: not converted, Quire's ") +
                                           ours + " lists them; " + url + " redirects there" + also
                                     : std::string("a Liquid template (it has front matter): not converted, ") +
                                           (f.extension() == ".html" ? "nothing is at " + url + " now" : "Quire writes its own pages"));
      continue;
    }
    statics.push_back(f);
  }
  for (const auto& [name, n] : unpublished)
    run.note(run.shown(run.src / ("_" + name)), 0, "collection " + name + ": " + std::to_string(n) +
             " document(s) Jekyll did not publish (no output: true); not converted");
  // jekyll-polyglot's translations: a post in another of the site's
  // languages, with the default language's post of its name beside it
  // (JustinMaDev's 13 zh-CN posts had become "-2" posts in the one list).
  // Not imported, as Hugo's and Zola's are not; its address under /<lang>/
  // redirects to the original (below).
  std::map<fs::path, std::vector<std::string>> translations;  // original's source -> languages
  if (!cfg.languages.empty()) {
    auto lang_of = [&](const Item& item) {
      std::string text, error;
      ojson front;
      int line = 0;
      if (!read_file(item.source, text) || !parse_front(split_front_matter(text), front, error, line) || !front.is_object() ||
          !front.contains("lang") || !front["lang"].is_string())
        return cfg.default_lang;
      return front["lang"].get<std::string>();
    };
    std::map<std::string, fs::path> originals;  // a default-language post's file name -> its source
    std::vector<std::pair<size_t, std::string>> translated;  // item index, language
    for (size_t i = 0; i < run.items.size(); ++i) {
      if (run.items[i].page) continue;
      const std::string lang = lang_of(run.items[i]);
      if (lang == cfg.default_lang || std::find(cfg.languages.begin(), cfg.languages.end(), lang) == cfg.languages.end())
        originals.emplace(run.items[i].source.filename().string(), run.items[i].source);
      else
        translated.emplace_back(i, lang);
    }
    std::set<size_t> dropped;
    for (const auto& [i, lang] : translated) {
      const Item& item = run.items[i];
      const auto original = originals.find(item.source.filename().string());
      if (original == originals.end()) {
        run.note(item.shown, 0, "only in " + lang + " (no " + cfg.default_lang + " version, jekyll-polyglot): imported as a post of the blog");
        continue;
      }
      run.note(item.shown, 0, "a translation (" + lang + ", jekyll-polyglot): not imported, a Quire blog has one language (" +
                                  cfg.default_lang + "); its address redirects to the original");
      translations[original->second].push_back(lang);
      dropped.insert(i);
    }
    std::vector<Item> rest;
    for (size_t i = 0; i < run.items.size(); ++i)
      if (!dropped.count(i)) rest.push_back(std::move(run.items[i]));
    run.items = std::move(rest);
  }
  // Read every post first: links between posts need all of them.
  std::vector<Item> kept;
  for (Item& item : run.items) {
    const ojson preset = item.in;
    if (!load_item(run, item)) continue;
    if (item.source.extension() == ".html") item.body = html_as_markdown(item.body);
    for (const auto& [k, v] : preset.items()) if (!item.in.contains(k)) item.in[k] = v;
    // A markdown page that lists the posts in Liquid (rtaibah's blog/index.md
    // with jekyll-paginate-v2's pagination: its loop showed as text): Quire's list.
    if (item.page && (loops_over_posts(item.body) || (item.in.contains("pagination") && item.in["pagination"].is_object()))) {
      std::string url = item.in.contains("permalink") && item.in["permalink"].is_string() ? item.in["permalink"].get<std::string>()
                                                                                          : jekyll_page_url(item.source.lexically_relative(run.src), cfg.permalink_style);
      if (url.empty() || url[0] != '/') url = "/" + url;
      const std::string term_page = term_list_target(run, item.body);
      const char* ours = term_page.empty() ? list_page_target(run, url, true) : term_page.c_str();
      run.note(item.shown, 0, std::string("a page listing the posts in Liquid: not converted, Quire's ") + ours + " lists them; its address redirects there");
      run.redirects[url] = ours;
      continue;
    }
    std::vector<std::string> folder_cats = item.categories;
    convert_front(run, item);
    if (cfg.octopress_fences) item.body = octopress_fences(run, item.body);
    if (!cfg.image_folders.empty() && item.out.contains("image") && item.out["image"].is_string() && item.in.contains("image")) {
      // A bare file name, as the theme's templates read it: from their folder
      // (hh54188's 119 posts' image: {feature: abstract-3.jpg} under
      // /images/, not beside the post), when the file is there.
      const std::string img = item.out["image"].get<std::string>();
      const ojson& in = item.in["image"];
      std::string key = in.is_string() ? "" : "-";
      if (in.is_object())
        for (const auto& [k, v] : in.items())
          if (v.is_string() && trim(v.get<std::string>()) == img && cfg.image_folders.count(k)) key = k;
      if (const auto folder = cfg.image_folders.find(key);
          folder != cfg.image_folders.end() && img.find_first_of("/:\\") == std::string::npos &&
          !fs::exists(item.source.parent_path() / img, ec) && fs::is_regular_file(run.src / folder->second.substr(1) / img, ec)) {
        item.out["image"] = folder->second + img;
        run.count("a post's image by its file name, under " + folder->second + " as the theme's templates put it");
      }
    }
    if (cfg.chirpy && !item.page) {
      std::string subpath;
      for (const char* k : {"media_subpath", "img_path"}) {
        if (subpath.empty() && item.in.contains(k) && item.in[k].is_string()) subpath = item.in[k].get<std::string>();
        // Used here: not a key left out, as convert_front counted it.
        if (auto left = run.report.keys_left_out.find(k); item.in.contains(k) && left != run.report.keys_left_out.end())
          if (--left->second == 0) run.report.keys_left_out.erase(left);
      }
      item.body = chirpy_captions(run, chirpy_images(run, item.body, subpath));
      if (item.out.contains("image") && item.out["image"].is_string())
        item.out["image"] = chirpy_media(subpath, item.out["image"].get<std::string>());
    }
    title_from_heading(run, item);
    // Jekyll adds the folders' categories to the post's own.
    // Before them, in the folders' order (Algorithm/Cpp/_posts/x.md is in
    // algorithm, then cpp: DrMaemi's 223 posts were at /cpp/algorithm/).
    size_t folder_at = 0;
    for (const std::string& c : folder_cats)
      if (std::find(item.categories.begin(), item.categories.end(), c) == item.categories.end())
        item.categories.insert(item.categories.begin() + static_cast<std::ptrdiff_t>(folder_at++), c);
    if (!item.url_categories.empty())
      item.url_categories.insert(item.url_categories.begin(), item.categories.begin(), item.categories.begin() + static_cast<std::ptrdiff_t>(folder_at));
    if (!item.categories.empty()) item.out["categories"] = item.categories;
    item.slug = item.out.contains("slug") ? item.out["slug"].get<std::string>() : file_slug(item.source);
    if (!item.page) {  // at Jekyll's :title (analist0's and marcialwushu's 10 posts had moved)
      // A name Quire refuses even so ("한글 제목") keeps Jekyll's :title as
      // its old address (finish_front's name_slug).
      // Under a pattern with :slug and no :title, the slug as Jekyll's
      // :slug made it: slugified in its default mode, lower case, '-' for
      // any run of other characters (askjarv's fortra_fim_mcp_ai.md was
      // at /posts/fortra-fim-mcp-ai.html).
      const std::string& jp = cfg.posts_pattern;
      const bool by_slug = jp.find(":slug") != std::string::npos && jp.find(":title") == std::string::npos;
      std::string raw = item.in.contains("slug") && item.in["slug"].is_string() ? item.in["slug"].get<std::string>() : "";
      if (raw.empty()) raw = file_slug(item.source);  // the name without its date
      const std::string pretty = by_slug ? jekyll_default_slug(raw) : jekyll_title_slug(item.slug);
      if (pretty != item.slug && !pretty.empty()) {
        item.slug = pretty;
        if (valid_slug(pretty)) item.out["slug"] = pretty;
      }
    }
    bool kept_address = false;
    if (item.page && !item.out.contains("permalink")) {  // about.md was at /about.html: it stays there
      const fs::path rel = item.source.lexically_relative(run.src);
      std::string old = jekyll_page_url(rel, cfg.permalink_style);
      // A defaults permalink for its folder (the last that matches, as Jekyll's):
      // Page's placeholders :path (its folder), :basename, :output_ext.
      for (const auto& [path, pattern] : cfg.page_permalinks)
        if (path.empty() || rel.generic_string().rfind(path + "/", 0) == 0) {
          const std::string dir = "/" + rel.parent_path().generic_string() + (rel.parent_path().empty() ? "" : "/");
          const std::string url = jekyll_url(pattern, {{":basename", rel.stem().string()}, {":output_ext", ".html"}, {":path", dir},
                                                       {":name", rel.stem().string()}});
          if (url.find(':') == std::string::npos) old = url;
        }
      if (old != "/" && old != "/" + item.slug + "/") {
        item.out["permalink"] = old;
        kept_address = true;
      }
    }
    if (builtin_page(run, item)) continue;  // one Quire writes itself (/404.html, /tags/): left out
    if (kept_address) run.count("a page kept at the address Jekyll gave it");
    if (item.source.extension() == ".html") run.count("a page written in HTML (its HTML kept as the text)");
    std::string ymd;
    size_t prefix = 0;
    if (file_date(item.source.stem().string(), ymd, &prefix) && prefix != 11 && !item.page)
      item.name = ymd + "-" + item.source.stem().string().substr(prefix) + ".md";  // 2017-4-20-x.md -> 2017-04-20-x.md
    // Jekyll's name pattern takes any digits (\d{2,4}-\d{1,2}-\d{1,2}-):
    // 2018-25-11-x.md is a post, dated by its front matter
    // (marcialwushu's two posts had become drafts).
    static const std::regex digits_name(R"(^\d{2,4}-\d{1,2}-\d{1,2}-(.+)$)");
    std::smatch dm;
    const std::string stem = item.source.stem().string();
    if (!item.page && ymd.empty() && item.out.contains("date") && item.out["date"].is_string() &&
        std::regex_match(stem, dm, digits_name) && item.out["date"].get<std::string>().size() >= 10) {
      ymd = item.out["date"].get<std::string>().substr(0, 10);
      const std::string rest = dm[1].str();
      item.name = ymd + "-" + rest + ".md";
      if (!item.out.contains("slug") || item.slug == stem) {
        item.slug = jekyll_title_slug(rest);
        if (valid_slug(item.slug)) item.out["slug"] = item.slug;
      }
      run.note(item.shown, 0, "the date in its name is no day of the calendar; Jekyll dated it by its front matter, " + ymd);
    }
    if (!item.page && ymd.empty() && !item.out.contains("draft")) {
      // Jekyll reads a post only by a YYYY-MM-DD-title name; it never
      // published this one.
      item.out["draft"] = true;
      run.note(item.shown, 0, "no YYYY-MM-DD- date in its name: Jekyll did not publish it; imported as a draft");
    }
    if (!item.page && ymd.empty() && !item.out.contains("date") && item.out.contains("draft")) {
      // Jekyll dates a draft by its file's time.
      const auto t = fs::last_write_time(item.source, ec);
      const auto secs = std::chrono::duration_cast<std::chrono::seconds>(t - fs::file_time_type::clock::now()).count() +
                        std::time(nullptr);
      std::tm tm{};
      const std::time_t tt = static_cast<std::time_t>(secs);
      gmtime_r(&tt, &tm);
      char b[16];
      std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
      ymd = b;
    }
    finish_front(run, item, ymd);
    // Without a timezone: Jekyll's dates are the build machine's, UTC on
    // GitHub Pages (bbejeck's 23:28 -0400 post was at .../03/24/).
    static const std::string utc = "UTC";
    if (!item.page && (!own_pattern || !run.permalink.empty())) {  // the site's pattern (kept as it is), else Jekyll's default
      std::string old = expand_pattern(run, own_pattern ? run.permalink : permalink_pattern("date"), item,
                                       item.name_slug,  // "café": Jekyll's URL had it as it is
                                       false, run.timezone.empty() ? &utc : nullptr,
                                       item.url_categories.empty() ? nullptr : &item.url_categories);
      // Jekyll's URL#sanitize_url: dots before a '/' go ("Traceback..?.md"
      // was at /python/Python-Python-Traceback/, hellojunho's).
      static const std::regex dots_before_slash(R"(\.+/)");
      old = std::regex_replace(old, dots_before_slash, "/");
      keep_old_url(run, item, old);
      // A pattern ending in neither '/' nor an extension (levinxo's
      // /archive/:title): Jekyll wrote archive/x.html, which servers
      // answered at /archive/x and at the file's own address, kept too.
      const std::string last = run.permalink.substr(run.permalink.rfind('/') + 1);
      if (own_pattern && !last.empty() && last.find('.') == std::string::npos && old.size() > 1 && old.back() == '/' &&
          !item.out.contains("draft") && !item.out.contains("permalink")) {
        add_alias(run, item, percent_decode(old.substr(0, old.size() - 1)) + ".html");
        run.count("a post's old file address under a pattern with no trailing slash (x.html) kept as an alias");
      }
    }
    // A post that is only a <meta http-equiv="refresh"> (lilianweng's 37,
    // moved to another site; the sanitiser drops the tag): as redirect_to.
    if (!item.page && !item.in.contains("redirect_to"))
      if (const std::string to = meta_refresh_target(item.body); !to.empty()) item.in["redirect_to"] = to;
    // jekyll-redirect-from's redirect_to: the post's address sent readers
    // elsewhere (benbalter's moved posts). A page there, linking on, never
    // in the lists; Quire writes no redirect to another site.
    if (const ojson& to = item.in.contains("redirect_to") ? item.in["redirect_to"] : ojson();
        !item.page && !item.out.contains("draft") && (to.is_string() || (to.is_array() && !to.empty() && to[0].is_string()))) {
      const std::string target = to.is_string() ? to.get<std::string>() : to[0].get<std::string>();
      std::string at = item.old_url.empty() ? percent_decode(run.url_of(item)) : item.old_url;
      item.page = true;
      item.out.erase("aliases");
      item.out.erase("date");
      item.out["permalink"] = at;
      item.body = "This post has moved to [" + target + "](<" + target + ">).\n";
      run.count("redirect_to (a page at the old address linking to where it went)");
    }
    // Its translations' addresses: polyglot's /zh-CN/ before its own.
    if (const auto t = translations.find(item.source); t != translations.end() && !item.out.contains("draft"))
      for (const std::string& lang : t->second)
        add_alias(run, item, "/" + lang + (item.old_url.empty() ? percent_decode(run.url_of(item)) : item.old_url));
    kept.push_back(std::move(item));
  }
  run.items = std::move(kept);
  unique_slugs(run);
  for (Item& item : run.items) {
    std::string body = rewrite_tags(item.body, item.body_line, item.shown, run,
                                    [&](std::string_view text, Tag& t) {
                                      TagResult r = item_tag(run, item, text, t);
                                      if (!r.converted) r = include_relative(run, item, t);
                                      if (!r.converted) r = page_url(run, item, t);
                                      return r.converted ? r : liquid_tag(run, text, t);
                                    });
    if (run.emoji) body = emojify(run, body);  // jemoji
    body = bracket_spaced_addresses(run, separate_inline_html_lines(run, pre_blocks_apart(run, strip_raw_in_code(run, body))));
    // The excerpt's end, where the site or post names its own marker:
    // Quire's <!--more-->.
    std::string sep = item.in.contains("excerpt_separator") && item.in["excerpt_separator"].is_string()
                          ? item.in["excerpt_separator"].get<std::string>() : cfg.excerpt_separator;
    if (!trim(sep).empty() && trim(sep) != "<!--more-->") {
      const std::vector<bool> code = code_bytes(body);
      for (size_t at = body.find(sep); at != std::string::npos; at = body.find(sep, at + 1))
        if (!code[at]) {
          body.replace(at, sep.size(), "<!--more-->");
          run.count("excerpt_separator (as <!--more-->)");
          break;
        }
    }
    // The report names the source's lines: the headings' and attribute
    // lists' notes come from a pass over the text as written (a tag turned
    // into a fenced block adds lines: the import fuzzer found notes past a
    // file's end), their output from a silent pass over the converted text.
    bool toc = false;
    (void)remove_kramdown_ial(run, heading_attributes(run, item.body, item.body_line, item.shown), item.body_line,
                              item.shown, &toc, cfg.parse_block_html);
    const size_t notes = run.report.not_converted.size();
    const std::map<std::string, size_t> counts = run.report.converted;
    item.body = remove_kramdown_ial(run, heading_attributes(run, body, item.body_line, item.shown), item.body_line,
                                    item.shown, &toc, cfg.parse_block_html);
    run.report.not_converted.resize(notes);
    run.report.converted = counts;
    // kramdown reads definition lists; GitHub's alerts are jekyll-gfm-admonitions'.
    item.body = definition_lists(run, codepen_embeds(run, gist_scripts(run, github_alerts(run, item.body))));
    if (toc) item.out["toc"] = true;
  }
  for (const fs::path& f : statics) {
    // A page in a folder of the build's own (the home's index.html with no
    // front matter, which Jekyll copied as it is; a tags/index.html): the
    // build refuses to let a static file replace it.
    const fs::path rel = f.lexically_relative(run.src);
    const std::string folder = rel.parent_path().generic_string();
    if (rel.filename() == "index.html" && reserved_path(folder.empty() ? "" : folder + "/", run.category_pages)) {
      std::string html;
      const std::string to = read_file(f, html) ? meta_refresh_target(html, true) : "";
      run.note(run.shown(f), 0, std::string(folder.empty() ? "the home page" : "/" + folder + "/'s page") +
                                    (to.empty() ? "" : ", a redirect to " + to + (to.find("://") != std::string::npos ? " (another site)" : "")) +
                                    ": Quire writes its own page at this address; not copied");
      continue;
    }
    copy_tree(run, f, run.dest / "static" / rel, run.report.static_files);
  }
  for (const auto& [f, to] : collection_files) copy_tree(run, f, run.dest / "static" / to, run.report.static_files);
  // The home's old pages (/page2/, /blog/page3/): Quire's, as many posts a
  // page (dszakallas's paginate_path /blog/page:num/).
  if (cfg.paginate > 0) {
    size_t posts = 0;
    for (const Item& item : run.items) posts += !item.page && !item.out.contains("draft");
    const size_t pages = (posts + static_cast<size_t>(cfg.paginate) - 1) / static_cast<size_t>(cfg.paginate);
    for (size_t n = 2; n <= pages && n <= 1000; ++n) {
      std::string from = cfg.paginate_path;
      from.replace(from.find(":num"), 4, std::to_string(n));
      if (from.empty() || from[0] != '/') from = "/" + from;
      if (from.size() > 11 && from.compare(from.size() - 11, 11, "/index.html") == 0) from.resize(from.size() - 10);
      if (from.back() != '/' && from.find('.', from.rfind('/')) == std::string::npos) from += '/';
      run.redirects[from] = "/page/" + std::to_string(n) + "/";
    }
  }
}

}  // namespace quire::import
