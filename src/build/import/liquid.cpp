// Liquid in posts, as Jekyll and Eleventy (Liquid or Nunjucks) expand it:
// what each tag and value becomes in Quire's markdown.
#include <algorithm>
#include <regex>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <optional>

#include "build/fsutil.hpp"
#include "build/import/common.hpp"
#include "core/html.hpp"
#include "build/import/template_syntax.hpp"
#include "highlight/highlight.hpp"

namespace quire::import {

namespace {

bool at_line_start(std::string_view text, size_t pos) { return pos == 0 || text[pos - 1] == '\n'; }

// {{ site.baseurl }} and friends inside an argument: the site's root is "".
std::string without_site_root(std::string s) {
  for (const char* v : {"{{ site.url }}", "{{site.url}}", "{{ site.baseurl }}", "{{site.baseurl}}",
                        "{{ site.github.url }}"}) {
    for (size_t p; (p = s.find(v)) != std::string::npos;) s.erase(p, std::string(v).size());
  }
  return s;
}

// An include's image path relative to the site's root, as al-folio's
// figure.liquid takes it (path="assets/img/x.png" | relative_url): made
// root-relative when the site has that file, so it shows from any page.
std::string site_relative(const Run& run, std::string src) {
  src = without_site_root(src);
  std::error_code ec;
  if (!src.empty() && src[0] != '/' && src[0] != '.' && src.find(':') == std::string::npos &&
      fs::is_regular_file(run.src / src, ec))
    return "/" + src;
  return src;
}

// The themes' video and audio includes: Chirpy's embed/youtube.html
// id='x?start=9' (and embed/vimeo.html, embed/video.html src=,
// embed/audio.html src=), Minimal Mistakes' video id="x" provider="youtube",
// al-folio's video.liquid path="assets/video/x.mp4". The player's HTML, ""
// for any other include or an argument that is no video id or plain path.
std::string media_include(const std::string& file, const Args& args) {
  std::string stem = file.substr(0, file.find('.'));
  if (stem.rfind("embed/", 0) == 0) stem = stem.substr(6);
  std::string provider = stem;
  if (stem == "video" && !args.get("provider").empty()) provider = args.get("provider");
  if (provider == "youtube" || provider == "vimeo") {
    std::string id = args.get("id");
    std::string start;
    if (const size_t q = id.find('?'); q != std::string::npos) {  // youtube.html id='x?start=1631'
      const std::string query = id.substr(q + 1);
      id.resize(q);
      if (query.rfind("start=", 0) == 0 && query.size() > 6 && query.find_first_not_of("0123456789", 6) == std::string::npos)
        start = "?" + query;
    }
    if (!video_id_ok(id, provider == "vimeo")) return "";
    return provider == "vimeo" ? vimeo_iframe(id) : youtube_iframe(id + start);
  }
  if (stem != "video" && stem != "audio") return "";
  std::string src = args.get("src");
  if (src.empty()) src = args.get("path");
  src = without_site_root(src);
  if (src.empty() || src.find_first_of("\"'<>{}") != std::string::npos) return "";
  std::string encoded;
  for (char c : src) encoded += c == ' ' ? std::string("%20") : std::string(1, c);
  if (encoded.find("://") == std::string::npos && encoded[0] != '/') encoded = "/" + encoded;  // al-folio's path is the site's
  std::string html = "<" + stem + " src=\"" + encoded + "\" controls></" + stem + ">";
  const std::string title = args.get("title");
  if (!title.empty() && title.find_first_of("<>&") == std::string::npos) html += "<br><em>" + title + "</em>";
  return html;
}

bool is_site_root(const std::string& v) {
  return v == "site.url" || v == "site.baseurl" || v == "site.github.url" || v == "site.baseurl | prepend: site.url";
}

// {{ value | filter ... }}: the site's root, or a quoted path through URL
// filters, is a root-relative path; anything else is not ours to compute.
// A path as Jekyll's relative_url and absolute_url give it: under the
// site's root whether written with a leading '/' or not ("images/a.png" ->
// "/images/a.png": Jekyll's ensure_leading_slash; askjarv's 6 images
// resolved under the post's folder); an absolute URL as it is.
std::string site_rooted(const std::string& path) {
  const size_t colon = path.find(':');
  const bool absolute = colon != std::string::npos && colon > 0 &&
                        path.find_first_of("/?#") > colon;  // a scheme: https:, mailto:
  if (path.empty() || absolute || path.rfind("/", 0) == 0) return path;  // "": before a path ({{ site.baseurl | relative_url }}/a)
  return "/" + path;
}

TagResult liquid_value(const Run& run, std::string_view text, const Tag& t) {
  TagResult r;
  std::string expr = t.inner;
  std::vector<std::string> parts;
  for (size_t p = 0;;) {
    size_t bar = expr.find('|', p);
    parts.push_back(trim(expr.substr(p, bar == std::string::npos ? std::string::npos : bar - p)));
    if (bar == std::string::npos) break;
    p = bar + 1;
  }
  const std::string& value = parts[0];
  std::string path;
  if (is_site_root(value) || is_site_root(expr)) {
    // Before a path or another tag it goes ("{{ site.baseurl }}/a" -> "/a");
    // alone it stands for the site itself: its root, or for site.url its
    // address when the config gives one.
    const std::string_view after = text.substr(t.end, 2);
    const bool prefix = !after.empty() && (after[0] == '/' || after == "{{" || after == "{%");
    path = prefix ? "" : value == "site.url" && !run.site_url.empty() ? run.site_url : "/";
  } else if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0]) {
    path = value.substr(1, value.size() - 2);
  } else if (value.rfind("site.", 0) == 0 && run.site_vars.count(value.substr(5))) {
    // A setting of the site's own config ({{ site.img_url }}): its text.
    path = run.site_vars.at(value.substr(5));
    for (size_t i = 1; i < parts.size(); ++i)
      if (parts[i] != "relative_url" && parts[i] != "absolute_url" && parts[i] != "url") {
        r.reason = "Liquid filter \"" + parts[i] + "\": no equivalent, rewrite it by hand";
        return r;
      }
    r.converted = true;
    r.replacement = std::find(parts.begin() + 1, parts.end(), "relative_url") != parts.end() ||
                            std::find(parts.begin() + 1, parts.end(), "absolute_url") != parts.end()
                        ? site_rooted(path) : path;
    r.construct = "{{ site.<setting> }} (its value in the config)";
    return r;
  } else {
    r.reason = "Liquid value computed by the old engine: no equivalent, rewrite it by hand";
    return r;
  }
  bool jekyll_url = false;  // relative_url or absolute_url
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& f = parts[i];
    jekyll_url = jekyll_url || f == "relative_url" || f == "absolute_url";
    if (f == "relative_url" || f == "absolute_url" || f == "url" || f == "prepend: site.baseurl" ||
        f == "prepend: site.url")
      continue;
    r.reason = "Liquid filter \"" + f + "\": no equivalent, rewrite it by hand";
    return r;
  }
  r.converted = true;
  r.replacement = jekyll_url ? site_rooted(path) : path;
  r.construct = is_site_root(value) ? "{{ " + value + " }}" : "{{ \"path\" | url filter }}";
  return r;
}

// A markdown file of the site's _includes/ ({% include posts/x/en.md %}):
// its text, Liquid in it rewritten like the post's; nullopt when the
// include is a template (.html, or not there). Depth-bounded: an include
// that includes itself stops.
std::optional<std::string> markdown_include(Run& run, const std::string& file) {
  static thread_local int depth = 0;
  const std::string ext = std::filesystem::path(file).extension().string();
  if (depth > 8 || file.empty() || file.find("..") != std::string::npos || (ext != ".md" && ext != ".markdown"))
    return std::nullopt;
  const std::filesystem::path path = run.src / "_includes" / file;
  std::string text;
  if (!std::filesystem::is_regular_file(path) || !read_file(path, text)) return std::nullopt;
  ++depth;
  std::string out = rewrite_tags(text, 1, run.shown(path), run,
                                 [&](std::string_view t_text, Tag& tag) { return liquid_tag(run, t_text, tag); });
  --depth;
  return out;
}

// A plain HTML file of the site's _includes/ ({% include book-git-pro.html %}:
// mincong-h's book banner under 11 posts), as plain_html_snippet reads it:
// its HTML, each line unindented and blank lines dropped outside <pre>, so
// that CommonMark reads the one HTML block kramdown read; nullopt for a
// template or a file not there.
std::optional<std::string> html_include(const Run& run, const std::string& file) {
  const std::string ext = std::filesystem::path(file).extension().string();
  if (file.empty() || file.find("..") != std::string::npos || (ext != ".html" && ext != ".htm")) return std::nullopt;
  std::string text;
  if (!read_file(run.src / "_includes" / file, text)) return std::nullopt;
  const std::optional<std::string> html = plain_html_snippet(text, true);
  if (!html) return std::nullopt;
  std::string out;
  bool pre = false;
  const std::string lines = html_as_markdown(*html);
  for (size_t p = 0; p < lines.size();) {
    const size_t e = std::min(lines.find('\n', p), lines.size());
    const std::string_view line(lines.data() + p, e - p);
    if (pre || !trim(line).empty()) out.append(line).append("\n");
    if (line.find("<pre") != std::string_view::npos) pre = true;
    if (line.find("</pre>") != std::string_view::npos) pre = false;
    p = e + 1;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

// Text as a block of its own wherever the tag sat (inside an indented HTML
// block too): blank lines around it, its common indentation removed.
std::string as_block(std::string text) {
  size_t indent = std::string::npos;
  for (size_t p = 0; p < text.size();) {
    const size_t e = std::min(text.find('\n', p), text.size());
    const size_t first = text.find_first_not_of(" \t", p);
    if (first < e) indent = std::min(indent, first - p);
    p = e + 1;
  }
  if (indent != std::string::npos && indent > 0) {
    std::string out;
    for (size_t p = 0; p < text.size();) {
      const size_t e = std::min(text.find('\n', p), text.size());
      out.append(text, std::min(p + indent, e), e - std::min(p + indent, e));
      if (e < text.size()) out += '\n';
      p = e + 1;
    }
    text = out;
  }
  return "\n\n" + trim(text) + "\n\n";
}

// `{% capture name %}...{% endcapture %}` before `at`: what it captured,
// nullopt without one.
std::optional<std::string> captured(std::string_view text, size_t at, const std::string& name) {
  // The capture tags before it, newest first: found by their word (once
  // per text, not a walk back over every tag before each {{ name }}), each
  // checked to be a whole {% capture name %} tag; the 64 nearest at most
  // (a post has a few; thousands, each looked through by every value
  // after them, were quadratic).
  const std::vector<size_t>& found = occurrences(text, "capture");
  int looked = 0;
  for (auto it = std::upper_bound(found.begin(), found.end(), at); it != found.begin() && looked++ < 64;) {
    const size_t w = *--it;
    size_t p = w;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t' || text[p - 1] == '\n' || text[p - 1] == '\r')) --p;
    if (p > 0 && text[p - 1] == '-') --p;
    if (p < 2 || text.substr(p - 2, 2) != "{%") continue;
    p -= 2;
    const size_t close = text.find("%}", w);
    if (close == std::string_view::npos || close > at) continue;
    std::string inner = trim(text.substr(p + 2, close - p - 2));
    if (!inner.empty() && inner.front() == '-') inner = trim(inner.substr(1));
    if (!inner.empty() && inner.back() == '-') inner = trim(inner.substr(0, inner.size() - 1));
    if (inner.rfind("capture", 0) != 0 || trim(inner.substr(7)) != name) continue;
    size_t close_end = 0;
    const size_t end = find_closing(text, close + 2, "{%", "endcapture", close_end);
    if (end == std::string_view::npos || end > at) return std::nullopt;
    return std::string(text.substr(close + 2, end - close - 2));
  }
  return std::nullopt;
}

// Octopress 2's stock tags (its plugins/ folder, in every Octopress blog,
// as {% codeblock %} is): what each wrote, as markdown or HTML.
namespace octopress {

// An HTML attribute's value, quoted.
std::string attr(const std::string& name, const std::string& value) { return " " + name + "=\"" + escape_html(value) + "\""; }

// The markup of the {% <name> ... %} that a closing tag at `end` closes
// (the nearest before it), or nullopt.
std::optional<std::string> opening_markup(std::string_view text, size_t end, std::string_view name) {
  for (size_t at = rfind_before(text, end, name); at != std::string_view::npos; at = rfind_before(text, at, name)) {
    size_t b = at;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '-')) --b;
    if (b < 2 || text.substr(b - 2, 2) != "{%") continue;
    const size_t close = text.find("%}", at);
    if (close == std::string_view::npos || close > end) return std::nullopt;
    std::string markup(text.substr(at + name.size(), close - at - name.size()));
    while (!markup.empty() && markup.back() == '-') markup.pop_back();
    return trim(markup);
  }
  return std::nullopt;
}

// The language Octopress's codeblock and include_code took from a file
// name's extension (fraction.rb: Ruby), when a grammar reads it.
std::string language_of_file(const std::string& name) {
  static const std::regex ext(R"(\S[\S\s]*\w+\.(\w+))");
  std::smatch m;
  if (!std::regex_search(name, m, ext)) return "";
  const std::string e = ascii_lower(m[1].str());
  return highlight::language_id(e).empty() ? "" : e;
}

// plugins/image_tag.rb: {% img [class] src [width [height]] [title [alt]] %}.
std::optional<std::string> img(const std::string& markup) {
  static const std::regex parts(R"((\S.*\s+)?((?:https?://|/|\S+/)\S+)(?:\s+(\d+))?(?:\s+(\d+))?(\s+.+)?)", std::regex::icase);
  std::smatch m;
  if (!std::regex_search(markup, m, parts)) return std::nullopt;
  std::string cls = trim(m[1].str()), title = trim(m[5].str()), alt;
  static const std::regex title_alt(R"re((?:"|')([^"']+)?(?:"|')\s+(?:"|')([^"']+)?(?:"|'))re");
  std::smatch q;
  if (std::regex_search(title, q, title_alt)) {
    alt = q[2].str();  // before title changes: the match views title's text
    title = q[1].str();
  } else {
    alt = title;
  }
  cls.erase(std::remove(cls.begin(), cls.end(), '"'), cls.end());
  std::string out = "<img";
  if (!cls.empty()) out += attr("class", cls);
  out += attr("src", m[2].str());
  if (m[3].matched) out += attr("width", m[3].str());
  if (m[4].matched) out += attr("height", m[4].str());
  if (!title.empty()) out += attr("title", title);
  if (!alt.empty()) out += attr("alt", alt);
  return out + ">";
}

// plugins/video_tag.rb: {% video url [url [url]] [width height] [poster] %}.
std::optional<std::string> video(const std::string& markup) {
  static const std::regex parts(R"((https?:\S+)(\s+(https?:\S+))?(\s+(https?:\S+))?(\s+(\d+)\s(\d+))?(\s+(https?:\S+))?)",
                                std::regex::icase);
  std::smatch m;
  if (!std::regex_search(markup, m, parts)) return std::nullopt;
  std::string out = "<video";
  if (m[7].matched) out += attr("width", m[7].str()) + attr("height", m[8].str());
  if (m[10].matched) out += attr("poster", m[10].str());
  out += " preload=\"none\" controls>";
  for (int k : {1, 3, 5})
    if (m[k].matched) out += "<source" + attr("src", m[k].str()) + ">";
  return out + "</video>";
}

// plugins/blockquote.rb's footer: "— **author**, [title](source)".
std::string blockquote_cite(const std::string& markup) {
  static const std::regex with_title(R"((\S.*)\s+(https?://)(\S+)\s+(.+))", std::regex::icase);
  static const std::regex with_source(R"((\S.*)\s+(https?://)(\S+))", std::regex::icase);
  static const std::regex author_title(R"(([^,]+),([^,]+))");
  std::smatch m;
  std::string by, source, title;
  if (std::regex_search(markup, m, with_title)) by = m[1].str(), source = m[2].str() + m[3].str(), title = m[4].str();
  else if (std::regex_search(markup, m, with_source)) by = m[1].str(), source = m[2].str() + m[3].str();
  else if (std::regex_search(markup, m, author_title)) by = m[1].str(), title = m[2].str();
  else by = markup;
  by = trim(by);
  title = trim(title);
  if (by.empty()) return "";
  std::string out = "— **" + markdown_literal(by) + "**";
  if (!source.empty()) out += ", [" + markdown_literal(title.empty() ? source : title) + "](<" + source + ">)";
  else if (!title.empty()) out += ", *" + markdown_literal(title) + "*";
  return out;
}

TagResult tag(Run& run, std::string_view text, Tag& t, const std::string& name, const std::string& markup) {
  TagResult r;
  size_t close_end = 0;
  if (name == "img") {
    if (const auto html = img(markup)) {
      r.converted = true;
      r.replacement = *html;
      r.construct = "Octopress's {% img %} (an <img>)";
    }
    return r;
  }
  if (name == "video") {
    if (const auto html = video(markup)) {
      r.converted = true;
      r.replacement = *html;
      r.construct = "Octopress's {% video %} (a <video>)";
    }
    return r;
  }
  // A quote's text stays markdown between the tags (tags in it converted
  // too): an HTML block, a blank line, the text, its author and source.
  if (name == "blockquote" && find_closing(text, t.end, "{%", "endblockquote", close_end) != std::string_view::npos) {
    r.converted = true;
    r.replacement = std::string(at_line_start(text, t.begin) ? "" : "\n") + "<blockquote>\n\n";
    r.construct = "Octopress's {% blockquote %} (a quote with its author and source)";
    return r;
  }
  if (name == "endblockquote") {
    const std::optional<std::string> open = opening_markup(text, t.begin, "blockquote");
    if (!open) return r;
    const std::string cite = blockquote_cite(*open);
    r.converted = true;
    r.replacement = "\n\n" + (cite.empty() ? "" : cite + "\n\n") + "</blockquote>";  // counted at its opening
    return r;
  }
  // plugins/pullquote.rb: the paragraph, its {" "} marks (the part shown
  // again large beside it) taken out.
  if (name == "pullquote") {
    const size_t close = find_closing(text, t.end, "{%", "endpullquote", close_end);
    if (close == std::string_view::npos) return r;
    static const std::regex marks(R"re(\{"\s*|\s*"\})re");
    r.converted = true;
    r.replacement = std::regex_replace(std::string(text.substr(t.end, close - t.end)), marks, "");
    t.end = close_end;
    r.construct = "Octopress's {% pullquote %} (its paragraph)";
    return r;
  }
  // plugins/include_code.rb: {% include_code [title] [lang:x] path %}, a
  // file under the site's code_dir (downloads/code), shown whole.
  if (name == "include_code") {
    std::string rest = markup, lang;
    static const std::regex lang_word(R"(\s*lang:(\S+))", std::regex::icase);
    std::smatch m;
    if (std::regex_search(rest, m, lang_word)) lang = m[1].str(), rest = m.prefix().str() + m.suffix().str();
    rest = trim(rest);
    const size_t cut = rest.find_last_of(" \t");
    const std::string path = cut == std::string::npos ? rest : rest.substr(cut + 1);
    const std::string title = cut == std::string::npos ? fs::path(path).filename().string() : trim(rest.substr(0, cut));
    const auto dir = run.site_vars.find("code_dir");
    const fs::path file = run.src / (dir == run.site_vars.end() ? std::string("downloads/code") : dir->second) / path;
    std::string code;
    if (path.empty() || path.find("..") != std::string::npos || !read_file(file, code)) {
      r.reason = "Octopress's include_code: no file " + run.shown(file);
      return r;
    }
    if (lang.empty()) lang = language_of_file(path);
    r.converted = true;
    const bool line_start = at_line_start(text, t.begin);
    r.replacement = std::string(line_start ? "" : "\n") + emphasis_line(title) + "\n" + fenced_block(code, lang, true);
    r.construct = "Octopress's {% include_code %} (the file's text)";
    return r;
  }
  return r;
}

}  // namespace octopress

}  // namespace

TagResult liquid_tag(Run& run, std::string_view text, Tag& t) {
  TagResult r;
  if (t.open == "{{") {
    // {{ name | markdownify }} of a {% capture name %} above it: the
    // captured text stays where it was captured (just above, in the
    // themes' use: Hux's multilingual posts), so this goes.
    const std::string expr = t.inner;
    const std::string var = trim(expr.substr(0, expr.find('|')));
    // Minimal Mistakes' figures: {{ fig_img | markdownify | remove: "<p>" | remove: "</p>" }}
    std::string filter = expr.find('|') == std::string::npos ? "" : trim(expr.substr(expr.find('|') + 1));
    for (const char* tail : {"| remove: \"<p>\" | remove: \"</p>\"", "| remove: '<p>' | remove: '</p>'"})
      if (const size_t at = filter.find(tail); at != std::string::npos && at + std::strlen(tail) == filter.size())
        filter = trim(filter.substr(0, at));
    if ((filter.empty() || filter == "markdownify") && var.find_first_of(" .\"'") == std::string::npos &&
        captured(text, t.begin, var)) {
      r.converted = true;
      r.construct = "{{ <captured> | markdownify }} (the captured text, where it was captured)";
      return r;
    }
    return liquid_value(run, text, t);
  }
  if (t.open != "{%") {
    r.reason = "not a Liquid tag";
    return r;
  }
  const size_t sp = t.inner.find_first_of(" \t\n");
  const std::string name = t.inner.substr(0, sp);
  const Args args = parse_args(sp == std::string::npos ? "" : std::string_view(t.inner).substr(sp));
  size_t close_end = 0;
  if (run.engine == Engine::jekyll) {
    TagResult o = octopress::tag(run, text, t, name, sp == std::string::npos ? "" : trim(t.inner.substr(sp)));
    if (o.converted || !o.reason.empty()) return o;
  }
  if (name == "highlight") {
    const size_t close = find_closing(text, t.end, "{%", "endhighlight", close_end);
    if (close == std::string_view::npos || args.words.empty()) {
      r.reason = args.words.empty() ? "highlight without a language" : "no {% endhighlight %} after it";
      return r;
    }
    std::string info = args.words[0];
    std::vector<std::pair<std::string, std::string>> options;
    for (size_t i = 1; i < args.words.size(); ++i)
      options.push_back(args.words[i] == "linenos" ? std::pair<std::string, std::string>{"linenos", "true"}
                                                   : std::pair<std::string, std::string>{args.words[i], ""});
    for (const auto& [k, v] : args.named) options.push_back({k, v});
    if (!options.empty()) info += " {" + fence_options(options) + "}";
    r.replacement = fence_paired(text, t, close, close_end, info, at_line_start(text, t.begin));
    r.converted = true;
    r.construct = "{% highlight %}";
    return r;
  }
  if (name == "mermaid") {  // jekyll-mermaid's {% mermaid %}...{% endmermaid %}: a block Quire draws
    const size_t close = find_closing(text, t.end, "{%", "endmermaid", close_end);
    if (close == std::string_view::npos) {
      r.reason = "no {% endmermaid %} after it";
      return r;
    }
    r.replacement = fence_paired(text, t, close, close_end, "mermaid", at_line_start(text, t.begin));
    r.converted = true;
    r.construct = "{% mermaid %}";
    return r;
  }
  if (name == "codeblock") {
    // Octopress' {% codeblock [title] lang:ruby %} (and a site's own
    // {% codeblock 'html' %}): a fenced block.
    const size_t close = find_closing(text, t.end, "{%", "endcodeblock", close_end);
    if (close == std::string_view::npos) {
      r.reason = "no closing endcodeblock";
      return r;
    }
    std::string info;
    for (const std::string& w : args.words)
      if (w.rfind("lang:", 0) == 0) info = w.substr(5);
    const bool one_word = args.words.size() == 1 && args.words[0].size() <= 20 &&
        args.words[0].find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#-_") == std::string::npos;
    // Octopress (plugins/code_block.rb): the words other than lang: are a
    // caption, then a link and its text; without lang: the caption's file
    // extension is the language (fraction.rb). A lone word a grammar
    // reads is taken as the language its author meant.
    std::string caption, link, link_text;
    if (run.engine == Engine::jekyll && !(info.empty() && one_word && !highlight::language_id(args.words[0]).empty())) {
      std::string markup = sp == std::string::npos ? "" : t.inner.substr(sp);
      static const std::regex lang_word(R"(\s*lang:(\S+))", std::regex::icase);
      static const std::regex caption_url(R"((\S[\S\s]*)\s+(https?://\S+|/\S+)\s*(.+)?)", std::regex::icase);
      std::smatch m;
      if (std::regex_search(markup, m, lang_word)) markup = m.prefix().str() + m.suffix().str();
      markup = trim(markup);
      if (std::regex_search(markup, m, caption_url)) caption = m[1].str(), link = m[2].str(), link_text = m[3].matched ? m[3].str() : "link";
      else caption = markup;
      caption = trim(caption);
      if (info.empty()) info = octopress::language_of_file(caption);
    } else if (info.empty() && one_word) {
      info = args.words[0];
    }
    const bool line_start = at_line_start(text, t.begin);
    r.replacement.clear();
    if (!caption.empty())
      r.replacement = std::string(line_start ? "" : "\n") + emphasis_line(caption) +
                      (link.empty() ? "" : " [" + markdown_literal(trim(link_text)) + "](<" + link + ">)") + "\n";
    r.replacement += fence_paired(text, t, close, close_end, info, line_start || !caption.empty());
    r.converted = true;
    r.construct = "{% codeblock %}";
    return r;
  }
  if (name == "raw" || name == "verbatim") {  // Nunjucks' {% verbatim %} is Liquid's raw
    const size_t close = find_closing(text, t.end, "{%", name == "raw" ? "endraw" : "endverbatim", close_end);
    r.converted = true;
    r.construct = "{% " + name + " %}";
    if (close == std::string_view::npos) return r;  // the marker goes; the rest stays as it is
    r.replacement = std::string(text.substr(t.end, close - t.end));
    t.end = close_end;
    return r;
  }
  if (name == "endraw" || name == "endverbatim") {
    r.converted = true;
    return r;
  }
  if ((name == "capture" && args.words.size() == 1) || name == "endcapture") {
    // Converted when its text is shown later by {{ name }} (above): the
    // markers go, the text stays.
    std::string var = name == "capture" ? args.words[0] : "";
    if (name == "endcapture")
      if (const size_t open = rfind_before(text, t.begin, "{% capture "); open != std::string_view::npos) {
        const size_t close = text.find("%}", open);
        var = trim(text.substr(open + 11, close - open - 11));
      }
    const size_t close = name == "capture" ? find_closing(text, t.end, "{%", "endcapture", close_end) : t.begin;
    const size_t after = name == "capture" ? close_end : t.end;
    if (!var.empty() && close != std::string_view::npos &&
        (find_after(text, after, "{{ " + var + " | markdownify") != std::string_view::npos ||
         find_after(text, after, "{{ " + var + " }}") != std::string_view::npos)) {
      if (at_line_start(text, t.begin) && t.end < text.size() && text[t.end] == '\n') ++t.end;  // alone: its line goes
      r.converted = true;
      r.construct = "{% capture %}";
      return r;
    }
  }
  if (name == "comment") {
    const size_t close = find_closing(text, t.end, "{%", "endcomment", close_end);
    if (close == std::string_view::npos) {
      r.reason = "no {% endcomment %} after it";
      return r;
    }
    t.end = close_end;
    r.converted = true;
    r.construct = "{% comment %}";
    return r;
  }
  if (name == "ref" || name == "relref") {  // Hugo's, as Eleventy blogs moved from Hugo define it
    std::string target = args.words.empty() ? "" : args.words[0], fragment;
    if (const size_t hash = target.find('#'); hash != std::string::npos) {
      fragment = target.substr(hash);
      target.resize(hash);
    }
    if (const Item* item = run.find_file(target)) {
      r.converted = true;
      r.replacement = run.url_of(*item) + fragment;
      r.construct = "{% " + name + " %}";
      return r;
    }
    r.reason = "no post \"" + target + "\" in the source";
    return r;
  }
  if (name == "post_url" || name == "link") {
    const std::string target = args.words.empty() ? "" : without_site_root(args.words[0]);
    std::string key = target;
    if (name == "post_url") {
      // {% post_url /notes/2012-08-31-x %}: Jekyll reads it from _posts/ all the same (made-mistakes' 203 links)
      key.erase(0, key.find_first_not_of('/') == std::string::npos ? key.size() : key.find_first_not_of('/'));
      for (const char* ext : {".md", ".markdown"})
        if (key.size() > std::string(ext).size() && key.substr(key.size() - std::string(ext).size()) == ext)
          key.resize(key.size() - std::string(ext).size());
    }
    const Item* item = run.find(key);
    if (item) {
      r.converted = true;
      r.replacement = run.url_of(*item);
      r.construct = "{% " + name + " %}";
      return r;
    }
    if (name == "link" && !target.empty() && std::filesystem::is_regular_file(run.src / target)) {
      r.converted = true;
      r.replacement = "/" + target;
      r.construct = "{% link %}";
      return r;
    }
    r.reason = "no " + std::string(name == "post_url" ? "post" : "file") + " \"" + target + "\" in the source";
    return r;
  }
  // jekyll-include-cache's include_cached is Jekyll's include, cached
  // (made-mistakes' 917 in 918 posts).
  if (name == "include" || name == "include_cached") {
    const std::string file = args.words.empty() ? "" : args.words[0];
    if (file == "figure" || file == "figure.html") {
      std::string src = args.get("image_path");
      if (src.empty()) src = args.get("src");
      if (src.empty()) src = args.get("url");
      if (src.empty()) {
        r.reason = "figure include without image_path";
        return r;
      }
      r.converted = true;
      r.replacement = figure_markdown(site_relative(run, src), args.get("alt"), args.get("caption"),
                                      without_site_root(args.get("link")));
      r.construct = "{% include figure %}";
      return r;
    }
    if (const std::string media = media_include(file, args); !media.empty()) {
      r.converted = true;
      r.replacement = media;
      r.construct = "{% include <video or audio> %} (a theme's player)";
      return r;
    }
    // A site's own image include ({% include image.html url="/a.png"
    // description="..." %}): its one image argument is what it shows.
    std::string image;
    for (const auto& [k, v] : args.named)  // (url="/img/a.jpg ": Liquid passed the space, the browser dropped it: rtaibah's 9)
      if (is_image_path(trim(v)) && image.empty() &&
          (k == "url" || k == "src" || k == "image" || k == "img" || k == "file" || k == "path" || k == "image_path" ||
           k == "href"))
        image = trim(v);
    const bool image_include = file.find("image") != std::string::npos || file.find("img") != std::string::npos ||
                               file.find("figure") != std::string::npos || file.find("picture") != std::string::npos ||
                               file.find("photo") != std::string::npos;
    if (image_include && !image.empty()) {
      std::string alt = args.get("alt"), caption = args.get("caption");
      for (const char* k : {"description", "title", "desc"})
        if (caption.empty()) caption = args.get(k);
      if (alt.empty()) alt = caption;
      r.converted = true;
      r.replacement = figure_markdown(site_relative(run, image), alt, caption, "");
      r.construct = "{% include <image include> %}";
      return r;
    }
    // A callout include ({% include note.html content="..." %}, the
    // documentation themes' way): the same div as Hugo's notices.
    const std::string stem = file.substr(0, file.rfind(".html") == std::string::npos ? file.size() : file.rfind(".html"));
    const std::string body = args.get("content");
    if (is_callout(stem) && !body.empty() && at_line_start(text, t.begin)) {
      r.converted = true;
      r.replacement = callout_open(stem, args.get("type"), args.get("title")) + without_site_root(body) + callout_close();
      r.construct = "{% include <callout> %}";
      return r;
    }
    if (args.named.empty() && args.words.size() == 1)
      if (const std::optional<std::string> md = markdown_include(run, file)) {
        r.converted = true;
        r.replacement = at_line_start(text, t.begin) ? *md : as_block(*md);
        r.construct = "{% include <markdown file> %} (its text)";
        return r;
      }
    // Plain HTML, alone on its line: its HTML, a block (as Hugo's
    // shortcodes of plain HTML are).
    if (args.named.empty() && args.words.size() == 1)
      if (const std::optional<std::string> html = html_include(run, file);
          html && at_line_start(text, t.begin) && (t.end == text.size() || text[t.end] == '\n')) {
        r.converted = true;
        r.replacement = "\n" + *html + "\n";
        r.construct = "{% include <HTML file> %} (the site's own include of plain HTML: its HTML)";
        return r;
      }
    r.reason = "include of a template (" + file + "): no equivalent, rewrite it by hand";
    return r;
  }
  if (name == "gist" && !args.words.empty()) {
    const std::string file = args.words.size() > 1 ? args.words[1] : "";
    r.converted = true;
    r.replacement = gist_link(args.words[0], file);
    r.construct = std::string("{% gist %} ") + kGistLinkNote;
    return r;
  }
  if (name == "vimeo" && !args.words.empty() &&
      args.words[0].find_first_not_of("0123456789") == std::string::npos) {
    r.converted = true;
    r.replacement = vimeo_iframe(args.words[0]);
    r.construct = "{% vimeo %}";
    return r;
  }
  if ((name == "twitter" || name == "tweet") && !args.words.empty() && args.words[0].rfind("https://", 0) == 0 &&
      args.words[0].find_first_of("\"'<> ") == std::string::npos) {  // jekyll-twitter-plugin: a link to the post
    r.converted = true;
    r.replacement = "[Post on X](" + args.words[0] + ")";
    r.construct = "{% twitter %}";
    return r;
  }
  if ((name == "youtube") && !args.words.empty()) {
    r.converted = true;
    r.replacement = youtube_iframe(args.words[0]);
    r.construct = "{% youtube %}";
    return r;
  }
  // A site's own YouTube shortcode ({% youTubeEmbed "id" "title" %}: kpwags'
  // 171 songs and talks), given an id or a YouTube address: the player.
  if (!args.words.empty() && ascii_lower(name).find("youtube") != std::string::npos) {
    std::string id = args.words[0];
    for (const std::string_view mark : {std::string_view("youtu.be/"), std::string_view("/embed/"), std::string_view("v=")})
      if (const size_t at = id.find(mark); at != std::string::npos) {
        id = id.substr(at + mark.size());
        id = id.substr(0, id.find_first_of("?&#/"));
        break;
      }
    if (video_id_ok(id, false)) {
      r.converted = true;
      r.replacement = youtube_iframe(id);
      r.construct = "{% <the site's YouTube shortcode> %}";
      return r;
    }
  }
  // Eleventy's render plugin, {% renderTemplate "md" %}...{% endrenderTemplate %}:
  // what it renders is the post's own text (markdown, HTML; a WebC
  // component's tags are left to the sanitizer, their text kept).
  if (name == "renderTemplate" || name == "endrenderTemplate") {
    r.converted = true;
    r.construct = "{% renderTemplate %} (its content kept)";
    return r;
  }
  if (name == "image" && !args.words.empty()) {  // Eleventy Image's shortcode: {% image "src", "alt" %}
    r.converted = true;
    r.replacement = figure_markdown(args.words[0], args.words.size() > 1 ? args.words[1] : "", "", "");
    r.construct = "{% image %}";
    return r;
  }
  // The site's own Eleventy Image shortcode as a figure ({% figure "./a.png",
  // "Caption", [320, 720] %}, {% figureElement 'a.png', 'Caption' %}): the
  // image, its alt text its caption.
  if (run.engine == Engine::eleventy && !args.words.empty() && args.named.empty() &&
      (name == "figure" || name == "figureElement" || name == "fig") && is_image_path(args.words[0])) {
    const std::string caption = args.words.size() > 1 && args.words[1].find('[') != 0 ? args.words[1] : "";
    r.converted = true;
    r.replacement = figure_markdown(args.words[0], caption, caption, "");
    r.construct = "{% " + name + " \"src\", \"caption\" %}";
    return r;
  }
  // The site's own paired callout shortcode ({% info %}...{% endinfo %},
  // {% warning "classes" %}...{% endwarning %} in Eleventy, a plugin's
  // block in Jekyll): a div around its markdown, as Hugo's {{% notice %}}.
  if (is_callout(name) && find_closing(text, t.end, "{%", "end" + name, close_end) != std::string_view::npos) {
    r.converted = true;
    // {% sidebar "What It Means" %}: its title (johnwargo's); other callouts' words are classes
    r.replacement = callout_open(name, "", name == "sidebar" && !args.words.empty() ? args.words[0] : "");
    r.construct = "{% <callout> %}...{% end<callout> %}";
    return r;
  }
  if (name.rfind("end", 0) == 0 && is_callout(name.substr(3))) {
    r.converted = true;
    r.replacement = callout_close();
    r.construct = "{% <callout> %}...{% end<callout> %}";
    return r;
  }
  // The site's own paired layout shortcode ({% columns %}{% cols %}...
  // {% endcols %}{% endcolumns %}, {% wrap "classes" %}): a div of that
  // class around its markdown, so what it holds still shows.
  static const std::set<std::string> kLayouts = {"columns", "cols", "column", "col", "row", "grid", "wrap"};
  if (run.engine == Engine::eleventy && kLayouts.count(name) &&
      find_closing(text, t.end, "{%", "end" + name, close_end) != std::string_view::npos) {
    r.converted = true;
    r.replacement = "<div class=\"" + name + "\">";
    r.construct = "{% <layout> %}...{% end<layout> %} (a div around its text)";
    return r;
  }
  if (run.engine == Engine::eleventy && name.rfind("end", 0) == 0 && kLayouts.count(name.substr(3))) {
    r.converted = true;
    r.replacement = "</div>";
    r.construct = "{% <layout> %}...{% end<layout> %} (a div around its text)";
    return r;
  }
  r.reason = "Liquid tag \"" + name + "\": no equivalent, rewrite it by hand";
  return r;
}

std::string unglue_raw_fences(Run& run, const std::string& source) {
  // Markers glued to a fence ("```njk{% raw %}", "{% endraw %}```"): Liquid
  // removed them before markdown saw the fence, so they go first; left in,
  // "{% endraw %}```" closes no fence and the text after it reads as code
  // (chriskirknielsen's callouts stayed unconverted).
  static const std::regex glued(R"(^( {0,3})(?:\{%-?\s*(?:end)?raw\s*-?%\})?(`{3,}|~{3,})([^`\n]*?)(?:\{%-?\s*(?:end)?raw\s*-?%\})?[ \t]*$)");
  std::string text;
  if (source.find("raw") == std::string::npos) {
    text = source;
  } else {
    text.reserve(source.size());
    for (size_t at = 0; at < source.size();) {
      size_t end = source.find('\n', at);
      if (end == std::string::npos) end = source.size();
      const std::string line = source.substr(at, end - at);
      std::smatch m;
      if (line.find("raw") != std::string::npos && line.find("{%") != std::string::npos && std::regex_match(line, m, glued) &&
          m[3].str().find("{%") == std::string::npos) {
        std::string fenced = m[1].str() + m[2].str() + m[3].str();
        while (!fenced.empty() && (fenced.back() == ' ' || fenced.back() == '\t')) fenced.pop_back();
        if (fenced != line) {
          text += fenced;
          run.count("{% raw %} glued to a code fence");
        } else {
          text += line;
        }
      } else {
        text += line;
      }
      if (end < source.size()) text += '\n';
      at = end + 1;
    }
  }
  return text;
}

std::string strip_raw_in_code(Run& run, const std::string& text) {
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (code[i] && text.compare(i, 2, "{%") == 0) {
      const size_t close = text.find("%}", i + 2);
      if (close != std::string::npos && text.find('\n', i) > close) {
        std::string inner = trim(std::string_view(text).substr(i + 2, close - i - 2));
        if (!inner.empty() && inner.front() == '-') inner = trim(inner.substr(1));
        if (!inner.empty() && inner.back() == '-') inner = trim(inner.substr(0, inner.size() - 1));
        if (inner == "raw" || inner == "endraw") {
          size_t end = close + 2;
          // A marker alone on its line takes the line with it.
          const bool alone = at_line_start(text, i) && (end == text.size() || text[end] == '\n');
          if (alone && end < text.size()) ++end;
          if (inner == "raw") run.count("{% raw %} in code");
          i = end;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

namespace {

// `<div class="x" markdown="1">` alone on its line: the tag's name, and the
// line without the attribute; "" when the line is no such tag.
std::string markdown_html_open(std::string& line, bool parse_block_html) {
  const std::string t = trim(line);
  if (t.size() < 3 || t[0] != '<' || t.back() != '>' || !std::isalpha(static_cast<unsigned char>(t[1]))) return "";
  if (parse_block_html && t.find("markdown=") == std::string::npos && t.find('<', 1) == std::string::npos &&
      t[t.size() - 2] != '/') {
    // kramdown's parse_block_html: markdown inside every block of HTML.
    size_t end = 1;
    while (end < t.size() && std::isalnum(static_cast<unsigned char>(t[end]))) ++end;
    const std::string name = t.substr(1, end - 1);
    for (const char* block : {"div", "section", "aside", "article", "details", "blockquote"})
      if (name == block && (t[end] == '>' || t[end] == ' ')) return name;
    return "";
  }
  for (const char* attr : {" markdown=\"1\"", " markdown='1'", " markdown=1", " markdown=\"block\"", " markdown=\"span\""}) {
    const size_t at = line.find(attr);
    if (at == std::string::npos) continue;
    line.erase(at, std::strlen(attr));
    size_t end = 1;
    while (end < t.size() && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '-')) ++end;
    return t.substr(1, end - 1);
  }
  return "";
}

}  // namespace

namespace {

// The words of a kramdown attribute list "{: .a .b key="v"}": its classes
// (without the dot) and its keys.
void ial_words(const std::string& ial, std::vector<std::string>& classes, std::vector<std::string>& keys) {
  const std::string in = ial.size() > 3 ? ial.substr(2, ial.size() - 3) : "";
  for (size_t p = 0; p < in.size();) {
    while (p < in.size() && in[p] == ' ') ++p;
    size_t e = p;
    char quote = 0;
    while (e < in.size() && (quote || in[e] != ' ')) {
      if ((in[e] == '"' || in[e] == '\'') && !quote) quote = in[e];
      else if (in[e] == quote) quote = 0;
      ++e;
    }
    const std::string w = in.substr(p, e - p);
    if (!w.empty() && w[0] == '.') classes.push_back(w.substr(1));
    else if (const size_t eq = w.find('='); eq != std::string::npos) keys.push_back(w.substr(0, eq));
    else if (!w.empty()) keys.push_back(w);
    p = e;
  }
}

// Minimal Mistakes' {: .notice--info} and Chirpy's {: .prompt-tip} under a
// paragraph or quote: the callout's kind ("notice", "info", "tip"...), ""
// for any other list.
std::string ial_callout(const std::string& ial) {
  std::vector<std::string> classes, keys;
  ial_words(ial, classes, keys);
  for (const std::string& c : classes) {
    if (c == "notice" || c == "notice--primary") return "notice";
    for (const char* prefix : {"notice--", "prompt-"})
      if (c.rfind(prefix, 0) == 0 && c.size() > std::strlen(prefix)) {
        const std::string kind = c.substr(std::strlen(prefix));
        return kind == "danger" ? "warning" : kind;
      }
  }
  return "";
}

// `title` as an emphasis line above the fenced code block that `out` ends
// with (its closing fence the last line); false when it ends with none.
bool title_code_block(std::string& out, const std::string& title) {
  size_t end = out.size();
  while (end > 0 && out[end - 1] == '\n') --end;
  const size_t start = out.rfind('\n', end ? end - 1 : 0);
  const size_t close_at = start == std::string::npos || end == 0 ? 0 : start + 1;
  const std::string closing = trim(out.substr(close_at, end - close_at));
  if (closing.size() < 3 || (closing.compare(0, 3, "```") != 0 && closing.compare(0, 3, "~~~") != 0) ||
      closing.find_first_not_of(closing[0]) != std::string::npos)
    return false;
  // The opening fence: the nearest line above with as many of the marks
  // (none inside the block: it would have closed there).
  for (size_t at = close_at; at > 0;) {  // `at`: where the line below starts
    const size_t nl = at - 1;
    const size_t prev = nl == 0 ? std::string::npos : out.rfind('\n', nl - 1);
    const size_t begin = prev == std::string::npos ? 0 : prev + 1;
    const std::string l = out.substr(begin, nl - begin);
    const size_t indent = l.find_first_not_of(' ');
    if (indent != std::string::npos && l.compare(indent, closing.size(), closing) == 0 &&
        (l.size() == indent + closing.size() || l[indent + closing.size()] != closing[0])) {
      const bool after_text = begin >= 2 && out[begin - 2] != '\n';  // not run into a paragraph above
      out.insert(begin, std::string(after_text ? "\n" : "") + l.substr(0, indent) + emphasis_line(title) + "\n");
      return true;
    }
    at = begin;
  }
  return false;
}

// An attribute list that only placed or sized its block (alignment
// classes, style, width, height): nothing of the text is lost with it.
bool ial_layout_only(const std::string& ial) {
  std::vector<std::string> classes, keys;
  ial_words(ial, classes, keys);
  if (classes.empty() && keys.empty()) return false;
  // Chirpy's: .nolineno (a code block without line numbers, as Quire's
  // are), Bootstrap's spacing (.mt-4) and data-toc-skip (a heading kept
  // out of the theme's table of contents).
  static const std::regex spacing(R"([mp][tbsexylr]?-(?:[0-5]|auto))");
  for (const std::string& c : classes)
    if (c != "align-center" && c != "align-left" && c != "align-right" && c != "text-center" && c != "center" &&
        c != "image-right" && c != "image-left" && c != "full" && c != "half" && c != "img-responsive" && c != "nolineno" &&
        !std::regex_match(c, spacing))
      return false;
  for (const std::string& k : keys)
    if (k != "style" && k != "width" && k != "height" && k != "align" && k != "data-toc-skip") return false;
  return true;
}

// kramdown's span attribute lists inside a line, after a link, image,
// emphasis or code span: [a](https://a){:target="_blank"}, **b**{: .x}.
// `l` is the line starting at `pos` of the text `code` marks.
void drop_span_ials(Run& run, std::string& l, const std::vector<bool>& code, size_t pos) {
  std::string kept;
  size_t from = 0;
  for (size_t at = l.find("{:"); at != std::string::npos; at = l.find("{:", at + 1)) {
    const size_t close = l.find('}', at);
    if (at == 0 || close == std::string::npos || code[pos + at] || std::strchr(")]*_`", l[at - 1]) == nullptr) continue;
    const std::string ial = l.substr(at, close - at + 1);
    if (ial.size() < 4 || ial[2] == ':' || ial[2] == '/' || ial.find('{', 1) != std::string::npos) continue;
    // A link's target, a code span's class (Chirpy's {: .filepath}): the
    // span's looks, its text kept.
    run.count("kramdown attribute list on a link or span ({:target=\"_blank\"}, {: .filepath}): dropped");
    kept += l.substr(from, at - from);
    from = close + 1;
    at = close;
  }
  if (from > 0) l = kept + l.substr(from);
}

// The block that ends `out` (a paragraph, or a quote whose "> " go) inside
// a callout of `kind`; false when `out` ends with no block.
bool wrap_last_block(std::string& out, const std::string& kind) {
  if (out.size() < 2 || out.back() != '\n' || out[out.size() - 2] == '\n') return false;
  const size_t blank = out.rfind("\n\n", out.size() - 2);
  const size_t start = blank == std::string::npos ? 0 : blank + 2;
  std::string block = out.substr(start, out.size() - 1 - start);
  bool quote = true;
  for (size_t p = 0; p < block.size(); p = block.find('\n', p) == std::string::npos ? block.size() : block.find('\n', p) + 1)
    quote = quote && block[p] == '>';
  if (quote) {
    std::string unquoted;
    for (size_t p = 0; p < block.size();) {
      size_t e = block.find('\n', p);
      if (e == std::string::npos) e = block.size();
      size_t b = p + 1;
      if (b < e && block[b] == ' ') ++b;
      unquoted.append(block, b, e - b);
      if (e < block.size()) unquoted += '\n';
      p = e + 1;
    }
    block = unquoted;
  }
  out.resize(start);
  out += callout_open(kind, "", "") + block + callout_close() + "\n";
  return true;
}

}  // namespace

std::string remove_kramdown_ial(Run& run, const std::string& text, int first_line, const std::string& file, bool* toc,
                                bool parse_block_html) {
  // Chirpy's {: file="_config.yml" } under a code block: the file's name,
  // which its theme showed above the code.
  static const std::regex ial_file(R"re(\bfile\s*=\s*(["'])([^"']+)\1)re");
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  int line = first_line;
  std::string prev_line;  // the last line written, to drop "* TOC" before {:toc}
  // markdown="1" blocks open: the tag's name and how many of it opened inside.
  std::vector<std::pair<std::string, int>> md_blocks;
  std::string skip_until;  // inside {::comment}: its closing marker
  for (size_t pos = 0; pos < text.size();) {
    size_t e = text.find('\n', pos);
    const size_t next = e == std::string::npos ? text.size() : e + 1;
    if (e == std::string::npos) e = text.size();
    std::string l = text.substr(pos, e - pos);
    const std::string tl = trim(l);
    if (!skip_until.empty()) {  // a kramdown comment's text: never shown
      if (tl.find(skip_until) != std::string::npos || tl.find("{:/}") != std::string::npos) skip_until.clear();
      pos = next;
      ++line;
      continue;
    }
    if (!code[pos] && (tl.rfind("{::comment}", 0) == 0 || tl.rfind("{::nomarkdown}", 0) == 0 ||
                       tl == "{:/nomarkdown}" || (tl == "{:/}"))) {
      if (tl.rfind("{::comment}", 0) == 0) {
        if (tl.find("{:/comment}") == std::string::npos && tl.find("{:/}") == std::string::npos) skip_until = "{:/comment}";
        run.count("kramdown {::comment}");
      } else if (tl.rfind("{::nomarkdown}", 0) == 0) {
        std::string rest = tl.substr(14);  // {::nomarkdown}<b>x</b>{:/nomarkdown} on one line: the HTML stays
        for (const char* close : {"{:/nomarkdown}", "{:/}"})
          if (const size_t c = rest.find(close); c != std::string::npos) rest.erase(c, std::strlen(close));
        if (!trim(rest).empty()) out += rest + "\n";
        run.count("kramdown {::nomarkdown}");
      }
      pos = next;
      ++line;
      continue;
    }
    if (!code[pos]) {
      if (tl.rfind("{::options", 0) == 0 && tl.find("parse_block_html=\"true\"") != std::string::npos) {
        parse_block_html = true;  // honoured below; the line itself goes
        run.count("kramdown {::options parse_block_html}");
        pos = next;
        ++line;
        continue;
      }
      if (const std::string tag = markdown_html_open(l, parse_block_html); !tag.empty()) {
        // CommonMark reads markdown inside an HTML block only after a blank line.
        out += l + "\n\n";
        md_blocks.push_back({tag, 0});
        run.count("kramdown markdown=\"1\"");
        pos = next;
        ++line;
        continue;
      }
      if (!md_blocks.empty() && md_blocks.back().first == "details" && tl.rfind("<summary", 0) == 0 &&
          tl.size() >= 10 && tl.compare(tl.size() - 10, 10, "</summary>") == 0) {
        out += l + "\n\n";  // the summary is HTML; what follows it, markdown
        pos = next;
        ++line;
        continue;
      }
      if (!md_blocks.empty()) {
        auto& [tag, depth] = md_blocks.back();
        if (tl.rfind("<" + tag, 0) == 0 && (tl.size() == tag.size() + 1 || !std::isalnum(static_cast<unsigned char>(tl[tag.size() + 1]))))
          ++depth;
        if (tl.rfind("</" + tag + ">", 0) == 0) {
          if (depth > 0) {
            --depth;
          } else {
            if (!out.empty() && out.back() == '\n' && (out.size() < 2 || out[out.size() - 2] != '\n')) out += '\n';
            md_blocks.pop_back();
          }
        }
      }
    }
    if (!code[pos] && tl.size() >= 3 && tl.compare(0, 2, "{:") == 0 && tl.back() == '}') {
      if (tl == "{:toc}" || tl == "{: toc}") {
        // "* TOC" + "{:toc}": kramdown's table of contents marker.
        const size_t last = out.rfind('\n', out.size() >= 2 ? out.size() - 2 : 0);
        const std::string before = trim(out.substr(last == std::string::npos ? 0 : last + 1));
        if (before == "* TOC" || before == "- TOC" || before == "1. TOC" || before == "* this list will be replaced by the toc")
          out.resize(last == std::string::npos ? 0 : last + 1);
        if (toc) {
          *toc = true;
          run.count("kramdown {:toc} (as toc: true)");
        } else {
          run.note(file, line, "kramdown table of contents \"" + tl + "\" removed (toc: true gives Quire's)");
        }
      } else if (std::smatch m; std::regex_search(tl, m, ial_file) && title_code_block(out, m[2].str())) {
        run.count("kramdown {: file=\"...\"} under a code block (its file name above it)");
      } else if (const std::string kind = ial_callout(tl); !kind.empty() && wrap_last_block(out, kind)) {
        run.count("kramdown {: .notice--*} or {: .prompt-*} (as a callout)");
      } else if (ial_layout_only(tl)) {
        run.count("kramdown attribute list of layout only ({: .align-center}, style, width): dropped");
      } else {
        run.note(file, line, "kramdown attribute list \"" + tl + "\" removed");
      }
      pos = next;
      ++line;
      continue;
    }
    // A trailing one: ![x](y){: .center} or a heading's {#id}.
    const size_t at = l.rfind("{:");
    if (!code[pos] && at != std::string::npos && at > 0 && !l.empty() && trim(l).back() == '}' &&
        !code[pos + at] && l.find('}', at) == l.find_last_not_of(" \t")) {
      if (ial_layout_only(trim(l.substr(at))))
        run.count("kramdown attribute list of layout only ({: .align-center}, style, width): dropped");
      else if (std::strchr(")]*_`", l[at - 1]) != nullptr)  // a link's or span's, as inside a line
        run.count("kramdown attribute list on a link or span ({:target=\"_blank\"}, {: .filepath}): dropped");
      else
        run.note(file, line, "kramdown attribute list \"" + trim(l.substr(at)) + "\" removed");
      l = l.substr(0, at);
      while (!l.empty() && l.back() == ' ') l.pop_back();
    }
    drop_span_ials(run, l, code, pos);
    out += l;
    if (e < text.size()) out += '\n';
    pos = next;
    ++line;
  }
  return out;
}

}  // namespace quire::import
