#include "build/content.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "build/fsutil.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"

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
                                 "language", "posts_per_page", "date_format", "unsafe_html",
                                 "feed_entries", "split_bundle_over"};

const char* const kPostKeys[] = {"title", "date", "updated", "tags", "summary", "slug", "draft"};

// Levenshtein distance, for "did you mean" hints.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

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
  bool date(const YAML::Node& k, const YAML::Node& v, Text& out) {
    const std::string key = k.Scalar();
    if (!scalar(k, v, out)) return false;
    if (!parse_date(out)) {
      error(v, key + ": expected " + std::string(kDateExpectation) + ", got \"" + out + "\"");
      return false;
    }
    return true;
  }
};

json yaml_to_json(const YAML::Node& n) {
  if (n.IsSequence()) {
    json a = json::array();
    for (const auto& item : n) a.push_back(yaml_to_json(item));
    return a;
  }
  if (n.IsMap()) {
    json o = json::object();
    for (const auto& kv : n) o[kv.first.Scalar()] = yaml_to_json(kv.second);
    return o;
  }
  if (n.IsScalar()) return sanitize_utf8(n.Scalar());
  return nullptr;
}

// Loads YAML, turning a parse error into a diagnostic at its line.
bool load_yaml(std::string_view text, Context& cx, YAML::Node& out) {
  try {
    out = YAML::Load(std::string(text));
    return true;
  } catch (const YAML::Exception& e) {
    cx.errors.push_back({cx.file, e.mark.line < 0 ? 0 : e.mark.line + cx.line_offset,
                         "invalid YAML: " + sanitize_utf8(e.msg)});  // yaml-cpp quotes one byte of a character
    return false;
  }
}

std::string_view strip_bom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// CRLF and lone CR (classic Mac) line endings become LF before any line is
// counted, so that front matter and diagnostics see the same lines.
std::string unify_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') out += s[i];
    else if (i + 1 >= s.size() || s[i + 1] != '\n') out += '\n';
  }
  return out;
}

// Reports the first invalid UTF-8 byte's line, if any.
void check_utf8(std::string_view text, const std::string& file, int first_line, std::vector<Diagnostic>& warnings) {
  std::string clean = sanitize_utf8(text);
  if (clean == text) return;
  size_t i = 0;
  while (i < text.size() && i < clean.size() && text[i] == clean[i]) ++i;
  int line = first_line + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(i), '\n'));
  warnings.push_back({file, line, "invalid UTF-8 (or NUL) replaced by U+FFFD"});
}

// "https://example.com/blog" -> origin "https://example.com" and path
// "/blog/" ("/" without one). False for anything but an absolute http(s)
// URL with a host and without spaces, a query or a fragment.
bool split_site_url(std::string_view url, std::string& origin, std::string& path) {
  const size_t host = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  if (host == 0 || url.find_first_of("?#") != std::string_view::npos) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ') return false;
  const size_t path_at = std::min(url.size(), url.find('/', host));
  if (path_at == host) return false;
  origin = std::string(url.substr(0, path_at));
  path = std::string(url.substr(path_at));
  if (path.empty() || path.back() != '/') path += '/';
  return true;
}

}  // namespace

void parse_site_yaml(std::string_view text, const std::string& file, Site& site,
                     std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  Context cx{file, 1, errors, warnings};
  const std::string unified = unify_newlines(strip_bom(text));
  text = unified;
  check_utf8(text, file, 1, warnings);
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
        size_t d = distance(key, known);
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
  if (name.size() > 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (name.size() > 11 && is_digit(name[0]) && is_digit(name[1]) && is_digit(name[2]) && is_digit(name[3]) &&
      name[4] == '-' && is_digit(name[5]) && is_digit(name[6]) && name[7] == '-' && is_digit(name[8]) &&
      is_digit(name[9]) && name[10] == '-')
    name.remove_prefix(11);
  return std::string(name);
}

std::string take_summary(std::string& body, bool wanted) {
  const std::string marker = "<!--more-->";
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

ParsedPost parse_post(std::string_view raw, const std::string& file, std::vector<Diagnostic>& errors,
                      std::vector<Diagnostic>& warnings) {
  ParsedPost r;
  const std::string unified = unify_newlines(strip_bom(raw));
  std::string_view text = unified;
  // Front matter: "---" on line 1, YAML, then a closing "---" line.
  auto line_end = [&](size_t pos) { size_t e = text.find('\n', pos); return e == std::string_view::npos ? text.size() : e; };
  auto line_at = [&](size_t pos) {
    std::string_view l = text.substr(pos, line_end(pos) - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    while (!l.empty() && l.back() == ' ') l.remove_suffix(1);
    return l;
  };
  if (line_at(0) != "---") {
    errors.push_back({file, 1, "expected front matter: a first line \"---\", then title: and date:, then \"---\""});
    return r;
  }
  size_t pos = line_end(0) + 1;
  int line_no = 2;
  size_t close = std::string_view::npos;
  while (pos <= text.size() && pos < text.size()) {
    if (line_at(pos) == "---" || line_at(pos) == "...") { close = pos; break; }
    pos = line_end(pos) + 1;
    ++line_no;
  }
  if (close == std::string_view::npos) {
    errors.push_back({file, 1, "front matter is not closed: add a line \"---\" after it"});
    return r;
  }
  std::string_view front = text.substr(line_end(0) + 1, close - (line_end(0) + 1));
  size_t body_start = std::min(text.size(), line_end(close) + 1);
  std::string body(text.substr(body_start));
  int body_line = line_no + 1;

  Context cx{file, 2, errors, warnings};
  size_t errors_before = errors.size();
  check_utf8(front, file, 2, warnings);
  check_utf8(body, file, body_line, warnings);
  YAML::Node root;
  if (!load_yaml(sanitize_utf8(front), cx, root)) return r;
  if (!root.IsMap()) {
    errors.push_back({file, 2, "front matter: expected keys and values (title: ..., date: ...)"});
    return r;
  }
  Post& p = r.post;
  bool has_title = false, has_date = false;
  json params = json::object();
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (!cx.first_time(kv.first)) continue;
    if (key == "title") {
      has_title = true;
      if (cx.scalar(kv.first, v, p.title) && p.title.empty()) cx.error(v, "title: must not be empty");
    } else if (key == "date") {
      has_date = true;
      if (cx.date(kv.first, v, p.date)) p.when = *parse_date(p.date);
    } else if (key == "updated") {
      cx.date(kv.first, v, p.updated);
    } else if (key == "slug") {
      r.slug_line = cx.line_of(kv.first);
      if (cx.scalar(kv.first, v, p.slug) && !valid_slug(p.slug))
        cx.error(v, "slug: expected letters, digits, '-', '_' or '.', got \"" + p.slug + "\"");
    } else if (key == "summary") {
      std::string summary;
      if (cx.scalar(kv.first, v, summary)) p.summary = std::move(summary);
    } else if (key == "draft") {
      cx.boolean(kv.first, v, r.draft);
    } else if (key == "tags") {
      if (v.IsNull()) continue;
      std::vector<YAML::Node> tags;  // each with its own line
      if (v.IsScalar()) {
        tags.push_back(v);
      } else if (v.IsSequence()) {
        for (const auto& t : v) {
          if (!t.IsScalar()) { cx.error(t, "tags: expected a list of words, got a nested list or map"); continue; }
          tags.push_back(t);
        }
      } else {
        cx.error(v, "tags: expected a list like [guide, markdown]");
      }
      // One tag per tag page: "C++" after "c++" is the same tag, kept as first spelled.
      std::set<std::string> slugs;
      for (const YAML::Node& t : tags) {
        const std::string& name = t.Scalar();
        if (slugify(name).empty()) { cx.error(t, "tags: \"" + name + "\" needs at least one letter or digit"); continue; }
        if (slugs.insert(tag_slug(name)).second) p.tags.push_back(name);
      }
    } else {
      params[key] = yaml_to_json(v);  // unknown keys are kept, not fatal
      for (const char* known : kPostKeys)
        if (distance(key, known) <= 2 && key.size() > 2) {
          cx.warn(kv.first, "unknown key \"" + key + "\" kept in params (did you mean \"" + known + "\"?)");
          break;
        }
    }
  }
  if (!has_title) errors.push_back({file, 2, "title: missing (every post needs a title)"});
  if (!has_date) errors.push_back({file, 2, std::string("date: missing (expected ") + kDateExpectation + ")"});
  if (p.slug.empty()) {
    p.slug = default_slug(fs::path(file).filename().string());
    if (!valid_slug(p.slug))
      errors.push_back({file, 0, "slug: the file name gives \"" + p.slug +
                                     "\"; rename the file or set slug: with letters, digits, '-', '_' or '.'"});
  }
  if (!params.empty()) p.params_json = params.dump(-1, ' ', false, json::error_handler_t::replace);
  body = sanitize_utf8(body);
  std::string summary = take_summary(body, p.summary.empty());
  if (p.summary.empty()) p.summary = summary;
  p.body = std::move(body);
  p.has_body = true;
  p.minutes = reading_minutes(p);  // once, here: every list showing the post reuses it
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
  std::vector<fs::path> files;
  if (fs::is_directory(posts_dir, ec)) {
    for (const auto& e : fs::directory_iterator(posts_dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  } else {
    r.warnings.push_back({posts_dir.string(), 0, "missing; the blog has no posts"});
  }
  std::sort(files.begin(), files.end());
  // Read and parse on every core; diagnostics are merged in file order.
  struct Parsed {
    bool read = false;
    ParsedPost post;
    std::vector<Diagnostic> errors, warnings;
  };
  std::vector<Parsed> parsed(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      std::string text;
      if (!read_file(files[i], text)) continue;
      parsed[i].read = true;
      parsed[i].post = parse_post(text, files[i].string(), parsed[i].errors, parsed[i].warnings);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(build_threads(), files.size() / 64 + 1); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  std::map<std::string, std::string> slug_file;
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
    if (!options.future && pp.post.when.epoch_seconds() > options.now) { ++r.skipped_future; continue; }
    r.bundle.posts.push_back(std::move(pp.post));
  }
  r.bundle.index();
  return r;
}

}  // namespace quire
