#include "build/content.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <nlohmann/json.hpp>

#include "build/discover.hpp"
#include "build/front_matter.hpp"
#include "build/transliterate.hpp"
#include "build/yaml_guard.hpp"
#include "build/fsutil.hpp"
#include "build/post_dates.hpp"
#include "build/post_keys.hpp"
#include "build/link_check.hpp"
#include "build/pages_content.hpp"
#include "build/url_keys.hpp"
#include "build/taxonomies.hpp"
#include "build/import/template_syntax.hpp"
#include "build/html_sanitizer.hpp"
#include "build/image_probe.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/post_text.hpp"
#include "highlight/highlight.hpp"

namespace quire {
namespace fs = std::filesystem;
using json = nlohmann::json;

std::string Diagnostic::str() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + message;
}

namespace {

const char* const kSiteKeys[] = {"title", "description", "author", "url", "base_path",
                                 "language", "posts_per_page", "date_format", "unsafe_html", "iframe_hosts",
                                 "feed_entries", "split_bundle_over", "timezone", "permalink", "menu",
                                 "taxonomies", "categories", "old_feeds",
                                 "smart_punctuation", "toc_min_headings", "math", "hard_breaks", "redirects", "future"};

struct Context {
  std::string file;
  int line_offset;  // file line of YAML line 0
  std::vector<Diagnostic>& errors;
  std::vector<Diagnostic>& warnings;
  std::map<std::string, int> key_lines = {};  // the line of each top-level key seen

  int line_of(const YAML::Node& n) const { return n.Mark().line < 0 ? 0 : n.Mark().line + line_offset; }
  void error(const YAML::Node& n, std::string msg) { errors.push_back({file, line_of(n), std::move(msg)}); }
  void warn(const YAML::Node& n, std::string msg) { warnings.push_back({file, line_of(n), std::move(msg)}); }

  // False, reported, for a key given before (yaml-cpp keeps both).
  bool first_time(const YAML::Node& k) {
    auto [it, fresh] = key_lines.emplace(k.Scalar(), line_of(k));
    if (!fresh) error(k, "\"" + k.Scalar() + "\" given twice (first on line " + std::to_string(it->second) + ")");
    return fresh;
  }

  // The value of key `k`; an empty one ("title:" and nothing after it) is
  // reported at the key's line: yaml-cpp marks it at the next token. On the
  // key's own line, a null is written out: YAML reads ~, null, Null and
  // NULL as no value.
  template <class Out>  // std::string or Text
  bool scalar(const YAML::Node& k, const YAML::Node& v, Out& out) {
    const std::string key = k.Scalar();
    if (v.IsNull()) {
      if (v.Mark().line == k.Mark().line)
        error(k, key + ": no value (YAML reads ~ and null, in any case, as none; quote the word if you mean it)");
      else
        error(k, key + ": empty (write its value after \"" + key + ":\")");
      return false;
    }
    if (!v.IsScalar()) {
      error(v, key + ": expected a single value (text), got a " + (v.IsSequence() ? "list" : "map"));
      return false;
    }
    out = v.Scalar();
    return true;
  }
  bool boolean(const YAML::Node& k, const YAML::Node& v, bool& out) {
    const std::string key = k.Scalar();
    std::string s;
    if (!scalar(k, v, s)) return false;
    if (s == "true" || s == "yes" || s == "on" || s == "True" || s == "TRUE") { out = true; return true; }
    if (s == "false" || s == "no" || s == "off" || s == "False" || s == "FALSE") { out = false; return true; }
    error(v, key + ": expected true or false, got \"" + s + "\"");
    return false;
  }
};

// Loads YAML, turning a parse error into a diagnostic at its line; refuses
// runaway aliases (yaml_guard.hpp).
bool load_yaml(std::string_view text, Context& cx, YAML::Node& out) {
  if (const int open = unclosed_quote_line(text); open >= 0) {
    cx.errors.push_back({cx.file, open + cx.line_offset, std::string("invalid YAML: ") + kUnclosedQuote});
    return false;
  }
  try {
    out = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    cx.errors.push_back({cx.file, e.mark.line < 0 ? 0 : e.mark.line + cx.line_offset,
                         "invalid YAML: " + sanitize_utf8(e.msg)});  // yaml-cpp quotes one byte of a character
    return false;
  }
  return guard_yaml(out, text.size(), cx.file, cx.line_offset, cx.errors, cx.warnings);
}

// Reports the first invalid UTF-8 byte's line, if any; `clean` is
// sanitize_utf8(text).
void check_utf8(std::string_view text, std::string_view clean, const std::string& file, int first_line,
                std::vector<Diagnostic>& warnings) {
  if (clean == text) return;
  size_t i = 0;
  while (i < text.size() && i < clean.size() && text[i] == clean[i]) ++i;
  int line = first_line + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(i), '\n'));
  warnings.push_back({file, line, "invalid UTF-8 (or NUL) replaced by U+FFFD"});
}


// "hugo" -> "a Hugo", for messages.
std::string engine_name(std::string engine) {
  if (engine == "eleventy") return "an Eleventy";
  if (!engine.empty()) engine[0] = static_cast<char>(engine[0] - 'a' + 'A');
  return "a " + engine;
}

}  // namespace

bool split_site_url(std::string_view url, std::string& origin, std::string& path) {
  const size_t host = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  // valid_site_url: what the bundle's reader accepts (it refuses a backslash or a quote).
  if (host == 0 || url.find_first_of("?#") != std::string_view::npos || !valid_site_url(url)) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ') return false;
  const size_t path_at = std::min(url.size(), url.find('/', host));
  if (path_at == host) return false;
  origin = std::string(url.substr(0, path_at));
  path = std::string(url.substr(path_at));
  if (path.empty() || path.back() != '/') path += '/';
  return true;
}

void parse_site_yaml(std::string_view text, const std::string& file, Site& site,
                     std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  Context cx{file, 1, errors, warnings};
  const std::string unified = normalize_text(text);
  text = unified;
  check_utf8(text, sanitize_utf8(text), file, 1, warnings);
  YAML::Node root;
  if (!load_yaml(sanitize_utf8(text), cx, root)) return;
  if (!root || root.IsNull()) return;  // empty file: all defaults
  if (!root.IsMap()) {
    cx.error(root, "expected keys and values (a YAML map)");
    return;
  }
  // A folder in `url` is the site's base path: given alone, it is taken as
  // base_path; given with base_path, the two must agree. site.url keeps the
  // origin only, so that no absolute URL holds the folder twice.
  std::string url_path = "/";
  YAML::Node url_node;
  bool base_path_given = false, base_path_bad = false;
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (!cx.first_time(kv.first)) continue;
    if (read_site_url_key(key, v, file, cx.line_offset, site, errors)) continue;  // build/url_keys.hpp
    if (read_site_taxonomy_key(key, v, file, cx.line_offset, site, errors, warnings)) continue;  // taxonomies.hpp
    std::string s;
    if (key == "title" || key == "description" || key == "author" || key == "language" || key == "date_format") {
      if (!cx.scalar(kv.first, v, s)) continue;
      if (key == "title") site.title = s;
      else if (key == "description") site.description = s;
      else if (key == "author") site.author = s;
      else if (key == "language") site.language = s;
      else site.date_format = s;
    } else if (key == "url") {
      if (!cx.scalar(kv.first, v, s)) continue;
      if (!split_site_url(s, site.url, url_path)) {
        cx.error(v, "url: expected an absolute http(s) URL like https://example.com, got \"" + s + "\"");
        continue;
      }
      url_node = v;
    } else if (key == "base_path") {
      if (!cx.scalar(kv.first, v, s)) continue;
      base_path_given = true;  // even if wrong: the url's path is then not taken for it
      if (s.empty() || s.front() != '/') s = "/" + s;
      if (s.back() != '/') s += "/";
      if (!valid_base_path(s)) {
        cx.error(v, std::string("base_path: expected ") + kBasePathExpectation + ", got \"" + v.Scalar() + "\"");
        base_path_bad = true;
        continue;
      }
      site.base_path = s;
    } else if (key == "posts_per_page" || key == "feed_entries") {
      if (!cx.scalar(kv.first, v, s)) continue;
      char* end = nullptr;
      long n = std::strtol(s.c_str(), &end, 10);
      if (s.empty() || *end != '\0' || n < 1 || n > 1000) {
        cx.error(v, key + ": expected a whole number from 1 to 1000, got \"" + s + "\"");
        continue;
      }
      (key == "posts_per_page" ? site.posts_per_page : site.feed_entries) = static_cast<int>(n);
    } else if (key == "unsafe_html") {
      cx.boolean(kv.first, v, site.unsafe_html);
    } else if (key == "smart_punctuation") {
      cx.boolean(kv.first, v, site.smart_punctuation);
    } else if (key == "math") {  // core/math.hpp
      cx.boolean(kv.first, v, site.math);
    } else if (key == "hard_breaks") {
      cx.boolean(kv.first, v, site.hard_breaks);
    } else if (key == "future") {
      cx.boolean(kv.first, v, site.future);
    } else if (key == "toc_min_headings") {
      if (!cx.scalar(kv.first, v, s)) continue;
      char* end = nullptr;
      long n = std::strtol(s.c_str(), &end, 10);
      if (s.empty() || *end != '\0' || n < 0 || n > 1000) {
        cx.error(v, "toc_min_headings: expected a whole number of headings from 0 (never) to 1000, got \"" + s + "\"");
        continue;
      }
      site.toc_min_headings = static_cast<int>(n);
    } else if (key == "timezone") {
      if (!cx.scalar(kv.first, v, s)) continue;
      if (!known_time_zone(s)) {
        cx.error(v, "timezone: expected a time zone of the tz database like Europe/Berlin or America/New_York, "
                    "got \"" + s + "\"");
        continue;
      }
      site.timezone = s;
    } else if (key == "iframe_hosts") {  // raw HTML's iframes (build/html_sanitizer.hpp)
      std::vector<std::string> hosts;
      for (const auto& h : v) hosts.push_back(h.IsScalar() ? h.Scalar() : std::string());
      const std::string problem = v.IsSequence() || v.IsNull() ? join_iframe_hosts(hosts, site.iframe_hosts)
                                                               : "expected a list like [www.youtube.com]";
      if (!problem.empty()) cx.error(v, "iframe_hosts: " + problem);
    } else if (key == "split_bundle_over") {
      if (!cx.scalar(kv.first, v, s)) continue;
      char* end = nullptr;
      long n = std::strtol(s.c_str(), &end, 10);
      if (s.empty() || *end != '\0' || n < 0 || n > 10000000) {
        cx.error(v, "split_bundle_over: expected a whole number of posts (0: never split), got \"" + s + "\"");
        continue;
      }
      site.split_bundle_over = static_cast<int>(n);
    } else {
      std::string hint;
      size_t best = 3;
      for (const char* known : kSiteKeys) {
        size_t d = edit_distance(key, known);
        if (d < best) { best = d; hint = known; }
      }
      std::string known_keys;
      for (const char* known : kSiteKeys) known_keys += (known_keys.empty() ? "" : ", ") + std::string(known);
      cx.warn(kv.first, "unknown key \"" + key + "\" ignored" +
                            (hint.empty() ? " (known keys: " + known_keys + ")" : " (did you mean \"" + hint + "\"?)"));
    }
  }
  if (url_path == "/") return;
  if (base_path_given) {
    if (url_path != site.base_path && !base_path_bad)
      cx.error(url_node, "url: its path \"" + url_path + "\" is not base_path \"" + site.base_path +
                             "\" (give the site's folder in base_path, and url with the same folder or none)");
  } else if (valid_base_path(url_path)) {
    site.base_path = url_path;
  } else {
    cx.error(url_node, std::string("url: expected ") + kBasePathExpectation + " after the host, got \"" + url_path + "\"");
  }
}

std::string default_slug(std::string_view name) {
  for (std::string_view ext : {std::string_view(".md"), std::string_view(".markdown")})
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) name.remove_suffix(ext.size());
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (name.size() > 11 && is_digit(name[0]) && is_digit(name[1]) && is_digit(name[2]) && is_digit(name[3]) &&
      name[4] == '-' && is_digit(name[5]) && is_digit(name[6]) && name[7] == '-' && is_digit(name[8]) &&
      is_digit(name[9]) && name[10] == '-')
    name.remove_prefix(11);
  return std::string(name);
}

constexpr std::string_view kMoreMarker = "<!--more-->";

std::string take_summary(std::string& body, bool wanted) {
  const std::string_view marker = kMoreMarker;
  size_t at = body.find(marker);
  if (at == std::string::npos) return wanted ? first_paragraph(body) : std::string();
  std::string summary = body.substr(0, at);
  body.erase(at, marker.size());
  while (!summary.empty() && (summary.back() == '\n' || summary.back() == ' ')) summary.pop_back();
  size_t start = summary.find_first_not_of("\n ");
  const std::string para = start == std::string::npos ? std::string() : summary.substr(start);
  // Footnote references have no definitions in a summary: drop them.
  std::string out;
  for (size_t i = 0; i < para.size(); ++i) {
    if (para[i] == '[' && i + 1 < para.size() && para[i + 1] == '^') {
      size_t close = para.find(']', i);
      if (close != std::string::npos && para.find_first_of(" \n", i) > close) {
        i = close;
        continue;
      }
    }
    out += para[i];
  }
  return out;
}

std::string normalize_text(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  if (s.find('\r') == std::string_view::npos) return std::string(s);  // the common case: one copy
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') out += s[i];
    else if (i + 1 >= s.size() || s[i + 1] != '\n') out += '\n';
  }
  return out;
}

ParsedPost parse_post(std::string_view raw, const std::string& file, std::vector<Diagnostic>& errors,
                      std::vector<Diagnostic>& warnings, const PostSettings& settings) {
  ParsedPost r;
  const std::string unified = normalize_text(raw);
  FrontMatter fm;
  size_t errors_before = errors.size();
  if (!read_front_matter(unified, file, fm, errors, warnings)) return r;
  const std::string_view head = std::string_view(unified).substr(0, unified.size() - fm.body.size());
  check_utf8(head, sanitize_utf8(head), file, 1, warnings);
  std::string body = sanitize_utf8(fm.body);  // once: checked, then used
  check_utf8(fm.body, body, file, fm.body_line, warnings);
  r.body_line = fm.body_line;
  Post& p = r.post;
  PostKeysRead read;
  read_post_keys(fm.root, file, settings.time_zone, r, read, errors, warnings);
  if (!settings.categories_apart) merge_categories(p);  // build/taxonomies.hpp
  // Jekyll's file names (and bundle folders) give the date and the title
  // when the front matter does not: "2019-03-14-my-post".
  const std::string name = !settings.name.empty() ? settings.name : fs::path(file).stem().string();
  std::string name_date, name_rest;
  const bool dated_name = split_dated_name(name, name_date, name_rest);
  if (!read.has_title && dated_name && !name_rest.empty()) {
    read.has_title = true;
    p.title = title_from_slug(name_rest);
  }
  if (!read.has_date && dated_name) {
    read.has_date = true;
    p.date = name_date;
    p.when = *parse_date(name_date);
  }
  const int first_key_line = fm.fence_line + 1;
  if (!read.has_title) errors.push_back({file, first_key_line, "title: missing (every post needs a title)"});
  if (!read.has_date && settings.date_required)
    errors.push_back({file, first_key_line,
                      std::string("date: missing (expected ") + kPostDateExpectation +
                          ", or a file name starting YYYY-MM-DD-)"});
  if (r.slug_line == 1) r.slug_line = fm.fence_line;
  if (p.slug.empty()) {
    p.slug = default_slug(name);
    // A blog copied in by hand ("2020-01-01-日本語.md"): the slug the
    // import would write (ascii_slug), said.
    if (!valid_slug(p.slug)) {
      const std::string fixed = ascii_slug(p.slug);
      warnings.push_back({file, 0, "slug: the file name gives \"" + p.slug + "\", which is not a slug; using \"" + fixed +
                                       "\" (set slug: with letters, digits, '-', '_' or '.' to choose)"});
      p.slug = fixed;
    }
  }
  for (const TemplateSyntax& t : find_template_syntax(body))
    warnings.push_back({file, fm.body_line + t.line - 1, template_syntax_warning(t)});
  // The default summary (the first paragraph) and the reading time from
  // one md4c pass when both come from the body as it is (core/post_text.hpp).
  std::optional<PostText> text;
  if (p.minutes == 0 && body.find(kMoreMarker) == std::string::npos) text = post_text(body, p.summary.empty());
  std::string summary = text ? std::move(text->first_paragraph) : take_summary(body, p.summary.empty());
  if (p.summary.empty()) p.summary = summary;
  p.body = std::move(body);
  p.has_body = true;
  // Reading time once, here (every list showing the post reuses it), and
  // the plain text it is counted from, kept for the search index.
  if (p.minutes == 0) {
    TextStats stats = text ? std::move(text->stats) : text_stats(p.body);
    p.minutes = stats.reading_minutes;
    r.plain_text = std::move(stats.plain_text);
  }
  // Token runs for the bundle (src/highlight), from the blocks the pass
  // above found when it could vouch for them.
  if (!text || !text->code_found) p.code_json = highlight::highlight_markdown(p.body);
  else if (settings.may_defer_highlighting && highlight::would_wait(text->code)) r.code_to_highlight = std::move(text->code);  // load_content does it
  else p.code_json = highlight::highlight_blocks(text->code);
  r.ok = errors.size() == errors_before;
  return r;
}

ContentResult load_content(const fs::path& dir, const ContentOptions& options) {
  ContentResult r;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    r.errors.push_back({dir.string(), 0, "not a directory (expected a content folder with site.yaml and posts/)"});
    return r;
  }
  fs::path site_file = dir / "site.yaml";
  if (fs::exists(site_file, ec)) {
    std::string text;
    if (!read_file(site_file, text)) r.errors.push_back({site_file.string(), 0, "cannot read file"});
    else parse_site_yaml(text, site_file.string(), r.bundle.site, r.errors, r.warnings);
  } else {
    r.warnings.push_back({site_file.string(), 0, "missing; using defaults (title \"Untitled blog\")"});
  }
  if (r.bundle.site.url.empty() && r.errors.empty())
    r.warnings.push_back({site_file.string(), 0,
                          "url: not set, so feeds, sitemap.xml, canonical and OpenGraph URLs are left out "
                          "(add url: https://your.domain)"});
  fs::path posts_dir = dir / "posts";
  Discovery found = discover_content(dir);
  std::vector<fs::path> files;
  for (const PostSource& s : found.posts) files.push_back(s.file);
  if (!found.foreign_markdown.empty() && files.empty()) {
    // A blog copied in as it is: never "ok: 0 posts".
    std::string what = unused_files_message(found.foreign_markdown, dir);
    what.replace(what.find(" not used: "), 11, " outside posts/: ");
    what.replace(what.find(" file"), 5, " markdown file");
    const std::string engine = found.engine.empty() ? "jekyll|hugo|zola|eleventy" : found.engine;
    r.errors.push_back({posts_dir.string(), 0,
                        "no posts here, but " + what +
                            (found.engine.empty() ? "" : " (" + found.engine_sign + ": " + engine_name(found.engine) + " blog)") +
                            "; convert it with `quire import " + engine + " SRC [content-dir]`, or move the posts "
                            "into posts/"});
  } else if (!fs::is_directory(posts_dir, ec)) {
    r.warnings.push_back({posts_dir.string(), 0, "missing; the blog has no posts"});
  } else if (!found.engine.empty() && !fs::exists(site_file, ec)) {
    // An Eleventy blog's posts/ copied in with it (cassey-on-eleventy: 7
    // errors of its dates and keys, and no word of the import).
    r.warnings.push_back({dir.string(), 0, found.engine_sign + ": " + engine_name(found.engine) +
                                               " blog copied in as it is? `quire import " + found.engine +
                                               " SRC [content-dir]` converts its posts, settings and old addresses"});
  }
  if (!found.unused.empty()) r.warnings.push_back({dir.string(), 0, unused_files_message(found.unused, dir)});
  // Read and parse on every core; diagnostics are merged in file order.
  struct Parsed {
    bool read = false;
    ParsedPost post;
    std::vector<Diagnostic> errors, warnings;
  };
  std::vector<Parsed> parsed(files.size());
  std::atomic<size_t> next{0};
  // Posts whose highlighting was put off while a grammar was compiled on
  // another thread: each worker, out of files, takes them from here, so
  // they are highlighted on every core rather than after the threads.
  std::vector<size_t> deferred;
  std::mutex deferred_mutex;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      std::string text;
      if (!read_file(files[i], text)) continue;
      parsed[i].read = true;
      PostSettings settings{found.posts[i].name, r.bundle.site.timezone};
      settings.categories_apart = r.bundle.site.categories;
      settings.may_defer_highlighting = true;  // done below, after the threads
      parsed[i].post = parse_post(text, files[i].string(), parsed[i].errors, parsed[i].warnings, settings);
      if (parsed[i].post.ok) {
        const std::string before = parsed[i].post.post.body.str();
        sanitize_post_html(parsed[i].post.post, r.bundle.site, files[i].string(), parsed[i].post.body_line,
                           parsed[i].warnings);
        // Highlighting numbers the body's code blocks: count them again
        // when the rewrite changed the body.
        Post& p = parsed[i].post.post;
        if (p.body.view() != before) {
          parsed[i].post.code_to_highlight.clear();
          p.code_json = highlight::highlight_markdown(p.body);
          parsed[i].post.plain_text.clear();  // of the body before: the search index reads it anew
        }
        // Local images' sizes, for width and height on <img> (build/image_probe.hpp).
        p.images = read_image_sizes(p.body, dir / "static", found.posts[i].files, r.bundle.site.base_path);
        if (!parsed[i].post.code_to_highlight.empty()) {
          std::lock_guard<std::mutex> lock(deferred_mutex);
          deferred.push_back(i);
        }
      }
    }
    for (;;) {
      size_t i;
      {
        std::lock_guard<std::mutex> lock(deferred_mutex);
        if (deferred.empty()) break;
        i = deferred.back();
        deferred.pop_back();
      }
      ParsedPost& pp = parsed[i].post;
      pp.post.code_json = highlight::highlight_blocks(pp.code_to_highlight);
      std::vector<CodeBlockText>().swap(pp.code_to_highlight);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(build_threads(), files.size() / 64 + 1); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  // The few posts met while a grammar was compiled on another thread, if
  // any was left (the workers take them all).
  for (Parsed& pp : parsed)
    if (!pp.post.code_to_highlight.empty()) {
      pp.post.post.code_json = highlight::highlight_blocks(pp.post.code_to_highlight);
      std::vector<CodeBlockText>().swap(pp.post.code_to_highlight);
    }

  std::map<std::string, std::string> slug_file;
  std::vector<std::string> post_files;  // of r.bundle.posts, in order
  std::vector<std::string> plain_texts, slugs;  // of r.bundle.posts, in order
  for (size_t i = 0; i < files.size(); ++i) {
    const fs::path& f = files[i];
    if (!parsed[i].read) {
      r.errors.push_back({f.string(), 0, "cannot read file"});
      continue;
    }
    r.errors.insert(r.errors.end(), parsed[i].errors.begin(), parsed[i].errors.end());
    r.warnings.insert(r.warnings.end(), parsed[i].warnings.begin(), parsed[i].warnings.end());
    ParsedPost& pp = parsed[i].post;
    if (!pp.ok) continue;
    auto [it, fresh] = slug_file.emplace(pp.post.slug, f.string());
    if (!fresh) {
      r.errors.push_back({f.string(), pp.slug_line, "slug \"" + pp.post.slug + "\" is already used by " + it->second +
                                                      " (set a different slug: in the front matter)"});
      continue;
    }
    if (pp.draft && !options.drafts) { ++r.skipped_drafts; continue; }
    if (!options.future && !r.bundle.site.future && pp.post.when.epoch_seconds() > options.now) { ++r.skipped_future; continue; }
    for (PostFile pf : found.posts[i].files) {
      pf.slug = pp.post.slug.str();
      r.post_files.push_back(std::move(pf));
    }
    r.bundle.posts.push_back(std::move(pp.post));
    post_files.push_back(f.string());
    plain_texts.push_back(std::move(pp.plain_text));
    slugs.push_back(r.bundle.posts.back().slug.str());
  }
  const size_t kept_posts = post_files.size();
  load_pages(dir, r.bundle, post_files, r.errors, r.warnings);  // build/pages_content.hpp
  const std::vector<std::string> page_files(post_files.begin() + static_cast<long>(kept_posts), post_files.end());
  check_post_urls(r.bundle, post_files, r.errors);
  // Merged into the tags, categories were for :categories only: not in the bundle.
  if (!r.bundle.site.categories)
    for (Post& p : r.bundle.posts) p.categories.clear();
  r.bundle.index();
  check_site_redirects(r.bundle, site_file.string(), r.errors, r.warnings);  // build/url_keys.hpp
  if (r.errors.empty()) {  // images and links into the site that lead nowhere (build/link_check.hpp)
    std::vector<std::string> sources;
    for (const Post& p : r.bundle.posts) {
      const auto it = slug_file.find(p.slug.str());
      sources.push_back(it == slug_file.end() ? std::string() : it->second);
    }
    check_local_links(r.bundle, dir / "static", r.post_files, sources, page_files, r.warnings);
  }
  // The plain texts in the posts' final order (index() sorts them).
  r.plain_texts.resize(r.bundle.posts.size());
  for (size_t k = 0; k < plain_texts.size(); ++k) {
    if (plain_texts[k].empty()) continue;
    if (const Post* p = r.bundle.find_post(slugs[k]))
      r.plain_texts[static_cast<size_t>(p - r.bundle.posts.data())] = std::move(plain_texts[k]);
  }
  return r;
}

}  // namespace quire
